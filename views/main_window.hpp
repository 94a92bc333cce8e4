// The desktop app's main window over one run database, refreshed live every 2 s while
// workbench-cli writes: the run list with the comparison below it, File > Open database… and
// Export figure…, View > Language, and a status bar (path, run count). It only assembles the
// widgets and passes their requests along; listing is RunListWidget's job, opening RunDatabase's.
// A language switch (QEvent::LanguageChange) retranslates it in place.
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
class QTableView;
class QTimer;

namespace wb {

class CompareWidget;
class DatabaseMessageWidget;
class RunDatabase;
class RunListModel;
class RunListWidget;

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

  std::unique_ptr<RunDatabase> database_;
  RunListWidget* runList_;
  CompareWidget* compare_;
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
