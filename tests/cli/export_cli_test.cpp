// `workbench-cli export` as a user runs it: two real tiny runs (a grid over data.epochs) exported as
// CSV (to a file and to stdout) and as a pgfplots .tex file, and the usage errors that name the
// option and the fix.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "common/synthetic_corpus.hpp"
#include "common/temp_dir.hpp"

namespace wb {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

class ExportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One trained experiment for every test: training is the slow part.
    shared = new test::TempDir();
    test::write_synthetic_folder(*shared / "docs");
    ASSERT_EQ(run("data import tiny --from " + (*shared / "docs").string()).code, 0);
    const auto spec = nlohmann::json::parse(R"({
      "name": "repeats",
      "data": {"corpus": "tiny", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1},
      "model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 32},
      "optimizer": {"warmup_steps": 5},
      "training": {"token_budget": 10240, "batch_size": 8, "eval_interval": 10, "eval_batches": 2, "threads": 1},
      "grid": {"data.epochs": [1, 4]}
    })");
    test::write_file(*shared / "repeats.json", spec.dump());
    const auto trained = run("run " + (*shared / "repeats.json").string());
    ASSERT_EQ(trained.code, 0) << trained.err;
  }
  static void TearDownTestSuite() {
    delete shared;
    shared = nullptr;
  }
  static test::CliResult run(const std::string& args) {
    return test::run_workbench_cli(*shared / "home", args, *shared / "stderr.txt");
  }
  test::CliResult cli(const std::string& args) { return run(args); }

  static test::TempDir* shared;
  test::TempDir dir;  // this test's outputs
};
test::TempDir* ExportCli::shared = nullptr;

TEST_F(ExportCli, CsvOfBothRunsGroupedByEpochs) {
  const auto path = (dir / "curves.csv").string();
  const auto r = cli("export --experiment repeats --group-by data.epochs --x steps -o " + path);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Wrote 2 curves"), std::string::npos) << r.out;
  const auto csv = test::read_file(path);
  EXPECT_EQ(csv.rfind("curve,group,run_id,x,y,kind\n", 0), 0u) << csv;
  // 40 steps, an evaluation every 10 (and one at the end): a few rows per run.
  EXPECT_GE(count(csv, "epochs=1,epochs=1,"), 3u) << csv;
  EXPECT_GE(count(csv, "epochs=4,epochs=4,"), 3u) << csv;
  EXPECT_EQ(count(csv, ",marker:best\n"), 2u) << "one best point per run: " << csv;

  // `-o -` alone is CSV: stdout feeds a pipe.
  const auto to_stdout = cli("export --runs repeats/epochs=1 --metric train/loss --smooth 0.6 -o -");
  ASSERT_EQ(to_stdout.code, 0) << to_stdout.err;
  EXPECT_EQ(to_stdout.out.rfind("curve,group,run_id,x,y,kind\n", 0), 0u) << to_stdout.out;
  EXPECT_GT(count(to_stdout.out, ",smoothed\n"), 10u) << "train/loss is logged every step";
  EXPECT_EQ(count(to_stdout.out, ",smoothed\n"), count(to_stdout.out, ",raw\n")) << "raw kept beside smoothed";
  EXPECT_EQ(to_stdout.out.find("Wrote"), std::string::npos) << "stdout is the data alone";
}

TEST_F(ExportCli, TexAtDoubleWidthWithLogAxisAndTitle) {
  const auto path = (dir / "figure.tex").string();
  const auto r = cli("export --experiment repeats --group-by data.epochs --log-y --width double "
                     "--title 'Repeated data_1' -o " + path);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("pdflatex"), std::string::npos) << r.out;
  const auto tex = test::read_file(path);
  EXPECT_NE(tex.find("\\documentclass{standalone}"), std::string::npos);
  EXPECT_NE(tex.find("width=6.75in"), std::string::npos);
  EXPECT_NE(tex.find("ymode=log"), std::string::npos);
  EXPECT_NE(tex.find("title={Repeated data\\_1}"), std::string::npos);
  EXPECT_NE(tex.find("xlabel={training tokens}"), std::string::npos);
  EXPECT_EQ(count(tex, "\\addlegendentry{epochs=1}"), 1u) << tex;
  EXPECT_EQ(count(tex, "\\addlegendentry{epochs=4}"), 1u) << tex;
}

TEST_F(ExportCli, UsageErrorsNameTheOptionAndTheFix) {
  struct Case { std::string args; std::string says; };
  const auto out = (dir / "x.csv").string();
  for (const auto& c : {Case{"export -o " + out, "--experiment or --runs"},
                        Case{"export --experiment nope -o " + out, "workbench-cli runs"},
                        Case{"export --experiment repeats --metric eval/nope -o " + out, "train/loss"},
                        Case{"export --experiment repeats --match zzz -o " + out, "--match zzz"},
                        Case{"export --experiment repeats -o " + (dir / "x.png").string(), "--format csv"},
                        Case{"export --experiment repeats --width wide -o " + out, "--width"},
                        Case{"export --experiment repeats --x time -o " + out, "--x"},
                        Case{"export --experiment repeats --smooth 1.5 -o " + out, "--smooth"}}) {
    const auto r = cli(c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << "\n" << r.err;
  }
}

}  // namespace
}  // namespace wb
