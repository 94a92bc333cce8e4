// Detects the onset of overfitting from the validation-loss history: the evaluation with the best
// loss, once the loss has stayed above it by more than a relative tolerance for `patience`
// evaluations in a row. A pure function, tested with tables.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

namespace wb {

struct OverfittingCriteria {
  double tolerance = 0.01;  // relative rise over the best loss that counts (1%)
  int patience = 2;         // consecutive evaluations above best * (1 + tolerance)
};

// Index of the best evaluation before a sustained rise, or nullopt while there is none.
inline std::optional<std::size_t> overfitting_onset(std::span<const double> val_losses,
                                                    OverfittingCriteria criteria = {}) {
  std::size_t best = 0;
  int above = 0;
  for (std::size_t i = 0; i < val_losses.size(); ++i) {
    if (val_losses[i] < val_losses[best]) {
      best = i;
      above = 0;
    } else if (val_losses[i] > val_losses[best] * (1.0 + criteria.tolerance)) {
      if (++above >= criteria.patience) return best;
    } else {
      above = 0;
    }
  }
  return std::nullopt;
}

}  // namespace wb
