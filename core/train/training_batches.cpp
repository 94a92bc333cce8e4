// Samplers -> stream -> objective rows; see training_batches.hpp.
#include "train/training_batches.hpp"

#include <algorithm>
#include <span>

#include "common/errors.hpp"
#include "data/portable_random.hpp"

namespace wb {

TrainingBatches::TrainingBatches(const RunSpec& spec, const RunPlan& plan, const PreparedDataset& main,
                                 const PreparedDataset* replay, const Objective& objective, int rank_batch, int rank,
                                 int world_size)
    : objective_(objective), unique_tokens_(plan.unique_tokens), tokens_per_step_(plan.tokens_per_step),
      block_size_(spec.model.block_size), rank_batch_(rank_batch), rank_(rank), world_size_(world_size),
      row_seed_(mix_seed(spec.training.seed, kObjectiveTrainStream)),
      replay_rows_(std::make_unique<bool[]>(static_cast<std::size_t>(rank_batch))) {
  const int T = block_size_;
  // Batch size 1: the stream addresses sequences one by one (see training_stream.hpp).
  sampler_ = std::make_unique<RepetitionSampler>(main.train, plan.unique_tokens, T, 1, spec.training.seed);
  if (plan.replay_tokens > 0) {
    if (!replay)
      throw DataError("data.replay.corpus \"" + spec.data.replay.corpus + "\" was not prepared for this run",
                      "run the spec through `workbench-cli run`, which prepares every corpus it names");
    // As many unique replay tokens as replay needs (one epoch of them), or all the corpus has.
    const std::int64_t available = (static_cast<std::int64_t>(replay->train.size()) - 1) / T * T;
    const std::int64_t unique = std::max<std::int64_t>(T, std::min(available, plan.replay_tokens));
    replay_sampler_ = std::make_unique<RepetitionSampler>(replay->train, unique, T, 1, spec.training.seed + 1);
  }
  stream_ = std::make_unique<TrainingStream>(*sampler_, replay_sampler_.get(), spec.data.replay.fraction, T,
                                             rank_batch, rank, world_size);
  windows_.resize(static_cast<std::size_t>(rank_batch) * (T + 1));
}

void TrainingBatches::next(Rows& rows) {
  const auto B = static_cast<std::size_t>(rank_batch_);
  // The global index of this rank's first row: the same rule as the stream's.
  const std::int64_t first = (stream_->micro_batches() * world_size_ + rank_) * rank_batch_;
  stream_->next_batch(windows_, std::span<bool>(replay_rows_.get(), B));
  make_rows(objective_, block_size_, windows_, B, row_seed_, first, rows);
}

double TrainingBatches::epoch_at(std::int64_t step) const {
  const std::int64_t sequences = step * tokens_per_step_ / block_size_;
  const std::int64_t fresh = sequences - stream_->replay_before(sequences);
  return static_cast<double>(fresh * block_size_) / static_cast<double>(unique_tokens_);
}

}  // namespace wb
