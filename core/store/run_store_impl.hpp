// RunStore's private state, shared by the files that implement its members (run_store.cpp,
// run_queue.cpp, scaling_fits.cpp). Private to wb_store.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/run_store.hpp"

// SQLite expression for "now" as ISO 8601 UTC with milliseconds: 2024-05-01T12:34:56.789Z.
#define WB_NOW_UTC "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

namespace wb {

// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
// In WAL mode only writer-vs-writer and checkpoints wait, so this is rarely reached.
inline constexpr int kBusyTimeoutMs = 5000;

struct RunStore::Impl {
  Impl(const std::filesystem::path& p, bool rw)
      : path(p),
        read_write(rw),
        db(p, rw ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : SQLite::OPEN_READONLY,
           kBusyTimeoutMs) {}

  void require_writable(std::string_view action) const {
    if (!read_write)
      throw StoreError("cannot " + std::string(action) + ": run database " + path.string() +
                           " is open read-only",
                       "open it with RunStore::Mode::kReadWrite (a bug in the caller)");
  }

  // Prepared once per connection and reused by every append_metrics call (the hot path).
  SQLite::Statement& insert_metric() {
    if (!insert_metric_statement)
      insert_metric_statement.emplace(
          db,
          "INSERT INTO metrics (run_id, step, tokens, epoch, name, value, wall_time)"
          " VALUES (?, ?, ?, ?, ?, ?, ?)");
    return *insert_metric_statement;
  }

  // The charts' read (RunStore::metric_points), prepared once per connection. Stepped with
  // SQLite's C API: SQLiteCpp's Column copies a shared_ptr per value read, a quarter of the time
  // of a million-row read.
  sqlite3_stmt* select_metric_points();

  struct FinalizeStatement {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };

  std::filesystem::path path;
  bool read_write;
  SQLite::Database db;  // declared before the statements, so it is destroyed after them
  int schema_version = 0;
  std::optional<SQLite::Statement> insert_metric_statement;
  std::unique_ptr<sqlite3_stmt, FinalizeStatement> select_metric_points_statement;
};

}  // namespace wb
