// Resuming runs on several ranks. Before it trains, or before any of its ranks starts, a resume
// checks that the run exists and that every run of the experiment it may still train (all but
// finished and failed ones) splits its batch over the ranks. After rank 0 of `--nproc N` died
// without recording its end, its parent says which runs it left and how to continue them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/run_store.hpp"

namespace wb {

// The run named by id or exact name; a UserError saying how to list them when there is none.
RunRow run_to_resume(const RunStore& store, const std::string& run);

// Throws a SpecError naming the run (id and name) whose batch_size `world_size` ranks cannot
// share; runs whose stored spec does not parse are left to the resume itself, which says why.
void check_rank_split(const RunStore& store, std::int64_t experiment_id, int world_size);

// What to tell the user about the runs that process `pid` on this host left marked running (rank
// 0 killed, out of memory, or ended by NCCL's watchdog): one line per run and the command that
// continues them from their last checkpoints on `nproc` ranks. Empty when it left none, or when
// `db` cannot be read (the ranks' own errors said why).
std::vector<std::string> runs_left_by_rank_zero(const std::filesystem::path& db, std::int64_t pid, int nproc);

}  // namespace wb
