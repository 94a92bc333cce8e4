// Writes and reads the on-disk form of one corpus (documents.jsonl + corpus.json).
#include "data/corpus_files.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "common/content_hash.hpp"
#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "spec/corpus_name.hpp"

namespace wb {

namespace fs = std::filesystem;

namespace {

nlohmann::json info_to_json(const CorpusInfo& info) {
  return {{"name", info.name},           {"source", info.source},
          {"recipe", info.recipe},       {"documents", info.documents},
          {"bytes", info.bytes},         {"content_hash", info.content_hash},
          {"imported_at", info.imported_at}};
}

}  // namespace

void validate_corpus_name(const std::string& name) {
  if (!is_corpus_name(name))
    throw DataError("\"" + name + "\" cannot be a corpus name",
                    kCorpusNameRule);
}

std::string corpus_content_hash(const std::vector<std::string>& documents) {
  ContentHash hash;
  hash.add(std::uint64_t{documents.size()});
  for (const auto& doc : documents) hash.add(std::uint64_t{doc.size()}).add(doc);
  return hash.hex();
}

CorpusInfo write_corpus(const fs::path& corpora_dir, CorpusInfo info,
                        const std::vector<std::string>& documents) {
  validate_corpus_name(info.name);
  info.documents = documents.size();
  info.bytes = 0;
  for (const auto& doc : documents) info.bytes += doc.size();
  info.content_hash = corpus_content_hash(documents);
  info.imported_at = utc_now_iso8601();

  const fs::path target = corpora_dir / info.name;
  const fs::path staged = temp_sibling(corpora_dir / ("." + info.name));
  fs::create_directories(staged);
  try {
    {
      std::ofstream out(staged / "documents.jsonl", std::ios::binary);
      for (const auto& doc : documents) {
        // Documents are valid UTF-8 already; `replace` only guards against a caller bug.
        out << nlohmann::json{{"text", doc}}.dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace)
            << '\n';
      }
      out.flush();
      if (!out)
        throw DataError("cannot write " + (staged / "documents.jsonl").string(),
                        "check free disk space under " + corpora_dir.string());
    }
    write_file_atomically(staged / "corpus.json", info_to_json(info).dump(2) + "\n");
    replace_directory(staged, target);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staged, ec);
    throw;
  }
  return info;
}

CorpusInfo read_corpus_info(const fs::path& corpus_dir) {
  const fs::path file = corpus_dir / "corpus.json";
  const std::string fix = "import the corpus again (workbench-cli data import " +
                          corpus_dir.filename().string() + " ...)";
  if (!fs::exists(file)) throw DataError(file.string() + " is missing", fix);
  try {
    const auto j = nlohmann::json::parse(read_whole_file(file));
    CorpusInfo info;
    info.name = j.at("name").get<std::string>();
    info.source = j.value("source", "");
    info.recipe = j.value("recipe", "");
    info.documents = j.at("documents").get<std::uint64_t>();
    info.bytes = j.at("bytes").get<std::uint64_t>();
    info.content_hash = j.at("content_hash").get<std::string>();
    info.imported_at = j.value("imported_at", "");
    return info;
  } catch (const nlohmann::json::exception& e) {
    throw DataError(file.string() + " is unreadable (" + e.what() + ")", fix);
  }
}

}  // namespace wb
