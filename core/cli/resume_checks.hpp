// What a resume checks before it trains, or before any of its ranks starts: that the run exists,
// and that every run of the experiment it may still train (all but finished and failed ones)
// splits its batch over the ranks.
#pragma once

#include <cstdint>
#include <string>

#include "store/run_store.hpp"

namespace wb {

// The run named by id or exact name; a UserError saying how to list them when there is none.
RunRow run_to_resume(const RunStore& store, const std::string& run);

// Throws a SpecError naming the run (id and name) whose batch_size `world_size` ranks cannot
// share; runs whose stored spec does not parse are left to the resume itself, which says why.
void check_rank_split(const RunStore& store, std::int64_t experiment_id, int world_size);

}  // namespace wb
