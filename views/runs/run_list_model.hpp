// The runs of a run database as a table (id, experiment, name, status, started, ended, host).
// refresh() re-queries the store and applies only the difference (rows inserted, removed or
// changed), never a model reset, so a view's selection, scroll position and sort order survive
// the live updates.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "store/run_store.hpp"

namespace wb {

class RunListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kId, kExperiment, kName, kStatus, kStarted, kEnded, kHost, kColumnCount };
  static constexpr int kRunIdRole = Qt::UserRole + 1;  // the run's id, in every column

  explicit RunListModel(QObject* parent = nullptr);

  // The store to list runs from; not owned, nullptr for none. Takes effect at the next refresh().
  void setStore(const RunStore* store);
  // Re-queries the store (an empty list without one). Throws StoreError; the model keeps its
  // rows then.
  void refresh();

  // Announces that the translated texts (headers, statuses) changed: after a language switch.
  void retranslate();

  const RunRow& run(int row) const { return runs_.at(static_cast<std::size_t>(row)); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  void apply(std::vector<RunRow> fresh);
  QVariant display(const RunRow& run, int column) const;

  const RunStore* store_ = nullptr;
  std::vector<RunRow> runs_;  // sorted by id, as RunStore::runs() returns them
};

}  // namespace wb
