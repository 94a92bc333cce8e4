// The data-constrained law of Muennighoff et al. 2023, written as datablations' README computes
// it (scaling_law(N, D, U)), so its worked example reproduces digit for digit.
#include "scaling/data_constrained_law.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace wb::scaling {
namespace {

void require_positive(double value, const char* what) {
  if (!(value > 0.0) || !std::isfinite(value))
    throw std::invalid_argument(std::string(what) + " must be a positive number, not " + std::to_string(value));
}

// U + U R* (1 - exp(-R / R*)): the value of U unique items used R extra times.
double decayed(double unique, double repetitions, double r_star) {
  return unique + unique * r_star * (1.0 - std::exp(-repetitions / r_star));
}

}  // namespace

DataConstrainedLaw muennighoff_2023() {
  // datablations README, "Parametric Fit": a, b, e are the logs of A, B, E.
  const double alpha = 0.3526596;
  return {{std::exp(0.6254804), std::exp(6.255414), std::exp(7.3049974), alpha, alpha}, 15.387756, 5.309743};
}

EffectiveData effective_data(double unique_tokens, double tokens, double rd_star) {
  require_positive(unique_tokens, "unique tokens");
  require_positive(tokens, "tokens");
  require_positive(rd_star, "R_D*");
  EffectiveData d;
  // Fewer tokens than unique ones: one partial epoch, every token fresh.
  d.unique_tokens = std::min(unique_tokens, tokens);
  d.tokens = tokens;
  d.epochs = tokens / unique_tokens;
  d.repetitions = std::max(tokens / d.unique_tokens - 1.0, 0.0);
  d.effective_tokens = decayed(d.unique_tokens, d.repetitions, rd_star);
  d.ratio = d.effective_tokens / tokens;
  const double repeated = tokens - d.unique_tokens;
  d.repeated_token_value = repeated > 0.0 ? (d.effective_tokens - d.unique_tokens) / repeated : 1.0;
  return d;
}

EffectiveParams effective_params(const DataConstrainedLaw& law, double params, double unique_tokens) {
  require_positive(params, "parameters");
  require_positive(unique_tokens, "unique tokens");
  EffectiveParams p;
  p.params = params;
  p.useful_params = std::min(params, law.base.optimal_params_for_tokens(unique_tokens));
  p.repetitions = std::max(params / p.useful_params - 1.0, 0.0);
  p.effective_params = decayed(p.useful_params, p.repetitions, law.rn_star);
  return p;
}

DataConstrainedPrediction predict(const DataConstrainedLaw& law, double params, double tokens,
                                  double unique_tokens) {
  DataConstrainedPrediction out;
  out.data = effective_data(unique_tokens, tokens, law.rd_star);
  out.params = effective_params(law, params, out.data.unique_tokens);
  out.loss = law.base.E + law.base.A / std::pow(out.params.effective_params, law.base.alpha) +
             law.base.B / std::pow(out.data.effective_tokens, law.base.beta);
  return out;
}

}  // namespace wb::scaling
