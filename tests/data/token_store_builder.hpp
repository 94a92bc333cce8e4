// Builds small token stores for the data-layer tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "data/token_store.hpp"

namespace wb::test {

struct TestDocument {
  std::vector<std::uint32_t> tokens;
  std::uint32_t eot;  // a distinct EOT per document lets a test tell every position apart
};

inline TokenStore build_store(const std::filesystem::path& dir,
                              const std::vector<TestDocument>& docs, int bytes_per_token = 2,
                              std::uint64_t shard_tokens = 1000) {
  TokenStoreWriter writer(dir, bytes_per_token, shard_tokens);
  for (const auto& doc : docs) writer.add_document(doc.tokens, doc.eot);
  writer.finish({{"purpose", "test"}});
  return TokenStore::open(dir);
}

// `count` documents of varying length in which every stream position holds a different token:
// position p holds first_token + p (EOT tokens included).
inline std::vector<TestDocument> numbered_documents(int count, std::uint32_t first_token,
                                                    int min_length = 5, int max_length = 40) {
  std::vector<TestDocument> docs;
  std::uint32_t next = first_token;
  for (int d = 0; d < count; ++d) {
    const int length = min_length + (d * 7919) % (max_length - min_length + 1);
    TestDocument doc;
    for (int i = 0; i < length; ++i) doc.tokens.push_back(next++);
    doc.eot = next++;
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace wb::test
