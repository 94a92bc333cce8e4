// Times full training steps of the GPT on random tokens.
#include "train/throughput_benchmark.hpp"

#include <chrono>

#include "model/gpt.hpp"
#include "model/torch_compat.hpp"
#include "train/graphed_step.hpp"
#include "train/mixed_precision.hpp"
#include "train/optimizer.hpp"

namespace wb {

std::vector<BenchmarkConfig> standard_benchmarks() {
  ModelSpec baby;  // nanoGPT config/train_shakespeare_char.py with its CPU overrides
  baby.n_layer = 4;
  baby.n_head = 4;
  baby.n_embd = 128;
  baby.block_size = 64;
  baby.bias = false;
  ModelSpec small;  // ~4.8M parameters
  small.n_layer = 6;
  small.n_head = 8;
  small.n_embd = 256;
  small.block_size = 128;
  small.bias = false;
  ModelSpec gpt2;  // GPT-2 small as nanoGPT trains it (124M with the padded GPT-2 vocabulary)
  gpt2.n_layer = 12;
  gpt2.n_head = 12;
  gpt2.n_embd = 768;
  gpt2.block_size = 1024;
  gpt2.bias = false;
  return {{"baby", baby, 65, 12}, {"gpt-5m", small, 65, 16}, {"gpt2-small", gpt2, 50304, 12, /*gpu_sized=*/true}};
}

BenchmarkConfig with_architecture(BenchmarkConfig c, Architecture arch, int expert_hidden) {
  c.model.arch = arch;
  if (arch == Architecture::kMoe) {
    c.model.moe = MoeSpec{};
    c.model.moe.n_expert = 4;
    c.model.moe.top_k = 2;
    c.model.moe.moe_every = 1;
    c.model.moe.expert_hidden = expert_hidden;
    c.name += expert_hidden > 0 ? "-moe-h" + std::to_string(expert_hidden) : "-moe";
  } else if (arch == Architecture::kShared) {
    c.model.share_groups = c.model.n_layer % 2 == 0 ? 2 : 1;
    c.name += "-shared";
  }
  return c;
}

BenchmarkResult run_throughput_benchmark(const BenchmarkConfig& c, int warmup_steps, int steps,
                                         const std::string& device_name, bool cuda_graphs) {
  torch::manual_seed(1337);
  const torch::Device device(device_name);
  const auto config = GptConfig::from(c.model, c.vocab_size);
  Gpt model(config);
  model->to(device);
  OptimizerSpec adamw;  // the trainer's optimizer: decay on Linear weights only, betas (0.9, 0.99)
  auto optimizer = make_adamw(model, adamw);
  auto tokens = torch::randint(c.vocab_size, {c.batch_size, c.model.block_size + 1},
                               torch::TensorOptions().dtype(torch::kLong)).to(device);
  auto x = tokens.narrow(1, 0, c.model.block_size).contiguous();
  auto y = tokens.narrow(1, 1, c.model.block_size).contiguous();
  std::unique_ptr<GraphedStep> graphed;
  std::vector<std::int64_t> host_x, host_y;  // the graphed step takes its tokens from the host
  if (cuda_graphs) {
    graphed = std::make_unique<GraphedStep>(model, 1, c.batch_size, c.model.block_size, device, 0.0);
    const auto cpu_x = x.cpu(), cpu_y = y.cpu();
    host_x.assign(cpu_x.data_ptr<std::int64_t>(), cpu_x.data_ptr<std::int64_t>() + cpu_x.numel());
    host_y.assign(cpu_y.data_ptr<std::int64_t>(), cpu_y.data_ptr<std::int64_t>() + cpu_y.numel());
  }
  auto step = [&] {
    torch::Tensor loss;
    if (graphed) {
      loss = graphed->run(host_x, host_y);
    } else {
      compat::zero_grad_to_none(*optimizer);
      {
        compat::CudaAutocast autocast(uses_bf16_autocast(device));
        loss = model->compute_loss(x, y).total;  // MoE: with the router losses, as in training
      }
      loss.backward();
    }
    clip_grad_norm(model->parameters(), 1.0);
    optimizer->step();
    return loss.detach();  // not read: the trainer reads losses only every few steps on a GPU
  };
  torch::Tensor last;
  for (int i = 0; i < warmup_steps; ++i) last = step();
  if (last.defined()) last.item<double>();  // the warm-up's work is done before the clock starts
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) last = step();
  if (last.defined()) last.item<double>();  // waits for the device to finish the timed steps
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  BenchmarkResult r;
  r.name = c.name;
  if (graphed)
    if (const auto outcome = graphed->take_outcome()) r.graphs = outcome->recorded ? "recorded" : outcome->reason;
  r.parameters = model->parameter_count();
  r.active_parameters = count_parameters(config).active;
  r.steps = steps;
  r.threads = at::get_num_threads();
  r.device = device_name;
  r.ms_per_step = 1000.0 * seconds / steps;
  r.tokens_per_s = static_cast<double>(steps) * c.batch_size * c.model.block_size / seconds;
  r.flops_per_s = flops_per_token(config) * r.tokens_per_s;
  return r;
}

}  // namespace wb
