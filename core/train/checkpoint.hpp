// Checkpoints: model weights, optimizer state, the CPU (and GPU) RNG state and the loop state (step,
// sampler position, loss bookkeeping), so that save -> load -> continue reproduces the
// uninterrupted run's losses exactly. Written to a temporary file and renamed.
#pragma once

#include <cstdint>
#include <string>
#include <filesystem>
#include <vector>

#include <torch/torch.h>

#include "model/gpt.hpp"

namespace wb {

struct LoopState {
  std::int64_t step = 0;                // optimizer steps done
  std::int64_t micro_batches = 0;       // sampler position (per rank)
  double interval_loss_sum = 0.0;       // training loss since the last evaluation
  std::int64_t interval_steps = 0;
  std::vector<double> val_history;      // every evaluation's validation loss
  std::vector<std::int64_t> eval_steps; // ... and its step
  std::vector<double> train_history;    // the mean training loss before each evaluation
  double best_val_loss = 0.0;           // of best.pt, the best-validation checkpoint
  std::vector<double> initial_losses;   // every validation set's loss at the first evaluation
  bool onset_reported = false;
  double wall_s = 0.0;                  // training time before this process started
  std::string fingerprint;              // hash of spec, dataset and step size it was written for
};

void save_checkpoint(const std::filesystem::path& file, Gpt& model, torch::optim::Optimizer& optimizer,
                     const LoopState& state);
// Throws DataError naming the file when it is unreadable or of another model shape.
LoopState load_checkpoint(const std::filesystem::path& file, Gpt& model, torch::optim::Optimizer& optimizer);

// Continual pre-training: the weights (and, when `optimizer` is given, the AdamW moments) of another
// run's checkpoint; its RNG and loop state are not taken. Throws DataError naming the file and
// what differs when the model shapes do not match (another size, architecture or vocabulary).
void load_initial_weights(const std::filesystem::path& file, Gpt& model, torch::optim::Optimizer* optimizer);

}  // namespace wb
