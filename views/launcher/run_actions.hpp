// What the launcher can do for a run or an experiment of the run database, without widgets:
// which actions apply to a run (for enabling menu items), the spec file a re-run is launched
// from, and stopping a run that another workbench-cli on this computer trains. LauncherWidget
// uses these; a main window can call them for the run selected in its own list.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "store/run_store.hpp"

namespace wb {

class RunActions {
  Q_DECLARE_TR_FUNCTIONS(wb::RunActions)

 public:
  // For a run of the list: which of the launcher's actions make sense now.
  struct Available {
    bool stop = false;    // running, with a live process (or on another host: then stop says why not)
    bool resume = false;  // interrupted, failed, queued, running without a process or elsewhere
    bool rerun = true;    // always: a new experiment from the same spec
    bool duplicate = true;
  };
  static Available available(const RunRow& run);

  // The `resume` arguments that continue this run (without --events): `resume RUN` for an
  // interrupted or failed run, `resume --experiment ID` for a queued run, one whose process
  // died, or one running on another host (the CLI re-attaches to its ssh:// launch). Empty when
  // there is nothing to resume; `why` then says so.
  static QStringList resumeArguments(const RunRow& run, QString* why = nullptr);

  // Writes the experiment's spec as written to DB_FOLDER/specs/NAME-rerun-N.json (the first N
  // not taken) and returns its path; on failure an empty path and `error` set.
  static std::filesystem::path writeRerunSpec(const std::filesystem::path& database, const ExperimentRow& experiment,
                                              QString* error);

  // A run that another workbench-cli on this computer trains: SIGINT to its recorded pid, if
  // that process still exists and is a workbench-cli (a reused pid must not be signalled).
  // Returns what happened, worded for the user; `signalled` tells whether a signal went out.
  static QString stopExternalRun(const RunRow& run, bool* signalled = nullptr);
  // Whether `pid` is a live process named workbench-cli (Linux: /proc/PID/comm).
  static bool isWorkbenchCliProcess(std::int64_t pid);
  static QString thisHost();

  // Read-only look-ups in the run database; nullopt when the database or the row is missing.
  static std::optional<RunRow> findRun(const std::filesystem::path& database, std::int64_t runId);
  static std::optional<ExperimentRow> findExperiment(const std::filesystem::path& database, std::int64_t experimentId);
  // Runs of the experiment that a job started now will train: queued and running ones (and,
  // with `interrupted`, the interrupted ones, as `resume --experiment` takes them too).
  static int runsToTrain(const std::filesystem::path& database, std::int64_t experimentId, bool interrupted);
};

}  // namespace wb
