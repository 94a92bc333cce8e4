// Schedules -> micro-batches -> forward/backward -> all-reduce -> clip -> AdamW; see training_step.hpp.
#include "train/training_step.hpp"

#include <algorithm>

#include "model/torch_compat.hpp"
#include "schedule/schedules_from_spec.hpp"
#include "train/mixed_precision.hpp"
#include "train/optimizer.hpp"
#include "train/replica_sync.hpp"

namespace wb {

TrainingStep::TrainingStep(const RunSpec& spec, const RunPlan& plan, Gpt model, torch::optim::AdamW& optimizer,
                           TrainingBatches& batches, const Objective& objective, Communicator& comm, int rank_batch,
                           const torch::Device& device, std::int64_t gradient_bucket_bytes)
    : spec_(spec), model_(std::move(model)), optimizer_(optimizer), batches_(batches), objective_(objective),
      comm_(comm), rank_batch_(rank_batch), device_(device), lr_schedule_(lr_schedule_for(spec.optimizer, plan)),
      dropout_schedule_(dropout_schedule_for(spec.model.dropout.schedule, plan)) {
  if (comm.world_size() > 1) {
    const auto bytes = gradient_bucket_bytes;
    reducer_ = bytes > 0 ? std::make_unique<GradientReducer>(model_->parameters(), comm, bytes, bytes)
                         : std::make_unique<GradientReducer>(model_->parameters(), comm);
  }
  // parse_run_spec refused what cannot be recorded. On the CPU the graphed step runs eagerly through
  // the same buffers and, on several ranks, the same reduce-after-backward as on GPUs (no overlap):
  // CPU tests cover the path a GPU takes, and graphs are for GPUs anyway.
  if (spec.training.cuda_graphs)
    graphed_ = std::make_unique<GraphedStep>(model_, spec.training.grad_accum, rank_batch, spec.model.block_size,
                                             device, spec.training.label_smoothing);
}

// The dropout schedule's factor times the spec's rates, set on the model when it changes.
void TrainingStep::apply_dropout_schedule(std::int64_t step) {
  const double factor = dropout_multiplier(dropout_schedule_, step);
  if (factor == applied_dropout_factor_) return;
  applied_dropout_factor_ = factor;
  const DropoutSpec& full = spec_.model.dropout;
  DropoutSpec rates = full;
  rates.attn *= factor;
  rates.resid *= factor;
  rates.embd *= factor;
  model_->set_dropout(rates);
  const bool rates_changed = full.attn > 0 || full.resid > 0 || full.embd > 0;
  if (graphed_ && rates_changed) graphed_->invalidate();  // a recording holds the rates it was recorded with
}

torch::Tensor TrainingStep::run(std::int64_t done_steps) {
  apply_dropout_schedule(done_steps);
  const double lr = learning_rate(lr_schedule_, done_steps);
  for (auto& group : optimizer_.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
  torch::Tensor loss_sum = graphed_ ? graphed_forward_backward() : forward_backward();
  // Data parallel: the eager step's backward started most buckets already; after a graphed step
  // (whose backward cannot wait on other ranks) all of them start here, every gradient complete.
  if (reducer_) reducer_->finish();
  if (spec_.optimizer.grad_clip > 0) clip_grad_norm(model_->parameters(), spec_.optimizer.grad_clip);
  optimizer_.step();
  return loss_sum;
}

// The gradients of the step's mean micro-batch loss; returns the sum of the micro-batch losses.
torch::Tensor TrainingStep::forward_backward() {
  compat::zero_grad_to_none(optimizer_);
  const int accum = spec_.training.grad_accum;
  const int T = spec_.model.block_size;
  const auto rows = static_cast<std::size_t>(rank_batch_);
  torch::Tensor loss_sum;  // stays on the device until the next sync step
  for (int micro = 0; micro < accum; ++micro) {
    batches_.next(rows_);
    torch::Tensor loss;
    {
      compat::CudaAutocast autocast(uses_bf16_autocast(device_));
      loss = batch_loss(model_, rows_, rows, T, device_, spec_.training.label_smoothing).total;
    }
    // Ranks hold different numbers of loss positions (prefix LM, span corruption, MLM): weighting
    // each rank's mean by its share of the micro-batch's positions makes the ranks' average the
    // mean over the whole micro-batch, as one process computes it.
    // Causal rows have a target at every position: every share is 1 without asking the ranks.
    if (comm_.world_size() > 1 && objective_.config().kind != ObjectiveKind::kCausal)
      loss = loss * target_share(target_count(rows_, rows, T), comm_);
    // The last micro-batch's backward all-reduces gradient buckets as they fill.
    if (reducer_ && micro == accum - 1) reducer_->arm();
    (loss / accum).backward();
    loss_sum = micro == 0 ? loss.detach() : loss_sum + loss.detach();
  }
  return loss_sum;
}

// forward_backward through the graphed step: the step's micro-batches go into its buffers.
torch::Tensor TrainingStep::graphed_forward_backward() {
  const auto per_micro = static_cast<std::size_t>(rank_batch_) * static_cast<std::size_t>(spec_.model.block_size);
  const auto accum = static_cast<std::size_t>(spec_.training.grad_accum);
  graphed_x_.resize(per_micro * accum);
  graphed_y_.resize(graphed_x_.size());
  for (std::size_t micro = 0; micro < accum; ++micro) {
    batches_.next(rows_);
    TORCH_CHECK(rows_.causal, "a graphed step takes causal rows only");
    const auto at = static_cast<std::ptrdiff_t>(micro * per_micro);
    std::copy_n(rows_.x.begin(), per_micro, graphed_x_.begin() + at);
    std::copy_n(rows_.y.begin(), per_micro, graphed_y_.begin() + at);
  }
  return graphed_->run(graphed_x_, graphed_y_);
}

std::optional<GraphedStep::Outcome> TrainingStep::take_graph_outcome() {
  return graphed_ ? graphed_->take_outcome() : std::nullopt;
}

}  // namespace wb
