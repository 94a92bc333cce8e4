// What data-parallel training needs from a process group: average gradients and scalars, and
// broadcast the initial weights. The single-process implementation does nothing; c10d (Gloo on
// CPU, NCCL on GPU) implementations come with the multi-process work.
#pragma once

#include <vector>

#include <torch/torch.h>

namespace wb {

class Communicator {
 public:
  virtual ~Communicator() = default;
  virtual int rank() const = 0;
  virtual int world_size() const = 0;
  virtual void all_reduce_mean(std::vector<torch::Tensor>& tensors) = 0;  // in place
  virtual double all_reduce_mean(double value) = 0;
  virtual void broadcast(std::vector<torch::Tensor>& tensors, int root) = 0;
  virtual void barrier() = 0;
};

class SingleProcessCommunicator final : public Communicator {
 public:
  int rank() const override { return 0; }
  int world_size() const override { return 1; }
  void all_reduce_mean(std::vector<torch::Tensor>&) override {}
  double all_reduce_mean(double value) override { return value; }
  void broadcast(std::vector<torch::Tensor>&, int) override {}
  void barrier() override {}
};

}  // namespace wb
