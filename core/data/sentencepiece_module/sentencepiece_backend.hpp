// The interface of the SentencePiece plug-in module (libwb_sentencepiece.so).
//
// Why a plug-in: Debian's libsentencepiece bundles its own protobuf-lite and exports its symbols,
// while LibTorch pulls in the system libprotobuf (through ONNX). Linked into one process, the two
// protobufs resolve each other's symbols and the process crashes at start-up. The module is loaded
// with dlopen(RTLD_LOCAL | RTLD_DEEPBIND), so SentencePiece binds to its own protobuf and nothing
// else sees it. Both sides share libstdc++, so C++ types cross the boundary safely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wb {

class SentencePieceModel {
 public:
  virtual ~SentencePieceModel() = default;
  virtual std::vector<int> encode(std::string_view text) const = 0;  // throws std::runtime_error
  virtual std::string decode(const std::vector<int>& ids) const = 0;
  virtual int piece_to_id(const std::string& piece) const = 0;
  virtual std::string id_to_piece(int id) const = 0;
  virtual int piece_size() const = 0;
};

class SentencePieceBackend {
 public:
  virtual ~SentencePieceBackend() = default;
  // Trains on `lines` with SentencePieceTrainer options; returns the serialized model proto.
  // Throws std::runtime_error with SentencePiece's message.
  virtual std::string train(const std::vector<std::string>& lines,
                            const std::unordered_map<std::string, std::string>& options) const = 0;
  // Throws std::runtime_error when `serialized` is not a model.
  virtual std::unique_ptr<SentencePieceModel> load(const std::string& serialized) const = 0;
};

// The module's one exported symbol.
extern "C" const SentencePieceBackend* wb_sentencepiece_backend();
using SentencePieceBackendEntry = const SentencePieceBackend* (*)();

// Loads the module on first use (DataError naming the places searched when it is missing):
// $WB_SENTENCEPIECE_MODULE, the executable's folder, ../lib/repetition-workbench beside it, and
// the build tree it was compiled in.
const SentencePieceBackend& sentencepiece_backend();

}  // namespace wb
