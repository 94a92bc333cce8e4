// Curve arithmetic for the views and exports: LTTB and min/max-per-column downsampling, TensorBoard's
// debiased EMA, and the mean/min/max band of several curves (series.hpp says what each keeps).
#include "series/series.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace wb::series {
namespace {

// First, min, max and last of a column or bucket, by input position: sorted so the output stays in
// x order, each point once.
template <typename PointAt>
void append_extremes(std::array<std::size_t, 4> keep, PointAt point_at, std::vector<Point>& out) {
  std::sort(keep.begin(), keep.end());
  for (std::size_t k = 0; k < keep.size(); ++k)
    if (k == 0 || keep[k] != keep[k - 1]) out.push_back(point_at(keep[k]));
}

}  // namespace

std::vector<Point> lttb(const std::vector<Point>& points, std::size_t threshold) {
  const std::size_t n = points.size();
  if (threshold < 3 || threshold >= n) return points;

  // Steinarsson 2013, "Downsampling Time Series for Visual Representation", section 4.2: the
  // points between the ends are cut into threshold - 2 buckets; from each bucket the point is kept
  // that makes the largest triangle with the point kept before it and the mean of the next bucket.
  std::vector<Point> sampled;
  sampled.reserve(threshold);
  sampled.push_back(points.front());
  // Bucket b starts at floor(b (n - 2) / (threshold - 2)) + 1, in integers so that no rounding
  // moves a bucket edge; bucket threshold - 2 is the last point alone.
  const auto bucket_start = [&](std::size_t bucket) {
    return std::min(n - 1, bucket * (n - 2) / (threshold - 2) + 1);
  };
  std::size_t previous = 0;  // index of the point kept last
  for (std::size_t bucket = 0; bucket + 2 < threshold; ++bucket) {
    // The next bucket's mean; for the last bucket that is the last point itself.
    const std::size_t next_begin = bucket_start(bucket + 1);
    const std::size_t next_end = std::max(next_begin + 1, bucket_start(bucket + 2));
    double mean_x = 0.0, mean_y = 0.0;
    for (std::size_t i = next_begin; i < next_end; ++i) {
      mean_x += points[i].x;
      mean_y += points[i].y;
    }
    mean_x /= static_cast<double>(next_end - next_begin);
    mean_y /= static_cast<double>(next_end - next_begin);

    const Point& a = points[previous];
    std::size_t best = bucket_start(bucket);
    double best_area = -1.0;
    for (std::size_t i = bucket_start(bucket); i < bucket_start(bucket + 1); ++i) {
      // Twice the triangle's area; the factor 1/2 does not change which point wins.
      const double area = std::abs((a.x - mean_x) * (points[i].y - a.y) - (a.x - points[i].x) * (mean_y - a.y));
      if (area > best_area) {
        best_area = area;
        best = i;
      }
    }
    sampled.push_back(points[best]);
    previous = best;
  }
  sampled.push_back(points.back());
  return sampled;
}

std::vector<Point> min_max_columns(const std::vector<Point>& points, std::size_t columns) {
  if (columns == 0 || points.size() <= 2) return points;
  const double x0 = points.front().x;
  const double width = (points.back().x - x0) / static_cast<double>(columns);
  const auto column_of = [&](double x) {
    if (!(width > 0.0)) return std::size_t{0};
    const double c = std::floor((x - x0) / width);
    return c <= 0.0 ? std::size_t{0} : std::min(columns - 1, static_cast<std::size_t>(c));
  };

  std::vector<Point> out;
  std::size_t begin = 0;
  while (begin < points.size()) {
    const std::size_t column = column_of(points[begin].x);
    std::size_t end = begin + 1;
    while (end < points.size() && column_of(points[end].x) == column) ++end;
    std::size_t low = begin, high = begin;
    for (std::size_t i = begin; i < end; ++i) {
      if (!std::isfinite(points[i].y)) continue;
      if (!std::isfinite(points[low].y) || points[i].y < points[low].y) low = i;
      if (!std::isfinite(points[high].y) || points[i].y > points[high].y) high = i;
    }
    append_extremes({begin, low, high, end - 1}, [&](std::size_t i) { return points[i]; }, out);
    begin = end;
  }
  return out;
}

DebiasedEma::DebiasedEma(double weight) : weight_(weight) {
  if (!(weight >= 0.0 && weight < 1.0))
    throw std::invalid_argument("smoothing weight " + std::to_string(weight) + " is out of range; allowed: 0 to <1");
}

Point DebiasedEma::next(const Point& raw) {
  // TensorBoard's scalar smoothing (tensorboard/components/vz_line_chart2/line-chart.ts): the
  // average starts at 0, so after k points it carries weight^k of that 0; dividing by
  // 1 - weight^k removes it, and the first smoothed point equals the first raw one.
  if (!std::isfinite(raw.y)) return raw;
  last_ = last_ * weight_ + (1.0 - weight_) * raw.y;
  ++accumulated_;
  const double debias = 1.0 - std::pow(weight_, accumulated_);
  return {raw.x, last_ / debias};
}

void MinMaxBuckets::add(Bucket& bucket, const Point& point, std::size_t index, bool opens) {
  if (opens) {
    bucket = Bucket{index, index, index, index, point, point, point, point, std::isfinite(point.y)};
    return;
  }
  bucket.last = index;
  bucket.last_point = point;
  if (!std::isfinite(point.y)) return;
  // Strict comparisons: the earliest of equal extremes stays, as in min_max_columns.
  if (!bucket.has_extremes || point.y < bucket.low_point.y) bucket.low = index, bucket.low_point = point;
  if (!bucket.has_extremes || point.y > bucket.high_point.y) bucket.high = index, bucket.high_point = point;
  bucket.has_extremes = true;
}

MinMaxBuckets::Bucket MinMaxBuckets::merged(const Bucket& left, const Bucket& right) {
  Bucket out = left;
  out.last = right.last;
  out.last_point = right.last_point;
  if (!right.has_extremes) return out;
  // The left bucket's extremes win ties: they come first, as a single pass over both would keep.
  if (!left.has_extremes || right.low_point.y < left.low_point.y) out.low = right.low, out.low_point = right.low_point;
  if (!left.has_extremes || right.high_point.y > left.high_point.y)
    out.high = right.high, out.high_point = right.high_point;
  out.has_extremes = true;
  return out;
}

void MinMaxBuckets::append_points(const Bucket& bucket, std::vector<Point>& out) {
  const auto point_at = [&](std::size_t index) {
    if (index == bucket.first) return bucket.first_point;
    if (index == bucket.low) return bucket.low_point;
    if (index == bucket.high) return bucket.high_point;
    return bucket.last_point;
  };
  append_extremes({bucket.first, bucket.low, bucket.high, bucket.last}, point_at, out);
}

void MinMaxBuckets::push(const Point& point) {
  const std::size_t index = count_++;
  if (capacity_ == 0) {
    every_point_.push_back(point);
    return;
  }
  add(open_, point, index, open_size_ == 0);
  if (++open_size_ < width_) return;
  full_.push_back(open_);
  open_size_ = 0;
  if (full_.size() < 2 * capacity_) {
    append_points(full_.back(), full_points_);
    return;
  }
  // Twice as wide: the open bucket is empty here, so the next one starts on the new grid.
  for (std::size_t i = 0; i < capacity_; ++i) full_[i] = merged(full_[2 * i], full_[2 * i + 1]);
  full_.resize(capacity_);
  width_ *= 2;
  full_points_.clear();
  for (const auto& bucket : full_) append_points(bucket, full_points_);
}

std::vector<Point> MinMaxBuckets::points() const {
  if (capacity_ == 0) return every_point_;
  std::vector<Point> out;
  out.reserve(full_points_.size() + 4);
  out.insert(out.end(), full_points_.begin(), full_points_.end());
  if (open_size_ > 0) append_points(open_, out);
  return out;
}

std::vector<Point> debiased_ema(const std::vector<Point>& points, double weight) {
  DebiasedEma ema(weight);
  std::vector<Point> out;
  out.reserve(points.size());
  for (const auto& p : points) out.push_back(ema.next(p));
  return out;
}

namespace {

// y of a curve sorted by x at x inside its range, linearly interpolated.
double interpolate(const std::vector<Point>& curve, double x) {
  const auto upper = std::upper_bound(curve.begin(), curve.end(), x, [](double v, const Point& p) { return v < p.x; });
  if (upper == curve.begin()) return curve.front().y;
  if (upper == curve.end()) return curve.back().y;
  const Point& a = *(upper - 1);
  const Point& b = *upper;
  if (a.x == x || b.x == a.x) return a.y;
  return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
}

}  // namespace

Band mean_band(const std::vector<std::vector<Point>>& curves) {
  Band band;
  if (curves.empty()) return band;
  // Only where every curve has data: outside it the mean would jump as curves end.
  double from = curves.front().empty() ? 0.0 : curves.front().front().x;
  double to = curves.front().empty() ? 0.0 : curves.front().back().x;
  for (const auto& c : curves) {
    if (c.empty()) return band;
    from = std::max(from, c.front().x);
    to = std::min(to, c.back().x);
  }
  if (from > to) return band;

  std::vector<double> xs;
  for (const auto& c : curves)
    for (const auto& p : c)
      if (p.x >= from && p.x <= to) xs.push_back(p.x);
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

  for (const double x : xs) {
    double sum = 0.0, low = 0.0, high = 0.0;
    for (std::size_t i = 0; i < curves.size(); ++i) {
      const double y = interpolate(curves[i], x);
      sum += y;
      low = i == 0 ? y : std::min(low, y);
      high = i == 0 ? y : std::max(high, y);
    }
    band.mean.push_back({x, sum / static_cast<double>(curves.size())});
    band.low.push_back({x, low});
    band.high.push_back({x, high});
  }
  return band;
}

}  // namespace wb::series
