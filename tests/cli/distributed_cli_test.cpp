// Data-parallel training through workbench-cli, with real rank processes on 127.0.0.1: `--nproc 2`
// trains the same curve as one process and writes the database once; torchrun starts the ranks
// (they join its agent's store); ranks started by hand with torchrun's variables find each other;
// Ctrl-C stops every rank after the same step and `resume --nproc 2` finishes the run; a rank
// that dies fails the job quickly with an error naming it; a batch the ranks cannot share is
// refused up front.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "common/cpu_cores.hpp"
#include "common/free_port.hpp"
#include "common/temp_dir.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

using Clock = std::chrono::steady_clock;

class DistributedCliTest : public test::TinyCorpusCliTest {
 protected:
  // `steps` optimizer steps of a global batch of 8 sequences of 32 tokens; `model` overrides the
  // model section, `patch` the whole spec (merge patch).
  std::string write_spec(int steps, int batch = 8, const nlohmann::json& model = {}, const nlohmann::json& patch = {}) {
    nlohmann::json spec = nlohmann::json::parse(R"({
      "name": "dp",
      "data": {"corpus": "tiny", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1, "epochs": 40},
      "model": {"n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 32},
      "optimizer": {"warmup_steps": 5},
      "training": {"eval_interval": 20, "eval_batches": 2, "threads": 1}
    })");
    spec["training"]["token_budget"] = batch * 32 * steps;
    spec["training"]["batch_size"] = batch;
    if (steps < 500) spec["data"]["epochs"] = 1;
    if (!model.is_null()) spec["model"].update(model);
    if (!patch.is_null()) spec.merge_patch(patch);
    const auto path = dir / ("spec-" + std::to_string(steps) + ".json");
    test::write_file(path, spec.dump(2));
    return path.string();
  }

  // Per-step training losses of a run (or another metric's values), from the database.
  std::vector<double> losses(int run, const std::string& metric = "train/loss") {
    std::istringstream rows(cli("metrics " + std::to_string(run) + " --csv --name " + metric).out);
    std::vector<double> out;
    std::string row;
    std::getline(rows, row);  // header
    while (std::getline(rows, row)) {
      std::istringstream fields(row);
      std::string field;
      for (int i = 0; i < 7; ++i) std::getline(fields, field, ',');  // ..., metric, value
      out.push_back(std::stod(field));
    }
    return out;
  }

  // workbench-cli started in the background with extra environment; stdout and stderr to files.
  pid_t start(const std::string& args, const std::string& env, const std::string& name) {
    const std::string command = "exec env " + env + " " + WB_CLI_PATH + " --home " + (dir / "home").string() + " " +
                                args + " >" + (dir / (name + ".out")).string() + " 2>" +
                                (dir / (name + ".err")).string();
    const pid_t pid = fork();
    if (pid == 0) {
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  }

  static int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // Waits until run 1 has logged at least `steps` steps (bounded).
  void wait_for_steps(std::size_t steps) {
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (Clock::now() < deadline && losses(1).size() < steps) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ASSERT_GE(losses(1).size(), steps) << "the run did not start training";
  }

  std::string file(const std::string& name) { return test::read_file(dir / name); }

  static bool torchrun_installed() {
    return std::system("/usr/bin/python3 -c 'import torch.distributed.run' >/dev/null 2>&1") == 0;
  }

  // A shell command that runs `workbench-cli run SPEC` as 2 ranks under PyTorch's torchrun (its
  // output to torchrun.txt). Debian 12's torchrun (PyTorch 1.13 on Python 3.11) cannot parse its
  // default --redirects 0 (an IntFlag change), hence --redirects 1 --tee 1.
  std::string torchrun_command(const std::string& spec) {
    return "cd " + dir.path().string() + " && exec /usr/bin/python3 -m torch.distributed.run --redirects 1 --tee 1 "
           "--log_dir torchrun-logs --no_python --nproc_per_node 2 --master_port " + std::to_string(free_tcp_port()) +
           " " + WB_CLI_PATH + " --home " + (dir / "home").string() + " run " + spec + " >torchrun.txt 2>&1";
  }
};

TEST_F(DistributedCliTest, TwoRanksTrainTheCurveOfOneProcessAndWriteOnce) {
  // 3 validation batches: rank 0 evaluates two of them, rank 1 one, in chunks of 4 rows.
  const auto spec = write_spec(60, 8, {}, {{"training", {{"eval_batches", 3}}}});
  ASSERT_EQ(cli("run " + spec).code, 0);
  const auto two = cli("run " + spec + " --nproc 2 --events jsonl");
  ASSERT_EQ(two.code, 0) << two.err;
  const auto one_losses = losses(1), two_losses = losses(2);
  ASSERT_EQ(one_losses.size(), 60u);
  ASSERT_EQ(two_losses.size(), 60u) << "rank 1 must not write steps to the database";
  for (std::size_t i = 0; i < one_losses.size(); ++i) EXPECT_NEAR(two_losses[i], one_losses[i], 1e-5) << "step " << i + 1;
  const auto one_val = losses(1, "eval/val_loss"), two_val = losses(2, "eval/val_loss");
  ASSERT_EQ(two_val.size(), one_val.size());
  for (std::size_t i = 0; i < one_val.size(); ++i) EXPECT_NEAR(two_val[i], one_val[i], 1e-5) << "evaluation " << i;
  std::map<std::string, int> types;
  std::istringstream lines(two.out);
  for (std::string line; std::getline(lines, line);) ++types[nlohmann::json::parse(line).at("type").get<std::string>()];
  EXPECT_EQ(types["run_started"], 1) << "only rank 0 streams events";
  EXPECT_EQ(types["step"], 60);
  const auto rank_log = test::read_file(dir / "home/logs/rank-1.log");
  EXPECT_NE(rank_log.find("rank 1 of 2"), std::string::npos) << rank_log;
  EXPECT_NE(rank_log.find("finished after 60 steps"), std::string::npos) << rank_log;
}

TEST_F(DistributedCliTest, RanksStartedWithTorchrunsVariablesFindEachOther) {
  const auto spec = write_spec(40);
  const std::string common = "WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(free_tcp_port());
  const pid_t rank1 = start("run " + spec, "RANK=1 LOCAL_RANK=1 " + common, "rank1");
  const pid_t rank0 = start("run " + spec + " --events-file " + (dir / "events.jsonl").string(),
                            "RANK=0 LOCAL_RANK=0 " + common, "rank0");
  EXPECT_EQ(wait_exit(rank0), 0) << file("rank0.err");
  EXPECT_EQ(wait_exit(rank1), 0) << file("rank1.err");
  EXPECT_EQ(losses(1).size(), 40u);
  EXPECT_NE(cli("show 1").out.find("status:     finished"), std::string::npos);
  EXPECT_EQ(cli("runs").out.find("\n    2 "), std::string::npos) << "rank 1 recorded no run of its own";
  const auto events = file("events.jsonl");
  EXPECT_NE(events.find("\"experiment_finished\""), std::string::npos) << events;
}

// Rows with different numbers of loss positions on each rank (prefix LM) weigh by their positions,
// accumulated micro-batches are split alike, and the ranks go through an experiment of two runs.
TEST_F(DistributedCliTest, PrefixLmAndAccumulationOverTwoRunsTrainLikeOneProcess) {
  const auto spec = write_spec(30, 8, {}, {{"training", {{"grad_accum", 2}}},
                                           {"grid", {{"objective.kind", {"causal", "prefix_lm"}}}}});
  ASSERT_EQ(cli("run " + spec).code, 0);
  const auto two = cli("run " + spec + " --nproc 2");
  ASSERT_EQ(two.code, 0) << two.err;
  for (int run : {1, 2}) {
    const auto one_losses = losses(run), two_losses = losses(run + 2);
    ASSERT_EQ(one_losses.size(), 15u) << "run " << run;  // 30 x 256 tokens / (8 x 32 x 2) per step
    ASSERT_EQ(two_losses.size(), one_losses.size()) << "run " << run;
    for (std::size_t i = 0; i < one_losses.size(); ++i)
      EXPECT_NEAR(two_losses[i], one_losses[i], 1e-5) << "run " << run << " step " << i + 1;
    const auto one_val = losses(run, "eval/val_loss"), two_val = losses(run + 2, "eval/val_loss");
    ASSERT_EQ(two_val.size(), one_val.size());
    EXPECT_NEAR(two_val.back(), one_val.back(), 1e-5) << "run " << run;
  }
}

// Experts that get no tokens on a rank send zero gradients, so the ranks' buffers match. Without
// capacity drops and the load-balancing loss (both depend on which tokens share a forward pass,
// as in any data-parallel MoE) every token's loss is the one-process loss; router statistics are
// averaged over the ranks.
TEST_F(DistributedCliTest, AMixtureOfExpertsTrainsOnTwoRanksLikeOnOne) {
  const nlohmann::json moe = {{"arch", "moe"},
                              {"moe", {{"n_expert", 4}, {"top_k", 2}, {"capacity_factor", 0}, {"aux_loss_coef", 0}}}};
  const auto spec = write_spec(40, 8, moe);
  ASSERT_EQ(cli("run " + spec).code, 0);
  const auto two = cli("run " + spec + " --nproc 2");
  ASSERT_EQ(two.code, 0) << two.err;
  const auto one_losses = losses(1), two_losses = losses(2);
  ASSERT_EQ(two_losses.size(), one_losses.size());
  for (std::size_t i = 0; i < one_losses.size(); ++i) EXPECT_NEAR(two_losses[i], one_losses[i], 1e-5) << "step " << i + 1;
  const auto load_one = losses(1, "moe/load/0"), load_two = losses(2, "moe/load/0");
  ASSERT_FALSE(load_one.empty());
  ASSERT_EQ(load_two.size(), load_one.size());
  for (std::size_t i = 0; i < load_one.size(); ++i) EXPECT_NEAR(load_two[i], load_one[i], 1e-6) << "evaluation " << i;
}

// PyTorch's own launcher: torchrun's agent serves the store, the ranks join it as clients under
// its attempt prefix (TORCHELASTIC_USE_AGENT_STORE).
TEST_F(DistributedCliTest, TorchrunStartsTheRanks) {
  if (!torchrun_installed())
    GTEST_SKIP() << "torchrun is not installed (Debian: apt-get install python3-torch; scripts/test.sh installs it)";
  // threads 0: torchrun starts both ranks on every core, so each takes its share instead.
  const auto spec = write_spec(40, 8, {}, {{"training", {{"threads", 0}}}});
  EXPECT_EQ(std::system(torchrun_command(spec).c_str()), 0) << file("torchrun.txt");
  EXPECT_EQ(losses(1).size(), 40u);
  const auto shown = cli("show 1").out;
  EXPECT_NE(shown.find("status:     finished"), std::string::npos);
  const int share = std::max(1, usable_cores() / 2);
  EXPECT_NE(shown.find("\"ranks\":2,\"threads\":" + std::to_string(share) + ","), std::string::npos)
      << "the started event's plan has each rank's threads: " << shown;
  const auto rank_log = test::read_file(dir / "home/logs/rank-1.log");
  EXPECT_NE(rank_log.find("rank 1 of 2"), std::string::npos) << rank_log;
  EXPECT_NE(rank_log.find("finished after 40 steps"), std::string::npos) << rank_log;
  if (usable_cores() >= 2) {
    EXPECT_NE(file("torchrun.txt").find("(torchrun): 2 ranks share this host's " + std::to_string(usable_cores()) +
                                        " cores: " + std::to_string(share)),
              std::string::npos) << file("torchrun.txt");
  }
}

// Ctrl-C in torchrun's terminal reaches every process of the job: the ranks get SIGINT from the
// terminal and again, milliseconds later, forwarded by torchrun. That repeat is the same request,
// not a second Ctrl-C that kills: the run stops after a step, writes its checkpoint and is
// resumable, with every step up to that checkpoint stored.
TEST_F(DistributedCliTest, CtrlCUnderTorchrunInterruptsTheRunInsteadOfKillingIt) {
  if (!torchrun_installed())
    GTEST_SKIP() << "torchrun is not installed (Debian: apt-get install python3-torch; scripts/test.sh installs it)";
  const std::string command = torchrun_command(write_spec(3000));
  const pid_t torchrun = fork();
  if (torchrun == 0) {
    setpgid(0, 0);  // a terminal's foreground job: the Ctrl-C goes to the whole group
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  setpgid(torchrun, torchrun);
  wait_for_steps(30);
  kill(-torchrun, SIGINT);
  wait_exit(torchrun);  // torchrun itself exits non-zero after a signal
  const auto runs = cli("runs").out;
  EXPECT_NE(runs.find("interrupted"), std::string::npos) << runs << file("torchrun.txt");
  EXPECT_NE(file("torchrun.txt").find("dp: interrupted after"), std::string::npos) << file("torchrun.txt");
  const auto finished = cli("resume 1");
  ASSERT_EQ(finished.code, 0) << finished.err;
  EXPECT_EQ(losses(1).size(), 3000u) << "every step exactly once: none lost between the last flush and the checkpoint";
}

// Interrupted on 2 ranks, resumed on 2 (rank 1 reads rank 0's checkpoint), interrupted again and
// finished by one process: every step once, and the curve of an uninterrupted run.
TEST_F(DistributedCliTest, CtrlCStopsEveryRankAfterTheSameStepAndAnyRankCountResumes) {
  const auto spec = write_spec(1500);
  const pid_t parent = start("run " + spec + " --nproc 2", "", "run");
  wait_for_steps(30);
  kill(parent, SIGINT);
  EXPECT_EQ(wait_exit(parent), 130) << file("run.err");
  EXPECT_NE(cli("runs").out.find("interrupted"), std::string::npos);
  EXPECT_NE(file("run.out").find("continue with `workbench-cli --home " + (dir / "home").string() + " resume 1 --nproc 2`"),
            std::string::npos)
      << "the hint keeps the workspace and the ranks: " << file("run.out");
  const auto rank_log = test::read_file(dir / "home/logs/rank-1.log");
  EXPECT_NE(rank_log.find("dp: interrupted"), std::string::npos) << rank_log;

  // A rank count that cannot split the batch is refused before the run is touched.
  const auto three = cli("resume 1 --nproc 3");
  EXPECT_EQ(three.code, 2) << three.err;
  EXPECT_NE(three.err.find("cannot be split evenly over 3 ranks"), std::string::npos) << three.err;
  EXPECT_NE(cli("runs").out.find("interrupted"), std::string::npos) << "the run stays resumable";

  const std::size_t first_stop = losses(1).size();
  const pid_t again = start("resume 1 --nproc 2", "", "resume");
  wait_for_steps(first_stop + 30);
  kill(again, SIGINT);
  EXPECT_EQ(wait_exit(again), 130) << file("resume.err");
  EXPECT_GT(losses(1).size(), first_stop);

  const auto finished = cli("resume 1");
  ASSERT_EQ(finished.code, 0) << finished.err;
  const auto steps = losses(1);
  ASSERT_EQ(steps.size(), 1500u) << "every step exactly once";
  ASSERT_EQ(cli("run " + spec).code, 0);  // run 2: the same run, never interrupted, one process
  const auto reference = losses(2);
  ASSERT_EQ(reference.size(), steps.size());
  EXPECT_NEAR(steps.back(), reference.back(), 1e-3);
  EXPECT_NEAR(losses(1, "eval/val_loss").back(), losses(2, "eval/val_loss").back(), 1e-3);
}

// A run that one rank cannot train (here: told to use a GPU this machine lacks) fails on every
// rank at once and the job goes on. The ranks that were ready never start it: in the run's first
// collective they would wait for the missing rank until the timeout, then fail the whole job.
TEST_F(DistributedCliTest, ARunOneRankCannotTrainFailsWithoutStrandingTheOthers) {
  if (std::filesystem::exists("/dev/nvidia0")) GTEST_SKIP() << "a GPU is visible: rank 2 could train on it";
  const auto spec = write_spec(40, 6);  // two rows per rank
  const std::string common = "WORLD_SIZE=3 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(free_tcp_port());
  const auto started = Clock::now();
  const pid_t rank1 = start("run " + spec, "RANK=1 LOCAL_RANK=1 " + common, "rank1");
  const pid_t rank2 = start("run " + spec + " --device cuda", "RANK=2 LOCAL_RANK=2 " + common, "rank2");
  const pid_t rank0 = start("run " + spec, "RANK=0 LOCAL_RANK=0 " + common, "rank0");
  EXPECT_EQ(wait_exit(rank0), 1) << file("rank0.err");
  EXPECT_EQ(wait_exit(rank1), 1) << file("home/logs/rank-1.log");
  EXPECT_EQ(wait_exit(rank2), 1) << file("home/logs/rank-2.log");
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 55.0)
      << "a ready rank waited in a collective for the rank that could not train";
  const auto err = file("rank0.err");
  EXPECT_NE(err.find("rank 2 cannot train run 1"), std::string::npos) << err;
  const auto log = file("home/logs/rank-1.log");
  EXPECT_NE(log.find("run 1 not started here: rank 2 cannot train run 1"), std::string::npos) << log;
  EXPECT_EQ(log.find("all-reduce"), std::string::npos) << "rank 1 went into the run: " << log;
  EXPECT_NE(cli("show 1").out.find("failed"), std::string::npos);
}

// A rank started without the others says, on its own terminal (not only in its log), what it
// waits for and then who did not come: rank 0 serves the store, so there the others are missing.
TEST_F(DistributedCliTest, ARankLeftAloneSaysWhatItWaitsForAndWhoDidNotCome) {
  const auto spec = write_spec(40);
  const std::string alone = "WB_COLLECTIVE_TIMEOUT_S=6 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 ";
  const int port0 = free_tcp_port();
  int port1 = free_tcp_port();
  while (port1 == port0) port1 = free_tcp_port();  // the two must not find each other
  const pid_t rank0 = start("run " + spec, alone + "RANK=0 MASTER_PORT=" + std::to_string(port0), "rank0");
  const pid_t rank1 = start("run " + spec, alone + "RANK=1 MASTER_PORT=" + std::to_string(port1), "rank1");
  EXPECT_EQ(wait_exit(rank1), 1);
  EXPECT_EQ(wait_exit(rank0), 1);
  const auto err1 = file("rank1.err");
  EXPECT_NE(err1.find("rank 1 of 2 (RANK/WORLD_SIZE): waiting for rank 0's store at tcp://127.0.0.1:"),
            std::string::npos) << err1;
  EXPECT_NE(err1.find("error: rank 1 of 2 (RANK/WORLD_SIZE) could not join the job"), std::string::npos) << err1;
  EXPECT_NE(err1.find("fix: start rank 0 (it serves the store)"), std::string::npos) << err1;
  const auto err0 = file("rank0.err");
  EXPECT_NE(err0.find("waiting for the other 1 rank(s) to join"), std::string::npos) << err0;
  EXPECT_NE(err0.find("serves the job's store at tcp://127.0.0.1:"), std::string::npos) << err0;
  EXPECT_NE(err0.find("fix: start rank 1 with WORLD_SIZE=2"), std::string::npos) << err0;
}

// A rank whose MASTER_PORT another program holds (one that takes connections and never answers)
// gives up once its join timeout and a few seconds have passed, saying so, instead of waiting
// on that program for as long as it lives.
// Ctrl-C (or `stop`) while the ranks join ends each rank at once as interrupted: c10d's store
// would wait out its timeout for a rank the same Ctrl-C stopped, and the signal cuts a joining
// client's wait short ("Interrupted system call"), which is a stop, not a failure to join.
TEST_F(DistributedCliTest, CtrlCWhileTheRanksJoinEndsEachRankAtOnce) {
  const auto spec = write_spec(40);
  for (const char* rank : {"0", "1"}) {
    const std::string alone = "WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(free_tcp_port()) +
                              " RANK=" + rank;
    const std::string name = std::string("rank") + rank;
    const pid_t pid = start("run " + spec, alone, name);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const auto stopped_at = Clock::now();
    ASSERT_EQ(kill(pid, SIGINT), 0);
    EXPECT_EQ(wait_exit(pid), 130) << file(name + ".err");
    EXPECT_LT(Clock::now() - stopped_at, std::chrono::seconds(10)) << "rank " << rank << " waited out the join";
    // Rank 1 says it in its log, and where that is on its stderr.
    const auto said = std::string(rank) == "0" ? file(name + ".err") : file("home/logs/rank-1.log");
    EXPECT_NE(said.find("rank " + std::string(rank) + " of 2 (RANK/WORLD_SIZE)"), std::string::npos) << said;
    EXPECT_NE(said.find("stopped while the ranks joined; nothing was trained"), std::string::npos) << said;
  }
  EXPECT_EQ(cli("runs").out.find("dp"), std::string::npos) << "no run was made";
}

TEST_F(DistributedCliTest, ARankWhosePortAnotherProgramHoldsGivesUpAfterItsTimeout) {
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int port = free_tcp_port();
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 8), 0);  // connections complete in the backlog; nothing ever answers
  const auto spec = write_spec(40);
  const auto started = Clock::now();
  const pid_t rank1 = start("run " + spec, "WB_COLLECTIVE_TIMEOUT_S=3 WORLD_SIZE=2 RANK=1 MASTER_ADDR=127.0.0.1 "
                                           "MASTER_PORT=" + std::to_string(port), "rank1");
  auto exited = std::async(std::launch::async, [&] { return wait_exit(rank1); });
  if (exited.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    kill(rank1, SIGKILL);
    close(listener);
    FAIL() << "rank 1 still waits on the foreign listener after 60 s: " << file("rank1.err");
  }
  const auto waited = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started).count();
  close(listener);
  EXPECT_EQ(exited.get(), 1);
  EXPECT_LE(waited, 25) << "twice the 3 s timeout, 5 s grace";
  const auto err = file("rank1.err");
  EXPECT_NE(err.find("error: rank 1 of 2 (RANK/WORLD_SIZE) could not join the job at tcp://127.0.0.1:" +
                     std::to_string(port)), std::string::npos) << err;
  EXPECT_NE(err.find("the store did not answer (is another program listening on that port?)"), std::string::npos)
      << err;
}

TEST_F(DistributedCliTest, ADeadRankFailsTheJobQuicklyNamingIt) {
  const auto spec = write_spec(3000);
  const pid_t parent = start("run " + spec + " --nproc 2", "", "run");
  wait_for_steps(10);
  const auto log = test::read_file(dir / "home/logs/rank-1.log");
  const auto at = log.rfind("process ");
  ASSERT_NE(at, std::string::npos) << log;
  const pid_t rank1 = std::stoi(log.substr(at + 8));
  const auto killed = Clock::now();
  kill(rank1, SIGKILL);
  const int code = wait_exit(parent);
  const double seconds = std::chrono::duration<double>(Clock::now() - killed).count();
  EXPECT_LT(seconds, 60.0) << "a dead rank must fail the job within the collective timeout";
  EXPECT_EQ(code, 1) << file("run.err");
  const auto err = file("run.err");
  EXPECT_NE(err.find("failed on rank 0"), std::string::npos) << err;
  EXPECT_NE(err.find("rank 1 was killed by signal 9"), std::string::npos) << err;
  EXPECT_NE(cli("show 1").out.find("failed"), std::string::npos);
  EXPECT_NE(err.find("Continue run 1 (from step 0: it wrote no checkpoint) with `workbench-cli --home " +
                     (dir / "home").string() + " resume 1 --nproc 2`"), std::string::npos)
      << "the fix names the command, with the workspace and the ranks: " << err;
  EXPECT_EQ(err.find("resume it from its last checkpoint"), std::string::npos) << "said once, as the command: " << err;
}

// Rank 0 killed (the OOM killer, NCCL's watchdog) cannot record its end: the parent of --nproc
// names the run it left and the command that continues it, and that command does.
TEST_F(DistributedCliTest, ARankZeroKilledLeavesItsRunToResumeAndTheParentSaysHow) {
  const auto spec = write_spec(1500, 8, {}, {{"training", {{"checkpoint_interval", 5}}}});
  const pid_t parent = start("run " + spec + " --nproc 2", "", "run");
  wait_for_steps(10);
  const auto run = RunStore::open(dir / "home/runs.db", RunStore::Mode::kReadOnly).find_run("1");
  ASSERT_TRUE(run.has_value());
  ASSERT_GT(run->environment.pid, 0);
  kill(static_cast<pid_t>(run->environment.pid), SIGKILL);
  EXPECT_EQ(wait_exit(parent), 1) << file("run.err");
  const auto err = file("run.err");
  EXPECT_NE(err.find("rank 0 was killed by signal 9"), std::string::npos) << err;
  EXPECT_NE(err.find("run 1 (dp) stopped with rank 0"), std::string::npos) << err;
  const std::string how = "resume --experiment 1 --nproc 2";
  ASSERT_NE(err.find("continue it from its last checkpoint: `workbench-cli --home " + (dir / "home").string() + " " +
                     how + "`"), std::string::npos) << err;
  EXPECT_NE(cli("runs").out.find("killed?"), std::string::npos);
  const auto resumed = cli(how);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming dp from its checkpoint at step"), std::string::npos) << resumed.err;
  EXPECT_EQ(losses(1).size(), 1500u);
}

// A run trained on another host (imported from an ssh:// target, or a node without the shared
// workspace) is not started over here: that would replace its rows with a run from step 0.
TEST_F(DistributedCliTest, ARunTrainedOnAnotherHostIsNotResumedHere) {
  ASSERT_EQ(cli("run " + write_spec(20)).code, 0);
  {
    auto store = RunStore::open(dir / "home/runs.db");
    store.set_run_environment(1, {"far-away", "workbench", "{}", 4242});
    store.set_run_status(1, "interrupted");
  }
  std::filesystem::remove_all(dir / "home/runs/1");  // its checkpoint lives on far-away
  const auto resumed = cli("resume 1");
  EXPECT_EQ(resumed.code, 2);
  EXPECT_NE(resumed.err.find("run 1 (dp) was trained on far-away"), std::string::npos) << resumed.err;
  const auto experiment = cli("resume --experiment 1");
  EXPECT_NE(experiment.err.find("not resumed here"), std::string::npos) << experiment.err;
  EXPECT_EQ(losses(1).size(), 20u) << "its rows are kept";
}

TEST_F(DistributedCliTest, ABatchTheRanksCannotShareIsRefusedBeforeAnythingStarts) {
  const auto bad = cli("run " + write_spec(40, 6) + " --nproc 4");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("training.batch_size: 6 sequences cannot be split evenly over 4 ranks"), std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find("fix: run on 1, 2, 3 or 6 ranks, or use a batch_size that is a multiple of 4"),
            std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "home/runs.db"));
  const auto both = cli("run " + write_spec(40) + " --nproc 2 --jobs 2");
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("--jobs 2 with several ranks per run"), std::string::npos) << both.err;
  if (cli("--version").out.find("GPU 0: ") != std::string::npos) return;  // it may well train on cuda
  for (const char* ranks : {"", " --nproc 2"}) {
    const auto gpu = cli("run " + write_spec(40) + " --device cuda" + ranks);
    EXPECT_EQ(gpu.code, 2) << ranks;
    EXPECT_NE(gpu.err.find("training.device is \"cuda\" but this LibTorch"), std::string::npos) << gpu.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "home/runs.db")) << "refused after the run was queued" << ranks;
  }
}

// A resumed run keeps its batch: `resume --nproc N` and `start --resume LAUNCH --nproc N` check
// the stored specs before any rank starts, and say which rank count fits.
TEST_F(DistributedCliTest, AResumeOnRanksThatCannotShareTheBatchIsRefusedBeforeAnyRankStarts) {
  const auto launch = dir / "home/launches/20261207-000000-aaaaaa";
  std::filesystem::create_directories(launch);
  const auto spec = write_spec(20, 6);
  std::filesystem::copy_file(spec, launch / "spec.json");
  ASSERT_EQ(cli("run " + spec + " --events-file " + (launch / "events.jsonl").string()).code, 0);
  RunStore::open(dir / "home/runs.db").set_run_status(1, "interrupted");
  for (const std::string how : {"resume 1 --nproc 4", "resume --experiment 1 --nproc 4",
                                "start --resume 20261207-000000-aaaaaa --nproc 4"}) {
    const auto refused = cli(how);
    EXPECT_EQ(refused.code, 2) << how;
    EXPECT_NE(refused.err.find("run 1 (dp): training.batch_size: 6 sequences cannot be split evenly over 4 ranks"),
              std::string::npos) << how << ": " << refused.err;
    EXPECT_NE(refused.err.find("resume on 1, 2, 3 or 6 ranks (--nproc 3)"), std::string::npos)
        << how << ": " << refused.err;
  }
  RunStore::open(dir / "home/runs.db").set_run_status(1, "failed");  // `resume 1` trains a failed run too
  const auto failed = cli("resume 1 --nproc 4");
  EXPECT_EQ(failed.code, 2);
  EXPECT_NE(failed.err.find("run 1 (dp): training.batch_size: 6"), std::string::npos) << failed.err;
  const auto nothing = cli("resume --experiment 9 --nproc 2");
  EXPECT_EQ(nothing.code, 2);
  EXPECT_NE(nothing.err.find("no experiment 9"), std::string::npos) << nothing.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "home/logs/rank-1.log")) << "no rank was started";
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "home/launches"), std::filesystem::directory_iterator{}), 1)
      << "no launch was made";
  EXPECT_NE(cli("show 1").out.find("failed"), std::string::npos) << "the run is still there to resume";
}

}  // namespace
}  // namespace wb
