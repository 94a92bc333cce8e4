// The AdamW update on a GPU (CUDA builds; skipped without a device): where LibTorch has AdamW's
// fused kernel (2.1+) MultiTensorAdamW uses it, and it steps like LibTorch's per-parameter AdamW
// on the same GPU, with two parameter groups (weight decay and none) and a parameter that misses
// every other step (its own step count, as an MoE expert without tokens). Gradient clipping's
// multi-tensor kernels on a GPU scale the gradients as the CPU's loop does.
#include <gtest/gtest.h>

#include <cmath>
#include <type_traits>

#include <torch/torch.h>

#include "model/torch_compat.hpp"
#include "train/multi_tensor_adamw.hpp"
#include "train/optimizer.hpp"

namespace wb {
namespace {

class FusedAdamWTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device visible";
  }
  const torch::TensorOptions cuda = torch::dtype(torch::kFloat32).device(torch::kCUDA);
};

// One parameter, one step against the formula: p' = p (1 - lr wd) - lr / bc1 * m / (sqrt(v) / sqrt(bc2) + eps).
TEST_F(FusedAdamWTest, TheKernelComputesAdamWsUpdate) {
  torch::manual_seed(3);
  auto p = torch::randn({1000}, cuda), g = torch::randn({1000}, cuda);
  auto m = torch::randn({1000}, cuda) * 0.1, v = torch::rand({1000}, cuda) * 0.01;
  const double lr = 1e-3, b1 = 0.9, b2 = 0.95, wd = 0.1, eps = 1e-8, t = 7;
  const auto m1 = b1 * m + (1 - b1) * g, v1 = b2 * v + (1 - b2) * g * g;
  const double bc1 = 1 - std::pow(b1, t), bc2 = 1 - std::pow(b2, t);
  const auto expected = p * (1 - lr * wd) - lr / bc1 * m1 / (v1.sqrt() / std::sqrt(bc2) + eps);
  auto pm = p.clone(), mm = m.clone(), vm = v.clone();
  const bool fused = compat::fused_adamw({pm}, {g}, {mm}, {vm}, {torch::full({}, t, cuda)}, lr, b1, b2, wd, eps);
  if (!WB_TORCH_AT_LEAST(2, 1)) {
    EXPECT_FALSE(fused) << "LibTorch " << compat::torch_version() << " has no fused AdamW";
    return;
  }
  ASSERT_TRUE(fused) << "LibTorch " << compat::torch_version() << " should run the fused kernel on CUDA";
  EXPECT_TRUE(torch::allclose(pm, expected, 1e-5, 1e-7));
  EXPECT_TRUE(torch::allclose(mm, m1, 1e-6, 1e-8));
  EXPECT_TRUE(torch::allclose(vm, v1, 1e-6, 1e-8));
}

TEST_F(FusedAdamWTest, StepsLikeLibTorchsAdamWOnTheGpu) {
  torch::manual_seed(11);
  std::vector<torch::Tensor> reference = {torch::randn({64, 32}, cuda), torch::randn({32}, cuda), torch::randn({7}, cuda)};
  std::vector<torch::Tensor> ours;
  for (auto& p : reference) {
    ours.push_back(p.clone().requires_grad_());
    p.requires_grad_();
  }
  const auto make = [](const std::vector<torch::Tensor>& p, auto* tag) {
    using Optimizer = std::remove_pointer_t<decltype(tag)>;
    const auto options = [](double wd) {
      return std::make_unique<torch::optim::AdamWOptions>(
          torch::optim::AdamWOptions(3e-3).betas({0.9, 0.99}).eps(1e-8).weight_decay(wd));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(std::vector<torch::Tensor>{p[0]}, options(0.1));
    groups.emplace_back(std::vector<torch::Tensor>{p[1], p[2]}, options(0.0));
    return std::make_unique<Optimizer>(std::move(groups), torch::optim::AdamWOptions(3e-3));
  };
  auto libtorch = make(reference, static_cast<torch::optim::AdamW*>(nullptr));
  auto multi = make(ours, static_cast<MultiTensorAdamW*>(nullptr));
  for (int step = 0; step < 8; ++step) {
    torch::manual_seed(100 + step);
    for (std::size_t i = 0; i < reference.size(); ++i) {
      const auto grad = torch::randn(reference[i].sizes(), cuda);
      const bool skipped = i + 1 == reference.size() && step % 2 == 1;
      reference[i].mutable_grad() = skipped ? torch::Tensor() : grad.clone();
      ours[i].mutable_grad() = skipped ? torch::Tensor() : grad.clone();
    }
    libtorch->step();
    multi->step();
    for (std::size_t i = 0; i < reference.size(); ++i)
      EXPECT_TRUE(torch::allclose(ours[i], reference[i], 1e-5, 1e-6)) << "parameter " << i << " after step " << step;
  }
}

TEST_F(FusedAdamWTest, ClippingOnTheGpuScalesLikeOnTheCpu) {
  for (const double max_norm : {0.5, 1e6}) {  // clipped, and left as it is
    torch::manual_seed(5);
    std::vector<torch::Tensor> cpu = {torch::randn({64, 32}), torch::randn({32}), torch::randn({7})}, gpu;
    for (auto& p : cpu) {
      p.mutable_grad() = torch::randn(p.sizes());
      auto on_gpu = p.detach().to(cuda);
      on_gpu.mutable_grad() = p.grad().to(cuda);
      gpu.push_back(on_gpu);
    }
    gpu[2].mutable_grad() = torch::Tensor();  // a parameter without a gradient (an unused expert)
    cpu[2].mutable_grad() = torch::Tensor();
    const auto norm_cpu = clip_grad_norm(cpu, max_norm), norm_gpu = clip_grad_norm(gpu, max_norm);
    EXPECT_TRUE(norm_gpu.is_cuda());
    EXPECT_NEAR(norm_gpu.item<double>(), norm_cpu.item<double>(), 1e-4 * norm_cpu.item<double>()) << max_norm;
    for (std::size_t i = 0; i < 2; ++i)
      EXPECT_TRUE(torch::allclose(gpu[i].grad().cpu(), cpu[i].grad(), 1e-5, 1e-6))
          << "gradient " << i << ", " << max_norm;
    EXPECT_FALSE(gpu[2].grad().defined());
  }
}

}  // namespace
}  // namespace wb
