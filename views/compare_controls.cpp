// CompareControls: the comparison chart's options as combo boxes, a slider and check boxes.
#include "views/compare_controls.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

namespace wb {
namespace {

// The factors the studies vary, by their spec field (docs/spec.md).
struct Factor {
  const char* path;
  const char* label;
};
constexpr Factor kFactors[] = {
    {"", QT_TRANSLATE_NOOP("wb::CompareControls", "each run")},
    {"data.epochs", QT_TRANSLATE_NOOP("wb::CompareControls", "epochs")},
    {"data.unique_tokens", QT_TRANSLATE_NOOP("wb::CompareControls", "unique tokens")},
    {"training.token_budget", QT_TRANSLATE_NOOP("wb::CompareControls", "token budget")},
    {"model.n_embd", QT_TRANSLATE_NOOP("wb::CompareControls", "model width")},
    {"model.n_layer", QT_TRANSLATE_NOOP("wb::CompareControls", "model depth")},
    {"model.arch", QT_TRANSLATE_NOOP("wb::CompareControls", "architecture")},
    {"objective.kind", QT_TRANSLATE_NOOP("wb::CompareControls", "objective")},
    {"model.dropout.rate", QT_TRANSLATE_NOOP("wb::CompareControls", "dropout")},
    {"optimizer.schedule", QT_TRANSLATE_NOOP("wb::CompareControls", "LR schedule")},
    {"data.replay.fraction", QT_TRANSLATE_NOOP("wb::CompareControls", "replay")},
    {"training.seed", QT_TRANSLATE_NOOP("wb::CompareControls", "seed")},
};

}  // namespace

CompareControls::CompareControls(QWidget* parent)
    : QWidget(parent),
      metric_(new QComboBox(this)),
      xAxis_(new QComboBox(this)),
      group_(new QComboBox(this)),
      smoothing_(new QSlider(Qt::Horizontal, this)),
      smoothingValue_(new QLabel(this)),
      logX_(new QCheckBox(tr("log x"), this)),
      logY_(new QCheckBox(tr("log y"), this)) {
  metric_->addItem(QString::fromLatin1(series::kValidationLoss));
  metric_->setToolTip(tr("The metric to plot: validation loss, the loss on another corpus, a downstream score, ..."));
  xAxis_->addItem(tr("tokens"), static_cast<int>(series::XAxis::kTokens));
  xAxis_->addItem(tr("epochs"), static_cast<int>(series::XAxis::kEpochs));
  xAxis_->addItem(tr("steps"), static_cast<int>(series::XAxis::kSteps));
  xAxis_->addItem(tr("wall time"), static_cast<int>(series::XAxis::kWallTime));
  for (const auto& f : kFactors) group_->addItem(tr(f.label), QString::fromLatin1(f.path));
  group_->setCurrentIndex(1);  // epochs: the factor the workbench is about
  group_->setToolTip(tr("Runs with the same value of this spec field share a colour and a legend entry"));
  smoothing_->setRange(0, 99);
  smoothing_->setValue(0);
  smoothing_->setToolTip(tr("Debiased exponential moving average, as in TensorBoard; the raw curve stays as a "
                            "faint shadow"));
  smoothingValue_->setMinimumWidth(smoothingValue_->fontMetrics().horizontalAdvance(QStringLiteral("0.99")));

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("Metric"), this));
  layout->addWidget(metric_, 2);
  layout->addWidget(new QLabel(tr("against"), this));
  layout->addWidget(xAxis_);
  layout->addWidget(new QLabel(tr("colour by"), this));
  layout->addWidget(group_);
  layout->addWidget(new QLabel(tr("smoothing"), this));
  layout->addWidget(smoothing_, 1);
  layout->addWidget(smoothingValue_);
  layout->addWidget(logX_);
  layout->addWidget(logY_);

  const auto emitChanged = [this] {
    smoothingValue_->setText(QString::number(smoothing_->value() / 100.0, 'f', 2));
    emit changed();
  };
  connect(metric_, &QComboBox::currentIndexChanged, this, emitChanged);
  connect(xAxis_, &QComboBox::currentIndexChanged, this, emitChanged);
  connect(group_, &QComboBox::currentIndexChanged, this, emitChanged);
  connect(smoothing_, &QSlider::valueChanged, this, emitChanged);
  connect(logX_, &QCheckBox::toggled, this, emitChanged);
  connect(logY_, &QCheckBox::toggled, this, emitChanged);
  smoothingValue_->setText(QStringLiteral("0.00"));
}

void CompareControls::setMetrics(const std::vector<std::string>& metrics) {
  const QString current = metric_->currentText();
  QStringList names;
  for (const auto& m : metrics) names << QString::fromStdString(m);
  if (names.isEmpty()) names << QString::fromLatin1(series::kValidationLoss);
  QStringList shown;
  for (int i = 0; i < metric_->count(); ++i) shown << metric_->itemText(i);
  if (shown == names) return;
  const QSignalBlocker quiet(metric_);  // the choice itself does not change
  metric_->clear();
  metric_->addItems(names);
  const int keep = metric_->findText(current);
  const int fallback = metric_->findText(QString::fromLatin1(series::kValidationLoss));
  metric_->setCurrentIndex(keep >= 0 ? keep : std::max(fallback, 0));
  if (keep < 0) emit changed();
}

series::FigureRequest CompareControls::request() const {
  series::FigureRequest r;
  r.metric = metric_->currentText().toStdString();
  r.x_axis = static_cast<series::XAxis>(xAxis_->currentData().toInt());
  r.group_by = group_->currentData().toString().toStdString();
  r.smoothing = smoothing_->value() / 100.0;
  return r;
}

bool CompareControls::logX() const { return logX_->isChecked(); }
bool CompareControls::logY() const { return logY_->isChecked(); }

}  // namespace wb
