// The best allocation of C FLOPs when only U unique tokens exist: a search over log N (a coarse
// scan, then golden-section refinement around the best grid point) of the data-constrained loss
// with D = C / (6 N). The loss is smooth in log N, so the refinement converges to the optimum
// the datablations grid search approximates.
#include "scaling/plan.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace wb::scaling {
namespace {

double loss_at(const DataConstrainedLaw& law, double flops, double unique, double log_params) {
  const double params = std::exp(log_params);
  return predict(law, params, flops / (6.0 * params), unique).loss;
}

}  // namespace

DataConstrainedPlan plan_for_flops(const DataConstrainedLaw& law, double flops, double unique_tokens) {
  if (!(flops > 0.0) || !std::isfinite(flops))
    throw std::invalid_argument("FLOPs must be a positive number, not " + std::to_string(flops));
  if (!(unique_tokens > 0.0) || !std::isfinite(unique_tokens))
    throw std::invalid_argument("unique tokens must be a positive number, not " + std::to_string(unique_tokens));

  DataConstrainedPlan plan;
  plan.unconstrained = optimal_for_flops(frontier(law.base), flops);
  plan.at_unconstrained = predict(law, plan.unconstrained.params, plan.unconstrained.tokens, unique_tokens);

  // Scan N over 1e-4 .. 1e4 times the unconstrained optimum: a unique-data limit moves the best
  // N by well under that range for any sensible budget.
  const double centre = std::log(plan.unconstrained.params);
  const double span = std::log(1e4);
  constexpr int kGrid = 400;
  double best_x = centre;
  double best_loss = loss_at(law, flops, unique_tokens, centre);
  for (int i = 0; i <= kGrid; ++i) {
    const double x = centre - span + 2.0 * span * i / kGrid;
    const double l = loss_at(law, flops, unique_tokens, x);
    if (l < best_loss) best_loss = l, best_x = x;
  }
  const double step = 2.0 * span / kGrid;
  double lo = best_x - step;
  double hi = best_x + step;
  const double phi = (std::sqrt(5.0) - 1.0) / 2.0;
  double x1 = hi - phi * (hi - lo);
  double x2 = lo + phi * (hi - lo);
  double f1 = loss_at(law, flops, unique_tokens, x1);
  double f2 = loss_at(law, flops, unique_tokens, x2);
  while (hi - lo > 1e-9) {
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - phi * (hi - lo);
      f1 = loss_at(law, flops, unique_tokens, x1);
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + phi * (hi - lo);
      f2 = loss_at(law, flops, unique_tokens, x2);
    }
  }
  const double params = std::exp((lo + hi) / 2.0);
  const double tokens = flops / (6.0 * params);
  plan.best = {params, tokens, flops, tokens / params};
  plan.at_best = predict(law, params, tokens, unique_tokens);
  return plan;
}

}  // namespace wb::scaling
