// CompareWidget: controls + chart over the store's runs, and export.
#include "views/compare_widget.hpp"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "series/run_figure.hpp"
#include "views/chart/figure_view.hpp"
#include "views/compare_controls.hpp"

namespace wb {
namespace {

// Points per curve on screen: about two per pixel column keeps LTTB's shape exact to the eye.
std::size_t screenPoints(const QWidget* widget) { return static_cast<std::size_t>(std::max(400, 2 * widget->width())); }

}  // namespace

CompareWidget::CompareWidget(QWidget* parent)
    : QWidget(parent),
      controls_(new CompareControls(this)),
      view_(new FigureView(this)),
      hint_(new QLabel(selectHint(), this)),
      pages_(new QStackedWidget(this)) {
  hint_->setAlignment(Qt::AlignCenter);
  hint_->setWordWrap(true);
  pages_->addWidget(hint_);
  pages_->addWidget(view_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(controls_);
  layout->addWidget(pages_, 1);
  connect(controls_, &CompareControls::changed, this, &CompareWidget::controlsChanged);
}

QString CompareWidget::selectHint() const {
  return tr("Select runs in the list to compare them here (Ctrl- or Shift-click for several).");
}

void CompareWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    hint_->setText(selectHint());
    refresh();  // a problem shown in the hint is worded again
  }
  QWidget::changeEvent(event);
}

void CompareWidget::setRuns(const RunStore* store, std::vector<RunRow> runs) {
  const auto ids = [](const std::vector<RunRow>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
  };
  // The metric list is read once per selection, not at every refresh.
  const bool newSelection = store != store_ || ids(runs) != ids(runs_);
  // Another store object may be another file at the same path (reopened after a failure).
  if (store != store_) cache_.clear();
  store_ = store;
  runs_ = std::move(runs);
  if (newSelection && store_ && !runs_.empty()) controls_->setMetrics(store_->metric_names(ids(runs_)));
  refresh();
}

series::FigureRequest CompareWidget::request(std::size_t points) const {
  series::FigureRequest request = controls_->request();
  request.points = points;
  return request;
}

void CompareWidget::decorate(series::Figure& figure) const {
  std::set<std::string> experiments;
  for (const auto& r : runs_) experiments.insert(r.experiment);
  if (experiments.size() == 1) figure.title = *experiments.begin();
  figure.log_x = controls_->logX();
  figure.log_y = controls_->logY();
}

series::Figure CompareWidget::figure() const {
  if (!store_ || runs_.empty()) return {};
  const series::FigureRequest all = request(0);
  // Every point (exports), from the cached points when they are of this metric.
  series::Figure figure = cache_.metric() == all.metric ? series::figure_from_cache(cache_, runs_, all)
                                                        : series::figure_from_runs(*store_, runs_, all);
  decorate(figure);
  return figure;
}

void CompareWidget::refresh() { showFigure(true); }

void CompareWidget::controlsChanged() { showFigure(cache_.metric() != controls_->request().metric); }

void CompareWidget::showFigure(bool readStore) {
  if (!store_ || runs_.empty()) {
    hint_->setText(selectHint());
    pages_->setCurrentWidget(hint_);
    return;
  }
  try {
    series::FigureRequest screen = request(screenPoints(this));
    screen.bucket_before_lttb = true;  // a live frame costs O(points on screen) per changed run
    if (readStore) cache_.update(*store_, runs_, screen.metric);
    series::Figure figure = series::figure_from_cache(cache_, runs_, screen, &screenMemo_);
    decorate(figure);
    view_->setFigure(std::move(figure));
    pages_->setCurrentWidget(view_);
  } catch (const std::exception& e) {  // StoreError included: this runs in slots
    hint_->setText(tr("Cannot draw these runs: %1").arg(QString::fromUtf8(e.what())));
    pages_->setCurrentWidget(hint_);
  }
}

QString CompareWidget::exportTo(const QString& path, const FigureExportOptions& options) const {
  return writeFigureFile(figure(), path, options);
}

}  // namespace wb
