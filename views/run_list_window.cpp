// RunListWindow: builds the table, message page, menus and status bar, drives the refresh and
// retranslates itself when the language changes.
#include "views/run_list_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <algorithm>

#include "common/errors.hpp"
#include "views/app_language.hpp"
#include "views/compare/compare_widget.hpp"
#include "views/database_message_widget.hpp"
#include "views/qt_paths.hpp"
#include "views/run_database.hpp"
#include "views/run_list_model.hpp"

namespace wb {

RunListWindow::RunListWindow(const std::filesystem::path& database, QWidget* parent)
    : QMainWindow(parent),
      model_(new RunListModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      message_(new DatabaseMessageWidget(this)),
      pages_(new QStackedWidget(this)),
      compare_(new CompareWidget(this)),
      pathLabel_(new QLabel(this)),
      countLabel_(new QLabel(this)),
      refreshTimer_(new QTimer(this)) {
  sorted_->setSourceModel(model_);
  table_->setModel(sorted_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(RunListModel::kId, Qt::DescendingOrder);  // newest run on top
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);  // several runs: compare later
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(RunListModel::kName, QHeaderView::Stretch);

  pages_->addWidget(table_);
  pages_->addWidget(message_);
  // The run list above, the selected runs' curves below.
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(pages_);
  split->addWidget(compare_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 2);
  setCentralWidget(split);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &RunListWindow::showSelectedRuns);
  connect(message_, &DatabaseMessageWidget::openDatabaseRequested, this,
          &RunListWindow::chooseDatabase);

  statusBar()->addWidget(pathLabel_, 1);
  statusBar()->addPermanentWidget(countLabel_);
  pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  createMenus();

  // Polling is simple and enough: the writer is another process, and a read of the run list
  // costs well under a millisecond in WAL mode.
  refreshTimer_->setInterval(kRefreshIntervalMs);
  connect(refreshTimer_, &QTimer::timeout, this, &RunListWindow::refresh);
  refreshTimer_->start();

  resize(1100, 800);
  openDatabase(database);
}

RunListWindow::~RunListWindow() {
  model_->setStore(nullptr);  // the model must not outlive its store pointer's owner
}

// Texts are set in retranslateUi(), so they follow a language switch.
void RunListWindow::createMenus() {
  fileMenu_ = menuBar()->addMenu(QString());
  openAction_ = fileMenu_->addAction(QString(), this, &RunListWindow::chooseDatabase);
  openAction_->setShortcut(QKeySequence::Open);
  exportAction_ = fileMenu_->addAction(QString(), this, &RunListWindow::exportFigure);
  exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  fileMenu_->addSeparator();
  quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
  quitAction_->setShortcut(QKeySequence::Quit);

  viewMenu_ = menuBar()->addMenu(QString());
  refreshAction_ = viewMenu_->addAction(QString(), this, &RunListWindow::refresh);
  refreshAction_->setShortcut(QKeySequence::Refresh);
  viewMenu_->addSeparator();

  // Each language under its own name, so a user stuck in a language they cannot read still
  // finds theirs.
  languageMenu_ = viewMenu_->addMenu(QString());
  languages_ = new QActionGroup(this);  // exclusive: one checked
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
  connect(languages_, &QActionGroup::triggered, this, &RunListWindow::chooseLanguage);
  retranslateUi();
}

void RunListWindow::retranslateUi() {
  fileMenu_->setTitle(tr("&File"));
  openAction_->setText(tr("&Open database…"));
  exportAction_->setText(tr("&Export figure…"));
  quitAction_->setText(tr("&Quit"));
  viewMenu_->setTitle(tr("&View"));
  refreshAction_->setText(tr("&Refresh"));
  languageMenu_->setTitle(tr("&Language"));
  const QString systemCode = systemAppLanguage();
  QString systemName;
  for (const AppLanguage& language : appLanguages())
    if (language.code == systemCode) systemName = language.nativeName;
  systemLanguageAction_->setText(tr("System default (%1)").arg(systemName));
  updateLanguageChecks();
  model_->retranslate();
  if (database_) {  // not yet during construction
    updateWindowTitle();
    refresh();  // rewords the problem page and the status bar
  }
}

void RunListWindow::updateLanguageChecks() {
  const QString installed = installedAppLanguage();
  for (QAction* action : languages_->actions())
    action->setChecked(action->data().toString() == installed);
}

void RunListWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(event);
}

void RunListWindow::chooseLanguage(QAction* action) {
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

bool RunListWindow::showsRuns() const { return pages_->currentWidget() == table_; }

void RunListWindow::openDatabase(const std::filesystem::path& database) {
  model_->setStore(nullptr);
  model_->refresh();  // no store: clears the rows of the previous database
  database_ = std::make_unique<RunDatabase>(database);
  updateWindowTitle();
  refresh();
}

void RunListWindow::updateWindowTitle() {
  setWindowTitle(tr("Repetition Workbench — %1").arg(toQString(database_->path().filename())));
}

void RunListWindow::refresh() {
  const RunStore* store = database_->store();
  model_->setStore(store);
  if (!store) {
    showProblem();
    return;
  }
  try {
    model_->refresh();
  } catch (const StoreError& error) {
    model_->setStore(nullptr);
    database_->fail(error);
    showProblem();
    return;
  }
  pages_->setCurrentWidget(table_);
  updateStatusBar();
  showSelectedRuns();
}

void RunListWindow::showSelectedRuns() {
  std::vector<RunRow> runs;
  for (const QModelIndex& index : table_->selectionModel()->selectedRows())
    runs.push_back(model_->run(sorted_->mapToSource(index).row()));
  std::sort(runs.begin(), runs.end(), [](const RunRow& a, const RunRow& b) { return a.id < b.id; });
  try {
    compare_->setRuns(database_->store(), std::move(runs));
  } catch (const StoreError& error) {
    database_->fail(error);
    showProblem();
  }
}

void RunListWindow::selectRuns(const std::vector<RunRow>& runs) {
  QItemSelection selection;
  for (int row = 0; row < model_->rowCount(); ++row) {
    const auto id = model_->run(row).id;
    if (std::none_of(runs.begin(), runs.end(), [&](const RunRow& r) { return r.id == id; })) continue;
    const QModelIndex index = sorted_->mapFromSource(model_->index(row, 0));
    selection.select(index, index);
  }
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunListWindow::exportFigure() {
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

void RunListWindow::showProblem() {
  const RunDatabase::Problem& problem = database_->problem();
  message_->setMessage(problem.title, problem.detail);
  pages_->setCurrentWidget(message_);
  updateStatusBar();
}

void RunListWindow::updateStatusBar() {
  pathLabel_->setText(tr("Database: %1").arg(toQString(database_->path())));
  if (showsRuns())
    countLabel_->setText(tr("%n run(s)", nullptr, model_->rowCount()));
  else
    countLabel_->setText(database_->problem().missing ? tr("not created yet") : tr("unreadable"));
}

void RunListWindow::chooseDatabase() {
  const QString start = toQString(database_->path().parent_path());
  const QString chosen =
      QFileDialog::getOpenFileName(this, tr("Open run database"), start,
                                   tr("Run databases (*.db *.sqlite *.sqlite3);;All files (*)"));
  if (!chosen.isEmpty()) openDatabase(toPath(chosen));
}

}  // namespace wb
