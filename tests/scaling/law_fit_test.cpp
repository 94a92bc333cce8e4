// Tests of the scaling-law fit: it recovers known parameters from synthetic runs (Chinchilla, CPT,
// data-constrained), its bootstrap intervals cover the truth, and it rejects bad input.
#include "scaling/law_fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "scaling/cpt_law.hpp"
#include "scaling/data_constrained_law.hpp"
#include "scaling/parametric_law.hpp"

namespace wb::scaling {
namespace {

// Hoffmann et al. 2022, Approach 3, in the fit's coordinates (log E, log A, log B, alpha, beta).
const std::vector<double> kChinchilla = {std::log(1.69), std::log(406.4), std::log(410.7), 0.34,
                                         0.28};
// Zheng et al. 2024, continual pre-training: E=1.55, A=420, B'=433.3, alpha=0.40, beta'=0.20,
// gamma=0.08.
const std::vector<double> kCpt = {
    std::log(1.55), std::log(420.0), std::log(433.3), 0.40, 0.20, 0.08};
// Muennighoff et al. 2023 (datablations README).
const std::vector<double> kMuennighoff = {0.6254804, 6.255414,  7.3049974, 0.3526596,
                                          0.3526596, 15.387756, 5.309743};

// Multiplies every loss by exp(N(0, sigma)) from a seeded generator: noise of a fixed draw.
void add_noise(std::vector<Observation>& runs, double sigma, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0.0, sigma);
  for (Observation& run : runs) run.loss *= std::exp(noise(rng));
}

// 20 runs: N from 1e7 to 1e9, D from 1e8 to 1e11.
std::vector<Observation> grid_runs(FitLaw law, const std::vector<double>& truth) {
  std::vector<Observation> runs;
  for (double n : {1e7, 3e7, 1e8, 3e8, 1e9})
    for (double d : {1e8, 1e9, 1e10, 1e11}) {
      char label[32];
      std::snprintf(label, sizeof label, "N%.0e-D%.0e", n, d);
      Observation run{label, n, d, d, 0.0};
      run.loss = predict_loss(law, truth, run);
      runs.push_back(run);
    }
  return runs;
}

// Runs with repetition: U from 1e8 to 1e9 unique tokens, 1 to 60 epochs, and N from half to 30
// times N_opt(U) so both R_D and R_N matter.
std::vector<Observation> repeated_runs() {
  const DataConstrainedLaw law = muennighoff_2023();
  std::vector<Observation> runs;
  for (double u : {1e8, 3e8, 1e9})
    for (double epochs : {1.0, 4.0, 15.0, 60.0})
      for (double size : {0.5, 3.0, 30.0}) {
        Observation run{"", size * law.base.optimal_params_for_tokens(u), epochs * u, u, 0.0};
        run.loss = predict_loss(FitLaw::kDataConstrained, kMuennighoff, run);
        runs.push_back(run);
      }
  return runs;
}

std::map<std::string, double> fixed_base() {
  return {{"e", kMuennighoff[0]},
          {"a", kMuennighoff[1]},
          {"b", kMuennighoff[2]},
          {"alpha", kMuennighoff[3]},
          {"beta", kMuennighoff[4]}};
}

void expect_interval_covers(const FitResult& fit, const std::string& name, double truth) {
  SCOPED_TRACE(name);
  for (const FittedParameter& p : fit.parameters) {
    if (p.name != name) continue;
    EXPECT_LE(p.ci_low, p.value);
    EXPECT_LE(p.value, p.ci_high);
    EXPECT_LT(p.ci_low, truth);
    EXPECT_GT(p.ci_high, truth);
    return;
  }
  ADD_FAILURE() << "no parameter " << name;
}

TEST(LawFitNames, RoundTripAndOrder) {
  for (FitLaw law : {FitLaw::kChinchilla, FitLaw::kDataConstrained, FitLaw::kCpt})
    EXPECT_EQ(fit_law_from_name(fit_law_name(law)), law);
  EXPECT_THROW(fit_law_from_name("kaplan"), std::invalid_argument);
  EXPECT_EQ(fit_parameter_names(FitLaw::kChinchilla),
            (std::vector<std::string>{"e", "a", "b", "alpha", "beta"}));
  EXPECT_EQ(fit_parameter_names(FitLaw::kDataConstrained),
            (std::vector<std::string>{"e", "a", "b", "alpha", "beta", "rd_star", "rn_star"}));
  EXPECT_EQ(fit_parameter_names(FitLaw::kCpt),
            (std::vector<std::string>{"e", "a", "b", "alpha", "beta", "gamma"}));
}

TEST(LawFitPredict, MatchesTheLaws) {
  const Observation run{"x", 4e8, 8e9, 1e9, 0.0};
  EXPECT_NEAR(predict_loss(FitLaw::kChinchilla, kChinchilla, run),
              chinchilla_approach3().loss(run.params, run.tokens), 1e-12);
  EXPECT_NEAR(predict_loss(FitLaw::kCpt, kCpt, run), zheng_cpt().loss(run.params, run.tokens),
              1e-12);
  EXPECT_NEAR(predict_loss(FitLaw::kDataConstrained, kMuennighoff, run),
              predict(muennighoff_2023(), run.params, run.tokens, run.unique_tokens).loss, 1e-9);
  EXPECT_THROW(predict_loss(FitLaw::kCpt, kChinchilla, run), std::invalid_argument);
}

TEST(LawFit, ExactDataLeavesNoResiduals) {
  FitOptions options;
  options.bootstrap_samples = 0;
  const FitResult fit =
      wb::scaling::fit(FitLaw::kChinchilla, grid_runs(FitLaw::kChinchilla, kChinchilla), options);
  ASSERT_EQ(fit.residuals.size(), 20u);
  for (const Residual& r : fit.residuals) {
    EXPECT_NEAR(r.log_residual, 0.0, 1e-6) << r.label;
    EXPECT_NEAR(r.predicted, r.measured, 1e-5 * r.measured) << r.label;
  }
  EXPECT_LT(fit.objective, 1e-10);
  EXPECT_NEAR(fit.value("alpha"), 0.34, 1e-3);
  EXPECT_NEAR(fit.value("beta"), 0.28, 1e-3);
  EXPECT_GT(fit.starts, 1);
  for (const FittedParameter& p : fit.parameters) EXPECT_EQ(p.ci_low, p.ci_high) << p.name;
}

TEST(LawFit, RecoversChinchillaFromNoisyRuns) {
  std::vector<Observation> runs = grid_runs(FitLaw::kChinchilla, kChinchilla);
  add_noise(runs, 0.002, 7);
  const FitResult fit = wb::scaling::fit(FitLaw::kChinchilla, runs);
  EXPECT_NEAR(fit.value("alpha"), 0.34, 0.02);
  EXPECT_NEAR(fit.value("beta"), 0.28, 0.01);
  EXPECT_NEAR(std::exp(fit.value("e")), 1.69, 0.03 * 1.69);
  // Ten times the largest run, at 20 tokens per parameter.
  const Observation far{"far", 1e10, 2e11, 2e11, 0.0};
  const double truth = chinchilla_approach3().loss(far.params, far.tokens);
  EXPECT_NEAR(fit.predict(far), truth, 0.01 * truth);
  EXPECT_EQ(fit.bootstrap_samples, 200);
  for (std::size_t i = 0; i < kChinchilla.size(); ++i)
    expect_interval_covers(fit, fit_parameter_names(FitLaw::kChinchilla)[i], kChinchilla[i]);
}

TEST(LawFit, RecoversCptGamma) {
  std::vector<Observation> runs = grid_runs(FitLaw::kCpt, kCpt);
  add_noise(runs, 0.002, 11);
  FitOptions options;
  options.bootstrap_samples = 100;
  const FitResult fit = wb::scaling::fit(FitLaw::kCpt, runs, options);
  EXPECT_NEAR(fit.value("gamma"), 0.08, 0.01);
  EXPECT_NEAR(fit.value("beta"), 0.20, 0.01);
  EXPECT_NEAR(fit.value("alpha"), 0.40, 0.03);
  EXPECT_NEAR(std::exp(fit.value("e")), 1.55, 0.03 * 1.55);
  expect_interval_covers(fit, "gamma", 0.08);
  const Observation far{"far", 5e9, 1e11, 0.0, 0.0};
  const double truth = zheng_cpt().loss(far.params, far.tokens);
  EXPECT_NEAR(fit.predict(far), truth, 0.01 * truth);
}

TEST(LawFit, RecoversRepetitionConstantsWithBaseFixed) {
  std::vector<Observation> runs = repeated_runs();
  add_noise(runs, 0.002, 3);
  FitOptions options;
  options.fixed = fixed_base();
  options.bootstrap_samples = 100;
  const FitResult fit = wb::scaling::fit(FitLaw::kDataConstrained, runs, options);
  EXPECT_NEAR(fit.value("rd_star"), 15.387756, 0.1 * 15.387756);
  EXPECT_NEAR(fit.value("rn_star"), 5.309743, 0.1 * 5.309743);
  expect_interval_covers(fit, "rd_star", 15.387756);
  expect_interval_covers(fit, "rn_star", 5.309743);
  for (const FittedParameter& p : fit.parameters) {
    if (!options.fixed.count(p.name)) continue;
    EXPECT_TRUE(p.fixed) << p.name;
    EXPECT_EQ(p.value, options.fixed.at(p.name));
    EXPECT_EQ(p.ci_low, p.value) << p.name;
    EXPECT_EQ(p.ci_high, p.value) << p.name;
  }
  EXPECT_GT(fit.bootstrap_samples, 90);
}

TEST(LawFit, DataConstrainedExactDataAllFree) {
  FitOptions options;
  options.bootstrap_samples = 0;
  const FitResult fit = wb::scaling::fit(FitLaw::kDataConstrained, repeated_runs(), options);
  const std::vector<std::string> names = fit_parameter_names(FitLaw::kDataConstrained);
  for (std::size_t i = 0; i < names.size(); ++i)
    EXPECT_NEAR(fit.value(names[i]), kMuennighoff[i], 0.01 * std::abs(kMuennighoff[i])) << names[i];
  for (const Residual& r : fit.residuals) EXPECT_NEAR(r.log_residual, 0.0, 1e-5);
}

TEST(LawFit, DataConstrainedAcceptsFewerTokensThanUniqueOnes) {
  std::vector<Observation> runs = repeated_runs();
  Observation partial{"partial-epoch", 1e8, 5e8, 2e9, 0.0};
  partial.loss = predict_loss(FitLaw::kDataConstrained, kMuennighoff, partial);
  runs.push_back(partial);
  FitOptions options;
  options.fixed = fixed_base();
  options.bootstrap_samples = 0;
  const FitResult fit = wb::scaling::fit(FitLaw::kDataConstrained, runs, options);
  EXPECT_NEAR(fit.value("rd_star"), 15.387756, 1e-3 * 15.387756);
  EXPECT_NEAR(fit.residuals.back().log_residual, 0.0, 1e-6);
}

TEST(LawFit, FixedParametersNeedFewerRuns) {
  std::vector<Observation> runs = grid_runs(FitLaw::kChinchilla, kChinchilla);
  // Three runs for e, a, b: N and D both vary, so the three terms separate.
  runs = {runs[0], runs[7], runs[17]};
  FitOptions options;
  options.fixed = {{"alpha", 0.34}, {"beta", 0.28}};
  options.bootstrap_samples = 0;
  const FitResult fit = wb::scaling::fit(FitLaw::kChinchilla, runs, options);
  EXPECT_EQ(fit.value("alpha"), 0.34);
  EXPECT_NEAR(fit.value("e"), kChinchilla[0], 1e-3);
}

TEST(LawFitErrors, TooFewRuns) {
  std::vector<Observation> runs = grid_runs(FitLaw::kChinchilla, kChinchilla);
  runs.resize(4);
  try {
    (void)fit(FitLaw::kChinchilla, runs);
    FAIL() << "four runs cannot determine five parameters";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("needs at least 5 runs for 5 free parameters"),
              std::string::npos)
        << e.what();
  }
}

TEST(LawFitErrors, UnknownFixedParameter) {
  FitOptions options;
  options.fixed = {{"gamma", 0.1}};
  try {
    (void)fit(FitLaw::kChinchilla, grid_runs(FitLaw::kChinchilla, kChinchilla), options);
    FAIL() << "gamma is not a Chinchilla parameter";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'gamma'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("e, a, b, alpha, beta"), std::string::npos) << e.what();
  }
}

TEST(LawFitErrors, NonPositiveOrNanValues) {
  std::vector<Observation> runs = grid_runs(FitLaw::kChinchilla, kChinchilla);
  runs[2].label = "bad-run";
  runs[2].loss = 0.0;
  try {
    (void)fit(FitLaw::kChinchilla, runs);
    FAIL() << "zero loss accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("bad-run"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("loss"), std::string::npos) << e.what();
  }
  runs[2].loss = 3.0;
  runs[2].params = std::nan("");
  EXPECT_THROW((void)fit(FitLaw::kChinchilla, runs), std::invalid_argument);
  // Unique tokens matter only to the data-constrained law.
  runs[2].params = 1e8;
  runs[2].unique_tokens = 0.0;
  FitOptions quick;
  quick.bootstrap_samples = 0;
  EXPECT_NO_THROW((void)fit(FitLaw::kChinchilla, runs, quick));
  EXPECT_THROW((void)fit(FitLaw::kDataConstrained, runs, quick), std::invalid_argument);
}

TEST(LawFitErrors, UnknownParameterName) {
  FitOptions options;
  options.bootstrap_samples = 0;
  const FitResult fit =
      wb::scaling::fit(FitLaw::kChinchilla, grid_runs(FitLaw::kChinchilla, kChinchilla), options);
  EXPECT_THROW((void)fit.value("gamma"), std::out_of_range);
}

TEST(LawFit, SameSeedSameResult) {
  std::vector<Observation> runs = grid_runs(FitLaw::kChinchilla, kChinchilla);
  add_noise(runs, 0.002, 5);
  FitOptions options;
  options.bootstrap_samples = 50;
  const FitResult first = fit(FitLaw::kChinchilla, runs, options);
  const FitResult second = fit(FitLaw::kChinchilla, runs, options);
  options.seed = 99;
  const FitResult other = fit(FitLaw::kChinchilla, runs, options);
  ASSERT_EQ(first.parameters.size(), second.parameters.size());
  bool intervals_differ = false;
  for (std::size_t i = 0; i < first.parameters.size(); ++i) {
    EXPECT_EQ(first.parameters[i].value, second.parameters[i].value);
    EXPECT_EQ(first.parameters[i].ci_low, second.parameters[i].ci_low);
    EXPECT_EQ(first.parameters[i].ci_high, second.parameters[i].ci_high);
    EXPECT_EQ(first.parameters[i].value, other.parameters[i].value);  // the seed only resamples
    intervals_differ = intervals_differ || first.parameters[i].ci_low != other.parameters[i].ci_low;
  }
  EXPECT_TRUE(intervals_differ);
  EXPECT_EQ(first.objective, second.objective);
  EXPECT_EQ(first.bootstrap_samples, second.bootstrap_samples);
}

}  // namespace
}  // namespace wb::scaling
