// Rendering a figure's chart into PNG / SVG / PDF at a physical size. The scene is laid out in
// points (1/72 in), so the paper style's 8-point fonts are 8 pt on the page whatever the
// target's resolution.
#include "views/chart/figure_file_export.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QtCharts/QChart>
#include <algorithm>
#include <cmath>
#include <memory>

#include "series/figure_export.hpp"
#include "views/chart/figure_chart.hpp"

namespace wb {
namespace {

constexpr double kPointsPerInch = 72.0;

bool writeText(const QString& path, const std::string& text) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  return file.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
}

// Lays the chart out in a scene of width x height points and renders it into `painter`'s target.
void renderChart(const series::Figure& figure, QPainter& painter, const QRectF& target, QSizeF points) {
  QGraphicsScene scene;
  ChartStyle style = ChartStyle::paper();
  // About one tick per 0.65 in: 5 across a single column, more across a page.
  style.ticks = std::clamp(static_cast<int>(std::lround(points.width() / kPointsPerInch * 1.5)), style.ticks, 10);
  QChart* chart = buildChart(figure, style);
  scene.addItem(chart);  // the scene owns and deletes it
  chart->setGeometry(QRectF(QPointF(0, 0), points));
  scene.setSceneRect(QRectF(QPointF(0, 0), points));
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  scene.render(&painter, target, scene.sceneRect());
}

}  // namespace

bool figureFormatFromPath(const QString& path, FigureFormat& format) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("png")) format = FigureFormat::kPng;
  else if (suffix == QLatin1String("svg")) format = FigureFormat::kSvg;
  else if (suffix == QLatin1String("pdf")) format = FigureFormat::kPdf;
  else return false;
  return true;
}

QString exportFigure(const series::Figure& figure, const QString& path, FigureFormat format,
                     const FigureExportOptions& options) {
  const double width_in = options.width_in;
  const double height_in = options.height_in > 0 ? options.height_in : width_in * 0.62;
  if (!(width_in > 0.5 && width_in < 100 && height_in > 0.5 && height_in < 100))
    return QCoreApplication::translate("wb::FigureFileExport", "a figure must be between 0.5 and 100 inches wide and high");
  const QSizeF points(width_in * kPointsPerInch, height_in * kPointsPerInch);

  switch (format) {
    case FigureFormat::kPng: {
      if (options.dpi < 30 || options.dpi > 2400) return QCoreApplication::translate("wb::FigureFileExport", "the resolution must be 30-2400 dpi");
      QImage image(static_cast<int>(std::lround(width_in * options.dpi)),
                   static_cast<int>(std::lround(height_in * options.dpi)), QImage::Format_ARGB32);
      image.fill(Qt::white);
      const int dots_per_meter = static_cast<int>(std::lround(options.dpi / 0.0254));
      image.setDotsPerMeterX(dots_per_meter);
      image.setDotsPerMeterY(dots_per_meter);
      {
        QPainter painter(&image);
        renderChart(figure, painter, QRectF(0, 0, image.width(), image.height()), points);
      }
      if (!image.save(path, "PNG")) return QCoreApplication::translate("wb::FigureFileExport", "cannot write %1").arg(path);
      return {};
    }
    case FigureFormat::kSvg: {
      QSvgGenerator svg;
      svg.setFileName(path);
      svg.setResolution(static_cast<int>(kPointsPerInch));
      svg.setSize(QSize(static_cast<int>(std::lround(points.width())), static_cast<int>(std::lround(points.height()))));
      svg.setViewBox(QRectF(QPointF(0, 0), points));
      svg.setTitle(QString::fromStdString(figure.title));
      QPainter painter;
      if (!painter.begin(&svg)) return QCoreApplication::translate("wb::FigureFileExport", "cannot write %1").arg(path);
      renderChart(figure, painter, QRectF(QPointF(0, 0), points), points);
      painter.end();
      return {};
    }
    case FigureFormat::kPdf: {
      QPdfWriter pdf(path);
      pdf.setResolution(static_cast<int>(kPointsPerInch));
      pdf.setPageSize(QPageSize(QSizeF(width_in, height_in), QPageSize::Inch));
      pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
      pdf.setTitle(QString::fromStdString(figure.title));
      pdf.setCreator(QStringLiteral("Repetition Workbench"));
      QPainter painter;
      if (!painter.begin(&pdf)) return QCoreApplication::translate("wb::FigureFileExport", "cannot write %1").arg(path);
      renderChart(figure, painter, QRectF(QPointF(0, 0), points), points);
      painter.end();
      return {};
    }
  }
  return QCoreApplication::translate("wb::FigureFileExport", "unknown format");
}

QString writeFigureFile(const series::Figure& figure, const QString& path, const FigureExportOptions& options) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  const QString cannotWrite = QCoreApplication::translate("wb::FigureFileExport", "cannot write %1").arg(path);
  if (suffix == QLatin1String("csv")) return writeText(path, series::to_csv(figure)) ? QString() : cannotWrite;
  if (suffix == QLatin1String("tex")) {
    series::TexOptions tex;
    tex.width_in = options.width_in;
    tex.height_in = options.height_in;
    return writeText(path, series::to_pgfplots(figure, tex)) ? QString() : cannotWrite;
  }
  FigureFormat format{};
  if (!figureFormatFromPath(path, format))
    return QCoreApplication::translate("wb::FigureFileExport",
                                       "unknown file type \"%1\": use .png, .svg, .pdf, .csv or .tex")
        .arg(suffix);
  return exportFigure(figure, path, format, options);
}

}  // namespace wb
