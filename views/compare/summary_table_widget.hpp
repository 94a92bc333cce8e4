// The summary table under the comparison chart: the runs' outcomes (summary_table_model.hpp),
// sortable by any column and filtered by a text typed above it (matches any cell: a run name,
// a factor level such as "epochs=16", a status).
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace wb {

class SummaryTableModel;

class SummaryTableWidget : public QWidget {
  Q_OBJECT

 public:
  explicit SummaryTableWidget(QWidget* parent = nullptr);

  SummaryTableModel* model() const { return model_; }
  QSortFilterProxyModel* sorted() const { return sorted_; }  // what the table shows, in its order
  QLineEdit* filter() const { return filter_; }
  QTableView* table() const { return table_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  SummaryTableModel* model_;
  QSortFilterProxyModel* sorted_;
  QLineEdit* filter_;
  QTableView* table_;
};

}  // namespace wb
