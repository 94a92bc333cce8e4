// Character-level tokenizer: one token per Unicode code point seen in the training split
// (sorted), then <unk> for any other character, then end-of-text.
#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "common/content_hash.hpp"
#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "data/tokenizers.hpp"
#include "data/utf8.hpp"

namespace wb {

namespace {

constexpr const char* kFormat = "workbench.char-vocab/1";

class CharTokenizer final : public Tokenizer {
 public:
  explicit CharTokenizer(std::vector<char32_t> code_points) : code_points_(std::move(code_points)) {
    ContentHash hash;
    hash.add("char").add(std::uint64_t{code_points_.size()});
    for (const char32_t cp : code_points_) hash.add(std::uint64_t{cp});
    hash_ = hash.hex();
  }

  std::vector<std::uint32_t> encode(std::string_view text) const override {
    std::vector<std::uint32_t> ids;
    ids.reserve(text.size());
    std::size_t pos = 0;
    char32_t cp;
    while (pos < text.size()) {
      decode_utf8(text, pos, cp);  // invalid bytes arrive as U+FFFD
      const auto it = std::lower_bound(code_points_.begin(), code_points_.end(), cp);
      ids.push_back(it != code_points_.end() && *it == cp
                        ? static_cast<std::uint32_t>(it - code_points_.begin())
                        : unk_id());
    }
    return ids;
  }
  std::string decode(const std::vector<std::uint32_t>& ids) const override {
    std::string text;
    text.reserve(ids.size());
    for (const auto id : ids) {
      if (id < code_points_.size()) append_utf8(text, code_points_[id]);
      else if (id == unk_id()) append_utf8(text, kReplacementChar);
    }
    return text;
  }
  std::uint32_t vocab_size() const override { return unk_id() + 2; }
  std::uint32_t eot_id() const override { return unk_id() + 1; }
  TokenizerKind kind() const override { return TokenizerKind::kChar; }
  std::string content_hash() const override { return hash_; }

 private:
  std::uint32_t unk_id() const { return static_cast<std::uint32_t>(code_points_.size()); }
  std::vector<char32_t> code_points_;  // sorted: token id = index
  std::string hash_;
};

}  // namespace

std::unique_ptr<Tokenizer> train_char_tokenizer(const std::vector<std::string_view>& docs,
                                                const std::filesystem::path& cache_file) {
  // ASCII in a flat table (most text), the rest in a set.
  std::vector<bool> ascii(128, false);
  std::unordered_set<char32_t> others;
  for (const auto doc : docs) {
    std::size_t pos = 0;
    char32_t cp;
    while (pos < doc.size()) {
      if (static_cast<unsigned char>(doc[pos]) < 0x80) {
        ascii[static_cast<unsigned char>(doc[pos++])] = true;
        continue;
      }
      decode_utf8(doc, pos, cp);
      others.insert(cp);
    }
  }
  std::vector<char32_t> code_points(others.begin(), others.end());
  for (char32_t c = 0; c < 128; ++c)
    if (ascii[c]) code_points.push_back(c);
  std::sort(code_points.begin(), code_points.end());

  nlohmann::json j = {{"format", kFormat}, {"code_points", code_points}};
  write_file_atomically(cache_file, j.dump() + "\n");
  return std::make_unique<CharTokenizer>(std::move(code_points));
}

std::unique_ptr<Tokenizer> load_char_tokenizer(const std::filesystem::path& cache_file) {
  try {
    const auto j = nlohmann::json::parse(read_whole_file(cache_file));
    if (j.at("format") != kFormat) throw DataError("unknown format");
    auto code_points = j.at("code_points").get<std::vector<char32_t>>();
    if (!std::is_sorted(code_points.begin(), code_points.end())) throw DataError("not sorted");
    return std::make_unique<CharTokenizer>(std::move(code_points));
  } catch (const std::exception& e) {
    throw DataError(cache_file.string() + " is not a character vocabulary (" + e.what() + ")",
                    "delete it; it is rebuilt on the next run");
  }
}

}  // namespace wb
