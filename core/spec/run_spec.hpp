// The experiment spec as typed structs: what one training run is (data, model, optimizer, training).
// Field names follow nanoGPT (n_layer, n_head, n_embd, block_size, bias, dropout) in C++, in the
// JSON spec and in the database alike. docs/spec.md documents every field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace wb {

enum class TokenizerKind { kByte, kChar, kBpe };
const char* to_string(TokenizerKind kind);

struct TokenizerSpec {
  TokenizerKind kind = TokenizerKind::kChar;
  int vocab_size = 0;  // BPE only: e.g. 1024 (SentencePiece trained on the training split)
  // Train the vocabulary on the union of these corpora's training splits instead of the run's own
  // corpus, so that the stages of a continual pre-training experiment (English -> German) share
  // one vocabulary and a checkpoint can continue on the next corpus. Empty: data.corpus alone.
  std::vector<std::string> corpora;
};

// Replay (Ibrahim et al. 2024): a fraction of every batch drawn from an earlier corpus. Replay
// replaces new tokens, it does not add to them: the token budget stays D.
struct ReplaySpec {
  std::string corpus;     // empty: no replay
  double fraction = 0.0;  // share of training sequences, e.g. 0.25
}; 

struct DataSpec {
  std::string corpus = "brown";       // a corpus in the workspace, or a built-in recipe name
  TokenizerSpec tokenizer;
  double validation_fraction = 0.05;  // share of tokens held out, as whole documents
  std::uint64_t split_seed = 1234;    // which documents are held out
  // Exactly one of these two is set; the other follows from training.token_budget = U x R.
  std::optional<std::int64_t> unique_tokens;  // U, e.g. 250000
  std::optional<double> epochs;               // R, e.g. 4 (a fractional last epoch is allowed)
  ReplaySpec replay;                          // U and R count the new corpus's tokens only
};

// When dropout is on during training (Xue et al. 2023: "dropstage" = off, then on). The rates
// below are multiplied by the schedule's factor in [0, 1] at every step.
struct DropoutScheduleSpec {
  std::string kind = "constant";  // constant | dropstage (off until start) | linear (0 at start
                                  // -> 1 at end) | early (on until end, then off)
  double start = 0.0;             // in `unit`
  double end = 0.0;
  std::string unit = "fraction";  // fraction (of training) | steps | tokens | epochs
};

struct DropoutSpec {
  double attn = 0.0;   // on attention weights
  double resid = 0.0;  // on the attention and MLP outputs before the residual add
  double embd = 0.0;   // on token + position embeddings
  DropoutScheduleSpec schedule;
};

// Mixture of experts (Switch / GShard style) in the MLP of every `moe_every`-th block.
struct MoeSpec {
  int n_expert = 4;
  int top_k = 2;                  // 1 (Switch) or 2 (GShard)
  int moe_every = 1;              // blocks moe_every-1, 2*moe_every-1, ... get an MoE MLP
  double capacity_factor = 1.25;  // expert capacity = factor * tokens * top_k / n_expert; 0: no limit
  double aux_loss_coef = 0.01;    // Switch load-balancing loss
  double z_loss_coef = 0.001;     // router z-loss (ST-MoE)
  // Hidden units of each expert MLP; 0: 4 x n_embd like the dense MLP. n_embd x 4 / top_k gives a
  // top_k MoE the dense model's FLOPs per token (fine-grained experts).
  int expert_hidden = 0;
};

enum class Architecture { kDense, kMoe, kShared };
const char* to_string(Architecture arch);

struct ModelSpec {
  int n_layer = 4;       // transformer blocks
  int n_head = 4;        // attention heads; divides n_embd
  int n_embd = 128;      // model width
  int block_size = 64;   // context length in tokens
  bool bias = true;      // biases in Linear layers and LayerNorms (nanoGPT's `bias`)
  DropoutSpec dropout;
  Architecture arch = Architecture::kDense;
  MoeSpec moe;           // arch "moe" only
  int share_groups = 1;  // arch "shared": blocks form this many groups of consecutive blocks, each
                         // group sharing one set of weights (ALBERT); 1: all blocks share
  double drop_path = 0.0;  // stochastic depth: rate of the last block, linear in depth from 0
};

// The training objective on the decoder, through attention masks and targets.
struct ObjectiveSpec {
  std::string kind = "causal";  // causal | prefix_lm | span_corruption | masked_lm | ul2
  double noise_density = 0.15;  // span corruption: share of tokens corrupted (T5)
  double mean_span = 3.0;       // span corruption: mean noise span length (T5)
  double mask_rate = 0.15;      // masked LM: share of positions predicted (BERT)
};

struct OptimizerSpec {
  double lr = 1e-3;              // peak learning rate after warmup
  double min_lr = 1e-4;          // cosine decays to this
  std::int64_t warmup_steps = 100;
  std::int64_t decay_steps = 0;  // 0: decay over the whole run
  double weight_decay = 0.1;     // AdamW; never on biases, norms and embeddings
  double beta1 = 0.9;
  double beta2 = 0.99;
  double grad_clip = 1.0;        // max global grad norm; 0 disables
  // Learning-rate schedule: constant | cosine | linear | inverse_sqrt | infinite (warmup -> cooldown
  // to constant_lr -> constant -> anneal to min_lr; Ibrahim et al. 2024).
  std::string schedule = "cosine";
  double warmup_from_lr = 0.0;          // re-warming a continued run can start from its last LR
  double constant_lr = 0.0;             // infinite: the plateau; 0: lr (warmup-stable-decay)
  std::int64_t cooldown_steps = 0;      // infinite: max -> constant_lr
  std::string cooldown = "cosine";      // infinite: cosine | inverse_sqrt
  std::int64_t anneal_steps = 0;        // infinite: constant_lr -> min_lr; 0: never anneal
  std::string anneal = "linear";        // infinite: linear | exponential
  std::int64_t anneal_start = -1;       // infinite: step the anneal starts; -1: the last anneal_steps
};

struct TrainingSpec {
  std::int64_t token_budget = 1'000'000;  // D: total training tokens, = U x R
  int batch_size = 12;                    // sequences per micro-batch, all ranks together
  int grad_accum = 1;                     // micro-batches per optimizer step
  std::uint64_t seed = 1337;              // init, dropout and sampling order
  std::int64_t eval_interval = 100;       // steps between validation evaluations
  int eval_batches = 20;                  // fixed validation batches per evaluation
  std::int64_t checkpoint_interval = 0;   // steps between checkpoints; 0: only at the end
  std::string device = "auto";            // auto | cpu | cuda
  int threads = 0;                        // LibTorch intra-op threads; 0: all cores
  double label_smoothing = 0.0;           // cross-entropy label smoothing
  // Record each step's forward and backward once as a CUDA graph and replay it: one launch per
  // step instead of hundreds, which is what small models on a GPU wait for. Dense or shared
  // models with the causal objective, one rank per run; no effect on the CPU.
  bool cuda_graphs = false;
};

struct DownstreamSpec {
  std::vector<std::string> tasks;         // built-in: cloze, next_passage; empty: none
  std::vector<std::string> files;         // multiple-choice JSONL files (context, choices, label)
  int examples = 200;                     // per built-in task, from held-out validation documents
  int every = 1;                          // score at every n-th evaluation (and at the end)
  std::uint64_t seed = 7;                 // which examples the built-in tasks draw
};

struct OnsetSpec {
  double min_rise = 0.01;  // relative rise of the smoothed validation loss over its best that counts
  int patience = 2;        // evaluations the rise must last
  double smoothing = 0.7;  // EMA weight of the past in the smoothed validation loss (0: median of 3 only)
};

struct EvalSpec {
  // More validation sets: each corpus's validation split, tokenized with the run's tokenizer and
  // logged as eval/val_loss/CORPUS (forgetting of an earlier corpus, adaptation to a new one).
  std::vector<std::string> corpora;
  DownstreamSpec downstream;
  OnsetSpec onset;
};

// Start from another run's checkpoint instead of a fresh initialization (continual pre-training).
struct InitFromSpec {
  std::string run;                   // run id or exact name; empty: fresh initialization
  std::string optimizer = "reset";   // reset | keep (AdamW moments from the checkpoint)
};

struct RunSpec {
  std::string name;  // e.g. "token-crisis-mini/epochs=4"
  DataSpec data;
  ModelSpec model;
  OptimizerSpec optimizer;
  TrainingSpec training;
  ObjectiveSpec objective;
  EvalSpec eval;
  InitFromSpec init_from;
};

// Quantities that follow from a spec. They do not depend on how many processes train it: ranks
// split each micro-batch (rank_batch_size), so a run means the same on 1 process or 8.
struct RunPlan {
  std::int64_t tokens_per_step = 0;  // batch_size x block_size x grad_accum
  std::int64_t total_steps = 0;      // floor(token_budget / tokens_per_step)
  std::int64_t train_tokens = 0;     // total_steps x tokens_per_step (the D actually trained)
  std::int64_t unique_tokens = 0;    // U, rounded down to whole block_size sequences
  double epochs = 0.0;               // train_tokens / unique_tokens
  // Replay: sequences from data.replay.corpus, spread evenly over the run (sequence g of the run is
  // a replay sequence when floor((g+1) f) > floor(g f)); U and epochs count the other sequences.
  std::int64_t replay_tokens = 0;
};

// Replay sequences among the first `sequences` of a run: floor(sequences x fraction). Sequence g
// (0-based, counted over the whole run and all ranks) is a replay sequence when
// replay_sequences_before(g + 1) > replay_sequences_before(g), which spreads them evenly.
std::int64_t replay_sequences_before(std::int64_t sequences, double fraction);

// Throws SpecError when the plan is impossible (fewer tokens than one step, ...).
RunPlan plan_run(const RunSpec& spec);

// The rank counts (up to `up_to`) that share a batch of `batch_size` sequences evenly, as a fix
// names them: "1, 2, 3 or 6 ranks".
std::string rank_counts_sharing(int batch_size, int up_to = 64);
// Sequences per micro-batch on each of `world_size` ranks: batch_size / world_size. Throws
// SpecError naming the fix when batch_size is not a multiple of the world size.
int rank_batch_size(const TrainingSpec& training, int world_size);
// The same check for a whole run, its SpecError prefixed with the run's name.
void check_rank_split(const RunSpec& spec, int world_size);

// Why a run's steps cannot be recorded as CUDA graphs (training.cuda_graphs), or "" when they can:
// a recorded graph replays fixed shapes and never waits on the host, which MoE routing (tokens
// per expert) and the non-causal objectives (attention masks from each batch's prefixes) need,
// and holds the dropout rates it was recorded with, which a linear schedule changes every step.
std::string cuda_graphs_refusal(const ModelSpec& model, const ObjectiveSpec& objective);

// JSON <-> struct. parse_run_spec validates every field and rejects unknown keys; errors name
// the field path (e.g. "model.n_head"), the bad value and what is allowed.
RunSpec parse_run_spec(const nlohmann::json& j);
nlohmann::json to_json(const RunSpec& spec);

}  // namespace wb
