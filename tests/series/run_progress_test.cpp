// The live monitor's header numbers: plan and onset from the trainer's events, recent throughput,
// ETA, best validation loss. Tables of rows as the trainer writes them.
#include "series/run_progress.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace wb::series {
namespace {

EventRow started(std::int64_t total_steps, std::int64_t tokens_per_step) {
  return {0, 0, "started",
          R"({"parameters": 1234567, "device": "cuda:0", "plan": {"tokens_per_step": )" +
              std::to_string(tokens_per_step) + R"(, "total_steps": )" + std::to_string(total_steps) +
              R"(, "train_tokens": 1048576, "unique_tokens": 262144, "epochs": 4.0}})",
          0.0};
}

EventRow onset_event(std::int64_t onset_step, std::int64_t best_step, double best) {
  return {onset_step + 128, 0, "overfitting_onset",
          R"({"onset_step": )" + std::to_string(onset_step) + R"(, "onset_tokens": )" +
              std::to_string(onset_step * 1024) + R"(, "onset_epoch": 2.5, "best_step": )" +
              std::to_string(best_step) + R"(, "best_val_loss": )" + std::to_string(best) +
              R"(, "epoch_at_best": 2.0, "gap_at_best": 0.1, "generalization_gap": 0.3, "confirmed_step": 900})",
          0.0};
}

// Per-step rows: `steps` steps of 1024 tokens, one every `seconds` seconds from wall time `t0`.
std::vector<MetricPoint> step_rows(std::int64_t from, std::int64_t steps, double seconds, double t0 = 0.0) {
  std::vector<MetricPoint> rows;
  for (std::int64_t s = from; s < from + steps; ++s)
    rows.push_back({s, s * 1024, s / 256.0, 3.0, t0 + static_cast<double>(s - from + 1) * seconds});
  return rows;
}

TEST(RunProgress, ReadsThePlanFromTheStartedEvent) {
  const auto start = run_start({{0, 0, "checkpoint", "{}", 0.0}, started(1000, 1024), started(5, 5)});
  ASSERT_TRUE(start);
  EXPECT_EQ(start->total_steps, 1000);
  EXPECT_EQ(start->tokens_per_step, 1024);
  EXPECT_EQ(start->unique_tokens, 262144);
  EXPECT_DOUBLE_EQ(start->epochs, 4.0);
  EXPECT_DOUBLE_EQ(start->parameters, 1234567.0);
  EXPECT_EQ(start->device, "cuda:0");
  EXPECT_FALSE(run_start({}));
  EXPECT_FALSE(run_start({{0, 0, "started", "not json", 0.0}}));
  // Fields of the wrong type or missing stay 0 rather than throwing.
  const auto partial = run_start({{0, 0, "started", R"({"plan": {"total_steps": "many"}})", 0.0}});
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->total_steps, 0);
}

TEST(RunProgress, TakesTheLastUsableOnsetEvent) {
  struct Case {
    std::vector<EventRow> events;
    std::optional<std::int64_t> onset_step;
  };
  const std::vector<Case> cases = {
      {{}, std::nullopt},
      {{started(1000, 1024)}, std::nullopt},
      {{onset_event(640, 512, 2.25)}, 640},
      {{onset_event(640, 512, 2.25), onset_event(768, 640, 2.2)}, 768},
      {{onset_event(640, 512, 2.25), {0, 0, "overfitting_onset", R"({"best_step": 3})", 0.0}}, 640},
      {{{0, 0, "overfitting_onset", "[]", 0.0}}, std::nullopt},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto onset = overfitting_onset(cases[i].events);
    ASSERT_EQ(onset.has_value(), cases[i].onset_step.has_value()) << "case " << i;
    if (onset) {
      EXPECT_EQ(onset->onset_step, *cases[i].onset_step) << "case " << i;
    }
  }
  const auto onset = overfitting_onset({onset_event(640, 512, 2.25)});
  EXPECT_EQ(onset->onset_tokens, 640 * 1024);
  EXPECT_DOUBLE_EQ(onset->onset_epoch, 2.5);
  EXPECT_EQ(onset->best_step, 512);
  EXPECT_DOUBLE_EQ(onset->best_val_loss, 2.25);
  EXPECT_DOUBLE_EQ(onset->epoch_at_best, 2.0);
}

TEST(RunProgress, ThroughputIsOverTheRecentWindow) {
  struct Case {
    const char* what;
    std::vector<MetricPoint> rows;
    double window_s;
    std::optional<double> tokens_per_s;
  };
  // A slow start (10 s per step) followed by fast steps (0.5 s): the window sees the fast ones only.
  auto warmup = step_rows(0, 5, 10.0);
  const auto fast = step_rows(5, 200, 0.5, warmup.back().wall_time);
  warmup.insert(warmup.end(), fast.begin(), fast.end());
  // A resumed run: its wall time goes back once; the rate is measured after the jump.
  auto resumed = step_rows(0, 50, 1.0, 500.0);
  const auto after = step_rows(50, 50, 0.25, 100.0);
  resumed.insert(resumed.end(), after.begin(), after.end());
  const std::vector<Case> cases = {
      {"no rows", {}, 60.0, std::nullopt},
      {"one row", step_rows(0, 1, 1.0), 60.0, std::nullopt},
      {"steady", step_rows(0, 100, 0.5), 60.0, 2048.0},
      {"warm-up left out", warmup, 60.0, 2048.0},
      {"rows further apart than the window", step_rows(0, 3, 120.0), 60.0, 1024.0 / 120.0},
      {"resumed", resumed, 60.0, 4096.0},
      {"no wall time", {{1, 1024, 0, 3, 5.0}, {2, 2048, 0, 3, 5.0}}, 60.0, std::nullopt},
  };
  for (const auto& c : cases) {
    const auto rate = recent_throughput(c.rows, c.window_s);
    ASSERT_EQ(rate.has_value(), c.tokens_per_s.has_value()) << c.what;
    if (rate) {
      EXPECT_NEAR(rate->tokens_per_s, *c.tokens_per_s, 1e-6) << c.what;
    }
  }
}

TEST(RunProgress, EtaFollowsThePlanAndTheRecentRate) {
  // 100 of 1000 steps at 2 steps/s: 450 s left.
  const auto steps = step_rows(1, 100, 0.5);
  RunProgress p = run_progress({started(1000, 1024)}, steps, {}, {}, true);
  EXPECT_EQ(p.step, 100);
  EXPECT_EQ(p.tokens, 100 * 1024);
  EXPECT_EQ(p.total_steps, 1000);
  ASSERT_TRUE(p.fraction);
  EXPECT_DOUBLE_EQ(*p.fraction, 0.1);
  ASSERT_TRUE(p.eta_s);
  EXPECT_NEAR(*p.eta_s, 450.0, 1e-6);
  ASSERT_TRUE(p.tokens_per_s);
  EXPECT_NEAR(*p.tokens_per_s, 2048.0, 1e-6);

  // No ETA once the run stopped, nor without a plan.
  EXPECT_FALSE(run_progress({started(1000, 1024)}, steps, {}, {}, false).eta_s);
  p = run_progress({}, steps, {}, {}, true);
  EXPECT_FALSE(p.eta_s);
  EXPECT_FALSE(p.fraction);
  EXPECT_EQ(p.total_steps, 0);

  // Only the trainer's logged rate (one evaluation so far): the ETA comes from tokens per step.
  const std::vector<MetricPoint> logged = {{100, 102400, 0.4, 4096.0, 50.0}};
  p = run_progress({started(1000, 1024)}, {}, logged, {}, true);
  EXPECT_EQ(p.step, 100);
  ASSERT_TRUE(p.eta_s);
  EXPECT_NEAR(*p.eta_s, 900.0 * 1024 / 4096.0, 1e-6);

  // Done: ETA 0, fraction 1.
  p = run_progress({started(100, 1024)}, steps, {}, {}, true);
  EXPECT_EQ(*p.eta_s, 0.0);
  EXPECT_EQ(*p.fraction, 1.0);
}

TEST(RunProgress, BestValidationLossAndOnset) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<MetricPoint> val = {{128, 0, 0.5, 3.0, 1}, {256, 0, 1.0, 2.5, 2}, {384, 0, 1.5, 2.5, 3},
                                        {512, 0, 2.0, nan, 4}, {640, 0, 2.5, 2.75, 5}};
  const RunProgress p = run_progress({started(1000, 1024), onset_event(640, 256, 2.5)}, {}, {}, val, true);
  ASSERT_TRUE(p.best_step);
  EXPECT_EQ(*p.best_step, 256) << "the first of equal values, NaN ignored";
  EXPECT_DOUBLE_EQ(*p.best_val_loss, 2.5);
  ASSERT_TRUE(p.onset);
  EXPECT_EQ(p.onset->onset_step, 640);
  EXPECT_FALSE(run_progress({}, {}, {}, {}, true).best_step);
  EXPECT_FALSE(run_progress({}, {}, {}, {}, true).onset);
}

}  // namespace
}  // namespace wb::series
