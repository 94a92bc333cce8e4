// series::Figure -> QChart (see figure_chart.hpp: with curve_layer.cpp, the only Qt Charts code of
// the app).
#include "views/chart/figure_chart.hpp"

#include <QGraphicsLayout>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "series/axis_ticks.hpp"
#include "views/chart/curve_layer.hpp"
#include "views/number_format.hpp"

namespace wb {
namespace {

constexpr const char* kShapeProperty = "wbFigureShape";

// Curves and markers in the order their series are added; equal shapes can be updated in place.
QString shapeOf(const series::Figure& figure) {
  QString shape = figure.log_x ? QStringLiteral("logx|") : QStringLiteral("linx|");
  shape += figure.log_y ? QStringLiteral("logy|") : QStringLiteral("liny|");
  for (const auto& c : figure.curves)
    shape += QString::fromStdString(c.label + "\x1f" + c.group) + (c.raw.empty() ? "|" : "+raw|") +
             (c.band_low.empty() ? "" : "+band");
  for (const auto& m : figure.markers) shape += QString::fromStdString(m.label) + "@";
  return shape;
}

bool usable(const series::Point& p, const series::Figure& figure) {
  return std::isfinite(p.x) && std::isfinite(p.y) && (!figure.log_x || p.x > 0) && (!figure.log_y || p.y > 0);
}

// Large x values (tokens) are drawn in thousands, millions or billions, named in the axis title,
// so tick labels stay short enough for a single-column figure.
struct XUnit {
  double scale = 1.0;
  const char* suffix = "";
};

XUnit xUnitOf(const series::Figure& figure) {
  if (figure.log_x) return {};
  double hi = 0.0;
  if (figure.x_range.set()) hi = std::max(std::abs(figure.x_range.lo), std::abs(figure.x_range.hi));
  for (const auto& c : figure.curves)
    for (const auto& p : c.points)
      if (std::isfinite(p.x)) hi = std::max(hi, std::abs(p.x));
  if (hi >= 1e10) return {1e9, " (B)"};
  if (hi >= 1e7) return {1e6, " (M)"};
  if (hi >= 1e4) return {1e3, " (k)"};
  return {};
}

// A log axis is drawn as a linear one over log10 of the values, labelled at round values
// (series::log_ticks): Qt's QLogValueAxis labels powers of ten only, so a loss between 2 and 5
// had no label at all.
double axisValue(double v, bool log) { return log ? std::log10(v) : v; }

QList<QPointF> toQt(const std::vector<series::Point>& points, const series::Figure& figure, const XUnit& unit) {
  QList<QPointF> out;
  out.reserve(static_cast<qsizetype>(points.size()));
  for (const auto& p : points)
    if (usable(p, figure)) out.append(QPointF(axisValue(p.x / unit.scale, figure.log_x), axisValue(p.y, figure.log_y)));
  return out;
}

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) { lo = std::min(lo, v), hi = std::max(hi, v); }
  bool empty() const { return !(lo <= hi); }
};

// Axis ranges over everything drawn, or the figure's fixed ones, padded by 3% (in log space for
// log axes). In values, not in log10 of them. A linear x axis whose data start near 0 (tokens,
// steps and time of a run) starts at 0.
std::pair<Range, Range> rangesOf(const series::Figure& figure, const XUnit& unit) {
  Range x, y;
  const auto add = [&](const std::vector<series::Point>& points) {
    for (const auto& p : points)
      if (usable(p, figure)) x.add(p.x / unit.scale), y.add(p.y);
  };
  for (const auto& c : figure.curves) add(c.points), add(c.raw), add(c.band_low), add(c.band_high);
  for (const auto& m : figure.markers) add({m.at});
  if (figure.x_range.set()) x = Range{figure.x_range.lo / unit.scale, figure.x_range.hi / unit.scale};
  if (figure.y_range.set()) y = Range{figure.y_range.lo, figure.y_range.hi};
  const bool x_from_zero = !figure.log_x && !figure.x_range.set() && !x.empty() && x.lo >= 0 && x.lo <= 0.2 * x.hi;
  const auto pad = [](Range r, bool log) {
    if (r.empty()) return Range{log ? 1.0 : 0.0, log ? 10.0 : 1.0};
    if (log) {
      const double a = std::log10(r.lo), b = std::log10(r.hi), d = std::max(0.03 * (b - a), 0.01);
      return Range{std::pow(10.0, a - d), std::pow(10.0, b + d)};
    }
    // A metric that never changed: 0 (an accuracy of none right) on 0..1, not on +-1e-9.
    if (r.hi == r.lo && r.hi == 0.0) return Range{0.0, 1.0};
    const double d = r.hi > r.lo ? 0.03 * (r.hi - r.lo) : std::abs(r.hi) * 0.05;
    return Range{r.lo - d, r.hi + d};
  };
  Range padded_x = pad(x, figure.log_x);
  if (x_from_zero) padded_x.lo = 0.0;
  return {padded_x, pad(y, figure.log_y)};
}

// Legend texts: when every group is "factor=value" of one factor, the first entry keeps the
// factor and the others show their value only ("epochs=1", "4", "16", "64"), so a legend above a
// single-column plot fits without eliding.
std::map<std::string, QString> compactGroupLabels(const series::Figure& figure) {
  std::map<std::string, QString> labels;
  std::string factor;
  bool shared = !figure.curves.empty();
  for (const auto& c : figure.curves) {
    const auto eq = c.group.find('=');
    if (c.group.empty() || eq == std::string::npos) shared = false;
    else if (factor.empty()) factor = c.group.substr(0, eq + 1);
    else if (c.group.compare(0, eq + 1, factor) != 0) shared = false;
  }
  bool first = true;
  for (const auto& c : figure.curves) {
    if (c.group.empty() || labels.count(c.group)) continue;
    labels[c.group] = QString::fromStdString(shared && !first ? c.group.substr(factor.size()) : c.group);
    first = false;
  }
  return labels;
}

QAbstractAxis* makeAxis(bool log, const QString& title, const QFont& font, const QFont& titleFont, int ticks) {
  // A log axis: labels placed by setRanges() at log10 of round values.
  auto* axis = log ? new QCategoryAxis : new QValueAxis;
  if (auto* category = qobject_cast<QCategoryAxis*>(axis))
    category->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  axis->setLabelFormat(QStringLiteral("%g"));
  axis->setTickCount(ticks);
  axis->setTitleText(title);
  axis->setLabelsFont(font);
  axis->setTitleFont(titleFont);
  return axis;
}

void setRanges(QChart* chart, const series::Figure& figure, const XUnit& unit) {
  const auto [x, y] = rangesOf(figure, unit);
  const auto horizontal = chart->axes(Qt::Horizontal);
  const auto vertical = chart->axes(Qt::Vertical);
  const auto apply = [](QAbstractAxis* axis, const Range& r) {
    if (auto* log = qobject_cast<QCategoryAxis*>(axis)) {
      for (const QString& label : log->categoriesLabels()) log->remove(label);
      log->setRange(std::log10(r.lo), std::log10(r.hi));
      log->setStartValue(std::log10(r.lo));
      for (double tick : series::log_ticks(r.lo, r.hi, log->tickCount()))
        log->append(tick >= 1e3 ? formatCount(tick) : QString::number(tick, 'g', 6), std::log10(tick));
      return;
    }
    // Ticks at round values (2.2, 2.4, ...; 200, 400, ...) anchored at 0, over the data's own
    // range: nice numbers on the range itself would leave empty space after the last point.
    if (auto* linear = qobject_cast<QValueAxis*>(axis)) {
      linear->setRange(r.lo, r.hi);
      linear->setTickType(QValueAxis::TicksDynamic);
      linear->setTickAnchor(0.0);
      linear->setTickInterval(series::nice_step((r.hi - r.lo) / std::max(linear->tickCount() - 1, 1)));
    }
  };
  if (!horizontal.isEmpty()) apply(horizontal.front(), x);
  if (!vertical.isEmpty()) apply(vertical.front(), y);
}

QFont sizedFont(double size) {
  QFont font;
  // The generic family: fontconfig resolves it here, and an SVG names it as CSS does, so a
  // browser or Inkscape does not fall back to a serif face for Qt's "Sans Serif".
  font.setFamily(QStringLiteral("sans-serif"));
  font.setPixelSize(std::max(1, static_cast<int>(std::lround(size))));
  return font;
}

// A y title with a qualifier in parentheses on two lines: a figure a column wide has about an
// inch of height for it, and QtCharts cuts what does not fit ("training loss (…").
QString yTitle(const std::string& label) {
  const QString text = QString::fromStdString(label).toHtmlEscaped();
  const auto open = text.indexOf(QStringLiteral(" ("));
  return open > 0 ? text.left(open) + QStringLiteral("<br>") + text.mid(open + 1) : text;
}

void hideFromLegend(QChart* chart, QAbstractSeries* series) {
  for (QLegendMarker* marker : chart->legend()->markers(series)) marker->setVisible(false);
}

}  // namespace

QColor paletteColour(std::size_t index) {
  const std::uint32_t rgb = series::kPalette[index % series::kPalette.size()];
  return QColor::fromRgb(static_cast<int>((rgb >> 16) & 0xff), static_cast<int>((rgb >> 8) & 0xff),
                         static_cast<int>(rgb & 0xff));
}

QChart* buildChart(const series::Figure& figure, const ChartStyle& style) {
  auto* chart = new QChart;
  chart->setProperty(kShapeProperty, shapeOf(figure));
  chart->setTitle(QString::fromStdString(figure.title));
  chart->setTitleFont(sizedFont(style.title_size));
  chart->setBackgroundRoundness(0);
  chart->setMargins(QMargins(style.margin, style.margin, style.margin, style.margin));
  chart->layout()->setContentsMargins(0, 0, 0, 0);
  chart->legend()->setVisible(style.legend);
  chart->legend()->setFont(sizedFont(style.font_size));
  chart->legend()->setAlignment(style.legend_top ? Qt::AlignTop : Qt::AlignRight);
  chart->legend()->setContentsMargins(0, 0, 0, 0);
  if (chart->legend()->layout()) chart->legend()->layout()->setContentsMargins(0, 0, 0, 0);

  const XUnit unit = xUnitOf(figure);
  const QFont font = sizedFont(style.font_size);
  QAbstractAxis* x = makeAxis(figure.log_x, QString::fromStdString(figure.x_label) + QLatin1String(unit.suffix), font,
                              font, style.ticks);
  QAbstractAxis* y = makeAxis(figure.log_y, yTitle(figure.y_label), font, font, style.ticks);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  const auto attach = [&](QAbstractSeries* series) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  };

  // The curves (and raw shadows) in one layer; a series per legend entry, without points.
  auto* layer = new CurveLayer(chart);
  std::vector<CurveLayer::Line> lines;
  const auto colours = series::colour_indices(figure);
  std::set<std::string> inLegend;
  const auto compact = style.legend_top ? compactGroupLabels(figure) : std::map<std::string, QString>{};
  for (std::size_t i = 0; i < figure.curves.size(); ++i) {
    const auto& curve = figure.curves[i];
    const QColor colour = paletteColour(colours[i]);
    if (!curve.band_low.empty()) {
      QColor faint = colour;
      faint.setAlpha(style.band_alpha);
      lines.push_back({i, false, QPen(faint), toQt(curve.band_low, figure, unit), true,
                       toQt(curve.band_high, figure, unit)});
    }
    if (!curve.raw.empty()) {
      QColor faint = colour;
      faint.setAlpha(style.shadow_alpha);
      lines.push_back({i, true, QPen(faint, style.shadow_width), toQt(curve.raw, figure, unit), false, {}});
    }
    const QPen pen(colour, style.line_width);
    lines.push_back({i, false, pen, toQt(curve.points, figure, unit), false, {}});
    // One legend entry per group: the factor level names the colour.
    const std::string key = curve.group.empty() ? std::string("\x1e").append(std::to_string(i)) : curve.group;
    if (!inLegend.insert(key).second) continue;
    auto* entry = new QLineSeries;
    const auto shortName = compact.find(curve.group);
    entry->setName(shortName != compact.end() ? shortName->second
                                              : QString::fromStdString(curve.group.empty() ? curve.label : curve.group));
    entry->setPen(pen);
    attach(entry);
  }
  layer->setLines(std::move(lines));
  // Best: a filled black dot; onset: a hollow square around its point, so that where they fall
  // on one evaluation both show. No white rim (it cut a gap into the curve); one legend entry each.
  std::set<std::string> markerKinds;
  for (const auto& marker : figure.markers) {
    auto* points = new QScatterSeries;
    const bool onset = marker.label == "onset";
    points->setName(QString::fromStdString(marker.label));
    points->setMarkerSize(onset ? style.marker_size * 1.6 : style.marker_size);
    points->setColor(onset ? QColor(Qt::transparent) : QColor(Qt::black));
    points->setBorderColor(Qt::black);
    points->setMarkerShape(onset ? QScatterSeries::MarkerShapeRectangle : QScatterSeries::MarkerShapeCircle);
    points->replace(toQt({marker.at}, figure, unit));
    attach(points);
    if (!markerKinds.insert(marker.label).second) hideFromLegend(chart, points);
  }
  setRanges(chart, figure, unit);
  return chart;
}

bool updateChart(QChart* chart, const series::Figure& figure) {
  if (!chart || chart->property(kShapeProperty).toString() != shapeOf(figure)) return false;
  const XUnit unit = xUnitOf(figure);
  const auto horizontal = chart->axes(Qt::Horizontal);
  const QString xTitle = QString::fromStdString(figure.x_label) + QLatin1String(unit.suffix);
  if (horizontal.isEmpty() || horizontal.front()->titleText() != xTitle) return false;  // another unit
  // Another metric of the same runs (lr -> tokens_per_s) keeps the shape but not the y title.
  const auto vertical = chart->axes(Qt::Vertical);
  if (!vertical.isEmpty()) vertical.front()->setTitleText(yTitle(figure.y_label));
  CurveLayer* layer = CurveLayer::of(chart);
  const auto all = chart->series();
  if (!layer || all.size() < static_cast<qsizetype>(figure.markers.size())) return false;
  // Same shape: the same lines in the same order; keep their pens, swap their points.
  std::vector<CurveLayer::Line> lines = layer->lines();
  for (auto& line : lines) {
    if (line.curve >= figure.curves.size()) return false;
    const auto& curve = figure.curves[line.curve];
    line.points = toQt(line.band ? curve.band_low : line.shadow ? curve.raw : curve.points, figure, unit);
    if (line.band) line.upper = toQt(curve.band_high, figure, unit);
  }
  layer->setLines(std::move(lines));
  // The marker series come last.
  qsizetype next = all.size() - static_cast<qsizetype>(figure.markers.size());
  for (const auto& marker : figure.markers)
    if (auto* xy = qobject_cast<QXYSeries*>(all[next++])) xy->replace(toQt({marker.at}, figure, unit));
  chart->setTitle(QString::fromStdString(figure.title));
  setRanges(chart, figure, unit);
  return true;
}

QList<QPointF> drawnPoints(const QChart* chart, std::size_t curve) {
  if (const CurveLayer* layer = CurveLayer::of(chart))
    for (const auto& line : layer->lines())
      if (line.curve == curve && !line.shadow && !line.band) return line.points;
  return {};
}

}  // namespace wb
