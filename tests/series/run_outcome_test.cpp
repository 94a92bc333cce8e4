// outcome_from_store over a real store: losses, onset (step and epoch), downstream finals, and
// degradation against the fewest-epochs run of the same group.
#include "series/run_outcome.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"

namespace wb {
namespace {

nlohmann::json spec(double epochs) {
  return {{"name", "e/run"}, {"data", {{"epochs", epochs}}},
          {"training", {{"token_budget", 65536}, {"batch_size", 4}}}, {"model", {{"block_size", 64}}}};
}

TEST(RunOutcomeTest, ReadsLossesOnsetAndDownstreamFromTheStore) {
  test::TempDir dir;
  auto store = RunStore::open(dir.path() / "runs.db");
  const auto experiment = store.create_experiment("e", "{}");
  const auto id = store.create_run(experiment, "e/epochs=4", spec(4).dump(), {});
  const std::vector<MetricRow> rows = {
      {100, 25600, 1.0, "eval/val_loss", 3.0, 1.0}, {200, 51200, 2.0, "eval/val_loss", 2.5, 2.0},
      {256, 65536, 4.0, "eval/val_loss", 2.7, 3.0}, {256, 65536, 4.0, "downstream/cloze/acc", 0.25, 3.0},
      {100, 25600, 1.0, "downstream/cloze/acc", 0.125, 1.0}};
  store.append_metrics(id, rows);
  store.append_event(id, {220, 56320, "overfitting_onset", R"({"onset_step": 200, "onset_epoch": 3.125})", 2.5});

  const RunOutcome r = outcome_from_store(store, *store.find_run(std::to_string(id)));
  EXPECT_TRUE(r.evaluated);
  EXPECT_DOUBLE_EQ(r.final_val_loss, 2.7);
  EXPECT_DOUBLE_EQ(r.best_val_loss, 2.5);
  EXPECT_EQ(r.best_step, 200);
  EXPECT_EQ(r.onset_step, 200);
  EXPECT_DOUBLE_EQ(r.onset_epoch, 3.125);
  EXPECT_EQ(r.train_tokens, 65536);
  ASSERT_EQ(r.downstream.size(), 1u);
  EXPECT_DOUBLE_EQ(r.downstream.at("downstream/cloze/acc"), 0.25);  // the last value, by step
}

TEST(RunOutcomeTest, AQueuedRunHasNoLossesAndNoOnset) {
  test::TempDir dir;
  auto store = RunStore::open(dir.path() / "runs.db");
  const auto id = store.create_run(store.create_experiment("e", "{}"), "e/q", spec(1).dump(), {});
  const RunOutcome r = outcome_from_store(store, *store.find_run(std::to_string(id)));
  EXPECT_FALSE(r.evaluated);
  EXPECT_EQ(r.onset_step, -1);
  EXPECT_TRUE(std::isnan(r.onset_epoch));
  EXPECT_TRUE(r.downstream.empty());
}

TEST(RunOutcomeTest, DegradationIsAgainstTheFewestEpochsRunOfTheSameGroup) {
  auto run = [](const std::string& group, double epochs, double loss, const std::string& status = "finished") {
    RunOutcome r;
    r.group = group;
    r.epochs = epochs;
    r.status = status;
    r.evaluated = true;
    r.final_val_loss = loss;
    return r;
  };
  const auto d = degradation_percent({run("a", 1, 2.0), run("a", 4, 2.2), run("b", 16, 3.0), run("b", 4, 2.0),
                                      run("c", 1, 5.0)});
  EXPECT_DOUBLE_EQ(d[0], 0.0);
  EXPECT_NEAR(d[1], 10.0, 1e-12);
  EXPECT_NEAR(d[2], 50.0, 1e-12);
  EXPECT_DOUBLE_EQ(d[3], 0.0);
  EXPECT_TRUE(std::isnan(d[4]));  // alone in its group: no baseline
}

// A run stopped partway (killed, interrupted, failed, still running) neither serves as the
// baseline nor gets a number: its last loss is from the middle of its schedule.
TEST(RunOutcomeTest, OnlyFinishedRunsAreComparedOrServeAsBaseline) {
  auto run = [](double epochs, double loss, const std::string& status) {
    RunOutcome r;
    r.group = "g";
    r.epochs = epochs;
    r.status = status;
    r.evaluated = true;
    r.final_val_loss = loss;
    return r;
  };
  const auto d = degradation_percent({run(1, 2.4, "interrupted"), run(2, 2.2, "finished"), run(4, 2.31, "finished"),
                                      run(8, 2.9, "running"), run(16, 3.0, "failed")});
  EXPECT_TRUE(std::isnan(d[0]));
  EXPECT_DOUBLE_EQ(d[1], 0.0);  // the fewest epochs among the finished runs
  EXPECT_NEAR(d[2], 5.0, 1e-12);
  EXPECT_TRUE(std::isnan(d[3]));
  EXPECT_TRUE(std::isnan(d[4]));
  // The only finished run of its group has nothing to be compared with.
  const auto alone = degradation_percent({run(1, 2.4, "interrupted"), run(4, 2.31, "finished")});
  EXPECT_TRUE(std::isnan(alone[0]));
  EXPECT_TRUE(std::isnan(alone[1]));
}

}  // namespace
}  // namespace wb
