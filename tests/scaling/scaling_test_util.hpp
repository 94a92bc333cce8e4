// Helpers for the scaling-law tests: relative EXPECT_NEAR, and a numeric argmin over log N that
// does not use any closed form from core/scaling (so frontier tests compare two independent
// routes).
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

// |actual - expected| <= rel * |expected|.
#define EXPECT_REL_NEAR(actual, expected, rel) \
  EXPECT_NEAR((actual), (expected), (rel)*std::abs(expected))

namespace wb::scaling::test_util {

// The x in [lo, hi] minimizing f, for f unimodal there: a 2000-point scan, then golden-section
// refinement between the best point's neighbours down to 1e-12 in x.
inline double argmin_scan(const std::function<double(double)>& f, double lo, double hi) {
  constexpr int kGrid = 2000;
  double best_x = lo;
  double best_f = f(lo);
  for (int i = 1; i <= kGrid; ++i) {
    const double x = lo + (hi - lo) * i / kGrid;
    const double fx = f(x);
    if (fx < best_f) best_f = fx, best_x = x;
  }
  const double step = (hi - lo) / kGrid;
  double a = best_x - step;
  double b = best_x + step;
  const double phi = (std::sqrt(5.0) - 1.0) / 2.0;
  while (b - a > 1e-12) {
    const double x1 = b - phi * (b - a);
    const double x2 = a + phi * (b - a);
    if (f(x1) < f(x2))
      b = x2;
    else
      a = x1;
  }
  return (a + b) / 2.0;
}

// The N minimizing loss(N, C / (6 N)) along the isoFLOP line of C, scanning log N over [1e2, 1e16].
template <class Law>
double isoflop_argmin_params(const Law& law, double flops) {
  const double log_n = argmin_scan(
      [&](double x) {
        const double n = std::exp(x);
        return law.loss(n, flops / (6.0 * n));
      },
      std::log(1e2), std::log(1e16));
  return std::exp(log_n);
}

}  // namespace wb::scaling::test_util
