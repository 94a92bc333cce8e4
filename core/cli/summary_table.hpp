// The table that ends an experiment: final and best validation loss per run and the degradation
// against its baseline (series/run_outcome.hpp says which). Pure formatting.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "series/run_outcome.hpp"  // RunOutcome, degradation_percent

namespace wb {

std::string format_summary_table(const std::vector<RunOutcome>& runs);
nlohmann::json summary_json(const std::vector<RunOutcome>& runs);

}  // namespace wb
