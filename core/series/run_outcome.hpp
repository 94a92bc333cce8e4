// What a run came to, read from the store: final and best validation loss, the overfitting onset,
// the final downstream scores, and the degradation against its baseline, the least-repeated run
// of its group (the 1-epoch run of a repetition sweep with otherwise equal settings). The table
// that ends `workbench-cli run` and the desktop app's summary table are both made from these.
// No Torch, no Qt.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "store/run_store.hpp"

namespace wb {

struct RunOutcome {
  std::int64_t run_id = 0;
  std::string name;
  std::string status;
  double epochs = 0.0;               // planned R
  std::int64_t unique_tokens = 0;    // planned U
  std::int64_t train_tokens = 0;     // D
  bool evaluated = false;            // false for queued runs and runs that failed before evaluating
  std::size_t evaluations = 0;       // validation losses recorded
  double final_val_loss = 0.0;
  double best_val_loss = 0.0;
  std::int64_t best_step = 0;
  std::int64_t onset_step = -1;      // after it the loss rose for good (overfitting_detector.hpp); -1: none
  double onset_epoch = std::numeric_limits<double>::quiet_NaN();  // epoch of the onset; NaN: none
  double wall_s = 0.0;
  // The last value of each downstream metric ("downstream/cloze/acc" -> 0.31); empty without.
  std::map<std::string, double> downstream;
  // Runs that differ only in repetition (U or R at the same token budget) share a group; each run
  // is compared with the fewest-epochs run of its group (an objective against its own 1-epoch run,
  // a token budget against its own).
  std::string group;
};

// The group of a resolved run spec: the spec without its name and repetition settings.
std::string repetition_group(const nlohmann::json& run_spec);

// Reads a run's outcome: its plan from its spec (a spec this build cannot read leaves the plan's
// fields at 0), losses from eval/val_loss, the onset from its overfitting_onset event, and the
// last value of every downstream/ metric. A view that already holds the run's eval/val_loss
// points (in step order) passes them as `val_loss`, and only events and downstream rows are read.
RunOutcome outcome_from_store(const RunStore& store, const RunRow& row,
                              const std::vector<MetricPoint>* val_loss = nullptr);

// Relative change of final validation loss against the finished run with the fewest epochs in
// the same group, in percent; NaN for runs that have not finished and for runs alone among the
// finished runs of their group.
std::vector<double> degradation_percent(const std::vector<RunOutcome>& runs);

}  // namespace wb
