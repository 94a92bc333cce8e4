// LiveCurve: a growing curve smoothed and bucketed point by point, downsampled (LTTB) on demand.
#include "series/live_curve.hpp"

namespace wb::series {

LiveCurve::LiveCurve(const Options& options)
    : options_(options), raw_(options.buckets), smoothed_(options.smoothing > 0.0 ? options.buckets : 0) {
  if (options.smoothing > 0.0) ema_.emplace(options.smoothing);  // throws for 1 and above
}

void LiveCurve::push(const Point& raw) {
  raw_.push(raw);
  // Smoothed over every point, then bucketed on its own: the EMA must see all the data.
  if (options_.smoothing > 0.0) smoothed_.push(ema_->next(raw));
}

std::vector<Point> LiveCurve::points() const {
  return lttb(options_.smoothing > 0.0 ? smoothed_.points() : raw_.points(), options_.points);
}

std::vector<Point> LiveCurve::raw() const {
  if (!(options_.smoothing > 0.0)) return {};
  return lttb(raw_.points(), options_.points);
}

}  // namespace wb::series
