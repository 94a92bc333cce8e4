// CompareWidget: controls, chart or small multiples, downstream bars and summary table over the
// store's runs, and export.
#include "views/compare/compare_widget.hpp"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QTableView>
#include <QGridLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <set>

#include "series/run_figure.hpp"
#include "views/chart/figure_view.hpp"
#include "views/compare/compare_controls.hpp"
#include "views/compare/downstream_panel.hpp"
#include "views/compare/summary_table_model.hpp"
#include "views/compare/summary_table_widget.hpp"

namespace wb {
namespace {

// Points per curve on screen: about two per pixel column keeps LTTB's shape exact to the eye.
std::size_t screenPoints(const QWidget* widget) { return static_cast<std::size_t>(std::max(400, 2 * widget->width())); }

// Small multiples in a grid about as wide as it is tall: 2 panels side by side, 4 as 2x2, 6 as 3x2.
int panelColumns(int panels) { return std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(panels))))); }

}  // namespace

CompareWidget::CompareWidget(QWidget* parent)
    : QWidget(parent),
      controls_(new CompareControls(this)),
      view_(new FigureView(this)),
      panelPage_(new QWidget(this)),
      panelGrid_(new QGridLayout(panelPage_)),
      hint_(new QLabel(selectHint(), this)),
      pages_(new QStackedWidget(this)),
      downstream_(new DownstreamPanel(this)),
      summary_(new SummaryTableWidget(this)) {
  hint_->setAlignment(Qt::AlignCenter);
  hint_->setWordWrap(true);
  panelGrid_->setContentsMargins(0, 0, 0, 0);
  panelGrid_->setSpacing(4);
  pages_->addWidget(hint_);
  pages_->addWidget(view_);
  pages_->addWidget(panelPage_);
  // Loss, onset and downstream side by side: the curves, the bars beside them, the table below.
  auto* charts = new QSplitter(Qt::Horizontal, this);
  charts->addWidget(pages_);
  charts->addWidget(downstream_);
  charts->setStretchFactor(0, 3);
  charts->setStretchFactor(1, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(charts);
  split->addWidget(summary_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(controls_);
  layout->addWidget(split, 1);
  connect(controls_, &CompareControls::changed, this, &CompareWidget::controlsChanged);
}

bool CompareWidget::showsPanels() const { return pages_->currentWidget() == panelPage_; }

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
  if (store != store_) cache_.clear(), validationCache_.clear();
  store_ = store;
  runs_ = std::move(runs);
  if (newSelection && store_ && !runs_.empty()) controls_->setMetrics(store_->metric_names(ids(runs_)));
  newSelection_ = newSelection_ || newSelection;
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
    outcomes_.clear();
    updateOutcomes(true);
    return;
  }
  try {
    series::FigureRequest screen = request(screenPoints(this));
    screen.bucket_before_lttb = true;  // a live frame costs O(points on screen) per changed run
    if (readStore) cache_.update(*store_, runs_, screen.metric);
    series::Figure figure = series::figure_from_cache(cache_, runs_, screen, &screenMemo_);
    decorate(figure);
    if (controls_->smallMultiples()) {
      showPanels(figure);
    } else {
      view_->setFigure(std::move(figure));
      pages_->setCurrentWidget(view_);
    }
    // Also after a control change: the colour-by factor names the table's factor column and the
    // bars' sets. Finished runs' outcomes come from memory.
    updateOutcomes(!readStore || newSelection_);
    newSelection_ = false;
  } catch (const std::exception& e) {  // StoreError included: this runs in slots
    hint_->setText(tr("Cannot draw these runs: %1").arg(QString::fromUtf8(e.what())));
    pages_->setCurrentWidget(hint_);
  }
}

void CompareWidget::showPanels(const series::Figure& figure) {
  auto panels = series::split_by_group(figure, controls_->sharedAxes());
  const int count = static_cast<int>(panels.size());
  if (count != panelCount_) {  // a new grid shape: lay the panels out again
    while (static_cast<int>(panels_.size()) < count) panels_.push_back(new FigureView(panelPage_));
    for (auto* panel : panels_) panelGrid_->removeWidget(panel);
    const int columns = panelColumns(count);
    for (int i = 0; i < static_cast<int>(panels_.size()); ++i) {
      panels_[static_cast<std::size_t>(i)]->setVisible(i < count);
      if (i < count) panelGrid_->addWidget(panels_[static_cast<std::size_t>(i)], i / columns, i % columns);
    }
    panelCount_ = count;
  }
  for (int i = 0; i < count; ++i) {
    series::Figure& panel = panels[static_cast<std::size_t>(i)];
    panel.title = panel.title.empty() ? figure.title : panel.title;
    panels_[static_cast<std::size_t>(i)]->setFigure(std::move(panel));
  }
  pages_->setCurrentWidget(panelPage_);
}

void CompareWidget::updateOutcomes(bool force) {
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  if (!force && outcomesAtMs_ >= 0 && now - outcomesAtMs_ < kOutcomeIntervalMs) return;
  outcomesAtMs_ = now;
  const series::MetricCache* validation = &cache_;
  if (store_ && cache_.metric() != series::kValidationLoss) {
    validationCache_.update(*store_, runs_, series::kValidationLoss);  // new rows only
    validation = &validationCache_;
  }
  std::vector<RunOutcome> outcomes;
  std::vector<QString> levels, names;
  const std::string factor = controls_->request().group_by;
  std::map<std::int64_t, KnownOutcome> kept;
  static const std::vector<MetricPoint> kNone;
  for (const RunRow& row : store_ ? runs_ : std::vector<RunRow>{}) {
    const series::MetricCache::Run* cached = validation->find(row.id);
    const std::vector<MetricPoint>& points = cached ? cached->points : kNone;
    auto known = outcomes_.find(row.id);
    // An outcome changes with a new evaluation (loss, onset, downstream come with it) or a new
    // status; otherwise it comes from memory.
    const bool stale =
        known == outcomes_.end() || !(known->second.row == row) || known->second.evaluations != points.size();
    KnownOutcome current =
        stale ? KnownOutcome{row, points.size(), outcome_from_store(*store_, row, &points)} : known->second;
    outcomes.push_back(current.outcome);
    levels.push_back(factor.empty() ? QString() : QString::fromStdString(series::group_label(row.spec_json, factor)));
    names.push_back(QString::fromStdString(series::short_run_name(row)));
    kept.emplace(row.id, std::move(current));
  }
  outcomes_ = std::move(kept);
  summary_->model()->setOutcomes(outcomes, levels, controls_->groupBox()->currentText());
  // Coloured by nothing, or by the epochs the Epochs column shows already: no factor column.
  summary_->table()->setColumnHidden(SummaryTableModel::kFactor, factor.empty() || factor == "data.epochs");
  downstream_->setOutcomes(outcomes, levels, names);
}

QString CompareWidget::exportTo(const QString& path, const FigureExportOptions& options) const {
  return writeFigureFile(figure(), path, options);
}

}  // namespace wb
