// MainWindow: the "no database yet" message, picking the database up once it exists, live
// refresh keeping the selection, an unreadable file explained with its fix, and View > Language
// switching the window's language live and saving the choice.
#include "views/main_window.hpp"

#include <gtest/gtest.h>

#include <QAction>
#include <QActionGroup>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

#include "common/temp_dir.hpp"
#include "views/app_language.hpp"
#include "views/database_message_widget.hpp"
#include "views/launcher/launcher_widget.hpp"
#include "views/launcher/run_actions.hpp"
#include "views/monitor/run_monitor_widget.hpp"
#include "views/runs/run_list_widget.hpp"
#include "views/qt_paths.hpp"
#include "views/runs/run_list_model.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

QString statusBarText(const MainWindow& window) {
  QStringList parts;
  for (const QLabel* label : window.statusBar()->findChildren<QLabel*>()) parts << label->text();
  return parts.join(QLatin1Char('|'));
}

TEST(ViewsMainWindow, ShowsMessageUntilTheDatabaseExists) {
  test::TempDir dir;
  const auto db = dir / "runs.db";
  MainWindow window(db);
  window.show();
  EXPECT_FALSE(window.showsRuns());
  EXPECT_EQ(window.message()->title(), "No run database yet");
  EXPECT_TRUE(window.message()->detail().contains(toQString(db)));
  EXPECT_TRUE(window.message()->detail().contains("workbench-cli run"));
  EXPECT_TRUE(statusBarText(window).contains(toQString(db)));
  test::save_screenshot(window, "main_window_no_database");
  EXPECT_FALSE(std::filesystem::exists(db)) << "the window never creates the database";

  test::RunDatabaseWriter writer(db);  // workbench-cli starts a run
  window.refresh();                    // what the 2 s timer does
  EXPECT_TRUE(window.showsRuns());
  EXPECT_EQ(window.model()->rowCount(), 2);
  EXPECT_TRUE(statusBarText(window).contains("2 run(s)")) << statusBarText(window).toStdString();
}

TEST(ViewsMainWindow, NewestFirstAndSelectionSurvivesRefresh) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  writer.add_run("token-crisis-mini/epochs=8", "running");
  MainWindow window(dir / "runs.db");
  window.show();
  ASSERT_TRUE(window.showsRuns());

  QTableView* table = window.table();
  ASSERT_EQ(table->model()->rowCount(), 3);
  const auto idAt = [&](int row) {
    return table->model()->index(row, RunListModel::kId).data().toLongLong();
  };
  EXPECT_GT(idAt(0), idAt(1));  // sorted by id, newest on top
  test::save_screenshot(window, "main_window");

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

TEST(ViewsMainWindow, UnreadableFileIsExplainedWithItsFix) {
  test::TempDir dir;
  test::write_file(dir / "runs.db", "this is not a database, it is a shopping list");
  MainWindow window(dir / "runs.db");
  EXPECT_FALSE(window.showsRuns());
  EXPECT_EQ(window.message()->title(), "Cannot show the run database");
  EXPECT_TRUE(window.message()->detail().contains("not a SQLite database"));
  EXPECT_TRUE(window.message()->detail().contains("Fix: "));
  test::save_screenshot(window, "main_window_unreadable");

  std::filesystem::remove(dir / "runs.db");  // the user moves it away, as the fix says
  test::RunDatabaseWriter writer(dir / "runs.db");
  window.refresh();
  EXPECT_TRUE(window.showsRuns());
}

// The View > Language entry for `code` ("" = system default).
QAction* languageAction(const MainWindow& window, const QString& code) {
  const auto* languages = window.findChild<QActionGroup*>(QStringLiteral("languages"));
  if (!languages) return nullptr;
  for (QAction* action : languages->actions())
    if (action->data().toString() == code) return action;
  return nullptr;
}

QStringList menuTitles(const MainWindow& window) {
  QStringList titles;
  for (const QAction* action : window.menuBar()->actions()) titles << action->text();
  return titles;
}

// What the menu does, then the event loop's turns: one delivers the LanguageChange events it
// posts, the next the relayouts that the new texts post in turn.
void chooseLanguage(const MainWindow& window, const QString& code) {
  QAction* action = languageAction(window, code);
  ASSERT_NE(action, nullptr) << code.toStdString();
  action->trigger();
  QCoreApplication::processEvents();
  QCoreApplication::processEvents();
}

TEST(ViewsMainWindow, LanguageMenuSwitchesLiveAndSavesTheChoice) {
  test::EnglishAfterwards english;
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  MainWindow window(dir / "runs.db");
  window.show();
  ASSERT_TRUE(window.showsRuns());
  EXPECT_TRUE(languageAction(window, "")->isChecked()) << "follows the system at first";
  for (const QString code : {"en", "de", "zh_CN", "ja"})
    EXPECT_NE(languageAction(window, code), nullptr);

  chooseLanguage(window, "ja");
  EXPECT_EQ(savedAppLanguage(), "ja");
  EXPECT_TRUE(languageAction(window, "ja")->isChecked());
  EXPECT_FALSE(languageAction(window, "")->isChecked());
  EXPECT_EQ(menuTitles(window), QStringList({"ファイル(&F)", "表示(&V)"}));
  EXPECT_EQ(window.model()->headerData(RunListModel::kExperiment, Qt::Horizontal), "実験");
  EXPECT_EQ(window.table()->model()->index(0, RunListModel::kStatus).data(), "失敗")
      << "newest first: epochs=4 failed";
  EXPECT_TRUE(statusBarText(window).contains("2 件の実行")) << statusBarText(window).toStdString();
  EXPECT_TRUE(window.statusBar()->currentMessage().contains("日本語"));
  EXPECT_EQ(window.windowTitle(), "Repetition Workbench — runs.db");
  test::save_screenshot(window, "main_window_ja");

  chooseLanguage(window, "zh_CN");
  EXPECT_EQ(menuTitles(window), QStringList({"文件(&F)", "视图(&V)"}));
  EXPECT_TRUE(statusBarText(window).contains("2 次运行"));
  test::save_screenshot(window, "main_window_zh_CN");

  chooseLanguage(window, "en");
  EXPECT_EQ(savedAppLanguage(), "en");
  EXPECT_EQ(menuTitles(window), QStringList({"&File", "&View"}));
  EXPECT_EQ(window.model()->headerData(RunListModel::kExperiment, Qt::Horizontal), "Experiment");
  EXPECT_TRUE(statusBarText(window).contains("2 run(s)"));
}

TEST(ViewsMainWindow, LanguageSwitchRewordsTheMessagePage) {
  test::EnglishAfterwards english;
  test::TempDir dir;
  MainWindow window(dir / "runs.db");
  window.show();
  ASSERT_FALSE(window.showsRuns());
  QPushButton* open = window.message()->findChild<QPushButton*>();
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->text(), "Open database…");

  chooseLanguage(window, "de");
  EXPECT_EQ(window.message()->title(), "Noch keine Laufdatenbank");
  EXPECT_TRUE(window.message()->detail().contains(toQString(dir / "runs.db")));
  EXPECT_EQ(open->text(), "Datenbank öffnen…");
  EXPECT_TRUE(statusBarText(window).contains("noch nicht angelegt"));
  test::save_screenshot(window, "main_window_no_database_de");

  chooseLanguage(window, "");  // back to the system's language; saved as "follow the system"
  EXPECT_EQ(savedAppLanguage(), "");
  EXPECT_TRUE(languageAction(window, "")->isChecked());
}

TEST(ViewsMainWindow, RunListOpensRunsInTheMonitorAndHandsActionsToTheLauncher) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  MainWindow window(dir / "runs.db");
  window.show();
  EXPECT_EQ(window.launcher()->database(), dir / "runs.db");
  EXPECT_EQ(window.tabs()->currentIndex(), MainWindow::kRunsTab);

  // The context menu of the failed run: monitor, stop (disabled: not running), resume, ...
  const RunRow failed = *writer.store.find_run(std::to_string(writer.second));
  QMenu* menu = window.runList()->contextMenuFor({failed});
  QStringList texts;
  for (QAction* action : menu->actions())
    if (!action->isSeparator()) texts << action->text();
  EXPECT_EQ(texts, QStringList({"Open in monitor", "Stop", "Resume", "Re-run experiment", "Duplicate and edit…"}));
  EXPECT_FALSE(menu->actions()[2]->isEnabled());  // Stop
  EXPECT_TRUE(menu->actions()[3]->isEnabled());   // Resume
  // A run training on another host (an ssh:// launch the app detached from) can be resumed:
  // the CLI follows its launch again. One training here with its process alive cannot.
  RunRow remote = failed;
  remote.status = "running";
  remote.environment.host = "gpu-box-far-away";
  QMenu* remote_menu = window.runList()->contextMenuFor({remote});
  EXPECT_TRUE(remote_menu->actions()[3]->isEnabled());
  RunRow here = remote;
  here.environment.host = RunActions::thisHost().toStdString();
  here.environment.pid = QCoreApplication::applicationPid();
  EXPECT_FALSE(window.runList()->contextMenuFor({here})->actions()[3]->isEnabled());
  menu->actions()[0]->trigger();
  EXPECT_EQ(window.tabs()->currentIndex(), MainWindow::kMonitorTab);
  EXPECT_EQ(window.monitor()->runId(), writer.second);

  // A refresh keeps the monitor on its run; another database clears it.
  window.refresh();
  EXPECT_EQ(window.monitor()->runId(), writer.second);
  window.openDatabase(dir / "other.db");
  EXPECT_EQ(window.monitor()->runId(), 0);
  EXPECT_EQ(window.launcher()->database(), dir / "other.db");
}

}  // namespace
}  // namespace wb
