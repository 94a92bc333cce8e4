// When the training loop reads the device. A GPU runs ahead of the host only while the host does
// not wait for it, so step losses stay on the device and are read together at sync steps, where
// the ranks also agree on them and on whether to stop (Ctrl-C is seen there, up to `interval` - 1
// steps late, and so is a non-finite loss). Evaluations, checkpoints, the last step and
// stop_after_steps are sync steps; so is every `interval`-th step. Every rank computes the same
// sync steps from the same inputs, so their collectives match. Pure.
#pragma once

#include <cstdint>

namespace wb {

struct SyncPoints {
  std::int64_t interval = 1;             // read at least every this many steps
  std::int64_t eval_interval = 0;        // training.eval_interval
  std::int64_t checkpoint_interval = 0;  // training.checkpoint_interval; 0: none
  std::int64_t total_steps = 0;
  std::int64_t stop_after_steps = -1;    // TrainerOptions::stop_after_steps; -1: none
};

// Whether the loop reads the device after `step` (1-based: the step just taken).
inline bool is_sync_step(std::int64_t step, const SyncPoints& p) {
  const auto every = [step](std::int64_t n) { return n > 0 && step % n == 0; };
  return p.interval <= 1 || every(p.interval) || every(p.eval_interval) || every(p.checkpoint_interval) ||
         step >= p.total_steps || (p.stop_after_steps >= 0 && step >= p.stop_after_steps);
}

// TrainerOptions::sync_interval 0: every step on the CPU, where a read costs nothing and Ctrl-C
// stops at once; every 16 on CUDA, where a read per step stalls the GPU (small models above all).
inline std::int64_t default_sync_interval(bool cuda) { return cuda ? 16 : 1; }

}  // namespace wb
