// Runs an experiment: imports a built-in corpus when missing, prepares each dataset once, records
// experiment and runs in the store, trains them from the store's queue (one after another in this
// process, or --jobs N at once in worker processes, see scheduler.hpp) and collects outcomes.
// Also resumes an interrupted run or a whole experiment, and trains one run as a worker.
#pragma once

#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/run_inputs.hpp"
#include "cli/summary_table.hpp"
#include "common/metrics_sink.hpp"
#include "common/workspace.hpp"
#include "data/dataset.hpp"
#include "spec/experiment_spec.hpp"
#include "store/run_store.hpp"

namespace wb {

class RankLeader;

struct RunnerOptions {
  std::FILE* events = nullptr;               // JSON-lines events go here (--events jsonl: stdout; --events-file)
  const std::atomic<bool>* stop = nullptr;   // SIGINT flag
  std::string device_override;               // --device
  int threads_override = -1;                 // --threads (-1: keep the spec's)
  int every_core_threads = 0;                // what training.threads 0 means (0: every usable core; a rank: its share)
  bool force = false;                        // resume a run marked running on another host
  int jobs = 1;                              // runs at once; above 1 each runs in a worker process
  bool worker = false;                       // this process is a worker: no dataset progress lines
  RankLeader* leader = nullptr;              // rank 0 of a data-parallel job: announce each run to the others
  std::int64_t* lost_rank_run = nullptr;     // set to the run a RankFailure ended (for the resume hint)
};

struct ExperimentOutcome {
  std::int64_t experiment_id = 0;
  std::string experiment_name;
  std::vector<RunOutcome> runs;
  bool interrupted = false;
  std::int64_t interrupted_run = 0;          // the run to resume (one run at a time)
  std::string resume_command;                // what continues it, e.g. "workbench-cli resume 3"
  std::string resume_how;                    // and how it must be started, where a command cannot say
  std::exception_ptr first_failure;          // rethrown by the command after the table is shown
  std::filesystem::path results_dir;  // summary.csv and metrics.csv
};

class ExperimentRunner {
 public:
  ExperimentRunner(Workspace workspace, RunStore& store, RunnerOptions options);
  ExperimentOutcome run(const ExperimentSpec& experiment);
  // Continues a run (id or exact name) from its checkpoint, then the queued runs of its
  // experiment. Refuses a finished run, a running one whose process is still alive, and one whose
  // dependency has not finished.
  ExperimentOutcome resume(const std::string& run);
  // Continues an experiment: its interrupted runs and those left running by a dead process, from
  // their checkpoints, then its queued runs.
  ExperimentOutcome resume_experiment(std::int64_t experiment_id);
  // `workbench-cli worker`: trains one recorded run in this process, claimed for it by the parent
  // scheduler (or claimed here), from its checkpoint when one exists unless `fresh`.
  RunSummary work(std::int64_t run_id, bool fresh);

 private:
  // Trains `resume_first` (from their checkpoints), then the experiment's queued runs as the store
  // hands them out. A failed run is recorded and the next one starts. The outcome table covers
  // every run of the experiment, as the store has them.
  ExperimentOutcome run_queue(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first);
  void run_in_process(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first,
                      ExperimentOutcome& outcome);
  void run_in_workers(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first,
                      ExperimentOutcome& outcome);
  RunSummary train_one(std::int64_t run_id, const RunSpec& spec, bool resume);
  // init_from.run (id or name) -> that run's final checkpoint; SpecError when it is not finished.
  std::filesystem::path init_checkpoint(std::int64_t run_id, const std::string& source) const;
  // summary.csv and metrics.csv under HOME/results (a folder of its own for a database other
  // than the default, as for checkpoints: see Workspace::database_tag).
  void write_results(ExperimentOutcome& outcome);
  // Why `row` cannot be resumed here (trained on another host, no checkpoint here), or nothing.
  std::optional<std::string> trained_elsewhere(const RunRow& row) const;
  static std::string resume_elsewhere_fix(const RunRow& row);

  Workspace workspace_;
  RunStore& store_;
  RunnerOptions options_;
  RunInputs inputs_;
  bool run_not_started_ = false;  // train_one failed while the ranks prepared: the run never began
};

// The environment recorded with every run: host, code version, library versions, pid.
RunEnvironment current_environment();

// The threads a run trains on: --threads, else its spec's training.threads, where 0 means
// `every_core_threads` when set (a rank's share of the cores) and every usable core otherwise.
int run_threads(const RunSpec& spec, const RunnerOptions& options);

}  // namespace wb
