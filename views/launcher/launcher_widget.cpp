// LauncherWidget: the toolbar actions, how each starts a CliJob, and what a job's first run
// tells us about its experiment (from the run database, read-only).
#include "views/launcher/launcher_widget.hpp"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QItemSelectionModel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

#include "views/launcher/cli_job.hpp"
#include "views/launcher/job_list_model.hpp"
#include "views/launcher/launch_target.hpp"
#include "views/launcher/run_actions.hpp"
#include "views/launcher/ssh_launch_target.hpp"
#include "views/qt_paths.hpp"

namespace wb {
namespace {

// What a job was started for, read back from its arguments (the command line is the record).
QString specOf(const CliJob& job) {
  const QStringList& a = job.command().arguments;
  return a.size() > 1 && a[0] == QLatin1String("run") ? a[1] : QString();
}

bool resumesExperiment(const CliJob& job) { return job.command().arguments.contains(QStringLiteral("--experiment")); }

// Options a resume or re-run keeps from the job it continues: how many at once, where, threads.
QStringList carriedOptions(const CliJob& job) {
  const QStringList& a = job.command().arguments;
  QStringList kept;
  for (qsizetype i = 0; i + 1 < a.size(); ++i)
    if (a[i] == QLatin1String("--jobs") || a[i] == QLatin1String("-j") || a[i] == QLatin1String("--device") ||
        a[i] == QLatin1String("--threads"))
      kept << a[i] << a[i + 1];
  return kept;
}

}  // namespace

LauncherWidget::LauncherWidget(QWidget* parent)
    : QWidget(parent),
      target_(std::make_shared<LocalTarget>()),
      killAfterMs_(CliJob::kDefaultKillAfterMs),
      model_(new JobListModel(this)),
      table_(new QTableView(this)),
      toolbar_(new QToolBar(this)) {
  launchAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::chooseSpecAndLaunch);
  toolbar_->addSeparator();
  stopAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::stopSelected);
  resumeAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::resumeSelected);
  rerunAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::rerunSelected);
  duplicateAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::duplicateSelected);
  outputAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::showOutputOfSelected);
  toolbar_->addSeparator();
  removeAction_ = toolbar_->addAction(QString(), this, &LauncherWidget::removeEnded);
  toolbar_->addSeparator();
  targetLabel_ = new QLabel(this);
  targetBox_ = new QComboBox(this);
  targetBox_->setEditable(true);
  targetBox_->setInsertPolicy(QComboBox::NoInsert);  // applyTargetText adds the targets that work
  targetBox_->setMinimumContentsLength(22);
  targetBox_->addItem(LocalTarget().displayName());
  targetLabel_->setBuddy(targetBox_);
  toolbar_->addWidget(targetLabel_);
  toolbar_->addWidget(targetBox_);
  connect(targetBox_->lineEdit(), &QLineEdit::editingFinished, this, &LauncherWidget::applyTargetText);
  connect(targetBox_, &QComboBox::activated, this, &LauncherWidget::applyTargetText);
  slurmBox_ = new QCheckBox(this);
  slurmBox_->setEnabled(false);  // until the target is another host
  toolbar_->addWidget(slurmBox_);
  connect(slurmBox_, &QCheckBox::toggled, this, &LauncherWidget::applySlurmChoice);
  ranksLabel_ = new QLabel(this);
  ranksBox_ = new QSpinBox(this);
  ranksBox_->setRange(1, 64);
  ranksLabel_->setBuddy(ranksBox_);
  toolbar_->addWidget(ranksLabel_);
  toolbar_->addWidget(ranksBox_);

  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setWordWrap(false);
  // Room for "experiment: variant" and "running (2 of 8 runs done)"; the numbers fit the default.
  table_->horizontalHeader()->resizeSection(JobListModel::kWhat, 260);
  table_->horizontalHeader()->resizeSection(JobListModel::kStatus, 200);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LauncherWidget::updateActions);
  connect(model_, &QAbstractItemModel::dataChanged, this, &LauncherWidget::updateActions);
  connect(model_, &QAbstractItemModel::rowsRemoved, this, &LauncherWidget::updateActions);
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    const CliJob* job = model_->job(index.row());
    if (const CliJob::RunProgress* run = job ? job->currentRun() : nullptr) emit runActivated(run->id);
  });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(toolbar_);
  layout->addWidget(table_, 1);
  retranslateUi();
  updateActions();
}

LauncherWidget::~LauncherWidget() {
  for (CliJob* job : model_->jobs()) job->release();  // all at once; each job's destructor then waits
}

void LauncherWidget::setDatabase(std::filesystem::path database) { database_ = std::move(database); }
void LauncherWidget::setHome(std::filesystem::path home) { home_ = std::move(home); }
void LauncherWidget::setTarget(std::shared_ptr<const LaunchTarget> target) {
  target_ = std::move(target);
  if (targetBox_->currentText() != target_->displayName()) targetBox_->setEditText(target_->displayName());
  slurmBox_->setEnabled(!target_->isLocal());
}

void LauncherWidget::applySlurmChoice() {
  const auto* ssh = dynamic_cast<const SshLaunchTarget*>(target_.get());
  if (!ssh || ssh->slurm() == slurmBox_->isChecked()) return;
  const QString url = ssh->displayName();
  setTarget(ssh->withSlurm(slurmBox_->isChecked()));
  setMessage(slurmBox_->isChecked() ? tr("New jobs on %1 go through its Slurm queue (sbatch).").arg(url)
                                    : tr("New jobs on %1 train on the host itself.").arg(url));
}

void LauncherWidget::applyTargetText() {
  const QString text = targetBox_->currentText().trimmed();
  if (text == target_->displayName()) return;
  if (text.isEmpty() || text == targetBox_->itemText(0)) {
    setTarget(std::make_shared<LocalTarget>());
    return;
  }
  const QString error = SshLaunchTarget::check(text);
  if (!error.isEmpty()) {
    setMessage(tr("New jobs still run on %1: %2").arg(target_->displayName(), error));
    targetBox_->setEditText(target_->displayName());
    return;
  }
  setTarget(std::make_shared<SshLaunchTarget>(text, QString(), QString(), QString(), slurmBox_->isChecked()));
  if (targetBox_->findText(text) < 0) targetBox_->addItem(text);
  setMessage(tr("New jobs run on %1; their runs are imported into this database as they train.").arg(text));
}

void LauncherWidget::retranslateUi() {
  launchAction_->setText(tr("Run spec…"));
  launchAction_->setToolTip(tr("Train every run of an experiment spec file"));
  stopAction_->setText(tr("Stop"));
  stopAction_->setToolTip(tr("Stop gracefully: the run writes a checkpoint and can be resumed. Stop again later to kill it."));
  resumeAction_->setText(tr("Resume"));
  resumeAction_->setToolTip(tr("Continue the interrupted runs from their checkpoints, then the queued ones"));
  rerunAction_->setText(tr("Re-run"));
  rerunAction_->setToolTip(tr("Train the same spec again, as a new experiment"));
  duplicateAction_->setText(tr("Duplicate && edit"));
  duplicateAction_->setToolTip(tr("Open a copy of the spec in the designer"));
  outputAction_->setText(tr("Show output"));
  outputAction_->setToolTip(tr("The command line, errors and last lines of the selected job"));
  removeAction_->setText(tr("Remove ended"));
  removeAction_->setToolTip(tr("Remove the jobs that have ended from the list"));
  targetLabel_->setText(tr("Run on:"));
  targetBox_->setToolTip(tr("Where new jobs train: this computer, or another host as ssh://[user@]host[:port] "
                            "(the system ssh with your keys; the runs appear in this database as they train)"));
  slurmBox_->setText(tr("Slurm"));
  slurmBox_->setToolTip(tr("The host is a cluster's login node: submit each job there with sbatch (--remote-slurm); "
                           "its runs are imported into this database as they train"));
  ranksLabel_->setText(tr("Ranks:"));
  ranksBox_->setToolTip(tr("Data-parallel processes per run (--nproc): each trains batch_size / N sequences of every "
                           "batch, one GPU each where there are GPUs; the run's curve stays the same"));
  const bool local = targetBox_->currentIndex() == 0 && targetBox_->currentText() == targetBox_->itemText(0);
  targetBox_->setItemText(0, LocalTarget().displayName());
  if (local) targetBox_->setEditText(targetBox_->itemText(0));
  model_->retranslate();
}

void LauncherWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void LauncherWidget::setMessage(const QString& message) {
  lastMessage_ = message;
  emit messageChanged(message);
}

CliJob* LauncherWidget::selectedJob() const { return model_->job(table_->selectionModel()->currentIndex().row()); }

void LauncherWidget::updateActions() {
  const CliJob* job = selectedJob();
  const bool ended = job && !job->isActive();
  stopAction_->setEnabled(job && job->isActive());
  resumeAction_->setEnabled(ended && job->status() != CliJob::Status::kFinished &&
                            (job->experimentId() > 0 || job->currentRun()));
  rerunAction_->setEnabled(job && (job->experimentId() > 0 || !specOf(*job).isEmpty()));
  duplicateAction_->setEnabled(rerunAction_->isEnabled());
  outputAction_->setEnabled(job != nullptr);
  removeAction_->setEnabled(std::any_of(model_->jobs().begin(), model_->jobs().end(),
                                        [](const CliJob* j) { return !j->isActive(); }));
}

CliJob* LauncherWidget::launch(QStringList arguments, const QString& title, QStringList files) {
  if (database_.empty()) {
    setMessage(tr("No run database is set: open one first."));
    return nullptr;
  }
  arguments << QStringLiteral("--events") << QStringLiteral("jsonl");
  if (ranksBox_->value() > 1) arguments << QStringLiteral("--nproc") << QString::number(ranksBox_->value());
  auto* job = new CliJob(target_, CliCommand{database_, home_, std::move(arguments), std::move(files)}, title);
  job->setKillAfterMs(killAfterMs_);
  model_->addJob(job);
  connect(job, &CliJob::runStarted, this, [this, job] { learnExperiment(job); });
  connect(job, &CliJob::finished, this, [this, job] {
    if (job->status() == CliJob::Status::kFailed) setMessage(job->title() + QStringLiteral(": ") + job->message());
    updateActions();
    emit jobFinished(job);
  });
  job->start();
  table_->selectRow(model_->rowOf(job));
  emit jobStarted(job);
  return job;
}

// The events name runs, not their experiment; the database knows it, and how many runs the job
// will train (for overall progress and ETA). Looked up once, at the job's first run.
void LauncherWidget::learnExperiment(CliJob* job) {
  if (job->experimentId() > 0 && job->runsTotal()) return;
  if (job->experimentId() == 0) {  // resumeExperiment() knows it already
    const CliJob::RunProgress* run = job->currentRun();
    const auto row = run ? RunActions::findRun(database_, run->id) : std::nullopt;
    if (!row) return;
    job->setExperimentId(row->experiment_id);
    if (!specOf(*job).isEmpty()) job->setTitle(QString::fromStdString(row->experiment));
  }
  if (job->runsTotal()) return;
  const int toTrain = RunActions::runsToTrain(database_, job->experimentId(), resumesExperiment(*job));
  if (toTrain > 0) job->setRunsTotal(toTrain + job->runsDone());
}

CliJob* LauncherWidget::launchSpec(const QString& specPath) {
  const QFileInfo file(specPath);
  const bool isFile = file.exists();
  return launch({QStringLiteral("run"), isFile ? file.absoluteFilePath() : specPath},
                isFile ? file.completeBaseName() : specPath, isFile ? QStringList{file.absoluteFilePath()} : QStringList{});
}

CliJob* LauncherWidget::resumeRun(std::int64_t runId) {
  const auto row = RunActions::findRun(database_, runId);
  return launch({QStringLiteral("resume"), QString::number(runId)},
                row ? QString::fromStdString(row->name) : tr("run %1").arg(runId));
}

CliJob* LauncherWidget::resumeExperiment(std::int64_t experimentId) { return resumeExperiment(experimentId, {}); }

CliJob* LauncherWidget::resumeExperiment(std::int64_t experimentId, const QStringList& options) {
  const auto experiment = RunActions::findExperiment(database_, experimentId);
  CliJob* job = launch(QStringList{QStringLiteral("resume"), QStringLiteral("--experiment"), QString::number(experimentId)} + options,
                       experiment ? QString::fromStdString(experiment->name) : tr("experiment %1").arg(experimentId));
  if (job) job->setExperimentId(experimentId);
  return job;
}

CliJob* LauncherWidget::rerunExperiment(const ExperimentRow& experiment) {
  QString error;
  const auto spec = RunActions::writeRerunSpec(database_, experiment, &error);
  if (spec.empty()) {
    setMessage(error);
    return nullptr;
  }
  return launchSpec(toQString(spec));
}

void LauncherWidget::stopJob(CliJob* job) {
  switch (job->stop()) {
    case CliJob::StopResult::kInterrupting:
      setMessage(tr("Stopping %1: it finishes the step and writes a checkpoint.").arg(job->title()));
      break;
    case CliJob::StopResult::kStillStopping:
      setMessage(tr("%1 is still writing its checkpoint; Stop again after %2 s to kill it.")
                     .arg(job->title())
                     .arg(job->killAfterMs() / 1000));
      break;
    case CliJob::StopResult::kKilled:
      setMessage(tr("%1 was killed.").arg(job->title()));
      break;
    case CliJob::StopResult::kNotRunning:
      setMessage(tr("%1 is not running.").arg(job->title()));
      break;
  }
  updateActions();
}

QString LauncherWidget::stopRun(const RunRow& run) {
  const auto& jobs = model_->jobs();
  const auto job = std::find_if(jobs.begin(), jobs.end(), [&](const CliJob* j) { return j->trains(run.id); });
  if (job != jobs.end())
    stopJob(*job);  // with --jobs N this stops all runs of that job: one process, one signal
  else
    setMessage(RunActions::stopExternalRun(run));
  return lastMessage_;
}

CliJob* LauncherWidget::resume(const RunRow& run) {
  QString why;
  QStringList arguments = RunActions::resumeArguments(run, &why);
  if (arguments.isEmpty()) {
    setMessage(why);
    return nullptr;
  }
  if (arguments.contains(QStringLiteral("--experiment"))) return resumeExperiment(run.experiment_id);
  return resumeRun(run.id);
}

CliJob* LauncherWidget::rerun(const RunRow& run) {
  const auto experiment = RunActions::findExperiment(database_, run.experiment_id);
  if (!experiment) {
    setMessage(tr("Experiment %1 is not in %2.").arg(run.experiment_id).arg(toQString(database_)));
    return nullptr;
  }
  return rerunExperiment(*experiment);
}

void LauncherWidget::duplicate(const RunRow& run) {
  const auto experiment = RunActions::findExperiment(database_, run.experiment_id);
  if (!experiment) {
    setMessage(tr("Experiment %1 is not in %2.").arg(run.experiment_id).arg(toQString(database_)));
    return;
  }
  emit duplicateRequested(QString::fromStdString(experiment->spec_json));
}

void LauncherWidget::stopSelected() {
  if (CliJob* job = selectedJob()) stopJob(job);
}

void LauncherWidget::resumeSelected() {
  const CliJob* job = selectedJob();
  if (!job || job->isActive()) return;
  if (job->experimentId() > 0) {
    resumeExperiment(job->experimentId(), carriedOptions(*job));
  } else if (const CliJob::RunProgress* run = job->currentRun()) {
    launch(QStringList{QStringLiteral("resume"), QString::number(run->id)} + carriedOptions(*job), run->name);
  }
}

void LauncherWidget::rerunSelected() {
  const CliJob* job = selectedJob();
  if (!job) return;
  const QStringList options = carriedOptions(*job);
  if (job->experimentId() > 0) {
    const auto experiment = RunActions::findExperiment(database_, job->experimentId());
    QString error;
    const auto spec = experiment ? RunActions::writeRerunSpec(database_, *experiment, &error) : std::filesystem::path();
    if (spec.empty()) {
      setMessage(experiment ? error : tr("Experiment %1 is not in %2.").arg(job->experimentId()).arg(toQString(database_)));
      return;
    }
    launch(QStringList{QStringLiteral("run"), toQString(spec)} + options, QString::fromStdString(experiment->name),
           {toQString(spec)});
  } else if (!specOf(*job).isEmpty()) {
    launch(QStringList{QStringLiteral("run"), specOf(*job)} + options, job->title(), job->command().files);
  }
}

QString LauncherWidget::experimentSpec(const CliJob& job, QString* error) const {
  if (job.experimentId() > 0) {
    if (const auto experiment = RunActions::findExperiment(database_, job.experimentId()))
      return QString::fromStdString(experiment->spec_json);
  }
  QFile file(specOf(job));
  if (!specOf(job).isEmpty() && file.open(QIODevice::ReadOnly)) return QString::fromUtf8(file.readAll());
  *error = tr("The spec of %1 is not known yet (a preset? `workbench-cli presets show NAME` prints it).").arg(job.title());
  return {};
}

void LauncherWidget::duplicateSelected() {
  const CliJob* job = selectedJob();
  if (!job) return;
  QString error;
  const QString spec = experimentSpec(*job, &error);
  if (spec.isEmpty()) {
    setMessage(error);
    return;
  }
  emit duplicateRequested(spec);
}

QString LauncherWidget::outputText(const CliJob& job) {
  QStringList lines{QStringLiteral("$ ") + job.commandLine(), QString()};
  lines << tr("Status: %1").arg(CliJob::statusText(job.status()));
  if (job.exitCode()) lines << tr("Exit code: %1").arg(*job.exitCode());
  if (!job.message().isEmpty()) lines << job.message();
  lines << QString() << tr("Standard error (last %n line(s)):", nullptr, static_cast<int>(job.stderrTail().size()))
        << job.stderrTail() << QString()
        << tr("Standard output (last %n line(s)):", nullptr, static_cast<int>(job.stdoutTail().size()))
        << job.stdoutTail();
  return lines.join(QLatin1Char('\n'));
}

void LauncherWidget::showOutputOfSelected() {
  const CliJob* job = selectedJob();
  if (!job) return;
  auto* dialog = new QDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(tr("Output of %1").arg(job->title()));
  auto* text = new QPlainTextEdit(outputText(*job), dialog);
  text->setReadOnly(true);
  text->setLineWrapMode(QPlainTextEdit::NoWrap);
  text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(text);
  layout->addWidget(buttons);
  dialog->resize(900, 500);
  dialog->show();
}

void LauncherWidget::removeEnded() { model_->removeEndedJobs(); }

void LauncherWidget::chooseSpecAndLaunch() {
  const QString start = database_.empty() ? QString() : toQString(database_.parent_path());
  const QString spec = QFileDialog::getOpenFileName(this, tr("Run an experiment spec"), start, tr("Experiment specs (*.json)"));
  if (!spec.isEmpty()) launchSpec(spec);
}

}  // namespace wb
