// The one seam to the chart library: a series::Figure becomes a Qt Charts QChart here, and only
// here (with curve_layer.hpp, which draws its curves). Qt Charts is deprecated from Qt 6.10 in
// favour of Qt Graphs; Debian 12 ships Qt 6.4, so the app draws with Charts now, and moving to
// Graphs means rewriting this file, figure_chart.cpp and the curve layer, nothing else.
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPointF>

#include "series/figure.hpp"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace wb {

// How a figure looks: fonts in the chart's logical units (points when exported for paper, so
// 8 means 8 pt on the page) and line widths.
struct ChartStyle {
  double font_size = 9.0;   // axis labels and legend
  double title_size = 10.0;
  // 1 on screen: the raster engine draws 1-px antialiased lines on a fast path, about 100 times
  // faster than 1.5 px (8 ms instead of 720 ms for 50 curves of 2,200 points).
  double line_width = 1.0;
  double shadow_width = 1.0;  // the raw curve under a smoothed one
  int shadow_alpha = 60;      // of 255: faint
  int band_alpha = 50;        // of 255: the min/max band around a mean over seeds
  double marker_size = 7.0;
  bool legend = true;
  bool legend_top = false;  // above the plot (paper: saves the width a side legend takes)
  int margin = 4;           // around the plot area
  int ticks = 6;            // on a linear axis, before rounding to nice numbers
  static ChartStyle screen() { return {}; }
  static ChartStyle paper() { return {7.0, 8.0, 1.0, 0.6, 60, 50, 4.0, true, true, 0, 5}; }
};

QColor paletteColour(std::size_t index);

// A new chart (the caller owns it) drawing every curve of the figure: one colour per group
// (Okabe-Ito palette), one legend entry per group, raw curves as faint shadows under smoothed
// ones, onset and best markers as points, log axes where asked (non-positive values dropped).
// The curves are drawn by one CurveLayer (curve_layer.hpp says why), not by line series.
QChart* buildChart(const series::Figure& figure, const ChartStyle& style);

// Replaces the points of an existing chart built from a figure of the same shape (same curves
// and markers in the same order): all curves in one call, markers by replace(), no rebuild. False
// when the shapes differ and the chart must be rebuilt.
bool updateChart(QChart* chart, const series::Figure& figure);

// The points the chart draws for the figure's curve `curve` (the smoothed line, not its shadow),
// in axis coordinates (log10 of the value on a log axis), after log axes dropped what they cannot
// show; empty for no such curve. For tests.
QList<QPointF> drawnPoints(const QChart* chart, std::size_t curve);

}  // namespace wb
