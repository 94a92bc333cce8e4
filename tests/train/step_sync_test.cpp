// Which steps the training loop reads the device after (step_sync.hpp): a table.
#include <gtest/gtest.h>

#include <vector>

#include "train/step_sync.hpp"

namespace wb {
namespace {

std::vector<std::int64_t> sync_steps(const SyncPoints& points) {
  std::vector<std::int64_t> steps;
  for (std::int64_t step = 1; step <= points.total_steps; ++step)
    if (is_sync_step(step, points)) steps.push_back(step);
  return steps;
}

TEST(SyncSteps, EveryIntervalPlusEvaluationsCheckpointsStopAndTheLastStep) {
  struct Case {
    SyncPoints points;  // interval, eval, checkpoint, total, stop after
    std::vector<std::int64_t> expected;
  };
  const std::vector<Case> cases = {
      {{1, 4, 0, 5, -1}, {1, 2, 3, 4, 5}},             // the CPU default: every step
      {{0, 4, 0, 3, -1}, {1, 2, 3}},                   // 0 counts as 1
      {{16, 100, 0, 40, -1}, {16, 32, 40}},            // the last step even off the interval
      {{16, 10, 0, 40, -1}, {10, 16, 20, 30, 32, 40}},  // evaluations read the losses first
      {{16, 100, 12, 40, -1}, {12, 16, 24, 32, 36, 40}},
      {{16, 100, 0, 10, 7}, {7, 8, 9, 10}},            // a stop after step 7 happens at step 7 (or at
      {{5, 100, 0, 12, 9}, {5, 9, 10, 11, 12}},       // once, when a resumed run is past it)
  };
  for (const auto& c : cases)
    EXPECT_EQ(sync_steps(c.points), c.expected)
        << "interval " << c.points.interval << ", eval " << c.points.eval_interval << ", checkpoint "
        << c.points.checkpoint_interval << ", stop after " << c.points.stop_after_steps;
}

TEST(SyncSteps, CudaReadsLessOftenThanTheCpu) {
  EXPECT_EQ(default_sync_interval(false), 1);
  EXPECT_GT(default_sync_interval(true), 1);
}

}  // namespace
}  // namespace wb
