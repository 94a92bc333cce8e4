// Conversions between QString and std::filesystem::path (UTF-8 on the Linux/macOS side).
#pragma once

#include <QString>
#include <filesystem>

namespace wb {

inline std::filesystem::path toPath(const QString& text) {
  return std::filesystem::path(text.toStdU16String());
}

inline QString toQString(const std::filesystem::path& path) {
  return QString::fromStdU16String(path.u16string());
}

}  // namespace wb
