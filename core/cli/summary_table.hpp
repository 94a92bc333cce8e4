// The table that ends an experiment: final and best validation loss per run and the degradation
// against the least-repeated run (the 1-epoch run of a repetition sweep). Pure formatting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wb {

struct RunOutcome {
  std::int64_t run_id = 0;
  std::string name;
  std::string status;
  double epochs = 0.0;               // planned R
  std::int64_t unique_tokens = 0;    // planned U
  std::int64_t train_tokens = 0;     // D
  bool evaluated = false;            // false for queued runs and runs that failed before evaluating
  double final_val_loss = 0.0;
  double best_val_loss = 0.0;
  std::int64_t best_step = 0;
  std::int64_t onset_step = -1;      // best step before overfitting, -1 when none was detected
  double wall_s = 0.0;
};

// Relative change of final validation loss against the evaluated run with the fewest epochs, in
// percent; NaN for runs that were not evaluated (and for all when none was).
std::vector<double> degradation_percent(const std::vector<RunOutcome>& runs);
std::string format_summary_table(const std::vector<RunOutcome>& runs);
nlohmann::json summary_json(const std::vector<RunOutcome>& runs);

}  // namespace wb
