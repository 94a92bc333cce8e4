// Imports a remote launch's JSON-lines events into the local run store, so a run on another
// host shows in `runs`, `show`, the desktop app and its monitor like a local one: the local
// experiment and runs are created from the spec that was sent (every run queued), each
// run_started is matched to its local run by name, and its steps, evaluations, events and end go
// through the same StoreSink as a local run's. Also rewrites each line's run id to the local one,
// for forwarding the stream.
//
// Never a row twice: rows are committed before the offset that covers them is saved, and
// records the store already holds (a re-attach after a crash between the two) are skipped: per
// run, steps up to its last train/loss step, evaluations up to its last eval step, and events
// already recorded. A run_started resets that (the host resumed: StoreSink drops the rows after
// its checkpoint, which the host logs again).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/metrics_sink.hpp"
#include "remote/import_state.hpp"
#include "spec/experiment_spec.hpp"
#include "store/run_store.hpp"
#include "store/store_sink.hpp"

namespace wb {

// Creates the local experiment and its runs (queued, recorded with `environment`: the host's
// name and the training process's pid) and fills state.experiment_id and state.runs.
// A stage that continues another run of the experiment depends on it, as in a local run.
void create_local_runs(RunStore& store, const ExperimentSpec& experiment, const RunEnvironment& environment,
                       ImportState& state);

class EventImporter {
 public:
  // `state_file`: where checkpoint() saves `state`. `observer` (not owned, may be null) sees every
  // record imported, e.g. a progress bar.
  EventImporter(RunStore& store, ImportState& state, std::filesystem::path state_file,
                MetricsSink* observer = nullptr);
  ~EventImporter();  // commits what was imported (best effort)

  // One whole line of the event file, without its '\n'. Returns the event to forward, its run id
  // replaced by the local one (experiment_finished unchanged). UserError for a line that is not
  // an event, or names a run the spec did not have.
  nlohmann::json import_line(std::string_view line);
  // Commits every run's pending rows, then saves the state with the offset after the last line.
  void checkpoint();
  std::int64_t offset() const { return offset_; }

 private:
  struct Run {
    std::unique_ptr<StoreSink> sink;
    std::int64_t last_step = -1;       // highest train/loss step in the store
    std::int64_t last_eval_step = -1;  // highest eval/val_loss step in the store
    std::set<std::tuple<std::string, std::int64_t, std::string>> events;  // kind, step, data
  };
  Run& run(std::int64_t local_id);
  void load_watermarks(std::int64_t local_id, Run& run);

  RunStore& store_;
  ImportState& state_;
  std::filesystem::path state_file_;
  MetricsSink* observer_;
  std::map<std::int64_t, Run> runs_;  // by local id
  std::int64_t offset_;
};

}  // namespace wb
