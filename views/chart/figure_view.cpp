// FigureView: coalesced redraws of a figure in a QChartView.
#include "views/chart/figure_view.hpp"

#include <QVBoxLayout>
#include <QTimer>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

namespace wb {

FigureView::FigureView(QWidget* parent)
    : QWidget(parent), view_(new QChartView(this)), frame_(new QTimer(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
  view_->setRenderHint(QPainter::Antialiasing);
  frame_->setSingleShot(true);
  frame_->setInterval(kFrameMs);
  connect(frame_, &QTimer::timeout, this, &FigureView::redraw);
}

void FigureView::setFigure(series::Figure figure) {
  pending_ = std::move(figure);
  dirty_ = true;
  if (!frame_->isActive()) frame_->start();
}

void FigureView::flush() {
  frame_->stop();
  redraw();
}

void FigureView::redraw() {
  if (!dirty_) return;
  dirty_ = false;
  if (updateChart(view_->chart(), pending_)) {
    ++updates_;
    return;
  }
  QChart* old = view_->chart();
  view_->setChart(buildChart(pending_, ChartStyle::screen()));
  delete old;  // setChart does not take the old one's ownership away from us
  ++rebuilds_;
}

}  // namespace wb
