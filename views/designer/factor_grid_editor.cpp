// FactorGridEditor: the grid's rows, the template menu, the runs box and sweep errors.
#include "views/designer/factor_grid_editor.hpp"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "views/designer/spec_field_catalog.hpp"

namespace wb {
namespace {

using nlohmann::json;
using Template = FactorGridEditor::Template;

struct TemplateRow {
  Template id;
  const char* title;
  const char* path;
  const char* levels;
};
// Levels from the studies at the presets' scale (budget 2^20 tokens, a 4 x 128 model).
const TemplateRow kTemplates[] = {
    {Template::kEpochs, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Epochs at a fixed token budget"), "data.epochs", "1, 4, 16, 64"},
    {Template::kUniqueTokens, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Unique tokens at a fixed token budget"),
     "data.unique_tokens", "1048576, 262144, 65536, 16384"},
    {Template::kModelSize, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Model size (n_layer, n_embd)"), "model",
     R"({"n_layer": 2, "n_embd": 64}, {"n_layer": 4, "n_embd": 128}, {"n_layer": 6, "n_embd": 192})"},
    {Template::kArchitecture, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Architecture: dense, MoE, shared"), "model.arch",
     "dense, moe, shared"},
    {Template::kObjective, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Objective"), "objective.kind",
     "causal, span_corruption, ul2"},
    {Template::kDropout, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Dropout rate"), "model.dropout", "0, 0.1, 0.2, 0.3"},
    {Template::kDropoutSchedule, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Dropout schedule: constant vs dropstage"),
     "model.dropout",
     R"({"rate": 0.1, "schedule": "constant"}, {"rate": 0.1, "schedule": "dropstage", "start": 0.5})"},
    {Template::kLrSchedule, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "LR schedule"), "optimizer.schedule",
     "cosine, linear, infinite"},
    {Template::kReplay, QT_TRANSLATE_NOOP("wb::FactorGridEditor", "Replay fraction (needs a replay corpus)"),
     "data.replay.fraction", "0, 0.05, 0.25"},
};

// Paths a grid key commonly names besides the catalog's leaves: whole objects.
const char* const kObjectPaths[] = {"model", "model.dropout", "model.moe", "data.replay", "optimizer", "objective"};

json parseToken(const QString& token) {
  const std::string text = token.toStdString();
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) return text;
  // "1e6" is a whole number of tokens, not 1000000.0 (integer fields reject a float).
  if (value.is_number_float() && !token.contains(QLatin1Char('.')) && value.get<double>() == static_cast<double>(static_cast<std::int64_t>(value.get<double>())))
    return static_cast<std::int64_t>(value.get<double>());
  return value;
}

}  // namespace

json FactorGridEditor::parseLevels(const QString& text) {
  json out = json::array();
  int depth = 0;
  bool quoted = false;
  QString token;
  const auto flush = [&] {
    if (!token.trimmed().isEmpty()) out.push_back(parseToken(token.trimmed()));
    token.clear();
  };
  for (int i = 0; i < text.size(); ++i) {
    const QChar c = text[i];
    if (quoted) {
      if (c == QLatin1Char('\\') && i + 1 < text.size()) { token += c; token += text[++i]; continue; }
      if (c == QLatin1Char('"')) quoted = false;
    } else if (c == QLatin1Char('"')) {
      quoted = true;
    } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
      ++depth;
    } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
      depth = std::max(0, depth - 1);
    } else if (c == QLatin1Char(',') && depth == 0) {
      flush();
      continue;
    }
    token += c;
  }
  flush();
  return out;
}

QString FactorGridEditor::formatLevels(const json& values) {
  QStringList items;
  for (const auto& v : values) {
    const bool plain = v.is_string() && !QString::fromStdString(v.get<std::string>()).contains(QLatin1Char(','));
    items << (plain ? QString::fromStdString(v.get<std::string>()) : QString::fromStdString(v.dump()));
  }
  return items.join(QStringLiteral(", "));
}

FactorGridEditor::FactorGridEditor(QWidget* parent)
    : QWidget(parent),
      rowsLayout_(new QVBoxLayout),
      add_(new QToolButton(this)),
      runsLabel_(new QLabel(this)),
      runs_(new QPlainTextEdit(this)),
      error_(new QLabel(this)),
      title_(new QLabel(this)) {
  auto* menu = new QMenu(add_);
  add_->setMenu(menu);
  add_->setPopupMode(QToolButton::MenuButtonPopup);
  connect(add_, &QToolButton::clicked, this, [this] { addFactor(QString(), QString()); });
  runs_->setMaximumHeight(80);
  runs_->setPlaceholderText(QStringLiteral(R"([{"name": "small", "model": {"n_layer": 2, "n_embd": 64}}])"));
  connect(runs_, &QPlainTextEdit::textChanged, this, [this] { if (!loading_) emit edited(); });
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #c00000;"));
  error_->hide();

  auto* header = new QHBoxLayout;
  header->addWidget(title_, 1);
  header->addWidget(add_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(header);
  layout->addLayout(rowsLayout_);
  layout->addWidget(error_);
  layout->addWidget(runsLabel_);
  layout->addWidget(runs_);
  retranslate();
}

int FactorGridEditor::addFactor(const QString& path, const QString& levels) {
  Row row;
  row.widget = new QWidget(this);
  auto* outer = new QVBoxLayout(row.widget);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->setSpacing(1);
  auto* line = new QHBoxLayout;
  row.factor = new QComboBox(row.widget);
  row.factor->setEditable(true);  // any dotted path of the run spec may be swept
  for (const auto& f : specFields()) row.factor->addItem(QString::fromLatin1(f.path));
  for (const char* p : kObjectPaths) row.factor->addItem(QString::fromLatin1(p));
  row.factor->setCurrentText(path);
  row.levels = new QLineEdit(levels, row.widget);
  row.remove = new QToolButton(row.widget);
  row.error = new QLabel(row.widget);
  row.error->setWordWrap(true);
  row.error->setStyleSheet(QStringLiteral("color: #c00000;"));
  row.error->hide();
  line->addWidget(row.factor, 2);
  line->addWidget(row.levels, 3);
  line->addWidget(row.remove);
  outer->addLayout(line);
  outer->addWidget(row.error);
  rowsLayout_->addWidget(row.widget);
  const auto changed = [this] { if (!loading_) emit edited(); };
  connect(row.factor, &QComboBox::currentTextChanged, this, changed);
  connect(row.levels, &QLineEdit::textChanged, this, changed);
  QWidget* key = row.widget;
  connect(row.remove, &QToolButton::clicked, this, [this, key] {
    for (int i = 0; i < rows_.size(); ++i)
      if (rows_[i].widget == key) return removeFactor(i);
  });
  rows_.append(row);
  retranslate();
  if (!loading_) emit edited();
  return rows_.size() - 1;
}

void FactorGridEditor::addTemplate(Template t) {
  for (const auto& row : kTemplates)
    if (row.id == t) addFactor(QString::fromLatin1(row.path), QString::fromUtf8(row.levels));
}

void FactorGridEditor::removeFactor(int row) {
  if (row < 0 || row >= rows_.size()) return;
  delete rows_.takeAt(row).widget;
  if (!loading_) emit edited();
}

QString FactorGridEditor::factorAt(int row) const { return rows_.value(row).factor ? rows_[row].factor->currentText().trimmed() : QString(); }
QString FactorGridEditor::levelsAt(int row) const { return rows_.value(row).levels ? rows_[row].levels->text() : QString(); }
void FactorGridEditor::setLevels(int row, const QString& levels) {
  if (row >= 0 && row < rows_.size()) rows_[row].levels->setText(levels);
}

void FactorGridEditor::setSweeps(const json& grid, const json& runs) {
  loading_ = true;
  while (!rows_.isEmpty()) delete rows_.takeLast().widget;
  if (grid.is_object())
    for (const auto& [path, values] : grid.items())
      addFactor(QString::fromStdString(path), values.is_array() ? formatLevels(values) : QString::fromStdString(values.dump()));
  runs_->setPlainText(runs.is_null() ? QString() : QString::fromStdString(runs.dump(2)));
  loading_ = false;
  clearErrors();
}

json FactorGridEditor::grid() const {
  json out = json::object();
  for (int i = 0; i < rows_.size(); ++i) {
    const QString path = factorAt(i);
    const json levels = parseLevels(levelsAt(i));
    if (path.isEmpty() || levels.empty()) continue;  // a row being typed is not yet a factor
    out[path.toStdString()] = levels;
  }
  return out;
}

json FactorGridEditor::runs() const {
  const QString text = runs_->toPlainText().trimmed();
  if (text.isEmpty()) return nullptr;
  json value = json::parse(text.toStdString(), nullptr, false);
  return value.is_discarded() ? json(text.toStdString()) : value;
}

void FactorGridEditor::showError(const QString& message) {
  // The row whose key the message names: "grid.model.n_hed: ..." or "grid point {"model.n_head":3}".
  int best = -1;
  for (int i = 0; i < rows_.size(); ++i) {
    const QString path = factorAt(i);
    if (path.isEmpty()) continue;
    if ((message.contains(QStringLiteral("grid.") + path) || message.contains(QLatin1Char('"') + path + QLatin1Char('"'))) &&
        (best < 0 || path.size() > factorAt(best).size()))
      best = i;
  }
  QLabel* label = best >= 0 ? rows_[best].error : error_;
  label->setText(message);
  label->show();
  if (best >= 0) rows_[best].levels->setStyleSheet(QStringLiteral("border: 2px solid #c00000;"));
}

void FactorGridEditor::clearErrors() {
  for (auto& row : rows_) {
    row.error->clear();
    row.error->hide();
    row.levels->setStyleSheet(QString());
  }
  error_->clear();
  error_->hide();
}

QString FactorGridEditor::errorAt(int row) const { return row >= 0 && row < rows_.size() ? rows_[row].error->text() : QString(); }
QString FactorGridEditor::generalError() const { return error_->text(); }

void FactorGridEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void FactorGridEditor::retranslate() {
  title_->setText(tr("<b>Factors</b> (the grid: every combination of the levels is one run)"));
  add_->setText(tr("Add factor"));
  add_->setToolTip(tr("Add an empty row, or pick a factor of the studies from the menu"));
  QMenu* menu = add_->menu();
  menu->clear();
  for (const auto& row : kTemplates) {
    QAction* action = menu->addAction(tr(row.title));
    const Template id = row.id;
    connect(action, &QAction::triggered, this, [this, id] { addTemplate(id); });
  }
  runsLabel_->setText(tr("Runs list (optional, JSON): one object of overrides per run, crossed with the grid"));
  for (auto& row : rows_) {
    row.factor->setToolTip(tr("A dotted path into the run spec, e.g. data.epochs or model"));
    row.levels->setToolTip(tr("Levels, comma-separated: numbers, words or JSON objects"));
    row.levels->setPlaceholderText(tr("e.g. 1, 4, 16, 64"));
    row.remove->setText(tr("Remove"));
  }
}

}  // namespace wb
