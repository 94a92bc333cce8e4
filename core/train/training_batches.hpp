// This rank's training micro-batches of a run: the repetition sampler over the run's unique
// tokens (and over the replay corpus), the stream that mixes replay in and deals rows to the
// ranks, and the objective's rows made from them. Restorable to any micro-batch, for resume.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "data/dataset.hpp"
#include "data/repetition_sampler.hpp"
#include "data/training_stream.hpp"
#include "spec/run_spec.hpp"
#include "train/batch_rows.hpp"

namespace wb {

class TrainingBatches {
 public:
  // `replay` is data.replay.corpus's dataset (null without replay); `objective` must outlive this.
  // Throws DataError when the plan replays but no replay dataset was prepared.
  TrainingBatches(const RunSpec& spec, const RunPlan& plan, const PreparedDataset& main,
                  const PreparedDataset* replay, const Objective& objective, int rank_batch, int rank,
                  int world_size);

  // The objective's rows of this rank's next micro-batch.
  void next(Rows& rows);
  // Continue after `micro_batches` micro-batches (a checkpoint's count).
  void restore(std::int64_t micro_batches) { stream_->restore(micro_batches); }
  // Epochs of the run's own corpus after `step` optimizer steps: replay sequences do not count.
  double epoch_at(std::int64_t step) const;

 private:
  const Objective& objective_;
  std::int64_t unique_tokens_, tokens_per_step_;
  int block_size_, rank_batch_, rank_, world_size_;
  std::uint64_t row_seed_;
  std::unique_ptr<RepetitionSampler> sampler_;         // the run's corpus, random access
  std::unique_ptr<RepetitionSampler> replay_sampler_;  // data.replay.corpus
  std::unique_ptr<TrainingStream> stream_;
  std::vector<std::int64_t> windows_;                  // one micro-batch of block_size + 1 windows
  std::unique_ptr<bool[]> replay_rows_;                // which of its rows are replay
};

}  // namespace wb
