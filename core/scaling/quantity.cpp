// Large numbers as papers write them (see quantity.hpp).
#include "scaling/quantity.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace wb::scaling {

double parse_quantity(std::string_view text) {
  const std::string s(text);
  const auto fail = [&] {
    return std::invalid_argument("\"" + s + "\" is not a positive number; write e.g. 400M, 70B, 1.4T, 6.8e9 or 250000");
  };
  if (s.empty()) throw fail();
  char* end = nullptr;
  double value = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) throw fail();
  const std::string_view suffix(end);
  if (suffix.size() > 1) throw fail();
  if (suffix.size() == 1) {
    switch (std::toupper(static_cast<unsigned char>(suffix[0]))) {
      case 'K': value *= 1e3; break;
      case 'M': value *= 1e6; break;
      case 'B':
      case 'G': value *= 1e9; break;
      case 'T': value *= 1e12; break;
      case 'P': value *= 1e15; break;
      default: throw fail();
    }
  }
  if (!(value > 0.0) || !std::isfinite(value)) throw fail();
  return value;
}

std::string format_quantity(double value) {
  struct Unit {
    double scale;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{1e15, "P"}, {1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
  char buffer[48];
  for (const auto& unit : kUnits) {
    if (std::fabs(value) < unit.scale * 0.9995) continue;
    const double scaled = value / unit.scale;
    const int decimals = scaled >= 99.95 ? 0 : scaled >= 9.995 ? 1 : 2;
    std::snprintf(buffer, sizeof buffer, "%.*f%s", decimals, scaled, unit.suffix);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

std::string format_flops(double flops) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", flops);
  return buffer;
}

}  // namespace wb::scaling
