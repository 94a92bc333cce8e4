// Chooses, trains or loads the tokenizer a spec asks for, with a cache keyed by content hash.
#include "data/tokenizer.hpp"

#include "common/content_hash.hpp"
#include "common/errors.hpp"
#include "data/tokenizers.hpp"

namespace wb {

namespace fs = std::filesystem;

namespace {

// Bump when a tokenizer's training changes, so that old cache files are not reused.
constexpr std::uint64_t kTokenizerCacheVersion = 1;

std::string cache_key(const TokenizerSpec& spec, const std::vector<std::string_view>& docs) {
  ContentHash hash;
  hash.add(to_string(spec.kind)).add(kTokenizerCacheVersion);
  hash.add(static_cast<std::uint64_t>(spec.kind == TokenizerKind::kBpe ? spec.vocab_size : 0));
  hash.add(std::uint64_t{docs.size()});
  for (const auto doc : docs) hash.add(std::uint64_t{doc.size()}).add(doc);
  return hash.hex();
}

}  // namespace


std::unique_ptr<Tokenizer> train_or_load_tokenizer(const TokenizerSpec& spec,
                                                   const std::vector<std::string_view>& training_docs,
                                                   const fs::path& cache_dir) {
  if (spec.kind == TokenizerKind::kByte) return make_byte_tokenizer();
  if (training_docs.empty())
    throw DataError(std::string("cannot train a ") + to_string(spec.kind) +
                        " tokenizer: the training split has no documents",
                    "use a corpus with more text, or a lower data.validation_fraction");

  const std::string key = cache_key(spec, training_docs);
  const bool is_bpe = spec.kind == TokenizerKind::kBpe;
  const fs::path cache_file =
      cache_dir / (std::string(to_string(spec.kind)) + "-" + key +
                   (is_bpe ? ".model" : ".json"));
  if (fs::exists(cache_file)) {
    try {
      return is_bpe ? load_bpe_tokenizer(cache_file) : load_char_tokenizer(cache_file);
    } catch (const DataError&) {
      // A damaged cache file (a full disk, a crash) is rebuilt rather than reported.
      std::error_code ec;
      fs::remove(cache_file, ec);
    }
  }
  fs::create_directories(cache_dir);
  return is_bpe ? train_bpe_tokenizer(spec.vocab_size, training_docs, cache_file)
                : train_char_tokenizer(training_docs, cache_file);
}

}  // namespace wb
