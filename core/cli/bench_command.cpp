// `workbench-cli bench`: training throughput (tokens/s, model FLOP/s) of the standard configs,
// as dense, mixture-of-experts or parameter-sharing models.
#include <cstdio>

#include "cli/cli_context.hpp"
#include "cli/progress_bar.hpp"
#include "common/errors.hpp"
#include "train/mixed_precision.hpp"
#include "train/throughput_benchmark.hpp"
#include "train/trainer.hpp"

namespace wb {
namespace {

struct BenchArgs {
  std::string config = "all";
  std::string arch = "dense";
  int expert_hidden = 0;
  int steps = 50;
  int warmup = 5;
  int threads = 0;
  std::string device = "auto";
  int batch = 0;              // 0: the config's
  double peak_tflops = 0.0;   // > 0: print model FLOPs utilization against it
  bool cuda_graphs = false;
};

std::vector<Architecture> architectures(const std::string& arch) {
  if (arch == "all") return {Architecture::kDense, Architecture::kMoe, Architecture::kShared};
  if (arch == "moe") return {Architecture::kMoe};
  if (arch == "shared") return {Architecture::kShared};
  return {Architecture::kDense};
}

void bench(const BenchArgs& args) {
  configure_torch_threads(args.threads);
  const auto device = resolve_device(args.device);
  std::vector<BenchmarkConfig> chosen;
  for (const auto& base : standard_benchmarks())
    if (args.config == "all" ? !base.gpu_sized : args.config == base.name) chosen.push_back(base);
  if (chosen.empty())
    throw UserError(ExitCode::kUsage, "no benchmark config \"" + args.config + "\"", "use baby, gpt-5m, gpt2-small or all");
  if (args.cuda_graphs)  // refused before the table starts
    for (auto arch : architectures(args.arch))
      if (const auto why = cuda_graphs_refusal(with_architecture(chosen[0], arch).model, ObjectiveSpec{}); !why.empty())
        throw UserError(ExitCode::kUsage, std::string("--cuda-graphs with --arch ") + to_string(arch) + ": " + why,
                        "leave out --cuda-graphs, or bench --arch dense or shared");
  std::printf("precision: %s\n", uses_bf16_autocast(c10::Device(device)) ? "bf16 autocast (forward), fp32 weights and AdamW"
                                                                         : "fp32");
  std::printf("%-14s %10s %10s %7s %8s %10s %12s %12s%s\n", "config", "params", "active", "threads", "device", "ms/step",
              "tokens/s", "model FLOP/s", args.peak_tflops > 0 ? "     MFU" : "");
  for (auto base : chosen) {
    if (args.batch > 0) base.batch_size = args.batch;
    for (auto arch : architectures(args.arch)) {
      auto r = run_throughput_benchmark(with_architecture(base, arch, args.expert_hidden), args.warmup, args.steps,
                                        device, args.cuda_graphs);
      std::printf("%-14s %10s %10s %7d %8s %10.2f %12.0f %12s", r.name.c_str(),
                  format_count(static_cast<double>(r.parameters)).c_str(),
                  format_count(static_cast<double>(r.active_parameters)).c_str(), r.threads, r.device.c_str(),
                  r.ms_per_step, r.tokens_per_s, format_count(r.flops_per_s).c_str());
      if (args.peak_tflops > 0) std::printf(" %7.1f%%", 100.0 * r.flops_per_s / (args.peak_tflops * 1e12));
      if (args.cuda_graphs) std::printf("  CUDA graph: %s", r.graphs.c_str());
      std::printf("\n");
      std::fflush(stdout);
    }
  }
}

}  // namespace

void add_bench_command(CLI::App& app, CliContext&) {
  auto args = std::make_shared<BenchArgs>();
  auto* cmd = app.add_subcommand("bench", "Measure training throughput: tokens/s and model FLOP/s per config");
  cmd->add_option("--config", args->config, "baby (nanoGPT's CPU config: 4 layers, 4 heads, 128 wide, block 64, "
                                            "batch 12), gpt-5m (6 layers, 256 wide, block 128, batch 16), gpt2-small "
                                            "(124M: 12 layers, 768 wide, block 1024, vocabulary 50304, batch 12; for "
                                            "GPUs) or all (baby and gpt-5m)");
  cmd->add_option("--arch", args->arch, "dense, moe (top-2 of 4 experts in every block, capacity factor 1.25), "
                                        "shared (2 groups of blocks sharing weights) or all")
      ->check(CLI::IsMember({"dense", "moe", "shared", "all"}));
  cmd->add_option("--expert-hidden", args->expert_hidden,
                  "MoE: hidden units per expert (0: 4 x n_embd, the dense MLP's; 256 at the baby size gives "
                  "top-2 the dense model's FLOPs per token)")
      ->check(kNonNegative);
  cmd->add_option("--steps", args->steps, "Timed training steps")->check(kPositive)->capture_default_str();
  cmd->add_option("--warmup", args->warmup, "Untimed steps first")->check(kNonNegative)->capture_default_str();
  cmd->add_option("--threads", args->threads, "LibTorch intra-op threads (0: all cores)")->check(kNonNegative);
  cmd->add_option("--device", args->device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  cmd->add_option("--batch", args->batch, "Sequences per step instead of the config's")->check(kPositive);
  cmd->add_option("--peak-tflops", args->peak_tflops,
                  "The device's peak dense TFLOP/s at the training precision, to print model FLOPs utilization "
                  "(MFU), e.g. 989 for an H100 SXM in bf16")
      ->check(kPositive);
  cmd->add_flag("--cuda-graphs", args->cuda_graphs,
                "Replay each step's forward and backward from a CUDA graph (training.cuda_graphs); dense and "
                "shared models on a GPU. Small models gain most: their steps wait on kernel launches");
  cmd->footer("Model FLOPs per token: 6 N + 12 n_layer n_embd block_size, N the non-embedding parameters a token\n"
              "passes through (MoE: the active experts and the router; shared: every application of a block).\n"
              "Compare with: python3 scripts/bench/pytorch_reference.py (PyTorch eager, or --compile)");
  cmd->callback([args] { bench(*args); });
}

}  // namespace wb
