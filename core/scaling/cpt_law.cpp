// L(N, D) = E + A / N^alpha + B' / (D^beta' N^gamma) (Zheng et al. 2024).
#include "scaling/cpt_law.hpp"

#include <cmath>

namespace wb::scaling {

double CptLaw::loss(double params, double tokens) const {
  return E + A / std::pow(params, alpha) + B / (std::pow(tokens, beta) * std::pow(params, gamma));
}

CptLaw zheng_cpt() { return {1.55, 420.0, 433.3, 0.40, 0.20, 0.08}; }

}  // namespace wb::scaling
