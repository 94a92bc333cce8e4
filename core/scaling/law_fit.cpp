// Fits a scaling law to the user's runs the way Hoffmann et al. 2022 fit Approach 3 (and
// Besiroglu et al. 2024 replicated it): minimize the Huber loss between log predicted and log
// measured loss with L-BFGS (NLopt) from a grid of starting points, then bootstrap over runs for
// percentile confidence intervals.
#include "scaling/law_fit.hpp"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <utility>

#include "scaling/data_constrained_law.hpp"

namespace wb::scaling {
namespace {

// Returned where the law is undefined (NaN, overflow, a throwing prediction): large and finite,
// so L-BFGS's line search backs off instead of NLopt aborting the run.
constexpr double kHuge = 1e30;
// L-BFGS runs from the best kTopStarts grid points only. The full grid (4,500 points for
// Chinchilla, 72,000 for the data-constrained law) is cheap to evaluate but not to optimize from
// everywhere; the lowest-objective points already lie in the basin of the global optimum (on
// noisy synthetic runs the best 64 reached the same optimum, to 10 digits, as L-BFGS from all
// 4,500 Chinchilla or 13,500 CPT grid points, 30 to 100 times faster).
constexpr int kTopStarts = 64;
// Each bootstrap refit starts from the full-data optimum and from the next-best distinct local
// optima of the full-data fit.
constexpr int kBootstrapStarts = 3;

// Starting values in natural units: Hoffmann et al. 2022 (Approach 3, appendix D.2) for e, a, b,
// alpha, beta; a few plausible values for gamma (Zheng et al. 2024 fit 0.08) and R_D*, R_N*
// (Muennighoff et al. 2023 fit 15.4 and 5.3).
std::vector<double> grid_values(const std::string& name) {
  if (name == "e") return {-1.0, -0.5, 0.0, 0.5, 1.0};
  if (name == "a" || name == "b") return {0.0, 5.0, 10.0, 15.0, 20.0, 25.0};
  if (name == "alpha" || name == "beta") return {0.0, 0.5, 1.0, 1.5, 2.0};
  if (name == "gamma") return {0.0, 0.1, 0.3};
  return {1.0, 5.0, 15.0, 50.0};  // rd_star, rn_star
}

// R_D* and R_N* must stay positive: L-BFGS moves their logs.
bool log_scaled(const std::string& name) { return name == "rd_star" || name == "rn_star"; }

double huber(double r, double delta) {
  const double m = std::abs(r);
  return m <= delta ? 0.5 * r * r : delta * (m - 0.5 * delta);
}
double huber_slope(double r, double delta) { return std::clamp(r, -delta, delta); }

DataConstrainedLaw data_constrained_law(const std::vector<double>& p) {
  return {{std::exp(p[0]), std::exp(p[1]), std::exp(p[2]), p[3], p[4]}, p[5], p[6]};
}

// The objective over free parameters in optimizer coordinates; weights count each run's copies
// in a bootstrap resample (1 each for the full data).
struct Problem {
  FitLaw law = FitLaw::kChinchilla;
  std::vector<std::string> names;
  std::vector<double> theta;  // all parameters, natural units; fixed ones stay put
  std::vector<int> free;      // indices into names of the fitted parameters
  const std::vector<Observation>* runs = nullptr;
  std::vector<double> log_n, log_d, log_loss, weight;
  double delta = 1e-3;

  void set(const double* x) {
    for (std::size_t k = 0; k < free.size(); ++k)
      theta[free[k]] = log_scaled(names[free[k]]) ? std::exp(x[k]) : x[k];
  }

  // Chinchilla and CPT: log L = LSE(a - alpha log N, b - beta log D - gamma log N, e), with the
  // analytic gradient over all parameters (natural units) in g when g is not null.
  double log_sum_exp_objective(double* g) const {
    const double e = theta[0], a = theta[1], b = theta[2], alpha = theta[3], beta = theta[4];
    const double gamma = law == FitLaw::kCpt ? theta[5] : 0.0;
    double f = 0.0;
    for (std::size_t i = 0; i < weight.size(); ++i) {
      if (weight[i] == 0.0) continue;
      const double t1 = a - alpha * log_n[i], t2 = b - beta * log_d[i] - gamma * log_n[i];
      const double m = std::max({t1, t2, e});
      const double s1 = std::exp(t1 - m), s2 = std::exp(t2 - m), s3 = std::exp(e - m);
      const double sum = s1 + s2 + s3;
      const double r = m + std::log(sum) - log_loss[i];
      f += weight[i] * huber(r, delta);
      if (!g) continue;
      const double d = weight[i] * huber_slope(r, delta) / sum;
      g[0] += d * s3;
      g[1] += d * s1;
      g[2] += d * s2;
      g[3] -= d * s1 * log_n[i];
      g[4] -= d * s2 * log_d[i];
      if (law == FitLaw::kCpt) g[5] -= d * s2 * log_n[i];
    }
    return f;
  }

  // Data-constrained: the prediction of data_constrained_law.cpp, so the fit and the planner
  // cannot drift apart.
  double data_constrained_objective() const {
    const DataConstrainedLaw dc = data_constrained_law(theta);
    double f = 0.0;
    for (std::size_t i = 0; i < weight.size(); ++i) {
      if (weight[i] == 0.0) continue;
      const Observation& run = (*runs)[i];
      const double loss = predict(dc, run.params, run.tokens, run.unique_tokens).loss;
      if (!(loss > 0.0) || !std::isfinite(loss)) return kHuge;
      f += weight[i] * huber(std::log(loss) - log_loss[i], delta);
    }
    return f;
  }

  double value_at(const double* x) {
    set(x);
    try {
      const double f = law == FitLaw::kDataConstrained ? data_constrained_objective()
                                                       : log_sum_exp_objective(nullptr);
      return std::isfinite(f) ? f : kHuge;
    } catch (const std::exception&) {  // predict() rejects a non-positive R_D* or overflow
      return kHuge;
    }
  }

  // Objective and gradient in optimizer coordinates.
  double evaluate(const double* x, double* grad) {
    const std::size_t n = free.size();
    if (!grad) return value_at(x);
    if (law != FitLaw::kDataConstrained) {
      set(x);
      double g[7] = {};
      const double f = log_sum_exp_objective(g);
      bool ok = std::isfinite(f);
      for (std::size_t k = 0; k < n; ++k) ok = ok && std::isfinite(grad[k] = g[free[k]]);
      if (!ok) std::fill(grad, grad + n, 0.0);
      return ok ? f : kHuge;
    }
    // Central differences: at most 7 parameters, and the law's min(N, N_opt(U)) has no closed-form
    // derivative worth maintaining twice.
    std::vector<double> probe(x, x + n);
    for (std::size_t k = 0; k < n; ++k) {
      const double h = 1e-6 * std::max(1.0, std::abs(x[k]));
      probe[k] = x[k] + h;
      const double up = value_at(probe.data());
      probe[k] = x[k] - h;
      const double down = value_at(probe.data());
      probe[k] = x[k];
      grad[k] = up < kHuge && down < kHuge ? (up - down) / (2.0 * h) : 0.0;
    }
    return value_at(x);
  }
};

// L-BFGS from one start; returns the best point seen (NLopt may stop with ROUNDOFF_LIMITED at an
// acceptable point, and a callback must never throw through its C frames).
struct Minimizer {
  Problem& problem;
  nlopt_opt opt;
  std::vector<double> best_x;
  double best_f = kHuge;

  explicit Minimizer(Problem& p) : problem(p), opt(nlopt_create(NLOPT_LD_LBFGS, p.free.size())) {
    if (!opt) throw std::runtime_error("NLopt could not create an L-BFGS optimizer");
    nlopt_set_min_objective(opt, &Minimizer::callback, this);
    nlopt_set_ftol_rel(opt, 1e-12);
    nlopt_set_xtol_rel(opt, 1e-10);
    nlopt_set_maxeval(opt, 2000);
  }
  ~Minimizer() { nlopt_destroy(opt); }
  Minimizer(const Minimizer&) = delete;
  Minimizer& operator=(const Minimizer&) = delete;

  static double callback(unsigned n, const double* x, double* grad, void* data) {
    auto* self = static_cast<Minimizer*>(data);
    double f = kHuge;
    try {
      f = self->problem.evaluate(x, grad);
    } catch (...) {
      if (grad) std::fill(grad, grad + n, 0.0);
    }
    if (f < self->best_f) {
      self->best_f = f;
      self->best_x.assign(x, x + n);
    }
    return f;
  }

  std::pair<double, std::vector<double>> run(std::vector<double> x) {
    best_f = kHuge;
    best_x = x;
    double f = 0.0;
    nlopt_optimize(opt, x.data(), &f);  // any outcome: the best point seen is the answer
    return {best_f, best_x};
  }
};

void require_positive(const Observation& run, std::size_t index, double value, const char* field) {
  if (value > 0.0 && std::isfinite(value)) return;
  const std::string label = run.label.empty() ? "#" + std::to_string(index + 1) : run.label;
  throw std::invalid_argument("fit: run '" + label + "': " + field +
                              " must be a positive number, not " + std::to_string(value));
}

// Linear interpolation between order statistics (R's type 7); values must be sorted.
double quantile(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

FitLaw fit_law_from_name(std::string_view name) {
  if (name == "chinchilla") return FitLaw::kChinchilla;
  if (name == "data-constrained") return FitLaw::kDataConstrained;
  if (name == "cpt") return FitLaw::kCpt;
  throw std::invalid_argument("unknown scaling law '" + std::string(name) +
                              "'; expected chinchilla, data-constrained or cpt");
}

std::string_view fit_law_name(FitLaw law) {
  switch (law) {
    case FitLaw::kChinchilla:
      return "chinchilla";
    case FitLaw::kDataConstrained:
      return "data-constrained";
    case FitLaw::kCpt:
      return "cpt";
  }
  return "chinchilla";
}

std::vector<std::string> fit_parameter_names(FitLaw law) {
  std::vector<std::string> names = {"e", "a", "b", "alpha", "beta"};
  if (law == FitLaw::kDataConstrained) names.insert(names.end(), {"rd_star", "rn_star"});
  if (law == FitLaw::kCpt) names.push_back("gamma");
  return names;
}

double predict_loss(FitLaw law, const std::vector<double>& p, const Observation& run) {
  if (p.size() != fit_parameter_names(law).size())
    throw std::invalid_argument("predict_loss: " + std::string(fit_law_name(law)) + " takes " +
                                std::to_string(fit_parameter_names(law).size()) +
                                " parameters, got " + std::to_string(p.size()));
  if (law == FitLaw::kDataConstrained)
    return predict(data_constrained_law(p), run.params, run.tokens, run.unique_tokens).loss;
  if (!(run.params > 0.0) || !(run.tokens > 0.0))
    throw std::invalid_argument("predict_loss: parameters and tokens must be positive");
  const double gamma = law == FitLaw::kCpt ? p[5] : 0.0;
  return std::exp(p[0]) + std::exp(p[1] - p[3] * std::log(run.params)) +
         std::exp(p[2] - p[4] * std::log(run.tokens) - gamma * std::log(run.params));
}

double FitResult::value(std::string_view name) const {
  for (const FittedParameter& p : parameters)
    if (p.name == name) return p.value;
  throw std::out_of_range("no fitted parameter '" + std::string(name) + "' in a " +
                          std::string(fit_law_name(law)) + " fit");
}

double FitResult::predict(const Observation& run) const {
  std::vector<double> values;
  for (const FittedParameter& p : parameters) values.push_back(p.value);
  return predict_loss(law, values, run);
}

FitResult fit(FitLaw law, const std::vector<Observation>& runs, const FitOptions& options) {
  const std::vector<std::string> names = fit_parameter_names(law);
  if (!(options.huber_delta > 0.0))
    throw std::invalid_argument("fit: huber_delta must be positive");
  if (!(options.confidence > 0.0 && options.confidence < 1.0))
    throw std::invalid_argument("fit: confidence must lie strictly between 0 and 1");
  if (options.bootstrap_samples < 0)
    throw std::invalid_argument("fit: bootstrap_samples must be >= 0");

  Problem problem;
  problem.law = law;
  problem.names = names;
  problem.theta.assign(names.size(), 0.0);
  problem.runs = &runs;
  problem.delta = options.huber_delta;
  for (const auto& [name, value] : options.fixed) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string allowed;
      for (const std::string& n : names) allowed += (allowed.empty() ? "" : ", ") + n;
      throw std::invalid_argument("fit: unknown fixed parameter '" + name + "' for the " +
                                  std::string(fit_law_name(law)) + " law; allowed: " + allowed);
    }
    if (!std::isfinite(value) || (log_scaled(name) && !(value > 0.0)))
      throw std::invalid_argument("fit: fixed " + name + " must be a finite" +
                                  (log_scaled(name) ? " positive" : "") + " number");
    problem.theta[it - names.begin()] = value;
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (!options.fixed.count(names[i])) problem.free.push_back(static_cast<int>(i));

  for (std::size_t i = 0; i < runs.size(); ++i) {
    require_positive(runs[i], i, runs[i].params, "params");
    require_positive(runs[i], i, runs[i].tokens, "tokens");
    if (law == FitLaw::kDataConstrained)
      require_positive(runs[i], i, runs[i].unique_tokens, "unique_tokens");
    require_positive(runs[i], i, runs[i].loss, "loss");
    problem.log_n.push_back(std::log(runs[i].params));
    problem.log_d.push_back(std::log(runs[i].tokens));
    problem.log_loss.push_back(std::log(runs[i].loss));
  }
  const std::size_t n_free = problem.free.size();
  const std::size_t needed = std::max<std::size_t>(n_free, 1);
  if (runs.size() < needed)
    throw std::invalid_argument(
        "fit: the " + std::string(fit_law_name(law)) + " law needs at least " +
        std::to_string(needed) + " runs for " + std::to_string(n_free) + " free parameters, got " +
        std::to_string(runs.size()) + "; hold some at fixed values (e.g. alpha = 0.34)");
  problem.weight.assign(runs.size(), 1.0);

  FitResult result;
  result.law = law;
  std::vector<std::vector<double>> optima;  // distinct local optima, best first
  if (n_free > 0) {
    // The grid in optimizer coordinates, walked as an odometer; only its objective is kept.
    std::vector<std::vector<double>> axes;
    std::size_t grid_size = 1;
    for (int idx : problem.free) {
      axes.push_back(grid_values(names[idx]));
      if (log_scaled(names[idx]))
        for (double& v : axes.back()) v = std::log(v);
      grid_size *= axes.back().size();
    }
    const auto grid_point = [&](std::size_t index) {
      std::vector<double> x(n_free);
      for (std::size_t k = n_free; k-- > 0;) {
        x[k] = axes[k][index % axes[k].size()];
        index /= axes[k].size();
      }
      return x;
    };
    std::vector<std::pair<double, std::size_t>> ranked(grid_size);
    for (std::size_t g = 0; g < grid_size; ++g)
      ranked[g] = {problem.value_at(grid_point(g).data()), g};
    const std::size_t top = std::min<std::size_t>(kTopStarts, grid_size);
    std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end());

    Minimizer minimizer(problem);
    std::vector<std::pair<double, std::vector<double>>> local;
    for (std::size_t s = 0; s < top; ++s)
      local.push_back(minimizer.run(grid_point(ranked[s].second)));
    result.starts = static_cast<int>(top);  // the L-BFGS runs; the whole grid was only evaluated
    std::sort(local.begin(), local.end());
    for (const auto& [f, x] : local) {
      const bool seen =
          std::any_of(optima.begin(), optima.end(), [&](const std::vector<double>& y) {
            for (std::size_t k = 0; k < n_free; ++k)
              if (std::abs(x[k] - y[k]) > 1e-4 * std::max(1.0, std::abs(y[k]))) return false;
            return true;
          });
      if (!seen && f < kHuge) optima.push_back(x);
      if (optima.size() == kBootstrapStarts) break;
    }
    if (optima.empty())
      throw std::runtime_error("fit: the objective is undefined at every starting point");
    problem.set(optima.front().data());
  }
  const std::vector<double> best = problem.theta;
  result.objective = problem.value_at(optima.empty() ? nullptr : optima.front().data());

  // Bootstrap: resample runs with replacement as integer weights; a resample with fewer distinct
  // runs than free parameters cannot determine them and is skipped.
  std::vector<std::vector<double>> draws(names.size());
  if (n_free > 0 && options.bootstrap_samples > 0) {
    std::mt19937_64 rng(options.seed);
    Minimizer minimizer(problem);
    for (int s = 0; s < options.bootstrap_samples; ++s) {
      std::fill(problem.weight.begin(), problem.weight.end(), 0.0);
      // Modulo rather than uniform_int_distribution, whose output differs between standard
      // libraries; the bias is below n / 2^64.
      for (std::size_t i = 0; i < runs.size(); ++i) problem.weight[rng() % runs.size()] += 1.0;
      const auto distinct = std::count_if(problem.weight.begin(), problem.weight.end(),
                                          [](double w) { return w > 0.0; });
      if (static_cast<std::size_t>(distinct) < n_free) continue;
      std::pair<double, std::vector<double>> refit{kHuge, {}};
      for (const std::vector<double>& start : optima) refit = std::min(refit, minimizer.run(start));
      if (!(refit.first < kHuge)) continue;
      problem.set(refit.second.data());
      for (int idx : problem.free) draws[idx].push_back(problem.theta[idx]);
      ++result.bootstrap_samples;
    }
  }

  // Percentile intervals: with a skewed bootstrap distribution they need not contain the estimate.
  const double tail = (1.0 - options.confidence) / 2.0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    FittedParameter p{names[i], best[i], best[i], best[i], options.fixed.count(names[i]) > 0};
    if (!p.fixed && !draws[i].empty()) {
      std::sort(draws[i].begin(), draws[i].end());
      p.ci_low = quantile(draws[i], tail);
      p.ci_high = quantile(draws[i], 1.0 - tail);
    }
    result.parameters.push_back(p);
  }
  for (const Observation& run : runs) {
    const double predicted = predict_loss(law, best, run);
    result.residuals.push_back(
        {run.label, run.loss, predicted, std::log(predicted) - std::log(run.loss)});
  }
  return result;
}

}  // namespace wb::scaling
