// Maps SQLite result codes to user-facing StoreErrors: what went wrong, on which file, and what
// to do about it. The raw SQLite message is kept at the end for bug reports.
#include "store/store_errors.hpp"

#include <sqlite3.h>

#include <string>

namespace wb::store_detail {

StoreError to_store_error(const SQLite::Exception& error, const std::filesystem::path& path,
                          std::string_view action) {
  const std::string where = path.string();
  const std::string detail = " (could not " + std::string(action) + ": " + error.what() + ")";
  switch (error.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError(
          "run database " + where + " stayed locked by another process for 5 s" + detail,
          "wait for the other workbench process to finish and retry; keep the database "
          "on a local disk (SQLite WAL does not work over network file systems)");
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return StoreError(where + " is not a SQLite database or is damaged" + detail,
                        "pass --db with the path of a workbench run database, or move this file "
                        "away so a new database is created");
    case SQLITE_READONLY:
      return StoreError("run database " + where + " cannot be written" + detail,
                        "check the permissions of the file and its folder, or pass another --db");
    case SQLITE_CANTOPEN:
      return StoreError("cannot open run database " + where + detail,
                        "check that the path is a file in a writable folder, or pass another --db");
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return StoreError("run database " + where + " hit a disk error" + detail,
                        "free disk space (or fix the disk) and retry");
    case SQLITE_CONSTRAINT:
      return StoreError("run database " + where + " rejected a value" + detail,
                        "check the run id and status passed in; this is likely a bug, please "
                        "report it with the message above");
    default:
      return StoreError("run database " + where + " failed" + detail,
                        "if this repeats, copy the database aside and report the bug with this "
                        "message");
  }
}

}  // namespace wb::store_detail
