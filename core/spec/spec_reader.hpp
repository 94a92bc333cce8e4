// Reads one JSON object of a spec with its field path, so every error names the field
// ("model.n_head"), the bad value and what is allowed, and unknown keys are rejected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wb {

class SpecReader {
 public:
  // Throws SpecError unless `object` is a JSON object.
  SpecReader(const nlohmann::json& object, std::string path);

  // Each getter leaves `value` unchanged when the key is absent.
  void integer(const char* key, std::int64_t& value, std::int64_t min, std::int64_t max);
  void integer(const char* key, int& value, int min, int max);
  void number(const char* key, double& value, double min, double max);
  // min <= value < end: a rate or decay that must stay below `end` (dropout 1 would divide by 0).
  void number_below(const char* key, double& value, double min, double end);
  void boolean(const char* key, bool& value);
  void text(const char* key, std::string& value);
  void choice(const char* key, std::string& value, const std::vector<std::string>& allowed);
  void seed(const char* key, std::uint64_t& value);
  // A list of non-empty strings; a single string is accepted as a list of one.
  void strings(const char* key, std::vector<std::string>& value);
  bool has(const char* key) const;
  // A sub-object (SpecError if present and not an object); nullopt when absent.
  std::optional<SpecReader> object(const char* key);
  const nlohmann::json& raw(const char* key);  // marks the key as read

  // Throws SpecError for the first key that no getter asked for, suggesting the closest known key.
  void reject_unknown_keys(const std::vector<std::string>& also_allowed = {}) const;

  std::string field(const char* key) const;  // "model.n_head"

 private:
  const nlohmann::json* find(const char* key);
  const nlohmann::json& object_;
  std::string path_;
  std::vector<std::string> known_;
};

// Formats a number for messages without trailing zeros ("0.25", "1e-05", "64").
std::string format_number(double value);

}  // namespace wb
