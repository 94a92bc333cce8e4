// The time a run has left, from its recent pace: wall time per step over about the last
// `window_s` seconds (evaluations and checkpoint writes included), so that the estimate follows a
// change of pace (another job ended or started on the cores, a resume on other hardware) instead
// of averaging it in from the first step.
#pragma once

#include <cmath>
#include <cstdint>
#include <deque>
#include <utility>

namespace wb {

class RecentPace {
 public:
  explicit RecentPace(double window_s = 30.0) : window_s_(window_s) {}

  // A step and the run's wall time at it; steps come in order.
  void add(std::int64_t step, double wall_s) {
    samples_.emplace_back(step, wall_s);
    // Keep one sample at or before the window's start: the pace spans the whole window.
    while (samples_.size() > 2 && samples_[1].second <= wall_s - window_s_) samples_.pop_front();
  }

  // Seconds to `total_steps` at the recent pace; NaN before two steps apart have been seen.
  double seconds_left(std::int64_t total_steps) const {
    if (samples_.size() < 2) return NAN;
    const auto& [first_step, first_wall] = samples_.front();
    const auto& [last_step, last_wall] = samples_.back();
    if (last_step <= first_step) return NAN;
    const double seconds_per_step = (last_wall - first_wall) / static_cast<double>(last_step - first_step);
    return static_cast<double>(total_steps - last_step) * seconds_per_step;
  }

 private:
  double window_s_;
  std::deque<std::pair<std::int64_t, double>> samples_;  // (step, wall_s), oldest first
};

}  // namespace wb
