// A curve that grows while its run trains, kept ready to draw: each new point goes through the
// debiased EMA (continued, not restarted) and into min/max buckets, so drawing the curve again
// after a few new points costs O(points on screen) rather than O(points in the run). The desktop
// app's comparison keeps one per shown run (figure_from_cache).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "series/series.hpp"

namespace wb::series {

class LiveCurve {
 public:
  struct Options {
    double smoothing = 0.0;    // debiased EMA weight in [0, 1); 0: raw
    std::size_t points = 0;    // LTTB to at most this many points; < 3: all
    // MinMaxBuckets capacity in front of LTTB (0: LTTB sees every point). LTTB then picks from
    // the extremes of `buckets` to 2 x `buckets` buckets: spikes survive, and a new point costs
    // O(buckets) to draw, however long the curve.
    std::size_t buckets = 0;
    bool operator==(const Options&) const = default;
  };

  // Throws std::invalid_argument for a smoothing weight of 1 or more (0 and below: raw).
  explicit LiveCurve(const Options& options);

  // The next point; x must not be below the previous point's (callers sort first).
  void push(const Point& raw);
  std::size_t size() const { return raw_.size(); }

  // The curve as drawn: smoothed when asked, then downsampled. Depends only on the points pushed,
  // not on how they arrived in batches.
  std::vector<Point> points() const;
  // The unsmoothed curve, downsampled the same way, under a smoothed one; empty without smoothing.
  std::vector<Point> raw() const;

 private:
  Options options_;
  std::optional<DebiasedEma> ema_;  // only with smoothing
  MinMaxBuckets raw_;
  MinMaxBuckets smoothed_;
};

}  // namespace wb::series
