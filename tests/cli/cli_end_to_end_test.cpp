// workbench-cli end to end, as a user runs it: import a corpus, run a two-run grid into a temporary
// database with the JSON-lines stream, then list, show and export metrics; and the exit codes
// and messages of the common mistakes.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/synthetic_corpus.hpp"
#include "cli_runner.hpp"
#include "common/temp_dir.hpp"
#include "train/trainer.hpp"

namespace wb {
namespace {

using Result = test::CliResult;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_synthetic_folder(dir / "docs");
  }

  Result cli(const std::string& args) {
    return test::run_workbench_cli(dir / "home", args, dir / "stderr.txt");
  }

  std::string write_spec(const nlohmann::json& spec) {
    const auto path = dir / "spec.json";
    test::write_file(path, spec.dump(2));
    return path.string();
  }

  static nlohmann::json tiny_spec() {
    return nlohmann::json::parse(R"({
      "name": "e2e",
      "data": {"corpus": "tiny", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1},
      "model": {"n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 32},
      "optimizer": {"warmup_steps": 5},
      "training": {"token_budget": 20480, "batch_size": 8, "eval_interval": 20, "eval_batches": 2, "threads": 1},
      "grid": {"data.epochs": [1, 4]}
    })");
  }

  test::TempDir dir;
};

TEST_F(CliTest, ImportRunInspectExport) {
  auto imported = cli("data import tiny --from " + (dir / "docs").string());
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("imported tiny: 30 documents"), std::string::npos) << imported.out;

  auto run = cli("run " + write_spec(tiny_spec()) + " --events jsonl");
  ASSERT_EQ(run.code, 0) << run.err;
  std::map<std::string, int> types;
  nlohmann::json finished;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    auto event = nlohmann::json::parse(line);  // every stdout line is one JSON object
    EXPECT_EQ(event.at("v"), 1);
    ++types[event.at("type").get<std::string>()];
    if (event["type"] == "experiment_finished") finished = event;
  }
  EXPECT_EQ(types["run_started"], 2);
  EXPECT_EQ(types["run_finished"], 2);
  EXPECT_EQ(types["step"], 2 * 80);  // 20480 tokens / (8 x 32) per step
  EXPECT_EQ(types["eval"], 2 * 4);
  ASSERT_EQ(finished["runs"].size(), 2u);
  EXPECT_EQ(finished["runs"][1]["epochs"], 4.0);
  EXPECT_NE(run.err.find("final val"), std::string::npos) << "the outcome table goes to stderr with --events";
  const std::filesystem::path results = finished["results_dir"].get<std::string>();
  EXPECT_TRUE(std::filesystem::exists(results / "summary.csv"));

  auto runs = cli("runs");
  ASSERT_EQ(runs.code, 0) << runs.err;
  EXPECT_NE(runs.out.find("e2e/epochs=1"), std::string::npos) << runs.out;
  EXPECT_EQ(cli("runs --experiment e2e").out, runs.out) << "by name, as export takes it";
  auto no_experiment = cli("runs --experiment 99");
  EXPECT_EQ(no_experiment.code, 2);
  EXPECT_NE(no_experiment.err.find("no experiment \"99\""), std::string::npos) << no_experiment.err;
  EXPECT_NE(runs.out.find("e2e/epochs=4"), std::string::npos) << runs.out;
  EXPECT_NE(runs.out.find("finished"), std::string::npos) << runs.out;

  auto show = cli("show e2e/epochs=4");
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("status:     finished"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("checkpoint"), std::string::npos) << show.out;

  auto csv = cli("metrics 1 --csv --name eval/val_loss");
  ASSERT_EQ(csv.code, 0) << csv.err;
  std::istringstream rows(csv.out);
  std::string header;
  std::getline(rows, header);
  EXPECT_EQ(header, "run_id,name,step,tokens,epoch,metric,value,wall_time");
  int count = 0;
  for (std::string row; std::getline(rows, row);) {
    EXPECT_NE(row.find(",eval/val_loss,"), std::string::npos) << row;
    ++count;
  }
  EXPECT_EQ(count, 4);

  // One metric gets its own table; one the run does not have is an error that lists what it has.
  auto lr = cli("metrics 1 --name lr");
  ASSERT_EQ(lr.code, 0) << lr.err;
  EXPECT_NE(lr.out.find("epoch             lr"), std::string::npos) << lr.out;
  EXPECT_GT(std::count(lr.out.begin(), lr.out.end(), '\n'), 5) << lr.out;
  auto typo = cli("metrics 1 --name eval/val_los");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("run 1 has no metric \"eval/val_los\""), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("eval/val_loss"), std::string::npos) << "names the run's metrics: " << typo.err;
}

TEST_F(CliTest, CtrlCCheckpointsExits130AndResumeFinishesWithoutDuplicateSteps) {
  ASSERT_EQ(cli("data import tiny --from " + (dir / "docs").string()).code, 0);
  auto spec = tiny_spec();
  spec.erase("grid");
  spec["training"]["token_budget"] = 8 * 32 * 3000;  // 3000 steps: long enough to interrupt
  spec["data"]["epochs"] = 40;                        // 19,200 unique tokens of the ~23,700
  spec["training"]["eval_interval"] = 50;
  const auto spec_path = write_spec(spec);

  // Start the run, wait for its first evaluation on the JSON-lines stream, then press Ctrl-C.
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    const std::string err = (dir / "run-stderr.txt").string(), home = (dir / "home").string();
    freopen(err.c_str(), "w", stderr);
    execl(WB_CLI_PATH, WB_CLI_PATH, "--home", home.c_str(), "run", spec_path.c_str(), "--events", "jsonl",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  FILE* events = fdopen(out[0], "r");
  char line[1 << 16];
  bool evaluated = false;
  // An evaluation event (the spec in run_started has an "eval" key too).
  while (!evaluated && fgets(line, sizeof line, events))
    evaluated = std::string(line).find("\"type\":\"eval\"") != std::string::npos;
  ASSERT_TRUE(evaluated) << test::read_file(dir / "run-stderr.txt");
  kill(pid, SIGINT);
  while (fgets(line, sizeof line, events)) {
  }
  fclose(events);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130) << test::read_file(dir / "run-stderr.txt");
  EXPECT_NE(test::read_file(dir / "run-stderr.txt").find("workbench-cli --home " + (dir / "home").string() + " resume 1"),
            std::string::npos) << "the hint names the workspace it was given";
  EXPECT_NE(test::read_file(dir / "run-stderr.txt").find("Run 1 (interrupted) has not finished its schedule"),
            std::string::npos)
      << "its losses are not compared: " << test::read_file(dir / "run-stderr.txt");
  EXPECT_NE(cli("runs").out.find("interrupted"), std::string::npos);

  auto resumed = cli("resume e2e");
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(cli("show 1").out.find("status:     finished"), std::string::npos);
  // Every step is in the database exactly once, from 1 to the last.
  std::istringstream rows(cli("metrics 1 --csv --name train/loss").out);
  std::string row;
  std::getline(rows, row);  // header
  std::int64_t expected_step = 1;
  while (std::getline(rows, row)) {
    std::istringstream fields(row);
    std::string field;
    for (int i = 0; i < 3; ++i) std::getline(fields, field, ',');  // run_id, name, step
    ASSERT_EQ(std::stoll(field), expected_step) << row;
    ++expected_step;
  }
  EXPECT_EQ(expected_step - 1, 3000);
  EXPECT_EQ(cli("resume 1").code, 2) << "a finished run is not resumed again";
}

// BPE runs SentencePiece inside the process that also loads LibTorch: the plug-in module must keep
// their two protobufs apart (a direct link crashed at start-up).
TEST_F(CliTest, BpeTokenizerTrainsInsideTheTrainingProcess) {
  const std::string genesis = std::string(WB_TEST_FIXTURES_DIR) + "/data/genesis_kjv.txt";
  ASSERT_EQ(cli("data import genesis --from " + genesis).code, 0);
  auto spec = tiny_spec();
  spec.erase("grid");
  spec["data"] = {{"corpus", "genesis"}, {"tokenizer", {{"kind", "bpe"}, {"vocab_size", 400}}}, {"epochs", 1}};
  spec["training"]["token_budget"] = 8 * 32 * 10;
  const std::string db = (dir / "elsewhere.db").string();
  auto r = cli("run " + write_spec(spec) + " --db " + db);  // global options after the subcommand too
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("vocabulary 400"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("finished"), std::string::npos) << r.out;
  EXPECT_NE(cli("runs --db " + db).out.find("finished"), std::string::npos);
  EXPECT_EQ(cli("runs").out.find("finished"), std::string::npos) << "the default database stays empty";
}

TEST_F(CliTest, BadSpecExitsTwoAndNamesTheField) {
  auto spec = tiny_spec();
  spec["model"]["n_embed"] = 64;
  auto r = cli("run " + write_spec(spec));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("model.n_embed: unknown key (did you mean \"n_embd\"?)"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingCorpusExitsThreeWithTheFix) {
  auto spec = tiny_spec();
  spec["data"]["corpus"] = "nowhere";
  auto r = cli("run " + write_spec(spec));
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("data import"), std::string::npos) << r.err;
}

// A second import under a taken name would change what the name's runs train on: refused, with
// the old corpus untouched, until --replace says so.
TEST_F(CliTest, ImportingOverACorpusNeedsReplace) {
  ASSERT_EQ(cli("data import tiny --from " + (dir / "docs").string()).code, 0);
  test::write_file(dir / "other.txt", "Some other text, short.\n");
  auto again = cli("data import tiny --from " + (dir / "other.txt").string());
  EXPECT_EQ(again.code, 2) << again.err;
  EXPECT_NE(again.err.find("a corpus named \"tiny\" exists already (30 documents from"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--replace"), std::string::npos) << again.err;
  const std::string listed = cli("data list").out;
  const auto line = listed.substr(listed.find("  tiny "), listed.find('\n', listed.find("  tiny ")) - listed.find("  tiny "));
  EXPECT_NE(line.find(" 30 docs"), std::string::npos) << "the old corpus stays: " << listed;
  auto replaced = cli("data import tiny --replace --from " + (dir / "other.txt").string());
  EXPECT_EQ(replaced.code, 0) << replaced.err;
  EXPECT_NE(replaced.out.find("imported tiny: 1 documents"), std::string::npos) << replaced.out;
  // A recipe's name taken by the user's own text: the recipe does not silently replace it either.
  ASSERT_EQ(cli("data import brown --from " + (dir / "other.txt").string()).code, 0);
  auto recipe = cli("data import brown");
  EXPECT_EQ(recipe.code, 2) << recipe.err;
  EXPECT_NE(recipe.err.find("a corpus named \"brown\" exists already"), std::string::npos) << recipe.err;
}

TEST_F(CliTest, UnknownPresetAndUnknownRun) {
  auto r = cli("run no-such-preset");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("token-crisis-mini"), std::string::npos) << "lists the presets: " << r.err;
  auto show = cli("--db " + (dir / "empty.db").string() + " show 99");
  EXPECT_EQ(show.code, 4) << show.err;  // no database yet
}

// The host side of a remote resume refuses what it cannot continue, naming the fix.
TEST_F(CliTest, StartResumeRefusesAMissingOrUnstartedLaunch) {
  auto neither = cli("start");
  EXPECT_EQ(neither.code, 2);
  EXPECT_NE(neither.err.find("SPEC or --resume LAUNCH"), std::string::npos) << neither.err;
  auto missing = cli("start --resume 20261206-000000-nnnnnn");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no launch 20261206-000000-nnnnnn"), std::string::npos) << missing.err;
  EXPECT_EQ(cli("start --resume ../x").code, 2) << "not a launch id";
  // A launch whose process failed before any run began (its spec names a missing corpus).
  const auto launch_dir = dir / "home" / "launches" / "20261206-000000-uuuuuu";
  std::filesystem::create_directories(launch_dir);
  test::write_file(launch_dir / "spec.json", tiny_spec().dump());
  test::write_file(launch_dir / "events.jsonl", "");
  test::write_file(launch_dir / "exit_status", "{\"code\": 3}\n");
  auto unstarted = cli("start --resume 20261206-000000-uuuuuu");
  EXPECT_EQ(unstarted.code, 2);
  EXPECT_NE(unstarted.err.find("never started a run"), std::string::npos) << unstarted.err;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "home" / "launches"),
                          std::filesystem::directory_iterator{}), 1)
      << "a refused resume makes no launch folder";
}

// `model size` counts embeddings with the vocabulary the spec fixes: bytes (256 + end of text),
// plus an objective's sentinel and mask ids; a character vocabulary is the corpus's, so it says
// what it assumed.
TEST_F(CliTest, ModelSizeCountsTheSpecsVocabulary) {
  auto spec = tiny_spec();
  spec.erase("grid");
  spec["data"]["tokenizer"]["kind"] = "byte";
  const auto bytes = write_spec(spec);
  const auto counted = cli("model size " + bytes);
  ASSERT_EQ(counted.code, 0) << counted.err;
  EXPECT_EQ(counted.out, cli("model size " + bytes + " --vocab 257").out);
  spec["objective"] = {{"kind", "span_corruption"}};
  const auto spans = cli("model size " + write_spec(spec));
  ASSERT_EQ(spans.code, 0) << spans.err;
  EXPECT_NE(spans.out, counted.out) << "the sentinels' embeddings count: " << spans.out;
  const auto chars = cli("model size " + write_spec(tiny_spec()));
  ASSERT_EQ(chars.code, 0) << chars.err;
  EXPECT_NE(chars.out.find("counted with a vocabulary of 256"), std::string::npos) << chars.out;
}

// A mistyped or foreign command word gets a suggestion and the list, not CLI11's "A subcommand is
// required"; an option a command lacks names the commands that have it, or the option meant; an
// empty workspace has no runs yet, which is not an error; numeric options say their range in words.
TEST_F(CliTest, CommandLineMistakesAreNamedWithTheFix) {
  auto typo = cli("metrcs 1");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("unknown command \"metrcs\" (did you mean \"metrics\"?)"), std::string::npos) << typo.err;
  auto synonym = cli("train x");
  EXPECT_NE(synonym.err.find("(did you mean \"run\"?)"), std::string::npos) << "not \"tail\": " << synonym.err;
  auto other_tool = cli("--home " + (dir / "h").string() + " list");
  EXPECT_EQ(other_tool.code, 2);
  EXPECT_NE(other_tool.err.find("(did you mean \"runs\"?); the commands are run, resume, runs,"), std::string::npos)
      << other_tool.err;
  auto elsewhere = cli("runs --nproc 2");
  EXPECT_EQ(elsewhere.code, 2);
  EXPECT_NE(elsewhere.err.find("error: runs has no option --nproc (run, resume, start have it)"), std::string::npos)
      << elsewhere.err;
  EXPECT_NE(elsewhere.err.find("fix: `workbench-cli runs --help` lists its options"), std::string::npos)
      << elsewhere.err;
  auto launch_events = cli("start token-crisis-mini --events-file x.jsonl");
  EXPECT_NE(launch_events.err.find("fix: drop it: a launch writes its events to HOME/launches/ID/events.jsonl"),
            std::string::npos) << launch_events.err;
  auto torchrun_habit = cli("slurm submit token-crisis-mini --nproc 2");
  EXPECT_NE(torchrun_habit.err.find("fix: use --ntasks-per-node (CPU nodes) or --gpus-per-node"), std::string::npos)
      << torchrun_habit.err;
  auto nested = cli("slurm submit token-crisis-mini --threds 2");
  EXPECT_NE(nested.err.find("slurm submit has no option --threds (did you mean --threads?)"), std::string::npos)
      << nested.err;
  auto positional = cli("run token-crisis-mini extra");
  EXPECT_NE(positional.err.find("run takes no more arguments, and was given extra"), std::string::npos)
      << positional.err;
  auto fresh = cli("runs");
  EXPECT_EQ(fresh.code, 0) << fresh.err;
  EXPECT_NE(fresh.out.find("no runs yet"), std::string::npos) << fresh.out;
  auto threads = cli("run token-crisis-mini --threads -1");
  EXPECT_EQ(threads.code, 2);
  EXPECT_NE(threads.err.find("--threads: must be 0 or more, not -1"), std::string::npos) << threads.err;
  auto stop = cli("stop nosuch");
  EXPECT_EQ(stop.code, 2) << "a launch that does not exist was not stopped: " << stop.out;
  EXPECT_NE(stop.err.find("no launch nosuch"), std::string::npos) << stop.err;
}

TEST_F(CliTest, HelpDocumentsCommandsAndExitCodes) {
  auto r = cli("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* word : {"run", "resume", "runs", "show", "metrics", "data", "presets", "bench", "130"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  auto presets = cli("presets list");
  EXPECT_EQ(presets.code, 0);
  EXPECT_NE(presets.out.find("token-crisis-mini"), std::string::npos);
  // `workbench-cli` alone shows what there is to do.
  auto bare = test::run_workbench_cli(dir / "home", "", dir / "bare.err");
  EXPECT_EQ(bare.code, 2);
  EXPECT_NE(bare.out.find("Quick start: workbench-cli run token-crisis-mini"), std::string::npos) << bare.out << bare.err;
  // A command-line mistake CLI11 finds reads like every other error: what, and the fix.
  auto missing = cli("show");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("error: RUN is required"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("fix: `workbench-cli show --help` lists what it takes"), std::string::npos) << missing.err;
  auto deep = cli("slurm submit --nodes 0");
  EXPECT_EQ(deep.code, 2);
  EXPECT_NE(deep.err.find("fix: `workbench-cli slurm submit --help`"), std::string::npos) << deep.err;
}

// --version says which build this is: the LibTorch, and (CUDA builds) the GPUs it sees with the
// precision each trains in.
TEST_F(CliTest, VersionNamesTheLibTorchAndTheGpus) {
  auto r = cli("--version");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("workbench-cli ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\nLibTorch " + libtorch_version()), std::string::npos) << r.out;
#ifdef WB_WITH_CUDA
  EXPECT_NE(r.out.find("CUDA build"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.find("GPU 0: ") != std::string::npos || r.out.find("no GPU visible") != std::string::npos) << r.out;
#else
  EXPECT_NE(r.out.find("CPU build: trains on the CPU"), std::string::npos) << r.out;
#endif
}

}  // namespace
}  // namespace wb
