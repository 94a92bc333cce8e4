// Training throughput benchmark: tokens/s and model FLOP/s of full training steps (forward,
// backward, clip, AdamW; bf16 autocast on a GPU) for nanoGPT's CPU "baby" configuration, a
// ~5M-parameter model and GPT-2 small, as dense, mixture-of-experts or parameter-sharing models.
// scripts/bench/pytorch_reference.py measures the same dense steps in PyTorch (eager or compiled).
#pragma once

#include <string>
#include <vector>

#include "spec/run_spec.hpp"

namespace wb {

struct BenchmarkConfig {
  std::string name;  // e.g. "baby", "baby-moe"
  ModelSpec model;
  int vocab_size = 65;  // tiny Shakespeare's character vocabulary
  int batch_size = 12;
  bool gpu_sized = false;  // minutes per step on a CPU: run only when asked for by name
};

struct BenchmarkResult {
  std::string name;
  std::int64_t parameters = 0;         // trainable
  std::int64_t active_parameters = 0;  // used per token (MoE: top_k of n_expert experts)
  int steps = 0;
  int threads = 0;
  std::string device;
  double ms_per_step = 0.0;
  double tokens_per_s = 0.0;
  double flops_per_s = 0.0;  // flops_per_token (6 N_applied + 12 L C T) x tokens/s
  std::string graphs;        // with cuda_graphs: "recorded", or why not
};

// The dense configs: "baby", "gpt-5m" and (GPU-sized) "gpt2-small": 12 layers, 12 heads, 768
// wide, block 1024, vocabulary 50304, batch 12.
std::vector<BenchmarkConfig> standard_benchmarks();
// The same config as another architecture, named "<name>-moe" / "<name>-shared":
// moe: top-2 of 4 experts in every block, capacity factor 1.25 (the MoeSpec defaults);
// shared: two groups of consecutive blocks sharing weights (half the blocks' parameters).
// expert_hidden (MoE): hidden units per expert, 0 = 4 x n_embd.
BenchmarkConfig with_architecture(BenchmarkConfig config, Architecture arch, int expert_hidden = 0);

// cuda_graphs: each step's forward and backward replayed from a CUDA graph (GraphedStep), its
// tokens copied in from the host every step as in training; for configs cuda_graphs_refusal
// accepts (`bench` checks before its table).
BenchmarkResult run_throughput_benchmark(const BenchmarkConfig& config, int warmup_steps, int steps,
                                         const std::string& device, bool cuda_graphs = false);

}  // namespace wb
