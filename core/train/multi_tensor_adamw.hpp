// LibTorch's AdamW with a multi-tensor step: the same arithmetic, state and checkpoints as
// torch::optim::AdamW (bit for bit on the CPU), but each of the update's eight operations runs
// once over all parameters of a group (_foreach_* kernels) instead of once per parameter. On a
// GPU that turns ~8 kernel launches per parameter tensor into a handful per group, which is most
// of an optimizer step for the 1-20M-parameter models repetition studies train. Where LibTorch
// has AdamW's fused CUDA kernel (2.1+), a group's update on the GPU is that one kernel: one read
// and write of parameters and moments instead of about ten.
#pragma once

#include <torch/torch.h>

namespace wb {

class MultiTensorAdamW : public torch::optim::AdamW {
 public:
  using torch::optim::AdamW::AdamW;
  torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace wb
