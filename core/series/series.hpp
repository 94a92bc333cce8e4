// Curves as the views and exports draw them: points, downsampling for the screen (LTTB, min/max
// per pixel column), TensorBoard's debiased EMA smoothing, and mean with a min/max band across
// seeds. Pure functions, no Qt and no Torch: the desktop app, `workbench-cli export` and the
// benchmark all use them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wb::series {

struct Point {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const Point&) const = default;
};

// Largest-Triangle-Three-Buckets (Steinarsson 2013): at most `threshold` points that keep the
// curve's shape; first and last point always kept. Input sorted by x. threshold < 3 or >= size:
// the input unchanged.
std::vector<Point> lttb(const std::vector<Point>& points, std::size_t threshold);

// Min/max per pixel column: the x range split into `columns` equal columns; each non-empty column
// contributes its first, min, max and last point (in x order, duplicates dropped), so spikes and
// the envelope survive exactly. Input sorted by x.
std::vector<Point> min_max_columns(const std::vector<Point>& points, std::size_t columns);

// TensorBoard's smoothing: an exponential moving average whose start-up bias is divided out
// (debiased), so the first points are not pulled toward 0. weight in [0, 1): 0 = raw. Non-finite
// y values are passed through and do not enter the average.
std::vector<Point> debiased_ema(const std::vector<Point>& points, double weight);

// Mean and min/max of several curves (e.g. seeds) on the union of their x values within the
// range all curves cover, each curve linearly interpolated.
struct Band {
  std::vector<Point> mean;
  std::vector<Point> low;
  std::vector<Point> high;
};
Band mean_band(const std::vector<std::vector<Point>>& curves);

}  // namespace wb::series
