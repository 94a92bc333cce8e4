// RunListWindow: the "no database yet" message, picking the database up once it exists, live
// refresh keeping the selection, and an unreadable file explained with its fix.
#include "views/run_list_window.hpp"

#include <gtest/gtest.h>

#include <QItemSelectionModel>
#include <QLabel>
#include <QStatusBar>
#include <QTableView>

#include "common/temp_dir.hpp"
#include "views/database_message_widget.hpp"
#include "views/qt_paths.hpp"
#include "views/run_list_model.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

QString statusBarText(const RunListWindow& window) {
  QStringList parts;
  for (const QLabel* label : window.statusBar()->findChildren<QLabel*>()) parts << label->text();
  return parts.join(QLatin1Char('|'));
}

TEST(ViewsRunListWindow, ShowsMessageUntilTheDatabaseExists) {
  test::TempDir dir;
  const auto db = dir / "runs.db";
  RunListWindow window(db);
  window.show();
  EXPECT_FALSE(window.showsRuns());
  EXPECT_EQ(window.message()->title(), "No run database yet");
  EXPECT_TRUE(window.message()->detail().contains(toQString(db)));
  EXPECT_TRUE(window.message()->detail().contains("workbench-cli run"));
  EXPECT_TRUE(statusBarText(window).contains(toQString(db)));
  test::save_screenshot(window, "run_list_window_no_database");
  EXPECT_FALSE(std::filesystem::exists(db)) << "the window never creates the database";

  test::RunDatabaseWriter writer(db);  // workbench-cli starts a run
  window.refresh();                    // what the 2 s timer does
  EXPECT_TRUE(window.showsRuns());
  EXPECT_EQ(window.model()->rowCount(), 2);
  EXPECT_TRUE(statusBarText(window).contains("2 run(s)")) << statusBarText(window).toStdString();
}

TEST(ViewsRunListWindow, NewestFirstAndSelectionSurvivesRefresh) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  writer.add_run("token-crisis-mini/epochs=8", "running");
  RunListWindow window(dir / "runs.db");
  window.show();
  ASSERT_TRUE(window.showsRuns());

  QTableView* table = window.table();
  ASSERT_EQ(table->model()->rowCount(), 3);
  const auto idAt = [&](int row) {
    return table->model()->index(row, RunListModel::kId).data().toLongLong();
  };
  EXPECT_GT(idAt(0), idAt(1));  // sorted by id, newest on top
  test::save_screenshot(window, "run_list_window");

  table->selectRow(2);  // the oldest run
  const auto selectedId = [&] {
    const auto rows = table->selectionModel()->selectedRows(RunListModel::kId);
    return rows.size() == 1 ? rows[0].data(RunListModel::kRunIdRole).toLongLong() : -1;
  };
  ASSERT_EQ(selectedId(), writer.first);

  writer.add_run("token-crisis-mini/epochs=32", "running");
  writer.store.set_run_status(writer.first, "interrupted");
  window.refresh();
  EXPECT_EQ(table->model()->rowCount(), 4);
  EXPECT_EQ(selectedId(), writer.first);
  EXPECT_TRUE(statusBarText(window).contains("4 run(s)"));
}

TEST(ViewsRunListWindow, UnreadableFileIsExplainedWithItsFix) {
  test::TempDir dir;
  test::write_file(dir / "runs.db", "this is not a database, it is a shopping list");
  RunListWindow window(dir / "runs.db");
  EXPECT_FALSE(window.showsRuns());
  EXPECT_EQ(window.message()->title(), "Cannot show the run database");
  EXPECT_TRUE(window.message()->detail().contains("not a SQLite database"));
  EXPECT_TRUE(window.message()->detail().contains("Fix: "));
  test::save_screenshot(window, "run_list_window_unreadable");

  std::filesystem::remove(dir / "runs.db");  // the user moves it away, as the fix says
  test::RunDatabaseWriter writer(dir / "runs.db");
  window.refresh();
  EXPECT_TRUE(window.showsRuns());
}

}  // namespace
}  // namespace wb
