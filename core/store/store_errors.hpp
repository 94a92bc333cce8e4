// Turns SQLite failures into StoreErrors that name the database, what was being done and a fix.
// Private to wb_store: callers only ever see wb::StoreError.
#pragma once

#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <string_view>

#include "common/errors.hpp"

namespace wb::store_detail {

// `action` completes "could not ...", e.g. "append metrics to run 3".
StoreError to_store_error(const SQLite::Exception& error, const std::filesystem::path& path,
                          std::string_view action);

// Runs f(), rethrowing any SQLite exception as a StoreError about `action`.
template <typename F>
decltype(auto) guarded(const std::filesystem::path& path, std::string_view action, F&& f) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw to_store_error(e, path, action);
  }
}

}  // namespace wb::store_detail
