// Runs side by side: the selected runs' curves of one metric in one chart, coloured by a factor,
// smoothed, on linear or log axes, updated while they train; and the figure exported for a paper
// (PNG, SVG, PDF, CSV, pgfplots .tex).
#pragma once

#include <QWidget>
#include <vector>

#include "series/figure.hpp"
#include "store/run_store.hpp"
#include "views/chart/figure_file_export.hpp"

QT_BEGIN_NAMESPACE
class QLabel;
class QStackedWidget;
QT_END_NAMESPACE

namespace wb {

class CompareControls;
class FigureView;

class CompareWidget : public QWidget {
  Q_OBJECT

 public:
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
  FigureView* view() const { return view_; }

 public slots:
  // Re-reads the runs' metrics; the window's refresh timer calls it while runs train.
  void refresh();

 protected:
  void changeEvent(QEvent* event) override;  // a language switch rewords the hint

 private:
  series::Figure buildFigure(std::size_t points) const;
  QString selectHint() const;

  const RunStore* store_ = nullptr;
  std::vector<RunRow> runs_;
  CompareControls* controls_;
  FigureView* view_;
  QLabel* hint_;
  QStackedWidget* pages_;
};

}  // namespace wb
