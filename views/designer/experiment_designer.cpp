// ExperimentDesigner: assembles the start-from picker, name and description, the spec form, the
// factor grid, the live runs table and the error line; validates with the CLI's own parser
// (parse_experiment), so what the designer accepts is exactly what `workbench-cli run` accepts.
#include "views/designer/experiment_designer.hpp"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "common/errors.hpp"
#include "design/run_estimates.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"
#include "store/run_store.hpp"
#include "views/designer/expanded_runs_model.hpp"
#include "views/designer/factor_grid_editor.hpp"
#include "views/designer/spec_form.hpp"
#include "views/qt_paths.hpp"

namespace wb {
namespace {

using nlohmann::json;

constexpr const char* kSchema = "workbench.experiment/1";
// Long enough to coalesce a burst of keystrokes, short enough to feel live.
constexpr int kDebounceMs = 150;

// Saved specs list their keys in the order docs/spec.md documents them, not alphabetically.
nlohmann::ordered_json ordered(const json& doc) {
  static const char* const kOrder[] = {"schema", "name", "description", "data", "model", "optimizer", "training",
                                       "objective", "eval", "init_from", "grid", "runs"};
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : kOrder)
    if (doc.contains(key)) out[key] = nlohmann::ordered_json::parse(doc[key].dump());
  for (const auto& [key, value] : doc.items())
    if (!out.contains(key)) out[key] = nlohmann::ordered_json::parse(value.dump());
  return out;
}

void showWarning(QWidget* parent, const QString& title, const QString& text) {
  // Window-modal and non-blocking: the designer stays scriptable (tests) while the box is open.
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

}  // namespace

ExperimentDesigner::ExperimentDesigner(QWidget* parent)
    : QWidget(parent),
      startFromLabel_(new QLabel(this)),
      startFrom_(new QComboBox(this)),
      nameLabel_(new QLabel(this)),
      name_(new QLineEdit(this)),
      descriptionLabel_(new QLabel(this)),
      description_(new QLineEdit(this)),
      load_(new QPushButton(this)),
      save_(new QPushButton(this)),
      launch_(new QPushButton(this)),
      form_(new SpecForm(this)),
      grid_(new FactorGridEditor(this)),
      runsModel_(new ExpandedRunsModel(this)),
      runsView_(new QTableView(this)),
      totals_(new QLabel(this)),
      error_(new QLabel(this)),
      debounce_(new QTimer(this)) {
  debounce_->setSingleShot(true);
  debounce_->setInterval(kDebounceMs);
  connect(debounce_, &QTimer::timeout, this, &ExperimentDesigner::refresh);

  runsView_->setModel(runsModel_);
  runsView_->verticalHeader()->hide();
  runsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  runsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setStyleSheet(QStringLiteral("color: #c00000;"));
  launch_->setDefault(true);
  launch_->setEnabled(false);

  auto* top = new QHBoxLayout;
  top->addWidget(startFromLabel_);
  top->addWidget(startFrom_, 1);
  top->addWidget(load_);
  top->addWidget(save_);
  top->addWidget(launch_);
  auto* names = new QHBoxLayout;
  names->addWidget(nameLabel_);
  names->addWidget(name_, 1);
  names->addWidget(descriptionLabel_);
  names->addWidget(description_, 2);

  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(grid_);
  rightLayout->addWidget(runsView_, 1);
  rightLayout->addWidget(totals_);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(form_);
  split->addWidget(right);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(names);
  layout->addWidget(split, 1);
  layout->addWidget(error_);

  connect(form_, &SpecForm::edited, this, &ExperimentDesigner::scheduleRefresh);
  connect(grid_, &FactorGridEditor::edited, this, &ExperimentDesigner::scheduleRefresh);
  connect(name_, &QLineEdit::textChanged, this, &ExperimentDesigner::scheduleRefresh);
  connect(description_, &QLineEdit::textChanged, this, &ExperimentDesigner::scheduleRefresh);
  connect(startFrom_, &QComboBox::activated, this, &ExperimentDesigner::startFromChosen);
  connect(load_, &QPushButton::clicked, this, &ExperimentDesigner::loadSpec);
  connect(save_, &QPushButton::clicked, this, &ExperimentDesigner::saveSpecAs);
  connect(launch_, &QPushButton::clicked, this, &ExperimentDesigner::launch);

  retranslate();
  // A new experiment starts from the parser's defaults with the study's central factor.
  json start = {{"name", "my-experiment"}, {"grid", {{"data.epochs", {1, 4, 16}}}}};
  setExperimentJson(start);
}

void ExperimentDesigner::setStore(const RunStore* store) {
  store_ = store;
  // Read once here rather than on every edit: the throughput scans finished runs' metrics.
  measuredFlopsPerS_.reset();
  fits_.clear();
  if (store_) {
    try {
      measuredFlopsPerS_ = design::measured_throughput(*store_);
      fits_ = store_->fits();
    } catch (const std::exception&) {
      // A failing read only costs the estimates, never the designer.
    }
  }
  fillStartFrom();
  refresh();
}

json ExperimentDesigner::experimentJson() const {
  json doc = form_->spec();
  doc["schema"] = kSchema;
  doc["name"] = name_->text().trimmed().toStdString();
  if (!description_->text().trimmed().isEmpty()) doc["description"] = description_->text().trimmed().toStdString();
  const json grid = grid_->grid();
  if (!grid.empty()) doc["grid"] = grid;
  const json runs = grid_->runs();
  if (!runs.is_null()) doc["runs"] = runs;
  return doc;
}

void ExperimentDesigner::setExperimentJson(const json& document) {
  loading_ = true;
  const auto text = [&](const char* key) {
    return document.contains(key) && document[key].is_string() ? QString::fromStdString(document[key].get<std::string>())
                                                                : QString();
  };
  name_->setText(text("name"));
  description_->setText(text("description"));
  description_->setCursorPosition(0);
  form_->setSpec(document);
  grid_->setSweeps(document.contains("grid") ? document["grid"] : json::object(),
                   document.contains("runs") ? document["runs"] : json());
  loading_ = false;
  refresh();
}

bool ExperimentDesigner::loadPreset(const QString& name) {
  const auto preset = find_preset(name.toStdString());
  if (!preset) return false;
  setExperimentJson(preset->document);
  specPath_.clear();  // a preset is a template: saving it asks for a new file
  return true;
}

bool ExperimentDesigner::loadSpecFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    showWarning(this, tr("Cannot load spec"), tr("%1: %2").arg(path, file.errorString()));
    return false;
  }
  const json doc = json::parse(file.readAll().toStdString(), nullptr, false, /*ignore_comments=*/true);
  if (doc.is_discarded() || !doc.is_object()) {
    showWarning(this, tr("Cannot load spec"), tr("%1: not a JSON object (an experiment spec is one JSON object)").arg(path));
    return false;
  }
  setExperimentJson(doc);
  specPath_ = path;
  return true;
}

bool ExperimentDesigner::saveSpecFile(const QString& path) {
  QFileInfo info(path);
  QDir().mkpath(info.absolutePath());
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    showWarning(this, tr("Cannot save spec"), tr("%1: %2").arg(path, file.errorString()));
    return false;
  }
  const std::string text = ordered(experimentJson()).dump(2) + "\n";
  if (file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
    showWarning(this, tr("Cannot save spec"), tr("%1: %2").arg(path, file.errorString()));
    return false;
  }
  specPath_ = path;
  return true;
}

void ExperimentDesigner::scheduleRefresh() {
  if (!loading_) debounce_->start();
}

void ExperimentDesigner::refresh() {
  debounce_->stop();
  form_->clearErrors();
  grid_->clearErrors();
  name_->setStyleSheet(QString());
  errorText_.clear();
  error_->clear();
  std::vector<design::RunEstimate> estimates;
  try {
    const ExperimentSpec experiment = parse_experiment(experimentJson());
    design::EstimateOptions options;
    options.flops_per_s = measuredFlopsPerS_;
    options.fits = fits_;
    estimates = design::estimate_runs(experiment, options);
    for (const auto& e : estimates)
      if (!e.error.empty()) throw SpecError(e.name + ": " + e.error);
  } catch (const SpecError& e) {
    QString message = QString::fromStdString(e.what());
    if (!e.fix().empty()) message += QStringLiteral(" (") + QString::fromStdString(e.fix()) + QLatin1Char(')');
    showError(message);
  }
  valid_ = errorText_.isEmpty();
  launch_->setEnabled(valid_);
  runsModel_->setEstimates(valid_ ? estimates : std::vector<design::RunEstimate>{});
  if (valid_) {
    const auto sum = design::totals(estimates);
    QString line = tr("%n run(s)", "", static_cast<int>(estimates.size())) + QStringLiteral(" · ") +
                   tr("%1 tokens").arg(ExpandedRunsModel::formatCount(static_cast<double>(sum.train_tokens))) +
                   QStringLiteral(" · ") + tr("%1 FLOPs").arg(ExpandedRunsModel::formatCount(sum.flops));
    line += QStringLiteral(" · ") + (sum.eta_s ? tr("about %1 in sequence").arg(ExpandedRunsModel::formatDuration(*sum.eta_s))
                                               : tr("no measured throughput yet"));
    totals_->setText(line);
  } else {
    totals_->clear();
  }
  emit experimentChanged();
}

void ExperimentDesigner::showError(const QString& message) {
  errorText_ = message;
  error_->setText(tr("Not valid: %1").arg(message));
  // The parser's messages start with the field path: "model.n_head: 3 does not divide ...".
  // Sweep errors start with "grid" or "runs" and name the sweep key.
  const QString path = message.section(QStringLiteral(": "), 0, 0);
  const QString detail = message.section(QStringLiteral(": "), 1);
  if (path == QLatin1String("name")) {
    name_->setStyleSheet(QStringLiteral("border: 2px solid #c00000;"));
    name_->setToolTip(detail);
  } else if (path.startsWith(QLatin1String("grid")) || path.startsWith(QLatin1String("runs")) ||
             path.contains(QLatin1Char('/'))) {  // "NAME/LABEL: ..." is a run of the sweep
    grid_->showError(message);
  } else {
    form_->showError(path, detail);
  }
}

QString ExperimentDesigner::errorText() const { return errorText_; }

QString ExperimentDesigner::defaultSpecPath() const {
  if (!store_) return {};
  const QString name = name_->text().trimmed().replace(QLatin1Char('/'), QLatin1Char('_'));
  const QDir folder(toQString(store_->path().parent_path()));
  return folder.filePath(QStringLiteral("specs/") + name + QStringLiteral(".json"));
}

void ExperimentDesigner::launch() {
  refresh();
  if (!valid_) return;
  QString path = specPath_;
  if (path.isEmpty()) path = defaultSpecPath();
  if (path.isEmpty())
    path = QFileDialog::getSaveFileName(this, tr("Save spec before launching"), name_->text() + QStringLiteral(".json"),
                                        tr("Experiment specs (*.json)"));
  if (path.isEmpty() || !saveSpecFile(path)) return;
  emit launchRequested(path);
}

void ExperimentDesigner::saveSpecAs() {
  const QString start = specPath_.isEmpty() ? defaultSpecPath() : specPath_;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save spec"), start, tr("Experiment specs (*.json)"));
  if (!path.isEmpty()) saveSpecFile(path);
}

void ExperimentDesigner::loadSpec() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Load spec"), QFileInfo(specPath_).absolutePath(),
                                                    tr("Experiment specs (*.json)"));
  if (!path.isEmpty()) loadSpecFile(path);
}

void ExperimentDesigner::fillStartFrom() {
  startFrom_->clear();
  startFrom_->addItem(tr("Choose a preset or a previous experiment…"));
  for (const auto& preset : presets())
    startFrom_->addItem(tr("Preset: %1").arg(QString::fromStdString(preset.name)),
                        QStringLiteral("preset:") + QString::fromStdString(preset.name));
  if (store_) {
    try {
      for (const auto& e : store_->experiments())
        startFrom_->addItem(tr("Experiment: %1 (%2)").arg(QString::fromStdString(e.name), QString::fromStdString(e.created_at)),
                            QStringLiteral("experiment:") + QString::number(e.id));
    } catch (const std::exception&) {
      // An unreadable database leaves the presets; the run list shows the database's problem.
    }
  }
}

void ExperimentDesigner::startFromChosen(int index) {
  const QString key = startFrom_->itemData(index).toString();
  if (key.startsWith(QLatin1String("preset:"))) {
    loadPreset(key.mid(7));
  } else if (key.startsWith(QLatin1String("experiment:")) && store_) {
    const qlonglong id = key.mid(11).toLongLong();
    for (const auto& e : store_->experiments()) {
      if (e.id != id) continue;
      const json doc = json::parse(e.spec_json, nullptr, false, /*ignore_comments=*/true);
      if (!doc.is_object()) {
        showWarning(this, tr("Cannot load spec"), tr("Experiment %1 has no readable spec").arg(QString::fromStdString(e.name)));
        break;
      }
      setExperimentJson(doc);
      specPath_.clear();
    }
  }
  startFrom_->setCurrentIndex(0);
}

void ExperimentDesigner::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void ExperimentDesigner::retranslate() {
  startFromLabel_->setText(tr("Start from:"));
  nameLabel_->setText(tr("Name:"));
  name_->setToolTip(tr("Experiment name; runs are named NAME/LABEL after their grid point"));
  descriptionLabel_->setText(tr("Description:"));
  description_->setToolTip(tr("What the experiment tests, e.g. the finding of a study it reproduces"));
  load_->setText(tr("Load spec…"));
  save_->setText(tr("Save spec…"));
  launch_->setText(tr("Launch"));
  launch_->setToolTip(tr("Save the spec and train every run it expands to (workbench-cli run)"));
  fillStartFrom();
  if (!errorText_.isEmpty()) error_->setText(tr("Not valid: %1").arg(errorText_));
  if (!loading_ && name_) refresh();
}

}  // namespace wb
