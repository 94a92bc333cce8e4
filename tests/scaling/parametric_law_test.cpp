// Checks the Chinchilla-form laws: published constants, loss values at hand-computed points, and
// that the closed-form frontier (G, optimal_for_flops, optimal_params_for_tokens) is the isoFLOP
// argmin.
#include "scaling/parametric_law.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "scaling/compute_optimal.hpp"
#include "scaling/cpt_law.hpp"
#include "scaling/data_constrained_law.hpp"
#include "scaling/scaling_test_util.hpp"

namespace wb::scaling {
namespace {

using test_util::isoflop_argmin_params;

struct NamedParametricLaw {
  const char* name;
  ParametricLaw law;
};

// Every parametric law the library ships, the Muennighoff base law included.
std::vector<NamedParametricLaw> all_parametric_laws() {
  return {{"chinchilla_approach3", chinchilla_approach3()},
          {"besiroglu_2024", besiroglu_2024()},
          {"zheng_scratch", zheng_scratch()},
          {"muennighoff_2023.base", muennighoff_2023().base}};
}

TEST(ParametricLaw, PublishedConstants) {
  // Hoffmann et al. 2022 (Approach 3), Besiroglu et al. 2024, Zheng et al. 2024 (from scratch),
  // as listed in docs/science.md §3 and §5.
  struct Row {
    const char* name;
    ParametricLaw law;
    double E, A, B, alpha, beta;
  };
  const Row rows[] = {
      {"chinchilla_approach3", chinchilla_approach3(), 1.69, 406.4, 410.7, 0.34, 0.28},
      {"besiroglu_2024", besiroglu_2024(), 1.8172, 482.01, 2085.43, 0.3478, 0.3658},
      {"zheng_scratch", zheng_scratch(), 1.55, 420.0, 719.5, 0.40, 0.30},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_DOUBLE_EQ(r.law.E, r.E);
    EXPECT_DOUBLE_EQ(r.law.A, r.A);
    EXPECT_DOUBLE_EQ(r.law.B, r.B);
    EXPECT_DOUBLE_EQ(r.law.alpha, r.alpha);
    EXPECT_DOUBLE_EQ(r.law.beta, r.beta);
  }
}

TEST(ParametricLaw, LossAtHandComputedPoints) {
  // Expected values computed by hand (Python, float64) from the published constants:
  // E + A / N^alpha + B / D^beta. (70e9, 1.4e12) is Chinchilla itself.
  struct Row {
    const char* name;
    ParametricLaw law;
    double params, tokens, loss;
  };
  const Row rows[] = {
      {"chinchilla_approach3", chinchilla_approach3(), 70e9, 1.4e12, 1.9366454705587173},
      {"chinchilla_approach3", chinchilla_approach3(), 1e9, 20e9, 2.5800478722379934},
      {"chinchilla_approach3", chinchilla_approach3(), 125e6, 2.5e9, 3.367426272235954},
      {"besiroglu_2024", besiroglu_2024(), 70e9, 1.4e12, 1.9738818631585637},
      {"besiroglu_2024", besiroglu_2024(), 1e9, 20e9, 2.530050323678703},
      {"besiroglu_2024", besiroglu_2024(), 125e6, 2.5e9, 3.3144015960603648},
      {"zheng_scratch", zheng_scratch(), 70e9, 1.4e12, 1.7326621282774364},
      {"zheng_scratch", zheng_scratch(), 1e9, 20e9, 2.239914829301714},
      {"zheng_scratch", zheng_scratch(), 125e6, 2.5e9, 2.8829316537966436},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(r.name) + " N=" + std::to_string(r.params) +
                 " D=" + std::to_string(r.tokens));
    EXPECT_REL_NEAR(r.law.loss(r.params, r.tokens), r.loss, 1e-13);
  }
}

TEST(ParametricLaw, LossFallsTowardsE) {
  for (const auto& l : all_parametric_laws()) {
    SCOPED_TRACE(l.name);
    EXPECT_GT(l.law.loss(1e9, 20e9), l.law.loss(2e9, 20e9));  // more parameters help
    EXPECT_GT(l.law.loss(1e9, 20e9), l.law.loss(1e9, 40e9));  // more tokens help
    EXPECT_GT(l.law.loss(1e30, 1e30), l.law.E);
    EXPECT_NEAR(l.law.loss(1e30, 1e30), l.law.E, 1e-3);  // irreducible loss in the limit
  }
}

TEST(CptLaw, LossAtHandComputedPoints) {
  // Zheng et al. 2024 CPT fit: E=1.55 A=420.0 B'=433.3 alpha=0.40 beta'=0.20 gamma=0.08;
  // E + A / N^alpha + B' / (D^beta' N^gamma) computed by hand (Python, float64).
  const CptLaw law = zheng_cpt();
  EXPECT_DOUBLE_EQ(law.E, 1.55);
  EXPECT_DOUBLE_EQ(law.A, 420.0);
  EXPECT_DOUBLE_EQ(law.B, 433.3);
  EXPECT_DOUBLE_EQ(law.alpha, 0.40);
  EXPECT_DOUBLE_EQ(law.beta, 0.20);
  EXPECT_DOUBLE_EQ(law.gamma, 0.08);
  EXPECT_REL_NEAR(law.loss(1e9, 20e9), 2.3742572273833584, 1e-13);
  EXPECT_REL_NEAR(law.loss(7e9, 100e9), 2.0442825265876325, 1e-13);
}

TEST(ParametricLaw, FrontierGHandComputed) {
  // G = (alpha A / (beta B))^(1 / (alpha + beta)), by hand (Python, float64).
  EXPECT_REL_NEAR(chinchilla_approach3().frontier_g(), 1.34471064277253, 1e-13);
  EXPECT_REL_NEAR(besiroglu_2024().frontier_g(), 0.11962984977039547, 1e-13);
  EXPECT_REL_NEAR(zheng_scratch().frontier_g(), 0.6990533588290594, 1e-13);
  // Muennighoff: alpha == beta, so G^2 = A / B and N_opt(D) = G (G D)^1 = exp((a - b) / alpha) D
  // with a, b the published logs of A and B (datablations README).
  const ParametricLaw m = muennighoff_2023().base;
  const double ratio = std::exp((6.255414 - 7.3049974) / 0.3526596);
  EXPECT_REL_NEAR(m.optimal_params_for_tokens(25e9), ratio * 25e9, 1e-12);
  EXPECT_REL_NEAR(ratio, 0.050986517653658275, 1e-13);
}

TEST(ParametricLaw, OptimalForFlopsIsTheIsoFlopArgmin) {
  // Scan N numerically along C = 6 N D and compare with the closed-form frontier.
  for (const auto& l : all_parametric_laws()) {
    const PowerLawFrontier f = frontier(l.law);
    EXPECT_DOUBLE_EQ(f.a, l.law.beta / (l.law.alpha + l.law.beta));
    for (double flops : {1e17, 1e19, 1e21, 1e23, 1e25}) {
      SCOPED_TRACE(std::string(l.name) + " C=" + std::to_string(flops));
      const double scanned = isoflop_argmin_params(l.law, flops);
      const Allocation opt = optimal_for_flops(f, flops);
      EXPECT_REL_NEAR(opt.params, scanned, 1e-5);
      // And the closed form itself: N_opt = G (C/6)^(beta/(alpha+beta)).
      EXPECT_REL_NEAR(opt.params, l.law.frontier_g() * std::pow(flops / 6.0, f.a), 1e-12);
      // The optimum beats its neighbours on the isoFLOP line.
      for (double factor : {1.02, 1.0 / 1.02}) {
        const double n = opt.params * factor;
        EXPECT_LT(l.law.loss(opt.params, opt.tokens), l.law.loss(n, flops / (6.0 * n)));
      }
    }
  }
}

TEST(ParametricLaw, AllocationLawFrontiersOfParametricFitsAreTheirArgmins) {
  struct Row {
    AllocationLaw law;
    ParametricLaw fit;
  };
  const Row rows[] = {{AllocationLaw::kChinchillaApproach3, chinchilla_approach3()},
                      {AllocationLaw::kBesiroglu, besiroglu_2024()}};
  for (const auto& r : rows) {
    for (double flops : {1e19, 1e22, 1e25}) {
      SCOPED_TRACE(std::string(law_name(r.law)) + " C=" + std::to_string(flops));
      EXPECT_REL_NEAR(optimal_for_flops(frontier(r.law), flops).params,
                      isoflop_argmin_params(r.fit, flops), 1e-5);
    }
  }
}

TEST(ParametricLaw, OptimalParamsForTokensMatchesTheFrontier) {
  // N_opt(D_opt(C)) == N_opt(C): the size optimal_params_for_tokens gives for the frontier's token
  // count is the frontier's size.
  for (const auto& l : all_parametric_laws()) {
    const PowerLawFrontier f = frontier(l.law);
    for (double flops : {1e15, 1e18, 1e21, 1e24, 1e27}) {
      SCOPED_TRACE(std::string(l.name) + " C=" + std::to_string(flops));
      const Allocation opt = optimal_for_flops(f, flops);
      EXPECT_REL_NEAR(l.law.optimal_params_for_tokens(opt.tokens), opt.params, 1e-12);
      // The same through the power-law frontier inverted for D (optimal_for_tokens).
      EXPECT_REL_NEAR(l.law.optimal_params_for_tokens(opt.tokens),
                      optimal_for_tokens(f, opt.tokens).params, 1e-12);
    }
  }
}

TEST(ParametricLaw, OptimalParamsForTokensHandComputed) {
  // Chinchilla Approach 3: N_opt(D) = G (G D)^(beta/alpha), G = 1.34471064277253 (above).
  const double g = 1.34471064277253;
  for (double tokens : {1e9, 1e11, 1.4e12}) {
    SCOPED_TRACE(tokens);
    EXPECT_REL_NEAR(chinchilla_approach3().optimal_params_for_tokens(tokens),
                    g * std::pow(g * tokens, 0.28 / 0.34), 1e-12);
  }
  // Increasing in D.
  for (const auto& l : all_parametric_laws()) {
    SCOPED_TRACE(l.name);
    EXPECT_LT(l.law.optimal_params_for_tokens(1e10), l.law.optimal_params_for_tokens(1.1e10));
  }
}

}  // namespace
}  // namespace wb::scaling
