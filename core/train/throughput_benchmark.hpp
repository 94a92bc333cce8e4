// Training throughput benchmark: tokens/s and model FLOP/s of full training steps (forward,
// backward, clip, AdamW) for nanoGPT's CPU "baby" configuration and a ~5M-parameter model.
// scripts/bench/pytorch_eager_reference.py measures the same steps in PyTorch eager.
#pragma once

#include <string>
#include <vector>

#include "spec/run_spec.hpp"

namespace wb {

struct BenchmarkConfig {
  std::string name;  // e.g. "baby"
  ModelSpec model;
  int vocab_size = 65;  // tiny Shakespeare's character vocabulary
  int batch_size = 12;
};

struct BenchmarkResult {
  std::string name;
  std::int64_t parameters = 0;
  int steps = 0;
  int threads = 0;
  std::string device;
  double ms_per_step = 0.0;
  double tokens_per_s = 0.0;
  double flops_per_s = 0.0;  // flops_per_token (6N + 12 L C T) x tokens/s
};

std::vector<BenchmarkConfig> standard_benchmarks();
BenchmarkResult run_throughput_benchmark(const BenchmarkConfig& config, int warmup_steps, int steps,
                                         const std::string& device);

}  // namespace wb
