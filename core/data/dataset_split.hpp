// The train / validation split of a corpus (the rule is documented at prepare_dataset in
// dataset.hpp). Pure and deterministic across machines: it uses our own shuffle.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb {

struct DocumentSplit {
  std::vector<std::string_view> train;  // views into the corpus documents
  std::vector<std::string_view> val;
};

// Several documents: whole documents are held out, chosen by shuffling document indices with
// `seed` and taking them until `validation_fraction` of the bytes is reached; at least one
// document goes each way. Both splits keep corpus order.
// One document: the last `validation_fraction` of its bytes (cut at a character boundary), as
// nanoGPT splits tiny Shakespeare.
// Throws SpecError unless 0 < validation_fraction < 1, DataError when there is nothing to split.
DocumentSplit split_documents(const std::vector<std::string>& documents,
                              double validation_fraction, std::uint64_t seed);

}  // namespace wb
