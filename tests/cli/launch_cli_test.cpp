// Detached launches on the host, as a user drives them there: `launches` lists them, `start`
// refuses what its launch would die of (--jobs with --nproc, also inherited on resume) and a
// second `start --resume` of an experiment a launch is training, and says when one has nothing
// left to train; ids of the wrong kind are named as such. Concurrent launches' ranks log apart.
// A launch's stopped run is continued by `start --resume`, a run cut off by a lost rank by `resume`.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/launch_records.hpp"
#include "cli_runner.hpp"
#include "common/temp_dir.hpp"
#include "common/workspace.hpp"
#include "remote/launch_folder.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

using Clock = std::chrono::steady_clock;

class LaunchCliTest : public test::TinyCorpusCliTest {
 protected:
  // Detached launches outlive a failed assertion: stopped here, so that none goes on loading the
  // machine.
  void TearDown() override {
    for (const auto& id : {first_, second_})
      if (!id.empty() && launch_process(launch(id)).alive) kill(static_cast<pid_t>(launch_process(launch(id)).pid), SIGKILL);
  }

  // Two runs of 6000 steps (one thread each, a checkpoint every 50 steps): long enough to stop.
  std::string write_spec() {
    const auto spec = nlohmann::json::parse(R"({
      "name": "launched",
      "data": {"corpus": "tiny", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1},
      "model": {"n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 32},
      "optimizer": {"warmup_steps": 5},
      "training": {"token_budget": 1536000, "batch_size": 8, "eval_interval": 100, "eval_batches": 2, "threads": 1,
                   "checkpoint_interval": 50},
      "grid": {"data.epochs": [80, 160]}
    })");
    test::write_file(dir / "spec.json", spec.dump(2));
    return (dir / "spec.json").string();
  }

  // `start ARGS`'s launch id.
  std::string start(const std::string& args) {
    const auto started = cli("start " + args);
    EXPECT_EQ(started.code, 0) << started.err;
    return nlohmann::json::parse(started.out).value("launch", "");
  }

  LaunchFolder launch(const std::string& id) { return LaunchFolder::of(Workspace{dir / "home"}, id); }

  // Waits up to 60 s for `done`.
  template <typename Done>
  void wait_until(Done done, const std::string& what) {
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (!done() && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(done()) << "timed out waiting until " << what;
  }

  void stop_and_wait(const std::string& id) {
    ASSERT_EQ(cli("stop " + id).code, 0);
    wait_until([&] { return !launch_process(launch(id)).alive; }, "launch " + id + " ended");
  }

  std::string first_, second_;  // the launches that train
};

TEST_F(LaunchCliTest, ListsLaunchesAndRefusesWhatALaunchWouldDieOf) {
  EXPECT_NE(cli("launches").out.find("no launches in"), std::string::npos);
  const auto spec = write_spec();
  const auto both = cli("start " + spec + " --nproc 2 --jobs 2");
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("--jobs 2 with --nproc 2: data-parallel ranks train one run at a time"), std::string::npos)
      << both.err;
  EXPECT_NE(both.err.find("fix: drop --jobs"), std::string::npos) << both.err;

  const auto first = first_ = start(spec + " --jobs 2");
  wait_until([&] { return read_whole_lines(launch(first).events(), 0).find("\"run\":{\"id\":") != std::string::npos; },
             "the first run began");
  stop_and_wait(first);
  // `tail --follow` of a stopped launch ends 130, not 0 as for a finished one; its listing's hints
  // carry this workspace.
  const auto followed = cli("tail " + first + " --follow");
  EXPECT_EQ(followed.code, 130) << followed.err;
  EXPECT_NE(followed.out.find("\"interrupted\":true"), std::string::npos) << followed.out;
  EXPECT_NE(cli("launches").out.find("`workbench-cli --home " + (dir / "home").string() + " tail LAUNCH --follow`"),
            std::string::npos);
  const auto output = last_lines(launch(first).output_log(), 5);
  EXPECT_NE(output.find("Interrupted: continue with `workbench-cli --home " + (dir / "home").string() +
                        " start --resume " + first + "` (a new launch"),
            std::string::npos) << output;
  // --jobs 2 comes from the stopped launch's start.json: the fix says what to add.
  const auto inherited = cli("start --resume " + first + " --nproc 2");
  EXPECT_EQ(inherited.code, 2);
  EXPECT_NE(inherited.err.find("fix: the launch you resume ran --jobs 2: add --jobs 1"), std::string::npos)
      << inherited.err;

  const auto second = second_ = start("--resume " + first);
  const auto again = cli("start --resume " + first);
  EXPECT_EQ(again.code, 2);
  EXPECT_NE(again.err.find("launch " + second + " is already training experiment 1"), std::string::npos) << again.err;
  const auto listed = cli("launches").out;
  EXPECT_NE(listed.find(first + "  stopped"), std::string::npos) << listed;
  EXPECT_NE(listed.find(second + "  running"), std::string::npos) << listed;
  EXPECT_NE(listed.find("1  " + first + "  launched"), std::string::npos) << "experiment, resumes, spec: " << listed;
  stop_and_wait(second);

  {
    auto store = RunStore::open(dir / "home/runs.db");
    for (const auto& run : store.runs(1)) store.set_run_status(run.id, run.id == 1 ? "finished" : "failed");
  }
  const auto finished = cli("start --resume " + second);
  EXPECT_EQ(finished.code, 0) << "a remote resume shows the table" << finished.err;
  EXPECT_NE(finished.err.find("experiment 1 has nothing left to train (its 2 run(s) finished or failed)"),
            std::string::npos) << finished.err;
  const auto third = nlohmann::json::parse(finished.out).value("launch", "");
  wait_until([&] { return !launch_process(launch(third)).alive; }, "the launch with nothing to train ended");

  const auto run_id = cli("tail 2");
  EXPECT_NE(run_id.err.find("2 looks like a run id"), std::string::npos) << run_id.err;
  const auto launch_id = cli("resume " + first);
  EXPECT_NE(launch_id.err.find("that is a launch id"), std::string::npos) << launch_id.err;
  EXPECT_NE(launch_id.err.find("`workbench-cli start --resume " + first + "`"), std::string::npos) << launch_id.err;
}

// Two data-parallel launches at once: each one's rank 1 logs into its own launch folder, not
// into a HOME/logs/rank-1.log the two would interleave in.
TEST_F(LaunchCliTest, ConcurrentLaunchesRanksLogIntoTheirOwnFolders) {
  const auto spec = write_spec();
  first_ = start(spec + " --nproc 2");
  second_ = start(spec + " --nproc 2");
  for (const auto& id : {first_, second_}) {
    const auto log = launch(id).dir / "rank-1.log";
    wait_until([&] { return read_whole_lines(log, 0).find("rank 1 of 2 on") != std::string::npos; },
               "launch " + id + "'s rank 1 logged");
  }
  for (const auto& id : {first_, second_}) stop_and_wait(id);
  EXPECT_FALSE(std::filesystem::exists(dir / "home/logs/rank-1.log")) << "the launches' ranks logged in HOME/logs";
  const auto log = read_whole_lines(launch(first_).dir / "rank-1.log", 0);
  EXPECT_EQ(log.find("rank 1 of 2 on"), log.rfind("rank 1 of 2 on")) << "one launch's rank 1 alone: " << log;
}

// A run cut off by a lost rank is marked failed, which `start --resume` does not train again: the
// hint of a launch's lost rank is `resume RUN` on as many ranks.
TEST_F(LaunchCliTest, ALaunchsLostRankSaysToResumeTheRun) {
  first_ = start(write_spec() + " --nproc 2");
  const auto log = launch(first_).dir / "rank-1.log";
  std::string text;
  std::smatch process;
  wait_until([&] { return std::regex_search(text = test::read_file(log), process, std::regex("process ([0-9]+)")); },
             "rank 1 logged its process id");
  const auto output = launch(first_).output_log();
  // Killed as training begins: rank 0's next write to it must fail with an error, not SIGPIPE.
  wait_until([&] { return test::read_file(output).find("training launched") != std::string::npos; },
             "the run began training");
  ASSERT_EQ(kill(static_cast<pid_t>(std::stoll(process[1].str())), SIGKILL), 0);
  wait_until([&] { return !launch_process(launch(first_)).alive; }, "the launch ended");
  const auto said = test::read_file(output);
  EXPECT_NE(said.find("Continue run 1 "), std::string::npos) << said;
  EXPECT_NE(said.find(" resume 1 --nproc 2`"), std::string::npos) << said;
  EXPECT_EQ(said.find("start --resume"), std::string::npos) << said;
}

// Which launch a run's hint names: the one whose events file it writes, where that launch trains
// the run's experiment; not an older launch whose file a run was pointed at by hand.
TEST_F(LaunchCliTest, ARunsLaunchIsTheOneTrainingItsExperiment) {
  auto spec = nlohmann::json::parse(test::read_file(write_spec()));
  spec["training"]["token_budget"] = 8 * 32 * 10;
  spec.erase("grid");
  test::write_file(dir / "short.json", spec.dump());
  const auto folder = launch("20261207-000000-aaaaaa");
  std::filesystem::create_directories(folder.dir);
  test::write_file(folder.start_record(), "{}");
  ASSERT_EQ(cli("run " + (dir / "short.json").string() + " --events-file " + folder.events().string()).code, 0);
  ASSERT_EQ(cli("run " + (dir / "short.json").string()).code, 0);  // experiment 2
  const Workspace home{dir / "home"};
  const auto db = dir / "home/runs.db";
  EXPECT_EQ(launch_training(home, db, folder.events(), 1), folder.id);
  EXPECT_EQ(launch_training(home, db, dir / "home/launches/../launches" / folder.id / "events.jsonl", 1), folder.id);
  EXPECT_EQ(launch_training(home, db, folder.events(), 2), "") << "a run pointed at an older launch's file";
  EXPECT_EQ(launch_training(home, db, dir / "events.jsonl", 1), "") << "not a launch's file";
  std::filesystem::remove(folder.start_record());
  EXPECT_EQ(launch_training(home, db, folder.events(), 1), "") << "a folder that `start` did not make";
}

}  // namespace
}  // namespace wb
