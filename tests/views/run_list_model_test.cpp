// RunListModel over a read-only store: contents, headers, and refresh without model resets.
#include "views/runs/run_list_model.hpp"

#include <gtest/gtest.h>

#include <QPersistentModelIndex>

#include "common/temp_dir.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

QString text(const RunListModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.data(model.index(row, column), role).toString();
}

TEST(ViewsRunListModel, ListsRunsWithHeaders) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  const RunStore reader = RunStore::open(dir / "runs.db", RunStore::Mode::kReadOnly);

  RunListModel model;
  EXPECT_EQ(model.rowCount(), 0);
  model.setStore(&reader);
  model.refresh();

  ASSERT_EQ(model.rowCount(), 2);
  EXPECT_EQ(model.columnCount(), 7);
  const QStringList headers = {"ID", "Experiment", "Name", "Status", "Started", "Ended", "Host"};
  for (int column = 0; column < model.columnCount(); ++column)
    EXPECT_EQ(model.headerData(column, Qt::Horizontal).toString(), headers[column]);
  EXPECT_FALSE(model.headerData(0, Qt::Vertical).isValid());

  EXPECT_EQ(model.data(model.index(0, RunListModel::kId)).toLongLong(), writer.first);
  EXPECT_EQ(text(model, 0, RunListModel::kExperiment), "token-crisis-mini");
  EXPECT_EQ(text(model, 0, RunListModel::kName), "token-crisis-mini/epochs=1");
  EXPECT_EQ(text(model, 0, RunListModel::kStatus), "finished");
  EXPECT_EQ(text(model, 1, RunListModel::kStatus), "failed");
  EXPECT_EQ(text(model, 1, RunListModel::kStatus, Qt::ToolTipRole), "loss became NaN at step 812");
  EXPECT_TRUE(model.data(model.index(1, RunListModel::kStatus), Qt::ForegroundRole).isValid());
  EXPECT_EQ(text(model, 0, RunListModel::kHost), "gpu-box-1");
  EXPECT_EQ(text(model, 0, RunListModel::kStarted).size(), 19);  // yyyy-MM-dd HH:mm:ss, local
  EXPECT_EQ(text(model, 0, RunListModel::kEnded).size(), 19);
  EXPECT_TRUE(text(model, 0, RunListModel::kEnded, Qt::ToolTipRole).endsWith('Z'));  // UTC
  EXPECT_EQ(model.data(model.index(1, 3), RunListModel::kRunIdRole).toLongLong(), writer.second);
  EXPECT_FALSE(model.data(model.index(2, 0)).isValid());
  EXPECT_EQ(model.run(1).name, "token-crisis-mini/epochs=4");
}

TEST(ViewsRunListModel, RefreshInsertsAndUpdatesRowsWithoutReset) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  const RunStore reader = RunStore::open(dir / "runs.db", RunStore::Mode::kReadOnly);
  RunListModel model;
  model.setStore(&reader);
  model.refresh();

  int resets = 0, inserted = 0, changed = 0;
  QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { ++resets; });
  QObject::connect(&model, &QAbstractItemModel::rowsInserted,
                   [&](const QModelIndex&, int first, int last) { inserted += last - first + 1; });
  QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] { ++changed; });
  const QPersistentModelIndex second(model.index(1, RunListModel::kName));

  const auto third = writer.add_run("token-crisis-mini/epochs=16", "running");
  model.refresh();
  ASSERT_EQ(model.rowCount(), 3);
  EXPECT_EQ(inserted, 1);
  EXPECT_EQ(changed, 0) << "unchanged runs are not re-announced";
  EXPECT_EQ(model.data(model.index(2, RunListModel::kId)).toLongLong(), third);
  EXPECT_EQ(text(model, 2, RunListModel::kStatus), "running");
  EXPECT_EQ(text(model, 2, RunListModel::kEnded), "");

  writer.store.set_run_status(third, "finished");
  model.refresh();
  EXPECT_EQ(changed, 1);
  EXPECT_EQ(text(model, 2, RunListModel::kStatus), "finished");

  EXPECT_EQ(resets, 0);
  ASSERT_TRUE(second.isValid());  // views keep selection and current row
  EXPECT_EQ(second.row(), 1);

  model.setStore(nullptr);
  model.refresh();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_FALSE(second.isValid());
}

}  // namespace
}  // namespace wb
