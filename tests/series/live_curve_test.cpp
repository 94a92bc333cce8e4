// Curves that grow point by point: MinMaxBuckets against a direct computation of each bucket's
// first/min/max/last, DebiasedEma against debiased_ema, and LiveCurve against the batch pipeline
// it replaces on screen (EMA over every point, then LTTB).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "series/live_curve.hpp"
#include "series/series.hpp"

namespace wb::series {
namespace {

// A noisy falling curve with an occasional NaN (a diverged evaluation) and a spike.
std::vector<Point> noisy(std::size_t n, unsigned seed = 7) {
  std::mt19937 random(seed);
  std::normal_distribution<double> noise(0.0, 0.05);
  std::vector<Point> points;
  for (std::size_t i = 0; i < n; ++i) {
    double y = 2.0 + 3.0 / std::sqrt(1.0 + static_cast<double>(i)) + noise(random);
    if (i % 97 == 13) y = std::numeric_limits<double>::quiet_NaN();
    if (i == n / 3) y = 50.0;
    points.push_back({static_cast<double>(i) * 10.0, y});
  }
  return points;
}

// What the buckets of `width` points must keep, computed from the whole input at once with
// min_max_columns' rules (earliest extreme wins, non-finite values are never extremes).
std::vector<Point> expected_buckets(const std::vector<Point>& points, std::size_t width) {
  std::vector<Point> out;
  for (std::size_t begin = 0; begin < points.size(); begin += width) {
    const std::size_t end = std::min(points.size(), begin + width);
    std::size_t low = begin, high = begin;
    for (std::size_t i = begin; i < end; ++i) {
      if (!std::isfinite(points[i].y)) continue;
      if (!std::isfinite(points[low].y) || points[i].y < points[low].y) low = i;
      if (!std::isfinite(points[high].y) || points[i].y > points[high].y) high = i;
    }
    std::vector<std::size_t> keep = {begin, low, high, end - 1};
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    for (auto i : keep) out.push_back(points[i]);
  }
  return out;
}

// Points compared bit for bit, NaN equal to NaN.
void expect_same(const std::vector<Point>& a, const std::vector<Point>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].x, b[i].x) << i;
    if (std::isnan(a[i].y)) EXPECT_TRUE(std::isnan(b[i].y)) << i;
    else EXPECT_EQ(a[i].y, b[i].y) << i;
  }
}

TEST(MinMaxBuckets, EachBucketKeepsItsFirstLowestHighestAndLastPoint) {
  const auto points = noisy(5000);
  MinMaxBuckets buckets(16);
  for (std::size_t i = 0; i < points.size(); ++i) {
    buckets.push(points[i]);
    if (i == 40 || i == 777 || i + 1 == points.size()) {  // at any moment, not only at the end
      const std::vector<Point> seen(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(i + 1));
      expect_same(buckets.points(), expected_buckets(seen, buckets.bucket_width()));
    }
  }
  EXPECT_EQ(buckets.size(), 5000u);
  // 5000 points in 16 to 32 full buckets: 256 wide (19 full + 1 open).
  EXPECT_EQ(buckets.bucket_width(), 256u);
  EXPECT_LE(buckets.points().size(), 4u * (2 * 16 + 1));
  bool spike = false;
  for (const auto& p : buckets.points()) spike = spike || p.y == 50.0;
  EXPECT_TRUE(spike) << "a bucket's extremes are kept";
}

TEST(MinMaxBuckets, LosslessWhileBucketsAreAtMostTwoPointsWideAndWithoutCapacity) {
  const auto points = noisy(39);  // 20 full buckets of 1 merge into 10 of 2; 40 would make 4
  MinMaxBuckets narrow(10), unlimited(0);
  for (const auto& p : points) narrow.push(p), unlimited.push(p);
  EXPECT_EQ(narrow.bucket_width(), 2u);
  expect_same(narrow.points(), points);
  expect_same(unlimited.points(), points);
}

TEST(DebiasedEmaStream, GivesExactlyTheBatchSmoothing) {
  const auto points = noisy(300);
  DebiasedEma ema(0.9);
  std::vector<Point> streamed;
  for (const auto& p : points) streamed.push_back(ema.next(p));
  expect_same(streamed, debiased_ema(points, 0.9));
  EXPECT_THROW(DebiasedEma(1.0), std::invalid_argument);
}

TEST(LiveCurve, WithoutBucketsIsLttbOfTheSmoothedAndTheRawCurve) {
  const auto points = noisy(2000);
  LiveCurve curve({0.8, 100, 0});
  for (const auto& p : points) curve.push(p);
  expect_same(curve.points(), lttb(debiased_ema(points, 0.8), 100));
  expect_same(curve.raw(), lttb(points, 100));

  LiveCurve raw({0.0, 100, 0});
  for (const auto& p : points) raw.push(p);
  expect_same(raw.points(), lttb(points, 100));
  EXPECT_TRUE(raw.raw().empty()) << "no shadow without smoothing";
}

TEST(LiveCurve, WithBucketsIsLttbOfTheBucketsAndKeepsTheSpike) {
  const auto points = noisy(20000);
  LiveCurve curve({0.0, 200, 100});
  MinMaxBuckets buckets(100);
  for (const auto& p : points) curve.push(p), buckets.push(p);
  expect_same(curve.points(), lttb(buckets.points(), 200));
  EXPECT_EQ(curve.points().size(), 200u);
  EXPECT_EQ(curve.points().front().x, points.front().x);
  EXPECT_EQ(curve.points().back().x, points.back().x);
  bool spike = false;
  for (const auto& p : curve.points()) spike = spike || p.y == 50.0;
  EXPECT_TRUE(spike);
}

}  // namespace
}  // namespace wb::series
