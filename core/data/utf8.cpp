// UTF-8 decoding, encoding and repair (RFC 3629: no overlong forms, no surrogates, <= U+10FFFF).
#include "data/utf8.hpp"

namespace wb {

namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

bool decode_utf8(std::string_view text, std::size_t& pos, char32_t& cp) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    cp = lead;
    ++pos;
    return true;
  }
  int length = 0;
  char32_t value = 0;
  char32_t minimum = 0;  // smallest value this length may encode (rejects overlong forms)
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  }
  bool ok = length > 0 && pos + static_cast<std::size_t>(length) <= text.size();
  for (int i = 1; ok && i < length; ++i) {
    const auto c = static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]);
    ok = is_continuation(c);
    value = (value << 6) | (c & 0x3F);
  }
  ok = ok && value >= minimum && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
  if (!ok) {
    cp = kReplacementChar;
    ++pos;
    return false;
  }
  cp = value;
  pos += static_cast<std::size_t>(length);
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Utf8Repair repair_utf8(std::string_view bytes) {
  Utf8Repair result;
  if (is_valid_utf8(bytes)) {  // the common case: one pass, one copy
    result.text = std::string(bytes);
    return result;
  }
  result.text.reserve(bytes.size() + 16);
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t start = pos;
    char32_t cp;
    if (decode_utf8(bytes, pos, cp)) {
      result.text.append(bytes.substr(start, pos - start));
    } else {
      if (result.replaced == 0) result.first_invalid = start;
      ++result.replaced;
      append_utf8(result.text, kReplacementChar);
    }
  }
  return result;
}

bool is_valid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  char32_t cp;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
    } else if (!decode_utf8(bytes, pos, cp)) {
      return false;
    }
  }
  return true;
}

std::size_t utf8_boundary_at_or_after(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_continuation(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

}  // namespace wb
