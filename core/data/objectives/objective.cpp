// Training objectives: names, the special-id layout, configuration checks, and the per-row
// dispatch including the UL2 mixture (row shapes are in row_builders.cpp).
#include "data/objectives/objective.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "common/errors.hpp"
#include "data/objectives/row_builders.hpp"

namespace wb {
namespace {

constexpr std::array<std::pair<ObjectiveKind, std::string_view>, 5> kNames{{
    {ObjectiveKind::kCausal, "causal"},
    {ObjectiveKind::kPrefixLm, "prefix_lm"},
    {ObjectiveKind::kSpanCorruption, "span_corruption"},
    {ObjectiveKind::kMaskedLm, "masked_lm"},
    {ObjectiveKind::kUl2, "ul2"},
}};

// Offsets of the special ids after the base vocabulary (objective.hpp documents the layout).
constexpr int kMaskOffset = 0, kPadOffset = 1, kModeROffset = 2, kModeSOffset = 3,
              kModeXOffset = 4, kFirstSentinelOffset = 5;

std::string prefix(const ObjectiveConfig& config) {
  return "objective '" + std::string(objective_name(config.kind)) + "': ";
}

std::string number(double value) {
  std::string text = std::to_string(value);
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

void check_span_rates(const ObjectiveConfig& config, double density, double mean_span) {
  if (!(density > 0.0 && density < 1.0))
    throw SpecError(prefix(config) + "noise_density " + number(density) + " is not in (0, 1)",
                    "use a fraction of noise tokens such as 0.15 (T5) or 0.5 (UL2 X-denoisers)");
  if (!(mean_span >= 1.0) || !std::isfinite(mean_span))
    throw SpecError(prefix(config) + "mean_span " + number(mean_span) + " is below 1",
                    "use a mean noise span length of at least 1 token, e.g. 3 (T5)");
}

}  // namespace

std::string_view objective_name(ObjectiveKind kind) {
  for (const auto& [k, name] : kNames)
    if (k == kind) return name;
  throw std::invalid_argument("objective_name: unknown ObjectiveKind");
}

ObjectiveKind parse_objective(std::string_view name) {
  std::string valid;
  for (const auto& [kind, known] : kNames) {
    if (known == name) return kind;
    valid += (valid.empty() ? "" : ", ") + std::string(known);
  }
  throw SpecError("unknown objective '" + std::string(name) + "'", "use one of: " + valid);
}

std::vector<Ul2Denoiser> ul2_paper_mixture() {
  return {
      {Ul2Mode::kR, 0.15, 3.0, 0.20},  {Ul2Mode::kR, 0.15, 8.0, 0.20},
      {Ul2Mode::kX, 0.50, 3.0, 0.10},  {Ul2Mode::kX, 0.50, 8.0, 0.10},
      {Ul2Mode::kX, 0.15, 64.0, 0.10}, {Ul2Mode::kX, 0.50, 64.0, 0.10},
      {Ul2Mode::kS, 0.25, 0.0, 0.20},
  };
}

ObjectiveConfig objective_config(const ObjectiveSpec& o) {
  ObjectiveConfig c;
  c.kind = parse_objective(o.kind);
  c.noise_density = o.noise_density;
  c.mean_span = o.mean_span;
  c.mask_rate = o.mask_rate;
  return c;
}

int extra_vocab(const ObjectiveConfig& config) {
  switch (config.kind) {
    case ObjectiveKind::kCausal:
    case ObjectiveKind::kPrefixLm: return 0;
    case ObjectiveKind::kMaskedLm: return kMaskOffset + 1;
    case ObjectiveKind::kSpanCorruption:
    case ObjectiveKind::kUl2: return kFirstSentinelOffset + config.max_sentinels;
  }
  throw std::invalid_argument("extra_vocab: unknown ObjectiveKind");
}

std::int64_t SpecialTokens::mode(Ul2Mode m) const {
  switch (m) {
    case Ul2Mode::kR: return mode_r;
    case Ul2Mode::kS: return mode_s;
    case Ul2Mode::kX: return mode_x;
  }
  throw std::invalid_argument("SpecialTokens::mode: unknown Ul2Mode");
}

SpecialTokens special_tokens(std::uint32_t base_vocab) {
  const auto base = static_cast<std::int64_t>(base_vocab);
  return {base + kMaskOffset,  base + kPadOffset,   base + kModeROffset,
          base + kModeSOffset, base + kModeXOffset, base + kFirstSentinelOffset};
}

Objective::Objective(ObjectiveConfig config, std::uint32_t base_vocab, int block_size)
    : config_(std::move(config)),
      base_vocab_(base_vocab),
      block_size_(block_size),
      special_(special_tokens(base_vocab)) {
  if (block_size_ < 1)
    throw SpecError(prefix(config_) + "block_size " + std::to_string(block_size_) +
                    " is not positive", "set model.block_size to at least 1");
  if (base_vocab_ < 1)
    throw SpecError(prefix(config_) + "the tokenizer has an empty vocabulary",
                    "train or choose a tokenizer with at least one token");
  const bool uses_sentinels = config_.kind == ObjectiveKind::kSpanCorruption ||
                              config_.kind == ObjectiveKind::kUl2;
  if (uses_sentinels && config_.max_sentinels < 1)
    throw SpecError(prefix(config_) + "max_sentinels " + std::to_string(config_.max_sentinels) +
                    " leaves no sentinel ids", "reserve sentinel ids, e.g. 100 as T5 does");

  switch (config_.kind) {
    case ObjectiveKind::kCausal: break;
    case ObjectiveKind::kPrefixLm:
      if (block_size_ < 2)
        throw SpecError(prefix(config_) + "block_size 1 leaves no room for a prefix and a suffix",
                        "use block_size >= 2");
      break;
    case ObjectiveKind::kMaskedLm:
      if (!(config_.mask_rate > 0.0 && config_.mask_rate <= 1.0))
        throw SpecError(prefix(config_) + "mask_rate " + number(config_.mask_rate) +
                        " is not in (0, 1]", "use a fraction of positions such as 0.15 (BERT)");
      break;
    case ObjectiveKind::kSpanCorruption:
      denoisers_.push_back(prepare_span({Ul2Mode::kR, config_.noise_density, config_.mean_span, 1.0},
                                        block_size_ + 1));
      break;
    case ObjectiveKind::kUl2: {
      double total = 0.0;
      for (const Ul2Denoiser& d : config_.ul2_denoisers) {
        if (!(d.weight >= 0.0) || !std::isfinite(d.weight))
          throw SpecError(prefix(config_) + "a UL2 denoiser has weight " + number(d.weight),
                          "give every denoiser a finite weight >= 0");
        total += d.weight;
        // The mode token takes one of the T + 1 sequence slots.
        denoisers_.push_back(d.mode == Ul2Mode::kS ? prepare_sequential(d)
                                                   : prepare_span(d, block_size_));
      }
      if (!(total > 0.0))
        throw SpecError(prefix(config_) + "no UL2 denoiser has a positive weight",
                        "list at least one denoiser with weight > 0 (or use the paper mixture)");
      double cumulative = 0.0;
      for (Prepared& p : denoisers_) p.cumulative = (cumulative += p.denoiser.weight / total);
      break;
    }
  }
}

Objective::Prepared Objective::prepare_span(const Ul2Denoiser& d, int budget) const {
  check_span_rates(config_, d.noise_density, d.mean_span);
  Prepared p{d};
  p.raw_length = fit_span_raw_length(budget, d.noise_density, d.mean_span);
  if (p.raw_length == 0)
    throw SpecError(prefix(config_) + "block_size " + std::to_string(block_size_) +
                    " is too small for span corruption (noise_density " +
                    number(d.noise_density) + ", mean_span " + number(d.mean_span) + ")",
                    "use a larger block_size (8 or more)");
  const SpanCounts counts = span_counts(p.raw_length, d.noise_density, d.mean_span);
  p.noise_tokens = counts.noise_tokens;
  p.noise_spans = counts.noise_spans;
  if (p.noise_spans > config_.max_sentinels)
    throw SpecError(prefix(config_) + "a row of block_size " + std::to_string(block_size_) +
                    " has " + std::to_string(p.noise_spans) + " noise spans (noise_density " +
                    number(d.noise_density) + ", mean_span " + number(d.mean_span) +
                    ") but only " + std::to_string(config_.max_sentinels) +
                    " sentinel ids are reserved",
                    "raise max_sentinels to " + std::to_string(p.noise_spans) +
                    ", or use a longer mean_span or a smaller block_size");
  return p;
}

Objective::Prepared Objective::prepare_sequential(const Ul2Denoiser& d) const {
  if (!(d.noise_density > 0.0 && d.noise_density <= 0.5))
    throw SpecError(prefix(config_) + "the S-denoiser's noise_density " +
                    number(d.noise_density) + " is not in (0, 0.5]",
                    "use the mean fraction of target tokens, e.g. 0.25 (UL2)");
  if (block_size_ < 2)
    throw SpecError(prefix(config_) + "block_size 1 leaves no room for the S-denoiser",
                    "use block_size >= 2");
  Prepared p{d};
  p.raw_length = block_size_;  // [S] + T raw tokens fill the T + 1 sequence slots
  const auto last_gap = static_cast<double>(p.raw_length - 1);
  const auto min_prefix = round_half_even((1.0 - 2.0 * d.noise_density) * last_gap);
  p.min_prefix = static_cast<int>(std::clamp<std::int64_t>(min_prefix, 1, p.raw_length - 1));
  return p;
}

std::int64_t Objective::vocab_size() const {
  return static_cast<std::int64_t>(base_vocab_) + extra_vocab(config_);
}

int Objective::span_raw_length(std::size_t ul2_denoiser) const {
  if (config_.kind == ObjectiveKind::kSpanCorruption) return denoisers_.front().raw_length;
  if (config_.kind != ObjectiveKind::kUl2 || ul2_denoiser >= denoisers_.size()) return 0;
  const Prepared& p = denoisers_[ul2_denoiser];
  return p.denoiser.mode == Ul2Mode::kS ? 0 : p.raw_length;
}

void Objective::make_row(std::span<const std::int64_t> window, std::uint64_t row_seed,
                         std::span<std::int64_t> x, std::span<std::int64_t> y,
                         int& prefix_len) const {
  const auto block = static_cast<std::size_t>(block_size_);
  if (window.size() != block + 1 || x.size() != block || y.size() != block)
    throw std::invalid_argument("Objective::make_row: window must hold block_size + 1 tokens, "
                                "x and y block_size tokens");
  switch (config_.kind) {
    case ObjectiveKind::kCausal:  // the same split as split_window
      std::copy(window.begin(), window.end() - 1, x.begin());
      std::copy(window.begin() + 1, window.end(), y.begin());
      prefix_len = 0;
      return;
    case ObjectiveKind::kPrefixLm: {
      // p uniform in [1, T-1]: T5's random_prefix_noise_mask with density 0.5.
      SplitMix64 split(mix_seed(row_seed, kStreamSplit));
      const int p = 1 + static_cast<int>(split.below(block - 1));
      write_prefix_lm_row(window, -1, p, x, y, prefix_len);
      return;
    }
    case ObjectiveKind::kSpanCorruption: {
      const Prepared& d = denoisers_.front();
      write_span_corruption_row(window.first(static_cast<std::size_t>(d.raw_length)),
                                {d.noise_tokens, d.noise_spans}, -1, special_, row_seed, x, y,
                                prefix_len);
      return;
    }
    case ObjectiveKind::kMaskedLm: {
      const auto selected = std::clamp<std::int64_t>(
          round_half_even(config_.mask_rate * static_cast<double>(block_size_)), 1, block_size_);
      write_masked_lm_row(window.first(block), static_cast<int>(selected), special_.mask,
                          base_vocab_, row_seed, x, y, prefix_len);
      return;
    }
    case ObjectiveKind::kUl2: make_ul2_row(window, row_seed, x, y, prefix_len); return;
  }
}

void Objective::make_ul2_row(std::span<const std::int64_t> window, std::uint64_t row_seed,
                             std::span<std::int64_t> x, std::span<std::int64_t> y,
                             int& prefix_len) const {
  SplitMix64 choose(mix_seed(row_seed, kStreamDenoiser));
  const double u = static_cast<double>(choose.next() >> 11) * 0x1.0p-53;  // uniform in [0, 1)
  const Prepared* d = nullptr;
  for (const Prepared& p : denoisers_) {
    if (p.denoiser.weight > 0.0) d = &p;  // rounding can leave u above the last cumulative
    if (u < p.cumulative && p.denoiser.weight > 0.0) break;
  }
  const std::int64_t mode = special_.mode(d->denoiser.mode);
  if (d->denoiser.mode == Ul2Mode::kS) {
    SplitMix64 split(mix_seed(row_seed, kStreamSplit));
    const auto choices = static_cast<std::uint64_t>(d->raw_length - d->min_prefix);
    const int k = d->min_prefix + static_cast<int>(split.below(choices));
    write_prefix_lm_row(window.first(static_cast<std::size_t>(d->raw_length)), mode, k, x, y,
                        prefix_len);
    return;
  }
  write_span_corruption_row(window.first(static_cast<std::size_t>(d->raw_length)),
                            {d->noise_tokens, d->noise_spans}, mode, special_, row_seed, x, y,
                            prefix_len);
}

ObjectiveRow Objective::make_row(std::span<const std::int64_t> window,
                                 std::uint64_t row_seed) const {
  ObjectiveRow row;
  row.x.resize(static_cast<std::size_t>(block_size_));
  row.y.resize(static_cast<std::size_t>(block_size_));
  make_row(window, row_seed, row.x, row.y, row.prefix_len);
  return row;
}

}  // namespace wb
