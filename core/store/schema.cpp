// Schema v1, the migrations after it and the migration runner. A new version means appending one
// Migration to kMigrations and bumping RunStore::kSchemaVersion; older databases then upgrade on
// their next read-write open.
#include "store/schema.hpp"

#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "store/run_store.hpp"

namespace wb::store_detail {
namespace {

struct Migration {
  int version;  // user_version after this migration
  std::string_view sql;
};

// Timestamps are ISO 8601 UTC text ("2024-05-01T12:34:56.789Z"): sortable, readable in the
// sqlite3 shell, and parsed as-is by QDateTime. wall_time is seconds since the run (or resume)
// started, as the trainer reports it.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE experiments (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  spec_json  TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE runs (
  id               INTEGER PRIMARY KEY,
  experiment_id    INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  name             TEXT NOT NULL,
  spec_json        TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'running', 'finished', 'failed', 'interrupted')),
  started_at       TEXT,             -- set when the run first goes to 'running'
  ended_at         TEXT,             -- set by finished / failed / interrupted, cleared on resume
  host             TEXT NOT NULL DEFAULT '',
  code_version     TEXT NOT NULL DEFAULT '',
  library_versions TEXT NOT NULL DEFAULT '{}',  -- JSON object
  pid              INTEGER,
  error            TEXT
);
CREATE INDEX runs_by_experiment ON runs(experiment_id);
CREATE INDEX runs_by_name ON runs(name);
CREATE TABLE metrics (
  run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step      INTEGER NOT NULL,
  tokens    INTEGER NOT NULL,
  epoch     REAL NOT NULL,
  name      TEXT NOT NULL,
  value     REAL NOT NULL,
  wall_time REAL NOT NULL
);
-- Serves both "all metrics of a run" and the live poll "one name, steps after N".
CREATE INDEX metrics_by_run_name_step ON metrics(run_id, name, step);
CREATE TABLE events (
  run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step      INTEGER NOT NULL,
  tokens    INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  data_json TEXT NOT NULL,
  wall_time REAL NOT NULL
);
CREATE INDEX events_by_run_step ON events(run_id, step);
)sql";

// v2: the run queue. A run may depend on another (a continual pre-training stage continues from
// the previous stage's checkpoint, so it must not start before that one finished); claims pick
// queued runs by (experiment, status, id).
constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE runs ADD COLUMN depends_on INTEGER REFERENCES runs(id);
CREATE INDEX runs_queue ON runs(experiment_id, status, id);
)sql";

// v3: scaling-law fits (`workbench-cli scaling fit --save NAME`), kept so that later runs can be
// predicted and plotted against them. Parameters and observations are JSON: each law has its own
// parameter names, and the store does not need to know them.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE scaling_fits (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  law               TEXT NOT NULL,    -- chinchilla | data-constrained | cpt
  parameters_json   TEXT NOT NULL,    -- [{"name", "value", "ci_low", "ci_high", "fixed"}, ...]
  observations_json TEXT NOT NULL,    -- the runs it was fitted to, with residuals
  source            TEXT NOT NULL,    -- what was fitted, e.g. "experiment 3 (final validation loss)"
  created_at        TEXT NOT NULL
);
)sql";

constexpr std::array kMigrations = {
    Migration{1, kSchemaV1},
    Migration{2, kSchemaV2},
    Migration{3, kSchemaV3},
};
static_assert(kMigrations.back().version == RunStore::kSchemaVersion,
              "the last migration must produce RunStore::kSchemaVersion");

struct Identity {
  int application_id = 0;
  int user_version = 0;
  int object_count = 0;  // tables, indexes, ... of any owner
};

Identity read_identity(SQLite::Database& db) {
  Identity id;
  // The first read of a garbage file fails here with SQLITE_NOTADB; the caller translates it.
  id.application_id = db.execAndGet("PRAGMA application_id").getInt();
  id.user_version = db.execAndGet("PRAGMA user_version").getInt();
  id.object_count = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  return id;
}

bool is_empty(const Identity& id) {
  return id.application_id == 0 && id.user_version == 0 && id.object_count == 0;
}

void check_identity(const Identity& id, const std::filesystem::path& path, bool read_write) {
  const std::string where = path.string();
  if (is_empty(id)) {
    if (read_write) return;  // a new file: migrate() creates the schema
    throw StoreError("run database " + where + " is empty (no workbench tables yet)",
                     "run `workbench-cli run ...` to record a run there first, or pass --db");
  }
  if (id.application_id != kApplicationId)
    throw StoreError(where + " is a SQLite database, but not a workbench run database",
                     "pass --db with the path of a workbench run database (default: "
                     "$WB_HOME/runs.db), or move this file away");
  if (id.user_version > RunStore::kSchemaVersion)
    throw StoreError(
        "run database " + where + " has schema version " + std::to_string(id.user_version) +
            ", newer than this build understands (" + std::to_string(RunStore::kSchemaVersion) +
            ")",
        "upgrade workbench to the version that wrote this database, or pass another --db");
  if (!read_write && id.user_version < RunStore::kSchemaVersion)
    throw OlderSchemaError(
        "run database " + where + " has the older schema version " +
            std::to_string(id.user_version) + " and is opened read-only",
        "run any writing `workbench-cli` command on it once to migrate it to version " +
            std::to_string(RunStore::kSchemaVersion));
}

void migrate(SQLite::Database& db, const std::filesystem::path& path) {
  // IMMEDIATE takes the write lock before re-reading the version, so two processes opening a new
  // database at once cannot both run the same migration.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const Identity id = read_identity(db);
  check_identity(id, path, /*read_write=*/true);
  for (const Migration& migration : kMigrations) {
    if (migration.version <= id.user_version) continue;
    db.exec(std::string(migration.sql));
    db.exec("PRAGMA user_version = " + std::to_string(migration.version));
  }
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  transaction.commit();
}

}  // namespace

int prepare_connection(SQLite::Database& db, const std::filesystem::path& path, bool read_write) {
  db.exec("PRAGMA foreign_keys = ON");
  // Identify before changing anything, so another program's file is never switched to WAL.
  const Identity id = read_identity(db);
  check_identity(id, path, read_write);
  if (!read_write) {
    db.exec("PRAGMA query_only = ON");  // belt and braces on top of SQLITE_OPEN_READONLY
    return id.user_version;
  }
  // WAL is persistent in the file: readers then never block the writer, nor the writer them.
  db.exec("PRAGMA journal_mode = WAL");
  // With WAL, NORMAL is still safe against corruption; a power cut may lose the last commits only.
  db.exec("PRAGMA synchronous = NORMAL");
  if (id.user_version < RunStore::kSchemaVersion) migrate(db, path);
  return RunStore::kSchemaVersion;
}

}  // namespace wb::store_detail
