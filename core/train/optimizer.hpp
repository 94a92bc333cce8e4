// AdamW as the trainer and the benchmark use it: decoupled weight decay on Linear weights only,
// never on biases, LayerNorm weights or embeddings (nanoGPT's configure_optimizers), stepped
// over all tensors at once (multi_tensor_adamw); and gradient clipping.
#pragma once

#include <torch/torch.h>

#include "model/gpt.hpp"
#include "model/torch_compat.hpp"
#include "spec/run_spec.hpp"
#include "train/multi_tensor_adamw.hpp"

namespace wb {

inline std::unique_ptr<torch::optim::AdamW> make_adamw(Gpt& model, const OptimizerSpec& o) {
  auto options = [&](double weight_decay) {
    return std::make_unique<torch::optim::AdamWOptions>(
        torch::optim::AdamWOptions(o.lr).betas({o.beta1, o.beta2}).eps(1e-8).weight_decay(weight_decay));
  };
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(model->decay_parameters(), options(o.weight_decay));
  groups.emplace_back(model->no_decay_parameters(), options(0.0));
  return std::make_unique<MultiTensorAdamW>(std::move(groups), torch::optim::AdamWOptions(o.lr));
}

// Scales the gradients so that their global L2 norm is at most max_norm; returns the norm before,
// on the gradients' device. LibTorch's clip_grad_norm_ does the same arithmetic but returns a
// double, which makes the host wait for the GPU at every step. On a GPU the norms and the scaling
// are multi-tensor kernels (as PyTorch's clip_grad_norm_ does there): a launch per parameter would
// cost small models, whose steps are short, a good part of a step. On the CPU the per-tensor loop
// keeps runs bit-identical to their golden losses.
inline torch::Tensor clip_grad_norm(const std::vector<torch::Tensor>& parameters, double max_norm) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> grads;
  for (const auto& p : parameters)
    if (p.grad().defined()) grads.push_back(p.grad());
  if (grads.empty()) return torch::zeros({});
  const bool cuda = grads.front().is_cuda();
  std::vector<torch::Tensor> norms;
  if (cuda) {
    norms = at::_foreach_norm(grads, 2.0);
  } else {
    for (const auto& g : grads) norms.push_back(g.norm(2.0));
  }
  auto total = norms.size() == 1 ? norms[0] : torch::stack(norms).norm(2.0);
  const auto coefficient = torch::clamp_max(max_norm / (total + 1e-6), 1.0);
  if (cuda) {
    compat::multiply_all_(grads, coefficient);
  } else {
    for (const auto& g : grads) g.mul_(coefficient);
  }
  return total;
}

}  // namespace wb
