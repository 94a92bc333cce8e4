// The live monitor of one run: a header with its progress (RunMonitorHeader), an x-axis chooser
// and a smoothing control, and small multiples of its metrics, each its own FigureView: the loss
// (per-step training loss, smoothed over its raw shadow, with the evaluations' training and
// validation losses, other validation corpora, and the onset and best-validation markers), the
// learning rate, the dropout rates, the throughput and the downstream scores. The main window's
// refresh timer calls refresh(); each metric is read once and then only its new rows
// (series::MetricCache), so a refresh of a run that did not move reads a few rows and draws nothing.
#pragma once

#include <QWidget>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "series/figure.hpp"
#include "series/metric_cache.hpp"
#include "series/run_figure.hpp"
#include "series/run_progress.hpp"
#include "store/run_store.hpp"

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QSlider;
class QStackedWidget;
class QTimer;
QT_END_NAMESPACE

namespace wb {

class FigureView;
class RunMonitorHeader;

class RunMonitorWidget : public QWidget {
  Q_OBJECT

 public:
  // The panels, in the grid's reading order.
  enum Panel { kLoss, kLearningRate, kThroughput, kDropout, kDownstream, kPanelCount };

  explicit RunMonitorWidget(QWidget* parent = nullptr);

  // The run to watch, from `store` (not owned; must outlive the widget or the next setRun). A null
  // store or run id 0 clears the monitor. Reads the run at once. The same store and run again only
  // refreshes: after reopening the database, clear with setRun(nullptr, 0) first.
  void setRun(const RunStore* store, std::int64_t runId);
  std::int64_t runId() const { return runId_; }

  // For tests and the window that embeds it.
  RunMonitorHeader* header() const { return header_; }
  QComboBox* xAxisBox() const { return xAxis_; }
  QSlider* smoothingSlider() const { return smoothing_; }
  FigureView* view(Panel panel) const { return views_[panel]; }
  // The panel's figure is shown (false: its "nothing of this in this run" note is).
  bool panelHasData(Panel panel) const;
  QString panelNote(Panel panel) const;
  // The metric's cached rows, or nullptr when the run has no such metric (yet).
  const series::MetricCache* cache(const std::string& metric) const;
  const series::RunProgress& progress() const { return progress_; }
  // The "no run" / "cannot read" page's text; empty while the panels are shown.
  QString message() const;

 public slots:
  // Reads the run's new rows and events and redraws what changed.
  void refresh();

 protected:
  void changeEvent(QEvent* event) override;  // a language switch rewords labels and figures
  void resizeEvent(QResizeEvent* event) override;  // wider panels: more points, once resizing settles

 private:
  struct Metric {
    series::MetricCache cache;
    series::FigureMemo memo;  // this metric's curve as last drawn
  };

  void retranslate();
  static QString xAxisTitle(series::XAxis axis);  // the charts' x-axis title, translated
  // Draws every panel from the cached rows (no store read).
  void redraw();
  std::size_t screenPoints(Panel panel) const;
  // The run's curve of `metric` (empty points when the run has none), markers appended for
  // eval/val_loss.
  series::Curve curveOf(const std::string& metric, const QString& label, double smoothing, std::size_t points,
                        std::vector<series::Marker>* markers);
  void showPanel(Panel panel, series::Figure figure);
  void showMessage(const QString& text);
  // Per metric: rows and generation, to tell whether a refresh brought anything new.
  std::vector<std::uint64_t> dataSignature() const;

  const RunStore* store_ = nullptr;
  std::int64_t runId_ = 0;
  std::optional<RunRow> run_;
  std::vector<std::string> names_;  // the run's metric names
  std::vector<EventRow> events_;
  std::map<std::string, Metric> metrics_;
  std::vector<std::uint64_t> drawnSignature_;
  std::size_t drawnPoints_ = 0;  // points per curve the loss panel was last drawn with
  series::RunProgress progress_;
  QString error_;  // a failed read, shown until the next good one

  RunMonitorHeader* header_;
  QLabel* xAxisLabel_;
  QComboBox* xAxis_;
  QLabel* smoothingLabel_;
  QSlider* smoothing_;
  QLabel* smoothingValue_;
  QStackedWidget* pages_;  // message or panels
  QLabel* message_;
  QWidget* content_;  // header, controls and panels
  QWidget* panels_;
  FigureView* views_[kPanelCount];
  QLabel* notes_[kPanelCount];
  QStackedWidget* panelPages_[kPanelCount];
  QTimer* resized_;  // redraws after a resize, once the size settles
};

}  // namespace wb
