// `workbench-cli run|resume ... --nproc N`: a small torchrun for one machine. Starts N copies of
// the command as ranks 0..N-1 with torchrun's variables (RANK, WORLD_SIZE, LOCAL_RANK,
// MASTER_ADDR=127.0.0.1, a free MASTER_PORT), each in its own process group and sent SIGTERM if
// this process dies. Rank 0 writes to this terminal, the others to rank-R.log in `log_dir`
// (HOME/logs, or --rank-logs). Ctrl-C is forwarded once to every rank (they agree on the step to
// stop after, checkpoint and exit 130).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace wb {

struct LocalRanksOptions {
  int nproc = 2;
  std::vector<std::string> rank_argv;        // each rank's command line, "/proc/self/exe" first
  const std::atomic<bool>* stop = nullptr;   // set by this process's SIGINT/SIGTERM handler
  std::string log_dir;                       // where the other ranks' logs are, for messages
  int grace_s = 90;                          // after one rank failed, how long the others may take
};

struct LocalRanksOutcome {
  int exit_code = 0;              // rank 0's, or, when rank 0 succeeded, the first failed rank's
  std::int64_t rank_zero_pid = 0;
  bool rank_zero_killed = false;  // by a signal (not a forwarded Ctrl-C): it could not record its end
};

// Runs the ranks to their end.
LocalRanksOutcome run_local_ranks(const LocalRanksOptions& options);

}  // namespace wb
