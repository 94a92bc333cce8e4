// One micro-batch as the model takes it: the objective's rows made from windows of block_size + 1
// tokens, and the loss of such a batch. Shared by the training step and the evaluator.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <torch/torch.h>

#include "data/objectives/objective.hpp"
#include "model/gpt.hpp"
#include "spec/run_spec.hpp"

namespace wb {

// Streams of row seeds: training rows draw their objective noise from (seed, row index),
// validation rows from (split seed, set, row index), so every evaluation scores the same rows.
inline constexpr std::uint64_t kObjectiveTrainStream = 0x0b1ec7;
inline constexpr std::uint64_t kObjectiveEvalStream = 0xe7a1;

struct Rows {
  std::vector<std::int64_t> x, y;  // (rows, T) row-major; y = -1: no loss at that position
  std::vector<std::int64_t> prefix;  // per row: positions that attend bidirectionally
  bool causal = true;                // every prefix is 0: the model's fast causal path
};

// Row r of `windows` becomes the objective's row with seed mix_seed(stream_seed, first_index + r).
void make_rows(const Objective& objective, int block_size, std::span<const std::int64_t> windows,
               std::size_t rows, std::uint64_t stream_seed, std::int64_t first_index, Rows& out);

struct BatchLoss {
  torch::Tensor total;  // what is backpropagated: cross-entropy (label-smoothed) + MoE router losses
  torch::Tensor nll;    // mean cross-entropy over target positions, unsmoothed: the reported loss
};

// Positions with a loss (y != -1) in the first `rows` rows: what a batch's mean loss averages.
std::int64_t target_count(const Rows& batch, std::size_t rows, int block_size);

// `buffer` as a tensor of `shape` to copy to `device` without waiting: for a GPU staged in
// page-locked memory (the caching host allocator keeps the block until the copy is done, so
// `buffer` may be refilled at once), for the CPU the buffer itself.
torch::Tensor staged_for(const std::vector<std::int64_t>& buffer, at::IntArrayRef shape, const torch::Device& device);

// The first `rows` rows of `batch` on `device`.
BatchLoss batch_loss(Gpt& model, Rows& batch, std::size_t rows, int block_size, const torch::Device& device,
                     double label_smoothing);

}  // namespace wb
