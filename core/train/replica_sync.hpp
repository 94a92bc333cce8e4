// What keeps the model replicas of a data-parallel run one model, besides the averaged gradients
// (gradient_reducer): the same starting weights, the same decision to stop, and a check that they
// still agree. Each is a no-op on one process. Used by the trainer; the collectives go through a Communicator.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "model/gpt.hpp"
#include "model/moe_stats.hpp"
#include "train/communicator.hpp"

namespace wb {

// Every rank must train on the same kind of device: CUDA tensors go through NCCL and CPU tensors
// through Gloo, and the loop reads the device at other steps on each, so a job that mixes them
// would wait in mismatched collectives. Throws UserError on every rank, before any of those.
void check_same_device_kind(bool cuda, Communicator& comm);

// Rank 0's weights on every rank: after a resume or init_from only identical weights make the
// averaged gradients step every replica the same way.
void broadcast_parameters(Gpt& model, Communicator& comm);

// This rank's loss positions over the ranks' mean count (1 when every row has T targets):
// weighting each rank's mean loss by it makes the ranks' average the mean over the whole batch.
double target_share(std::int64_t rank_targets, Communicator& comm);

// The losses of the steps since the last sync averaged over ranks, and whether any rank was
// asked to stop. One collective for all: every rank must stop after the same step, or the others
// would wait in the next step's all-reduce for a rank that has left.
std::pair<std::vector<double>, bool> agree_on_steps(std::vector<double> rank_losses, bool rank_stop,
                                                    Communicator& comm);

// A fingerprint of the weights (float64 sums of values and of squares over all parameters).
double parameter_checksum(Gpt& model);

// Replicas must stay bit-identical. A mismatch (a rank on another LibTorch, a non-deterministic
// kernel) throws UserError at the evaluation that finds it, on every rank.
void check_replicas_agree(Gpt& model, Communicator& comm, std::int64_t step);

// Router statistics over every rank's tokens, not only this rank's (equal shares of the batch).
MoeStats average_moe_stats(MoeStats moe, Communicator& comm);

}  // namespace wb
