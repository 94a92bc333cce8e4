// One workbench-cli process started by the launcher (run SPEC, resume RUN, resume --experiment
// ID), and what its JSON-lines events say about it: status, the runs it trains, progress,
// smoothed tokens/s, ETA, last validation loss, and the tails of its output. The process is
// started through a LaunchTarget (launch_target.hpp), so a remote target changes nothing here.
//
// Status from the process (docs/cli.md, exit codes):
//   exit 0                        -> finished (interrupted if experiment_finished said so)
//   exit 130                      -> interrupted: checkpoint written, the run can be resumed
//   exit 130 after a `detached`   -> interrupted here only: the remote run trains on; Resume
//                                    follows it again
//   exit 1, 2, 3, 4               -> failed; the message is the CLI's "error: ... fix: ..." lines
//   killed by a second Stop       -> interrupted (resumes from the last checkpoint)
//   a signal after Stop           -> interrupted (stopped before the CLI could catch it)
//   any other signal, no start    -> failed
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "views/launcher/cli_event.hpp"
#include "views/launcher/launch_target.hpp"

namespace wb {

class CliJob : public QObject {
  Q_OBJECT

 public:
  enum class Status { kStarting, kRunning, kStopping, kFinished, kFailed, kInterrupted };
  enum class StopResult { kNotRunning, kInterrupting, kStillStopping, kKilled };

  static constexpr int kTailLines = 50;              // kept of stderr and of stdout
  static constexpr int kDefaultKillAfterMs = 15000;  // a second Stop before this is not a kill
  // Weight of a new tokens/s reading in the moving average: the CLI reports every few steps,
  // and its per-step rate jumps at evaluations and checkpoints.
  static constexpr double kRateSmoothing = 0.3;

  // One run this job trains or trained, from its events.
  struct RunProgress {
    std::int64_t id = 0;
    QString name;
    std::int64_t step = 0;
    std::int64_t totalSteps = 0;   // 0: not known yet
    std::int64_t tokens = 0;
    std::int64_t tokensPerStep = 0;
    double tokensPerS = 0.0;       // smoothed
    std::optional<double> valLoss;
    bool done = false;
    QString status;                // run_finished's: finished, interrupted, failed
    QString error;

    double fraction() const;       // 0..1; 0 while the plan is unknown
    double remainingTokens() const;
  };

  // `title`: what the job list shows in its first column (experiment, spec or run name).
  CliJob(std::shared_ptr<const LaunchTarget> target, CliCommand command, QString title,
         QObject* parent = nullptr);
  // A job still running is released (LaunchTarget::release: a local run is interrupted, a remote
  // one detached from) and given a moment to checkpoint, then killed: closing the window must not
  // leave a run "running" without a process if it can help it.
  ~CliJob() override;
  // What the destructor does first, without waiting: closing the window releases every job
  // before it waits for any, so N jobs take one grace period, not N.
  void release();

  void start();
  // First call: SIGINT (graceful). A call while stopping: kill, once the graceful stop has had
  // killAfterMs() to finish; earlier calls are ignored (kStillStopping).
  StopResult stop();
  void setKillAfterMs(int ms) { killAfterMs_ = ms; }
  int killAfterMs() const { return killAfterMs_; }

  const LaunchTarget& target() const { return *target_; }
  std::shared_ptr<const LaunchTarget> sharedTarget() const { return target_; }
  const CliCommand& command() const { return command_; }
  const QString& title() const { return title_; }
  void setTitle(const QString& title);
  // The command line as started (program and arguments), for the output panel.
  QString commandLine() const;

  Status status() const { return status_; }
  // Started and not ended yet. A job never started is not active (it has nothing to stop).
  bool isActive() const { return started_ && !hasEnded(); }
  bool hasEnded() const { return status_ == Status::kFinished || status_ == Status::kFailed || status_ == Status::kInterrupted; }
  static QString statusText(Status status);  // translated
  // Why it failed or stopped, and what to do next; empty while running well.
  const QString& message() const { return message_; }
  std::optional<int> exitCode() const { return exitCode_; }
  qint64 processId() const;

  const std::vector<RunProgress>& runs() const { return runs_; }
  // The run whose progress the list shows: the most recently started one still training, else
  // the last one.
  const RunProgress* currentRun() const;
  bool trains(std::int64_t runId) const;  // a run of this job that has not finished
  int runsDone() const;
  std::optional<int> runsTotal() const { return runsTotal_; }
  // How many runs this job will train, when the caller knows (from the run database); 0: unknown.
  void setRunsTotal(int total);
  // The experiment, once known: from experiment_finished, or set by the caller from the
  // database at the first run_started.
  std::int64_t experimentId() const { return experimentId_; }
  void setExperimentId(std::int64_t id) { experimentId_ = id; }

  // 0..1 over the whole job where runsTotal() is known, else over the current run; nullopt
  // before the first plan.
  std::optional<double> progress() const;
  double tokensPerSecond() const;  // all runs training now, smoothed; 0 once the job has ended
  // Remaining tokens / tokens per second: of the runs training now, plus (runsTotal() known)
  // the runs still queued, guessed at the average size of the runs seen so far.
  std::optional<double> etaSeconds() const;
  std::optional<double> lastValLoss() const { return lastValLoss_; }

  const QStringList& stderrTail() const { return stderrTail_; }
  const QStringList& stdoutTail() const { return stdoutTail_; }
  int malformedLines() const { return malformedLines_; }

  // Applies one event as if the process had printed it (the process's lines come through here).
  void handleEvent(const CliEvent& event);

 signals:
  void changed();                         // any state above; the job list coalesces these
  void eventReceived(const wb::CliEvent& event);
  void runStarted(qint64 runId);          // its first run_started per run
  void finished();                        // the process ended; status() says how

 private:
  void readStdout();
  void readStderr();
  void processFinished(int exitCode, QProcess::ExitStatus exitStatus);
  void processError(QProcess::ProcessError error);
  void handleLine(const QByteArray& line);
  void setStatus(Status status);
  void finish(Status status, QString message);
  QString cliErrorText() const;
  RunProgress& runFor(const CliEvent& event);

  std::shared_ptr<const LaunchTarget> target_;
  CliCommand command_;
  QString title_;
  QProcess process_;
  CliInvocation invocation_;
  Status status_ = Status::kStarting;
  bool started_ = false;
  QString message_;
  std::optional<int> exitCode_;
  int killAfterMs_ = kDefaultKillAfterMs;
  QElapsedTimer stopTimer_;
  bool killed_ = false;
  bool experimentInterrupted_ = false;
  bool released_ = false;  // release() sent what closing the app sends
  QString detachedFrom_;  // a `detached` line's target: the remote run trains on, unfollowed

  QByteArray stdoutBuffer_;  // a partial line until its newline arrives
  QByteArray stderrBuffer_;
  QStringList stderrTail_;
  QStringList stdoutTail_;
  int malformedLines_ = 0;

  std::vector<RunProgress> runs_;
  std::optional<int> runsTotal_;
  std::int64_t experimentId_ = 0;
  std::optional<double> lastValLoss_;
};

}  // namespace wb
