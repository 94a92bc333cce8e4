// CurveLayer: a chart's curves as polylines mapped through its axes at paint time.
#include "views/chart/curve_layer.hpp"

#include <QPainter>
#include <QPolygonF>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <cmath>

namespace wb {
namespace {

// Qt Charts' z value of series items (ChartPresenter::SeriesZValue, a private header): above the
// grid, below the legend. Marker series added after the layer stack above it.
constexpr qreal kSeriesZ = 4;

// Axis value -> plot area pixel along one direction.
struct AxisMapping {
  bool valid = false;
  double from = 0.0, span = 1.0;  // axis minimum and extent
  double pixel_from = 0.0, pixel_span = 0.0;
  double operator()(double value) const { return pixel_from + (value - from) / span * pixel_span; }
};

AxisMapping mappingOf(const QChart* chart, Qt::Orientation orientation, const QRectF& area) {
  AxisMapping m;
  const auto axes = chart->axes(orientation);
  if (axes.isEmpty()) return m;
  // Log axes too: figure_chart.cpp draws them as linear axes over log10 of the values.
  const auto* linear = qobject_cast<const QValueAxis*>(axes.front());
  if (!linear) return m;
  const double lo = linear->min(), hi = linear->max();
  if (!(hi > lo)) return m;
  m.valid = true;
  m.from = lo;
  m.span = hi - lo;
  // Vertical values grow upwards, pixels downwards.
  m.pixel_from = orientation == Qt::Horizontal ? area.left() : area.bottom();
  m.pixel_span = orientation == Qt::Horizontal ? area.width() : -area.height();
  return m;
}

}  // namespace

CurveLayer::CurveLayer(QChart* chart) : QGraphicsItem(chart), chart_(chart), area_(chart->plotArea()) {
  setZValue(kSeriesZ);
  QObject::connect(chart, &QChart::plotAreaChanged, chart, [this](const QRectF& area) { plotAreaChanged(area); });
}

void CurveLayer::plotAreaChanged(const QRectF& area) {
  prepareGeometryChange();
  area_ = area;
  update();
}

void CurveLayer::setLines(std::vector<Line> lines) {
  lines_ = std::move(lines);
  update();
}

CurveLayer* CurveLayer::of(const QChart* chart) {
  if (!chart) return nullptr;
  for (QGraphicsItem* child : chart->childItems())
    if (auto* layer = qgraphicsitem_cast<CurveLayer*>(child)) return layer;
  return nullptr;
}

void CurveLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  const QRectF area = chart_->plotArea();
  const AxisMapping x = mappingOf(chart_, Qt::Horizontal, area);
  const AxisMapping y = mappingOf(chart_, Qt::Vertical, area);
  if (!x.valid || !y.valid || area.isEmpty()) return;
  painter->save();
  painter->setClipRect(area);
  QPolygonF pixels;
  for (const Line& line : lines_) {
    if (line.band) {  // the lower edge forwards, the upper edge back: one polygon
      pixels.resize(line.points.size() + line.upper.size());
      qsizetype k = 0;
      for (const QPointF& p : line.points) pixels[k++] = QPointF(x(p.x()), y(p.y()));
      for (auto p = line.upper.crbegin(); p != line.upper.crend(); ++p) pixels[k++] = QPointF(x(p->x()), y(p->y()));
      painter->setPen(Qt::NoPen);
      painter->setBrush(line.pen.color());
      painter->drawPolygon(pixels);
      painter->setBrush(Qt::NoBrush);
      continue;
    }
    pixels.resize(line.points.size());
    for (qsizetype i = 0; i < line.points.size(); ++i) pixels[i] = QPointF(x(line.points[i].x()), y(line.points[i].y()));
    painter->setPen(line.pen);
    painter->drawPolyline(pixels);
  }
  painter->restore();
}

}  // namespace wb
