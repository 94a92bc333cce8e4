// The base run spec as a form generated from the field catalog (spec_field_catalog.hpp), in
// sections (Data, Model, Optimizer and LR schedule, ...). Reads and writes the spec's JSON; writes
// only the fields that differ from the parser's defaults, so saved specs stay small and readable.
// Keys the catalog does not know (hand-written in a loaded file) are kept as they were.
#pragma once

#include <QMap>
#include <QWidget>
#include <nlohmann/json.hpp>
#include <optional>

QT_BEGIN_NAMESPACE
class QGroupBox;
class QLabel;
class QScrollArea;
QT_END_NAMESPACE

namespace wb {

struct SpecField;

class SpecForm : public QWidget {
  Q_OBJECT

 public:
  explicit SpecForm(QWidget* parent = nullptr);

  // The run sections of an experiment document (data, model, ...; other keys are ignored).
  void setSpec(const nlohmann::json& document);
  // The run sections: the fields that differ from their defaults, plus unknown keys kept.
  nlohmann::json spec() const;

  // Marks the field an error about `path` belongs to (red frame, the message under it) and
  // scrolls to it. False when no field of the form matches.
  bool showError(const QString& path, const QString& message);
  void clearErrors();

  // The editor of a catalog field (QLineEdit, QComboBox or QCheckBox); for tests and focus.
  QWidget* editor(const QString& path) const;
  // The message shown under a field; empty when it has none.
  QString errorAt(const QString& path) const;

 signals:
  void edited();  // the user changed a field

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Row {
    const SpecField* field = nullptr;
    QWidget* editor = nullptr;
    QLabel* label = nullptr;
    QLabel* unit = nullptr;
    QLabel* error = nullptr;
  };
  void retranslate();
  void setValue(const Row& row, const nlohmann::json* value);
  std::optional<nlohmann::json> value(const Row& row) const;

  QScrollArea* scroll_;
  QMap<int, QGroupBox*> sections_;
  QMap<QString, Row> rows_;
  nlohmann::json extra_ = nlohmann::json::object();  // loaded keys the catalog does not cover
  bool loading_ = false;
};

}  // namespace wb
