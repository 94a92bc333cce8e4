// Planning under a unique-data limit (Muennighoff et al. 2023): for a FLOP budget C and U unique
// tokens, the model size N, tokens D = C / (6 N) and epochs D / U that minimize the
// data-constrained law, found by search over N as the datablations notebooks do.
#pragma once

#include "scaling/compute_optimal.hpp"
#include "scaling/data_constrained_law.hpp"

namespace wb::scaling {

struct DataConstrainedPlan {
  Allocation best;                   // minimizes the data-constrained loss
  DataConstrainedPrediction at_best; // loss, D', N', epochs at that allocation
  // The allocation the unconstrained base law would choose for C, and what it scores once its
  // token count has to be drawn from the U unique tokens.
  Allocation unconstrained;
  DataConstrainedPrediction at_unconstrained;
};

// Throws std::invalid_argument when flops or unique_tokens are not positive.
DataConstrainedPlan plan_for_flops(const DataConstrainedLaw& law, double flops, double unique_tokens);

}  // namespace wb::scaling
