// The train / validation split of a corpus: whole documents, or the tail of a single document.
#include "data/dataset_split.hpp"

#include <algorithm>
#include <cmath>

#include "common/errors.hpp"
#include "data/portable_random.hpp"
#include "data/utf8.hpp"

namespace wb {

DocumentSplit split_documents(const std::vector<std::string>& documents,
                              double validation_fraction, std::uint64_t seed) {
  if (!(validation_fraction > 0.0 && validation_fraction < 1.0))
    throw SpecError("data.validation_fraction is " + std::to_string(validation_fraction),
                    "use a share between 0 and 1, e.g. 0.05");
  DocumentSplit split;
  if (documents.empty())
    throw DataError("the corpus has no documents", "import a corpus that contains text");

  if (documents.size() == 1) {
    const std::string_view text = documents.front();
    auto cut = static_cast<std::size_t>(
        std::floor(static_cast<double>(text.size()) * (1.0 - validation_fraction)));
    cut = utf8_boundary_at_or_after(text, cut);
    if (cut == 0 || cut >= text.size())
      throw DataError("the corpus is a single document of " + std::to_string(text.size()) +
                          " bytes, too short to hold out " + std::to_string(validation_fraction) +
                          " of it",
                      "use a longer text or a different data.validation_fraction");
    split.train.push_back(text.substr(0, cut));
    split.val.push_back(text.substr(cut));
    return split;
  }

  std::uint64_t total = 0;
  for (const auto& doc : documents) total += doc.size();
  const double target = validation_fraction * static_cast<double>(total);
  std::vector<bool> held_out(documents.size(), false);
  std::uint64_t val_bytes = 0;
  std::size_t val_docs = 0;
  for (const std::int64_t index : shuffled_indices(static_cast<std::int64_t>(documents.size()), seed)) {
    if (val_docs > 0 && static_cast<double>(val_bytes) >= target) break;
    if (val_docs + 1 == documents.size()) break;  // keep one document for training
    held_out[static_cast<std::size_t>(index)] = true;
    val_bytes += documents[static_cast<std::size_t>(index)].size();
    ++val_docs;
  }
  for (std::size_t i = 0; i < documents.size(); ++i)
    (held_out[i] ? split.val : split.train).push_back(documents[i]);
  return split;
}

}  // namespace wb
