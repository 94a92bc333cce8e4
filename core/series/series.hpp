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

// Min/max per bucket of consecutive points, kept up to date as points arrive (in x order): each
// bucket keeps its first, lowest, highest and last point, as min_max_columns does per column. Buckets
// start one point wide and double (pairs merged) whenever 2 x capacity of them are full, so there
// are never more than 2 x capacity + 1 and a push costs O(1) amortized. The result depends only on
// the points, not on how they were pushed in batches. While buckets are at most 2 points wide,
// points() is the input unchanged; capacity 0 keeps every point.
class MinMaxBuckets {
 public:
  explicit MinMaxBuckets(std::size_t capacity = 0) : capacity_(capacity) {}
  void push(const Point& point);
  std::vector<Point> points() const;  // in input order
  std::size_t size() const { return count_; }  // points pushed
  std::size_t bucket_width() const { return width_; }

 private:
  struct Bucket {
    // Input positions of the kept points: they order the output and break ties (earliest wins).
    std::size_t first = 0, low = 0, high = 0, last = 0;
    Point first_point, low_point, high_point, last_point;
    bool has_extremes = false;  // low and high are set once a finite y has been seen
  };
  static void add(Bucket& bucket, const Point& point, std::size_t index, bool opens);
  static Bucket merged(const Bucket& left, const Bucket& right);
  static void append_points(const Bucket& bucket, std::vector<Point>& out);

  std::size_t capacity_;
  std::size_t width_ = 1;
  std::size_t count_ = 0;
  std::vector<Bucket> full_;
  std::vector<Point> full_points_;  // the full buckets' kept points, so points() need not redo them
  Bucket open_;
  std::size_t open_size_ = 0;
  std::vector<Point> every_point_;  // capacity 0
};

// TensorBoard's smoothing: an exponential moving average whose start-up bias is divided out
// (debiased), so the first points are not pulled toward 0. weight in [0, 1): 0 = raw. Non-finite
// y values are passed through and do not enter the average.
std::vector<Point> debiased_ema(const std::vector<Point>& points, double weight);

// The same average one point at a time, for curves that grow: feeding a curve's points in order
// gives exactly debiased_ema's points. Throws std::invalid_argument for a weight outside [0, 1).
class DebiasedEma {
 public:
  explicit DebiasedEma(double weight);
  Point next(const Point& raw);

 private:
  double weight_;
  double last_ = 0.0;
  int accumulated_ = 0;
};

// Mean and min/max of several curves (e.g. seeds) on the union of their x values within the
// range all curves cover, each curve linearly interpolated.
struct Band {
  std::vector<Point> mean;
  std::vector<Point> low;
  std::vector<Point> high;
};
Band mean_band(const std::vector<std::vector<Point>>& curves);

}  // namespace wb::series
