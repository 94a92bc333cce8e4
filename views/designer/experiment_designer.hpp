// The experiment designer: start from a preset or a previous experiment of the open database,
// edit the base run spec in a form and the sweeps in a factor grid, watch the runs the grid
// expands to (tokens, FLOPs, estimated wall time, predicted loss) update as you type, see
// validation errors at the field, save/load spec files, and ask for a launch.
//
// Embedding: `auto* designer = new ExperimentDesigner(parent); designer->setStore(&store);`
// and connect launchRequested(path) to whatever starts `workbench-cli run PATH`.
#pragma once

#include <QString>
#include <QWidget>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "store/run_store.hpp"

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
QT_END_NAMESPACE

namespace wb {

class SpecForm;
class FactorGridEditor;
class ExpandedRunsModel;

class ExperimentDesigner : public QWidget {
  Q_OBJECT

 public:
  explicit ExperimentDesigner(QWidget* parent = nullptr);

  // The open database (not owned; may be null): its experiments are offered under "Start from",
  // its finished runs give the measured throughput, its saved fits the predicted losses, and
  // Launch saves a new spec under its folder (specs/NAME.json). Throughput and fits are read
  // here; call it again after runs finish or fits are saved to refresh the estimates.
  void setStore(const RunStore* store);

  // The experiment document as it would be saved: schema, name, description, the base run
  // fields that differ from their defaults, grid and runs.
  nlohmann::json experimentJson() const;
  void setExperimentJson(const nlohmann::json& document);

  bool loadPreset(const QString& name);          // false when there is no such preset
  bool loadSpecFile(const QString& path);        // errors in a message box naming the file
  bool saveSpecFile(const QString& path);
  QString specPath() const { return specPath_; } // the file last loaded or saved; empty if none

  // Validates and re-estimates now instead of after the edit debounce (tests, before a save).
  void refresh();
  bool isValid() const { return valid_; }
  QString errorText() const;  // the current validation error; empty when valid

  // Parts, for tests and for a main window that wants to place focus.
  SpecForm* form() const { return form_; }
  FactorGridEditor* gridEditor() const { return grid_; }
  ExpandedRunsModel* runsModel() const { return runsModel_; }
  QComboBox* startFromBox() const { return startFrom_; }
  QLineEdit* nameEdit() const { return name_; }
  QPushButton* launchButton() const { return launch_; }

 signals:
  // The spec was saved to `specPath` and the user asked to train it (workbench-cli run PATH).
  void launchRequested(const QString& specPath);
  // The assembled document changed (after the debounce): valid or not.
  void experimentChanged();

 public slots:
  void launch();      // saves (asking where when needed) and emits launchRequested
  void saveSpecAs();  // file dialog
  void loadSpec();    // file dialog

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillStartFrom();
  void startFromChosen(int index);
  void scheduleRefresh();
  void showError(const QString& message);
  QString defaultSpecPath() const;

  const RunStore* store_ = nullptr;
  std::optional<double> measuredFlopsPerS_;  // model FLOP/s of the store's newest finished runs
  std::vector<FitRow> fits_;                 // the store's saved scaling-law fits
  QLabel* startFromLabel_;
  QComboBox* startFrom_;
  QLabel* nameLabel_;
  QLineEdit* name_;
  QLabel* descriptionLabel_;
  QLineEdit* description_;
  QPushButton* load_;
  QPushButton* save_;
  QPushButton* launch_;
  SpecForm* form_;
  FactorGridEditor* grid_;
  ExpandedRunsModel* runsModel_;
  QTableView* runsView_;
  QLabel* totals_;
  QLabel* error_;
  QTimer* debounce_;
  QString specPath_;
  QString errorText_;
  bool valid_ = false;
  bool loading_ = false;
  nlohmann::json extraTopLevel_ = nlohmann::json::object();
};

}  // namespace wb
