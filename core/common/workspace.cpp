// Resolves the workspace root from the environment.
#include "common/workspace.hpp"

#include <cstdlib>

#include "common/content_hash.hpp"

namespace wb {

Workspace Workspace::from_environment() {
  if (const char* home = std::getenv("WB_HOME"); home && *home) return {home};
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return {std::filesystem::path(xdg) / "repetition-workbench"};
  if (const char* home = std::getenv("HOME"); home && *home)
    return {std::filesystem::path(home) / ".local/share/repetition-workbench"};
  return {std::filesystem::current_path() / "workbench-data"};
}

std::string Workspace::database_tag(const std::filesystem::path& db) const {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(db, ec);
  if (canonical == std::filesystem::weakly_canonical(default_db(), ec)) return "";
  return "db-" + ContentHash().add(canonical.string()).hex().substr(0, 8);
}

}  // namespace wb
