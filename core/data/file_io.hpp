// Small file helpers for the data layer: whole-file reads, atomic writes and atomic folder swaps,
// so that an interrupted import or build never leaves something that looks complete.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace wb {

// Reads a whole file; DataError naming the file when it cannot be read.
std::string read_whole_file(const std::filesystem::path& path);

// A name next to `target` that no other process uses: "TARGET.tmp-PID-N".
std::filesystem::path temp_sibling(const std::filesystem::path& target);

// Writes `content` under a temporary name and renames it over `target`.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Moves the finished folder `staged` to `target`, replacing an older `target` in one atomic step
// where the kernel allows it (renameat2 RENAME_EXCHANGE), then removes the old contents.
void replace_directory(const std::filesystem::path& staged, const std::filesystem::path& target);

// Now, as ISO 8601 UTC ("2024-05-01T12:00:00Z").
std::string utc_now_iso8601();

}  // namespace wb
