// Runs an experiment's runs one after another: imports a built-in corpus when missing, prepares
// each dataset once, records experiment and runs in the store, trains, and collects outcomes.
// Also resumes an interrupted run and the queued runs after it.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/summary_table.hpp"
#include "common/workspace.hpp"
#include "spec/experiment_spec.hpp"
#include "store/run_store.hpp"

namespace wb {

struct RunnerOptions {
  bool jsonl_events = false;                 // also stream JSON lines on stdout
  const std::atomic<bool>* stop = nullptr;   // SIGINT flag
  std::string device_override;               // --device
  int threads_override = -1;                 // --threads (-1: keep the spec's)
};

struct ExperimentOutcome {
  std::int64_t experiment_id = 0;
  std::string experiment_name;
  std::vector<RunOutcome> runs;
  bool interrupted = false;
  std::filesystem::path results_dir;  // summary.csv and metrics.csv
};

class ExperimentRunner {
 public:
  ExperimentRunner(Workspace workspace, RunStore& store, RunnerOptions options);
  ExperimentOutcome run(const ExperimentSpec& experiment);
  // Continues run `run_id` from its checkpoint, then the queued runs of its experiment.
  ExperimentOutcome resume(std::int64_t run_id);

 private:
  ExperimentOutcome run_rows(std::int64_t experiment_id, const std::vector<std::int64_t>& run_ids,
                             bool resume_first);
  RunOutcome train_one(std::int64_t run_id, const RunSpec& spec, bool resume);
  void ensure_corpus(const std::string& corpus);
  void write_results(ExperimentOutcome& outcome);

  Workspace workspace_;
  RunStore& store_;
  RunnerOptions options_;
};

// The environment recorded with every run: host, code version, library versions, pid.
RunEnvironment current_environment();

}  // namespace wb
