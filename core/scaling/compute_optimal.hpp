// Compute-optimal allocation: for a budget of FLOPs (or a model size, or a token count), the model
// size N and token count D that minimize loss under C = 6 N D. Every law used here has a
// power-law frontier N_opt = k C^a, so one representation serves them all; D = C / (6 N) keeps
// C = 6 N D exact in every answer. Pure functions, no Torch.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scaling/parametric_law.hpp"

namespace wb::scaling {

enum class AllocationLaw {
  kChinchillaApproach1,  // Hoffmann et al. 2022, Approach 1 (the study's Table 3 projections)
  kChinchillaApproach3,  // Hoffmann et al. 2022, Approach 3 parametric fit
  kBesiroglu,            // Besiroglu et al. 2024 replication of Approach 3
  kCpt,                  // Zheng et al. 2024, continual pre-training: N = 4.79 C^0.385
  kZhengScratch,         // Zheng et al. 2024, from scratch: N = 0.324 C^0.429
};

// "chinchilla-approach1", "chinchilla-approach3", "besiroglu", "cpt", "zheng-scratch".
std::string_view law_name(AllocationLaw law);
// Throws std::invalid_argument naming the allowed names.
AllocationLaw allocation_law_from_name(std::string_view name);
std::vector<std::string_view> allocation_law_names();

// N_opt = k C^a.
struct PowerLawFrontier {
  double k = 0.0;
  double a = 0.0;
};
PowerLawFrontier frontier(AllocationLaw law);
// The frontier of a parametric law: k = G 6^(-a), a = beta / (alpha + beta).
PowerLawFrontier frontier(const ParametricLaw& law);

struct Allocation {
  double params = 0.0;           // N
  double tokens = 0.0;           // D
  double flops = 0.0;            // C = 6 N D
  double tokens_per_param = 0.0; // D / N
};

// Throws std::invalid_argument when the given value is not positive.
Allocation optimal_for_flops(const PowerLawFrontier& f, double flops);
Allocation optimal_for_params(const PowerLawFrontier& f, double params);
Allocation optimal_for_tokens(const PowerLawFrontier& f, double tokens);

}  // namespace wb::scaling
