// Which GPU a rank takes, and which ranks would share one: table tests of the pure functions the
// trainer and the NCCL setup use (no GPU needed).
#include <gtest/gtest.h>

#include "train/gpu_assignment.hpp"

namespace wb {
namespace {

TEST(GpuAssignment, LocalRankModuloTheVisibleGpus) {
  const struct {
    int local_rank, visible, gpu;
    const char* why;
  } cases[] = {
      {0, 8, 0, "torchrun on an 8-GPU node: rank 0"},
      {5, 8, 5, "torchrun on an 8-GPU node: rank 5"},
      {3, 1, 0, "a Slurm task that sees only its own GPU"},
      {2, 2, 0, "more ranks than GPUs wrap around (the shared-GPU check then refuses the job)"},
      {0, 0, -1, "no GPU visible"},
  };
  for (const auto& c : cases) EXPECT_EQ(gpu_for_local_rank(c.local_rank, c.visible), c.gpu) << c.why;
}

TEST(GpuAssignment, TheFirstTwoRanksOnOneGpu) {
  using Pair = std::optional<std::pair<int, int>>;
  const struct {
    std::vector<std::string> ids;
    Pair shared;
    const char* why;
  } cases[] = {
      {{}, std::nullopt, "no ranks"},
      {{"a/0000:07:00.0"}, std::nullopt, "one rank"},
      {{"a/0000:07:00.0", "a/0000:0a:00.0", "b/0000:07:00.0", "b/0000:0a:00.0"}, std::nullopt,
       "two nodes, the same slots: different hosts"},
      {{"a/0000:07:00.0", "a/0000:0a:00.0", "a/0000:07:00.0"}, std::pair{0, 2}, "3 ranks on a 2-GPU node"},
      {{"a/x", "a/y", "a/y", "a/x"}, std::pair{1, 2}, "the lowest second rank first"},
      {{"", "a/x", ""}, std::nullopt, "GPUs that could not be identified (\"\") are left to NCCL"},
  };
  for (const auto& c : cases) EXPECT_EQ(first_shared_gpu(c.ids), c.shared) << c.why;
}

}  // namespace
}  // namespace wb
