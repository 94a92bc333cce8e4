// The data-constrained scaling law of Muennighoff et al. 2023 (huggingface/datablations):
// repeated tokens and excess parameters are worth exponentially less than fresh ones.
//   R_D = D / U_D - 1,  D' = U_D + U_D R_D* (1 - exp(-R_D / R_D*))
//   U_N = min(N, N_opt(U_D)),  R_N = N / U_N - 1,  N' = U_N + U_N R_N* (1 - exp(-R_N / R_N*))
//   L = E + A / N'^alpha + B / D'^beta
// Pure functions, no Torch.
#pragma once

#include "scaling/parametric_law.hpp"

namespace wb::scaling {

struct DataConstrainedLaw {
  ParametricLaw base;      // E, A, B, alpha, beta
  double rd_star = 0.0;    // R_D*: repetitions at which repeated data's value has decayed by 1/e
  double rn_star = 0.0;    // R_N*: the same for excess parameters
};

// Muennighoff et al. 2023's fit on C4: A=exp(6.255414), B=exp(7.3049974), E=exp(0.6254804),
// alpha=beta=0.3526596, R_D*=15.387756, R_N*=5.309743.
DataConstrainedLaw muennighoff_2023();

// D' for D training tokens drawn from U unique ones (U <= D; D < U counts as one epoch of D).
struct EffectiveData {
  double unique_tokens = 0.0;     // U_D
  double tokens = 0.0;            // D
  double epochs = 0.0;            // D / U_D
  double repetitions = 0.0;       // R_D = max(D / U_D - 1, 0)
  double effective_tokens = 0.0;  // D'
  double ratio = 0.0;             // D' / D: 1 for unique data, falling with epochs
  // What a repeated token is worth relative to a unique one: (D' - U) / (D - U); 1 when nothing
  // is repeated.
  double repeated_token_value = 1.0;
};
EffectiveData effective_data(double unique_tokens, double tokens, double rd_star);

// N' for N parameters when only U unique tokens exist.
struct EffectiveParams {
  double params = 0.0;            // N
  double useful_params = 0.0;     // U_N = min(N, N_opt(U_D))
  double repetitions = 0.0;       // R_N = max(N / U_N - 1, 0)
  double effective_params = 0.0;  // N'
};
EffectiveParams effective_params(const DataConstrainedLaw& law, double params, double unique_tokens);

struct DataConstrainedPrediction {
  double loss = 0.0;
  EffectiveData data;
  EffectiveParams params;
};
// Throws std::invalid_argument when a value is not positive.
DataConstrainedPrediction predict(const DataConstrainedLaw& law, double params, double tokens,
                                  double unique_tokens);

}  // namespace wb::scaling
