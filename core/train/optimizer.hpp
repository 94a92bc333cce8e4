// AdamW as the trainer and the benchmark use it: decoupled weight decay on Linear weights only,
// never on biases, LayerNorm weights or embeddings (nanoGPT's configure_optimizers).
#pragma once

#include <torch/torch.h>

#include "model/gpt.hpp"
#include "spec/run_spec.hpp"

namespace wb {

inline torch::optim::AdamW make_adamw(Gpt& model, const OptimizerSpec& o) {
  auto options = [&](double weight_decay) {
    return std::make_unique<torch::optim::AdamWOptions>(
        torch::optim::AdamWOptions(o.lr).betas({o.beta1, o.beta2}).eps(1e-8).weight_decay(weight_decay));
  };
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(model->decay_parameters(), options(o.weight_decay));
  groups.emplace_back(model->no_decay_parameters(), options(0.0));
  return torch::optim::AdamW(std::move(groups), torch::optim::AdamWOptions(o.lr));
}

}  // namespace wb
