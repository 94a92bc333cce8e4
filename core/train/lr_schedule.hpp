// Learning-rate schedule: linear warmup, then cosine decay to a minimum (nanoGPT's get_lr).
// A pure function of the step, tested with a table of values.
#pragma once

#include <cmath>
#include <cstdint>

namespace wb {

struct LrSchedule {
  double max_lr = 1e-3;            // reached at the end of warmup
  double min_lr = 1e-4;            // reached at decay_steps and kept after
  std::int64_t warmup_steps = 100;
  std::int64_t decay_steps = 2000; // the step at which cosine reaches min_lr
};

// `step` is 0-based: the learning rate used for the (step + 1)-th optimizer step.
inline double learning_rate(const LrSchedule& s, std::int64_t step) {
  if (step < s.warmup_steps)
    return s.max_lr * static_cast<double>(step + 1) / static_cast<double>(s.warmup_steps + 1);
  if (step > s.decay_steps || s.decay_steps <= s.warmup_steps) return s.min_lr;
  const double ratio = static_cast<double>(step - s.warmup_steps) /
                       static_cast<double>(s.decay_steps - s.warmup_steps);
  const double coeff = 0.5 * (1.0 + std::cos(M_PI * ratio));  // 1 -> 0
  return s.min_lr + coeff * (s.max_lr - s.min_lr);
}

}  // namespace wb
