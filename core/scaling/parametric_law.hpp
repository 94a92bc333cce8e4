// The Chinchilla-form loss law L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022) with
// the published fits, and its compute-optimal frontier under C = 6 N D. Pure functions, no Torch.
#pragma once

namespace wb::scaling {

struct ParametricLaw {
  double E = 0.0;      // irreducible loss (nats per token)
  double A = 0.0;      // parameter term coefficient
  double B = 0.0;      // data term coefficient
  double alpha = 0.0;  // parameter exponent
  double beta = 0.0;   // data exponent

  // Predicted loss of N parameters trained on D tokens.
  double loss(double params, double tokens) const;
  // G = (alpha A / (beta B))^(1 / (alpha + beta)): N_opt = G (C/6)^(beta/(alpha+beta)) and
  // D_opt = G^-1 (C/6)^(alpha/(alpha+beta)) (Hoffmann et al. 2022, Approach 3).
  double frontier_g() const;
  // The compute-optimal size for D tokens under this law: G (G D)^(beta/alpha) (Muennighoff et
  // al. 2023 use it as N_opt(U_D) in the data-constrained law).
  double optimal_params_for_tokens(double tokens) const;
};

// Hoffmann et al. 2022, Approach 3: E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28.
ParametricLaw chinchilla_approach3();
// Besiroglu et al. 2024, the replication of Approach 3: E=1.8172, A=482.01, B=2085.43,
// alpha=0.3478, beta=0.3658.
ParametricLaw besiroglu_2024();
// Zheng et al. 2024, training from scratch: E=1.55, A=420.0, B=719.5, alpha=0.40, beta=0.30.
ParametricLaw zheng_scratch();

}  // namespace wb::scaling
