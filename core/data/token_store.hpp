// A memory-mapped token store for one split: binary shards (uint16 when the vocabulary fits, else
// uint32) plus manifest.json (corpus hash, tokenizer hash, dtype, shard list, document and token
// counts) and documents.bin (uint64 start offset of every document in the token stream).
// Every document is followed by the tokenizer's end-of-text token in the stream.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wb {

class TokenStore {
 public:
  // Opens DIR/manifest.json and maps its shards. Throws DataError naming the file and the fix
  // (delete the folder so it is rebuilt) when a shard is missing, truncated or of another size.
  static TokenStore open(const std::filesystem::path& dir);

  TokenStore(TokenStore&&) noexcept;
  TokenStore& operator=(TokenStore&&) noexcept;
  ~TokenStore();

  std::uint64_t size() const;       // tokens in the split, EOT separators included
  std::uint64_t documents() const;  // documents in the split
  std::uint64_t document_begin(std::uint64_t doc) const;  // offset of doc's first token
  std::uint64_t document_end(std::uint64_t doc) const;    // one past doc's EOT token
  std::uint32_t at(std::uint64_t index) const;
  // Copies tokens [begin, begin + out.size()) into out (may span shards).
  void copy(std::uint64_t begin, std::span<std::int64_t> out) const;
  const nlohmann::json& manifest() const;

 private:
  struct Impl;
  explicit TokenStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes a split's token store: documents are appended one at a time, EOT added after each.
class TokenStoreWriter {
 public:
  // bytes_per_token: 2 (uint16) or 4 (uint32). shard_tokens: tokens per shard file.
  TokenStoreWriter(const std::filesystem::path& dir, int bytes_per_token,
                   std::uint64_t shard_tokens = 256ull << 20);
  ~TokenStoreWriter();
  void add_document(std::span<const std::uint32_t> tokens, std::uint32_t eot_id);
  // Writes documents.bin and manifest.json (with `extra` merged in). Files are written under
  // temporary names and renamed, so a killed process never leaves a store that looks complete.
  void finish(const nlohmann::json& extra);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wb
