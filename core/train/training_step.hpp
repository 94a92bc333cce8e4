// One optimizer step of a run, as the trainer repeats it: the learning rate and dropout rates the
// schedules give the step, grad_accum micro-batches forward and backward (eagerly, or replayed
// from a CUDA graph: training.cuda_graphs), the gradient all-reduce across ranks, clipping and
// AdamW.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <torch/torch.h>

#include "model/gpt.hpp"
#include "schedule/dropout_schedule.hpp"
#include "schedule/lr_schedule.hpp"
#include "spec/run_spec.hpp"
#include "train/batch_rows.hpp"
#include "train/communicator.hpp"
#include "train/gradient_reducer.hpp"
#include "train/graphed_step.hpp"
#include "train/training_batches.hpp"

namespace wb {

class TrainingStep {
 public:
  // Everything passed by reference must outlive the step. gradient_bucket_bytes: the data-parallel
  // all-reduce's bucket size, 0 for DDP's (1 MiB, then 25 MiB).
  TrainingStep(const RunSpec& spec, const RunPlan& plan, Gpt model, torch::optim::AdamW& optimizer,
               TrainingBatches& batches, const Objective& objective, Communicator& comm, int rank_batch,
               const torch::Device& device, std::int64_t gradient_bucket_bytes);

  // Trains the step after `done_steps` steps; returns the sum of its grad_accum micro-batch losses,
  // on the device (the host reads it only every few steps).
  torch::Tensor run(std::int64_t done_steps);

  // training.cuda_graphs: whether the step was recorded as a CUDA graph, or why not; once per
  // recording (see GraphedStep::take_outcome).
  std::optional<GraphedStep::Outcome> take_graph_outcome();
  const LrSchedule& lr_schedule() const { return lr_schedule_; }

 private:
  void apply_dropout_schedule(std::int64_t step);
  torch::Tensor forward_backward();
  torch::Tensor graphed_forward_backward();

  const RunSpec& spec_;
  Gpt model_;
  torch::optim::AdamW& optimizer_;
  TrainingBatches& batches_;
  const Objective& objective_;
  Communicator& comm_;
  int rank_batch_;  // this rank's share of each micro-batch
  torch::Device device_;
  LrSchedule lr_schedule_;
  DropoutSchedule dropout_schedule_;
  double applied_dropout_factor_ = 1.0;  // the model is built with the spec's full rates
  std::unique_ptr<GradientReducer> reducer_;  // data parallel only
  std::unique_ptr<GraphedStep> graphed_;      // training.cuda_graphs
  Rows rows_;
  std::vector<std::int64_t> graphed_x_, graphed_y_;  // one step's micro-batches for graphed_
};

}  // namespace wb
