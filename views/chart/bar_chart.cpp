// BarFigure -> QChart with a QBarSeries.
#include "views/chart/bar_chart.hpp"

#include <QGraphicsLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

namespace wb {

QChart* buildBarChart(const BarFigure& figure, const ChartStyle& style) {
  QFont font;
  font.setPixelSize(std::max(1, static_cast<int>(std::lround(style.font_size))));
  QFont titleFont;
  titleFont.setPixelSize(std::max(1, static_cast<int>(std::lround(style.title_size))));
  auto* chart = new QChart;
  chart->setTitle(figure.title);
  chart->setTitleFont(titleFont);
  chart->setBackgroundRoundness(0);
  chart->setMargins(QMargins(style.margin, style.margin, style.margin, style.margin));
  chart->layout()->setContentsMargins(0, 0, 0, 0);
  chart->legend()->setVisible(style.legend && figure.sets.size() > 1);
  chart->legend()->setFont(font);
  chart->legend()->setAlignment(Qt::AlignBottom);

  auto* bars = new QBarSeries;
  double top = 0.0;
  for (const auto& set : figure.sets) {
    auto* bar = new QBarSet(set.label);
    bar->setColor(paletteColour(set.colour));
    bar->setBorderColor(paletteColour(set.colour));
    for (double v : set.values) {
      bar->append(std::isfinite(v) ? v : 0.0);  // QBarSet has no gaps: a missing value is no bar
      if (std::isfinite(v)) top = std::max(top, v);
    }
    bars->append(bar);
  }
  chart->addSeries(bars);
  auto* x = new QBarCategoryAxis;
  x->append(figure.categories);
  x->setLabelsFont(font);
  auto* y = new QValueAxis;
  y->setRange(0.0, top > 0 ? top * 1.1 : 1.0);
  y->setLabelFormat(QStringLiteral("%.2f"));
  y->setTitleText(figure.y_label);
  y->setLabelsFont(font);
  y->setTitleFont(font);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  bars->attachAxis(x);
  bars->attachAxis(y);
  return chart;
}

}  // namespace wb
