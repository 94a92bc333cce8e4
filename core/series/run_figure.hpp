// Runs of the store as a comparison figure: one curve per run of one metric against steps, tokens,
// epochs or wall time, coloured by a spec field (e.g. data.epochs), optionally smoothed and
// downsampled, with the overfitting onset and the best validation point marked. Reads the store
// and specs, no Torch and no Qt: `workbench-cli export` and the desktop app share it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "series/figure.hpp"
#include "store/run_store.hpp"

namespace wb::series {

inline constexpr const char* kValidationLoss = "eval/val_loss";

struct FigureRequest {
  std::string metric = kValidationLoss;
  XAxis x_axis = XAxis::kTokens;
  // A field path of the resolved run spec, e.g. "data.epochs", "objective.kind", "model.dropout":
  // runs with the same value share a colour. Empty: every run its own colour.
  std::string group_by;
  double smoothing = 0.0;   // debiased EMA weight in [0, 1); 0: raw (Curve::raw stays empty)
  std::size_t points = 0;   // at most this many points per curve (LTTB); 0 or < 3: all
  bool markers = true;      // onset and best point, for eval/val_loss only
};

// Runs without a row of the metric get no curve (compare the curves' run_id with `runs` to say
// which). x_label and y_label are set; title and log axes are the caller's.
Figure figure_from_runs(const RunStore& store, const std::vector<RunRow>& runs, const FigureRequest& request);

// "epochs=16", "objective=prefix_lm" (for a path ending in "kind"), "dropout=0.1" for the value at
// `path` of a resolved run spec; "" when the spec has no such field. data.epochs and
// data.unique_tokens, of which a spec sets only one, are worked out from the run's plan.
std::string group_label(const std::string& spec_json, const std::string& path);

// The run's name without its "experiment/" prefix.
std::string short_run_name(const RunRow& run);

// An axis label for a metric: "validation loss" for eval/val_loss, "validation loss, german" for
// eval/val_loss/german, "learning rate" for lr; other names as they are.
std::string metric_label(const std::string& metric);

// The metric names the runs have, sorted (for "unknown metric" errors).
std::vector<std::string> metric_names(const RunStore& store, const std::vector<RunRow>& runs);

}  // namespace wb::series
