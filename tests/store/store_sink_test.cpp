// StoreSink: per-step metrics are buffered, an evaluation makes everything visible to a reader,
// events and statuses are written at once, and the destructor flushes what is left.
#include "store/store_sink.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "common/temp_dir.hpp"
#include "store_test_util.hpp"

namespace wb {
namespace {

StepRecord step_record(std::int64_t step) {
  return {step, 100, step * 64, step / 10.0, 1e-3, 5.0 - step * 0.01, 1234.0, step * 0.1};
}

TEST(StoreSink, EvalMakesBufferedStepsVisibleToAReader) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  RunStore reader = RunStore::open(dir / "runs.db", RunStore::Mode::kReadOnly);

  StoreSink sink(store, run_id);
  sink.run_started({});
  EXPECT_EQ(reader.find_run("run-a")->status, "running");

  for (std::int64_t step = 1; step <= 10; ++step) sink.step(step_record(step));
  EXPECT_TRUE(reader.metrics(run_id).empty()) << "steps are buffered, not written one by one";

  sink.eval({10, 640, 1.0, 1e-3, 4.95, 5.1, 1234.0, 1.0, {}});
  EXPECT_EQ(reader.metrics(run_id, "train/loss").size(), 10u);
  EXPECT_EQ(reader.metrics(run_id, "lr").size(), 10u);
  const auto val = reader.metrics(run_id, "eval/val_loss");
  ASSERT_EQ(val.size(), 1u);
  EXPECT_EQ(val[0].step, 10);
  EXPECT_EQ(val[0].tokens, 640);
  EXPECT_DOUBLE_EQ(val[0].value, 5.1);
  EXPECT_DOUBLE_EQ(reader.metrics(run_id, "eval/train_loss")[0].value, 4.95);
  EXPECT_DOUBLE_EQ(reader.metrics(run_id, "tokens_per_s")[0].value, 1234.0);
  EXPECT_DOUBLE_EQ(reader.metrics(run_id, "train/loss")[2].value, 5.0 - 0.03);
}

TEST(StoreSink, EventsAndStatusAreWrittenAtOnce) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  StoreSink sink(store, run_id);
  sink.step(step_record(1));
  sink.event({1, 64, "checkpoint", {{"path", "runs/1/step1.pt"}}, 0.1});

  const auto events = store.events(run_id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "checkpoint");
  EXPECT_EQ(nlohmann::json::parse(events[0].data_json)["path"], "runs/1/step1.pt");
  EXPECT_EQ(store.metrics(run_id).size(), 2u) << "losses before an event are flushed with it";

  sink.step(step_record(2));
  sink.run_finished({"failed", 2, 0.0, 0.0, 0, 0.2, "loss became NaN"});
  const auto run = store.find_run(std::to_string(run_id));
  EXPECT_EQ(run->status, "failed");
  EXPECT_EQ(run->error, "loss became NaN");
  EXPECT_FALSE(run->ended_at.empty());
  EXPECT_EQ(store.metrics(run_id).size(), 4u);
}

TEST(StoreSink, ResumeDropsRecordsAfterTheCheckpointStep) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  {
    StoreSink first(store, run_id);
    first.run_started({});
    for (std::int64_t step = 1; step <= 30; ++step) first.step(step_record(step));
    first.eval({20, 1280, 2.0, 1e-3, 4.9, 5.0, 1234.0, 2.0, {}});
    first.event({25, 1600, "overfitting_onset", nlohmann::json::object(), 2.5});
    first.run_finished({"failed", 30, 0, 0, 0, 3.0, "killed"});
  }
  RunStartRecord resume;
  resume.start_step = 20;  // the checkpoint the run continues from
  StoreSink second(store, run_id);
  second.run_started(resume);
  const auto losses = store.metrics(run_id, "train/loss");
  ASSERT_EQ(losses.size(), 20u);
  EXPECT_EQ(losses.back().step, 20);
  EXPECT_EQ(store.metrics(run_id, "eval/val_loss").size(), 1u);  // step 20 stays
  const auto events = store.events(run_id);                     // step 25 is gone
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "started") << "recorded once, by the first start";
  EXPECT_EQ(store.find_run("run-a")->status, "running");
}

TEST(StoreSink, FlushesEveryTwoSecondsWithoutAnEval) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  StoreSink sink(store, run_id);
  sink.step(step_record(1));
  EXPECT_TRUE(store.metrics(run_id).empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  sink.step(step_record(2));  // the first record after the interval triggers the flush
  EXPECT_EQ(store.metrics(run_id, "train/loss").size(), 2u);
}

TEST(StoreSink, DestructorFlushes) {
  test::TempDir dir;
  auto [store, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");
  {
    StoreSink sink(store, run_id);
    for (std::int64_t step = 1; step <= 3; ++step) sink.step(step_record(step));
    EXPECT_TRUE(store.metrics(run_id).empty());
  }
  EXPECT_EQ(store.metrics(run_id, "train/loss").size(), 3u);
}

}  // namespace
}  // namespace wb
