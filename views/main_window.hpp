// The desktop app's main window over one run database, refreshed live every 2 s while
// workbench-cli writes. Three tabs, in the order of the work: Design (the experiment designer),
// Runs (the database's runs and the jobs launched from here above, the comparison of the
// selected runs below) and Monitor (one run, live). File > Open database…, Export figure…,
// View > Language, a status bar (path, run count, messages). It only assembles the widgets and
// passes their requests along: the designer's Launch to the launcher, the run list's and the
// launcher's "open in monitor" to the monitor, "duplicate and edit" to the designer. A language
// switch (QEvent::LanguageChange) retranslates it in place.
#pragma once

#include <QMainWindow>
#include <filesystem>
#include <memory>
#include <vector>

#include "store/run_store.hpp"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;
class QTimer;

namespace wb {

class CompareWidget;
class DatabaseMessageWidget;
class RunDatabase;
class RunListModel;
class RunListWidget;
class ExperimentDesigner;
class LauncherWidget;
class RunMonitorWidget;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  static constexpr int kRefreshIntervalMs = 2000;
  static constexpr int kLanguageMessageMs = 5000;  // "Language: …" in the status bar

  explicit MainWindow(const std::filesystem::path& database, QWidget* parent = nullptr);
  ~MainWindow() override;

  // For tests and the headless commands.
  RunListWidget* runList() const { return runList_; }
  RunListModel* model() const;
  QTableView* table() const;
  DatabaseMessageWidget* message() const;
  CompareWidget* compare() const { return compare_; }
  LauncherWidget* launcher() const { return launcher_; }
  RunMonitorWidget* monitor() const { return monitor_; }
  QTabWidget* tabs() const { return tabs_; }
  ExperimentDesigner* designer() const { return designer_; }
  enum Tab { kDesignTab, kRunsTab, kMonitorTab };  // tab indices

  // Shows this run in the Monitor tab and switches to it.
  void showInMonitor(std::int64_t runId);
  bool showsRuns() const;

  // Selects these runs in the list (and so shows them in the comparison); others are deselected.
  void selectRuns(const std::vector<RunRow>& runs);

  // Shows another database (what File > Open database… does once a file is chosen).
  void openDatabase(const std::filesystem::path& database);

 public slots:
  // Re-reads the runs, or retries opening the database; the timer calls it every 2 s.
  void refresh();

 protected:
  void changeEvent(QEvent* event) override;

 private slots:
  void chooseDatabase();
  void exportFigure();
  // The selected runs go to the comparison chart.
  void showSelectedRuns();
  // View > Language: saves the choice ("" = system) and switches to it at once.
  void chooseLanguage(QAction* action);

 private:
  void createMenus();
  void retranslateUi();
  void updateLanguageChecks();
  void showProblem();
  void updateStatusBar();
  void updateWindowTitle();

  void connectRunActions();

  std::unique_ptr<RunDatabase> database_;
  QTabWidget* tabs_;
  ExperimentDesigner* designer_;
  const RunStore* designerStore_ = nullptr;  // what the designer's estimates were read from
  QTabWidget* runTabs_;  // the database's runs | the jobs launched from here
  RunListWidget* runList_;
  LauncherWidget* launcher_;
  CompareWidget* compare_;
  RunMonitorWidget* monitor_;
  const RunStore* monitorStore_ = nullptr;  // the store the monitor reads (reset when reopened)
  QLabel* pathLabel_;
  QLabel* countLabel_;
  QTimer* refreshTimer_;
  // Kept for retranslateUi().
  QMenu* fileMenu_ = nullptr;
  QAction* openAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  QAction* quitAction_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QAction* refreshAction_ = nullptr;
  QMenu* languageMenu_ = nullptr;
  QActionGroup* languages_ = nullptr;  // one checkable action per language; data() = its code
  QAction* systemLanguageAction_ = nullptr;
};

}  // namespace wb
