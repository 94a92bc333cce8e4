// RunMonitorWidget: one run's header, controls and metric panels, kept up to date from the store.
#include "views/monitor/run_monitor_widget.hpp"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "views/chart/figure_view.hpp"
#include "views/monitor/run_monitor_header.hpp"

namespace wb {
namespace {

constexpr const char* kTrainLoss = "train/loss";
constexpr const char* kEvalTrainLoss = "eval/train_loss";
constexpr const char* kLrMetric = "lr";
constexpr const char* kTokensPerS = "tokens_per_s";
const std::string kCorpusPrefix = "eval/val_loss/";
const std::string kDropoutPrefix = "dropout/";
const std::string kDownstreamPrefix = "downstream/";
const std::string kAccuracySuffix = "/acc";

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The metrics some panel draws (the trainer writes others too: flops, moe/*, forgetting, ...).
bool drawn(const std::string& name) {
  return name == kTrainLoss || name == kEvalTrainLoss || name == series::kValidationLoss || name == kLrMetric ||
         name == kTokensPerS || startsWith(name, kCorpusPrefix) || startsWith(name, kDropoutPrefix) ||
         (startsWith(name, kDownstreamPrefix) && endsWith(name, kAccuracySuffix));
}

}  // namespace

RunMonitorWidget::RunMonitorWidget(QWidget* parent)
    : QWidget(parent),
      header_(new RunMonitorHeader(this)),
      xAxisLabel_(new QLabel(this)),
      xAxis_(new QComboBox(this)),
      smoothingLabel_(new QLabel(this)),
      smoothing_(new QSlider(Qt::Horizontal, this)),
      smoothingValue_(new QLabel(this)),
      pages_(new QStackedWidget(this)),
      message_(new QLabel(this)),
      panels_(new QWidget(this)),
      resized_(new QTimer(this)) {
  for (auto axis : {series::XAxis::kTokens, series::XAxis::kEpochs, series::XAxis::kSteps, series::XAxis::kWallTime})
    xAxis_->addItem(QString(), static_cast<int>(axis));
  smoothing_->setRange(0, 99);
  smoothing_->setValue(60);  // TensorBoard's default: the per-step loss is too noisy to read raw
  smoothingValue_->setMinimumWidth(smoothingValue_->fontMetrics().horizontalAdvance(QStringLiteral("0.99")));
  smoothingValue_->setText(QString::number(smoothing_->value() / 100.0, 'f', 2));

  auto* controls = new QHBoxLayout;
  controls->addWidget(xAxisLabel_);
  controls->addWidget(xAxis_);
  controls->addSpacing(12);
  controls->addWidget(smoothingLabel_);
  controls->addWidget(smoothing_, 1);
  controls->addWidget(smoothingValue_);
  controls->addStretch(1);

  // Small multiples: the loss across the top, the rest two by two below it.
  auto* grid = new QGridLayout(panels_);
  grid->setContentsMargins(0, 0, 0, 0);
  for (int p = 0; p < kPanelCount; ++p) {
    views_[p] = new FigureView(panels_);
    views_[p]->setMinimumSize(240, 160);
    notes_[p] = new QLabel(panels_);
    notes_[p]->setAlignment(Qt::AlignCenter);
    notes_[p]->setWordWrap(true);
    panelPages_[p] = new QStackedWidget(panels_);
    panelPages_[p]->addWidget(notes_[p]);
    panelPages_[p]->addWidget(views_[p]);
  }
  grid->addWidget(panelPages_[kLoss], 0, 0, 1, 2);
  grid->addWidget(panelPages_[kLearningRate], 1, 0);
  grid->addWidget(panelPages_[kThroughput], 1, 1);
  grid->addWidget(panelPages_[kDropout], 2, 0);
  grid->addWidget(panelPages_[kDownstream], 2, 1);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  grid->setRowStretch(2, 2);

  content_ = new QWidget(this);
  auto* contentLayout = new QVBoxLayout(content_);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addWidget(header_);
  contentLayout->addLayout(controls);
  contentLayout->addWidget(panels_, 1);
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  pages_->addWidget(message_);
  pages_->addWidget(content_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(pages_);

  // Controls redraw from the cached rows: no store read.
  connect(xAxis_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
  // Curves are downsampled to the panels' width: a long run drawn while the widget was small
  // (before it was shown) gets its detail back. Not at every step of a drag: LTTB over a
  // million-row loss takes milliseconds.
  resized_->setSingleShot(true);
  resized_->setInterval(150);
  connect(resized_, &QTimer::timeout, this, [this] {
    if (screenPoints(kLoss) != drawnPoints_) redraw();
  });
  connect(smoothing_, &QSlider::valueChanged, this, [this](int value) {
    smoothingValue_->setText(QString::number(value / 100.0, 'f', 2));
    redraw();
  });
  retranslate();
}

void RunMonitorWidget::retranslate() {
  xAxisLabel_->setText(tr("against"));
  smoothingLabel_->setText(tr("smoothing"));
  const QString axes[] = {tr("tokens"), tr("epochs"), tr("steps"), tr("wall time")};
  for (int i = 0; i < xAxis_->count(); ++i) xAxis_->setItemText(i, axes[i]);
  smoothing_->setToolTip(tr("Smoothing of the per-step training loss: a debiased exponential moving average, as "
                            "in TensorBoard; the raw loss stays as a faint shadow"));
  notes_[kLoss]->setText(tr("No loss logged yet."));
  notes_[kLearningRate]->setText(tr("No learning rate logged yet."));
  notes_[kThroughput]->setText(tr("No throughput logged yet: the trainer logs it at each evaluation."));
  notes_[kDropout]->setText(tr("No dropout in this run."));
  notes_[kDownstream]->setText(tr("No downstream evaluation in this run."));
  if (!store_ || runId_ == 0) showMessage(tr("Choose a run to watch it train."));
  redraw();  // figure titles, axis and curve labels
}

QString RunMonitorWidget::xAxisTitle(series::XAxis axis) {
  switch (axis) {
    case series::XAxis::kSteps: return tr("optimizer steps");
    case series::XAxis::kTokens: return tr("training tokens");
    case series::XAxis::kEpochs: return tr("epochs");
    case series::XAxis::kWallTime: return tr("wall time (s)");
  }
  return {};
}

void RunMonitorWidget::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  resized_->start();
}

std::size_t RunMonitorWidget::screenPoints(Panel panel) const {
  // About two points per pixel column keeps LTTB's shape exact to the eye.
  return static_cast<std::size_t>(std::max(400, 2 * views_[panel]->width()));
}

void RunMonitorWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RunMonitorWidget::setRun(const RunStore* store, std::int64_t runId) {
  if (store == store_ && runId == runId_) return refresh();
  store_ = store;
  runId_ = store ? runId : 0;
  run_.reset();
  names_.clear();
  events_.clear();
  metrics_.clear();  // another run, or another file: nothing cached applies
  drawnSignature_.clear();
  progress_ = {};
  header_->setRun(std::nullopt, progress_);
  refresh();
}

const series::MetricCache* RunMonitorWidget::cache(const std::string& metric) const {
  const auto it = metrics_.find(metric);
  return it == metrics_.end() ? nullptr : &it->second.cache;
}

bool RunMonitorWidget::panelHasData(Panel panel) const {
  return panelPages_[panel]->currentWidget() == views_[panel];
}

QString RunMonitorWidget::panelNote(Panel panel) const { return notes_[panel]->text(); }

QString RunMonitorWidget::message() const { return pages_->currentWidget() == message_ ? message_->text() : QString(); }

void RunMonitorWidget::showMessage(const QString& text) {
  message_->setText(text);
  pages_->setCurrentWidget(message_);
}

std::vector<std::uint64_t> RunMonitorWidget::dataSignature() const {
  std::vector<std::uint64_t> signature{names_.size(), events_.size()};
  for (const auto& [name, metric] : metrics_) {
    const auto* run = metric.cache.find(runId_);
    signature.push_back(run ? run->points.size() : 0);
    signature.push_back(run ? run->generation : 0);
  }
  return signature;
}

void RunMonitorWidget::refresh() {
  if (!store_ || runId_ == 0) {
    header_->setRun(std::nullopt, {});
    showMessage(tr("Choose a run to watch it train."));
    return;
  }
  try {
    const auto row = store_->find_run(std::to_string(runId_));
    if (!row) {
      run_.reset();  // drawn again in full should it come back (another database at the same path)
      showMessage(tr("Run %1 is not in this database.").arg(runId_));
      return;
    }
    const bool rowChanged = !run_ || *run_ != *row;
    run_ = *row;
    // The name list is a skip scan (a few seeks per name): new corpora and downstream tasks
    // show up while the run trains.
    names_ = store_->metric_names(std::vector<std::int64_t>{runId_});
    events_ = store_->events(runId_);
    // A resumed run is cut back to its checkpoint: a metric logged only after it is gone again.
    std::erase_if(metrics_, [this](const auto& entry) {
      return std::find(names_.begin(), names_.end(), entry.first) == names_.end();
    });
    const std::vector<RunRow> runs{*run_};
    for (const auto& name : names_)
      if (drawn(name)) metrics_[name].cache.update(*store_, runs, name);  // only rows after the cached ones

    // By reference: a long run's train/loss holds millions of rows.
    static const std::vector<MetricPoint> kNone;
    const auto points = [this](const char* metric) -> const std::vector<MetricPoint>& {
      const auto* c = cache(metric);
      const auto* run = c ? c->find(runId_) : nullptr;
      return run ? run->points : kNone;
    };
    const bool hadError = !error_.isEmpty();
    error_.clear();
    const auto signature = dataSignature();
    if (!hadError && !rowChanged && signature == drawnSignature_) return;  // nothing new: nothing to draw
    progress_ = series::run_progress(events_, points(kTrainLoss), points(kTokensPerS),
                                     points(series::kValidationLoss), run_->status == "running");
    header_->setRun(run_, progress_);
    drawnSignature_ = signature;
    redraw();
  } catch (const std::exception& e) {  // StoreError included: this runs from a timer
    error_ = QString::fromUtf8(e.what());
    run_.reset();
    showMessage(tr("Cannot read run %1: %2").arg(runId_).arg(error_));
  }
}

series::Curve RunMonitorWidget::curveOf(const std::string& metric, const QString& label, double smoothing,
                                        std::size_t points, std::vector<series::Marker>* markers) {
  series::Curve curve;
  curve.label = label.toStdString();
  const auto it = metrics_.find(metric);
  if (it == metrics_.end() || !run_) return curve;
  series::FigureRequest request;
  request.metric = metric;
  request.x_axis = static_cast<series::XAxis>(xAxis_->currentData().toInt());
  request.smoothing = smoothing;
  request.points = points;
  request.markers = markers != nullptr;
  request.bucket_before_lttb = true;  // a live frame costs O(points on screen), however long the run
  series::Figure figure = series::figure_from_cache(it->second.cache, {*run_}, request, &it->second.memo);
  if (figure.curves.empty()) return curve;
  curve.points = std::move(figure.curves.front().points);
  curve.raw = std::move(figure.curves.front().raw);
  curve.run_id = runId_;
  if (markers) markers->insert(markers->end(), figure.markers.begin(), figure.markers.end());
  return curve;
}

void RunMonitorWidget::showPanel(Panel panel, series::Figure figure) {
  std::erase_if(figure.curves, [](const series::Curve& c) { return c.points.empty(); });
  if (figure.curves.empty()) {
    panelPages_[panel]->setCurrentWidget(notes_[panel]);
    return;
  }
  views_[panel]->setFigure(std::move(figure));
  panelPages_[panel]->setCurrentWidget(views_[panel]);
}

void RunMonitorWidget::redraw() {
  if (!store_ || runId_ == 0 || !run_ || !error_.isEmpty()) return;
  pages_->setCurrentWidget(content_);
  const std::string xLabel = xAxisTitle(static_cast<series::XAxis>(xAxis_->currentData().toInt())).toStdString();
  const auto figure = [&](const QString& title, const QString& yLabel) {
    series::Figure f;
    f.title = title.toStdString();
    f.x_label = xLabel;
    f.y_label = yLabel.toStdString();
    return f;
  };
  const auto points = [this](Panel p) { return screenPoints(p); };

  // Loss: the per-step loss smoothed over its raw shadow, then the evaluations; the markers sit
  // on the validation curve.
  series::Figure loss = figure(tr("Loss"), tr("loss"));
  const std::size_t lossPoints = points(kLoss);
  drawnPoints_ = lossPoints;
  loss.curves.push_back(curveOf(kTrainLoss, tr("training loss (per step)"), smoothing_->value() / 100.0, lossPoints,
                                nullptr));
  loss.curves.push_back(curveOf(kEvalTrainLoss, tr("training loss (mean since the last evaluation)"), 0.0, lossPoints, nullptr));
  loss.curves.push_back(curveOf(series::kValidationLoss, tr("validation loss"), 0.0, lossPoints, &loss.markers));
  for (const auto& name : names_)
    if (startsWith(name, kCorpusPrefix)) {
      const QString corpus = QString::fromStdString(name.substr(kCorpusPrefix.size()));
      loss.curves.push_back(curveOf(name, tr("validation loss, %1").arg(corpus), 0.0, lossPoints, nullptr));
    }
  showPanel(kLoss, std::move(loss));

  series::Figure lr = figure(tr("Learning rate"), tr("learning rate"));
  lr.curves.push_back(curveOf(kLrMetric, tr("learning rate"), 0.0, points(kLearningRate), nullptr));
  showPanel(kLearningRate, std::move(lr));

  series::Figure throughput = figure(tr("Throughput"), tr("tokens/s"));
  throughput.curves.push_back(curveOf(kTokensPerS, tr("tokens/s"), 0.0, points(kThroughput), nullptr));
  showPanel(kThroughput, std::move(throughput));

  // The trainer logs dropout only when some rate is above 0 (a schedule may change it).
  series::Figure dropout = figure(tr("Dropout rate"), tr("rate"));
  const std::pair<const char*, QString> sites[] = {
      {"dropout/attn", tr("attention")}, {"dropout/resid", tr("residual")}, {"dropout/embd", tr("embedding")}};
  for (const auto& [name, label] : sites)
    dropout.curves.push_back(curveOf(name, label, 0.0, points(kDropout), nullptr));
  showPanel(kDropout, std::move(dropout));

  // Each task's accuracy (acc_norm, log-likelihood and perplexity stay in the comparison view).
  series::Figure downstream = figure(tr("Downstream accuracy"), tr("accuracy"));
  for (const auto& name : names_)
    if (startsWith(name, kDownstreamPrefix) && endsWith(name, kAccuracySuffix)) {
      const std::string task =
          name.substr(kDownstreamPrefix.size(), name.size() - kDownstreamPrefix.size() - kAccuracySuffix.size());
      downstream.curves.push_back(curveOf(name, QString::fromStdString(task), 0.0, points(kDownstream), nullptr));
    }
  showPanel(kDownstream, std::move(downstream));
}

}  // namespace wb
