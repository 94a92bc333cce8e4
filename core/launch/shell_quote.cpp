// Single quotes are the only POSIX quoting in which nothing is special, so every unsafe word is
// single-quoted and its own single quotes are closed, escaped and reopened.
#include "launch/shell_quote.hpp"

namespace wb {
namespace {

bool is_safe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

std::string quoted(std::string_view word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

std::string shell_quote(std::string_view word) {
  bool safe = !word.empty();
  for (char c : word) safe = safe && is_safe(c);
  return safe ? std::string(word) : quoted(word);
}

std::string shell_join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    // An unquoted NAME=value in command position is a variable assignment, not the command.
    const bool assignment_like = out.empty() && w.find('=') != std::string::npos;
    if (!out.empty()) out += ' ';
    out += assignment_like ? quoted(w) : shell_quote(w);
  }
  return out;
}

}  // namespace wb
