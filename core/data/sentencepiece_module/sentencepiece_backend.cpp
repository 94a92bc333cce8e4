// The SentencePiece plug-in module: SentencePieceBackend over libsentencepiece (see the header).
#include "data/sentencepiece_module/sentencepiece_backend.hpp"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <stdexcept>
#include <utility>

namespace wb {
namespace {

// util::Status up to SentencePiece 0.2.0, absl::Status in later releases: whichever the base
// class returns.
using IteratorStatus = decltype(std::declval<const sentencepiece::SentenceIterator&>().status());

class LineIterator final : public sentencepiece::SentenceIterator {
 public:
  explicit LineIterator(const std::vector<std::string>& lines) : lines_(lines) {}
  bool done() const override { return index_ >= lines_.size(); }
  void Next() override { ++index_; }
  const std::string& value() const override { return lines_[index_]; }
  IteratorStatus status() const override { return {}; }

 private:
  const std::vector<std::string>& lines_;
  std::size_t index_ = 0;
};

class Model final : public SentencePieceModel {
 public:
  explicit Model(const std::string& serialized) {
    if (auto status = processor_.LoadFromSerializedProto(serialized); !status.ok())
      throw std::runtime_error(status.ToString());
  }
  std::vector<int> encode(std::string_view text) const override {
    std::vector<int> ids;
    if (auto status = processor_.Encode(text, &ids); !status.ok()) throw std::runtime_error(status.ToString());
    return ids;
  }
  std::string decode(const std::vector<int>& ids) const override {
    std::string text;
    if (auto status = processor_.Decode(ids, &text); !status.ok()) throw std::runtime_error(status.ToString());
    return text;
  }
  int piece_to_id(const std::string& piece) const override { return processor_.PieceToId(piece); }
  std::string id_to_piece(int id) const override { return processor_.IdToPiece(id); }
  int piece_size() const override { return processor_.GetPieceSize(); }

 private:
  sentencepiece::SentencePieceProcessor processor_;
};

class Backend final : public SentencePieceBackend {
 public:
  std::string train(const std::vector<std::string>& lines,
                    const std::unordered_map<std::string, std::string>& options) const override {
    LineIterator iterator(lines);
    std::string model;
    if (auto status = sentencepiece::SentencePieceTrainer::Train(options, &iterator, &model); !status.ok())
      throw std::runtime_error(status.ToString());
    return model;
  }
  std::unique_ptr<SentencePieceModel> load(const std::string& serialized) const override {
    return std::make_unique<Model>(serialized);
  }
};

}  // namespace
}  // namespace wb

extern "C" __attribute__((visibility("default"))) const wb::SentencePieceBackend* wb_sentencepiece_backend() {
  static const wb::Backend backend;
  return &backend;
}
