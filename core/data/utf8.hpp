// UTF-8 decoding, encoding and repair: corpora are stored as valid UTF-8, the character tokenizer
// works on code points, and the tail split must not cut a character in half.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. On an invalid or truncated sequence
// (overlong forms, surrogates and values above U+10FFFF included) it returns false, sets `cp` to
// U+FFFD and advances by one byte, so that a caller can resynchronise.
bool decode_utf8(std::string_view text, std::size_t& pos, char32_t& cp);

void append_utf8(std::string& out, char32_t cp);

struct Utf8Repair {
  std::string text;                 // the input with every invalid byte replaced by U+FFFD
  std::uint64_t replaced = 0;       // invalid bytes replaced
  std::uint64_t first_invalid = 0;  // byte offset of the first one (valid when replaced > 0)
};
Utf8Repair repair_utf8(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// The first offset >= pos that starts a code point (or text.size()).
std::size_t utf8_boundary_at_or_after(std::string_view text, std::size_t pos);

}  // namespace wb
