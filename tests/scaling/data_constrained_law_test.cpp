// Checks the data-constrained law of Muennighoff et al. 2023 (D', N', predicted loss) against the
// paper's headline numbers, the datablations README example, its invariants and its input errors.
#include "scaling/data_constrained_law.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "scaling/parametric_law.hpp"
#include "scaling/scaling_test_util.hpp"

namespace wb::scaling {
namespace {

constexpr double kRdStar = 15.387756;  // R_D*, datablations README "Parametric Fit"
constexpr double kRnStar = 5.309743;   // R_N*, same source

TEST(DataConstrainedLaw, PublishedConstants) {
  // huggingface/datablations README, "Parametric Fit": a, b, e = log A, log B, log E.
  const DataConstrainedLaw law = muennighoff_2023();
  EXPECT_REL_NEAR(law.base.A, std::exp(6.255414), 1e-15);
  EXPECT_REL_NEAR(law.base.B, std::exp(7.3049974), 1e-15);
  EXPECT_REL_NEAR(law.base.E, std::exp(0.6254804), 1e-15);
  // science.md §2 rounds them to A = 520.8, B = 1487.7, E = 1.869.
  EXPECT_NEAR(law.base.A, 520.8, 0.05);
  EXPECT_NEAR(law.base.B, 1487.7, 0.05);
  EXPECT_NEAR(law.base.E, 1.869, 0.0005);
  EXPECT_DOUBLE_EQ(law.base.alpha, 0.3526596);
  EXPECT_DOUBLE_EQ(law.base.beta, 0.3526596);
  EXPECT_DOUBLE_EQ(law.rd_star, kRdStar);
  EXPECT_DOUBLE_EQ(law.rn_star, kRnStar);
}

TEST(DataConstrainedLaw, HeadlineEffectiveDataRatios) {
  // Muennighoff et al. 2023 (docs/science.md §2): D'/D = 0.93 at 4 epochs, 0.83 at 8, 0.66 at 16,
  // 0.38 at 40 — published to two decimals.
  struct Row {
    double epochs, ratio;
  };
  const Row rows[] = {{4, 0.93}, {8, 0.83}, {16, 0.66}, {40, 0.38}};
  const double unique = 1e9;
  for (const auto& r : rows) {
    SCOPED_TRACE(r.epochs);
    const EffectiveData d = effective_data(unique, r.epochs * unique, kRdStar);
    EXPECT_NEAR(d.ratio, r.ratio, 0.005);
    EXPECT_DOUBLE_EQ(d.epochs, r.epochs);
    EXPECT_DOUBLE_EQ(d.repetitions, r.epochs - 1.0);
    EXPECT_REL_NEAR(d.effective_tokens, d.ratio * r.epochs * unique, 1e-15);
  }
  // Full precision at 4 epochs, by hand: 1e9 (1 + R_D* (1 - exp(-3 / R_D*))) (Python, float64).
  EXPECT_REL_NEAR(effective_data(1e9, 4e9, kRdStar).effective_tokens, 3725673123.061326, 1e-13);
}

TEST(DataConstrainedLaw, DatablationsReadmeExample) {
  // huggingface/datablations README, "Parametric Fit" (the two models of Figure 1, right):
  //   scaling_law(6.34e9, 242e9, 25e9)  # 2.2256440889984477  <- this one is better
  //   scaling_law(8.67e9, 178e9, 25e9)  # 2.2269634075087867
  const DataConstrainedLaw law = muennighoff_2023();
  const DataConstrainedPrediction better = predict(law, 6.34e9, 242e9, 25e9);
  const DataConstrainedPrediction worse = predict(law, 8.67e9, 178e9, 25e9);
  EXPECT_NEAR(better.loss, 2.2256440889984477, 1e-12);
  EXPECT_NEAR(worse.loss, 2.2269634075087867, 1e-12);
  EXPECT_LT(better.loss, worse.loss);
  EXPECT_DOUBLE_EQ(better.data.epochs, 242.0 / 25.0);
}

TEST(DataConstrainedLaw, UniqueDataMatchesTheBaseLaw) {
  // One epoch of unique data and N <= N_opt(D): nothing decays, so the prediction is the base law.
  const DataConstrainedLaw law = muennighoff_2023();
  for (double tokens : {1e9, 1e11, 1e13}) {
    const double params = 0.5 * law.base.optimal_params_for_tokens(tokens);
    SCOPED_TRACE(tokens);
    EXPECT_REL_NEAR(predict(law, params, tokens, tokens).loss, law.base.loss(params, tokens),
                    1e-14);
    // More unique tokens than tokens trained on: still one (partial) epoch of fresh data.
    EXPECT_REL_NEAR(predict(law, params, tokens, 10.0 * tokens).loss, law.base.loss(params, tokens),
                    1e-14);
    // U beyond D counts as D for N_opt(U) too (the README's optimal_allocation passes min(U, D)):
    // excess parameters over N_opt(D) decay even when the corpus is larger.
    const double big = 3.0 * law.base.optimal_params_for_tokens(tokens);
    EXPECT_DOUBLE_EQ(predict(law, big, tokens, 10.0 * tokens).loss,
                     predict(law, big, tokens, tokens).loss);
    EXPECT_GT(predict(law, big, tokens, tokens).loss, law.base.loss(big, tokens));
  }
}

TEST(DataConstrainedLaw, MoreUniqueDataNeverPredictsAHigherLoss) {
  const DataConstrainedLaw law = muennighoff_2023();
  const double tokens = 1e12;
  // N at, and well above (10x, 100x), the compute-optimal size for D, and also below.
  const double n_opt = law.base.optimal_params_for_tokens(tokens);
  for (double params : {0.1 * n_opt, n_opt, 10.0 * n_opt, 100.0 * n_opt}) {
    double previous = std::numeric_limits<double>::infinity();
    // U from 1e6 (1e6 epochs) to 1e14 (beyond D) in steps of 10^0.1.
    for (int i = 0; i <= 80; ++i) {
      const double unique = std::pow(10.0, 6.0 + 0.1 * i);
      SCOPED_TRACE("N=" + std::to_string(params) + " U=" + std::to_string(unique));
      const double loss = predict(law, params, tokens, unique).loss;
      EXPECT_LE(loss, previous);
      previous = loss;
    }
    // ... and strictly lower across the constrained range.
    EXPECT_LT(predict(law, params, tokens, 1e11).loss, predict(law, params, tokens, 1e9).loss);
  }
}

TEST(DataConstrainedLaw, EffectiveDataSaturates) {
  // D' -> (1 + R_D*) U as the epochs grow (Muennighoff et al. 2023; science.md §2).
  for (double unique : {1e6, 1e9, 1e12}) {
    SCOPED_TRACE(unique);
    const EffectiveData d = effective_data(unique, 1e6 * unique, kRdStar);
    EXPECT_REL_NEAR(d.effective_tokens, (1.0 + kRdStar) * unique, 1e-6);
    EXPECT_LT(d.effective_tokens, (1.0 + kRdStar) * unique * (1.0 + 1e-12));
  }
  EXPECT_REL_NEAR(effective_data(1e9, 1e15, kRdStar).effective_tokens, 16387756000.0, 1e-6);
}

TEST(DataConstrainedLaw, EffectiveDataIncreasesWithTokens) {
  const double unique = 1e9;
  double previous = 0.0;
  // D from 0.1 U to 1e4 U.
  for (int i = 0; i <= 50; ++i) {
    const double tokens = unique * std::pow(10.0, -1.0 + 0.1 * i);
    SCOPED_TRACE(tokens);
    const EffectiveData d = effective_data(unique, tokens, kRdStar);
    // Strictly increasing in exact arithmetic; in doubles D' reaches its saturation value
    // (1 + R_D*) U once exp(-R / R_D*) < 1e-16 (about 570 epochs), so strict only up to 200.
    if (tokens <= 200.0 * unique)
      EXPECT_GT(d.effective_tokens, previous);
    else
      EXPECT_GE(d.effective_tokens, previous);
    EXPECT_LE(d.effective_tokens,
              tokens * (1.0 + 1e-15));  // a repeated token is worth at most a fresh one
    previous = d.effective_tokens;
  }
}

TEST(DataConstrainedLaw, RepeatedTokenValue) {
  const double unique = 1e9;
  double previous = 1.0;
  for (double epochs : {1.5, 2.0, 4.0, 8.0, 16.0, 40.0, 100.0, 1e3, 1e6}) {
    SCOPED_TRACE(epochs);
    const EffectiveData d = effective_data(unique, epochs * unique, kRdStar);
    EXPECT_GT(d.repeated_token_value, 0.0);
    EXPECT_LE(d.repeated_token_value, 1.0);
    EXPECT_LT(d.repeated_token_value, previous);
    previous = d.repeated_token_value;
    // By hand: (D' - U) / (D - U) = R_D* (1 - exp(-R / R_D*)) / R.
    const double r = epochs - 1.0;
    EXPECT_REL_NEAR(d.repeated_token_value, kRdStar * (1.0 - std::exp(-r / kRdStar)) / r, 1e-9);
  }
}

TEST(DataConstrainedLaw, OneEpochOrLessIsFresh) {
  struct Row {
    double unique, tokens;
  };
  const Row rows[] = {{1e9, 1e9}, {1e9, 5e8}, {1e12, 1e6}};
  for (const auto& r : rows) {
    SCOPED_TRACE(std::to_string(r.unique) + " " + std::to_string(r.tokens));
    const EffectiveData d = effective_data(r.unique, r.tokens, kRdStar);
    EXPECT_DOUBLE_EQ(d.ratio, 1.0);
    EXPECT_DOUBLE_EQ(d.repetitions, 0.0);
    EXPECT_DOUBLE_EQ(d.repeated_token_value, 1.0);
    EXPECT_DOUBLE_EQ(d.effective_tokens, r.tokens);
    EXPECT_DOUBLE_EQ(d.unique_tokens, r.tokens);  // only D of the U tokens are seen
    EXPECT_DOUBLE_EQ(d.epochs, r.tokens / r.unique);
  }
}

TEST(DataConstrainedLaw, EffectiveParams) {
  const DataConstrainedLaw law = muennighoff_2023();
  // N_opt(U) = exp((a - b) / alpha) U for this fit (alpha == beta): 0.050986517653658275 U.
  const double unique = 1e10;
  const double n_opt = 0.050986517653658275 * unique;
  // N <= N_opt(U): every parameter is useful, N' == N.
  for (double params : {1e6, 1e8, 0.5 * n_opt, 0.999 * n_opt}) {
    SCOPED_TRACE(params);
    const EffectiveParams p = effective_params(law, params, unique);
    EXPECT_DOUBLE_EQ(p.effective_params, params);
    EXPECT_DOUBLE_EQ(p.useful_params, params);
    EXPECT_DOUBLE_EQ(p.repetitions, 0.0);
  }
  // N = 3 N_opt(U): R_N = 2, N' = N_opt (1 + R_N* (1 - exp(-2 / R_N*))), by hand (Python).
  const EffectiveParams p = effective_params(law, 3.0 * n_opt, unique);
  EXPECT_REL_NEAR(p.useful_params, n_opt, 1e-12);
  EXPECT_NEAR(p.repetitions, 2.0, 1e-12);
  EXPECT_REL_NEAR(p.effective_params, 1359549639.7877147, 1e-12);
  // N' increases with N but saturates at (1 + R_N*) N_opt(U).
  double previous = 0.0;
  for (double factor : {1.0, 2.0, 5.0, 10.0, 100.0}) {
    const double n_prime = effective_params(law, factor * n_opt, unique).effective_params;
    EXPECT_GT(n_prime, previous);
    EXPECT_LE(n_prime, factor * n_opt * (1.0 + 1e-15));
    previous = n_prime;
  }
  EXPECT_REL_NEAR(effective_params(law, 1e6 * n_opt, unique).effective_params,
                  (1.0 + kRnStar) * n_opt, 1e-9);
}

TEST(DataConstrainedLaw, NonPositiveInputsThrow) {
  const DataConstrainedLaw law = muennighoff_2023();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {0.0, -1.0, -1e9, nan, inf}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(predict(law, bad, 1e9, 1e9), std::invalid_argument);
    EXPECT_THROW(predict(law, 1e8, bad, 1e9), std::invalid_argument);
    EXPECT_THROW(predict(law, 1e8, 1e9, bad), std::invalid_argument);
    EXPECT_THROW(effective_data(bad, 1e9, kRdStar), std::invalid_argument);
    EXPECT_THROW(effective_data(1e9, bad, kRdStar), std::invalid_argument);
    EXPECT_THROW(effective_data(1e9, 1e9, bad), std::invalid_argument);
    EXPECT_THROW(effective_params(law, bad, 1e9), std::invalid_argument);
    EXPECT_THROW(effective_params(law, 1e8, bad), std::invalid_argument);
  }
  EXPECT_NO_THROW(predict(law, 1e8, 1e9, 1e9));
}

}  // namespace
}  // namespace wb::scaling
