// A Figure as CSV (every plotted number, for other tools) and as a pgfplots .tex file (for papers).
//
// CSV columns: curve, group, run_id, x, y, kind. kind says what the row is: "smoothed" (a point of
// a smoothed curve), "raw" (a point of an unsmoothed curve, or the raw shadow under a smoothed
// one), "mean", "band_low" and "band_high" (a mean over seeds and its min/max band), or
// "marker:LABEL" (e.g. marker:onset, marker:best; curve and group are then those of the marked
// run's curve). Numbers are written in the shortest form that reads back exactly.
#include "series/figure_export.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace wb::series {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes inside doubled.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string exact_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Steps and token counts as integers: to_chars' shortest form of 1000000 is "1e+06".
  if (value == std::round(value) && std::abs(value) < 9007199254740992.0)
    return std::to_string(static_cast<long long>(value));
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Six significant digits are below a printed figure's resolution and keep the file small. pgfplots
// reads "nan" (with unbounded coords=jump: a gap), not glibc's "-nan".
std::string tex_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

const Curve* curve_of_run(const Figure& figure, std::int64_t run_id) {
  for (const auto& c : figure.curves)
    if (c.run_id == run_id && run_id != 0) return &c;
  return nullptr;
}

}  // namespace

std::string to_csv(const Figure& figure) {
  std::ostringstream out;
  out << "curve,group,run_id,x,y,kind\n";
  const auto rows = [&](const Curve& c, const std::vector<Point>& points, const std::string& kind) {
    for (const auto& p : points)
      out << csv_field(c.label) << ',' << csv_field(c.group) << ',' << c.run_id << ',' << exact_number(p.x) << ','
          << exact_number(p.y) << ',' << kind << '\n';
  };
  for (const auto& c : figure.curves) {
    const bool smoothed = !c.raw.empty();
    const bool pooled = !c.band_low.empty();
    rows(c, c.points, pooled ? "mean" : smoothed ? "smoothed" : "raw");
    if (smoothed) rows(c, c.raw, "raw");
    if (pooled) rows(c, c.band_low, "band_low"), rows(c, c.band_high, "band_high");
  }
  for (const auto& m : figure.markers) {
    const Curve* c = curve_of_run(figure, m.run_id);
    out << csv_field(c ? c->label : m.label) << ',' << csv_field(c ? c->group : "") << ',' << m.run_id << ','
        << exact_number(m.at.x) << ',' << exact_number(m.at.y) << ',' << csv_field("marker:" + m.label) << '\n';
  }
  return out.str();
}

namespace {

// TeX's special characters as text-mode commands; line breaks become spaces.
std::string tex_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '_': case '%': case '&': case '#': case '$': case '{': case '}':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string coordinates(const std::vector<Point>& points) {
  std::string out = "coordinates {";
  for (std::size_t i = 0; i < points.size(); ++i) {
    out += (i % 6 == 0) ? "\n    " : " ";
    out += '(';
    out += tex_number(points[i].x);
    out += ',';
    out += tex_number(points[i].y);
    out += ')';
  }
  return out + "\n  };\n";
}

std::string colour_name(std::size_t index) { return "wbc" + std::to_string(index); }

// Onset and best point in shapes that differ in print as well as in colour.
std::string mark_of(const std::string& label) {
  if (label == "onset") return "triangle*";
  if (label == "best") return "*";
  return "diamond*";
}

// The legend sits above the axis, where no curve can run under it, in as many columns as fit the
// width (entry widths estimated from \scriptsize text: about 3.6 pt a character plus the line).
struct LegendLayout {
  std::size_t columns = 1;
  std::size_t rows = 0;
};
LegendLayout legend_layout(const std::vector<std::string>& entries, double width_in) {
  LegendLayout layout;
  if (entries.empty()) return layout;
  std::size_t longest = 0;
  for (const auto& e : entries) longest = std::max(longest, e.size());
  const double entry_pt = 3.6 * static_cast<double>(longest) + 28.0;
  const double usable_pt = width_in * 72.0 * 0.85;
  layout.columns = std::clamp<std::size_t>(static_cast<std::size_t>(usable_pt / entry_pt), 1, entries.size());
  layout.rows = (entries.size() + layout.columns - 1) / layout.columns;
  return layout;
}

}  // namespace

std::string to_pgfplots(const Figure& figure, const TexOptions& options) {
  const double width = options.width_in;
  const double height = options.height_in > 0.0 ? options.height_in : width * 0.62;
  const auto colours = colour_indices(figure);
  // Legend entries: one per group (its label) or per ungrouped curve, then one per marker kind.
  std::vector<bool> in_legend;
  std::vector<std::string> entries;
  std::set<std::string> legend_groups;
  for (const auto& c : figure.curves) {
    in_legend.push_back(c.group.empty() || legend_groups.insert(c.group).second);
    if (in_legend.back()) entries.push_back(c.group.empty() ? c.label : c.group);
  }
  std::set<std::string> marker_labels;
  for (const auto& m : figure.markers) marker_labels.insert(m.label);
  entries.insert(entries.end(), marker_labels.begin(), marker_labels.end());
  const auto legend = legend_layout(entries, width);
  const double legend_in = static_cast<double>(legend.rows) * 0.13;

  std::ostringstream out;
  std::string title_comment = figure.title;
  for (auto& c : title_comment)
    if (c == '\n' || c == '\r') c = ' ';
  out << "% " << (title_comment.empty() ? "Figure" : title_comment)
      << ": written by the Repetition Workbench (workbench-cli export).\n";
  if (options.standalone) {
    // The standalone class crops the page to the figure; a TeX installation without it (Debian's
    // texlive-latex-base) gets an article page a little larger than the figure.
    out << "\\IfFileExists{standalone.cls}{\\documentclass{standalone}}{%\n"
        << "  \\documentclass{article}\\pagestyle{empty}%\n"
        << "  \\usepackage[paperwidth=" << tex_number(width + 0.5)
        << "in, paperheight=" << tex_number(height + 0.7 + legend_in)
        << "in, margin=0.25in]{geometry}}\n";
    // compat 1.16: older than Debian 12's pgfplots (1.18) and most journals', new enough for the
    // axis label placement we rely on.
    out << "\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.16}\n";
  }
  // Okabe & Ito 2008, the colour-blind-safe palette (figure.hpp).
  for (std::size_t i = 0; i < kPalette.size(); ++i) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%06X", static_cast<unsigned>(kPalette[i]));
    out << "\\definecolor{" << colour_name(i) << "}{HTML}{" << hex << "}\n";
  }
  if (options.standalone) out << "\\begin{document}\n\\noindent\n";
  out << "\\begin{tikzpicture}\n\\begin{axis}[\n";
  out << "  width=" << tex_number(width) << "in, height=" << tex_number(height) << "in,\n";
  if (!figure.title.empty()) {
    // Above the legend, which is above the axis.
    out << "  title={" << tex_escape(figure.title) << "}, title style={font=\\small, yshift="
        << tex_number(static_cast<double>(legend.rows) * 9.0) << "pt},\n";
  }
  out << "  xlabel={" << tex_escape(figure.x_label) << "},\n";
  out << "  ylabel={" << tex_escape(figure.y_label) << "},\n";
  if (figure.log_x) out << "  xmode=log,\n";
  // Losses read better as 2.5 than as 10^0.4; tokens on a log x axis keep powers of ten.
  if (figure.log_y)
    out << "  ymode=log, yticklabel={\\pgfmathparse{exp(\\tick)}\\pgfmathprintnumber{\\pgfmathresult}},\n";
  out << "  unbounded coords=jump, grid=major, grid style={gray!20},\n"
         "  tick label style={font=\\scriptsize}, label style={font=\\small},\n"
         "  legend style={font=\\scriptsize, draw=none, at={(0.5,1.02)}, anchor=south,\n"
         "    /tikz/every even column/.append style={column sep=6pt}},\n"
      << "  legend columns=" << legend.columns << ", legend cell align=left,\n"
      << "  every axis plot/.append style={line width=0.9pt},\n"
         "]\n";

  // Seed bands first (a filled polygon: the lower edge, then the upper edge backwards), then
  // every raw shadow, so nothing faint is drawn over another curve's line.
  for (std::size_t i = 0; i < figure.curves.size(); ++i) {
    const auto& c = figure.curves[i];
    if (c.band_low.empty()) continue;
    std::vector<Point> outline = c.band_low;
    outline.insert(outline.end(), c.band_high.rbegin(), c.band_high.rend());
    out << "\\addplot[draw=none, fill=" << colour_name(colours[i]) << ", fill opacity=0.2, forget plot]\n  "
        << coordinates(outline);
  }
  for (std::size_t i = 0; i < figure.curves.size(); ++i) {
    const auto& c = figure.curves[i];
    if (c.raw.empty()) continue;
    out << "\\addplot[color=" << colour_name(colours[i]) << ", opacity=0.25, line width=0.4pt, forget plot]\n  "
        << coordinates(c.raw);
  }
  for (std::size_t i = 0; i < figure.curves.size(); ++i) {
    const auto& c = figure.curves[i];
    out << "\\addplot[color=" << colour_name(colours[i]) << (in_legend[i] ? "" : ", forget plot") << "]\n  "
        << coordinates(c.points);
    if (in_legend[i]) out << "\\addlegendentry{" << tex_escape(c.group.empty() ? c.label : c.group) << "}\n";
  }
  for (const auto& m : figure.markers) {
    const Curve* c = curve_of_run(figure, m.run_id);
    const std::size_t colour = c ? colours[static_cast<std::size_t>(c - figure.curves.data())] : kPalette.size() - 1;
    out << "\\addplot[only marks, mark=" << mark_of(m.label) << ", mark size=1.8pt, color=" << colour_name(colour)
        << ", forget plot]\n  " << coordinates({m.at});
  }
  // The markers' legend in black: their colour is already the curve's.
  for (const auto& label : marker_labels)
    out << "\\addlegendimage{only marks, mark=" << mark_of(label) << ", color=black}\n\\addlegendentry{"
        << tex_escape(label) << "}\n";
  out << "\\end{axis}\n\\end{tikzpicture}\n";
  if (options.standalone) out << "\\end{document}\n";
  return out.str();
}

}  // namespace wb::series
