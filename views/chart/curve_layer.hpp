// The curves of a chart, drawn by one item over its plot area rather than one QLineSeries each.
// Qt Charts re-strokes a line series' whole outline (for mouse hit tests the app does not use)
// whenever its points or the axes change: about 0.8 us a point on the 2-core development machine,
// 90 ms for 50 curves of 2,200 points, and five times that when the axis ranges move too. This
// item keeps the points in axis values, maps them at paint time and draws polylines: 8 ms for the
// same curves at 1 px. Legend entries stay QLineSeries (without points), markers QScatterSeries.
#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPointF>
#include <cstddef>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace wb {

class CurveLayer : public QGraphicsItem {
 public:
  enum { Type = UserType + 0x5742 };  // for qgraphicsitem_cast

  struct Line {
    std::size_t curve = 0;  // index of the figure's curve
    bool shadow = false;    // the raw curve under a smoothed one
    QPen pen;
    QList<QPointF> points;  // in axis values (log10 on a log axis), x ascending
    // A band (min/max over seeds): `points` is its lower edge, `upper` its upper edge, filled
    // with the pen's colour; no outline.
    bool band = false;
    QList<QPointF> upper;
  };

  // A child of `chart` (deleted with it), drawn in its plot area with the chart's first
  // horizontal and vertical axes (linear; a log axis is linear over log10 of the values).
  explicit CurveLayer(QChart* chart);

  // Replaces every line at once: one repaint per frame, whatever the number of curves.
  void setLines(std::vector<Line> lines);
  const std::vector<Line>& lines() const { return lines_; }

  // The chart's layer, or nullptr for a chart that has none.
  static CurveLayer* of(const QChart* chart);

  QRectF boundingRect() const override { return area_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  int type() const override { return Type; }

 private:
  void plotAreaChanged(const QRectF& area);

  QChart* chart_;
  std::vector<Line> lines_;
  QRectF area_;
};

}  // namespace wb
