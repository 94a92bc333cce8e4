// Byte-level tokenizer: every UTF-8 byte is a token (0-255), 256 is end-of-text.
#include "common/content_hash.hpp"
#include "data/tokenizers.hpp"

namespace wb {

namespace {

class ByteTokenizer final : public Tokenizer {
 public:
  std::vector<std::uint32_t> encode(std::string_view text) const override {
    std::vector<std::uint32_t> ids(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) ids[i] = static_cast<unsigned char>(text[i]);
    return ids;
  }
  std::string decode(const std::vector<std::uint32_t>& ids) const override {
    std::string text;
    text.reserve(ids.size());
    for (const auto id : ids)
      if (id < kEot) text += static_cast<char>(id);  // EOT separates documents: no text
    return text;
  }
  std::uint32_t vocab_size() const override { return kEot + 1; }
  std::uint32_t eot_id() const override { return kEot; }
  TokenizerKind kind() const override { return TokenizerKind::kByte; }
  std::string content_hash() const override { return ContentHash().add("byte/257").hex(); }

 private:
  static constexpr std::uint32_t kEot = 256;
};

}  // namespace

std::unique_ptr<Tokenizer> make_byte_tokenizer() { return std::make_unique<ByteTokenizer>(); }

}  // namespace wb
