// A widget that shows one series::Figure and keeps up with a live run: setFigure() may be called
// as often as data arrive; redraws are coalesced by a timer (one per frame at most, PlotJuggler's
// pattern) and, when the figure keeps its shape, points are replaced in place instead of
// rebuilding the chart.
#pragma once

#include <QWidget>

#include "series/figure.hpp"
#include "views/chart/figure_chart.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QTimer;
QT_END_NAMESPACE

namespace wb {

class FigureView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kFrameMs = 16;

  explicit FigureView(QWidget* parent = nullptr);

  // Shows `figure` at the next frame; calls before then replace each other.
  void setFigure(series::Figure figure);
  const series::Figure& figure() const { return pending_; }
  // Draws a pending figure now (tests, export of what is on screen).
  void flush();
  // How many times the chart was rebuilt / updated in place (tests and the benchmark).
  int rebuilds() const { return rebuilds_; }
  int updates() const { return updates_; }
  QChartView* chartView() const { return view_; }

 private:
  void redraw();

  series::Figure pending_;
  bool dirty_ = false;
  QChartView* view_;
  QTimer* frame_;
  int rebuilds_ = 0;
  int updates_ = 0;
};

}  // namespace wb
