// Runs an experiment's queue with up to N runs at once, each in a child process of workbench-cli
// (`workbench-cli worker RUN_ID`): LibTorch's intra-op thread pool is process-wide, so runs in
// one process would fight over it. The store is the queue (RunStore::claim_next_run), so two
// schedulers on one database never start the same run. The parent forwards the children's
// JSON lines and stderr, polls the store for a one-line status, and forwards Ctrl-C once.
#pragma once

#include <atomic>
#include <cstdio>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "common/cpu_cores.hpp"
#include "store/run_store.hpp"

namespace wb {

struct SchedulerOptions {
  int jobs = 2;                              // runs at once
  int threads_per_job = 1;                   // --threads of each worker
  std::string device_override;               // --device of each worker; empty: the spec's
  std::FILE* events = nullptr;               // workers stream JSON lines, forwarded here; null: none
  const std::atomic<bool>* stop = nullptr;   // SIGINT flag: forward to workers, start nothing new
  std::filesystem::path home;                // --home and --db of the workers
  std::filesystem::path db;
  RunEnvironment environment;                // recorded with each claim until the worker takes over
};

struct SchedulerResult {
  bool interrupted = false;          // stopped, or a run it started ended interrupted
  std::exception_ptr first_failure;  // a UserError with the failed worker's exit code
};

class Scheduler {
 public:
  Scheduler(RunStore& store, SchedulerOptions options);
  // Claims and runs `resume_first` (runs that were started before; their workers continue from
  // their checkpoints), then the experiment's queued runs, until none can start and every worker
  // has exited. Datasets must have been prepared: workers only load them.
  SchedulerResult run(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first);

 private:
  struct Active;
  void start(std::int64_t run_id, bool fresh, std::vector<Active>& active, SchedulerResult& result);
  void pump(std::vector<Active>& active, int timeout_ms);
  void read_output(Active& run, bool until_eof);
  void finish(Active& run, int wait_status, SchedulerResult& result);
  // Polls the active runs' progress; prints the status line when `print`.
  void refresh_status(std::int64_t experiment_id, std::vector<Active>& active, bool print);
  void note(const std::string& line);  // a line on stderr above the status line

  RunStore& store_;
  SchedulerOptions options_;
  bool tty_;
  bool status_shown_ = false;
};

// Each worker's intra-op threads: max(1, cores / jobs).
int threads_per_job(int jobs, int cores = usable_cores());

}  // namespace wb
