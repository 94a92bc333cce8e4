// Curve arithmetic against hand-computed values: LTTB (Steinarsson 2013), min/max per column,
// TensorBoard's debiased EMA, the mean/min/max band, and the palette index of each curve.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "series/figure.hpp"
#include "series/series.hpp"

namespace wb::series {
namespace {

std::vector<Point> line(std::size_t n, double slope = 1.0) {
  std::vector<Point> points;
  for (std::size_t i = 0; i < n; ++i) points.push_back({static_cast<double>(i), slope * static_cast<double>(i)});
  return points;
}

TEST(Lttb, HandComputedSixPointsToFour) {
  // n = 6, threshold 4: two buckets of two points, {1,2} and {3,4}.
  // Bucket 1: a = (0,0), next mean (3.5, 2.5); doubled areas: (1,1) -> 1, (2,0) -> 5: keep (2,0).
  // Bucket 2: a = (2,0), next = last point (5,0); (3,5) -> 15, (4,0) -> 0: keep (3,5).
  const std::vector<Point> points = {{0, 0}, {1, 1}, {2, 0}, {3, 5}, {4, 0}, {5, 0}};
  const std::vector<Point> expected = {{0, 0}, {2, 0}, {3, 5}, {5, 0}};
  EXPECT_EQ(lttb(points, 4), expected);
}

TEST(Lttb, KeepsBothEndsAndRespectsTheThreshold) {
  const auto points = line(1000, 0.5);
  for (const std::size_t threshold : {3u, 4u, 10u, 100u, 999u}) {
    const auto out = lttb(points, threshold);
    ASSERT_EQ(out.size(), threshold) << threshold;
    EXPECT_EQ(out.front(), points.front());
    EXPECT_EQ(out.back(), points.back());
    for (std::size_t i = 1; i < out.size(); ++i) EXPECT_LT(out[i - 1].x, out[i].x) << "x order, no repeats";
  }
}

TEST(Lttb, SmallThresholdsOrShortInputsReturnTheInput) {
  const auto points = line(10);
  struct Case { std::size_t threshold; };
  for (const auto c : {Case{0}, Case{1}, Case{2}, Case{10}, Case{50}}) EXPECT_EQ(lttb(points, c.threshold), points);
  EXPECT_TRUE(lttb({}, 5).empty());
}

TEST(Lttb, ASpikeSurvives) {
  auto points = line(10000, 0.0);
  points[4321].y = 100.0;  // a loss spike on a flat curve
  const auto out = lttb(points, 50);
  bool spike = false;
  for (const auto& p : out) spike = spike || (p.x == 4321.0 && p.y == 100.0);
  EXPECT_TRUE(spike);
}

TEST(MinMaxColumns, KeepsFirstMinMaxLastOfEachColumnExactly) {
  // x 0..9 in 2 columns of width 4.5: {0..4} and {5..9}.
  const std::vector<Point> points = {{0, 5}, {1, 9}, {2, 1}, {3, 4}, {4, 3},
                                     {5, 2}, {6, 2}, {7, 8}, {8, 0}, {9, 6}};
  const std::vector<Point> expected = {{0, 5}, {1, 9}, {2, 1}, {4, 3},   // first, max, min, last
                                       {5, 2}, {7, 8}, {8, 0}, {9, 6}};  // first, max, min, last
  EXPECT_EQ(min_max_columns(points, 2), expected);
}

TEST(MinMaxColumns, DuplicatesDroppedAndTheEnvelopeKept) {
  // One point per column: nothing to drop but nothing doubled either.
  EXPECT_EQ(min_max_columns(line(5), 5), line(5));
  // Many columns: every point stays.
  EXPECT_EQ(min_max_columns(line(5), 100), line(5));
  // Every column's min and max survive, so the band of the output equals that of the input.
  std::vector<Point> noisy;
  for (int i = 0; i < 5000; ++i) noisy.push_back({i * 0.1, std::sin(i * 0.37) * (1 + i % 7)});
  const auto out = min_max_columns(noisy, 40);
  EXPECT_LE(out.size(), 160u);
  double lo = 1e9, hi = -1e9;
  for (const auto& p : out) lo = std::min(lo, p.y), hi = std::max(hi, p.y);
  double want_lo = 1e9, want_hi = -1e9;
  for (const auto& p : noisy) want_lo = std::min(want_lo, p.y), want_hi = std::max(want_hi, p.y);
  EXPECT_EQ(lo, want_lo);
  EXPECT_EQ(hi, want_hi);
}

TEST(DebiasedEma, HandComputedAtWeightPointSix) {
  // last = 0.4, 1.04, 1.824; debias = 0.4, 0.64, 0.784.
  struct Case { std::size_t index; double smoothed; };
  const auto out = debiased_ema({{0, 1}, {1, 2}, {2, 3}}, 0.6);
  ASSERT_EQ(out.size(), 3u);
  for (const auto c : {Case{0, 1.0}, Case{1, 1.625}, Case{2, 1.824 / 0.784}}) {
    EXPECT_NEAR(out[c.index].y, c.smoothed, 1e-12) << c.index;
    EXPECT_EQ(out[c.index].x, static_cast<double>(c.index));
  }
}

TEST(DebiasedEma, WeightZeroIsRaw) {
  const std::vector<Point> points = {{0, 3}, {1, -2}, {2, 7.5}};
  EXPECT_EQ(debiased_ema(points, 0.0), points);
}

TEST(DebiasedEma, NonFiniteValuesPassThroughAndDoNotEnterTheAverage) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto out = debiased_ema({{0, 1}, {1, nan}, {2, 2}}, 0.6);
  EXPECT_EQ(out[0].y, 1.0);
  EXPECT_TRUE(std::isnan(out[1].y));
  EXPECT_NEAR(out[2].y, 1.625, 1e-12) << "as if the NaN were not there";
}

TEST(DebiasedEma, WeightOutOfRangeThrows) {
  EXPECT_THROW(debiased_ema({{0, 1}}, 1.0), std::invalid_argument);
  EXPECT_THROW(debiased_ema({{0, 1}}, -0.1), std::invalid_argument);
}

TEST(MeanBand, TwoOffsetLinesOnTheUnionOfTheirXsInTheCommonRange) {
  const std::vector<Point> a = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};             // y = x
  const std::vector<Point> b = {{0.5, 2.5}, {1.5, 3.5}, {2.5, 4.5}, {3.5, 5.5}};  // y = x + 2
  const auto band = mean_band({a, b});
  const std::vector<double> xs = {0.5, 1, 1.5, 2, 2.5, 3};
  ASSERT_EQ(band.mean.size(), xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_EQ(band.mean[i].x, xs[i]);
    EXPECT_DOUBLE_EQ(band.mean[i].y, xs[i] + 1);
    EXPECT_DOUBLE_EQ(band.low[i].y, xs[i]);
    EXPECT_DOUBLE_EQ(band.high[i].y, xs[i] + 2);
  }
}

TEST(MeanBand, NoCommonRangeOrNoCurvesIsEmpty) {
  EXPECT_TRUE(mean_band({}).mean.empty());
  EXPECT_TRUE(mean_band({{{0, 1}, {1, 1}}, {{2, 1}, {3, 1}}}).mean.empty());
  EXPECT_TRUE(mean_band({{{0, 1}}, {}}).mean.empty());
}

TEST(ColourIndices, OneColourPerGroupInFirstSeenOrderAndOwnColoursForUngrouped) {
  Figure figure;
  for (const char* group : {"epochs=4", "epochs=1", "epochs=4", "", "epochs=1", ""})
    figure.curves.push_back({"c", group, 0, {}, {}, {}, {}});
  const std::vector<std::size_t> expected = {0, 1, 0, 2, 1, 3};
  EXPECT_EQ(colour_indices(figure), expected);
}

TEST(ColourIndices, WrapAfterThePaletteSize) {
  Figure figure;
  for (int i = 0; i < 10; ++i)
    figure.curves.push_back({"c", "g" + std::to_string(i), 0, {}, {}, {}, {}});
  const auto indices = colour_indices(figure);
  EXPECT_EQ(indices[7], 7u);
  EXPECT_EQ(indices[8], 0u);
  EXPECT_EQ(indices[9], 1u);
}

TEST(XAxis, NamesRoundTripAndUnknownNamesListTheAllowedOnes) {
  for (const auto axis : {XAxis::kSteps, XAxis::kTokens, XAxis::kEpochs, XAxis::kWallTime})
    EXPECT_EQ(x_axis_from_name(x_axis_name(axis)), axis);
  EXPECT_EQ(x_axis_label(XAxis::kTokens), "training tokens");
  try {
    x_axis_from_name("time");
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("steps, tokens, epochs, wall"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace wb::series
