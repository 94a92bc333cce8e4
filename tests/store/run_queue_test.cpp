// The run queue: claims in id order, dependencies that hold a run back or fail it, claims that
// are atomic across connections, and the v1 -> v2 migration that added them.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "common/temp_dir.hpp"
#include "store/run_store.hpp"
#include "store_test_util.hpp"

namespace wb {
namespace {

RunEnvironment claimer(std::int64_t pid) { return {"worker-host", "0.2.0 (git fedcba9)", R"({"libtorch": "1.13.1"})", pid}; }

std::string status_of(const RunStore& store, std::int64_t run_id) {
  return store.find_run(std::to_string(run_id))->status;
}

TEST(RunQueue, ClaimsQueuedRunsLowestIdFirstAndRecordsTheClaimer) {
  test::TempDir dir;
  auto [store, experiment, first] = test::make_sample_run(dir / "runs.db");
  const auto second = store.create_run(experiment, "run-b", "{}", test::sample_environment());
  const auto third = store.create_run(experiment, "run-c", "{}", test::sample_environment());
  store.set_run_status(second, "interrupted");  // not queued: claim_next_run leaves it alone
  const auto other_experiment = store.create_experiment("other", "{}");
  store.create_run(other_experiment, "elsewhere", "{}", {});

  EXPECT_EQ(store.claim_next_run(experiment, claimer(7)), first);
  EXPECT_EQ(store.claim_next_run(experiment, claimer(8)), third);
  EXPECT_EQ(store.claim_next_run(experiment, claimer(9)), std::nullopt);

  const auto run = *store.find_run(std::to_string(third));
  EXPECT_EQ(run.status, "running");
  EXPECT_EQ(run.environment, claimer(8));
  EXPECT_FALSE(run.started_at.empty());
  EXPECT_EQ(status_of(store, second), "interrupted");
  EXPECT_EQ(store.runs(other_experiment)[0].status, "queued");
}

TEST(RunQueue, ARunWaitsForItsDependencyToFinish) {
  test::TempDir dir;
  auto [store, experiment, stage1] = test::make_sample_run(dir / "runs.db", "stage-1");
  const auto stage2 = store.create_run(experiment, "stage-2", "{}", {}, stage1);
  const auto independent = store.create_run(experiment, "independent", "{}", {});
  EXPECT_EQ(store.find_run(std::to_string(stage2))->depends_on, stage1);
  EXPECT_EQ(store.find_run(std::to_string(independent))->depends_on, std::nullopt);

  EXPECT_EQ(store.claim_next_run(experiment, claimer(1)), stage1);
  EXPECT_EQ(store.claim_next_run(experiment, claimer(1)), independent) << "stage-2 waits, the next one does not";
  EXPECT_EQ(store.claim_next_run(experiment, claimer(1)), std::nullopt);
  EXPECT_FALSE(store.claim_run(stage2, claimer(1)));
  store.set_run_status(stage1, "interrupted");
  EXPECT_EQ(store.claim_next_run(experiment, claimer(1)), std::nullopt) << "interrupted is not finished";
  store.set_run_status(stage1, "finished");
  EXPECT_EQ(store.claim_next_run(experiment, claimer(1)), stage2);
}

TEST(RunQueue, AFailedDependencyFailsTheChainAfterIt) {
  test::TempDir dir;
  auto [store, experiment, a] = test::make_sample_run(dir / "runs.db", "a");
  const auto b = store.create_run(experiment, "b", "{}", {}, a);
  const auto c = store.create_run(experiment, "c", "{}", {}, b);
  ASSERT_EQ(store.claim_next_run(experiment, claimer(1)), a);
  store.set_run_status(a, "failed", "loss became NaN");

  EXPECT_EQ(store.claim_next_run(experiment, claimer(1)), std::nullopt);
  const auto run_b = *store.find_run(std::to_string(b));
  EXPECT_EQ(run_b.status, "failed");
  EXPECT_NE(run_b.error.find("depends on run " + std::to_string(a) + " (a), which failed"), std::string::npos)
      << run_b.error;
  EXPECT_FALSE(run_b.ended_at.empty());
  const auto run_c = *store.find_run(std::to_string(c));
  EXPECT_EQ(run_c.status, "failed");
  EXPECT_NE(run_c.error.find("depends on run " + std::to_string(b) + " (b)"), std::string::npos) << run_c.error;
}

TEST(RunQueue, ClaimRunTakesAnInterruptedRunOnce) {
  test::TempDir dir;
  auto [store, experiment, run] = test::make_sample_run(dir / "runs.db");
  store.set_run_status(run, "running");
  EXPECT_FALSE(store.claim_run(run, claimer(1))) << "running: someone has it";
  store.set_run_status(run, "interrupted");
  EXPECT_TRUE(store.claim_run(run, claimer(2)));
  EXPECT_FALSE(store.claim_run(run, claimer(3)));
  EXPECT_EQ(store.find_run(std::to_string(run))->environment.pid, 2);
  store.set_run_environment(run, claimer(4));
  EXPECT_EQ(store.find_run(std::to_string(run))->environment, claimer(4));
  store.set_run_status(run, "finished");
  EXPECT_FALSE(store.claim_run(run, claimer(5)));
  EXPECT_THROW(store.set_run_environment(run + 100, claimer(5)), StoreError);
}

TEST(RunQueue, ADependencyMustExist) {
  test::TempDir dir;
  auto [store, experiment, run] = test::make_sample_run(dir / "runs.db");
  try {
    store.create_run(experiment, "stage-2", "{}", {}, run + 100);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("depends on run " + std::to_string(run + 100)), std::string::npos)
        << e.what();
  }
}

TEST(RunQueue, ClaimersOnSeparateConnectionsNeverShareARun) {
  constexpr int kRuns = 40;
  test::TempDir dir;
  auto [store, experiment, first] = test::make_sample_run(dir / "runs.db");
  for (int i = 1; i < kRuns; ++i) store.create_run(experiment, "run-" + std::to_string(i), "{}", {});
  std::vector<std::int64_t> claimed[3];
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t, experiment = experiment] {
      RunStore own = RunStore::open(dir / "runs.db");
      while (auto id = own.claim_next_run(experiment, claimer(t))) claimed[t].push_back(*id);
    });
  for (auto& thread : threads) thread.join();
  std::multiset<std::int64_t> all;
  for (const auto& ids : claimed) all.insert(ids.begin(), ids.end());
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kRuns));
  EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()).size(), all.size()) << "a run was claimed twice";
  for (const auto& run : store.runs(experiment)) EXPECT_EQ(run.status, "running");
}

// A database written by a build with schema v1 (the DDL of that version, frozen here).
void write_v1_database(const std::filesystem::path& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(R"sql(
    CREATE TABLE experiments (id INTEGER PRIMARY KEY, name TEXT NOT NULL, spec_json TEXT NOT NULL,
                              created_at TEXT NOT NULL);
    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
      name TEXT NOT NULL, spec_json TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'queued'
             CHECK (status IN ('queued', 'running', 'finished', 'failed', 'interrupted')),
      started_at TEXT, ended_at TEXT, host TEXT NOT NULL DEFAULT '', code_version TEXT NOT NULL DEFAULT '',
      library_versions TEXT NOT NULL DEFAULT '{}', pid INTEGER, error TEXT);
    CREATE INDEX runs_by_experiment ON runs(experiment_id);
    CREATE INDEX runs_by_name ON runs(name);
    CREATE TABLE metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,
                          tokens INTEGER NOT NULL, epoch REAL NOT NULL, name TEXT NOT NULL, value REAL NOT NULL,
                          wall_time REAL NOT NULL);
    CREATE INDEX metrics_by_run_name_step ON metrics(run_id, name, step);
    CREATE TABLE events (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,
                         tokens INTEGER NOT NULL, kind TEXT NOT NULL, data_json TEXT NOT NULL,
                         wall_time REAL NOT NULL);
    CREATE INDEX events_by_run_step ON events(run_id, step);
    INSERT INTO experiments VALUES (1, 'old', '{}', '2024-05-01T12:00:00.000Z');
    INSERT INTO runs (id, experiment_id, name, spec_json, status) VALUES (1, 1, 'old/a', '{}', 'finished');
    INSERT INTO runs (id, experiment_id, name, spec_json, status) VALUES (2, 1, 'old/b', '{}', 'queued');
    PRAGMA application_id = 1381450323;
    PRAGMA user_version = 1;
  )sql");
}

TEST(RunQueue, SchemaV1DatabasesUpgradeAndKeepTheirRuns) {
  test::TempDir dir;
  const auto path = dir / "v1.db";
  write_v1_database(path);
  EXPECT_THROW(RunStore::open(path, RunStore::Mode::kReadOnly), StoreError) << "read-only cannot migrate";

  auto store = RunStore::open(path);
  EXPECT_EQ(store.schema_version(), RunStore::kSchemaVersion);
  const auto runs = store.runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].status, "finished");
  EXPECT_EQ(runs[1].depends_on, std::nullopt);
  const auto stage = store.create_run(1, "old/c", "{}", {}, 1);
  EXPECT_EQ(store.claim_next_run(1, claimer(1)), 2);
  EXPECT_EQ(store.claim_next_run(1, claimer(1)), stage) << "its dependency, run 1, had finished under v1";
  EXPECT_EQ(RunStore::open(path, RunStore::Mode::kReadOnly).schema_version(), RunStore::kSchemaVersion);
  EXPECT_TRUE(store.fits().empty()) << "the v3 table exists after the upgrade";
}

}  // namespace
}  // namespace wb
