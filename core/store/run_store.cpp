// RunStore: opening a run database (read-write or read-only) and the writes and queries on it.
// Schema and migrations live in schema.cpp, the run queue (claims) in run_queue.cpp,
// SQLite-to-StoreError translation in store_errors.cpp.
#include "store/run_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <system_error>

#include "common/errors.hpp"
#include "store/run_store_impl.hpp"
#include "store/schema.hpp"
#include "store/store_errors.hpp"

namespace wb {
namespace {

using store_detail::guarded;

constexpr std::array<std::string_view, 5> kStatuses = {"queued", "running", "finished", "failed",
                                                       "interrupted"};

// Column order shared by every query that returns RunRows (see read_run).
constexpr const char* kSelectRuns =
    "SELECT r.id, r.experiment_id, e.name, r.name, r.spec_json, r.status, r.started_at,"
    " r.ended_at, r.host, r.code_version, r.library_versions, r.pid, r.error, r.depends_on"
    " FROM runs r JOIN experiments e ON e.id = r.experiment_id";

RunRow read_run(const SQLite::Statement& q) {
  RunRow run;
  run.id = q.getColumn(0).getInt64();
  run.experiment_id = q.getColumn(1).getInt64();
  run.experiment = q.getColumn(2).getText();
  run.name = q.getColumn(3).getText();
  run.spec_json = q.getColumn(4).getText();
  run.status = q.getColumn(5).getText();
  run.started_at = q.getColumn(6).getText();  // NULL reads as ""
  run.ended_at = q.getColumn(7).getText();
  run.environment.host = q.getColumn(8).getText();
  run.environment.code_version = q.getColumn(9).getText();
  run.environment.library_versions = q.getColumn(10).getText();
  run.environment.pid = q.getColumn(11).getInt64();
  run.error = q.getColumn(12).getText();
  if (!q.getColumn(13).isNull()) run.depends_on = q.getColumn(13).getInt64();
  return run;
}

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return id;
}

}  // namespace

RunStore RunStore::open(const std::filesystem::path& path, Mode mode) {
  const bool read_write = mode == Mode::kReadWrite;
  if (!read_write && !std::filesystem::exists(path))
    throw StoreError("no run database at " + path.string(),
                     "run `workbench-cli run ...` first or pass --db");
  if (read_write && path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec)
      throw StoreError("cannot create the folder " + path.parent_path().string() +
                           " for the run database: " + ec.message(),
                       "check its permissions, or pass --db with a path in a writable folder");
  }
  return guarded(path, "open it", [&] {
    auto impl = std::make_unique<Impl>(path, read_write);
    impl->schema_version = store_detail::prepare_connection(impl->db, path, read_write);
    return RunStore(std::move(impl));
  });
}

RunStore::RunStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RunStore::RunStore(RunStore&&) noexcept = default;
RunStore& RunStore::operator=(RunStore&&) noexcept = default;
RunStore::~RunStore() = default;

int RunStore::schema_version() const { return impl_->schema_version; }
const std::filesystem::path& RunStore::path() const { return impl_->path; }

std::int64_t RunStore::create_experiment(const std::string& name, const std::string& spec_json) {
  impl_->require_writable("create an experiment");
  return guarded(impl_->path, "create experiment '" + name + "'", [&] {
    SQLite::Statement insert(impl_->db,
                             "INSERT INTO experiments (name, spec_json, created_at)"
                             " VALUES (?, ?, " WB_NOW_UTC ")");
    insert.bind(1, name);
    insert.bind(2, spec_json);
    insert.exec();
    return impl_->db.getLastInsertRowid();
  });
}

std::int64_t RunStore::create_run(std::int64_t experiment_id, const std::string& name,
                                  const std::string& spec_json, const RunEnvironment& environment,
                                  std::optional<std::int64_t> depends_on) {
  impl_->require_writable("create a run");
  return guarded(impl_->path, "create run '" + name + "'", [&] {
    SQLite::Statement exists(impl_->db, "SELECT 1 FROM experiments WHERE id = ?");
    exists.bind(1, experiment_id);
    if (!exists.executeStep())
      throw StoreError("cannot create run '" + name + "': no experiment with id " +
                           std::to_string(experiment_id) + " in " + impl_->path.string(),
                       "create the experiment first (RunStore::create_experiment) and pass its id");
    if (depends_on) {
      SQLite::Statement dependency(impl_->db, "SELECT 1 FROM runs WHERE id = ?");
      dependency.bind(1, *depends_on);
      if (!dependency.executeStep())
        throw StoreError("cannot create run '" + name + "': it depends on run " + std::to_string(*depends_on) +
                             ", which is not in " + impl_->path.string(),
                         "create the run it depends on first and pass its id");
    }
    SQLite::Statement insert(
        impl_->db,
        "INSERT INTO runs (experiment_id, name, spec_json, status, host, code_version,"
        " library_versions, pid, depends_on) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)");
    insert.bind(1, experiment_id);
    insert.bind(2, name);
    insert.bind(3, spec_json);
    insert.bind(4, environment.host);
    insert.bind(5, environment.code_version);
    insert.bind(
        6, environment.library_versions.empty() ? std::string("{}") : environment.library_versions);
    insert.bind(7, environment.pid);
    if (depends_on) insert.bind(8, *depends_on);  // else NULL
    insert.exec();
    return impl_->db.getLastInsertRowid();
  });
}

void RunStore::set_run_status(std::int64_t run_id, const std::string& status,
                              const std::string& error) {
  impl_->require_writable("set a run's status");
  if (std::find(kStatuses.begin(), kStatuses.end(), status) == kStatuses.end())
    throw StoreError("unknown run status '" + status + "' for run " + std::to_string(run_id),
                     "use one of: queued, running, finished, failed, interrupted");
  guarded(impl_->path, "set run " + std::to_string(run_id) + " to " + status, [&] {
    // started_at is kept from the first start across resumes; ended_at marks the last end only.
    SQLite::Statement update(
        impl_->db,
        "UPDATE runs SET status = ?1,"
        " started_at = CASE WHEN ?1 = 'running' THEN COALESCE(started_at, " WB_NOW_UTC
        ") ELSE started_at END,"
        " ended_at = CASE WHEN ?1 IN ('finished', 'failed', 'interrupted') THEN " WB_NOW_UTC
        " ELSE NULL END,"
        " error = NULLIF(?2, '')"
        " WHERE id = ?3");
    update.bind(1, status);
    update.bind(2, error);
    update.bind(3, run_id);
    if (update.exec() == 0)
      throw StoreError("no run with id " + std::to_string(run_id) + " in " + impl_->path.string(),
                       "check the run id, and that --db names the database the run was created in");
  });
}

void RunStore::append_metrics(std::int64_t run_id, std::span<const MetricRow> rows) {
  if (rows.empty()) return;
  impl_->require_writable("append metrics");
  guarded(impl_->path,
          "append " + std::to_string(rows.size()) + " metrics to run " + std::to_string(run_id),
          [&] {
            // IMMEDIATE: take the write lock up front (waiting up to the busy timeout) rather than
            // failing at the first insert when another writer got there in between.
            SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
            SQLite::Statement& insert = impl_->insert_metric();
            for (const MetricRow& row : rows) {
              insert.tryReset();  // also clears a failed step left over from an earlier call
              insert.bind(1, run_id);
              insert.bind(2, row.step);
              insert.bind(3, row.tokens);
              insert.bind(4, row.epoch);
              insert.bindNoCopy(5, row.name);  // row outlives the step
              insert.bind(6, row.value);
              insert.bind(7, row.wall_time);
              insert.exec();
            }
            insert.tryReset();
            transaction.commit();
          });
}

void RunStore::truncate_run(std::int64_t run_id, std::int64_t step) {
  impl_->require_writable("truncate a run");
  guarded(impl_->path, "delete run " + std::to_string(run_id) + "'s records after step " + std::to_string(step),
          [&] {
            SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
            for (const char* table : {"metrics", "events"}) {
              SQLite::Statement erase(impl_->db,
                                      std::string("DELETE FROM ") + table + " WHERE run_id = ? AND step > ?");
              erase.bind(1, run_id);
              erase.bind(2, step);
              erase.exec();
            }
            transaction.commit();
          });
}

void RunStore::append_event(std::int64_t run_id, const EventRow& event) {
  impl_->require_writable("append an event");
  guarded(impl_->path, "append event '" + event.kind + "' to run " + std::to_string(run_id), [&] {
    SQLite::Statement insert(impl_->db,
                             "INSERT INTO events (run_id, step, tokens, kind, data_json, wall_time)"
                             " VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, run_id);
    insert.bind(2, event.step);
    insert.bind(3, event.tokens);
    insert.bind(4, event.kind);
    insert.bind(5, event.data_json.empty() ? std::string("{}") : event.data_json);
    insert.bind(6, event.wall_time);
    insert.exec();
  });
}

std::vector<ExperimentRow> RunStore::experiments() const {
  return guarded(impl_->path, "list experiments", [&] {
    SQLite::Statement q(impl_->db,
                        "SELECT id, name, spec_json, created_at FROM experiments ORDER BY id");
    std::vector<ExperimentRow> rows;
    while (q.executeStep())
      rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getText(), q.getColumn(2).getText(),
                      q.getColumn(3).getText()});
    return rows;
  });
}

std::vector<RunRow> RunStore::runs(std::optional<std::int64_t> experiment_id) const {
  return guarded(impl_->path, "list runs", [&] {
    SQLite::Statement q(impl_->db, std::string(kSelectRuns) +
                                       (experiment_id ? " WHERE r.experiment_id = ?" : "") +
                                       " ORDER BY r.id");
    if (experiment_id) q.bind(1, *experiment_id);
    std::vector<RunRow> rows;
    while (q.executeStep()) rows.push_back(read_run(q));
    return rows;
  });
}

std::optional<RunRow> RunStore::find_run(const std::string& id_or_name) const {
  return guarded(impl_->path, "find run '" + id_or_name + "'", [&]() -> std::optional<RunRow> {
    if (const auto id = parse_id(id_or_name)) {
      SQLite::Statement q(impl_->db, std::string(kSelectRuns) + " WHERE r.id = ?");
      q.bind(1, *id);
      if (q.executeStep()) return read_run(q);
    }
    // Not an id (or no run with that id): a name, possibly reused; the newest run wins.
    SQLite::Statement q(impl_->db,
                        std::string(kSelectRuns) + " WHERE r.name = ? ORDER BY r.id DESC LIMIT 1");
    q.bind(1, id_or_name);
    if (q.executeStep()) return read_run(q);
    return std::nullopt;
  });
}

std::vector<MetricRow> RunStore::metrics(std::int64_t run_id, const std::string& name,
                                         std::int64_t after_step) const {
  return guarded(impl_->path, "read metrics of run " + std::to_string(run_id), [&] {
    // rowid breaks ties so rows of one step come back in the order they were written.
    SQLite::Statement q(
        impl_->db, std::string("SELECT step, tokens, epoch, name, value, wall_time FROM metrics"
                               " WHERE run_id = ? AND step > ?") +
                       (name.empty() ? "" : " AND name = ?") + " ORDER BY step, rowid");
    q.bind(1, run_id);
    q.bind(2, after_step);
    if (!name.empty()) q.bind(3, name);
    std::vector<MetricRow> rows;
    while (q.executeStep())
      rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                      q.getColumn(2).getDouble(), q.getColumn(3).getText(),
                      q.getColumn(4).getDouble(), q.getColumn(5).getDouble()});
    return rows;
  });
}

std::vector<EventRow> RunStore::events(std::int64_t run_id, const std::string& kind) const {
  return guarded(impl_->path, "read events of run " + std::to_string(run_id), [&] {
    SQLite::Statement q(impl_->db, std::string("SELECT step, tokens, kind, data_json, wall_time FROM events"
                                               " WHERE run_id = ?") +
                                       (kind.empty() ? "" : " AND kind = ?") + " ORDER BY step, rowid");
    q.bind(1, run_id);
    if (!kind.empty()) q.bind(2, kind);
    std::vector<EventRow> rows;
    while (q.executeStep())
      rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                      q.getColumn(2).getText(), q.getColumn(3).getText(),
                      q.getColumn(4).getDouble()});
    return rows;
  });
}

}  // namespace wb
