// A widget that shows one BarFigure (bar_chart.hpp); rebuilt on every change, which is cheap for
// the few bars of a comparison.
#pragma once

#include <QWidget>

#include "views/chart/bar_chart.hpp"

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace wb {

class BarView : public QWidget {
  Q_OBJECT

 public:
  explicit BarView(QWidget* parent = nullptr);
  void setBars(const BarFigure& figure);
  const BarFigure& bars() const { return figure_; }
  QChartView* chartView() const { return view_; }

 private:
  BarFigure figure_;
  QChartView* view_;
};

}  // namespace wb
