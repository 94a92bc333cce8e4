// The experiment spec as typed structs: what one training run is (data, model, optimizer, training).
// Field names follow nanoGPT (n_layer, n_head, n_embd, block_size, bias, dropout) in C++, in the
// JSON spec and in the database alike. docs/spec.md documents every field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace wb {

enum class TokenizerKind { kByte, kChar, kBpe };
const char* to_string(TokenizerKind kind);

struct TokenizerSpec {
  TokenizerKind kind = TokenizerKind::kChar;
  int vocab_size = 0;  // BPE only: e.g. 1024 (SentencePiece trained on the training split)
};

struct DataSpec {
  std::string corpus = "brown";       // a corpus in the workspace, or a built-in recipe name
  TokenizerSpec tokenizer;
  double validation_fraction = 0.05;  // share of tokens held out, as whole documents
  std::uint64_t split_seed = 1234;    // which documents are held out
  // Exactly one of these two is set; the other follows from training.token_budget = U x R.
  std::optional<std::int64_t> unique_tokens;  // U, e.g. 250000
  std::optional<double> epochs;               // R, e.g. 4 (a fractional last epoch is allowed)
};

struct DropoutSpec {
  double attn = 0.0;   // on attention weights
  double resid = 0.0;  // on the attention and MLP outputs before the residual add
  double embd = 0.0;   // on token + position embeddings
};

struct ModelSpec {
  int n_layer = 4;       // transformer blocks
  int n_head = 4;        // attention heads; divides n_embd
  int n_embd = 128;      // model width
  int block_size = 64;   // context length in tokens
  bool bias = true;      // biases in Linear layers and LayerNorms (nanoGPT's `bias`)
  DropoutSpec dropout;
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
};

struct TrainingSpec {
  std::int64_t token_budget = 1'000'000;  // D: total training tokens, = U x R
  int batch_size = 12;                    // sequences per micro-batch (per rank)
  int grad_accum = 1;                     // micro-batches per optimizer step
  std::uint64_t seed = 1337;              // init, dropout and sampling order
  std::int64_t eval_interval = 100;       // steps between validation evaluations
  int eval_batches = 20;                  // fixed validation batches per evaluation
  std::int64_t checkpoint_interval = 0;   // steps between checkpoints; 0: only at the end
  std::string device = "auto";            // auto | cpu | cuda
  int threads = 0;                        // LibTorch intra-op threads; 0: all cores
};

struct RunSpec {
  std::string name;  // e.g. "token-crisis-mini/epochs=4"
  DataSpec data;
  ModelSpec model;
  OptimizerSpec optimizer;
  TrainingSpec training;
};

// Quantities that follow from a spec once the world size is known.
struct RunPlan {
  std::int64_t tokens_per_step = 0;  // batch_size x block_size x grad_accum x world_size
  std::int64_t total_steps = 0;      // floor(token_budget / tokens_per_step)
  std::int64_t train_tokens = 0;     // total_steps x tokens_per_step (the D actually trained)
  std::int64_t unique_tokens = 0;    // U, rounded down to whole block_size sequences
  double epochs = 0.0;               // train_tokens / unique_tokens
};

// Throws SpecError when the plan is impossible (fewer tokens than one step, ...).
RunPlan plan_run(const RunSpec& spec, int world_size = 1);

// JSON <-> struct. parse_run_spec validates every field and rejects unknown keys; errors name
// the field path (e.g. "model.n_head"), the bad value and what is allowed.
RunSpec parse_run_spec(const nlohmann::json& j);
nlohmann::json to_json(const RunSpec& spec);

}  // namespace wb
