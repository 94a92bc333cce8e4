// CSV field quoting (RFC 4180): run names such as "sweep/n_embd=128,n_layer=4" contain commas.
#pragma once

#include <string>
#include <string_view>

namespace wb {

inline std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace wb
