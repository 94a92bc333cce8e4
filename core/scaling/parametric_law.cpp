// L(N, D) = E + A / N^alpha + B / D^beta and the published fits (Hoffmann et al. 2022,
// Besiroglu et al. 2024, Zheng et al. 2024).
#include "scaling/parametric_law.hpp"

#include <cmath>

namespace wb::scaling {

double ParametricLaw::loss(double params, double tokens) const {
  return E + A / std::pow(params, alpha) + B / std::pow(tokens, beta);
}

double ParametricLaw::frontier_g() const {
  return std::pow((alpha * A) / (beta * B), 1.0 / (alpha + beta));
}

double ParametricLaw::optimal_params_for_tokens(double tokens) const {
  // From D_opt = G^-1 (C/6)^(alpha/(alpha+beta)): C/6 = (G D)^((alpha+beta)/alpha), and so
  // N_opt = G (C/6)^(beta/(alpha+beta)) = G (G D)^(beta/alpha) (datablations' D_to_N).
  const double g = frontier_g();
  return g * std::pow(g * tokens, beta / alpha);
}

ParametricLaw chinchilla_approach3() { return {1.69, 406.4, 410.7, 0.34, 0.28}; }

ParametricLaw besiroglu_2024() { return {1.8172, 482.01, 2085.43, 0.3478, 0.3658}; }

ParametricLaw zheng_scratch() { return {1.55, 420.0, 719.5, 0.40, 0.30}; }

}  // namespace wb::scaling
