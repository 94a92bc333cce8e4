// Field-path-aware reading of spec JSON objects, with messages that say what is allowed.
#include "spec/spec_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/closest_name.hpp"
#include "common/errors.hpp"
#include "common/joined.hpp"

namespace wb {

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

SpecReader::SpecReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object())
    throw SpecError((path_.empty() ? std::string("spec") : path_) + ": expected a JSON object, got " +
                    object_.dump());
}

std::string SpecReader::field(const char* key) const {
  return path_.empty() ? std::string(key) : path_ + "." + key;
}

const nlohmann::json* SpecReader::find(const char* key) {
  known_.emplace_back(key);
  auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

bool SpecReader::has(const char* key) const { return object_.contains(key); }

const nlohmann::json& SpecReader::raw(const char* key) {
  static const nlohmann::json null_value;
  const auto* v = find(key);
  return v ? *v : null_value;
}

void SpecReader::integer(const char* key, std::int64_t& value, std::int64_t min, std::int64_t max) {
  const auto* v = find(key);
  if (!v) return;
  // Accept 1e6 written as a float when it is a whole number: budgets are often written so.
  if (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>() &&
      std::abs(v->get<double>()) < 9.0e15) {
    value = static_cast<std::int64_t>(v->get<double>());
  } else if (v->is_number_integer()) {
    value = v->get<std::int64_t>();
  } else {
    throw SpecError(field(key) + ": " + v->dump() + " is not a whole number; allowed: integers " +
                    std::to_string(min) + " to " + std::to_string(max));
  }
  if (value < min || value > max)
    throw SpecError(field(key) + ": " + std::to_string(value) + " is out of range; allowed: " +
                    std::to_string(min) + " to " + std::to_string(max));
}

void SpecReader::integer(const char* key, int& value, int min, int max) {
  std::int64_t wide = value;
  integer(key, wide, min, max);
  value = static_cast<int>(wide);
}

void SpecReader::number(const char* key, double& value, double min, double max) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_number())
    throw SpecError(field(key) + ": " + v->dump() + " is not a number; allowed: " +
                    format_number(min) + " to " + format_number(max));
  value = v->get<double>();
  if (!(value >= min && value <= max))
    throw SpecError(field(key) + ": " + format_number(value) + " is out of range; allowed: " +
                    format_number(min) + " to " + format_number(max));
}

void SpecReader::number_below(const char* key, double& value, double min, double end) {
  const auto* v = find(key);
  if (!v) return;
  const std::string allowed = format_number(min) + " to <" + format_number(end);
  if (!v->is_number()) throw SpecError(field(key) + ": " + v->dump() + " is not a number; allowed: " + allowed);
  value = v->get<double>();
  if (!(value >= min && value < end))
    throw SpecError(field(key) + ": " + format_number(value) + " is out of range; allowed: " + allowed);
}

void SpecReader::boolean(const char* key, bool& value) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_boolean())
    throw SpecError(field(key) + ": " + v->dump() + " is not a boolean; allowed: true or false");
  value = v->get<bool>();
}

void SpecReader::text(const char* key, std::string& value) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_string() || v->get<std::string>().empty())
    throw SpecError(field(key) + ": " + v->dump() + " is not a non-empty string");
  value = v->get<std::string>();
}

void SpecReader::choice(const char* key, std::string& value, const std::vector<std::string>& allowed) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_string() || std::find(allowed.begin(), allowed.end(), v->get<std::string>()) == allowed.end())
    throw SpecError(field(key) + ": " + v->dump() + " is not allowed; allowed: " + joined(allowed));
  value = v->get<std::string>();
}

void SpecReader::seed(const char* key, std::uint64_t& value) {
  const auto* v = find(key);
  if (!v) return;
  if (!v->is_number_unsigned())
    throw SpecError(field(key) + ": " + v->dump() + " is not allowed; allowed: an integer >= 0");
  value = v->get<std::uint64_t>();
}

void SpecReader::strings(const char* key, std::vector<std::string>& value) {
  const auto* v = find(key);
  if (!v) return;
  const auto bad = [&] {
    return SpecError(field(key) + ": " + v->dump() + " is not allowed; allowed: an array of non-empty strings");
  };
  if (v->is_string()) {
    if (v->get<std::string>().empty()) throw bad();
    value = {v->get<std::string>()};
    return;
  }
  if (!v->is_array()) throw bad();
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string() || item.get<std::string>().empty()) throw bad();
    out.push_back(item.get<std::string>());
  }
  value = std::move(out);
}

std::optional<SpecReader> SpecReader::object(const char* key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  return SpecReader(*v, field(key));
}

void SpecReader::reject_unknown_keys(const std::vector<std::string>& also_allowed) const {
  std::vector<std::string> allowed = known_;
  allowed.insert(allowed.end(), also_allowed.begin(), also_allowed.end());
  for (const auto& [key, value] : object_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const std::string closest = closest_name(key, allowed);
    std::string message = field(key.c_str()) + ": unknown key";
    if (!closest.empty()) message += " (did you mean \"" + closest + "\"?)";
    throw SpecError(message + "; allowed keys: " + joined(allowed));
  }
}

}  // namespace wb
