// Estimates for the runs an experiment expands to, before anything trains: unique tokens U,
// epochs R, training tokens D, parameters N, training FLOPs, wall time from the throughput this
// machine measured on earlier runs, and the final loss a saved scaling-law fit predicts.
// Pure functions over the spec and the store's rows; no Torch, no Qt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spec/experiment_spec.hpp"
#include "store/run_store.hpp"

namespace wb::design {

struct RunEstimate {
  std::string name;                 // e.g. "token-crisis-mini/epochs=4"
  std::int64_t unique_tokens = 0;   // U (plan_run: whole block_size sequences)
  double epochs = 0.0;              // R = D / U
  std::int64_t train_tokens = 0;    // D actually trained (whole steps)
  std::int64_t parameters = 0;      // N: every trainable parameter, as the fits count them
  double flops = 0.0;               // training FLOPs: flops_per_token x D
  std::optional<double> eta_s;      // flops / measured FLOP/s; none without a measurement
  std::optional<double> predicted_loss;  // from `law_fit`; none without a usable saved fit
  std::string law_fit;              // the saved fit's name the prediction comes from
  std::string error;                // plan_run's message when the run cannot be planned
};

struct EstimateOptions {
  std::optional<double> flops_per_s;  // measured model FLOP/s (measured_throughput)
  std::vector<FitRow> fits;           // saved fits (RunStore::fits())
  std::optional<int> vocab;           // vocabulary size; default: estimated_vocab(spec.data)
};

// The vocabulary the parameter count uses before the tokenizer exists: byte 257 (256 + EOT),
// bpe its vocab_size, char 96 (Brown at character level has 87 symbols; printable ASCII plus
// <unk> and EOT is a close upper bound). Embeddings are a small share of N at any real size.
int estimated_vocab(const DataSpec& data);

// The saved fit used to predict a run's loss: for repeated data (epochs > 1) a data-constrained
// fit (Muennighoff et al. 2023: repeated tokens are worth less), else a Chinchilla fit; either
// as a fallback for the other. The newest fit of a law wins. CPT fits are not used (they need
// a predecessor run). nullptr when none fits.
const FitRow* choose_fit(const std::vector<FitRow>& fits, double epochs);

// Predicted final validation loss of N parameters trained on D tokens from U unique ones under
// a saved fit; nullopt when the fit's law or parameters cannot be read.
std::optional<double> predict_with_fit(const FitRow& fit, double params, double tokens, double unique_tokens);

RunEstimate estimate_run(const RunSpec& spec, const EstimateOptions& options);
std::vector<RunEstimate> estimate_runs(const ExperimentSpec& experiment, const EstimateOptions& options);

// Model FLOP/s this machine reached: over the newest `newest` finished runs that logged
// tokens_per_s, each run's median tokens/s times its FLOPs per token; the median of those.
// nullopt when no finished run has a throughput.
std::optional<double> measured_throughput(const RunStore& store, int newest = 5);

struct Totals {
  std::int64_t train_tokens = 0;
  double flops = 0.0;
  std::optional<double> eta_s;  // none when any run has none
};
Totals totals(const std::vector<RunEstimate>& runs);

}  // namespace wb::design
