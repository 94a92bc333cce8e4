// The local half of a remote run without ssh: events written by the real JsonlEvents writer are
// decoded back into equal records, imported into a real run store (same rows as StoreSink
// writes for a local run), and a re-import after a crash between the rows' commit and the
// offset's save adds no row twice. Also launch ids, whole-line reads and the import state file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "cli/jsonl_events.hpp"
#include "cli/remote_follow.hpp"
#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "remote/event_decode.hpp"
#include "remote/event_importer.hpp"
#include "remote/follow_lock.hpp"
#include "remote/launch_folder.hpp"
#include "store/store_sink.hpp"

namespace wb {
namespace {

// What JsonlEvents writes for one run of three steps, two evaluations and an event.
std::vector<std::string> event_lines(const std::string& run_name, std::int64_t start_step = 0) {
  std::FILE* file = std::tmpfile();
  {
    JsonlEvents events(file);
    events.run_started({7, run_name, {{"name", run_name}}, {{"total_steps", 3}}, start_step, 1234, "cpu"});
    for (std::int64_t step = start_step + 1; step <= 3; ++step) {
      events.step({step, 3, step * 64, 0.5 * static_cast<double>(step), 1e-3, 4.0 - static_cast<double>(step), 900.0,
                   0.1 * static_cast<double>(step)});
      if (step % 2 == 0 || step == 3)
        events.eval({step, step * 64, 0.5, 1e-3, 3.5, 3.25, 900.0, 0.3, {{"dropout/resid", 0.1}, {"flops", 2e9}}});
    }
    events.event({3, 192, "overfitting_onset", {{"best_step", 2}}, 0.3});
    events.run_finished({"finished", 3, 3.25, 3.25, 2, 0.3, ""});
  }
  std::rewind(file);
  std::vector<std::string> lines;
  char buffer[8192];
  while (std::fgets(buffer, sizeof buffer, file)) {
    std::string line = buffer;
    line.pop_back();  // '\n'
    lines.push_back(line);
  }
  std::fclose(file);
  return lines;
}

TEST(EventDecode, ReadsBackWhatTheWriterWrote) {
  const auto lines = event_lines("exp/a");
  ASSERT_EQ(lines.size(), 8u);  // started, 3 steps, 2 evals, event, finished
  const auto started = decode_run_started(nlohmann::json::parse(lines[0]));
  EXPECT_EQ(started.run_id, 7);
  EXPECT_EQ(started.name, "exp/a");
  EXPECT_EQ(started.parameters, 1234);
  EXPECT_EQ(started.device, "cpu");
  EXPECT_EQ(started.plan["total_steps"], 3);
  const auto step = decode_step(nlohmann::json::parse(lines[1]));
  EXPECT_EQ(step.step, 1);
  EXPECT_EQ(step.tokens, 64);
  EXPECT_DOUBLE_EQ(step.loss, 3.0);
  EXPECT_DOUBLE_EQ(step.wall_s, 0.1);
  const auto eval = decode_eval(nlohmann::json::parse(lines[3]));
  EXPECT_EQ(eval.step, 2);
  EXPECT_DOUBLE_EQ(eval.val_loss, 3.25);
  ASSERT_EQ(eval.metrics.size(), 2u);
  EXPECT_EQ(eval.metrics[0].first, "dropout/resid");
  const auto event = decode_event(nlohmann::json::parse(lines[6]));
  EXPECT_EQ(event.kind, "overfitting_onset");
  EXPECT_EQ(event.data["best_step"], 2);
  const auto summary = decode_run_finished(nlohmann::json::parse(lines[7]));
  EXPECT_EQ(summary.status, "finished");
  EXPECT_EQ(summary.best_step, 2);
}

TEST(EventDecode, NullReadsAsNanAndNewerVersionsAreRefused) {
  EXPECT_TRUE(std::isnan(decode_run_finished(nlohmann::json::parse(
      R"({"v":1,"type":"run_finished","status":"failed","final_val_loss":null})")).final_val_loss));
  EXPECT_THROW(decode_header(nlohmann::json::parse(R"({"v":2,"type":"step"})")), UserError);
  EXPECT_THROW(decode_header(nlohmann::json::parse(R"([1,2])")), UserError);
  EXPECT_THROW(decode_step(nlohmann::json::parse(R"({"v":1,"type":"step","step":"x"})")), UserError);
}

class ImportTest : public ::testing::Test {
 protected:
  ImportTest() : store(RunStore::open(dir / "local.db")) {
    ExperimentSpec experiment;
    experiment.name = "exp";
    experiment.source = {{"name", "exp"}};
    experiment.runs.resize(2);
    experiment.runs[0].spec.name = "exp/a";
    experiment.runs[1].spec.name = "exp/b";
    experiment.runs[1].spec.init_from.run = "a";
    create_local_runs(store, experiment, {"gpu1", "0.1", "{}", 42}, state);
  }
  std::size_t rows(std::int64_t run) const { return store.metrics(run).size(); }
  test::TempDir dir;
  RunStore store;
  ImportState state;
};

TEST_F(ImportTest, CreatesQueuedRunsAndImportsRowsLikeALocalRun) {
  ASSERT_EQ(state.runs.size(), 2u);
  const auto local = store.find_run(std::to_string(state.runs["exp/b"]));
  EXPECT_EQ(local->status, "queued");
  EXPECT_EQ(local->environment.host, "gpu1");
  EXPECT_EQ(local->depends_on, state.runs["exp/a"]) << "a stage depends on the run it continues";

  EventImporter importer(store, state, dir / "state.json");
  std::int64_t bytes = 0;
  for (const auto& line : event_lines("exp/a")) {
    const auto forwarded = importer.import_line(line);
    EXPECT_EQ(forwarded["run"]["id"], state.runs["exp/a"]) << "forwarded with the local id";
    bytes += static_cast<std::int64_t>(line.size()) + 1;
  }
  importer.checkpoint();
  EXPECT_EQ(load_import_state(dir / "state.json").offset, bytes);

  // The rows a StoreSink writes for the same records in a local run.
  auto reference = RunStore::open(dir / "reference.db");
  const auto id = reference.create_run(reference.create_experiment("exp", "{}"), "exp/a", "{}", {});
  {
    StoreSink sink(reference, id);
    for (const auto& line : event_lines("exp/a")) {
      const auto o = nlohmann::json::parse(line);
      const auto type = o["type"].get<std::string>();
      if (type == "run_started") sink.run_started(decode_run_started(o));
      if (type == "step") sink.step(decode_step(o));
      if (type == "eval") sink.eval(decode_eval(o));
      if (type == "event") sink.event(decode_event(o));
      if (type == "run_finished") sink.run_finished(decode_run_finished(o));
    }
  }
  EXPECT_EQ(store.metrics(state.runs["exp/a"]), reference.metrics(id));
  EXPECT_EQ(store.events(state.runs["exp/a"]).size(), reference.events(id).size());
  EXPECT_EQ(store.find_run(std::to_string(state.runs["exp/a"]))->status, "finished");
}

TEST_F(ImportTest, ReimportingAfterACrashBeforeTheOffsetWasSavedAddsNothingTwice) {
  const auto lines = event_lines("exp/a");
  {
    EventImporter importer(store, state, dir / "state.json");
    importer.import_line(lines[0]);
    importer.checkpoint();  // offset saved after run_started
    for (std::size_t i = 1; i < lines.size() - 1; ++i) importer.import_line(lines[i]);
    store.set_run_status(state.runs["exp/a"], "running");
    // The rows are committed but the process dies before the offset is saved:
  }
  auto saved = load_import_state(dir / "state.json");
  saved.offset = static_cast<std::int64_t>(lines[0].size()) + 1;  // what a crash right then leaves
  const auto before = rows(state.runs["exp/a"]);
  const auto events_before = store.events(state.runs["exp/a"]).size();
  EventImporter again(store, saved, dir / "state.json");
  for (std::size_t i = 1; i < lines.size(); ++i) again.import_line(lines[i]);
  again.checkpoint();
  EXPECT_EQ(rows(state.runs["exp/a"]), before) << "every step, eval and event was already there";
  EXPECT_EQ(store.events(state.runs["exp/a"]).size(), events_before);
  EXPECT_EQ(store.find_run(std::to_string(state.runs["exp/a"]))->status, "finished");
}

TEST_F(ImportTest, AHostResumeReplacesTheRowsAfterItsCheckpoint) {
  EventImporter importer(store, state, dir / "state.json");
  for (const auto& line : event_lines("exp/a")) importer.import_line(line);
  const auto full = rows(state.runs["exp/a"]);
  for (const auto& line : event_lines("exp/a", /*start_step=*/1)) importer.import_line(line);
  importer.checkpoint();
  EXPECT_EQ(rows(state.runs["exp/a"]), full) << "steps 2-3 were dropped by run_started, then logged again";
}

TEST_F(ImportTest, RefusesALineThatIsNotAnEventOrARunTheSpecLacks) {
  EventImporter importer(store, state, dir / "state.json");
  EXPECT_THROW(importer.import_line("not json"), UserError);
  EXPECT_THROW(importer.import_line(event_lines("exp/zzz")[0]), UserError);
}

// What JsonlEvents writes at the end of an experiment whose run exp/b failed before it started.
std::string experiment_finished_line() {
  std::FILE* file = std::tmpfile();
  JsonlEvents(file).write({{"type", "experiment_finished"}, {"experiment_id", 9}, {"interrupted", false},
                           {"runs", {{{"name", "exp/a"}, {"status", "finished"}}, {{"name", "exp/b"}, {"status", "failed"}}}}});
  std::rewind(file);
  char buffer[4096];
  std::string line = std::fgets(buffer, sizeof buffer, file) ? buffer : "";
  std::fclose(file);
  line.pop_back();
  return line;
}

// A follower stopped (detached, killed) right after importing experiment_finished, before it
// marked the launch done: the saved state holds the line, and the next follower ends the launch
// as finished from it, with no connection (the host has nothing more to send).
TEST_F(ImportTest, AFinishedLineInTheSavedStateEndsTheLaunchWithoutConnecting) {
  {
    EventImporter importer(store, state, dir / "state.json");
    for (const auto& line : event_lines("exp/a")) importer.import_line(line);
    importer.import_line(experiment_finished_line());
    importer.checkpoint();
  }
  auto saved = load_import_state(dir / "state.json");
  ASSERT_EQ(saved.finished.value("type", ""), "experiment_finished");
  EXPECT_FALSE(saved.done);
  saved.target = "ssh://127.0.0.1:9";  // the discard port: a connection attempt would fail
  saved.remote_cli = "workbench-cli";
  const auto outcome = follow_launch(store, saved, dir / "state.json", false);
  EXPECT_TRUE(outcome.finished);
  EXPECT_FALSE(outcome.lost || outcome.detached);
  EXPECT_TRUE(load_import_state(dir / "state.json").done);
  EXPECT_EQ(store.find_run(std::to_string(state.runs["exp/b"]))->status, "failed") << "adopted from the line";
}

// A second follower of the same launch is refused by name while the first holds the lock, and
// may follow once it has gone.
TEST_F(ImportTest, OnlyOneProcessFollowsALaunchAtATime) {
  state.target = "ssh://127.0.0.1:9";
  state.remote_cli = "workbench-cli";
  {
    FollowLock first(dir / "state.json");
    try {
      FollowLock second(dir / "state.json");
      ADD_FAILURE() << "a second lock was granted";
    } catch (const UserError& e) {
      EXPECT_NE(std::string(e.what()).find("launch state is already being followed by another workbench-cli (pid " +
                                           std::to_string(getpid()) + ")"),
                std::string::npos)
          << e.what();
    }
    EXPECT_THROW(follow_launch(store, state, dir / "state.json", false), UserError);
  }
  EXPECT_NO_THROW(FollowLock again(dir / "state.json"));
}

TEST(RemoteCliWords, TheHomeIsAlwaysTheValueOfHome) {
  ImportState state;
  state.remote_cli = "/opt/wb/workbench-cli";
  EXPECT_EQ(remote_cli_words(state, {"tail", "x"}), (std::vector<std::string>{"/opt/wb/workbench-cli", "tail", "x"}));
  for (const std::string home : {"/data/wb", "-oProxyCommand=touch x", "--db=/etc/x", "a b;$(id)"}) {
    state.remote_home = home;
    EXPECT_EQ(remote_cli_words(state, {"stop", "x"}),
              (std::vector<std::string>{"/opt/wb/workbench-cli", "--home=" + home, "stop", "x"}));
  }
}

TEST(LaunchFolder, IdsAreSafeWordsAndOthersAreRefused) {
  const auto id = new_launch_id(std::chrono::system_clock::from_time_t(1796565912), 123456789);
  EXPECT_EQ(id.substr(0, 16), "20261206-140512-");
  EXPECT_EQ(id.size(), 22u);
  EXPECT_TRUE(is_launch_id(id));
  for (const std::string& bad : std::vector<std::string>{"", "-x", "..", "a/b", "a b", "$(id)", "a;b", "a\nb", std::string(65, 'a')})
    EXPECT_FALSE(is_launch_id(bad)) << bad;
  EXPECT_THROW(LaunchFolder::of(Workspace{"/tmp"}, "../x"), UserError);
}

TEST(LaunchFolder, ReadsOnlyWholeLinesFromAnOffset) {
  test::TempDir dir;
  const auto file = dir / "events.jsonl";
  test::write_file(file, "{\"a\":1}\n{\"b\":2}\n{\"c\":");
  EXPECT_EQ(read_whole_lines(file, 0), "{\"a\":1}\n{\"b\":2}\n");
  EXPECT_EQ(read_whole_lines(file, 8), "{\"b\":2}\n");
  EXPECT_EQ(read_whole_lines(file, 16), "") << "half a line is never sent";
  EXPECT_EQ(read_whole_lines(file, 0, 4), "{\"a\":1}\n") << "a line longer than the limit still comes whole";
  EXPECT_EQ(read_whole_lines(dir / "missing", 0), "");
  test::write_file(dir / "log", "one\ntwo\nthree\n");
  EXPECT_EQ(last_lines(dir / "log", 2), "two\nthree\n");
  EXPECT_EQ(last_lines(dir / "log", 9), "one\ntwo\nthree\n");
}

TEST(ImportStateFile, RoundTripsAndNamesAMissingOne) {
  test::TempDir dir;
  ImportState state;
  state.target = "ssh://a@b:22";
  state.ssh_options = {"ConnectTimeout=5"};
  state.launch = "20261206-140512-abcdef";
  state.runs = {{"e/x", 3}};
  state.offset = 999;
  const auto path = import_state_path(Workspace{dir.path()}, state.launch);
  save_import_state(path, state);
  EXPECT_EQ(load_import_state(path), state);
  state.finished = {{"type", "experiment_finished"}, {"runs", nlohmann::json::array()}};
  save_import_state(path, state);
  EXPECT_EQ(load_import_state(path), state);
  auto older = to_json(state);  // a state file from before the line was kept
  older.erase("finished");
  EXPECT_TRUE(import_state_from_json(older, "old.json").finished.is_null());
  try {
    load_import_state(import_state_path(Workspace{dir.path()}, "20261206-000000-zzzzzz"));
    ADD_FAILURE();
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("no remote launch 20261206-000000-zzzzzz"), std::string::npos);
  }
  EXPECT_THROW(import_state_path(Workspace{dir.path()}, "../../etc/x"), UserError);
}

// `resume` finds an experiment's newest launch by its local database and experiment id, and
// passes over other experiments, other databases and files that are not launch states.
TEST(ImportStateFile, TheNewestLaunchOfAnExperimentIsFoundByDatabaseAndId) {
  test::TempDir dir;
  const Workspace local{dir.path()};
  const auto save = [&](const std::string& launch, const std::string& db, std::int64_t experiment) {
    ImportState state;
    state.launch = launch;
    state.db = db;
    state.experiment_id = experiment;
    save_import_state(import_state_path(local, launch), state);
  };
  EXPECT_FALSE(latest_import_of_experiment(local, "/a/runs.db", 1)) << "no remote folder yet";
  save("20261206-100000-aaaaaa", "/a/runs.db", 1);
  save("20261206-120000-cccccc", "/a/runs.db", 1);
  save("20261206-110000-bbbbbb", "/a/runs.db", 1);
  save("20261206-130000-dddddd", "/a/runs.db", 2);
  save("20261206-140000-eeeeee", "/b/runs.db", 1);
  test::write_file(dir / "remote" / "20261206-150000-ffffff.json", "{\"launch\": ");  // half written
  test::write_file(dir / "remote" / "notes.json", "{}");
  const auto found = latest_import_of_experiment(local, "/a/runs.db", 1);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->launch, "20261206-120000-cccccc");
  EXPECT_EQ(latest_import_of_experiment(local, "/a/runs.db", 2)->launch, "20261206-130000-dddddd");
  EXPECT_FALSE(latest_import_of_experiment(local, "/a/runs.db", 3));
}

}  // namespace
}  // namespace wb
