// `workbench-cli run --jobs 2` end to end with the built binary: runs train in worker processes,
// Ctrl-C and a killed scheduler leave checkpointed runs, and `resume --experiment` finishes each
// run exactly once, with every step in the database once.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/synthetic_corpus.hpp"
#include "cli_runner.hpp"
#include "common/temp_dir.hpp"
#include "cli/scheduler.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

using nlohmann::json;

using Result = test::CliResult;

// JSON lines of one command: run ids by event type and run_finished status.
struct EventCounts {
  std::map<std::string, std::multiset<std::int64_t>> runs_by_type;
  std::multiset<std::int64_t> finished;  // run_finished with status "finished"
};

EventCounts count_events(const std::string& jsonl) {
  EventCounts counts;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    const auto event = json::parse(line);  // whole lines only, even with two workers writing
    if (!event.contains("run")) continue;
    const auto id = event["run"]["id"].get<std::int64_t>();
    counts.runs_by_type[event["type"].get<std::string>()].insert(id);
    if (event["type"] == "run_finished" && event["status"] == "finished") counts.finished.insert(id);
  }
  return counts;
}

class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_synthetic_folder(dir / "docs");
    ASSERT_EQ(cli("data import tiny --from " + (dir / "docs").string()).code, 0);
  }

  std::string home() const { return (dir / "home").string(); }

  Result cli(const std::string& args) { return test::run_workbench_cli(home(), args, dir / "stderr.txt"); }

  // Four runs of `steps` steps, one per seed, from a `runs` list.
  std::string write_spec(int steps) {
    json spec = json::parse(R"({
      "name": "queue",
      "data": {"corpus": "tiny", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1, "epochs": 40},
      "model": {"n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 32},
      "optimizer": {"warmup_steps": 5},
      "training": {"batch_size": 8, "eval_interval": 50, "eval_batches": 2, "threads": 1},
      "runs": [{"training.seed": 1}, {"training.seed": 2}, {"training.seed": 3}, {"training.seed": 4}]
    })");
    spec["training"]["token_budget"] = 8 * 32 * steps;
    const auto path = dir / "spec.json";
    test::write_file(path, spec.dump(2));
    return path.string();
  }

  // Starts `run SPEC --jobs 2 --events jsonl`, waits until two runs have evaluated, sends
  // `signal`, and returns the exit status and the JSON lines it wrote.
  std::pair<int, std::string> run_and_signal(const std::string& spec, int signal) {
    int out[2];
    EXPECT_EQ(pipe(out), 0);
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      const std::string err = (dir / "run-stderr.txt").string(), home_dir = home();
      freopen(err.c_str(), "w", stderr);
      execl(WB_CLI_PATH, WB_CLI_PATH, "--home", home_dir.c_str(), "run", spec.c_str(), "--jobs", "2", "--events",
            "jsonl", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    FILE* events = fdopen(out[0], "r");
    std::string jsonl;
    std::set<std::int64_t> evaluated;
    char line[1 << 16];
    bool signalled = false;
    while (fgets(line, sizeof line, events)) {
      jsonl += line;
      const auto event = json::parse(line);
      if (event["type"] == "eval") evaluated.insert(event["run"]["id"].get<std::int64_t>());
      if (!signalled && evaluated.size() == 2) {
        kill(pid, signal);
        signalled = true;
      }
    }
    fclose(events);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(signalled) << test::read_file(dir / "run-stderr.txt");
    return {status, jsonl};
  }

  // The run database, read directly: each workbench-cli start loads LibTorch, which is slow.
  std::vector<RunRow> recorded_runs() const {
    return RunStore::open(dir / "home/runs.db", RunStore::Mode::kReadOnly).runs();
  }

  // Four runs recorded once each, all finished, with steps 1..steps logged once each.
  void expect_all_finished_without_duplicates(int steps) {
    const auto store = RunStore::open(dir / "home/runs.db", RunStore::Mode::kReadOnly);
    const auto runs = store.runs();
    ASSERT_EQ(runs.size(), 4u);
    for (const auto& run : runs) {
      EXPECT_EQ(run.status, "finished") << run.name << ": " << run.error;
      std::int64_t expected_step = 1;
      for (const auto& row : store.metrics(run.id, "train/loss")) {
        ASSERT_EQ(row.step, expected_step) << run.name;
        ++expected_step;
      }
      EXPECT_EQ(expected_step - 1, steps) << run.name;
    }
  }

  test::TempDir dir;
};

TEST_F(SchedulerTest, CtrlCStopsEveryWorkerAndResumeExperimentFinishesEachRunOnce) {
  constexpr int kSteps = 600;
  const auto [status, first] = run_and_signal(write_spec(kSteps), SIGINT);
  ASSERT_TRUE(WIFEXITED(status));
  const std::string first_err = test::read_file(dir / "run-stderr.txt");
  EXPECT_EQ(WEXITSTATUS(status), 130) << first_err;
  EXPECT_NE(first_err.find("workbench-cli --home " + home() + " resume --experiment 1 --jobs 2"), std::string::npos)
      << first_err;
  const std::string threads = "on " + std::to_string(threads_per_job(2)) + " thread(s)";
  EXPECT_NE(first_err.find(threads), std::string::npos) << "the cores shared by 2 jobs: " << first_err;
  const auto before = count_events(first);
  EXPECT_EQ(before.runs_by_type.at("run_started").size(), 2u) << "two at once, nothing new after Ctrl-C";
  const auto stopped = recorded_runs();
  EXPECT_TRUE(std::any_of(stopped.begin(), stopped.end(), [](auto& r) { return r.status == "interrupted"; }));
  EXPECT_TRUE(std::none_of(stopped.begin(), stopped.end(), [](auto& r) { return r.status == "running"; }));

  const auto resumed = cli("resume --experiment 1 --jobs 2 --events jsonl");
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  const auto after = count_events(resumed.out);
  std::multiset<std::int64_t> finished = before.finished;
  finished.insert(after.finished.begin(), after.finished.end());
  EXPECT_EQ(finished, (std::multiset<std::int64_t>{1, 2, 3, 4})) << "each run finished exactly once";
  for (auto id : after.runs_by_type.at("run_started"))
    EXPECT_EQ(before.finished.count(id), 0u) << "run " << id << " had finished and started again";
  expect_all_finished_without_duplicates(kSteps);
}

TEST_F(SchedulerTest, AKilledSchedulerLeavesCheckpointedRunsThatResume) {
  constexpr int kSteps = 600;
  const auto [status, first] = run_and_signal(write_spec(kSteps), SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status));
  // Its workers get SIGTERM from the kernel: each writes a checkpoint and marks its run interrupted.
  auto is_running = [](const RunRow& r) { return r.status == "running"; };
  auto runs = recorded_runs();
  for (int i = 0; i < 300 && std::any_of(runs.begin(), runs.end(), is_running); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    runs = recorded_runs();
  }
  EXPECT_TRUE(std::none_of(runs.begin(), runs.end(), is_running)) << "workers must outlive their parent's pipes";
  EXPECT_TRUE(std::any_of(runs.begin(), runs.end(), [](auto& r) { return r.status == "interrupted"; }));

  // One at a time this time: the in-process path continues interrupted runs too. The experiment
  // by its name, as `runs --experiment` takes it.
  const auto resumed = cli("resume --experiment " + recorded_runs().front().experiment);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  expect_all_finished_without_duplicates(kSteps);
}

TEST_F(SchedulerTest, AFailingRunDoesNotStopTheOthersAndSetsTheExitCode) {
  json spec = json::parse(test::read_file(write_spec(40)));
  // 100 steps of unique data: more unique tokens than the corpus has.
  spec["runs"][1] = {{"name", "too-big"}, {"data.epochs", 1}, {"training.token_budget", 8 * 32 * 100}};
  test::write_file(dir / "spec.json", spec.dump());
  const auto r = cli("run " + (dir / "spec.json").string() + " --jobs 3");
  EXPECT_EQ(r.code, 3) << "the data error of the failed worker: " << r.err;
  EXPECT_NE(r.err.find("[run 2] error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run 2 (queue/too-big) failed"), std::string::npos) << r.err;
  for (const auto& run : recorded_runs()) EXPECT_EQ(run.status, run.id == 2 ? "failed" : "finished") << run.name;
  EXPECT_NE(r.out.find("failed"), std::string::npos) << "the outcome table: " << r.out;
}

}  // namespace
}  // namespace wb
