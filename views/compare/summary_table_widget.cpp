// SummaryTableWidget: a filter line above a sortable table of run outcomes.
#include "views/compare/summary_table_widget.hpp"

#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "views/compare/summary_table_model.hpp"

namespace wb {

SummaryTableWidget::SummaryTableWidget(QWidget* parent)
    : QWidget(parent),
      model_(new SummaryTableModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      filter_(new QLineEdit(this)),
      table_(new QTableView(this)) {
  sorted_->setSourceModel(model_);
  sorted_->setSortRole(SummaryTableModel::kSortRole);
  sorted_->setFilterKeyColumn(-1);  // any cell
  sorted_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  sorted_->setDynamicSortFilter(true);
  table_->setModel(sorted_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(SummaryTableModel::kRun, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, sorted_, &QSortFilterProxyModel::setFilterFixedString);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(filter_);
  layout->addWidget(table_, 1);
  retranslate();
}

void SummaryTableWidget::retranslate() {
  filter_->setPlaceholderText(tr("Filter runs (name, factor level, status)…"));
  model_->retranslate();
}

void SummaryTableWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace wb
