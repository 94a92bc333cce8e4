// The multi-tensor AdamW step; see multi_tensor_adamw.hpp. Mirrors torch::optim::AdamW::step:
//   p *= 1 - lr * wd;  m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2;
//   p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
// with t counted per parameter (a parameter without a gradient, e.g. an MoE expert that got no
// tokens, is skipped and keeps its count). On a GPU with LibTorch 2.1+ the same update runs as
// one fused kernel per group (compat::fused_adamw), as torch.optim.AdamW(fused=True) does.
#include "train/multi_tensor_adamw.hpp"

#include <cmath>
#include <map>
#include <sstream>
#include <type_traits>

#include "model/torch_compat.hpp"

namespace wb {
namespace {

// The optimizer state's key for a parameter: LibTorch 1.13 keys by the TensorImpl address
// printed as a string, 2.x by the address itself.
template <typename Key>
Key state_key(const torch::Tensor& p) {
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream key;
    key << p.unsafeGetTensorImpl();
    return key.str();
  } else {
    return static_cast<Key>(p.unsafeGetTensorImpl());
  }
}

// Each parameter's step count as the fused kernel reads it: a float scalar on the device, one
// per distinct count (an MoE expert that missed steps has its own), shared by the others.
std::vector<torch::Tensor> step_counts_on(const torch::Device& device, const std::vector<std::int64_t>& steps) {
  std::map<std::int64_t, torch::Tensor> by_count;
  std::vector<torch::Tensor> out;
  out.reserve(steps.size());
  for (const auto t : steps) {
    auto& scalar = by_count[t];
    if (!scalar.defined()) scalar = torch::full({}, static_cast<double>(t), torch::dtype(torch::kFloat32).device(device));
    out.push_back(scalar);
  }
  return out;
}

}  // namespace

torch::Tensor MultiTensorAdamW::step(LossClosure closure) {
  torch::NoGradGuard no_grad;
  torch::Tensor loss;
  if (closure) {
    at::AutoGradMode enable_grad(true);
    loss = closure();
  }
  using Key = typename std::decay_t<decltype(state())>::key_type;
  for (auto& group : param_groups()) {
    const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
    TORCH_CHECK(!options.amsgrad(), "MultiTensorAdamW does not implement amsgrad");
    const auto [beta1, beta2] = options.betas();
    std::vector<torch::Tensor> params, grads, exp_avgs, exp_avg_sqs;
    std::vector<std::int64_t> steps;
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;
      TORCH_CHECK(!p.grad().is_sparse(), "AdamW does not support sparse gradients");
      auto& slot = state()[state_key<Key>(p)];
      if (!slot) {
        auto fresh = std::make_unique<torch::optim::AdamWParamState>();
        fresh->step(0);
        fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        slot = std::move(fresh);
      }
      auto& s = static_cast<torch::optim::AdamWParamState&>(*slot);
      s.step(s.step() + 1);
      params.push_back(p);
      grads.push_back(p.grad());
      exp_avgs.push_back(s.exp_avg());
      exp_avg_sqs.push_back(s.exp_avg_sq());
      steps.push_back(s.step());
    }
    if (params.empty()) continue;
    if (params.front().is_cuda() &&
        compat::fused_adamw(params, grads, exp_avgs, exp_avg_sqs, step_counts_on(params.front().device(), steps),
                            options.lr(), beta1, beta2, options.weight_decay(), options.eps()))
      continue;
    std::vector<c10::Scalar> step_sizes, bias_correction2_sqrts;
    for (const auto t : steps) {
      step_sizes.emplace_back(-options.lr() / (1 - std::pow(beta1, static_cast<double>(t))));
      bias_correction2_sqrts.emplace_back(std::sqrt(1 - std::pow(beta2, static_cast<double>(t))));
    }
    if (options.weight_decay() != 0) at::_foreach_mul_(params, 1 - options.lr() * options.weight_decay());
    at::_foreach_mul_(exp_avgs, beta1);
    at::_foreach_add_(exp_avgs, grads, 1 - beta1);
    at::_foreach_mul_(exp_avg_sqs, beta2);
    at::_foreach_addcmul_(exp_avg_sqs, grads, grads, 1 - beta2);
    auto denominators = at::_foreach_sqrt(exp_avg_sqs);
    at::_foreach_div_(denominators, bias_correction2_sqrts);
    at::_foreach_add_(denominators, options.eps());
    at::_foreach_addcdiv_(params, exp_avgs, denominators, step_sizes);
  }
  return loss;
}

}  // namespace wb
