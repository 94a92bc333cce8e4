// Figures as files without Qt: CSV (one row per point: curve, group, run, x, y, kind) and a standalone
// pgfplots/TikZ .tex file with its data inline, at paper widths (single column 3.25 in, double
// column 6.75 in), for LaTeX users (a long-standing request of TensorBoard's).
#pragma once

#include <string>

#include "series/figure.hpp"

namespace wb::series {

std::string to_csv(const Figure& figure);

struct TexOptions {
  double width_in = 3.25;   // single column; 6.75 for double column
  double height_in = 0.0;   // 0: width x 0.62
  bool standalone = true;   // a complete document pdflatex compiles; false: the tikzpicture only
};
// Special characters of labels are escaped for TeX; colours are the palette's (defined with
// \definecolor); smoothed curves carry their raw points as a faint line underneath.
std::string to_pgfplots(const Figure& figure, const TexOptions& options = {});

}  // namespace wb::series
