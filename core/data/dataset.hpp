// A corpus made ready for training: split into train / validation documents, tokenized, and
// stored as memory-mapped token stores, cached by (corpus hash, tokenizer hash, split settings).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "common/workspace.hpp"
#include "data/token_store.hpp"
#include "data/tokenizer.hpp"
#include "spec/run_spec.hpp"

namespace wb {

// A line of progress for long work ("tokenizing brown: 412/500 documents").
using ProgressFn = std::function<void(const std::string& message)>;

struct PreparedDataset {
  std::filesystem::path dir;   // datasets/KEY
  std::unique_ptr<Tokenizer> tokenizer;
  TokenStore train;
  TokenStore val;
  std::uint32_t vocab_size() const { return tokenizer->vocab_size(); }
};

// Split rule: corpora of several documents hold out whole documents, chosen by shuffling
// document indices with split_seed and taking documents until validation_fraction of the bytes
// is reached; a corpus of one document (tiny Shakespeare) holds out the last fraction of its text,
// as nanoGPT does. The corpus must exist in the workspace (a built-in recipe is imported first
// by the caller). Throws DataError with the fix when it does not.
PreparedDataset prepare_dataset(const DataSpec& spec, const Workspace& workspace,
                                const ProgressFn& progress = {});

}  // namespace wb
