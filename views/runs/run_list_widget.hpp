// The runs of the open database as a sortable table (newest first), or, when the database cannot
// be shown, the page that says why. Selecting runs compares them; double-clicking one (or its
// context menu) opens it in the live monitor; the context menu also stops, resumes, re-runs and
// duplicates runs, which the main window hands to the launcher.
#pragma once

#include <QWidget>
#include <vector>

#include "store/run_store.hpp"

QT_BEGIN_NAMESPACE
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
QT_END_NAMESPACE

namespace wb {

class DatabaseMessageWidget;
class RunListModel;

class RunListWidget : public QWidget {
  Q_OBJECT

 public:
  explicit RunListWidget(QWidget* parent = nullptr);

  RunListModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  DatabaseMessageWidget* message() const { return message_; }

  bool showsRuns() const;
  void showRuns();
  void showProblem(const QString& title, const QString& detail);

  // The selected runs, by id.
  std::vector<RunRow> selectedRuns() const;
  // Selects these runs (others are deselected).
  void selectRuns(const std::vector<RunRow>& runs);
  // The context menu for the runs at these rows (tests: its actions' texts and triggers).
  QMenu* contextMenuFor(const std::vector<RunRow>& runs);

 signals:
  void selectionChanged();
  void openDatabaseRequested();
  void monitorRequested(const wb::RunRow& run);
  void stopRequested(const wb::RunRow& run);
  void resumeRequested(const wb::RunRow& run);
  void rerunRequested(const wb::RunRow& run);      // the run's experiment, as a new experiment
  void duplicateRequested(const wb::RunRow& run);  // its experiment's spec, into the designer

 private:
  void showContextMenu(const QPoint& at);

  RunListModel* model_;
  QSortFilterProxyModel* sorted_;
  QTableView* table_;
  DatabaseMessageWidget* message_;
  QStackedWidget* pages_;  // the table, or the message when there is nothing to show
};

}  // namespace wb
