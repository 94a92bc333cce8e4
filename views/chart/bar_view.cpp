// BarView: a QChartView over buildBarChart.
#include "views/chart/bar_view.hpp"

#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

namespace wb {

BarView::BarView(QWidget* parent) : QWidget(parent), view_(new QChartView(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
  view_->setRenderHint(QPainter::Antialiasing);
}

void BarView::setBars(const BarFigure& figure) {
  figure_ = figure;
  QChart* old = view_->chart();
  view_->setChart(buildBarChart(figure_, ChartStyle::screen()));
  delete old;  // setChart leaves the old chart to us
}

}  // namespace wb
