// What the `workbench-cli scaling` commands share: quantities from the command line ("70B") and
// the law's result printed as a table or JSON.
#pragma once

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "scaling/quantity.hpp"
#include "store/run_store.hpp"

namespace wb {

// An option's value as a number; a bad one is a usage error naming the option.
inline double quantity_arg(const std::string& text, const std::string& option) {
  try {
    return scaling::parse_quantity(text);
  } catch (const std::invalid_argument& e) {
    throw UserError(ExitCode::kUsage, option + ": " + e.what());
  }
}

inline std::optional<double> optional_quantity(const std::string& text, const std::string& option) {
  if (text.empty()) return std::nullopt;
  return quantity_arg(text, option);
}

// One parameter of a fit saved with `scaling fit --save` (its parameters_json is an array of
// {name, value, ci_low, ci_high, fixed}); nullopt when the fit has no parameter of that name.
inline std::optional<double> saved_fit_value(const FitRow& fit, const std::string& name) {
  for (const auto& p : nlohmann::json::parse(fit.parameters_json))
    if (p.at("name") == name) return p.at("value").get<double>();
  return std::nullopt;
}

inline void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace wb
