// The continual-pre-training law of Zheng et al. 2024 ("Breaking Language Barriers"):
//   L(N, D) = E + A / N^alpha + B' / (D^beta' N^gamma)
// where D counts the tokens of the continued pre-training on the new language: a larger model
// profits more from each new token (the joint data-parameter term). Pure functions, no Torch.
#pragma once

namespace wb::scaling {

struct CptLaw {
  double E = 0.0;
  double A = 0.0;
  double B = 0.0;      // B'
  double alpha = 0.0;
  double beta = 0.0;   // beta'
  double gamma = 0.0;  // the joint term's parameter exponent

  double loss(double params, double tokens) const;
};

// Zheng et al. 2024, continual pre-training: E=1.55, A=420.0, B'=433.3, alpha=0.40, beta'=0.20,
// gamma=0.08.
CptLaw zheng_cpt();

}  // namespace wb::scaling
