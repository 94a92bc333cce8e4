// A comparison figure as data: curves with labels and groups, axes, and the colour-blind-safe
// palette they are drawn in. The desktop app renders it with Qt; `workbench-cli export` writes it
// as CSV or as a pgfplots/TikZ .tex file (figure_export.hpp) without Qt.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <utility>
#include <string>
#include <vector>

#include "series/series.hpp"

namespace wb::series {

// What a curve is plotted against.
enum class XAxis { kSteps, kTokens, kEpochs, kWallTime };
// "steps", "tokens", "epochs", "wall" (parse throws std::invalid_argument naming the allowed ones).
std::string x_axis_name(XAxis axis);
XAxis x_axis_from_name(const std::string& name);
std::string x_axis_label(XAxis axis);  // "training tokens", "epochs", ...

struct Curve {
  std::string label;         // legend text, e.g. "epochs=16" or the run name
  std::string group;         // factor level shared by curves drawn in one colour ("" = own colour)
  std::int64_t run_id = 0;   // 0 when not one run (e.g. a mean over seeds)
  std::vector<Point> points;
  std::vector<Point> raw;    // unsmoothed points when `points` is smoothed (drawn as a faint shadow)
  // A mean over seeds (pool_seeds): the lowest and highest of its runs at each x of `points`,
  // drawn as a faint band around the mean; empty for a single run.
  std::vector<Point> band_low;
  std::vector<Point> band_high;
};

struct Marker {
  std::string label;  // "onset", "best"
  std::int64_t run_id = 0;
  Point at;
};

// A fixed axis range in data units; unset (NaN) lets the chart fit the data.
struct AxisRange {
  double lo = std::numeric_limits<double>::quiet_NaN();
  double hi = std::numeric_limits<double>::quiet_NaN();
  bool set() const { return lo <= hi; }  // false while either is NaN
  void add(double v);                     // widens to include v
  void add(const AxisRange& other);       // widens to include other (when set)
  bool operator==(const AxisRange&) const = default;
};

struct Figure {
  std::string title;
  std::string x_label;
  std::string y_label;
  bool log_x = false;
  bool log_y = false;
  // Fixed ranges, e.g. the same axes on every panel of small multiples; unset: the data's.
  AxisRange x_range;
  AxisRange y_range;
  // Palette index of the first colour handed out (a small-multiples panel keeps the colour its
  // curves have in the overlaid figure).
  std::size_t first_colour = 0;
  std::vector<Curve> curves;
  std::vector<Marker> markers;
};

// Okabe & Ito 2008, the colour-blind-safe palette (black last: it reads as "axis"), as 0xRRGGBB.
inline constexpr std::array<std::uint32_t, 8> kPalette = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                                          0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
// The palette index of each curve: one colour per distinct group (in first-seen order, from
// first_colour), curves without a group get their own; wraps after 8.
std::vector<std::size_t> colour_indices(const Figure& figure);

// Runs that differ only in their seed as one curve: curves with the same non-empty key
// (keys[i] is curve i's) become their mean with a min/max band (mean_band, where all of them have
// data), in the first one's place, named and grouped like it, without run id, raw shadow or
// markers. Curves alone under their key, or whose x ranges do not overlap, stay as they are.
Figure pool_seeds(const Figure& figure, const std::vector<std::string>& keys);

// What a figure draws: the extent of its finite points (curves, raw shadows, markers), positive
// ones only on a log axis. Unset when it draws nothing.
std::pair<AxisRange, AxisRange> data_extent(const Figure& figure);

// Small multiples: one figure per group (a curve without a group is its own), in first-seen
// order, titled by the group, each with its curves and their runs' markers, in the colour its
// curves have in `figure`. With `shared_axes`, every panel gets the union of the panels' extents
// as fixed ranges, so the panels compare by eye.
std::vector<Figure> split_by_group(const Figure& figure, bool shared_axes);

}  // namespace wb::series
