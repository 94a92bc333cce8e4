// The comparison view's incremental path: MetricCache reads only new rows of live runs, reads a
// resumed (cut back) run again, forgets runs no longer shown; and figure_from_cache with a memo,
// after any mix of appends, resumes and control changes, gives exactly the figure a fresh read
// gives.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "series/metric_cache.hpp"
#include "series/run_figure.hpp"
#include "spec/run_spec.hpp"

namespace wb::series {
namespace {

class MetricCacheTest : public ::testing::Test {
 protected:
  std::int64_t add_run(double epochs) {
    RunSpec spec;
    spec.name = "sweep/epochs=" + std::to_string(static_cast<int>(epochs)) + "-" + std::to_string(next_name++);
    spec.data.epochs = epochs;
    const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
    store.set_run_status(id, "running");
    return id;
  }
  // Evaluations at steps 10 x (first, last]; wall time restarts at `wall_from` (a resume).
  void evaluate(std::int64_t run, int first, int last, double wall_from = 0.0, double offset = 0.0) {
    std::vector<MetricRow> rows;
    for (int i = first + 1; i <= last; ++i) {
      const std::int64_t step = i * 10;
      const double loss = 2.0 + 3.0 / std::sqrt(i) + 0.05 * std::sin(i * 1.7) + offset + (i == 37 ? 4.0 : 0.0);
      rows.push_back({step, step * 100, step / 200.0, kValidationLoss, loss, wall_from + i * 0.5});
      rows.push_back({step, step * 100, step / 200.0, "train/loss", loss - 0.3, wall_from + i * 0.5});
    }
    store.append_metrics(run, rows);
  }
  std::vector<MetricPoint> stored(std::int64_t run) const { return store.metric_points(run, kValidationLoss); }

  test::TempDir dir;
  RunStore store = RunStore::open(dir / "runs.db");
  std::int64_t experiment = store.create_experiment("sweep", "{}");
  int next_name = 0;
};

void expect_same_points(const std::vector<Point>& a, const std::vector<Point>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[i]) << what << " point " << i;
}

void expect_same_figure(const Figure& a, const Figure& b) {
  EXPECT_EQ(a.x_label, b.x_label);
  EXPECT_EQ(a.y_label, b.y_label);
  ASSERT_EQ(a.curves.size(), b.curves.size());
  for (std::size_t i = 0; i < a.curves.size(); ++i) {
    EXPECT_EQ(a.curves[i].label, b.curves[i].label);
    EXPECT_EQ(a.curves[i].group, b.curves[i].group);
    EXPECT_EQ(a.curves[i].run_id, b.curves[i].run_id);
    expect_same_points(a.curves[i].points, b.curves[i].points, a.curves[i].label);
    expect_same_points(a.curves[i].raw, b.curves[i].raw, a.curves[i].label + " raw");
  }
  ASSERT_EQ(a.markers.size(), b.markers.size());
  for (std::size_t i = 0; i < a.markers.size(); ++i) {
    EXPECT_EQ(a.markers[i].label, b.markers[i].label);
    EXPECT_EQ(a.markers[i].run_id, b.markers[i].run_id);
    EXPECT_EQ(a.markers[i].at, b.markers[i].at);
  }
}

TEST_F(MetricCacheTest, ALiveRunsNewRowsAreTheOnlyOnesRead) {
  const auto run = add_run(4);
  evaluate(run, 0, 50);
  MetricCache cache;
  cache.update(store, store.runs(), kValidationLoss);
  EXPECT_EQ(cache.stats().full_reads, 1u);
  EXPECT_EQ(cache.stats().rows_read, 50u);
  ASSERT_NE(cache.find(run), nullptr);
  const auto generation = cache.find(run)->generation;

  evaluate(run, 50, 53);
  cache.update(store, store.runs(), kValidationLoss);
  EXPECT_EQ(cache.stats().full_reads, 1u) << "appended, not read again";
  // The 3 new rows, and the last known one read back to check the history is unchanged.
  EXPECT_EQ(cache.stats().rows_read, 54u);
  EXPECT_EQ(cache.find(run)->generation, generation);
  EXPECT_EQ(cache.find(run)->points, stored(run));

  cache.update(store, store.runs(), kValidationLoss);  // nothing new: one row read back
  EXPECT_EQ(cache.stats().rows_read, 55u);
  EXPECT_EQ(cache.find(run)->points.size(), 53u);
}

TEST_F(MetricCacheTest, ARunResumedFromACheckpointIsReadAgain) {
  const auto run = add_run(4);
  evaluate(run, 0, 40);
  MetricCache cache;
  cache.update(store, store.runs(), kValidationLoss);
  const auto generation = cache.find(run)->generation;

  // Cut back to step 200 and not logged again yet: fewer rows than cached.
  store.truncate_run(run, 200);
  cache.update(store, store.runs(), kValidationLoss);
  EXPECT_EQ(cache.stats().full_reads, 2u);
  EXPECT_EQ(cache.find(run)->points, stored(run));
  EXPECT_EQ(cache.find(run)->points.size(), 20u);
  EXPECT_NE(cache.find(run)->generation, generation);

  // Logged again past the old end, with other values and wall times: the cached tail no longer
  // matches, so the run is read again rather than appended to.
  cache.update(store, store.runs(), kValidationLoss);
  store.truncate_run(run, 100);
  evaluate(run, 10, 45, 100.0, 0.2);
  cache.update(store, store.runs(), kValidationLoss);
  EXPECT_EQ(cache.stats().full_reads, 3u);
  EXPECT_EQ(cache.find(run)->points, stored(run));
  // The best point follows the new history.
  const auto& points = cache.find(run)->points;
  ASSERT_TRUE(cache.find(run)->best.has_value());
  for (const auto& p : points) EXPECT_GE(p.value, points[*cache.find(run)->best].value);
}

TEST_F(MetricCacheTest, RunsNoLongerShownAreDroppedAndANewMetricStartsOver) {
  const auto a = add_run(1), b = add_run(4), queued = add_run(16);
  evaluate(a, 0, 10);
  evaluate(b, 0, 10);
  MetricCache cache;
  auto runs = store.runs();
  cache.update(store, runs, kValidationLoss);
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_TRUE(cache.find(queued)->points.empty());

  runs.erase(runs.begin() + 1);  // b deselected
  cache.update(store, runs, kValidationLoss);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find(b), nullptr);

  evaluate(queued, 0, 5);  // a queued run starts: read without a full re-read of the others
  const auto full_reads = cache.stats().full_reads;
  cache.update(store, runs, kValidationLoss);
  EXPECT_EQ(cache.stats().full_reads, full_reads);
  EXPECT_EQ(cache.find(queued)->points.size(), 5u);

  cache.update(store, runs, "train/loss");
  EXPECT_EQ(cache.metric(), "train/loss");
  EXPECT_EQ(cache.find(a)->points.front().value, stored(a).front().value - 0.3);
}

TEST_F(MetricCacheTest, FigureFromTheCacheEqualsAFreshReadThroughAppendsResumesAndControlChanges) {
  std::vector<std::int64_t> ids;
  for (double epochs : {1.0, 4.0, 16.0, 16.0}) ids.push_back(add_run(epochs));
  for (auto id : ids) evaluate(id, 0, 30);
  store.append_event(ids[2], {300, 30000, "overfitting_onset", R"({"onset_step": 205})", 0.0});

  FigureRequest request;
  request.group_by = "data.epochs";
  request.points = 24;  // small: the buckets and LTTB matter from a few dozen points on
  request.bucket_before_lttb = true;
  MetricCache cache;
  FigureMemo memo;
  const auto check = [&](const std::string& when) {
    SCOPED_TRACE(when);
    const auto runs = store.runs();
    cache.update(store, runs, request.metric);
    expect_same_figure(figure_from_cache(cache, runs, request, &memo), figure_from_runs(store, runs, request));
  };
  check("first read");
  for (int round = 0; round < 6; ++round) {  // live: every run a few evaluations at a time
    for (auto id : ids) evaluate(id, 30 + round * 7, 30 + (round + 1) * 7);
    check("append round " + std::to_string(round));
  }
  const auto recomputed = memo.recomputed();
  check("nothing new");
  EXPECT_EQ(memo.recomputed(), recomputed) << "unchanged runs are not derived again";
  evaluate(ids[0], 72, 75);
  check("one run changed");
  EXPECT_EQ(memo.recomputed(), recomputed + 1) << "only the changed run";

  request.smoothing = 0.7;
  check("smoothing");
  request.x_axis = XAxis::kWallTime;
  check("wall time");
  // A resume: wall time starts again, so x goes backwards and the curve is sorted on each change.
  store.truncate_run(ids[1], 400);
  evaluate(ids[1], 40, 90, -18.0);  // wall time 2.5 s after the resume, 20 s before it
  check("resumed, wall time not monotonic");
  evaluate(ids[1], 90, 95, -18.0);
  check("resumed run appends");
  // Resumed at its last step (nothing cut back): rows are appended, but x goes backwards.
  evaluate(ids[3], 72, 80, -30.0);
  check("appended rows going back in wall time");
  request.x_axis = XAxis::kTokens;
  request.metric = "train/loss";
  check("another metric");
  request.bucket_before_lttb = false;
  request.points = 0;
  check("every point (export)");
}

}  // namespace
}  // namespace wb::series
