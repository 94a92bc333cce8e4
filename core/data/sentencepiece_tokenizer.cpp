// SentencePiece BPE tokenizer trained on the training split. Byte fallback and an identity
// normalizer make every text round-trip exactly (spaces, newlines and rare characters included).
// SentencePiece itself is reached through the plug-in module (sentencepiece_module/), never linked.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/content_hash.hpp"
#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "data/sentencepiece_module/sentencepiece_backend.hpp"
#include "data/tokenizers.hpp"
#include "data/utf8.hpp"

namespace wb {

namespace {

constexpr const char* kEotPiece = "<|endoftext|>";
constexpr int kReservedPieces = 2 + 256;  // <unk>, EOT and the 256 byte-fallback pieces
// Training reads lines. These caps keep training to seconds on a laptop whatever the corpus:
constexpr std::size_t kMaxTrainingBytes = 8u << 20;  // lines sampled evenly beyond this
constexpr std::size_t kMaxLineBytes = 2048;          // longer lines are cut at a space

// Cuts `line` at every character not in `kept` and appends the pieces to `out`.
void append_pieces_without(std::string_view line, const std::unordered_set<char32_t>& kept,
                           std::vector<std::string>& out) {
  std::size_t piece_begin = 0, pos = 0;
  char32_t cp;
  while (pos < line.size()) {
    const std::size_t start = pos;
    decode_utf8(line, pos, cp);
    if (kept.count(cp)) continue;
    if (start > piece_begin) out.emplace_back(line.substr(piece_begin, start - piece_begin));
    piece_begin = pos;
  }
  if (pos > piece_begin) out.emplace_back(line.substr(piece_begin, pos - piece_begin));
}

// SentencePiece trains on sentences, not on documents: every line of every document, long lines
// cut into pieces, and an even sample of lines when there is more text than the cap.
//
// SentencePiece gives every character of the training text its own piece, so a text with more
// distinct characters than the vocabulary holds (Chinese has thousands) cannot be trained on as
// is. Only the most frequent characters that fit in half of the free vocabulary are kept (the
// other half is left for merges); lines are cut at the rest, which byte fallback encodes.
std::vector<std::string> training_lines(const std::vector<std::string_view>& docs, int vocab_size) {
  std::vector<std::string_view> lines;
  std::size_t total = 0;
  for (const auto doc : docs) {
    std::size_t pos = 0;
    while (pos < doc.size()) {
      std::size_t end = std::min(doc.find('\n', pos), doc.size());
      while (pos < end) {
        std::size_t cut = end;
        if (cut - pos > kMaxLineBytes) {
          cut = doc.rfind(' ', pos + kMaxLineBytes);
          if (cut == std::string_view::npos || cut <= pos) cut = pos + kMaxLineBytes;
          cut = utf8_boundary_at_or_after(doc, cut);
        }
        lines.push_back(doc.substr(pos, cut - pos));
        total += cut - pos;
        pos = cut;
      }
      pos = end + 1;
    }
  }
  const std::size_t stride =
      total > kMaxTrainingBytes ? (total + kMaxTrainingBytes - 1) / kMaxTrainingBytes : 1;
  std::vector<std::string_view> sampled;
  for (std::size_t i = 0; i < lines.size(); i += stride)
    if (!lines[i].empty()) sampled.push_back(lines[i]);

  std::unordered_map<char32_t, std::uint64_t> counts;
  for (const auto line : sampled) {
    char32_t cp;
    for (std::size_t pos = 0; pos < line.size();) {
      decode_utf8(line, pos, cp);
      ++counts[cp];
    }
  }
  const auto room = static_cast<std::size_t>(std::max(1, (vocab_size - kReservedPieces) / 2));
  std::vector<std::string> result;
  if (counts.size() <= room) {
    for (const auto line : sampled) result.emplace_back(line);
    return result;
  }
  std::vector<std::pair<std::uint64_t, char32_t>> by_frequency;
  for (const auto& [cp, n] : counts) by_frequency.emplace_back(n, cp);
  // Most frequent first; ties by code point, so the choice does not depend on hash order.
  std::sort(by_frequency.begin(), by_frequency.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::unordered_set<char32_t> kept;
  for (std::size_t i = 0; i < room; ++i) kept.insert(by_frequency[i].second);
  for (const auto line : sampled) append_pieces_without(line, kept, result);
  return result;
}

class SentencePieceTokenizer final : public Tokenizer {
 public:
  explicit SentencePieceTokenizer(const std::string& serialized_model, const std::string& source) {
    try {
      processor_ = sentencepiece_backend().load(serialized_model);
    } catch (const std::runtime_error& e) {
      throw DataError(source + " is not a SentencePiece model (" + e.what() + ")",
                      "delete it; it is rebuilt on the next run");
    }
    eot_ = processor_->piece_to_id(kEotPiece);
    if (eot_ <= 0 || processor_->id_to_piece(eot_) != kEotPiece)
      throw DataError(source + " has no " + kEotPiece + " piece",
                      "delete it; it is rebuilt on the next run");
    hash_ = ContentHash().add("bpe").add(serialized_model).hex();
  }

  std::vector<std::uint32_t> encode(std::string_view text) const override {
    std::vector<int> ids;
    try {
      ids = processor_->encode(text);
    } catch (const std::runtime_error& e) {
      throw DataError(std::string("BPE encoding failed: ") + e.what());
    }
    return {ids.begin(), ids.end()};
  }
  std::string decode(const std::vector<std::uint32_t>& ids) const override {
    std::vector<int> signed_ids;
    signed_ids.reserve(ids.size());
    for (const auto id : ids)
      if (id != static_cast<std::uint32_t>(eot_)) signed_ids.push_back(static_cast<int>(id));
    return processor_->decode(signed_ids);
  }
  std::uint32_t vocab_size() const override {
    return static_cast<std::uint32_t>(processor_->piece_size());
  }
  std::uint32_t eot_id() const override { return static_cast<std::uint32_t>(eot_); }
  TokenizerKind kind() const override { return TokenizerKind::kBpe; }
  std::string content_hash() const override { return hash_; }

 private:
  std::unique_ptr<SentencePieceModel> processor_;
  int eot_ = -1;
  std::string hash_;
};

}  // namespace

std::unique_ptr<Tokenizer> train_bpe_tokenizer(int vocab_size,
                                               const std::vector<std::string_view>& docs,
                                               const std::filesystem::path& cache_file) {
  if (vocab_size < kReservedPieces + 2 || vocab_size > 1'000'000)
    throw SpecError("data.tokenizer.vocab_size " + std::to_string(vocab_size) +
                        " does not fit a byte-fallback BPE vocabulary",
                    "use a value between " + std::to_string(kReservedPieces + 2) +
                        " and 1000000, e.g. 1024 (258 ids are bytes, <unk> and end-of-text)");
  const std::vector<std::string> lines = training_lines(docs, vocab_size);
  if (lines.empty())
    throw DataError("cannot train BPE: the training split has no text",
                    "use a corpus with more text, or a lower data.validation_fraction");
  const std::unordered_map<std::string, std::string> options = {
      {"model_type", "bpe"},
      {"vocab_size", std::to_string(vocab_size)},
      {"byte_fallback", "true"},
      {"character_coverage", "1.0"},  // rare characters were cut out of the lines instead
      // Exact round trips: no Unicode normalization, no added or removed whitespace.
      {"normalization_rule_name", "identity"},
      {"add_dummy_prefix", "false"},
      {"remove_extra_whitespaces", "false"},
      {"allow_whitespace_only_pieces", "true"},
      {"unk_id", "0"},
      {"eos_id", "1"},
      {"eos_piece", kEotPiece},
      {"bos_id", "-1"},
      {"pad_id", "-1"},
      // Determinism: the first lines in order, no sampling.
      {"shuffle_input_sentence", "false"},
      {"input_sentence_size", "2000000"},
      {"max_sentence_length", std::to_string(kMaxLineBytes * 4)},
      {"num_threads", "2"},
      {"minloglevel", "2"},  // SentencePiece logs every training step at INFO
  };
  std::string model;
  try {
    model = sentencepiece_backend().train(lines, options);
  } catch (const std::runtime_error& e) {
    throw DataError(std::string("BPE training failed: ") + e.what(),
                    "when the vocabulary is too large for the text, lower "
                    "data.tokenizer.vocab_size or use a larger corpus");
  }
  auto tokenizer = std::make_unique<SentencePieceTokenizer>(model, "trained model");
  write_file_atomically(cache_file, model);
  return tokenizer;
}

std::unique_ptr<Tokenizer> load_bpe_tokenizer(const std::filesystem::path& cache_file) {
  return std::make_unique<SentencePieceTokenizer>(read_whole_file(cache_file), cache_file.string());
}

}  // namespace wb
