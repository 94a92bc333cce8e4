// The experiment's sweeps: rows of (factor = a dotted spec path, levels = comma-separated values)
// that make the `grid` (a cartesian product), quick-add templates for the factors the studies
// vary, and an optional `runs` list (JSON) for runs a product does not describe.
#pragma once

#include <QList>
#include <QWidget>
#include <nlohmann/json.hpp>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;
class QVBoxLayout;
QT_END_NAMESPACE

namespace wb {

class FactorGridEditor : public QWidget {
  Q_OBJECT

 public:
  // The factors of the studies, as ready-made rows.
  enum class Template {
    kEpochs,           // data.epochs at the fixed token budget (Xue et al. 2023)
    kUniqueTokens,     // data.unique_tokens at the fixed token budget
    kModelSize,        // model: {n_layer, n_embd} pairs
    kArchitecture,     // model.arch: dense, moe, shared
    kObjective,        // objective.kind
    kDropout,          // model.dropout rates
    kDropoutSchedule,  // model.dropout: constant vs dropstage
    kLrSchedule,       // optimizer.schedule
    kReplay,           // data.replay.fraction (Ibrahim et al. 2024)
  };

  explicit FactorGridEditor(QWidget* parent = nullptr);

  void setSweeps(const nlohmann::json& grid, const nlohmann::json& runs);
  nlohmann::json grid() const;  // path -> array of values; rows without a path or levels are skipped
  // The `runs` list: null when the box is empty; the text itself when it is not valid JSON (the
  // experiment parser then reports it).
  nlohmann::json runs() const;

  int addFactor(const QString& path, const QString& levels);  // returns the row index
  void addTemplate(Template t);
  void removeFactor(int row);
  int factorCount() const { return rows_.size(); }
  QString factorAt(int row) const;
  QString levelsAt(int row) const;
  void setLevels(int row, const QString& levels);

  // Shows a sweep error at the row whose factor it names (else under the editor).
  void showError(const QString& message);
  void clearErrors();
  QString errorAt(int row) const;  // for tests
  QString generalError() const;

  // "1, 4, {"n_layer": 2, "n_embd": 64}" -> [1, 4, {...}]: commas inside {} [] "" do not split;
  // a token that is not JSON is a string.
  static nlohmann::json parseLevels(const QString& text);
  static QString formatLevels(const nlohmann::json& values);

 signals:
  void edited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Row {
    QWidget* widget = nullptr;
    QComboBox* factor = nullptr;
    QLineEdit* levels = nullptr;
    QToolButton* remove = nullptr;
    QLabel* error = nullptr;
  };
  void retranslate();

  QVBoxLayout* rowsLayout_;
  QList<Row> rows_;
  QToolButton* add_;
  QLabel* runsLabel_;
  QPlainTextEdit* runs_;
  QLabel* error_;
  QLabel* title_;
  bool loading_ = false;
};

}  // namespace wb
