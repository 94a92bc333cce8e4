// Fitting a scaling law to the user's own runs, as Hoffmann et al. 2022 and Besiroglu et al. 2024
// fit Approach 3: minimize the Huber loss (delta 1e-3) between log predicted and log measured
// loss, with L-BFGS (NLopt) started from every point of a grid; bootstrap over runs for
// confidence intervals. Coefficients are fitted in log space (a = log A, b = log B, e = log E)
// so the predicted log-loss is a log-sum-exp. No Torch.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb::scaling {

enum class FitLaw {
  kChinchilla,       // e, a, b, alpha, beta:          L = E + A/N^alpha + B/D^beta
  kDataConstrained,  // ... + rd_star, rn_star:        N', D' of Muennighoff et al. 2023
  kCpt,              // e, a, b, alpha, beta, gamma:   L = E + A/N^alpha + B/(D^beta N^gamma)
};

// "chinchilla", "data-constrained", "cpt"; throws std::invalid_argument naming the allowed ones.
FitLaw fit_law_from_name(std::string_view name);
std::string_view fit_law_name(FitLaw law);
// The law's parameter names in fitting order, e.g. {"e", "a", "b", "alpha", "beta"}.
std::vector<std::string> fit_parameter_names(FitLaw law);

// One run: its size, training tokens, unique tokens and measured validation loss.
struct Observation {
  std::string label;         // run name, for residual tables
  double params = 0.0;       // N
  double tokens = 0.0;       // D (for kCpt: tokens of the continued stage)
  double unique_tokens = 0.0;// U_D (kDataConstrained; others ignore it)
  double loss = 0.0;         // measured, > 0
};

struct FitOptions {
  double huber_delta = 1e-3;
  int bootstrap_samples = 200;     // 0: no confidence intervals
  double confidence = 0.95;        // central interval of the bootstrap distribution
  std::uint64_t seed = 1234;       // bootstrap resampling
  // Parameters held at a given value instead of fitted, e.g. {"alpha", 0.34} or {"rd_star", 15.4}.
  std::map<std::string, double> fixed;
};

struct FittedParameter {
  std::string name;   // "e", "a", "b", "alpha", "beta", "rd_star", "rn_star", "gamma"
  double value = 0.0;
  double ci_low = 0.0;   // bootstrap interval; equal to value when fixed or not bootstrapped
  double ci_high = 0.0;
  bool fixed = false;
};

struct Residual {
  std::string label;
  double measured = 0.0;
  double predicted = 0.0;
  double log_residual = 0.0;  // log(predicted) - log(measured)
};

struct FitResult {
  FitLaw law = FitLaw::kChinchilla;
  std::vector<FittedParameter> parameters;  // in fit_parameter_names order
  double objective = 0.0;                   // summed Huber loss at the optimum
  std::vector<Residual> residuals;          // one per observation
  int starts = 0;                           // L-BFGS runs, from the best points of the grid
  int bootstrap_samples = 0;                // successful bootstrap refits

  double value(std::string_view name) const;  // throws std::out_of_range for an unknown name
  // Predicted loss for one run under the fitted parameters.
  double predict(const Observation& run) const;
};

// Throws std::invalid_argument for a non-positive observation value, an unknown fixed parameter,
// or fewer observations than free parameters (the message says how many are needed).
FitResult fit(FitLaw law, const std::vector<Observation>& runs, const FitOptions& options = {});

// The predicted loss for a parameter vector in fit_parameter_names order (log-space e, a, b).
double predict_loss(FitLaw law, const std::vector<double>& parameters, const Observation& run);

}  // namespace wb::scaling
