// Figures to files for papers: PNG at a chosen DPI, SVG and PDF, at paper widths (single column
// 3.25 in, double column 6.75 in), drawn with the paper style (8 pt fonts). Works offscreen: the
// chart is rendered from its own scene, no window needed.
#pragma once

#include <QString>

#include "series/figure.hpp"

namespace wb {

enum class FigureFormat { kPng, kSvg, kPdf };

struct FigureExportOptions {
  double width_in = 3.25;
  double height_in = 0.0;  // 0: width x 0.62 (a landscape panel)
  int dpi = 300;           // PNG only
};

// The format from a file name's extension (.png, .svg, .pdf); false when it is none of them.
bool figureFormatFromPath(const QString& path, FigureFormat& format);

// Writes the figure; returns an empty string on success, else what went wrong (e.g. the folder
// cannot be written), for the caller to show.
QString exportFigure(const series::Figure& figure, const QString& path, FigureFormat format,
                     const FigureExportOptions& options);

// Any format a paper needs, by the file's extension: .png .svg .pdf (drawn), .csv (the data),
// .tex (pgfplots, compiled by LaTeX). Same return as exportFigure.
QString writeFigureFile(const series::Figure& figure, const QString& path, const FigureExportOptions& options);

}  // namespace wb
