// formatCount: SI-style suffixes, scientific notation beyond tera.
#include "views/number_format.hpp"

#include <cmath>

namespace wb {

QString formatCount(double value) {
  const double a = std::abs(value);
  const auto scaled = [&](double unit, const char* suffix) {
    return QString::number(value / unit, 'g', 3) + QLatin1String(suffix);
  };
  if (a >= 1e15) return QString::number(value, 'e', 2);
  if (a >= 1e12) return scaled(1e12, "T");
  if (a >= 1e9) return scaled(1e9, "B");
  if (a >= 1e6) return scaled(1e6, "M");
  if (a >= 1e3) return scaled(1e3, "k");
  return QString::number(value, 'g', 3);
}

}  // namespace wb
