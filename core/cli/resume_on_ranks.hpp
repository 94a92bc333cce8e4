// Resuming runs on several ranks. Before it trains, or before any of its ranks starts, a resume
// checks that the run (or experiment) exists and that every run it may train splits its batch
// over the ranks. After rank 0 of `--nproc N` died without recording its end (killed, out of
// memory, ended by NCCL's watchdog), its parent says which runs it left and how to continue them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/workspace.hpp"
#include "store/run_store.hpp"

namespace wb {

// The run named by id or exact name (require_run); a UserError when it has already finished.
RunRow run_to_resume(const RunStore& store, const std::string& run);

// A UserError when the store has no experiment `experiment_id`.
void require_experiment(const RunStore& store, std::int64_t experiment_id);

// How a refused rank count's fix names another: "--nproc K" where this command starts the ranks,
// "K ranks" where a launcher does (torchrun, srun).
enum class RankCountHint { kNproc, kRanks };

// Throws a SpecError naming the first run whose batch_size `world_size` ranks cannot share, of the
// experiment's runs still to train (all but finished and failed ones) and the runs in `also`
// (those a resume trains whatever their status: the run it names). Its fix names the most ranks
// up to `world_size` that suit them all. Runs whose stored spec does not parse are left to the
// resume itself, which says why.
void check_rank_split(const RunStore& store, std::int64_t experiment_id, int world_size,
                      const std::vector<std::int64_t>& also, RankCountHint hint);

// (run id, process id) of the runs marked running on this host: taken before the ranks start, so
// that a run an earlier process of the same id left (ids are reused, in containers soon) is not
// taken for one rank 0 left.
using RunningRuns = std::set<std::pair<std::int64_t, std::int64_t>>;
RunningRuns runs_marked_running(const std::filesystem::path& db);

// What the resume command the parent suggests must repeat of its own command line.
struct ResumeHint {
  Workspace workspace;
  std::filesystem::path db;
  std::string global_options;  // e.g. " --home /data/wb" (shell-quoted), as given
  std::string device;          // --device, as given
  int nproc = 2;
  std::filesystem::path events_file;  // --events-file: a `start` launch's is continued by `start --resume`
};

// One line per run that process `pid` left marked running (and `before` did not hold), and the
// command that continues them on as many ranks: from their last checkpoints, or from step 0
// where they wrote none. Empty when it left none, or when the database cannot be read (the ranks'
// own errors said why).
std::vector<std::string> runs_left_by_rank_zero(const ResumeHint& hint, std::int64_t pid, const RunningRuns& before);

}  // namespace wb
