// sbatch_script: the directives for CPU and GPU jobs as a table, one whole script pinned, the
// quoting for sbatch's parser and Slurm's filename patterns, the refusals; and bash running the
// script's own lines (srun and scontrol as functions that print what they get), so a hostile spec
// path is checked as the argv srun would really receive. The real sbatch reads these scripts in
// tests/slurm/.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "launch/sbatch_script.hpp"
#include "launch/shell_quote.hpp"

namespace wb {
namespace {

SbatchOptions base_options() {
  SbatchOptions o;
  o.job_name = "token-crisis-mini";
  o.workbench_cli = "/opt/wb/bin/workbench-cli";
  o.home = "/home/a/wb";
  o.db = "/home/a/wb/runs.db";
  o.command = {"run", "/home/a/wb/slurm/token-crisis-mini-20261206T120000Z/spec.json"};
  o.events_file = "/home/a/wb/slurm/token-crisis-mini-20261206T120000Z/events.jsonl";
  o.output_log = "/home/a/wb/slurm/token-crisis-mini-20261206T120000Z/output.log";
  return o;
}

std::vector<std::string> sbatch_lines(const std::string& script) {
  std::vector<std::string> lines;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("#SBATCH ", 0) == 0) lines.push_back(line.substr(8));
  return lines;
}

TEST(SbatchScript, DirectivesForCpuAndGpuJobs) {
  struct Case {
    std::string what;
    int nodes, gpus, tasks, threads;
    std::string partition, time, account;
    std::vector<std::string> extra;
    std::vector<std::string> directives;  // every #SBATCH line, in order
    int ranks;
  };
  const std::string out = "--output=/home/a/wb/slurm/token-crisis-mini-20261206T120000Z/output.log";
  const std::string append = "--open-mode=append";
  const Case cases[] = {
      {"one CPU rank", 1, 0, 1, 0, "", "", "", {},
       {"--job-name=token-crisis-mini", "--nodes=1", "--ntasks-per-node=1", out, append}, 1},
      {"two CPU ranks on each of 3 nodes", 3, 0, 2, 0, "", "", "", {},
       {"--job-name=token-crisis-mini", "--nodes=3", "--ntasks-per-node=2", out, append}, 6},
      {"a rank per GPU, tasks ignored", 2, 4, 1, 0, "", "", "", {},
       {"--job-name=token-crisis-mini", "--nodes=2", "--ntasks-per-node=4", "--gpus-per-node=4", out, append}, 8},
      {"threads, partition, time, account, extra lines", 1, 0, 1, 8, "gpu-a100", "02:00:00", "proj 7",
       {"--mem=16G", "--constraint=\"a100|h100\""},
       {"--job-name=token-crisis-mini", "--nodes=1", "--ntasks-per-node=1", "--cpus-per-task=8",
        "--partition=gpu-a100", "--time=02:00:00", "--account=\"proj 7\"", out, append, "--mem=16G",
        "--constraint=\"a100|h100\""},
       1},
  };
  for (const auto& c : cases) {
    auto o = base_options();
    o.nodes = c.nodes;
    o.gpus_per_node = c.gpus;
    o.tasks_per_node = c.tasks;
    o.threads_per_task = c.threads;
    o.partition = c.partition;
    o.time_limit = c.time;
    o.account = c.account;
    o.extra_sbatch_args = c.extra;
    const auto script = sbatch_script(o);
    EXPECT_EQ(sbatch_lines(script), c.directives) << c.what << "\n" << script;
    EXPECT_EQ(sbatch_ranks(o), c.ranks) << c.what;
    const bool threads_set = script.find("--threads 8") != std::string::npos &&
                             script.find("export OMP_NUM_THREADS=8\n") != std::string::npos;
    EXPECT_EQ(threads_set, c.threads == 8) << c.what << "\n" << script;
  }
}

TEST(SbatchScript, WholeScriptForOneGpuNode) {
  auto o = base_options();
  o.gpus_per_node = 2;
  EXPECT_EQ(sbatch_script(o), R"(#!/bin/bash
# Written by `workbench-cli slurm submit`: trains one experiment spec with 2 rank(s)
# (1 node(s) x 2 GPU rank(s) per node).
#SBATCH --job-name=token-crisis-mini
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=2
#SBATCH --gpus-per-node=2
#SBATCH --output=/home/a/wb/slurm/token-crisis-mini-20261206T120000Z/output.log
#SBATCH --open-mode=append
set -eu

# Where the ranks meet: the allocation's first node, and a port derived from the job id so that
# two jobs sharing a node do not collide. Each rank reads SLURM_PROCID, SLURM_STEP_NUM_TASKS
# and SLURM_LOCALID itself.
MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n1)
export MASTER_ADDR
export MASTER_PORT=$((20000 + SLURM_JOB_ID % 20000))
echo "workbench job $SLURM_JOB_ID on $SLURM_JOB_NODELIST: $SLURM_NTASKS rank(s), master $MASTER_ADDR:$MASTER_PORT"

srun --kill-on-bad-exit=1 /opt/wb/bin/workbench-cli --home /home/a/wb --db /home/a/wb/runs.db run /home/a/wb/slurm/token-crisis-mini-20261206T120000Z/spec.json --events-file /home/a/wb/slurm/token-crisis-mini-20261206T120000Z/events.jsonl
)");
}

// `start --slurm --device cuda` on a login node: the ranks are told the device, not left to the spec.
TEST(SbatchScript, ADeviceGoesOnTheRanksCommandLine) {
  auto o = base_options();
  EXPECT_EQ(sbatch_script(o).find("--device"), std::string::npos) << "none given: the spec decides";
  o.device = "cuda";
  EXPECT_NE(sbatch_script(o).find("/spec.json --events-file /home/a/wb/slurm/token-crisis-mini-20261206T120000Z/"
                                  "events.jsonl --device cuda\n"),
            std::string::npos)
      << sbatch_script(o);
  o.device = "tpu; rm -rf ~";
  EXPECT_THROW(sbatch_script(o), UserError);
}

TEST(SbatchScript, ASpecNameBecomesAJobNameOnOneLine) {
  EXPECT_EQ(sbatch_job_name("token-crisis"), "token-crisis");
  EXPECT_EQ(sbatch_job_name("two\nlines\r\tand tab"), "two lines  and tab");
  EXPECT_EQ(sbatch_job_name(""), "workbench");
  auto o = base_options();
  o.job_name = sbatch_job_name("a\nb");
  EXPECT_NE(sbatch_script(o).find("#SBATCH --job-name=\"a b\"\n"), std::string::npos) << sbatch_script(o);
}

TEST(SbatchScript, WithoutAnEventsFileTheRunHasNoEventsFileOption) {
  auto o = base_options();
  o.events_file.clear();
  EXPECT_EQ(sbatch_script(o).find("--events-file"), std::string::npos);
}

// `start --resume` on a login node: the job continues an experiment of the database instead of
// training the spec again.
TEST(SbatchScript, AResumedLaunchResumesItsExperiment) {
  auto o = base_options();
  o.command = {"resume", "--experiment", "7"};
  const auto script = sbatch_script(o);
  EXPECT_NE(script.find("--db /home/a/wb/runs.db resume --experiment 7 --events-file "), std::string::npos) << script;
  EXPECT_EQ(script.find(" run /home/a/wb"), std::string::npos) << script;
}

TEST(SbatchScript, DirectiveQuotingForSbatchsParser) {
  const struct {
    std::string value, quoted;
  } cases[] = {
      {"token-crisis-mini", "token-crisis-mini"},
      {"a/b=c:d,e@f%g+h.i_j", "a/b=c:d,e@f%g+h.i_j"},
      {"", "\"\""},
      {"two words", "\"two words\""},
      {"it's", "\"it's\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"a\\b", "\"a\\\\b\""},
      {"x#y", "\"x#y\""},  // unquoted, # would start a comment
      {"$(rm -rf ~)", "\"$(rm -rf ~)\""},  // sbatch does not expand; quoted to stay one word
  };
  for (const auto& c : cases) EXPECT_EQ(sbatch_directive_quote(c.value), c.quoted) << c.value;
}

TEST(SbatchScript, OutputPathAsAFilenamePattern) {
  EXPECT_EQ(slurm_filename_pattern("/w/slurm/x/output.log"), "/w/slurm/x/output.log");
  EXPECT_EQ(slurm_filename_pattern("/w/100%j/out.log"), "/w/100%%j/out.log");
  EXPECT_EQ(slurm_filename_pattern("/w/my home's/out.log"), "/w/my home's/out.log");
  try {
    slurm_filename_pattern("/w/back\\slash/out.log");
    FAIL() << "a backslash must be refused";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), ExitCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("backslash"), std::string::npos) << e.what();
    EXPECT_FALSE(e.fix().empty());
  }
}

TEST(SbatchScript, TimeLimitsAsSbatchTakesThem) {
  const struct {
    const char* text;
    bool taken;
  } rows[] = {
      {"90", true},         {"90:30", true},      {"02:00:00", true},   {"1-12", true},
      {"1-12:30", true},    {"1-12:30:00", true}, {"UNLIMITED", true},  {"infinite", true},
      {"banana", false},    {"", false},          {"1:2:3:4", false},   {"1-", false},
      {"-5", false},        {"2h", false},        {"1:", false},        {"1--2", false},
      {"1-2-3", false},     {"01:00:00 ", false},
  };
  for (const auto& row : rows) EXPECT_EQ(is_slurm_time(row.text), row.taken) << '"' << row.text << '"';
}

TEST(SbatchScript, RefusesWhatAScriptCannotCarry) {
  const struct {
    std::string what;
    void (*change)(SbatchOptions&);
    std::string message;
  } cases[] = {
      {"no nodes", [](SbatchOptions& o) { o.nodes = 0; }, "--nodes must be at least 1"},
      {"no tasks", [](SbatchOptions& o) { o.tasks_per_node = 0; }, "--ntasks-per-node must be at least 1"},
      {"negative GPUs", [](SbatchOptions& o) { o.gpus_per_node = -1; }, "--gpus-per-node"},
      {"negative threads", [](SbatchOptions& o) { o.threads_per_task = -2; }, "--threads"},
      {"a line break in the job name", [](SbatchOptions& o) { o.job_name = "x\nsrun rm -rf ~"; }, "job name"},
      {"a line break in the partition", [](SbatchOptions& o) { o.partition = "gpu\r"; }, "--partition"},
      {"a time sbatch does not take", [](SbatchOptions& o) { o.time_limit = "banana"; }, "--time \"banana\""},
      {"a line break in an extra argument", [](SbatchOptions& o) { o.extra_sbatch_args = {"--mem=1G\necho x"}; },
       "--sbatch-arg"},
      {"an extra argument that is no option", [](SbatchOptions& o) { o.extra_sbatch_args = {"mem=1G"}; },
       "is not an sbatch option"},
      {"a line break in the spec path", [](SbatchOptions& o) { o.command = {"run", "/tmp/a\nb.json"}; }, "line break"},
      {"a backslash in the output path", [](SbatchOptions& o) { o.output_log = "/tmp/a\\b/out.log"; }, "backslash"},
  };
  for (const auto& c : cases) {
    auto o = base_options();
    c.change(o);
    try {
      sbatch_script(o);
      ADD_FAILURE() << c.what << ": no error";
    } catch (const UserError& e) {
      EXPECT_EQ(e.code(), ExitCode::kUsage) << c.what;
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << c.what << ": " << e.what();
      EXPECT_FALSE(e.fix().empty()) << c.what;
    }
  }
  auto gpus = base_options();
  gpus.gpus_per_node = 1;
  gpus.tasks_per_node = 0;  // ignored with GPUs: one rank per GPU
  EXPECT_NO_THROW(sbatch_script(gpus));
}

// Runs the script's body in bash with `scontrol` and `srun` as shell functions; srun prints the
// rendezvous variables and then each argument it got, each ended by a NUL.
std::vector<std::string> srun_argv_under_bash(const std::string& script, const std::string& job_id) {
  test::TempDir dir;
  test::write_file(dir / "job.sbatch", script);
  const std::string prelude =
      "scontrol() { printf 'node7\\nnode8\\n'; }; "
      "srun() { printf '%s\\0' \"$MASTER_ADDR\" \"$MASTER_PORT\" \"$@\" >&3; }; "
      "SLURM_JOB_ID=" + job_id + " SLURM_JOB_NODELIST='node[7-8]' SLURM_NTASKS=2; . " +
      shell_quote((dir / "job.sbatch").string()) + " 3>&1 >/dev/null";  // only srun's words on stdout
  const std::string command = "/bin/bash -c " + shell_quote(prelude);
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  while (pipe) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe);
    if (n == 0) break;
    out.append(buffer, n);
  }
  const int status = pipe ? pclose(pipe) : -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "bash failed on\n" << script;
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\0', start)) != std::string::npos; start = end + 1)
    words.push_back(out.substr(start, end - start));
  return words;
}

TEST(SbatchScript, BashRunsSrunWithExactlyTheseWordsWhateverThePathsHold) {
  auto o = base_options();
  o.job_name = "x\"; srun rm -rf ~; #";  // a directive value: never reaches bash
  o.command = {"run", "/tmp/my spec's $(touch pwned) `id` ;|&.json"};
  o.home = "/tmp/wb home";
  o.db = "/tmp/-db; echo pwned";
  o.events_file = "/tmp/ev\"ents $HOME.jsonl";
  o.threads_per_task = 2;
  const auto words = srun_argv_under_bash(sbatch_script(o), "45678");
  const std::vector<std::string> expected = {
      "node7", std::to_string(20000 + 45678 % 20000), "--kill-on-bad-exit=1", "/opt/wb/bin/workbench-cli",
      "--home", "/tmp/wb home", "--db", "/tmp/-db; echo pwned", "run", "/tmp/my spec's $(touch pwned) `id` ;|&.json",
      "--events-file", "/tmp/ev\"ents $HOME.jsonl", "--threads", "2"};
  EXPECT_EQ(words, expected);
  EXPECT_EQ(sbatch_lines(sbatch_script(o))[0], "--job-name=\"x\\\"; srun rm -rf ~; #\"");
}

}  // namespace
}  // namespace wb
