// Training objectives on one decoder-only GPT (Xue et al. 2023 compare causal LM, span corruption
// and UL2): pure, torch-free transforms from a raw token window to one training row
// (inputs x, targets y, prefix length), so that every objective trains the same model and only the
// attention mask and the targets change.
//
// Contract with the model (fixed):
//   * x and y have T = block_size tokens; y[i] == kIgnoreTarget (-1) means "no loss at position i".
//   * query i may attend key j iff j < prefix_len or j <= i. prefix_len 0 = causal,
//     prefix_len T = fully bidirectional.
//   * loss = mean cross-entropy over the positions with y != -1.
//
// Every objective except masked LM builds one token sequence s of at most T + 1 tokens and writes
// it as a next-token row, exactly like a causal window: x = s[0:T], y[i] = s[i+1] on the positions
// that carry a loss (so the last token of s, like the window's last token, is only ever a target).
// Positions of x after a short s hold the [PAD] id with y = -1.
//
//   causal          s = window[0:T+1]; prefix 0; loss everywhere (identical to split_window).
//   prefix_lm       split p uniform in [1, T-1]; prefix_len = p; s = window[0:T+1];
//                   loss at positions i >= p-1, i.e. the targets are window[p..T] (the suffix).
//   span_corruption T5 span corruption (Raffel et al. 2020) on the first L raw tokens:
//                   s = [corrupted input, one sentinel per noise span] ++
//                       [sentinel_0, span 0, sentinel_1, span 1, ...];
//                   prefix_len = length of the input part; loss from the last input position on,
//                   so every target-part token is predicted once. L is the largest length with
//                   L + 2 * n_spans(L) <= T + 1 (see row_builders.hpp); the rest is [PAD].
//   masked_lm       BERT: prefix_len = T; round(mask_rate * T) positions (at least 1) selected;
//                   80 % -> [MASK], 10 % -> a uniform base-vocabulary token, 10 % unchanged;
//                   y = the original token at the selected positions (same position, not the
//                   next one), -1 elsewhere. Uses window[0:T].
//   ul2             Mixture of denoisers (Tay et al. 2022), one denoiser per row drawn by weight
//                   (ObjectiveConfig::ul2_denoisers, default ul2_paper_mixture()); the row's first
//                   token is the mode token [R], [S] or [X] (always in the prefix, never a target).
//                   R / X: span corruption as above with the denoiser's density and mean span,
//                   with L + 2 * n_spans(L) <= T. S: prefix LM on n = T raw tokens,
//                   s = [S] ++ window[0:T]; the number k of raw prefix tokens is uniform in
//                   [max(1, round((1 - 2r)(n - 1))), n - 1] (T5's random_prefix_noise_mask, so on
//                   average a fraction r of the raw tokens are targets); prefix_len = 1 + k.
//
// Deviations from T5 / UL2, all deliberate: draws come from SplitMix64, not TF's stateless RNG
// (same distributions, different numbers); counts are rounded half-to-even in double precision
// like Python (TF rounds in float32, which can differ by one on exact halves); no EOS is appended
// to the input or target part (the prefix length marks the boundary); noise spans are capped at
// the number of kept tokens so that no span is empty (T5 would fail there); sentinels count up
// from base + 5 instead of down from the vocabulary's end; UL2's R/X span lengths use T5's
// segmentation rather than the normal distribution the paper's text describes; masks are not
// rolled (T5's default), so with one span the noise is always at the end of the raw tokens.
//
// Special ids: appended after the tokenizer's base vocabulary in one fixed layout for every
// objective, so that an id never changes meaning:
//   base + 0 [MASK], base + 1 [PAD], base + 2 [R], base + 3 [S], base + 4 [X],
//   base + 5 + k sentinel_k for k < max_sentinels.
// extra_vocab() is the length of the part of that layout an objective uses: causal 0 and
// prefix_lm 0 (the model keeps the base vocabulary), masked_lm 1, span_corruption and ul2
// 5 + max_sentinels. The model's vocab_size is base_vocab + extra_vocab(config).
//
// Randomness comes only from row_seed (SplitMix64 streams derived with mix_seed), never from
// std:: distributions: the same (window, row_seed) gives the same row on every machine.
//
// Validation loss per objective. The evaluator makes rows from the fixed validation windows with
// fixed row seeds (e.g. mix_seed(eval_seed, window_index)), so every evaluation scores the same
// rows, and reports the mean cross-entropy over that objective's own target positions:
//   causal: every next token; prefix_lm: the suffix tokens after a random split; span_corruption:
//   the sentinels and noise-span tokens of the target part; masked_lm: the selected positions;
//   ul2: the targets of each row's denoiser (a fixed mixture, since the seeds are fixed).
// These losses measure different tasks on different token subsets (a masked token sees both
// sides, a suffix token only its left), so they are not comparable across objectives. Runs are
// therefore compared each against its own 1-epoch baseline (same objective, same total tokens, no
// repetition: the degradation from repeating is the quantity of interest, Xue et al. finding 5)
// and across objectives through downstream scores, never by raw validation loss.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "spec/run_spec.hpp"  // ObjectiveSpec

namespace wb {

enum class ObjectiveKind { kCausal, kPrefixLm, kSpanCorruption, kMaskedLm, kUl2 };

// "causal", "prefix_lm", "span_corruption", "masked_lm", "ul2".
std::string_view objective_name(ObjectiveKind kind);
// Throws SpecError naming the unknown objective and listing the valid names.
ObjectiveKind parse_objective(std::string_view name);

enum class Ul2Mode { kR, kS, kX };  // regular, sequential (prefix LM), extreme denoising

struct Ul2Denoiser {
  Ul2Mode mode;
  double noise_density;  // R/X: fraction of raw tokens in noise spans; S: mean fraction of targets
  double mean_span;      // R/X: mean noise span length, e.g. 3; unused for S
  double weight;         // relative sampling weight (the weights need not sum to 1)
};

// The UL2 paper's seven denoisers: R (mu 3, r 0.15), R (8, 0.15); X (3, 0.5), X (8, 0.5),
// X (64, 0.15), X (64, 0.5); S (r 0.25). Weights: S 20 % (the share the paper's mixing ablation
// recommends), R 40 % and X 40 % split evenly among their configurations.
std::vector<Ul2Denoiser> ul2_paper_mixture();

struct ObjectiveConfig {
  ObjectiveKind kind = ObjectiveKind::kCausal;
  double noise_density = 0.15;  // span_corruption: fraction of raw tokens in noise spans (T5)
  double mean_span = 3.0;       // span_corruption: mean noise span length (T5)
  double mask_rate = 0.15;      // masked_lm: fraction of positions selected (BERT)
  int max_sentinels = 100;      // sentinel ids reserved (T5's 100 extra ids)
  std::vector<Ul2Denoiser> ul2_denoisers = ul2_paper_mixture();  // ul2 only
};

// The spec's objective section as a config (throws SpecError for an unknown kind).
ObjectiveConfig objective_config(const ObjectiveSpec& spec);

// Special ids an objective appends after the base vocabulary (see the layout above).
int extra_vocab(const ObjectiveConfig& config);

inline constexpr std::int64_t kIgnoreTarget = -1;

// Ids of the special tokens for a base vocabulary; only those below base + extra_vocab(config)
// belong to a given objective's vocabulary.
struct SpecialTokens {
  std::int64_t mask, pad, mode_r, mode_s, mode_x, first_sentinel;
  std::int64_t sentinel(int k) const { return first_sentinel + k; }
  std::int64_t mode(Ul2Mode m) const;
};
SpecialTokens special_tokens(std::uint32_t base_vocab);

// One training row (the allocating form, for tests and inspection).
struct ObjectiveRow {
  std::vector<std::int64_t> x, y;
  int prefix_len = 0;
};

class Objective {
 public:
  // Throws SpecError when the configuration is unusable (a rate out of range, no UL2 denoiser
  // with positive weight, a block size too small for the objective, more noise spans per row than
  // max_sentinels), naming the value and what to change.
  Objective(ObjectiveConfig config, std::uint32_t base_vocab, int block_size);

  // Fills one row from a window of block_size + 1 raw tokens (ids below base_vocab). x and y must
  // hold block_size tokens; they are overwritten entirely. Thread-safe (no mutable state).
  void make_row(std::span<const std::int64_t> window, std::uint64_t row_seed,
                std::span<std::int64_t> x, std::span<std::int64_t> y, int& prefix_len) const;
  ObjectiveRow make_row(std::span<const std::int64_t> window, std::uint64_t row_seed) const;

  const ObjectiveConfig& config() const { return config_; }
  int block_size() const { return block_size_; }
  std::int64_t vocab_size() const;  // base_vocab + extra_vocab(config)
  const SpecialTokens& special() const { return special_; }
  // Raw tokens a span-corruption row takes from the window (span_corruption, or a UL2 R/X
  // denoiser by its index in config().ul2_denoisers); 0 for other denoisers.
  int span_raw_length(std::size_t ul2_denoiser = 0) const;

 private:
  struct Prepared {         // one denoiser with its constant per-row geometry
    Ul2Denoiser denoiser;   // for non-UL2 objectives: mode kR, weight 1
    int raw_length = 0;     // span corruption: L; S: n (raw tokens)
    int noise_tokens = 0;   // span corruption: noise tokens in L
    int noise_spans = 0;    // span corruption: spans in L
    int min_prefix = 0;     // S: smallest number of raw prefix tokens
    double cumulative = 0;  // UL2: cumulative normalized weight
  };
  Prepared prepare_span(const Ul2Denoiser& d, int budget) const;
  Prepared prepare_sequential(const Ul2Denoiser& d) const;
  void make_ul2_row(std::span<const std::int64_t> window, std::uint64_t row_seed,
                    std::span<std::int64_t> x, std::span<std::int64_t> y, int& prefix_len) const;

  ObjectiveConfig config_;
  std::uint32_t base_vocab_;
  int block_size_;
  SpecialTokens special_;
  std::vector<Prepared> denoisers_;
};

}  // namespace wb
