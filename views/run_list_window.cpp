// RunListWindow: builds the table, message page, menus and status bar, and drives the refresh.
#include "views/run_list_window.hpp"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include "common/errors.hpp"
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
  setCentralWidget(pages_);
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

  resize(960, 540);
  openDatabase(database);
}

RunListWindow::~RunListWindow() {
  model_->setStore(nullptr);  // the model must not outlive its store pointer's owner
}

void RunListWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open database…"), this, &RunListWindow::chooseDatabase);
  open->setShortcut(QKeySequence::Open);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* reload = view->addAction(tr("&Refresh"), this, &RunListWindow::refresh);
  reload->setShortcut(QKeySequence::Refresh);
}

bool RunListWindow::showsRuns() const { return pages_->currentWidget() == table_; }

void RunListWindow::openDatabase(const std::filesystem::path& database) {
  model_->setStore(nullptr);
  model_->refresh();  // no store: clears the rows of the previous database
  database_ = std::make_unique<RunDatabase>(database);
  setWindowTitle(tr("Repetition Workbench — %1").arg(toQString(database.filename())));
  refresh();
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
