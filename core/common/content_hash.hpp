// A stable 64-bit content hash (FNV-1a) for cache keys: corpora, tokenizers, token stores.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

class ContentHash {
 public:
  ContentHash& add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      state_ ^= c;
      state_ *= 1099511628211ULL;
    }
    return *this;
  }
  ContentHash& add(std::uint64_t v) {
    return add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
  }
  std::uint64_t value() const { return state_; }
  // 16 lowercase hex digits, used in file names and manifests.
  std::string hex() const {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i) s[15 - i] = digits[(state_ >> (4 * i)) & 0xF];
    return s;
  }

 private:
  std::uint64_t state_ = 14695981039346656037ULL;
};

}  // namespace wb
