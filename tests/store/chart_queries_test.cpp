// The charts' reads: metric_points gives metrics() without names, in the same order, through one
// reused statement; metric_names lists each run's names once, sorted; events filter by kind.
#include <gtest/gtest.h>

#include "common/temp_dir.hpp"
#include "store/run_store.hpp"
#include "store_test_util.hpp"

namespace wb {
namespace {

std::vector<MetricPoint> without_names(const std::vector<MetricRow>& rows) {
  std::vector<MetricPoint> points;
  for (const auto& r : rows) points.push_back({r.step, r.tokens, r.epoch, r.value, r.wall_time});
  return points;
}

TEST(StoreMetricPoints, AreTheMetricRowsOfOneNameWithoutTheName) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  const auto other_run = store.create_run(experiment_id, "run-b", "{}", {});
  std::vector<MetricRow> rows = test::losses(0, 10);
  const auto lr = test::losses(0, 10, "lr");
  rows.insert(rows.end(), lr.begin(), lr.end());
  // Two rows of one step keep the order they were written in.
  rows.push_back({10, 10240, 0.1, "train/loss", 0.5, 0.2});
  store.append_metrics(run_id, rows);
  store.append_metrics(other_run, test::losses(0, 3));

  EXPECT_EQ(store.metric_points(run_id, "train/loss"), without_names(store.metrics(run_id, "train/loss")));
  EXPECT_EQ(store.metric_points(run_id, "train/loss").size(), 11u);
  EXPECT_EQ(store.metric_points(run_id, "train/loss").back().value, 0.5);
  // The cached statement is rebound each call: another name, run and start step.
  EXPECT_EQ(store.metric_points(run_id, "lr", 7), without_names(test::losses(7, 10, "lr")));
  EXPECT_EQ(store.metric_points(other_run, "train/loss"), without_names(test::losses(0, 3)));
  EXPECT_TRUE(store.metric_points(run_id, "eval/val_loss").empty());
  EXPECT_TRUE(store.metric_points(run_id, "train/loss", 10).empty());
}

TEST(StoreMetricPoints, ReadOnlyConnectionSeesRowsWrittenAfterItsFirstRead) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  store.append_metrics(run_id, test::losses(0, 5));
  const RunStore reader = RunStore::open(dir / "runs.db", RunStore::Mode::kReadOnly);
  EXPECT_EQ(reader.metric_points(run_id, "train/loss").size(), 5u);
  store.append_metrics(run_id, test::losses(5, 8));  // a live run
  EXPECT_EQ(reader.metric_points(run_id, "train/loss", 5), without_names(test::losses(5, 8)));
}

TEST(StoreMetricNames, EachNameOnceSortedOverTheGivenRunsOnly) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  const auto second = store.create_run(experiment_id, "run-b", "{}", {});
  const auto third = store.create_run(experiment_id, "run-c", "{}", {});
  const auto queued = store.create_run(experiment_id, "run-d", "{}", {});
  std::vector<MetricRow> rows = test::losses(0, 50);
  for (const char* name : {"lr", "eval/val_loss", "tokens_per_s"}) {
    const auto more = test::losses(0, 20, name);
    rows.insert(rows.end(), more.begin(), more.end());
  }
  store.append_metrics(run_id, rows);
  store.append_metrics(second, test::losses(0, 3, "eval/val_loss/german"));
  store.append_metrics(third, test::losses(0, 3, "only/in/third"));

  const std::vector<std::int64_t> shown = {run_id, second, queued};
  const std::vector<std::string> want = {"eval/val_loss", "eval/val_loss/german", "lr", "tokens_per_s",
                                         "train/loss"};
  EXPECT_EQ(store.metric_names(shown), want);
  EXPECT_TRUE(store.metric_names(std::vector<std::int64_t>{queued}).empty());
  EXPECT_TRUE(store.metric_names({}).empty());
}

TEST(StoreEvents, FilterByKind) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  const EventRow checkpoint{5, 5120, "checkpoint", "{}", 0.05};
  const EventRow onset{3, 3072, "overfitting_onset", R"({"onset_step": 2})", 0.03};
  store.append_event(run_id, checkpoint);
  store.append_event(run_id, onset);
  EXPECT_EQ(store.events(run_id, "overfitting_onset"), std::vector<EventRow>{onset});
  EXPECT_EQ(store.events(run_id).size(), 2u);
  EXPECT_TRUE(store.events(run_id, "resumed").empty());
}

}  // namespace
}  // namespace wb
