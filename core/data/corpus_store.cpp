// CorpusStore: imports user files as corpora and reads corpora back (recipes: corpus_recipes.cpp).
#include "data/corpus_store.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "data/corpus_files.hpp"
#include "data/text_import.hpp"

namespace wb {

namespace fs = std::filesystem;

std::string missing_corpus_fix(const std::string& name) {
  std::string recipes;
  bool is_recipe = false;
  for (const auto& recipe : builtin_recipes()) {
    recipes += (recipes.empty() ? "" : ", ") + recipe.name;
    is_recipe = is_recipe || recipe.name == name;
  }
  if (is_recipe)
    return "build the built-in recipe: `workbench-cli data import " + name + "`";
  return "import it: `workbench-cli data import " + name +
         " --from PATH` (a text file, a folder of .txt files or JSONL), or use a built-in "
         "recipe (" + recipes + ")";
}

CorpusStore::CorpusStore(Workspace workspace) : workspace_(std::move(workspace)) {}

CorpusInfo CorpusStore::import_path(const std::string& name, const fs::path& path,
                                    ImportFormat format, const ProgressFn& progress) {
  validate_corpus_name(name);
  if (!fs::exists(path))
    throw DataError("cannot import \"" + name + "\": " + path.string() + " does not exist",
                    "check the path (a text file, a folder of .txt files, or a .jsonl file)");
  ImportedDocuments imported;
  switch (resolve_format(path, format)) {
    case ImportFormat::kFolder: imported = read_text_folder(path, progress); break;
    case ImportFormat::kJsonl: imported = read_jsonl(path, progress); break;
    default: imported = read_text_file(path); break;
  }
  if (imported.documents.empty())
    throw DataError("no text in " + path.string() + " (" + std::to_string(imported.skipped_empty) +
                        " empty documents)",
                    "import a file or folder that contains text");
  if (progress && imported.repaired_bytes > 0)
    progress("warning: replaced " + std::to_string(imported.repaired_bytes) +
             " invalid UTF-8 bytes with U+FFFD (first in " + imported.first_repair + ")");
  if (progress && imported.skipped_empty > 0)
    progress("skipped " + std::to_string(imported.skipped_empty) + " empty documents");

  CorpusInfo info;
  info.name = name;
  info.source = fs::absolute(path).lexically_normal().string();
  info = write_corpus(workspace_.corpora_dir(), info, imported.documents);
  if (progress)
    progress("imported " + name + ": " + std::to_string(info.documents) + " documents, " +
             std::to_string(info.bytes) + " bytes");
  return info;
}

bool CorpusStore::exists(const std::string& name) const {
  std::error_code ec;
  return !name.empty() && fs::exists(workspace_.corpora_dir() / name / "corpus.json", ec) &&
         fs::exists(workspace_.corpora_dir() / name / "documents.jsonl", ec);
}

CorpusInfo CorpusStore::info(const std::string& name) const {
  validate_corpus_name(name);
  if (!exists(name))
    throw DataError("no corpus named \"" + name + "\" in " + workspace_.corpora_dir().string(),
                    missing_corpus_fix(name));
  return read_corpus_info(workspace_.corpora_dir() / name);
}

std::vector<CorpusInfo> CorpusStore::list() const {
  std::vector<CorpusInfo> corpora;
  std::error_code ec;
  if (!fs::is_directory(workspace_.corpora_dir(), ec)) return corpora;
  for (const auto& entry : fs::directory_iterator(workspace_.corpora_dir())) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") || !exists(name)) continue;  // hidden: imports in progress
    corpora.push_back(read_corpus_info(entry.path()));
  }
  std::sort(corpora.begin(), corpora.end(),
            [](const CorpusInfo& a, const CorpusInfo& b) { return a.name < b.name; });
  return corpora;
}

std::vector<std::string> CorpusStore::load_documents(const std::string& name) const {
  const CorpusInfo corpus = info(name);
  auto documents = read_jsonl_texts(workspace_.corpora_dir() / name / "documents.jsonl");
  if (documents.size() != corpus.documents)
    throw DataError("corpus \"" + name + "\" is damaged: corpus.json says " +
                        std::to_string(corpus.documents) + " documents, documents.jsonl holds " +
                        std::to_string(documents.size()),
                    "re-create it; " + missing_corpus_fix(name));
  return documents;
}

}  // namespace wb
