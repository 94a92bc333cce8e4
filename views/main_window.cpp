// MainWindow: assembles the designer, run list, launcher, comparison and monitor in tabs, with
// menus and status bar; drives the refresh and retranslates itself when the language changes.
#include "views/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "views/app_language.hpp"
#include "views/compare/compare_widget.hpp"
#include "views/database_message_widget.hpp"
#include "views/designer/experiment_designer.hpp"
#include "views/launcher/cli_job.hpp"  // complete type for the jobStarted/jobFinished signals
#include "views/launcher/launcher_widget.hpp"
#include "views/monitor/run_monitor_widget.hpp"
#include "views/qt_paths.hpp"
#include "views/run_database.hpp"
#include "views/runs/run_list_model.hpp"
#include "views/runs/run_list_widget.hpp"

namespace wb {

MainWindow::MainWindow(const std::filesystem::path& database, QWidget* parent)
    : QMainWindow(parent),
      tabs_(new QTabWidget(this)),
      designer_(new ExperimentDesigner(this)),
      runTabs_(new QTabWidget(this)),
      runList_(new RunListWidget(this)),
      launcher_(new LauncherWidget(this)),
      compare_(new CompareWidget(this)),
      monitor_(new RunMonitorWidget(this)),
      pathLabel_(new QLabel(this)),
      countLabel_(new QLabel(this)),
      refreshTimer_(new QTimer(this)) {
  // Runs: the run lists above, the selected runs' comparison below.
  runTabs_->addTab(runList_, QString());
  runTabs_->addTab(launcher_, QString());
  runTabs_->setDocumentMode(true);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(runTabs_);
  split->addWidget(compare_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 3);
  tabs_->addTab(designer_, QString());
  tabs_->addTab(split, QString());
  tabs_->addTab(monitor_, QString());
  tabs_->setCurrentIndex(kRunsTab);
  tabs_->setDocumentMode(true);
  setCentralWidget(tabs_);
  connectRunActions();
  connect(runList_, &RunListWidget::selectionChanged, this, &MainWindow::showSelectedRuns);
  connect(runList_, &RunListWidget::openDatabaseRequested, this, &MainWindow::chooseDatabase);

  statusBar()->addWidget(pathLabel_, 1);
  statusBar()->addPermanentWidget(countLabel_);
  pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  createMenus();

  // Polling is simple and enough: the writer is another process, and a read of the run list
  // costs well under a millisecond in WAL mode.
  refreshTimer_->setInterval(kRefreshIntervalMs);
  connect(refreshTimer_, &QTimer::timeout, this, &MainWindow::refresh);
  refreshTimer_->start();

  resize(1100, 800);
  openDatabase(database);
}

MainWindow::~MainWindow() {
  model()->setStore(nullptr);  // the model must not outlive its store pointer's owner
}

void MainWindow::connectRunActions() {
  connect(runList_, &RunListWidget::monitorRequested, this, [this](const RunRow& run) { showInMonitor(run.id); });
  connect(launcher_, &LauncherWidget::runActivated, this, [this](qint64 id) { showInMonitor(id); });
  // The run list's context menu acts through the launcher: it starts and stops workbench-cli.
  connect(runList_, &RunListWidget::stopRequested, launcher_, [this](const RunRow& run) { launcher_->stopRun(run); });
  connect(runList_, &RunListWidget::resumeRequested, launcher_, [this](const RunRow& run) { launcher_->resume(run); });
  connect(runList_, &RunListWidget::rerunRequested, launcher_, [this](const RunRow& run) { launcher_->rerun(run); });
  connect(runList_, &RunListWidget::duplicateRequested, launcher_,
          [this](const RunRow& run) { launcher_->duplicate(run); });
  connect(launcher_, &LauncherWidget::jobStarted, this, [this] {
    tabs_->setCurrentIndex(kRunsTab);
    runTabs_->setCurrentWidget(launcher_);
  });
  connect(launcher_, &LauncherWidget::jobFinished, this, [this] {
    designerStore_ = nullptr;  // new measured throughput for the designer's ETAs
    refresh();
  });
  // Design -> run: the designer saves the spec, the launcher starts workbench-cli on it.
  connect(designer_, &ExperimentDesigner::launchRequested, launcher_,
          [this](const QString& specPath) { launcher_->launchSpec(specPath); });
  connect(launcher_, &LauncherWidget::duplicateRequested, this, [this](const QString& json) {
    const auto document = nlohmann::json::parse(json.toStdString(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) {
      statusBar()->showMessage(tr("The experiment's stored spec is not valid JSON; it cannot be edited."), 10000);
      return;
    }
    designer_->setExperimentJson(document);
    tabs_->setCurrentIndex(kDesignTab);
  });
  connect(launcher_, &LauncherWidget::messageChanged, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::showInMonitor(std::int64_t runId) {
  monitorStore_ = database_->store();
  monitor_->setRun(monitorStore_, runId);
  tabs_->setCurrentIndex(kMonitorTab);
}

RunListModel* MainWindow::model() const { return runList_->model(); }
QTableView* MainWindow::table() const { return runList_->table(); }
DatabaseMessageWidget* MainWindow::message() const { return runList_->message(); }

// Texts are set in retranslateUi(), so they follow a language switch.
void MainWindow::createMenus() {
  fileMenu_ = menuBar()->addMenu(QString());
  openAction_ = fileMenu_->addAction(QString(), this, &MainWindow::chooseDatabase);
  openAction_->setShortcut(QKeySequence::Open);
  exportAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportFigure);
  exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  fileMenu_->addSeparator();
  quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
  quitAction_->setShortcut(QKeySequence::Quit);

  viewMenu_ = menuBar()->addMenu(QString());
  refreshAction_ = viewMenu_->addAction(QString(), this, &MainWindow::refresh);
  refreshAction_->setShortcut(QKeySequence::Refresh);
  viewMenu_->addSeparator();

  // Each language under its own name, so a user stuck in a language they cannot read still
  // finds theirs.
  languageMenu_ = viewMenu_->addMenu(QString());
  languages_ = new QActionGroup(this);  // exclusive: one checked
  languages_->setObjectName(QStringLiteral("languages"));
  systemLanguageAction_ = languages_->addAction(QString());
  systemLanguageAction_->setData(QString());
  languageMenu_->addAction(systemLanguageAction_);
  languageMenu_->addSeparator();
  for (const AppLanguage& language : appLanguages()) {
    QAction* action = languages_->addAction(language.nativeName);
    action->setData(language.code);
    languageMenu_->addAction(action);
  }
  for (QAction* action : languages_->actions()) action->setCheckable(true);
  connect(languages_, &QActionGroup::triggered, this, &MainWindow::chooseLanguage);
  retranslateUi();
}

void MainWindow::retranslateUi() {
  fileMenu_->setTitle(tr("&File"));
  openAction_->setText(tr("&Open database…"));
  exportAction_->setText(tr("&Export figure…"));
  quitAction_->setText(tr("&Quit"));
  tabs_->setTabText(kDesignTab, tr("Design"));
  tabs_->setTabText(kRunsTab, tr("Runs"));
  tabs_->setTabText(kMonitorTab, tr("Monitor"));
  runTabs_->setTabText(0, tr("In the database"));
  runTabs_->setTabText(1, tr("Launched here"));
  runTabs_->setTabToolTip(1, tr("workbench-cli jobs started from this window: progress, ETA, stop, resume"));
  viewMenu_->setTitle(tr("&View"));
  refreshAction_->setText(tr("&Refresh"));
  languageMenu_->setTitle(tr("&Language"));
  const QString systemCode = systemAppLanguage();
  QString systemName;
  for (const AppLanguage& language : appLanguages())
    if (language.code == systemCode) systemName = language.nativeName;
  systemLanguageAction_->setText(tr("System default (%1)").arg(systemName));
  updateLanguageChecks();
  model()->retranslate();
  if (database_) {  // not yet during construction
    updateWindowTitle();
    refresh();  // rewords the problem page and the status bar
  }
}

void MainWindow::updateLanguageChecks() {
  const QString installed = installedAppLanguage();
  for (QAction* action : languages_->actions())
    action->setChecked(action->data().toString() == installed);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(event);
}

void MainWindow::chooseLanguage(QAction* action) {
  const QString code = action->data().toString();
  if (!installAppLanguage(code)) {  // only if the build lacks the .qm file
    updateLanguageChecks();
    statusBar()->showMessage(tr("%1 is not available in this build.").arg(action->text()),
                             kLanguageMessageMs);
    return;
  }
  saveAppLanguage(code);
  // Switching between two ways to English installs nothing, so no LanguageChange arrives.
  updateLanguageChecks();
  statusBar()->showMessage(tr("Language: %1 — saved for the next start").arg(action->text()),
                           kLanguageMessageMs);
}

bool MainWindow::showsRuns() const { return runList_->showsRuns(); }

void MainWindow::openDatabase(const std::filesystem::path& database) {
  model()->setStore(nullptr);
  model()->refresh();  // no store: clears the rows of the previous database
  monitor_->setRun(nullptr, 0);  // it read the previous database
  monitorStore_ = nullptr;
  designer_->setStore(nullptr);
  designerStore_ = nullptr;
  database_ = std::make_unique<RunDatabase>(database);
  launcher_->setDatabase(database);
  updateWindowTitle();
  refresh();
}

void MainWindow::updateWindowTitle() {
  setWindowTitle(tr("Repetition Workbench — %1").arg(toQString(database_->path().filename())));
}

void MainWindow::refresh() {
  const RunStore* store = database_->store();
  model()->setStore(store);
  if (!store) {
    showProblem();
    return;
  }
  try {
    model()->refresh();
  } catch (const StoreError& error) {
    model()->setStore(nullptr);
    database_->fail(error);
    showProblem();
    return;
  }
  runList_->showRuns();
  updateStatusBar();
  showSelectedRuns();
  // The designer reads throughput and fits once per database (and after a launched job ends),
  // not at every refresh: it scans finished runs.
  if (store != designerStore_) {
    designerStore_ = store;
    designer_->setStore(store);
  }
  if (const std::int64_t shown = monitor_->runId(); shown != 0) {
    if (monitorStore_ != store) monitor_->setRun(nullptr, 0);  // the database was reopened
    monitorStore_ = store;
    monitor_->setRun(store, shown);  // the same store and run: reads the new rows only
  }
}

void MainWindow::showSelectedRuns() {
  try {
    compare_->setRuns(database_->store(), runList_->selectedRuns());
  } catch (const StoreError& error) {
    database_->fail(error);
    showProblem();
  }
}

void MainWindow::selectRuns(const std::vector<RunRow>& runs) { runList_->selectRuns(runs); }

void MainWindow::exportFigure() {
  if (compare_->runs().empty()) {
    QMessageBox::information(this, tr("Export figure"), tr("Select the runs to plot in the list first."));
    return;
  }
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export figure"), toQString(database_->path().parent_path() / "figure.pdf"),
      tr("PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png);;CSV data (*.csv);;pgfplots for LaTeX (*.tex)"));
  if (path.isEmpty()) return;
  const QString problem = compare_->exportTo(path, FigureExportOptions{});
  if (!problem.isEmpty()) QMessageBox::warning(this, tr("Export figure"), problem);
  else statusBar()->showMessage(tr("Saved %1 (3.25 in wide, single column)").arg(path), 5000);
}

void MainWindow::showProblem() {
  const RunDatabase::Problem& problem = database_->problem();
  runList_->showProblem(problem.title, problem.detail);
  updateStatusBar();
}

void MainWindow::updateStatusBar() {
  pathLabel_->setText(tr("Database: %1").arg(toQString(database_->path())));
  if (showsRuns())
    countLabel_->setText(tr("%n run(s)", nullptr, model()->rowCount()));
  else
    countLabel_->setText(database_->problem().missing ? tr("not created yet") : tr("unreadable"));
}

void MainWindow::chooseDatabase() {
  const QString start = toQString(database_->path().parent_path());
  const QString chosen =
      QFileDialog::getOpenFileName(this, tr("Open run database"), start,
                                   tr("Run databases (*.db *.sqlite *.sqlite3);;All files (*)"));
  if (!chosen.isEmpty()) openDatabase(toPath(chosen));
}

}  // namespace wb
