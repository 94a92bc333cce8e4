// Seeds pooled into a mean with a min/max band (pool_seeds, seed_group), small multiples
// (split_by_group, data_extent), and the CSV rows of a band.
#include <gtest/gtest.h>

#include "series/figure.hpp"
#include "series/figure_export.hpp"
#include "series/run_figure.hpp"

namespace wb::series {
namespace {

Curve line(std::int64_t run, const std::string& group, double offset) {
  Curve c;
  c.run_id = run;
  c.group = group;
  c.label = "run" + std::to_string(run);
  c.points = {{0, 3 + offset}, {1, 2 + offset}, {2, 1 + offset}};
  return c;
}

TEST(SeedGroup, IgnoresNameAndSeedOnly) {
  const std::string a = R"({"name": "e/seed=1", "training": {"seed": 1, "batch_size": 8}})";
  const std::string b = R"({"name": "e/seed=2", "training": {"seed": 2, "batch_size": 8}})";
  const std::string c = R"({"name": "e/seed=1", "training": {"seed": 1, "batch_size": 16}})";
  EXPECT_EQ(seed_group(a), seed_group(b));
  EXPECT_NE(seed_group(a), seed_group(c));
  EXPECT_EQ(seed_group("not json"), "");
}

TEST(PoolSeeds, SameKeyBecomesTheMeanWithAMinMaxBand) {
  Figure f;
  f.curves = {line(1, "epochs=4", 0.0), line(2, "epochs=16", 0.5), line(3, "epochs=4", 0.2), line(4, "epochs=4", 0.4)};
  f.markers = {{"onset", 1, {1, 2}}, {"onset", 2, {1, 2.5}}};
  const Figure pooled = pool_seeds(f, {"a", "b", "a", "a"});
  ASSERT_EQ(pooled.curves.size(), 2u);
  const Curve& mean = pooled.curves[0];  // where its first member was
  EXPECT_EQ(mean.run_id, 0);
  EXPECT_EQ(mean.group, "epochs=4");
  EXPECT_EQ(mean.label, "epochs=4");
  ASSERT_EQ(mean.points.size(), 3u);
  EXPECT_NEAR(mean.points[1].y, 2.2, 1e-12);
  EXPECT_NEAR(mean.band_low[1].y, 2.0, 1e-12);
  EXPECT_NEAR(mean.band_high[1].y, 2.4, 1e-12);
  EXPECT_EQ(pooled.curves[1].run_id, 2);  // alone under its key: unchanged
  EXPECT_TRUE(pooled.curves[1].band_low.empty());
  ASSERT_EQ(pooled.markers.size(), 1u);  // a pooled run's onset is one seed's, not the mean's
  EXPECT_EQ(pooled.markers[0].run_id, 2);
}

TEST(PoolSeeds, EmptyKeysAndDisjointRangesStayApart) {
  Figure f;
  f.curves = {line(1, "", 0.0), line(2, "", 0.1)};
  EXPECT_EQ(pool_seeds(f, {"", ""}).curves.size(), 2u);
  f.curves[1].points = {{5, 1}, {6, 1}};  // no common x range: nothing to average
  EXPECT_EQ(pool_seeds(f, {"k", "k"}).curves.size(), 2u);
}

TEST(SplitByGroup, OnePanelPerGroupInItsColourWithSharedRanges) {
  Figure f;
  f.x_label = "tokens";
  f.curves = {line(1, "epochs=1", 0.0), line(2, "epochs=4", 1.0), line(3, "epochs=1", 0.5), line(4, "", 2.0)};
  f.markers = {{"best", 2, {2, 3}}};
  const auto panels = split_by_group(f, /*shared_axes=*/true);
  ASSERT_EQ(panels.size(), 3u);
  EXPECT_EQ(panels[0].title, "epochs=1");
  EXPECT_EQ(panels[0].curves.size(), 2u);
  EXPECT_EQ(panels[1].first_colour, 1u);
  EXPECT_EQ(panels[1].markers.size(), 1u);
  EXPECT_EQ(panels[2].title, "run4");  // no group: named by the run
  EXPECT_EQ(panels[2].first_colour, 2u);
  for (const auto& p : panels) {
    EXPECT_EQ(p.x_label, "tokens");
    EXPECT_DOUBLE_EQ(p.y_range.lo, 1.0);
    EXPECT_DOUBLE_EQ(p.y_range.hi, 5.0);
  }
  EXPECT_FALSE(split_by_group(f, false)[0].y_range.set());
}

TEST(DataExtent, SkipsNonPositiveValuesOnLogAxes) {
  Figure f;
  f.curves = {line(1, "", -1.5)};  // y: 1.5, 0.5, -0.5
  auto [x, y] = data_extent(f);
  EXPECT_DOUBLE_EQ(y.lo, -0.5);
  f.log_y = true;
  std::tie(x, y) = data_extent(f);
  EXPECT_DOUBLE_EQ(y.lo, 0.5);
  EXPECT_DOUBLE_EQ(x.hi, 1.0);  // the point at x = 2 had y <= 0
}

TEST(ToCsv, ABandIsWrittenAsMeanLowAndHighRows) {
  Figure f;
  f.curves = {line(1, "g", 0.0), line(2, "g", 1.0)};
  const std::string csv = to_csv(pool_seeds(f, {"k", "k"}));
  EXPECT_NE(csv.find(",1,2.5,mean\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",1,2,band_low\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",1,3,band_high\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace wb::series
