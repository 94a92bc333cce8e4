// Tokenizers: byte-level, character-level and SentencePiece BPE, behind one interface.
// Character and BPE vocabularies are trained on the training split only and cached by content hash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "spec/run_spec.hpp"

namespace wb {

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  virtual std::vector<std::uint32_t> encode(std::string_view text) const = 0;
  virtual std::string decode(const std::vector<std::uint32_t>& ids) const = 0;
  virtual std::uint32_t vocab_size() const = 0;  // EOT included
  virtual std::uint32_t eot_id() const = 0;      // appended after every document
  virtual TokenizerKind kind() const = 0;
  // Hash of the kind and the learned vocabulary: part of every token-store cache key.
  virtual std::string content_hash() const = 0;
};

// Trains (or loads from cache_dir when the same spec and training text were seen before) the
// tokenizer a spec asks for. `training_docs` is the training split only.
std::unique_ptr<Tokenizer> train_or_load_tokenizer(const TokenizerSpec& spec,
                                                   const std::vector<std::string_view>& training_docs,
                                                   const std::filesystem::path& cache_dir);

}  // namespace wb
