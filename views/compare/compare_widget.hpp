// Runs side by side: the selected runs' curves of one metric, coloured by a factor, in one chart
// or as small multiples with shared axes, smoothed, on linear or log axes, updated while they
// train; beside them the final downstream scores as bars, below them the summary table (final
// and best loss, overfitting onset, degradation against the baseline, downstream scores); and the
// figure exported for a paper (PNG, SVG, PDF, CSV, pgfplots .tex). The runs' points are read once
// and then only their new rows (MetricCache), and each frame recomputes only the curves that
// changed (FigureMemo); a finished run's outcome is read once.
#pragma once

#include <QWidget>
#include <cstdint>
#include <map>
#include <vector>

#include "series/figure.hpp"
#include "series/metric_cache.hpp"
#include "series/run_figure.hpp"
#include "series/run_outcome.hpp"
#include "store/run_store.hpp"
#include "views/chart/figure_file_export.hpp"

QT_BEGIN_NAMESPACE
class QGridLayout;
class QLabel;
class QStackedWidget;
QT_END_NAMESPACE

namespace wb {

class CompareControls;
class DownstreamPanel;
class FigureView;
class SummaryTableWidget;

class CompareWidget : public QWidget {
  Q_OBJECT

 public:
  static constexpr qint64 kOutcomeIntervalMs = 1000;  // live updates of the summary table

  explicit CompareWidget(QWidget* parent = nullptr);

  // The runs to show, from `store` (not owned; must outlive the next refresh). No runs: a hint.
  void setRuns(const RunStore* store, std::vector<RunRow> runs);
  const std::vector<RunRow>& runs() const { return runs_; }

  // The figure as the chart shows it (all points, not downsampled for the screen).
  series::Figure figure() const;

  // Writes the figure; the format follows the extension (.png .svg .pdf .csv .tex). Returns an
  // empty string on success, else the problem in words.
  QString exportTo(const QString& path, const FigureExportOptions& options) const;

  CompareControls* controls() const { return controls_; }
  FigureView* view() const { return view_; }  // the overlaid chart
  // The small multiples' panels (as many as shown; the first panelCount()).
  int panelCount() const { return panelCount_; }
  FigureView* panel(int i) const { return panels_[static_cast<std::size_t>(i)]; }
  bool showsPanels() const;
  SummaryTableWidget* summary() const { return summary_; }
  DownstreamPanel* downstream() const { return downstream_; }
  // The shown runs' points (tests, the benchmark: how much each refresh read).
  const series::MetricCache& cache() const { return cache_; }

 public slots:
  // Reads the runs' new metric rows and redraws; the window's refresh timer calls it while runs
  // train.
  void refresh();

 protected:
  void changeEvent(QEvent* event) override;  // a language switch rewords the hint

 private slots:
  // A control changed: redrawn from the cached points; the store is read only for a new metric.
  void controlsChanged();

 private:
  // Draws the figure from the cache (read the store first with readStore).
  void showFigure(bool readStore);
  series::FigureRequest request(std::size_t points) const;
  void decorate(series::Figure& figure) const;
  void showPanels(const series::Figure& figure);
  // Re-reads the outcomes of runs that are new, changed or evaluated since; fills table and bars.
  // Unless forced (a new selection or control), at most once a second: a table need not follow
  // every live frame.
  void updateOutcomes(bool force);
  QString selectHint() const;

  const RunStore* store_ = nullptr;
  std::vector<RunRow> runs_;
  series::MetricCache cache_;       // the shown runs' points of the shown metric
  series::FigureMemo screenMemo_;   // their curves as last drawn on screen
  struct KnownOutcome {
    RunRow row;                    // as read when the outcome was
    std::size_t evaluations = 0;   // eval/val_loss points then
    RunOutcome outcome;
  };
  std::map<std::int64_t, KnownOutcome> outcomes_;  // by run id
  // The shown runs' validation losses for the outcomes, read incrementally; unused while the
  // chart shows eval/val_loss itself (cache_ has them then).
  series::MetricCache validationCache_;
  qint64 outcomesAtMs_ = -1;  // when the outcomes were last brought up to date
  bool newSelection_ = false;  // setRuns changed the runs: the next draw updates the outcomes
  CompareControls* controls_;
  FigureView* view_;
  QWidget* panelPage_;
  QGridLayout* panelGrid_;
  std::vector<FigureView*> panels_;  // created as needed, hidden beyond panelCount_
  int panelCount_ = 0;
  QLabel* hint_;
  QStackedWidget* pages_;
  DownstreamPanel* downstream_;
  SummaryTableWidget* summary_;
};

}  // namespace wb
