// The on-disk form of one corpus: corpora/NAME/documents.jsonl ({"text": ...} per line) and
// corpora/NAME/corpus.json (the CorpusInfo fields). Shared by imports and recipes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "data/corpus_store.hpp"

namespace wb {

// Throws DataError unless the name is usable as a folder name: letters, digits, '-', '_', '.'
// (not first), at most 100 characters.
void validate_corpus_name(const std::string& name);

// 16 hex digits over every document (length-prefixed, so document boundaries count).
std::string corpus_content_hash(const std::vector<std::string>& documents);

// Writes corpora_dir/NAME from `documents`, filling in the counts, hash and time of `info`.
// Written to a temporary folder first and swapped in, so readers never see half a corpus.
CorpusInfo write_corpus(const std::filesystem::path& corpora_dir, CorpusInfo info,
                        const std::vector<std::string>& documents);

// Reads corpus_dir/corpus.json; DataError with the fix when it is missing or unreadable.
CorpusInfo read_corpus_info(const std::filesystem::path& corpus_dir);

}  // namespace wb

namespace wb {

// The fix for "no corpus named NAME": how to import it, or build it when NAME is a recipe.
std::string missing_corpus_fix(const std::string& name);

}  // namespace wb
