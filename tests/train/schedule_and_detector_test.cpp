// Table tests of the pure functions the trainer uses: LR schedule, overfitting detector, torchrun env.
#include <gtest/gtest.h>

#include <map>

#include "common/errors.hpp"
#include "train/dist_env.hpp"
#include "train/lr_schedule.hpp"
#include "train/overfitting_detector.hpp"

namespace wb {
namespace {

TEST(LrSchedule, WarmupCosineTable) {
  // nanoGPT's baby config: lr 1e-3, min 1e-4, warmup 100, decay over 2000 steps.
  const LrSchedule s{1e-3, 1e-4, 100, 2000};
  const std::vector<std::pair<std::int64_t, double>> table = {
      {0, 1e-3 * 1 / 101},          // first warmup step
      {49, 1e-3 * 50 / 101},
      {99, 1e-3 * 100 / 101},       // last warmup step
      {100, 1e-3},                  // cosine starts at the peak
      {1050, 1e-4 + 0.5 * 9e-4},    // half way: cos(pi/2) = 0
      {2000, 1e-4},                 // end of decay
      {5000, 1e-4}};                // held after
  for (const auto& [step, expected] : table) EXPECT_NEAR(learning_rate(s, step), expected, 1e-12) << step;
}

TEST(LrSchedule, MonotoneDecayAfterWarmup) {
  const LrSchedule s{6e-4, 6e-5, 10, 200};
  for (std::int64_t step = 11; step <= 200; ++step) EXPECT_LE(learning_rate(s, step), learning_rate(s, step - 1));
}

TEST(LrSchedule, NoWarmupNoDecayRange) {
  EXPECT_DOUBLE_EQ(learning_rate({1.0, 0.1, 0, 0}, 0), 0.1);  // decay_steps <= warmup: constant min
  EXPECT_DOUBLE_EQ(learning_rate({1.0, 0.1, 0, 10}, 0), 1.0);
}

TEST(OverfittingDetector, Table) {
  struct Case {
    std::vector<double> losses;
    std::optional<std::size_t> onset;
  };
  const std::vector<Case> cases = {
      {{}, std::nullopt},
      {{3.0, 2.5, 2.2, 2.1}, std::nullopt},               // still improving
      {{3.0, 2.0, 2.01, 2.015, 1.99}, std::nullopt},      // noise within 1%
      {{3.0, 2.0, 2.1, 2.2}, 1},                          // two evaluations above best: onset at 1
      {{3.0, 2.0, 2.1, 1.9, 2.0, 2.1}, 3},                // a new best resets the count
      {{3.0, 2.0, 2.1, 2.0, 2.1}, std::nullopt},          // not consecutive
  };
  for (const auto& c : cases) EXPECT_EQ(overfitting_onset(c.losses), c.onset) << ::testing::PrintToString(c.losses);
}

TEST(DistEnv, ReadsTorchrunVariables) {
  std::map<std::string, std::string> env = {{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"}};
  auto lookup = [&](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  auto d = DistEnv::from_environment(lookup);
  EXPECT_EQ(d.rank, 3);
  EXPECT_EQ(d.world_size, 4);
  EXPECT_EQ(d.local_rank, 1);
  EXPECT_FALSE(d.is_main());
  env.clear();
  EXPECT_EQ(DistEnv::from_environment(lookup).world_size, 1);
  env = {{"RANK", "4"}, {"WORLD_SIZE", "4"}};
  EXPECT_THROW(DistEnv::from_environment(lookup), UserError);
  env = {{"RANK", "x"}, {"WORLD_SIZE", "4"}};
  EXPECT_THROW(DistEnv::from_environment(lookup), UserError);
  env = {{"WORLD_SIZE", "4"}};
  EXPECT_THROW(DistEnv::from_environment(lookup), UserError);
}

}  // namespace
}  // namespace wb
