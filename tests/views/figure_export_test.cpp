// Figures to files: PNG of the asked size and DPI, SVG and PDF at paper widths that parse back,
// unknown extensions refused; and the live FigureView: redraws coalesced, points replaced in
// place while the figure keeps its shape.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <QtCharts/QChartView>
#include <cmath>
#include <memory>

#include "common/temp_dir.hpp"
#include "views/chart/figure_chart.hpp"
#include "views/chart/figure_file_export.hpp"
#include "views/chart/figure_view.hpp"
#include "views/qt_paths.hpp"

namespace wb {
namespace {

series::Figure sample_figure(int points = 50) {
  series::Figure f;
  f.title = "token-crisis-mini";
  f.x_label = "training tokens";
  f.y_label = "validation loss";
  for (int epochs : {1, 4, 16}) {
    series::Curve c;
    c.label = "epochs=" + std::to_string(epochs);
    c.group = c.label;
    for (int i = 1; i <= points; ++i)
      c.points.push_back({i * 1000.0, 2.0 + 1.0 / i + 0.001 * epochs * i});
    c.raw = c.points;
    f.curves.push_back(c);
  }
  f.markers.push_back({"onset", 0, {30000.0, 2.1}});
  return f;
}

TEST(ViewsFigureExport, PngHasTheAskedSizeAndResolution) {
  test::TempDir dir;
  const QString path = toQString(dir / "f.png");
  FigureExportOptions options;
  options.width_in = 3.25;
  options.dpi = 200;
  ASSERT_EQ(exportFigure(sample_figure(), path, FigureFormat::kPng, options), QString());
  QImage image(path);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.width(), 650);                       // 3.25 in x 200 dpi
  EXPECT_EQ(image.height(), std::lround(3.25 * 0.62 * 200));
  EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 200.0, 0.5);
  // Not blank: the curves and text put non-white pixels on the page.
  int ink = 0;
  for (int y = 0; y < image.height(); y += 2)
    for (int x = 0; x < image.width(); x += 2) ink += image.pixel(x, y) != qRgb(255, 255, 255);
  EXPECT_GT(ink, 500);
}

TEST(ViewsFigureExport, SvgAndPdfAtDoubleColumnWidth) {
  test::TempDir dir;
  FigureExportOptions options;
  options.width_in = 6.75;
  options.height_in = 3.0;
  const QString svg = toQString(dir / "f.svg");
  ASSERT_EQ(exportFigure(sample_figure(), svg, FigureFormat::kSvg, options), QString());
  QSvgRenderer renderer(svg);
  ASSERT_TRUE(renderer.isValid());
  EXPECT_NEAR(renderer.viewBoxF().width(), 6.75 * 72, 1.0);
  EXPECT_NEAR(renderer.viewBoxF().height(), 3.0 * 72, 1.0);

  const QString pdf = toQString(dir / "f.pdf");
  ASSERT_EQ(exportFigure(sample_figure(), pdf, FigureFormat::kPdf, options), QString());
  QFile file(pdf);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QByteArray bytes = file.readAll();
  EXPECT_TRUE(bytes.startsWith("%PDF-"));
  // The page is 6.75 x 3 in = 486 x 216 pt.
  const auto box = QRegularExpression(QStringLiteral(R"(/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\])"))
                       .match(QString::fromLatin1(bytes));
  ASSERT_TRUE(box.hasMatch()) << bytes.left(2000).toStdString();
  EXPECT_NEAR(box.captured(1).toDouble(), 486.0, 0.5);
  EXPECT_NEAR(box.captured(2).toDouble(), 216.0, 0.5);
}

// A loss between 2 and 4 on a log axis: labelled at round values (Qt's own log axis labels
// powers of ten only, and left such a figure with no y label at all).
TEST(ViewsFigureChart, LogAxesAreLabelledWithinADecade) {
  auto f = sample_figure();
  f.log_y = true;
  std::unique_ptr<QChart> chart(buildChart(f, ChartStyle::paper()));
  const auto vertical = chart->axes(Qt::Vertical);
  ASSERT_EQ(vertical.size(), 1);
  auto* axis = qobject_cast<QCategoryAxis*>(vertical.front());
  ASSERT_NE(axis, nullptr);
  const QStringList labels = axis->categoriesLabels();
  EXPECT_EQ(labels, (QStringList{"2.2", "2.4", "2.6", "2.8", "3"})) << labels.join(' ').toStdString();
  for (const QString& label : labels)  // each label sits at log10 of its value
    EXPECT_NEAR(axis->endValue(label), std::log10(label.toDouble()), 1e-12);
  // The curve is drawn in log10 space too.
  const auto points = drawnPoints(chart.get(), 0);
  ASSERT_FALSE(points.isEmpty());
  EXPECT_NEAR(points.front().y(), std::log10(f.curves[0].points.front().y), 1e-12);
}

// Tokens from the first evaluation (1k) to 50k: the axis starts at 0, as a run does.
TEST(ViewsFigureChart, ALinearXAxisNearZeroStartsAtZero) {
  auto f = sample_figure();
  std::unique_ptr<QChart> chart(buildChart(f, ChartStyle::paper()));
  const auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front());
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->min(), 0.0);
  EXPECT_GT(x->max(), 50.0);  // in thousands: 50k plus padding
  for (auto& c : f.curves) {  // far from 0: the data's own range
    for (auto& p : c.points) p.x += 100000.0;
    c.raw = c.points;
  }
  f.markers.clear();
  chart.reset(buildChart(f, ChartStyle::paper()));
  EXPECT_GT(qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front())->min(), 90.0);
}

TEST(ViewsFigureExport, FormatFromExtensionAndBadSizes) {
  FigureFormat format{};
  EXPECT_TRUE(figureFormatFromPath("a/b.PDF", format));
  EXPECT_EQ(format, FigureFormat::kPdf);
  EXPECT_TRUE(figureFormatFromPath("x.svg", format));
  EXPECT_EQ(format, FigureFormat::kSvg);
  EXPECT_FALSE(figureFormatFromPath("x.jpg", format));
  test::TempDir dir;
  FigureExportOptions tiny;
  tiny.width_in = 0.1;
  EXPECT_FALSE(exportFigure(sample_figure(), toQString(dir / "f.png"), FigureFormat::kPng, tiny).isEmpty());
  FigureExportOptions unwritable;
  EXPECT_FALSE(exportFigure(sample_figure(), toQString(dir / "missing/dir/f.png"), FigureFormat::kPng, unwritable)
                   .isEmpty());
}

TEST(ViewsFigureView, CoalescesRedrawsAndUpdatesInPlace) {
  FigureView view;
  view.resize(640, 400);
  view.show();
  for (int i = 0; i < 20; ++i) view.setFigure(sample_figure(10 + i));  // a burst of live data
  view.flush();
  EXPECT_EQ(view.rebuilds(), 1) << "twenty updates within one frame draw once";
  EXPECT_EQ(view.updates(), 0);

  view.setFigure(sample_figure(60));  // same curves, more points: replaced in place
  view.flush();
  EXPECT_EQ(view.rebuilds(), 1);
  EXPECT_EQ(view.updates(), 1);
  EXPECT_EQ(drawnPoints(view.chartView()->chart(), 0).size(), 60);

  auto other = sample_figure(60);
  other.curves.pop_back();  // another shape: rebuilt
  view.setFigure(other);
  view.flush();
  EXPECT_EQ(view.rebuilds(), 2);
}

TEST(ViewsFigureView, LogAxesDropNonPositivePoints) {
  auto f = sample_figure(5);
  f.log_y = true;
  f.curves[0].points.push_back({6000.0, 0.0});  // cannot be drawn on a log axis
  f.curves[0].raw.clear();
  FigureView view;
  view.setFigure(f);
  view.flush();
  EXPECT_EQ(drawnPoints(view.chartView()->chart(), 0).size(), 5);
}

}  // namespace
}  // namespace wb
