// CompareControls: the comparison chart's options as combo boxes, a slider and check boxes.
#include "views/compare/compare_controls.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
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
      logX_(new QCheckBox(this)),
      logY_(new QCheckBox(this)),
      layout_(new QComboBox(this)),
      sharedAxes_(new QCheckBox(this)),
      seeds_(new QCheckBox(this)),
      metricLabel_(new QLabel(this)),
      xAxisLabel_(new QLabel(this)),
      groupLabel_(new QLabel(this)),
      smoothingLabel_(new QLabel(this)) {
  metric_->addItem(QString::fromLatin1(series::kValidationLoss));
  for (auto axis : {series::XAxis::kTokens, series::XAxis::kEpochs, series::XAxis::kSteps, series::XAxis::kWallTime})
    xAxis_->addItem(QString(), static_cast<int>(axis));
  for (const auto& f : kFactors) group_->addItem(QString(), QString::fromLatin1(f.path));
  group_->setCurrentIndex(1);  // epochs: the factor the workbench is about
  layout_->addItem(QString());
  layout_->addItem(QString());
  sharedAxes_->setChecked(true);
  sharedAxes_->setEnabled(false);  // only small multiples have several axes
  smoothing_->setRange(0, 99);
  smoothing_->setValue(0);
  smoothingValue_->setMinimumWidth(smoothingValue_->fontMetrics().horizontalAdvance(QStringLiteral("0.99")));
  retranslate();

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(metricLabel_);
  layout->addWidget(metric_, 2);
  layout->addWidget(xAxisLabel_);
  layout->addWidget(xAxis_);
  layout->addWidget(groupLabel_);
  layout->addWidget(group_);
  layout->addWidget(smoothingLabel_);
  layout->addWidget(smoothing_, 1);
  layout->addWidget(smoothingValue_);
  layout->addWidget(logX_);
  layout->addWidget(logY_);
  layout->addWidget(seeds_);
  layout->addWidget(layout_);
  layout->addWidget(sharedAxes_);

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
  connect(layout_, &QComboBox::currentIndexChanged, this, [this, emitChanged] {
    sharedAxes_->setEnabled(smallMultiples());
    emitChanged();
  });
  connect(sharedAxes_, &QCheckBox::toggled, this, emitChanged);
  connect(seeds_, &QCheckBox::toggled, this, emitChanged);
  smoothingValue_->setText(QStringLiteral("0.00"));
}

void CompareControls::retranslate() {
  metricLabel_->setText(tr("Metric"));
  xAxisLabel_->setText(tr("against"));
  groupLabel_->setText(tr("colour by"));
  smoothingLabel_->setText(tr("smoothing"));
  logX_->setText(tr("log x"));
  logY_->setText(tr("log y"));
  layout_->setItemText(0, tr("overlaid"));
  layout_->setItemText(1, tr("small multiples"));
  layout_->setToolTip(tr("One chart with every run, or one panel per level of the colour-by factor"));
  seeds_->setText(tr("mean of seeds"));
  seeds_->setToolTip(tr("Runs that differ only in training.seed are drawn as their mean with a min/max band"));
  sharedAxes_->setText(tr("same axes"));
  sharedAxes_->setToolTip(tr("Every panel shows the same x and y range, so panels compare by eye"));
  metric_->setToolTip(tr("The metric to plot: validation loss, the loss on another corpus, a downstream score, ..."));
  const QString axes[] = {tr("tokens"), tr("epochs"), tr("steps"), tr("wall time")};
  for (int i = 0; i < xAxis_->count(); ++i) xAxis_->setItemText(i, axes[i]);
  for (int i = 0; i < group_->count(); ++i) group_->setItemText(i, tr(kFactors[i].label));
  group_->setToolTip(tr("Runs with the same value of this spec field share a colour and a legend entry"));
  smoothing_->setToolTip(tr("Debiased exponential moving average, as in TensorBoard; the raw curve stays as a "
                            "faint shadow"));
}

void CompareControls::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
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
  r.mean_of_seeds = seeds_->isChecked();
  return r;
}

bool CompareControls::logX() const { return logX_->isChecked(); }
bool CompareControls::logY() const { return logY_->isChecked(); }
bool CompareControls::smallMultiples() const { return layout_->currentIndex() == 1; }
bool CompareControls::sharedAxes() const { return sharedAxes_->isChecked(); }

}  // namespace wb
