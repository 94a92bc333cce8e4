// Which forward passes run under bf16 autocast: GPUs with native bf16 only, never the CPU.
#include <gtest/gtest.h>

#include "train/mixed_precision.hpp"

namespace wb {
namespace {

struct Bf16QueryReset {
  ~Bf16QueryReset() { install_bf16_query({}); }
};

TEST(MixedPrecision, TheCpuAlwaysTrainsInFp32) {
  Bf16QueryReset reset;
  EXPECT_FALSE(uses_bf16_autocast(c10::Device("cpu")));
  install_bf16_query([](int) { return true; });
  EXPECT_FALSE(uses_bf16_autocast(c10::Device("cpu")));
}

TEST(MixedPrecision, GpusUseBf16WhereTheQuerySaysTheyHaveIt) {
  Bf16QueryReset reset;
  EXPECT_TRUE(uses_bf16_autocast(c10::Device("cuda:1"))) << "before a CUDA build installs its query";
  install_bf16_query([](int index) { return index != 1; });  // GPU 1: a V100 beside two A100s
  const struct {
    const char* device;
    bool bf16;
  } cases[] = {{"cuda:0", true}, {"cuda:1", false}, {"cuda:2", true}, {"cuda", true}};
  for (const auto& c : cases) EXPECT_EQ(uses_bf16_autocast(c10::Device(c.device)), c.bf16) << c.device;
}

}  // namespace
}  // namespace wb
