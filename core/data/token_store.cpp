// Opens a split's token store: reads manifest.json, checks every file against it and maps the
// shards read-only (POSIX mmap), so a training run reads tokens without loading them.
#include "data/token_store.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "data/token_store_format.hpp"

namespace wb {

namespace fs = std::filesystem;
namespace fmt = token_store_format;

namespace {

// A read-only mapping of one whole file.
struct MappedFile {
  const unsigned char* data = nullptr;
  std::size_t size = 0;

  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& o) noexcept : data(o.data), size(o.size) { o.data = nullptr; }
  MappedFile& operator=(MappedFile&& o) noexcept {
    std::swap(data, o.data);
    std::swap(size, o.size);
    return *this;
  }
  ~MappedFile() {
    if (data) ::munmap(const_cast<unsigned char*>(data), size);
  }
};

MappedFile map_file(const fs::path& file, std::size_t expected_size, const std::string& fix) {
  MappedFile mapped;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw DataError(file.string() + " is missing or unreadable", fix);
  struct stat st {};
  ::fstat(fd, &st);
  if (static_cast<std::size_t>(st.st_size) != expected_size) {
    ::close(fd);
    throw DataError(file.string() + " has " + std::to_string(st.st_size) +
                        " bytes; the manifest says " + std::to_string(expected_size) +
                        " (truncated or from another build)",
                    fix);
  }
  if (expected_size > 0) {
    void* p = ::mmap(nullptr, expected_size, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      throw DataError("cannot map " + file.string() + ": " + std::strerror(errno), fix);
    }
    mapped.data = static_cast<const unsigned char*>(p);
    mapped.size = expected_size;
  }
  ::close(fd);  // the mapping stays valid
  return mapped;
}

}  // namespace

struct TokenStore::Impl {
  nlohmann::json manifest;
  int bytes_per_token = 2;
  std::uint64_t tokens = 0;
  std::vector<MappedFile> shards;
  std::vector<std::uint64_t> shard_begin;  // first token of each shard, then `tokens`
  MappedFile document_starts;
  std::uint64_t documents = 0;

  std::uint32_t read(std::size_t shard, std::uint64_t offset) const {
    const unsigned char* p = shards[shard].data + offset * static_cast<std::uint64_t>(bytes_per_token);
    if (bytes_per_token == 2) {
      std::uint16_t v;
      std::memcpy(&v, p, sizeof v);
      return fmt::from_little_endian(v);
    }
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return fmt::from_little_endian(v);
  }
  std::size_t shard_of(std::uint64_t index) const {
    return static_cast<std::size_t>(
        std::upper_bound(shard_begin.begin(), shard_begin.end(), index) - shard_begin.begin() - 1);
  }
};

TokenStore::TokenStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TokenStore::TokenStore(TokenStore&&) noexcept = default;
TokenStore& TokenStore::operator=(TokenStore&&) noexcept = default;
TokenStore::~TokenStore() = default;

TokenStore TokenStore::open(const fs::path& dir) {
  const std::string fix = "delete " + dir.string() + "; it is rebuilt on the next run";
  const fs::path manifest_file = dir / fmt::kManifest;
  if (!fs::exists(manifest_file))
    throw DataError(manifest_file.string() + " is missing (an unfinished token store)", fix);
  auto impl = std::make_unique<Impl>();
  try {
    impl->manifest = nlohmann::json::parse(read_whole_file(manifest_file));
    const auto& m = impl->manifest;
    if (m.at("format") != fmt::kFormat)
      throw DataError(manifest_file.string() + " has format " + m.at("format").dump() +
                          ", expected \"" + fmt::kFormat + "\"",
                      fix);
    const std::string dtype = m.at("dtype").get<std::string>();
    if (dtype != "uint16" && dtype != "uint32")
      throw DataError(manifest_file.string() + " has dtype \"" + dtype + "\"", fix);
    impl->bytes_per_token = dtype == "uint16" ? 2 : 4;
    impl->tokens = m.at("tokens").get<std::uint64_t>();
    impl->documents = m.at("documents").get<std::uint64_t>();
    std::uint64_t begin = 0;
    for (const auto& shard : m.at("shards")) {
      const auto tokens = shard.at("tokens").get<std::uint64_t>();
      const std::string file = shard.at("file").get<std::string>();
      if (file.find('/') != std::string::npos || tokens == 0)
        throw DataError(manifest_file.string() + " lists a bad shard \"" + file + "\"", fix);
      impl->shards.push_back(map_file(dir / file, tokens * impl->bytes_per_token, fix));
      impl->shard_begin.push_back(begin);
      begin += tokens;
    }
    if (begin != impl->tokens)
      throw DataError(manifest_file.string() + " lists shards of " + std::to_string(begin) +
                          " tokens but says the split has " + std::to_string(impl->tokens),
                      fix);
    impl->shard_begin.push_back(begin);
    impl->document_starts =
        map_file(dir / fmt::kDocuments, impl->documents * sizeof(std::uint64_t), fix);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(manifest_file.string() + " is unreadable (" + e.what() + ")", fix);
  }
  return TokenStore(std::move(impl));
}

std::uint64_t TokenStore::size() const { return impl_->tokens; }
std::uint64_t TokenStore::documents() const { return impl_->documents; }

std::uint64_t TokenStore::document_begin(std::uint64_t doc) const {
  std::uint64_t v;
  std::memcpy(&v, impl_->document_starts.data + doc * sizeof v, sizeof v);
  return fmt::from_little_endian(v);
}

std::uint64_t TokenStore::document_end(std::uint64_t doc) const {
  return doc + 1 < impl_->documents ? document_begin(doc + 1) : impl_->tokens;
}

std::uint32_t TokenStore::at(std::uint64_t index) const {
  const std::size_t shard = impl_->shard_of(index);
  return impl_->read(shard, index - impl_->shard_begin[shard]);
}

void TokenStore::copy(std::uint64_t begin, std::span<std::int64_t> out) const {
  if (begin + out.size() > impl_->tokens)
    throw DataError("token range [" + std::to_string(begin) + ", " +
                    std::to_string(begin + out.size()) + ") is past the end of a store of " +
                    std::to_string(impl_->tokens) + " tokens");
  std::size_t done = 0;
  while (done < out.size()) {
    const std::uint64_t index = begin + done;
    const std::size_t shard = impl_->shard_of(index);
    const std::uint64_t offset = index - impl_->shard_begin[shard];
    const std::uint64_t available = impl_->shard_begin[shard + 1] - index;
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(available, out.size() - done));
    for (std::size_t i = 0; i < n; ++i) out[done + i] = impl_->read(shard, offset + i);
    done += n;
  }
}

const nlohmann::json& TokenStore::manifest() const { return impl_->manifest; }

}  // namespace wb
