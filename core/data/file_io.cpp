// Small file helpers for the data layer: whole-file reads, atomic writes and folder swaps.
#include "data/file_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/errors.hpp"
#include "common/utc_time.hpp"

namespace wb {

namespace fs = std::filesystem;

std::string read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw DataError("cannot read " + path.string() + ": " + std::strerror(errno),
                    "check that the file exists and is readable");
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

fs::path temp_sibling(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  return fs::path(target.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter++));
}

void write_file_atomically(const fs::path& target, std::string_view content) {
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  const fs::path temp = temp_sibling(target);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out)
      throw DataError("cannot write " + temp.string() + ": " + std::strerror(errno),
                      "check free disk space and permissions of " +
                          target.parent_path().string());
  }
  fs::rename(temp, target);
}

void replace_directory(const fs::path& staged, const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    fs::rename(staged, target);
    return;
  }
#ifdef RENAME_EXCHANGE
  // Swap in one step: readers see either the old or the new folder, never none.
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(staged, ec);  // now holds the old contents
    return;
  }
#endif
  const fs::path old = temp_sibling(target);
  fs::rename(target, old);
  fs::rename(staged, target);
  fs::remove_all(old, ec);
}

std::string utc_now_iso8601() { return utc_time("%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace wb
