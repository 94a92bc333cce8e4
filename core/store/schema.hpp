// The run store's schema: connection settings, the identity check (is this a workbench database,
// and of which version?) and the list of migrations applied in order. Private to wb_store.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace wb::store_detail {

// PRAGMA application_id of every workbench run database ("RWBS"), so that another program's
// SQLite file is never mistaken for an empty one and migrated.
inline constexpr int kApplicationId = 0x52574253;

// Prepares a freshly opened connection: checks the file is a workbench database this build
// understands, sets the per-connection pragmas and (read-write only) switches to WAL and creates or
// migrates the schema to RunStore::kSchemaVersion. Returns the schema version in use.
// Throws StoreError naming `path` and the fix; SQLite errors propagate as SQLite::Exception.
int prepare_connection(SQLite::Database& db, const std::filesystem::path& path, bool read_write);

}  // namespace wb::store_detail
