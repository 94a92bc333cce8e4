// How the ranks of a data-parallel job (torchrun, srun, or `run --nproc N`) train an experiment
// together. Rank 0 runs the experiment as one process would: the spec, the database, the queue,
// checkpoints, results. Before each run it announces the run on the job's store; the other
// ranks follow: they prepare the same data, train the same run on their share of every batch,
// and write nothing but their own log (rank-R.log in HOME/logs or --rank-logs), so a node needs
// no database.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/workspace.hpp"

namespace wb {

class RankGroup;
struct RunnerOptions;

// One announcement of rank 0: the next run, or the end of the job.
struct RankAssignment {
  std::int64_t run_id = 0;
  std::string spec_json;           // the run's spec as recorded
  std::string checkpoint_dir;      // rank 0's; all ranks read last.pt from it when resuming
  bool resume_from_checkpoint = false;  // rank 0 continues from checkpoint_dir/last.pt
  std::string init_checkpoint;     // init_from: the weights every rank starts from
  bool done = false;               // no more runs
  std::string error;               // done because rank 0 failed: why

  std::string to_json() const;
  static RankAssignment from_json(const std::string& text);
};

// Rank 0's side. finish() ends the job for the followers (the destructor does, if nobody did).
class RankLeader {
 public:
  explicit RankLeader(RankGroup& group);  // publishes the job token (--nproc)
  ~RankLeader();
  RankLeader(const RankLeader&) = delete;
  RankLeader& operator=(const RankLeader&) = delete;

  RankGroup& group() { return group_; }
  // Call with the run's data prepared on this host: followers here then only load it.
  void announce(const RankAssignment& assignment);
  void finish(const std::string& error = {});

 private:
  RankGroup& group_;
  int next_ = 0;
  bool finished_ = false;
};

// A rank above 0: trains what rank 0 announces until it says done. Returns the exit code: 0, or
// 130 when the last run was interrupted; throws UserError when rank 0 failed or vanished.
int follow_rank_zero(RankGroup& group, const Workspace& workspace, const RunnerOptions& options);

// Sends this process's stdout and stderr to DIR/rank-R.log (appended, with a header line) after
// saying so on the old stderr. Every rank but 0 does this: one terminal, one voice. DIR is
// HOME/logs, or a launch's own folder (`--rank-logs`), so concurrent launches keep apart.
std::filesystem::path redirect_to_rank_log(const std::filesystem::path& dir, int rank, int world_size);

}  // namespace wb
