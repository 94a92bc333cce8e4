// Table tests of the launchers' environment: torchrun (with and without its agent store), srun,
// and the Slurm node-list forms whose first host is known without asking Slurm.
#include <gtest/gtest.h>

#include <map>

#include "common/errors.hpp"
#include "train/dist_env.hpp"

namespace wb {
namespace {

using Env = std::map<std::string, std::string>;

DistEnv read(const Env& env, const DistEnv::FirstHost& first_host = {}) {
  return DistEnv::from_environment(
      [&](const char* name) -> std::optional<std::string> {
        auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
      },
      first_host ? first_host : [](const std::string& list) -> std::string { return "asked-scontrol-for-" + list; });
}

TEST(DistEnv, ReadsTorchrunVariables) {
  const auto d = read({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"},
                       {"MASTER_PORT", "29511"}, {"TORCHELASTIC_RUN_ID", "none"}, {"LOCAL_WORLD_SIZE", "2"}});
  EXPECT_EQ(d.rank, 3);
  EXPECT_EQ(d.world_size, 4);
  EXPECT_EQ(d.local_rank, 1);
  EXPECT_EQ(d.launcher, "torchrun");
  EXPECT_EQ(d.ranks_on_node, 2);
  EXPECT_EQ(d.master_addr, "node7");
  EXPECT_EQ(d.master_port, 29511);
  EXPECT_FALSE(d.agent_store);
  EXPECT_FALSE(d.is_main());
  EXPECT_EQ(read({}).world_size, 1);
  EXPECT_EQ(read({}).launcher, "single");
  // The same variables set by hand, or by `--nproc` (its job token), are named as such.
  const Env by_hand = {{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}};
  EXPECT_EQ(read(by_hand).launcher, "RANK/WORLD_SIZE");
  EXPECT_EQ(read(by_hand).ranks_on_node, 1);
  auto by_nproc = by_hand;
  by_nproc["WB_JOB_TOKEN"] = "abc";
  EXPECT_EQ(read(by_nproc).launcher, "--nproc");
  // One rank needs no rendezvous.
  EXPECT_EQ(read({{"RANK", "0"}, {"WORLD_SIZE", "1"}}).world_size, 1);
}

TEST(DistEnv, JoinsTorchrunsAgentStoreUnderTheAttemptPrefix) {
  const auto d = read({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "127.0.0.1"}, {"MASTER_PORT", "29400"},
                       {"TORCHELASTIC_USE_AGENT_STORE", "True"}, {"TORCHELASTIC_RESTART_COUNT", "2"}});
  EXPECT_TRUE(d.agent_store);
  EXPECT_EQ(d.store_prefix, "/worker/attempt_2");
  EXPECT_EQ(d.local_rank, 1);  // LOCAL_RANK unset: the global rank
  EXPECT_FALSE(read({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"},
                     {"TORCHELASTIC_USE_AGENT_STORE", "False"}}).agent_store);
}

TEST(DistEnv, RefusesInconsistentVariablesNamingThem) {
  const Env bad[] = {
      {{"RANK", "4"}, {"WORLD_SIZE", "4"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}},
      {{"RANK", "x"}, {"WORLD_SIZE", "4"}},
      {{"WORLD_SIZE", "4"}},
      {{"RANK", "0"}, {"WORLD_SIZE", "2"}},  // no MASTER_ADDR / MASTER_PORT
      {{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", ""}, {"MASTER_PORT", "1"}},  // empty: not 127.0.0.1
      {{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"SLURM_JOB_NODELIST", "n1"}, {"SLURM_JOB_ID", "12a"}},
      {{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"SLURM_JOB_NODELIST", "n1"}, {"SLURM_JOB_ID", ""}},
      {{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"SLURM_JOB_NODELIST", "n1"}, {"SLURM_JOB_ID", "+5"}},
      {{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "http"}},
      {{"SLURM_PROCID", "2"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"SLURM_JOB_NODELIST", "n1"}},
  };
  for (const auto& env : bad) EXPECT_THROW(read(env), UserError) << env.begin()->first;
}

TEST(DistEnv, ReadsSrunVariables) {
  const auto d = read({{"SLURM_PROCID", "5"}, {"SLURM_STEP_NUM_TASKS", "8"}, {"SLURM_LOCALID", "1"},
                       {"SLURM_JOB_NODELIST", "gpu[03-06]"}, {"SLURM_JOB_ID", "123456"}});
  EXPECT_EQ(d.launcher, "slurm");
  EXPECT_EQ(d.rank, 5);
  EXPECT_EQ(d.world_size, 8);
  EXPECT_EQ(d.local_rank, 1);
  EXPECT_EQ(d.master_addr, "gpu03");
  EXPECT_EQ(d.master_port, 20000 + 123456 % 20000);
  // A federated cluster's job id (above 2^31, even 2^63) still gives a port.
  EXPECT_EQ(read({{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"SLURM_JOB_NODELIST", "n1"},
                  {"SLURM_JOB_ID", "67108864000000000123"}}).master_port,
            20000 + 123);
  // An explicit MASTER_ADDR / MASTER_PORT wins; a node list only scontrol knows is passed to it.
  const auto explicit_master = read({{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"MASTER_ADDR", "head"},
                                     {"MASTER_PORT", "31000"}, {"SLURM_JOB_NODELIST", "n[1-2]"}});
  EXPECT_EQ(explicit_master.master_addr, "head");
  EXPECT_EQ(explicit_master.master_port, 31000);
  EXPECT_EQ(read({{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "2"}, {"SLURM_JOB_NODELIST", "n[a-b]"}}).master_addr,
            "asked-scontrol-for-n[a-b]");
}

TEST(DistEnv, ABatchScriptWithoutSrunIsOneProcess) {
  // sbatch --ntasks=4 runs the script once: SLURM_NTASKS=4 but no step size, so no rendezvous.
  const auto d = read({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "4"}, {"SLURM_JOB_NODELIST", "n1"}});
  EXPECT_EQ(d.world_size, 1);
  EXPECT_EQ(d.launcher, "single");
  // torchrun inside an allocation: torchrun's variables win.
  const auto t = read({{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "1"}, {"RANK", "1"}, {"WORLD_SIZE", "2"},
                       {"MASTER_ADDR", "a"}, {"MASTER_PORT", "2"}, {"TORCHELASTIC_RUN_ID", "job"}});
  EXPECT_EQ(t.launcher, "torchrun");
  EXPECT_EQ(t.rank, 1);
}

TEST(DistEnv, SlurmTasksOnANode) {
  struct Row {
    std::string list;
    int node;
    std::optional<int> tasks;
  };
  const Row rows[] = {
      {"2", 0, 2},          {"2", 1, std::nullopt}, {"2(x3),1", 0, 2}, {"2(x3),1", 2, 2},
      {"2(x3),1", 3, 1},    {"2(x3),1", 4, std::nullopt}, {"4,2,1", 1, 2},   {"8(x2)", 1, 8},
      {"", 0, std::nullopt}, {"2(3)", 0, std::nullopt},   {"x", 0, std::nullopt}, {"2(x)", 0, std::nullopt},
      {"2(x3", 0, std::nullopt},
  };
  for (const auto& row : rows)
    EXPECT_EQ(slurm_tasks_on_node(row.list, row.node), row.tasks) << row.list << " @" << row.node;
  const auto d = read({{"SLURM_PROCID", "5"}, {"SLURM_STEP_NUM_TASKS", "7"}, {"SLURM_JOB_NODELIST", "n[1-4]"},
                       {"SLURM_STEP_TASKS_PER_NODE", "2(x3),1"}, {"SLURM_NODEID", "2"}, {"SLURM_JOB_ID", "1"}});
  EXPECT_EQ(d.ranks_on_node, 2);
  EXPECT_EQ(d.cpus_per_task, 0);
  const auto fallback = read({{"SLURM_PROCID", "0"}, {"SLURM_STEP_NUM_TASKS", "4"}, {"SLURM_JOB_NODELIST", "n1"},
                              {"SLURM_NTASKS_PER_NODE", "4"}, {"SLURM_CPUS_PER_TASK", "3"}, {"SLURM_JOB_ID", "1"}});
  EXPECT_EQ(fallback.ranks_on_node, 4);
  EXPECT_EQ(fallback.cpus_per_task, 3);
  EXPECT_FALSE(fallback.cpus_bound);
  Env bound = {{"SLURM_PROCID", "0"},
               {"SLURM_STEP_NUM_TASKS", "4"},
               {"SLURM_JOB_NODELIST", "n1"},
               {"SLURM_JOB_ID", "1"},
               {"SLURM_CPU_BIND_TYPE", "mask_cpu:"}};
  EXPECT_TRUE(read(bound).cpus_bound);
  bound["SLURM_CPU_BIND_TYPE"] = "none";
  EXPECT_FALSE(read(bound).cpus_bound);
}

// torchrun and srun start every rank on all the cores: a rank takes its share.
TEST(DistEnv, ARankTakesItsShareOfTheCores) {
  struct Row {
    int ranks_on_node, cpus_per_task;
    bool bound;
    int usable, threads;
  };
  const Row rows[] = {
      {1, 0, false, 16, 16}, {2, 0, false, 16, 8}, {3, 0, false, 16, 5}, {4, 0, false, 2, 1},  // never 0
      {2, 4, false, 16, 4},                                                                 // --cpus-per-task
      {2, 32, false, 16, 16},                                                               // not more than it may use
      {4, 0, true, 8, 8},  // srun bound each task to its 8 CPUs: not divided again
  };
  for (const auto& row : rows) {
    DistEnv env;
    env.ranks_on_node = row.ranks_on_node;
    env.cpus_per_task = row.cpus_per_task;
    env.cpus_bound = row.bound;
    EXPECT_EQ(threads_of_a_rank(env, row.usable), row.threads)
        << row.ranks_on_node << " ranks, cpus-per-task " << row.cpus_per_task << ", " << row.usable << " cores";
  }
}

TEST(DistEnv, FirstHostOfANodeList) {
  const struct {
    std::string list;
    std::optional<std::string> first;
  } cases[] = {
      {"localhost", "localhost"},  {"a,b", "a"},           {"node[07-09]", "node07"}, {"n[3,5]", "n3"},
      {"x1,n[2-3]", "x1"},         {"n[2-3],x1", "n2"},    {"n[a-b]", std::nullopt},  {"r[1-2]c[3-4]", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(first_host_of_nodelist(c.list), c.first) << c.list;
}

// A join that timed out blames the right side: rank 0 serves the store, so there the other ranks
// did not come; elsewhere rank 0 (or torchrun's agent) could not be reached.
TEST(DistEnv, AJoinThatTimedOutSaysWhoDidNotCome) {
  DistEnv env;
  env.world_size = 3;
  env.launcher = "torchrun";
  const struct {
    int rank;
    bool agent_store;
    const char* what;
    const char* fix;
  } cases[] = {
      {0, false, "rank 0 of 3 (torchrun) serves the job's store at tcp://h:1, and not every other rank joined it in 123 s",
       "start ranks 1 to 2 with WORLD_SIZE=3 and the same MASTER_ADDR:MASTER_PORT within 60 s of rank 0"},
      {2, false, "rank 2 of 3 (torchrun) could not join the job at tcp://h:1 in 123 s: Socket Timeout",
       "start rank 0 (it serves the store) and every other rank within 60 s"},
      {0, true, "rank 0 of 3 (torchrun) could not join the job at tcp://h:1 in 123 s",
       "start every rank under the same torchrun rendezvous"},
  };
  for (const auto& c : cases) {
    env.rank = c.rank;
    env.agent_store = c.agent_store;
    const auto e = join_failure(env, "tcp://h:1", 123, 60, "Socket Timeout");
    EXPECT_EQ(e.code(), ExitCode::kRuntime);
    EXPECT_EQ(std::string(e.what()).rfind(c.what, 0), 0u) << e.what();
    EXPECT_NE(e.fix().find(c.fix), std::string::npos) << e.fix();
  }
  // Rank 0 failing at once (its port is taken) is not the others' fault.
  env.rank = 0;
  env.agent_store = false;
  const auto bound = join_failure(env, "tcp://h:1", 0, 60, "Address already in use");
  EXPECT_EQ(std::string(bound.what()), "rank 0 of 3 (torchrun) could not serve the job's store at tcp://h:1: "
                                       "Address already in use");
  EXPECT_NE(bound.fix().find("MASTER_PORT must be free"), std::string::npos) << bound.fix();
}

}  // namespace
}  // namespace wb
