// Writes one split's token store: shards of little-endian uint16/uint32 ids, documents.bin and,
// last of all, manifest.json, each under a temporary name first.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "data/token_store.hpp"
#include "data/token_store_format.hpp"

namespace wb {

namespace fs = std::filesystem;
namespace fmt = token_store_format;

struct TokenStoreWriter::Impl {
  fs::path dir;
  int bytes_per_token = 2;
  std::uint64_t shard_tokens = 0;
  std::uint64_t tokens = 0;
  std::vector<std::uint64_t> document_starts;
  std::ofstream shard_file;  // the shard being filled, under its temporary name
  std::uint64_t shard_filled = 0;
  std::vector<char> buffer;  // encoded ids not yet written (bounded: shards may be huge)
  std::vector<std::pair<fs::path, std::uint64_t>> written;  // temporary file, tokens
  bool finished = false;

  void write_buffer() {
    shard_file.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
    if (!shard_file)
      throw DataError("cannot write " + written.back().first.string(),
                      "check free disk space under " + dir.parent_path().string());
  }

  void close_shard() {
    if (!shard_file.is_open()) return;
    write_buffer();
    shard_file.close();
    written.back().second = shard_filled;
    shard_filled = 0;
  }

  void append(std::uint32_t id) {
    if (!shard_file.is_open()) {
      const fs::path temp = temp_sibling(dir / fmt::shard_name(written.size()));
      shard_file.open(temp, std::ios::binary | std::ios::trunc);
      written.emplace_back(temp, 0);
    }
    if (bytes_per_token == 2) {
      const auto v = fmt::to_little_endian(static_cast<std::uint16_t>(id));
      buffer.insert(buffer.end(), reinterpret_cast<const char*>(&v),
                    reinterpret_cast<const char*>(&v) + sizeof v);
    } else {
      const auto v = fmt::to_little_endian(id);
      buffer.insert(buffer.end(), reinterpret_cast<const char*>(&v),
                    reinterpret_cast<const char*>(&v) + sizeof v);
    }
    ++tokens;
    if (++shard_filled == shard_tokens) close_shard();
    else if (buffer.size() >= (1u << 20)) write_buffer();
  }
};

TokenStoreWriter::TokenStoreWriter(const fs::path& dir, int bytes_per_token,
                                   std::uint64_t shard_tokens)
    : impl_(std::make_unique<Impl>()) {
  if (bytes_per_token != 2 && bytes_per_token != 4)
    throw DataError("token stores hold 2- or 4-byte ids, not " + std::to_string(bytes_per_token));
  if (shard_tokens == 0) throw DataError("a token-store shard must hold at least one token");
  impl_->dir = dir;
  impl_->bytes_per_token = bytes_per_token;
  impl_->shard_tokens = shard_tokens;
  fs::create_directories(dir);
}

TokenStoreWriter::~TokenStoreWriter() {
  if (impl_ && !impl_->finished) {  // abandoned: leave nothing that could be mistaken for data
    std::error_code ec;
    impl_->shard_file.close();
    for (const auto& [temp, tokens] : impl_->written) fs::remove(temp, ec);
  }
}

void TokenStoreWriter::add_document(std::span<const std::uint32_t> tokens, std::uint32_t eot_id) {
  const std::uint32_t max_id = impl_->bytes_per_token == 2 ? 0xFFFFu : 0xFFFFFFFFu;
  if (eot_id > max_id)
    throw DataError("token id " + std::to_string(eot_id) + " does not fit in " +
                    fmt::dtype_name(impl_->bytes_per_token));
  impl_->document_starts.push_back(impl_->tokens);
  for (const std::uint32_t id : tokens) {
    if (id > max_id)
      throw DataError("token id " + std::to_string(id) + " does not fit in " +
                      fmt::dtype_name(impl_->bytes_per_token));
    impl_->append(id);
  }
  impl_->append(eot_id);
}

void TokenStoreWriter::finish(const nlohmann::json& extra) {
  Impl& s = *impl_;
  s.close_shard();
  std::vector<char> starts(s.document_starts.size() * sizeof(std::uint64_t));
  for (std::size_t i = 0; i < s.document_starts.size(); ++i) {
    const auto v = token_store_format::to_little_endian(s.document_starts[i]);
    std::memcpy(starts.data() + i * sizeof v, &v, sizeof v);
  }
  write_file_atomically(s.dir / fmt::kDocuments, std::string_view(starts.data(), starts.size()));

  nlohmann::json shards = nlohmann::json::array();
  for (std::size_t i = 0; i < s.written.size(); ++i) {
    fs::rename(s.written[i].first, s.dir / fmt::shard_name(i));
    shards.push_back({{"file", fmt::shard_name(i)}, {"tokens", s.written[i].second}});
  }
  nlohmann::json manifest = extra.is_object() ? extra : nlohmann::json::object();
  manifest["format"] = fmt::kFormat;
  manifest["dtype"] = fmt::dtype_name(s.bytes_per_token);
  manifest["tokens"] = s.tokens;
  manifest["documents"] = s.document_starts.size();
  manifest["shards"] = shards;
  // The manifest goes last: a store without one is incomplete and is rebuilt.
  write_file_atomically(s.dir / fmt::kManifest, manifest.dump(2) + "\n");
  s.finished = true;
}

}  // namespace wb
