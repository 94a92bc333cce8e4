// The run store: experiments, runs, metrics and events in one SQLite database (WAL mode, so the
// GUI or a second CLI reads live while a run writes). Versioned schema with migrations.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/errors.hpp"  // StoreError, thrown by every member

namespace wb {

struct ExperimentRow {
  std::int64_t id = 0;
  std::string name;
  std::string spec_json;   // the experiment spec as written
  std::string created_at;  // ISO 8601 UTC
  bool operator==(const ExperimentRow&) const = default;
};

// Where and with what a run was made.
struct RunEnvironment {
  std::string host;
  std::string code_version;       // e.g. "0.1.0 (git 1a2b3c4)"
  std::string library_versions;   // JSON object: {"libtorch": "1.13.1", "sqlite": "3.40.1", ...}
  std::int64_t pid = 0;
  bool operator==(const RunEnvironment&) const = default;
};

struct RunRow {
  std::int64_t id = 0;
  std::int64_t experiment_id = 0;
  std::string experiment;  // experiment name
  std::string name;        // e.g. "token-crisis-mini/epochs=4"
  std::string spec_json;   // the resolved run spec
  std::string status;      // queued | running | finished | failed | interrupted
  std::string started_at;
  std::string ended_at;    // empty while running
  RunEnvironment environment;
  std::string error;       // for failed runs
  // A run that must finish first (e.g. the stage whose checkpoint this one continues from).
  std::optional<std::int64_t> depends_on;
  // Lets views diff re-queried rows against the ones they show.
  bool operator==(const RunRow&) const = default;
};

struct MetricRow {
  std::int64_t step = 0;
  std::int64_t tokens = 0;
  double epoch = 0.0;
  std::string name;  // "train/loss" (every step), "eval/train_loss", "eval/val_loss", "lr", "tokens_per_s"
  double value = 0.0;
  double wall_time = 0.0;  // seconds since the run started
  bool operator==(const MetricRow&) const = default;
};

// One metric row without its name: what charts are drawn from (RunStore::metric_points). Plain
// numbers, 40 bytes, so that a view can keep millions of them.
struct MetricPoint {
  std::int64_t step = 0;
  std::int64_t tokens = 0;
  double epoch = 0.0;
  double value = 0.0;
  double wall_time = 0.0;
  bool operator==(const MetricPoint&) const = default;
};

struct EventRow {
  std::int64_t step = 0;
  std::int64_t tokens = 0;
  std::string kind;       // "checkpoint", "overfitting_onset", "resumed", ...
  std::string data_json;  // JSON object
  double wall_time = 0.0;
  bool operator==(const EventRow&) const = default;
};

// A scaling law fitted to runs (`workbench-cli scaling fit --save NAME`).
struct FitRow {
  std::int64_t id = 0;
  std::string name;               // unique; saving under a taken name replaces that fit
  std::string law;                // "chinchilla", "data-constrained", "cpt"
  std::string parameters_json;    // JSON array of {name, value, ci_low, ci_high, fixed}
  std::string observations_json;  // JSON array of the fitted runs and their residuals
  std::string source;             // e.g. "experiment 3 token-crisis-mini, final validation loss"
  std::string created_at;
  bool operator==(const FitRow&) const = default;
};

class RunStore {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  static constexpr int kSchemaVersion = 3;

  // kReadWrite creates the file and folders and migrates older schemas; kReadOnly never writes.
  // Throws StoreError (file missing in read-only mode, not a workbench database, a schema newer
  // than this build) naming the path and the fix.
  static RunStore open(const std::filesystem::path& path, Mode mode = Mode::kReadWrite);
  RunStore(RunStore&&) noexcept;
  RunStore& operator=(RunStore&&) noexcept;
  ~RunStore();

  int schema_version() const;
  const std::filesystem::path& path() const;

  std::int64_t create_experiment(const std::string& name, const std::string& spec_json);
  // A new run is queued; with depends_on it is not claimed before that run has finished.
  std::int64_t create_run(std::int64_t experiment_id, const std::string& name,
                          const std::string& spec_json, const RunEnvironment& environment,
                          std::optional<std::int64_t> depends_on = std::nullopt);
  // finished / failed / interrupted also set ended_at; running clears it (resume).
  void set_run_status(std::int64_t run_id, const std::string& status, const std::string& error = {});

  // The run queue, safe across processes (each claim is one BEGIN IMMEDIATE transaction):
  // Picks the lowest-id queued run of the experiment whose dependency (if any) has finished,
  // marks it running with this environment (host, pid, versions) and returns its id; nullopt
  // when none can start now. Queued runs whose dependency failed are first marked failed, with
  // an error naming the dependency.
  std::optional<std::int64_t> claim_next_run(std::int64_t experiment_id, const RunEnvironment& environment);
  // Claims one given run (to resume it): marks it running with this environment unless it is
  // running or finished, or its dependency has not finished. False when it could not.
  bool claim_run(std::int64_t run_id, const RunEnvironment& environment);
  // Records the process that now trains a run (a worker started for a run claimed by its parent).
  void set_run_environment(std::int64_t run_id, const RunEnvironment& environment);

  void append_metrics(std::int64_t run_id, std::span<const MetricRow> rows);  // one transaction
  // Deletes a run's metrics and events after `step` (one transaction): a run resumed from the
  // checkpoint at `step` logs those steps again, and one curve must not hold two histories.
  void truncate_run(std::int64_t run_id, std::int64_t step);
  void append_event(std::int64_t run_id, const EventRow& event);

  std::vector<ExperimentRow> experiments() const;
  std::vector<RunRow> runs(std::optional<std::int64_t> experiment_id = std::nullopt) const;
  // By numeric id, or by exact name (the newest run of that name).
  std::optional<RunRow> find_run(const std::string& id_or_name) const;
  // Metrics of a run, optionally one name only and only steps > after_step (live polling).
  std::vector<MetricRow> metrics(std::int64_t run_id, const std::string& name = {},
                                 std::int64_t after_step = -1) const;
  // One metric of a run, steps > after_step, in metrics()' order (step, then as written), without
  // the name: the charts' read. Its statement is prepared once per connection and no string is
  // made per row, so it reads several times as fast as metrics() (live polls and million-row runs).
  std::vector<MetricPoint> metric_points(std::int64_t run_id, const std::string& name,
                                         std::int64_t after_step = -1) const;
  // The metric names these runs have, sorted and distinct. A skip scan over the index: a few
  // seeks per name and run, however many rows there are.
  std::vector<std::string> metric_names(std::span<const std::int64_t> run_ids) const;
  // Events of a run by step, optionally of one kind only ("overfitting_onset").
  std::vector<EventRow> events(std::int64_t run_id, const std::string& kind = {}) const;

  // Scaling-law fits (scaling_fits.cpp). save_fit replaces a fit of the same name, keeping no
  // history: a fit is re-made from its runs in seconds. Returns the row id.
  std::int64_t save_fit(const FitRow& fit);
  std::vector<FitRow> fits() const;
  std::optional<FitRow> find_fit(const std::string& name) const;

 private:
  struct Impl;
  explicit RunStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace wb
