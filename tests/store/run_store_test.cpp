// Run store round trips: what is written comes back, statuses stamp times, lookups and filters.
#include "store/run_store.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "common/temp_dir.hpp"
#include "store_test_util.hpp"

namespace wb {
namespace {

bool is_iso_utc(const std::string& text) {
  static const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
  return std::regex_match(text, iso);
}

TEST(StoreRoundTrip, ExperimentsRunsMetricsEvents) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "nested/runs.db");
  EXPECT_EQ(store.schema_version(), RunStore::kSchemaVersion);
  EXPECT_EQ(store.path(), dir / "nested/runs.db");

  const auto experiments = store.experiments();
  ASSERT_EQ(experiments.size(), 1u);
  EXPECT_EQ(experiments[0].id, experiment_id);
  EXPECT_EQ(experiments[0].name, "token-crisis-mini");
  EXPECT_EQ(experiments[0].spec_json, R"({"n_layer": 2})");
  EXPECT_TRUE(is_iso_utc(experiments[0].created_at)) << experiments[0].created_at;

  const auto runs = store.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].id, run_id);
  EXPECT_EQ(runs[0].experiment_id, experiment_id);
  EXPECT_EQ(runs[0].experiment, "token-crisis-mini");
  EXPECT_EQ(runs[0].name, "run-a");
  EXPECT_EQ(runs[0].spec_json, R"({"epochs": 4})");
  EXPECT_EQ(runs[0].status, "queued");
  EXPECT_EQ(runs[0].started_at, "");
  EXPECT_EQ(runs[0].ended_at, "");
  EXPECT_EQ(runs[0].environment, test::sample_environment());
  EXPECT_EQ(runs[0].error, "");

  const auto rows = test::losses(0, 5);
  store.append_metrics(run_id, rows);
  EXPECT_EQ(store.metrics(run_id), rows);

  const EventRow checkpoint{5, 5120, "checkpoint", R"({"path": "runs/1/step5.pt"})", 0.05};
  const EventRow onset{3, 3072, "overfitting_onset", R"({"best_step": 3})", 0.03};
  store.append_event(run_id, checkpoint);
  store.append_event(run_id, onset);
  EXPECT_EQ(store.events(run_id), (std::vector<EventRow>{onset, checkpoint}));  // by step
}

TEST(StoreRoundTrip, RunsFilterByExperiment) {
  test::TempDir dir;
  auto [store, first, run_a] = test::make_sample_run(dir / "runs.db");
  const auto second = store.create_experiment("other", "{}");
  const auto run_b = store.create_run(second, "run-b", "{}", {});
  ASSERT_EQ(store.runs(second).size(), 1u);
  EXPECT_EQ(store.runs(second)[0].id, run_b);
  EXPECT_EQ(store.runs(second)[0].environment.library_versions, "{}");  // empty becomes {}
  EXPECT_EQ(store.runs(first)[0].id, run_a);
  EXPECT_EQ(store.runs().size(), 2u);
}

TEST(StoreStatus, TransitionsStampStartAndEnd) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");

  store.set_run_status(run_id, "running");
  auto run = *store.find_run(std::to_string(run_id));
  EXPECT_EQ(run.status, "running");
  EXPECT_TRUE(is_iso_utc(run.started_at)) << run.started_at;
  EXPECT_EQ(run.ended_at, "");

  store.set_run_status(run_id, "interrupted");
  run = *store.find_run(std::to_string(run_id));
  EXPECT_TRUE(is_iso_utc(run.ended_at)) << run.ended_at;
  const std::string first_start = run.started_at;

  store.set_run_status(run_id, "running");  // resume: ended_at cleared, first start kept
  run = *store.find_run(std::to_string(run_id));
  EXPECT_EQ(run.ended_at, "");
  EXPECT_EQ(run.started_at, first_start);

  store.set_run_status(run_id, "failed", "CUDA out of memory");
  run = *store.find_run(std::to_string(run_id));
  EXPECT_EQ(run.status, "failed");
  EXPECT_EQ(run.error, "CUDA out of memory");
  EXPECT_TRUE(is_iso_utc(run.ended_at));
  EXPECT_GE(run.ended_at, run.started_at);
}

TEST(StoreStatus, RejectsUnknownStatusAndRun) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  EXPECT_THROW(store.set_run_status(run_id, "done"), StoreError);
  try {
    store.set_run_status(run_id + 100, "running");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("no run with id"), std::string::npos) << e.what();
    EXPECT_FALSE(e.fix().empty());
  }
  EXPECT_THROW(store.create_run(experiment_id + 100, "orphan", "{}", {}), StoreError);
}

TEST(StoreFindRun, ByIdOrNewestOfName) {
  test::TempDir dir;
  auto [store, experiment_id, first] = test::make_sample_run(dir / "runs.db", "sweep/epochs=4");
  const auto other = store.create_run(experiment_id, "sweep/epochs=8", "{}", {});
  const auto again = store.create_run(experiment_id, "sweep/epochs=4", "{}", {});

  EXPECT_EQ(store.find_run(std::to_string(first))->name, "sweep/epochs=4");
  EXPECT_EQ(store.find_run(std::to_string(other))->id, other);
  EXPECT_EQ(store.find_run("sweep/epochs=4")->id, again);  // the newest of that name
  EXPECT_EQ(store.find_run("sweep/epochs=8")->id, other);
  EXPECT_FALSE(store.find_run("sweep/epochs=16").has_value());
  EXPECT_FALSE(store.find_run("999").has_value());
  EXPECT_FALSE(store.find_run("").has_value());
}

TEST(StoreMetrics, FilterByNameAndAfterStep) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  const auto other_run = store.create_run(experiment_id, "run-b", "{}", {});
  std::vector<MetricRow> rows = test::losses(0, 10);
  const auto lr = test::losses(0, 10, "lr");
  rows.insert(rows.end(), lr.begin(), lr.end());
  store.append_metrics(run_id, rows);
  store.append_metrics(other_run, test::losses(0, 3));

  EXPECT_EQ(store.metrics(run_id).size(), 20u);
  EXPECT_EQ(store.metrics(run_id, "lr"), lr);
  EXPECT_EQ(store.metrics(run_id, "train/loss", 7), test::losses(7, 10));
  EXPECT_EQ(store.metrics(run_id, "", 9).size(), 2u);             // step 10: train/loss and lr
  EXPECT_EQ(store.metrics(run_id, "", 9)[0].name, "train/loss");  // in write order
  EXPECT_TRUE(store.metrics(run_id, "eval/val_loss").empty());
  EXPECT_EQ(store.metrics(other_run).size(), 3u);
  store.append_metrics(run_id, {});  // nothing to do, no error
}

TEST(StoreReopen, DataSurvivesCloseAndReadOnlyOpen) {
  test::TempDir dir;
  const auto db = dir / "runs.db";
  std::int64_t run_id = 0;
  {
    auto sample = test::make_sample_run(db);
    run_id = sample.run_id;
    sample.store.append_metrics(run_id, test::losses(0, 4));
    sample.store.set_run_status(run_id, "finished");
  }
  {
    RunStore store = RunStore::open(db);  // read-write again: no migration, same data
    EXPECT_EQ(store.runs().size(), 1u);
    store.append_metrics(run_id, test::losses(4, 6));
  }
  RunStore reader = RunStore::open(db, RunStore::Mode::kReadOnly);
  EXPECT_EQ(reader.schema_version(), RunStore::kSchemaVersion);
  EXPECT_EQ(reader.find_run("run-a")->status, "finished");
  EXPECT_EQ(reader.metrics(run_id), test::losses(0, 6));
  EXPECT_THROW(reader.create_experiment("x", "{}"), StoreError);
  EXPECT_THROW(reader.append_metrics(run_id, test::losses(6, 7)), StoreError);
  EXPECT_EQ(reader.metrics(run_id).size(), 6u);
}

}  // namespace
}  // namespace wb
