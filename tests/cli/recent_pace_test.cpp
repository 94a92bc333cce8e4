// RecentPace: the time left follows the pace of the last window, not the average since the start.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "cli/recent_pace.hpp"

namespace wb {
namespace {

struct Segment {
  double seconds;         // how long this pace lasted
  double steps_per_s;
};

struct PaceCase {
  const char* name;
  std::vector<Segment> segments;  // sampled every 0.5 s
  std::int64_t total_steps;
  double expected_left_s;         // NaN: no estimate yet
};

TEST(RecentPace, FollowsThePaceOfTheLastWindow) {
  const std::vector<PaceCase> cases = {
      {"steady 10 steps/s, 100 of 200 done", {{10, 10}}, 200, 10.0},
      {"1 step/s for 60 s, then 10 steps/s for 30 s: the last 30 s count", {{60, 1}, {30, 10}}, 460, 10.0},
      {"10 steps/s, then 1 step/s for 40 s", {{20, 10}, {40, 1}}, 300, 60.0},
      {"a single sample", {{0, 1}}, 100, NAN},
  };
  for (const auto& c : cases) {
    RecentPace pace(30.0);
    double wall = 0.0, step = 0.0;
    pace.add(0, 0.0);
    for (const auto& segment : c.segments)
      for (double t = 0.5; t <= segment.seconds + 1e-9; t += 0.5) {
        wall += 0.5;
        step += 0.5 * segment.steps_per_s;
        pace.add(static_cast<std::int64_t>(std::llround(step)), wall);
      }
    const double left = pace.seconds_left(c.total_steps);
    if (std::isnan(c.expected_left_s)) EXPECT_TRUE(std::isnan(left)) << c.name << ": " << left;
    else EXPECT_NEAR(left, c.expected_left_s, 0.05 * c.expected_left_s) << c.name;
  }
}

TEST(RecentPace, NoStepsForwardGivesNoEstimate) {
  RecentPace pace;
  pace.add(5, 1.0);
  pace.add(5, 2.0);  // an evaluation between two records of the same step
  EXPECT_TRUE(std::isnan(pace.seconds_left(10)));
  pace.add(6, 3.0);
  EXPECT_DOUBLE_EQ(pace.seconds_left(10), 4 * 2.0);
}

}  // namespace
}  // namespace wb
