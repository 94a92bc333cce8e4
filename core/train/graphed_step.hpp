// One optimizer step's forward and backward (all its micro-batches) on fixed device buffers, so a
// CUDA graph can record it once and replay it with one launch per step (training.cuda_graphs).
// Small models on a GPU spend their step launching hundreds of kernels of a few microseconds each;
// a replay launches them all at once. The optimizer step stays outside the graph (its learning
// rate and bias corrections change every step). Where nothing is recorded (on the CPU, in a build
// without CUDA graphs) the same work runs eagerly, and take_outcome() says why; a recording that
// fails stops the run (the device's generator and allocator are left mid-recording).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "model/gpt.hpp"
#include "train/step_graph.hpp"

namespace wb {

class GraphedStep {
 public:
  // Micro-batches of `rows` causal rows of `block_size` tokens each.
  GraphedStep(Gpt model, int micro_batches, int rows, int block_size, const torch::Device& device,
              double label_smoothing);

  // x, y: micro_batches x rows x block_size token ids (y = -1: no loss there). Copies them to the
  // device and leaves in the parameters' gradients those of the mean of the micro-batches' losses,
  // as the eager step does. Returns the sum of the micro-batches' losses: a new device tensor.
  // Whatever the caller made of .grad since (a data-parallel reducer points it at its buckets),
  // a replay's gradients are in .grad afterwards.
  torch::Tensor run(const std::vector<std::int64_t>& x, const std::vector<std::int64_t>& y);

  // The model changed in a way a recording bakes in (its dropout rates): record again next run.
  void invalidate();

  struct Outcome {
    bool recorded = false;
    std::string reason;  // why not, when not recorded
  };
  // Whether the last recording attempt succeeded, once per attempt (the first run, and the first
  // after invalidate()); nullopt otherwise.
  std::optional<Outcome> take_outcome();

 private:
  void forward_backward();  // the recorded work: reads x_, y_; writes loss_sum_ and gradients
  void drop_gradients();
  void try_to_record();

  Gpt model_;
  int micro_batches_;
  torch::Device device_;
  double label_smoothing_;
  torch::Tensor x_, y_;      // (micro_batches, rows, block_size) on the device, never reallocated
  torch::Tensor loss_sum_;   // written by forward_backward
  std::unique_ptr<StepGraph> graph_;
  // Each parameter's gradient as the recording left it: the graph's memory, which every replay
  // writes. Undefined for parameters the recorded backward did not reach.
  std::vector<torch::Tensor> recorded_grads_;
  bool attempted_ = false;
  std::optional<Outcome> outcome_;
};

}  // namespace wb
