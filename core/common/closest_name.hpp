// "Did you mean" suggestions: the known name nearest to a mistyped one (unknown spec keys,
// unknown commands).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wb {

// Levenshtein distance: single-character insertions, deletions and substitutions.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The candidate nearest to `word` if fewer than `below` edits away (near misses only), else "".
std::string closest_name(const std::string& word, const std::vector<std::string>& candidates, std::size_t below = 3);

}  // namespace wb
