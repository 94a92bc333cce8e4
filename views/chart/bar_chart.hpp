// Bars beside the loss curves: a grouped bar chart (e.g. downstream accuracy per task, one bar
// per factor level), through the same chart seam as the curves (figure_chart.hpp). The data is
// a plain struct, so building it needs no Qt Charts.
#pragma once

#include <QString>
#include <QStringList>
#include <cstddef>
#include <vector>

#include "views/chart/figure_chart.hpp"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace wb {

struct BarFigure {
  QString title;
  QString y_label;
  QStringList categories;  // along x, e.g. "cloze acc", "next_passage acc"
  struct Set {
    QString label;            // legend, e.g. "epochs=16"
    std::size_t colour = 0;   // palette index, the same as the set's curves
    std::vector<double> values;  // one per category; NaN: no bar
  };
  std::vector<Set> sets;
};

// A new chart (the caller owns it): one bar set per BarFigure::Set in its palette colour, the
// y axis from 0 (bars compare lengths) to a little above the highest bar.
QChart* buildBarChart(const BarFigure& figure, const ChartStyle& style);

}  // namespace wb
