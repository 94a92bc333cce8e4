// Edit distance and the nearest known name; see closest_name.hpp.
#include "common/closest_name.hpp"

#include <algorithm>

namespace wb {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string closest_name(const std::string& word, const std::vector<std::string>& candidates, std::size_t below) {
  std::string closest;
  for (const auto& candidate : candidates)
    if (const auto d = edit_distance(word, candidate); d < below) below = d, closest = candidate;
  return closest;
}

}  // namespace wb
