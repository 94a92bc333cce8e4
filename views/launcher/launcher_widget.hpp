// The run launcher: a table of workbench-cli jobs started from the desktop app (live status,
// progress, tokens/s, ETA, last validation loss, errors) with Stop, Resume, Re-run, Duplicate &
// edit, Show output and Remove ended. A main window embeds it as a widget, sets the database,
// and calls launchSpec() (from the designer) or the RunRow actions (from its run list). Training
// happens in the child processes: a crash there never takes the window down.
#pragma once

#include <QWidget>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "store/run_store.hpp"

class QAction;
class QCheckBox;
class QComboBox;
class QSpinBox;
class QLabel;
class QTableView;
class QToolBar;

namespace wb {

class CliJob;
class JobListModel;
class LaunchTarget;

class LauncherWidget : public QWidget {
  Q_OBJECT

 public:
  explicit LauncherWidget(QWidget* parent = nullptr);
  ~LauncherWidget() override;

  // The run database every job writes (--db); re-run specs go to its folder's specs/.
  void setDatabase(std::filesystem::path database);
  const std::filesystem::path& database() const { return database_; }
  // The workspace (--home): passed only when set, else the CLI's default ($WB_HOME, XDG).
  void setHome(std::filesystem::path home);
  // Where new jobs run; LocalTarget by default. The toolbar's "Run on" box sets it too: this
  // computer, or an ssh://[user@]host[:port] typed there (SshLaunchTarget).
  void setTarget(std::shared_ptr<const LaunchTarget> target);
  const LaunchTarget& target() const { return *target_; }
  QComboBox* targetBox() const { return targetBox_; }
  // For an ssh target: whether its jobs go through the host's Slurm (`--remote-slurm`).
  QCheckBox* slurmBox() const { return slurmBox_; }
  // Data-parallel ranks per run of new jobs (`--nproc`); 1: one process.
  QSpinBox* ranksBox() const { return ranksBox_; }
  // Grace before a second Stop kills a job (CliJob::kDefaultKillAfterMs).
  void setKillAfterMs(int ms) { killAfterMs_ = ms; }

  // Each starts a job (`... --events jsonl`) and returns it (owned by jobs()); nullptr, with
  // lastMessage() saying why, when it cannot start one.
  CliJob* launchSpec(const QString& specPath);         // run SPEC (a file or a preset name)
  CliJob* resumeRun(std::int64_t runId);               // resume RUN
  CliJob* resumeExperiment(std::int64_t experimentId); // resume --experiment ID
  // A new experiment from the spec as written: saved as specs/NAME-rerun-N.json, then run.
  CliJob* rerunExperiment(const ExperimentRow& experiment);

  // For a run selected in the main window's list (RunActions::available says which apply).
  // Stop: a run of a job of this launcher gets its job stopped; a run another workbench-cli on
  // this computer trains gets SIGINT at its recorded pid (if that is still a workbench-cli);
  // otherwise the message says why not. Returns the message (also sent as messageChanged).
  QString stopRun(const RunRow& run);
  CliJob* resume(const RunRow& run);  // RunActions::resumeArguments
  CliJob* rerun(const RunRow& run);   // its experiment
  void duplicate(const RunRow& run);  // its experiment's spec -> duplicateRequested

  JobListModel* jobs() const { return model_; }
  QTableView* table() const { return table_; }
  CliJob* selectedJob() const;
  const QString& lastMessage() const { return lastMessage_; }
  // What Show output displays: the command line, the exit code, stderr's and stdout's tails.
  static QString outputText(const CliJob& job);

  QAction* stopAction() const { return stopAction_; }
  QAction* resumeAction() const { return resumeAction_; }
  QAction* rerunAction() const { return rerunAction_; }
  QAction* duplicateAction() const { return duplicateAction_; }
  QAction* outputAction() const { return outputAction_; }

 public slots:
  // The toolbar's actions, on the selected job.
  void stopSelected();
  void resumeSelected();
  void rerunSelected();
  void duplicateSelected();
  void showOutputOfSelected();
  void removeEnded();
  void chooseSpecAndLaunch();  // a file dialog, then launchSpec
  // The "Run on" box's text as the target: this computer, or an ssh:// target when the CLI would
  // accept it (else the message says why, and the target stays).
  void applyTargetText();
  void applySlurmChoice();  // the Slurm box toggled: the same host, through Slurm or not

 signals:
  // An experiment spec (JSON as written) to open in the designer as a copy.
  void duplicateRequested(const QString& experimentSpecJson);
  // A run was double-clicked: show it in the monitor.
  void runActivated(qint64 runId);
  void jobStarted(wb::CliJob* job);
  void jobFinished(wb::CliJob* job);
  // Something the user should read (status bar): errors of actions, stop notices.
  void messageChanged(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;  // a language switch rewords toolbar and headers

 private:
  CliJob* launch(QStringList arguments, const QString& title, QStringList files = {});
  CliJob* resumeExperiment(std::int64_t experimentId, const QStringList& options);
  void learnExperiment(CliJob* job);
  void stopJob(CliJob* job);
  void updateActions();
  void retranslateUi();
  void setMessage(const QString& message);
  QString experimentSpec(const CliJob& job, QString* error) const;

  std::filesystem::path database_;
  std::filesystem::path home_;
  std::shared_ptr<const LaunchTarget> target_;
  int killAfterMs_;
  QString lastMessage_;
  JobListModel* model_;
  QTableView* table_;
  QToolBar* toolbar_;
  QAction* launchAction_;
  QAction* stopAction_;
  QAction* resumeAction_;
  QAction* rerunAction_;
  QAction* duplicateAction_;
  QAction* outputAction_;
  QAction* removeAction_;
  QLabel* targetLabel_;
  QComboBox* targetBox_;
  QCheckBox* slurmBox_;
  QLabel* ranksLabel_;
  QSpinBox* ranksBox_;
};

}  // namespace wb
