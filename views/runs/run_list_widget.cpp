// RunListWidget: the run table, its problem page and its context menu.
#include "views/runs/run_list_widget.hpp"

#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "views/database_message_widget.hpp"
#include "views/launcher/run_actions.hpp"
#include "views/runs/run_list_model.hpp"

namespace wb {

RunListWidget::RunListWidget(QWidget* parent)
    : QWidget(parent),
      model_(new RunListModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      message_(new DatabaseMessageWidget(this)),
      pages_(new QStackedWidget(this)) {
  sorted_->setSourceModel(model_);
  table_->setModel(sorted_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(RunListModel::kId, Qt::DescendingOrder);  // newest run on top
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);  // several runs: compared below
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(RunListModel::kName, QHeaderView::Stretch);
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  pages_->addWidget(table_);
  pages_->addWidget(message_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(pages_);

  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunListWidget::selectionChanged);
  connect(message_, &DatabaseMessageWidget::openDatabaseRequested, this, &RunListWidget::openDatabaseRequested);
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    emit monitorRequested(model_->run(sorted_->mapToSource(index).row()));
  });
  connect(table_, &QWidget::customContextMenuRequested, this, &RunListWidget::showContextMenu);
}

bool RunListWidget::showsRuns() const { return pages_->currentWidget() == table_; }
void RunListWidget::showRuns() { pages_->setCurrentWidget(table_); }

void RunListWidget::showProblem(const QString& title, const QString& detail) {
  message_->setMessage(title, detail);
  pages_->setCurrentWidget(message_);
}

std::vector<RunRow> RunListWidget::selectedRuns() const {
  std::vector<RunRow> runs;
  for (const QModelIndex& index : table_->selectionModel()->selectedRows())
    runs.push_back(model_->run(sorted_->mapToSource(index).row()));
  std::sort(runs.begin(), runs.end(), [](const RunRow& a, const RunRow& b) { return a.id < b.id; });
  return runs;
}

void RunListWidget::selectRuns(const std::vector<RunRow>& runs) {
  QItemSelection selection;
  for (int row = 0; row < model_->rowCount(); ++row) {
    const auto id = model_->run(row).id;
    if (std::none_of(runs.begin(), runs.end(), [&](const RunRow& r) { return r.id == id; })) continue;
    const QModelIndex index = sorted_->mapFromSource(model_->index(row, 0));
    selection.select(index, index);
  }
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QMenu* RunListWidget::contextMenuFor(const std::vector<RunRow>& runs) {
  auto* menu = new QMenu(this);
  menu->setAttribute(Qt::WA_DeleteOnClose);
  if (runs.empty()) return menu;
  const RunRow run = runs.front();  // actions act on the run under the mouse
  const bool active = run.status == "running" || run.status == "queued";
  // Interrupted, failed, queued, running without its process, or running on another host (an
  // ssh:// launch this app detached from): RunActions decides, as the launcher does.
  const bool resumable = RunActions::available(run).resume;
  menu->addAction(tr("Open in monitor"), this, [this, run] { emit monitorRequested(run); });
  menu->addSeparator();
  menu->addAction(tr("Stop"), this, [this, run] { emit stopRequested(run); })->setEnabled(active);
  menu->addAction(tr("Resume"), this, [this, run] { emit resumeRequested(run); })->setEnabled(resumable);
  menu->addAction(tr("Re-run experiment"), this, [this, run] { emit rerunRequested(run); });
  menu->addAction(tr("Duplicate and edit…"), this, [this, run] { emit duplicateRequested(run); });
  return menu;
}

void RunListWidget::showContextMenu(const QPoint& at) {
  const QModelIndex index = table_->indexAt(at);
  if (!index.isValid()) return;
  contextMenuFor({model_->run(sorted_->mapToSource(index).row())})->popup(table_->viewport()->mapToGlobal(at));
}

}  // namespace wb
