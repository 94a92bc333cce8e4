// Tick values for chart axes (see axis_ticks.hpp).
#include "series/axis_ticks.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace wb::series {

double nice_step(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw * (1.0 - 1e-12)) return m * power;
  return 10.0 * power;
}

namespace {

// The next smaller round step: 5 -> 2 -> 1 -> 0.5.
double smaller_step(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  return step * (mantissa > 4.0 ? 0.4 : 0.5);
}

// Multiples of `step` inside [lo, hi], rounded to the step's decimals: 3 * 0.1 is
// 0.30000000000000004, which a label would print as such with enough digits.
std::vector<double> multiples(double lo, double hi, double step) {
  std::vector<double> out;
  const double eps = 1e-9 * step;
  const double scale = std::pow(10.0, std::max(0.0, std::ceil(-std::log10(step) - 1e-9)));
  for (double k = std::ceil((lo - eps) / step); k * step <= hi + eps; k += 1.0) {
    const double v = std::round(k * step * scale) / scale;
    if (v > 0) out.push_back(v);
  }
  return out;
}

}  // namespace

std::vector<double> log_ticks(double lo, double hi, int max_ticks) {
  if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi)) return {};
  if (max_ticks < 2) max_ticks = 2;
  const double decades = std::log10(hi) - std::log10(lo);
  std::vector<double> out;
  if (decades < 1.0) {
    // Within a decade a log axis is nearly linear: round values at a linear step, a finer one
    // while that labels fewer than three (2.05..2.95 has no multiple of 0.5 but 2.5), as long
    // as the finer one stays within max_ticks (or there would be fewer than two).
    for (double step = nice_step((hi - lo) / (max_ticks - 1)); out.size() < 3; step = smaller_step(step)) {
      auto finer = multiples(lo, hi, step);
      if (static_cast<int>(finer.size()) > max_ticks && out.size() >= 2) break;
      out = std::move(finer);
    }
    return out;
  }
  const int first = static_cast<int>(std::ceil(std::log10(lo) - 1e-9));
  const int last = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
  if (decades <= 2.5) {
    for (int e = first - 1; e <= last; ++e)
      for (double m : {1.0, 2.0, 5.0}) {
        const double v = m * std::pow(10.0, e);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push_back(v);
      }
    if (static_cast<int>(out.size()) <= max_ticks) return out;
    out.clear();
  }
  const int every = std::max(1, static_cast<int>(std::ceil((last - first + 1) / static_cast<double>(max_ticks))));
  for (int e = first; e <= last; e += every) out.push_back(std::pow(10.0, e));
  return out;
}

}  // namespace wb::series
