// A list as the messages print it: "a, b, c" (allowed keys, commands, metric names, run ids).
#pragma once

#include <string>
#include <vector>

namespace wb {

inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace wb
