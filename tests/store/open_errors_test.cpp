// Opening files the store must refuse: each gives a StoreError naming the path and a fix.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "common/temp_dir.hpp"
#include "store/run_store.hpp"
#include "store_test_util.hpp"

namespace wb {
namespace {

// Opens `path` expecting a StoreError; returns it for the message checks.
StoreError open_error(const std::filesystem::path& path, RunStore::Mode mode) {
  try {
    RunStore::open(path, mode);
  } catch (const StoreError& e) {
    return e;
  }
  ADD_FAILURE() << "opening " << path << " should have failed";
  return StoreError("");
}

void expect_mentions(const StoreError& error, const std::string& what, const std::string& fix) {
  EXPECT_NE(std::string(error.what()).find(what), std::string::npos) << error.what();
  EXPECT_NE(error.fix().find(fix), std::string::npos) << error.fix();
  EXPECT_EQ(error.code(), ExitCode::kStore);
}

TEST(StoreOpenErrors, MissingFileInReadOnlyMode) {
  test::TempDir dir;
  const auto path = dir / "absent.db";
  const auto error = open_error(path, RunStore::Mode::kReadOnly);
  expect_mentions(error, "no run database at " + path.string(), "workbench-cli run");
  expect_mentions(error, "", "--db");
  EXPECT_FALSE(std::filesystem::exists(path));  // read-only never creates it
}

TEST(StoreOpenErrors, GarbageFile) {
  test::TempDir dir;
  const auto path = dir / "garbage.db";
  test::write_file(path, std::string(4096, 'x') + "definitely not SQLite");
  for (auto mode : {RunStore::Mode::kReadWrite, RunStore::Mode::kReadOnly}) {
    const auto error = open_error(path, mode);
    expect_mentions(error, path.string() + " is not a SQLite database", "--db");
  }
  EXPECT_EQ(test::read_file(path).substr(0, 4), "xxxx");  // left untouched
}

TEST(StoreOpenErrors, ForeignSqliteDatabase) {
  test::TempDir dir;
  const auto path = dir / "other.db";
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (text TEXT)");
  }
  const auto error = open_error(path, RunStore::Mode::kReadWrite);
  expect_mentions(error, "not a workbench run database", "--db");
  SQLite::Database other(path);
  EXPECT_FALSE(other.tableExists("runs"));  // not migrated behind the owner's back
}

TEST(StoreOpenErrors, NewerSchemaIsRefused) {
  test::TempDir dir;
  const auto path = dir / "runs.db";
  test::make_sample_run(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  for (auto mode : {RunStore::Mode::kReadWrite, RunStore::Mode::kReadOnly}) {
    const auto error = open_error(path, mode);
    expect_mentions(error, "schema version 99", "upgrade workbench");
  }
}

TEST(StoreOpenErrors, EmptyFileInReadOnlyMode) {
  test::TempDir dir;
  const auto path = dir / "runs.db";
  test::write_file(path, "");  // e.g. created a moment ago by a writer still migrating
  expect_mentions(open_error(path, RunStore::Mode::kReadOnly), "no workbench tables yet",
                  "workbench-cli run");
  EXPECT_EQ(RunStore::open(path).schema_version(), RunStore::kSchemaVersion);  // writer: fine
}

TEST(StoreOpenErrors, UnwritableFolder) {
  test::TempDir dir;
  test::write_file(dir / "file", "");
  const auto error = open_error(dir / "file/sub/runs.db", RunStore::Mode::kReadWrite);
  expect_mentions(error, "cannot create the folder", "--db");
}

}  // namespace
}  // namespace wb
