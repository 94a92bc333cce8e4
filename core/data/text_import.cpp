// Reads documents from user files (text, folder of *.txt, JSONL) for corpus imports.
#include "data/text_import.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "data/utf8.hpp"

namespace wb {

namespace fs = std::filesystem;

namespace {

const char* const kJsonlFix =
    "each line must be a JSON object with a string field \"text\", e.g. {\"text\": \"Once upon a "
    "time\"}; blank lines are skipped";

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string lowercase_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Parses one JSONL line into its "text" field; `where` is "FILE:LINE".
std::string text_field(const std::string& line, const std::string& where) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    throw DataError(where + ": not valid JSON (" + e.what() + ")", kJsonlFix);
  }
  if (!value.is_object() || !value.contains("text"))
    throw DataError(where + ": no \"text\" field", kJsonlFix);
  if (!value["text"].is_string())
    throw DataError(where + ": \"text\" is " + std::string(value["text"].type_name()) +
                        ", not a string",
                    kJsonlFix);
  return value["text"].get<std::string>();
}

// Calls fn(line, line_number) for every line of a file.
template <typename Fn>
void for_each_line(const fs::path& file, Fn&& fn) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw DataError("cannot read " + file.string(), "check that the file exists and is readable");
  std::string line;
  std::uint64_t number = 0;
  while (std::getline(in, line)) fn(line, ++number);
}

}  // namespace

void ImportedDocuments::add(std::string_view raw, const std::string& origin) {
  if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);  // byte-order mark
  Utf8Repair repaired = repair_utf8(raw);
  if (repaired.replaced > 0) {
    if (repaired_bytes == 0)
      first_repair = origin + " at byte " + std::to_string(repaired.first_invalid);
    repaired_bytes += repaired.replaced;
  }
  std::string text;
  text.reserve(repaired.text.size());
  const std::string& src = repaired.text;
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (src[i] == '\r' && i + 1 < src.size() && src[i + 1] == '\n') continue;  // CRLF -> LF
    text += src[i];
  }
  if (is_blank(text)) {
    ++skipped_empty;
    return;
  }
  documents.push_back(std::move(text));
}

ImportFormat resolve_format(const fs::path& path, ImportFormat requested) {
  if (requested != ImportFormat::kAuto) return requested;
  if (fs::is_directory(path)) return ImportFormat::kFolder;
  const std::string ext = lowercase_extension(path);
  if (ext == ".jsonl" || ext == ".ndjson") return ImportFormat::kJsonl;
  return ImportFormat::kText;
}

ImportedDocuments read_text_file(const fs::path& file) {
  if (fs::is_directory(file))
    throw DataError(file.string() + " is a folder, not a text file",
                    "import it as a folder (format auto or folder) or name a file");
  ImportedDocuments result;
  result.add(read_whole_file(file), file.string());
  return result;
}

ImportedDocuments read_text_folder(const fs::path& folder, const ProgressFn& progress) {
  if (!fs::is_directory(folder))
    throw DataError(folder.string() + " is not a folder",
                    "name a folder of *.txt files, or import the file as text or JSONL");
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && lowercase_extension(entry.path()) == ".txt")
      files.push_back(entry.path());
  }
  if (files.empty())
    throw DataError("no *.txt files under " + folder.string(),
                    "put one document per .txt file in the folder (subfolders are searched too)");
  std::sort(files.begin(), files.end());  // a stable document order, whatever the file system
  ImportedDocuments result;
  for (std::size_t i = 0; i < files.size(); ++i) {
    result.add(read_whole_file(files[i]), files[i].string());
    if (progress && ((i + 1) % 1000 == 0 || i + 1 == files.size()))
      progress("reading " + folder.filename().string() + ": " + std::to_string(i + 1) + "/" +
               std::to_string(files.size()) + " files");
  }
  return result;
}

ImportedDocuments read_jsonl(const fs::path& file, const ProgressFn& progress) {
  ImportedDocuments result;
  for_each_line(file, [&](const std::string& line, std::uint64_t number) {
    if (is_blank(line)) return;
    const std::string where = file.string() + ":" + std::to_string(number);
    // Repair the line before parsing: the JSON parser rejects invalid UTF-8 outright.
    Utf8Repair repaired = repair_utf8(line);
    if (repaired.replaced > 0) {
      if (result.repaired_bytes == 0)
        result.first_repair = where + " at byte " + std::to_string(repaired.first_invalid);
      result.repaired_bytes += repaired.replaced;
    }
    result.add(text_field(repaired.text, where), where);
    if (progress && number % 100000 == 0)
      progress("reading " + file.filename().string() + ": " + std::to_string(number) + " lines");
  });
  return result;
}

std::vector<std::string> read_jsonl_texts(const fs::path& file) {
  std::vector<std::string> texts;
  for_each_line(file, [&](const std::string& line, std::uint64_t number) {
    if (!is_blank(line)) texts.push_back(text_field(line, file.string() + ":" + std::to_string(number)));
  });
  return texts;
}

}  // namespace wb
