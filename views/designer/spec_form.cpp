// SpecForm: one row per catalog field (label, editor, unit, an error line under it), grouped in
// sections inside a scroll area. Empty means "the default": the placeholder shows it.
#include "views/designer/spec_form.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>
#include <cmath>

#include "views/designer/spec_field_catalog.hpp"

namespace wb {
namespace {

using nlohmann::json;

// The document keys that are the experiment's, not the base run's (docs/spec.md, "Top level").
constexpr const char* kExperimentKeys[] = {"name", "description", "schema", "grid", "runs"};

QStringList parts(const char* path) { return QString::fromLatin1(path).split(QLatin1Char('.')); }

const json* at(const json& doc, const char* path) {
  const json* node = &doc;
  for (const auto& key : parts(path)) {
    if (!node->is_object()) return nullptr;
    const auto it = node->find(key.toStdString());
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

void put(json& doc, const char* path, const json& value) {
  json* node = &doc;
  for (const auto& key : parts(path)) {
    if (!node->is_object()) *node = json::object();
    node = &(*node)[key.toStdString()];
  }
  *node = value;
}

// Erases the leaf at `path` and the objects it leaves empty.
void erase(json& doc, const QStringList& keys, int i = 0) {
  if (!doc.is_object() || i >= keys.size()) return;
  const std::string key = keys[i].toStdString();
  const auto it = doc.find(key);
  if (it == doc.end()) return;
  if (i + 1 == keys.size()) {
    doc.erase(it);
    return;
  }
  erase(*it, keys, i + 1);
  if (it->is_object() && it->empty()) doc.erase(key);
}

bool sameValue(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return std::abs(a.get<double>() - b.get<double>()) <= 1e-12 * std::max(1.0, std::abs(b.get<double>()));
  return a == b;
}

QString display(const json& value) {
  if (value.is_string()) return QString::fromStdString(value.get<std::string>());
  if (value.is_array()) {
    QStringList items;
    for (const auto& v : value) items << display(v);
    return items.join(QStringLiteral(", "));
  }
  return QString::fromStdString(value.dump());
}

}  // namespace

SpecForm::SpecForm(QWidget* parent) : QWidget(parent), scroll_(new QScrollArea(this)) {
  auto* content = new QWidget(scroll_);
  auto* column = new QVBoxLayout(content);
  QMap<int, QFormLayout*> forms;
  for (const auto& field : specFields()) {
    const int section = static_cast<int>(field.section);
    if (!forms.contains(section)) {
      auto* box = new QGroupBox(content);
      forms[section] = new QFormLayout(box);
      sections_[section] = box;
      column->addWidget(box);
    }
    Row row;
    row.field = &field;
    auto* cell = new QWidget(content);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(1);
    auto* line = new QHBoxLayout;
    switch (field.kind) {
      case FieldKind::kBool: {
        auto* box = new QCheckBox(cell);
        connect(box, &QCheckBox::toggled, this, [this] { if (!loading_) emit edited(); });
        row.editor = box;
        break;
      }
      case FieldKind::kChoice: {
        auto* box = new QComboBox(cell);
        box->addItems(fieldChoices(field));
        connect(box, &QComboBox::currentTextChanged, this, [this] { if (!loading_) emit edited(); });
        row.editor = box;
        break;
      }
      default: {
        auto* edit = new QLineEdit(cell);
        if (field.default_json) edit->setPlaceholderText(display(json::parse(field.default_json)));
        connect(edit, &QLineEdit::textChanged, this, [this] { if (!loading_) emit edited(); });
        row.editor = edit;
        break;
      }
    }
    row.editor->setObjectName(QString::fromLatin1(field.path));
    line->addWidget(row.editor, 1);
    row.unit = new QLabel(cell);
    line->addWidget(row.unit);
    cellLayout->addLayout(line);
    row.error = new QLabel(cell);
    row.error->setWordWrap(true);
    row.error->setStyleSheet(QStringLiteral("color: #c00000;"));
    row.error->hide();
    cellLayout->addWidget(row.error);
    row.label = new QLabel(fieldLabel(field), content);
    forms[section]->addRow(row.label, cell);
    rows_.insert(QString::fromLatin1(field.path), row);
    setValue(row, nullptr);
  }
  column->addStretch(1);
  scroll_->setWidget(content);
  scroll_->setWidgetResizable(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll_);
  retranslate();
}

void SpecForm::setValue(const Row& row, const json* value) {
  const json fallback = row.field->default_json ? json::parse(row.field->default_json) : json();
  const json& v = value ? *value : fallback;
  if (auto* box = qobject_cast<QCheckBox*>(row.editor)) {
    box->setChecked(v.is_boolean() ? v.get<bool>() : false);
  } else if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
    const QString text = display(v);
    // A value the catalog does not offer is shown as it is, so the parser's error about it can
    // be read at the field and corrected there.
    if (combo->findText(text) < 0) combo->addItem(text);
    combo->setCurrentText(text);
  } else if (auto* edit = qobject_cast<QLineEdit*>(row.editor)) {
    edit->setText(value ? display(*value) : QString());
  }
}

std::optional<json> SpecForm::value(const Row& row) const {
  const SpecField& f = *row.field;
  json v;
  if (auto* box = qobject_cast<QCheckBox*>(row.editor)) {
    v = box->isChecked();
  } else if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
    if (combo->currentText().isEmpty()) return std::nullopt;
    v = combo->currentText().toStdString();
  } else {
    const QString text = static_cast<QLineEdit*>(row.editor)->text().trimmed();
    if (text.isEmpty()) return std::nullopt;
    bool ok = false;
    switch (f.kind) {
      case FieldKind::kInt: {
        const qlonglong i = text.toLongLong(&ok);
        if (ok) { v = static_cast<std::int64_t>(i); break; }
        const double d = text.toDouble(&ok);  // "1e6" is a whole number too
        if (ok && std::floor(d) == d && std::abs(d) < 9e15) v = static_cast<std::int64_t>(d);
        else v = text.toStdString();  // the parser names the field and what is allowed
        break;
      }
      case FieldKind::kFloat: {
        const double d = text.toDouble(&ok);
        if (ok) v = d; else v = text.toStdString();
        break;
      }
      case FieldKind::kList: {
        v = json::array();
        for (const auto& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
          if (!item.trimmed().isEmpty()) v.push_back(item.trimmed().toStdString());
        if (v.empty()) return std::nullopt;
        break;
      }
      default: v = text.toStdString();
    }
  }
  if (f.default_json && sameValue(v, json::parse(f.default_json))) return std::nullopt;
  return v;
}

void SpecForm::setSpec(const json& document) {
  json doc = document.is_object() ? document : json::object();
  for (const char* key : kExperimentKeys) doc.erase(key);
  // "dropout": 0.1 is shorthand for {"rate": 0.1}: the form edits the object's keys.
  if (const json* dropout = at(doc, "model.dropout"); dropout && dropout->is_number())
    doc["model"]["dropout"] = json{{"rate", *dropout}};
  loading_ = true;
  extra_ = doc;
  for (const auto& row : rows_) {
    setValue(row, at(doc, row.field->path));
    erase(extra_, parts(row.field->path));
  }
  loading_ = false;
  clearErrors();
}

json SpecForm::spec() const {
  json out = extra_;
  for (const auto& field : specFields())
    if (auto v = value(rows_[QString::fromLatin1(field.path)])) put(out, field.path, *v);
  // A dropout object that only sets the rate is written the short way: "dropout": 0.1.
  if (const json* dropout = at(out, "model.dropout"); dropout && dropout->is_object() && dropout->size() == 1 &&
                                                       dropout->contains("rate"))
    out["model"]["dropout"] = json((*dropout)["rate"]);
  return out;
}

bool SpecForm::showError(const QString& path, const QString& message) {
  const SpecField* field = fieldForPath(path.toStdString());
  if (!field) return false;
  const Row& row = rows_[QString::fromLatin1(field->path)];
  row.error->setText(message);
  row.error->show();
  row.editor->setStyleSheet(QStringLiteral("border: 2px solid #c00000;"));
  scroll_->ensureWidgetVisible(row.editor);
  return true;
}

void SpecForm::clearErrors() {
  for (const auto& row : rows_) {
    row.error->clear();
    row.error->hide();
    row.editor->setStyleSheet(QString());
  }
}

QWidget* SpecForm::editor(const QString& path) const {
  const auto it = rows_.find(path);
  return it == rows_.end() ? nullptr : it->editor;
}

QString SpecForm::errorAt(const QString& path) const {
  const auto it = rows_.find(path);
  return it == rows_.end() ? QString() : it->error->text();
}

void SpecForm::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void SpecForm::retranslate() {
  for (auto it = sections_.begin(); it != sections_.end(); ++it)
    it.value()->setTitle(sectionTitle(static_cast<FormSection>(it.key())));
  for (const auto& row : rows_) {
    const QString tip = fieldTooltip(*row.field);
    row.label->setToolTip(tip);
    row.editor->setToolTip(tip);
    row.unit->setText(fieldUnit(*row.field));
  }
}

}  // namespace wb
