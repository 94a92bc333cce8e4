// Where a launcher job runs: the seam between "start workbench-cli with these arguments" and the
// machine that does it. LocalTarget: a child process on this machine. SshLaunchTarget
// (ssh_launch_target.hpp): the same local child with `--target ssh://host`; the CLI starts the
// run on the host and imports it here, so CliJob, the job list and the launcher widget stay as
// they are.
//
// What any other target must provide:
//   - invocation(): a local program whose stdout carries the CLI's JSON lines, one at a time,
//     with run ids of this database, and whose stderr carries its messages;
//   - the CLI's exit status as its own, so CliJob's exit-code mapping (docs/cli.md: 0, 1, 2, 3,
//     4, 130) holds;
//   - interrupt(): a graceful stop (checkpoint, interrupted, exit 130);
//   - release(): what closing the app does to a running job (by default, interrupt());
//   - isLocal() false when the runs' recorded pids are not processes of this machine: stopping a
//     run by its pid (LauncherWidget::stopRun) is then not attempted from here.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <filesystem>

class QProcess;

namespace wb {

// A workbench-cli command line, before a target decides how to start it.
struct CliCommand {
  std::filesystem::path database;  // always passed as --db
  std::filesystem::path home;      // passed as --home only when not empty
  QStringList arguments;           // the command and its options: "run", SPEC, "--events", "jsonl"
  QStringList files;               // local files that arguments name (the spec), for remote copies
};

// What QProcess starts.
struct CliInvocation {
  QString program;
  QStringList arguments;
};

class LaunchTarget {
 public:
  virtual ~LaunchTarget() = default;

  // For the job list's Target column ("this computer", "ssh://gpu-box-1").
  virtual QString displayName() const = 0;
  // True when the CLI runs on this machine: runs it recorded can be signalled by pid.
  virtual bool isLocal() const = 0;
  // The program and arguments that run `command`.
  virtual CliInvocation invocation(const CliCommand& command) const = 0;
  // Asks the running CLI to stop gracefully: it finishes the step, writes a checkpoint, marks
  // the run interrupted and exits 130. False if the signal could not be delivered.
  virtual bool interrupt(QProcess& process) const = 0;
  // The app is closing while the job runs: end the local process the way that loses least.
  // By default a graceful stop (interrupt); a target whose work lives elsewhere detaches from it.
  virtual bool release(QProcess& process) const { return interrupt(process); }
  // Ends it at once (a second Stop when the graceful one takes too long). The run stays
  // "running" in the database until `resume --experiment` picks it up from its last checkpoint.
  virtual void kill(QProcess& process) const;
};

// This computer: workbench-cli as a child process.
class LocalTarget : public LaunchTarget {
  Q_DECLARE_TR_FUNCTIONS(wb::LocalTarget)

 public:
  // `program` empty: resolveProgram() at each invocation (so WB_CLI set later is honoured).
  explicit LocalTarget(QString program = {});

  // The workbench-cli to start: $WB_CLI if set, else the one next to this application
  // (the desktop app and the CLI are installed side by side), else the first on PATH, else the
  // bare name (QProcess then reports that it cannot be found).
  static QString resolveProgram();

  QString displayName() const override;
  bool isLocal() const override { return true; }
  CliInvocation invocation(const CliCommand& command) const override;
  bool interrupt(QProcess& process) const override;
  // SIGTERM: a local run stops as on Ctrl-C (checkpoint, interrupted), while a CLI following a
  // remote launch (`--target`, or a `resume` that attached to one) detaches and leaves it
  // training, where SIGINT would stop it there.
  bool release(QProcess& process) const override;

 private:
  QString program_;
};

}  // namespace wb
