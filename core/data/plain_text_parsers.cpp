// Text clean-up for fortune files and rendered man pages: fortune splitting, ANSI colour codes,
// terminal overstrikes, trailing spaces and blank-line runs.
#include "data/recipe_parsers.hpp"

namespace wb {

std::vector<std::string> split_fortunes(std::string_view file) {
  std::vector<std::string> fortunes;
  std::string current;
  auto end_fortune = [&] {
    std::string text = tidy_lines(strip_ansi_escapes(current));
    if (!text.empty()) fortunes.push_back(std::move(text));
    current.clear();
  };
  std::size_t pos = 0;
  while (pos < file.size()) {
    std::size_t end = file.find('\n', pos);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(pos, end - pos);
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line == "%") {
      end_fortune();
    } else {
      current.append(line);
      current += '\n';
    }
  }
  end_fortune();
  return fortunes;
}

std::string strip_ansi_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\x1b') {
      out += text[i];
      continue;
    }
    // CSI: ESC [ parameters... final byte in @..~ ("\x1b[33m"); other escapes: ESC + one byte.
    if (i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
    } else {
      ++i;
    }
  }
  return out;
}

std::string strip_overstrikes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\b') {
      out += c;
      continue;
    }
    // Erase the previous code point: its continuation bytes, then its lead byte.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && out.back() != '\n') out.pop_back();
  }
  return out;
}

std::string tidy_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int pending_newlines = 0;  // newlines seen since the last non-blank line
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    const bool last = end == text.size();
    pos = end + 1;
    const auto keep = line.find_last_not_of(" \t\r");
    if (keep == std::string_view::npos) {
      ++pending_newlines;
    } else {
      if (!out.empty()) out.append(pending_newlines > 0 ? "\n\n" : "\n");
      out.append(line.substr(0, keep + 1));
      pending_newlines = 0;
    }
    if (last) break;
  }
  return out;
}

}  // namespace wb
