// The three tokenizer implementations behind `Tokenizer` (see tokenizer.hpp) and their cache
// files. tokenizer.cpp chooses one and names its cache file after the training text's hash.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/tokenizer.hpp"

namespace wb {

// Byte level: ids 0-255 are the bytes, 256 is EOT (vocabulary 257). Needs no training.
std::unique_ptr<Tokenizer> make_byte_tokenizer();

// Character level: the sorted distinct code points of the training text, then <unk>, then EOT.
std::unique_ptr<Tokenizer> train_char_tokenizer(const std::vector<std::string_view>& docs,
                                                const std::filesystem::path& cache_file);
std::unique_ptr<Tokenizer> load_char_tokenizer(const std::filesystem::path& cache_file);

// SentencePiece BPE with byte fallback, so that every text round-trips exactly.
std::unique_ptr<Tokenizer> train_bpe_tokenizer(int vocab_size,
                                               const std::vector<std::string_view>& docs,
                                               const std::filesystem::path& cache_file);
std::unique_ptr<Tokenizer> load_bpe_tokenizer(const std::filesystem::path& cache_file);

}  // namespace wb
