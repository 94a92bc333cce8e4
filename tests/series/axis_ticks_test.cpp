// Table tests of the chart axes' tick values (series/axis_ticks.hpp).
#include "series/axis_ticks.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace wb::series {
namespace {

TEST(NiceStep, RoundsUpToOneTwoOrFiveTimesAPowerOfTen) {
  struct Case { double raw, step; };
  for (const Case& c : std::vector<Case>{{0.78, 1.0}, {250, 500}, {200, 200}, {0.03, 0.05}, {7, 10},
                                          {1, 1}, {0, 1}, {-3, 1}})
    EXPECT_DOUBLE_EQ(nice_step(c.raw), c.step) << c.raw;
}

TEST(LogTicks, LabelsEveryRangeWithRoundValues) {
  struct Case {
    double lo, hi;
    int max_ticks;
    std::vector<double> ticks;
  };
  const std::vector<Case> cases = {
      // A validation loss between 2 and 5: no power of ten inside, so linear round values.
      {1.95, 5.1, 5, {2, 3, 4, 5}},
      {2.05, 2.95, 5, {2.2, 2.4, 2.6, 2.8}},  // between two multiples of 0.5: a finer step
      {2.01, 2.09, 5, {2.02, 2.04, 2.06, 2.08}},
      {2.04, 3.05, 5, {2.2, 2.4, 2.6, 2.8, 3}},  // 2.5 and 3 alone: at least three where they fit
      // One or two decades: 1, 2, 5 per decade.
      {1.5, 40, 8, {2, 5, 10, 20}},
      {0.9, 110, 8, {1, 2, 5, 10, 20, 50, 100}},
      // Many decades: powers of ten, thinned to fit.
      {1e3, 1e9, 8, {1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}},
      {1, 1e12, 5, {1, 1e3, 1e6, 1e9, 1e12}},
      {0.9, 110, 4, {1, 10, 100}},  // 1-2-5 would be 7 ticks
      // Nothing to draw on a log axis.
      {0, 10, 5, {}},
      {5, 5, 5, {}},
      {-1, 2, 5, {}},
  };
  for (const Case& c : cases) {
    const auto ticks = log_ticks(c.lo, c.hi, c.max_ticks);
    ASSERT_EQ(ticks.size(), c.ticks.size()) << c.lo << ".." << c.hi;
    for (std::size_t i = 0; i < ticks.size(); ++i) EXPECT_NEAR(ticks[i], c.ticks[i], 1e-12 * c.ticks[i]) << c.lo << ".." << c.hi;
  }
}

TEST(LogTicks, MultiplesOfTenthsAreExactForTheirLabels) {
  // 0.1 * 3 is 0.30000000000000004 in binary; the label printed with %g must be "0.3".
  const auto ticks = log_ticks(0.25, 0.65, 5);
  ASSERT_FALSE(ticks.empty());
  for (double t : ticks) EXPECT_EQ(t, std::round(t * 10) / 10) << t;
}

}  // namespace
}  // namespace wb::series
