// Static buffers, recording and replay of a training step's forward and backward; see graphed_step.hpp.
#include "train/graphed_step.hpp"

#include "common/errors.hpp"
#include "model/torch_compat.hpp"
#include "train/batch_rows.hpp"
#include "train/error_text.hpp"
#include "train/mixed_precision.hpp"

namespace wb {
namespace {

StepGraphFactory& step_graph_factory() {
  static StepGraphFactory factory;
  return factory;
}

// Host token ids into a static device buffer, copied without waiting.
void copy_in(const std::vector<std::int64_t>& host, torch::Tensor& on_device) {
  TORCH_CHECK(static_cast<std::int64_t>(host.size()) == on_device.numel(), "a graphed step takes ",
              on_device.numel(), " token ids, not ", host.size());
  on_device.copy_(staged_for(host, on_device.sizes(), on_device.device()), /*non_blocking=*/on_device.is_cuda());
}

}  // namespace

void install_step_graphs(StepGraphFactory factory) { step_graph_factory() = std::move(factory); }

std::unique_ptr<StepGraph> make_step_graph(int gpu) {
  return step_graph_factory() ? step_graph_factory()(gpu) : nullptr;
}

GraphedStep::GraphedStep(Gpt model, int micro_batches, int rows, int block_size, const torch::Device& device,
                         double label_smoothing)
    : model_(std::move(model)), micro_batches_(micro_batches), device_(device), label_smoothing_(label_smoothing) {
  const auto options = torch::TensorOptions().dtype(torch::kLong).device(device);
  x_ = torch::zeros({micro_batches, rows, block_size}, options);
  y_ = torch::full({micro_batches, rows, block_size}, -1, options);
}

void GraphedStep::forward_backward() {
  torch::Tensor sum;
  for (int micro = 0; micro < micro_batches_; ++micro) {
    torch::Tensor loss;
    {
      compat::CudaAutocast autocast(uses_bf16_autocast(device_));
      loss = model_->compute_loss(x_[micro], y_[micro], /*prefix_len=*/{}, label_smoothing_).total;
    }
    // The same operations, in the same order, as the trainer's eager step: bit-identical on the CPU.
    (loss / micro_batches_).backward();
    sum = micro == 0 ? loss.detach() : sum + loss.detach();
  }
  loss_sum_ = sum;
}

void GraphedStep::drop_gradients() { compat::zero_grad_to_none(model_->parameters()); }

void GraphedStep::try_to_record() {
  attempted_ = true;
  Outcome outcome;
  if (!device_.is_cuda()) {
    outcome.reason = kNoGraphsOnTheCpu;
  } else if (!(graph_ = make_step_graph(device_.has_index() ? device_.index() : 0))) {
    outcome.reason = "this build of workbench-cli has no CUDA graph support";
  } else {
    // Recorded with no gradients: the recorded backward writes each gradient into memory of the
    // graph's own, where every replay writes it again and the optimizer finds it.
    drop_gradients();
    try {
      graph_->record([this] { forward_backward(); }, [this] { drop_gradients(); });
      for (const auto& p : model_->parameters()) recorded_grads_.push_back(p.grad());
      outcome.recorded = true;
    } catch (const std::exception& e) {
      graph_.reset();
      throw UserError(ExitCode::kRuntime, "recording the training step as a CUDA graph failed: " + error_text(e),
                      "set training.cuda_graphs to false for this run (bench: leave out --cuda-graphs); "
                      "please report the model and LibTorch version");
    }
  }
  outcome_ = outcome;
}

torch::Tensor GraphedStep::run(const std::vector<std::int64_t>& x, const std::vector<std::int64_t>& y) {
  copy_in(x, x_);
  copy_in(y, y_);
  if (!attempted_) try_to_record();
  if (graph_) {
    graph_->replay();
    auto parameters = model_->parameters();
    for (std::size_t i = 0; i < parameters.size(); ++i) parameters[i].mutable_grad() = recorded_grads_[i];
    return loss_sum_.clone();  // the next replay overwrites loss_sum_
  }
  drop_gradients();
  forward_backward();
  return loss_sum_;
}

void GraphedStep::invalidate() {
  if (!graph_) return;  // nothing recorded: what stopped it then stops it again
  recorded_grads_.clear();
  graph_.reset();       // a replay still in flight completes; its memory is freed after it
  attempted_ = false;
}

std::optional<GraphedStep::Outcome> GraphedStep::take_outcome() {
  auto outcome = std::move(outcome_);
  outcome_.reset();
  return outcome;
}

}  // namespace wb
