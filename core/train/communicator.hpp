// What data-parallel training needs from a process group: average gradients and scalars, and
// broadcast the initial weights. The single-process implementation does nothing; the c10d one
// (Gloo) is in c10d_communicator; the CLI's rank group on the same store in c10d_rank_group.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include <torch/torch.h>

namespace wb {

// A collective in flight. wait() returns once its result is in the tensor it was started on, or
// throws RankFailure when the other ranks did not answer within the group's timeout.
class PendingCollective {
 public:
  virtual ~PendingCollective() = default;
  virtual void wait() = 0;
};

// A collective that completed when it was started (one process; a test's stand-in).
class CompletedCollective final : public PendingCollective {
 public:
  void wait() override {}
};

class Communicator {
 public:
  virtual ~Communicator() = default;
  virtual int rank() const = 0;
  virtual int world_size() const = 0;
  virtual void all_reduce_mean(std::vector<torch::Tensor>& tensors) = 0;  // in place
  virtual double all_reduce_mean(double value) = 0;
  // Sums a flat tensor over the ranks in place, in the background; every rank must start its
  // collectives in the same order. The tensor must stay alive and untouched until wait().
  virtual std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor flat) = 0;
  virtual void broadcast(std::vector<torch::Tensor>& tensors, int root) = 0;
  virtual void barrier() = 0;
  // Runs `work` on rank 0 (a checkpoint write) while the other ranks wait for it up to `timeout`
  // rather than the group's collective timeout: a large model on a slow disk takes longer than a
  // collective may. When `work` throws, every rank throws (the others a UserError with rank 0's
  // reason), so they all fail the run together. A rank that died still fails it within the
  // collective timeout.
  virtual void on_rank_zero(std::chrono::milliseconds timeout, const std::function<void()>& work) {
    (void)timeout;
    if (rank() == 0) work();
    barrier();
  }
};

class SingleProcessCommunicator final : public Communicator {
 public:
  int rank() const override { return 0; }
  int world_size() const override { return 1; }
  void all_reduce_mean(std::vector<torch::Tensor>&) override {}
  double all_reduce_mean(double value) override { return value; }
  std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor) override {
    return std::make_unique<CompletedCollective>();
  }
  void broadcast(std::vector<torch::Tensor>&, int) override {}
  void barrier() override {}
};

}  // namespace wb
