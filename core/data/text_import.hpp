// Reads documents from user files for `CorpusStore::import_path`: a plain text file (one
// document), a folder of *.txt files (one document each) or JSONL (one per line's "text").
// Text is repaired to valid UTF-8 (invalid bytes become U+FFFD and are counted), Windows line
// ends become "\n", a leading byte-order mark is dropped, and empty documents are skipped.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "data/corpus_store.hpp"

namespace wb {

struct ImportedDocuments {
  std::vector<std::string> documents;
  std::uint64_t skipped_empty = 0;   // documents with nothing but whitespace
  std::uint64_t repaired_bytes = 0;  // invalid UTF-8 bytes replaced by U+FFFD
  std::string first_repair;          // where the first one was, e.g. "a.txt at byte 1234"

  // Cleans `raw` as described above and keeps it unless it is empty. `origin` names the file
  // (and line) for the repair report.
  void add(std::string_view raw, const std::string& origin);
};

// kAuto resolves to kFolder for a folder, kJsonl for *.jsonl / *.ndjson, else kText.
ImportFormat resolve_format(const std::filesystem::path& path, ImportFormat requested);

// Each throws DataError naming the file (and line) and the fix.
ImportedDocuments read_text_file(const std::filesystem::path& file);
ImportedDocuments read_text_folder(const std::filesystem::path& folder, const ProgressFn& progress);
ImportedDocuments read_jsonl(const std::filesystem::path& file, const ProgressFn& progress);

// The "text" field of every non-blank line, without any cleaning (for documents.jsonl files
// the workbench wrote itself). DataError "FILE:LINE: ..." on a bad line.
std::vector<std::string> read_jsonl_texts(const std::filesystem::path& file);

}  // namespace wb
