// The token-store file layout shared by TokenStoreWriter and TokenStore (see token_store.hpp):
// names, the manifest format tag and little-endian conversion.
#pragma once

#include <bit>
#include <cstdint>
#include <cstdio>
#include <string>

namespace wb::token_store_format {

inline constexpr const char* kFormat = "workbench.tokens/1";
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kDocuments = "documents.bin";

inline std::string shard_name(std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "shard-%05zu.bin", index);
  return name;
}

inline const char* dtype_name(int bytes_per_token) { return bytes_per_token == 2 ? "uint16" : "uint32"; }

// Files are little endian whatever the machine; on little-endian machines these are no-ops.
template <typename T>
T to_little_endian(T value) {
  if constexpr (std::endian::native == std::endian::big) {
    if constexpr (sizeof(T) == 2) return static_cast<T>(__builtin_bswap16(value));
    if constexpr (sizeof(T) == 4) return static_cast<T>(__builtin_bswap32(value));
    if constexpr (sizeof(T) == 8) return static_cast<T>(__builtin_bswap64(value));
  }
  return value;
}
template <typename T>
T from_little_endian(T value) { return to_little_endian(value); }

}  // namespace wb::token_store_format
