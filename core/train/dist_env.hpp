// Who this process is in a data-parallel job, from the variables its launcher set: torchrun
// (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT, and its agent's store), Slurm's srun
// (SLURM_PROCID, SLURM_STEP_NUM_TASKS, SLURM_LOCALID, the first host of SLURM_JOB_NODELIST), or
// `workbench-cli run --nproc N`, which sets torchrun's variables for its ranks.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "common/errors.hpp"

namespace wb {

struct DistEnv {
  int rank = 0;        // global rank; only rank 0 writes metrics, checkpoints and the database
  int world_size = 1;  // processes in the job
  int local_rank = 0;  // rank on this node: which GPU to use
  // single | torchrun | slurm | --nproc | RANK/WORLD_SIZE (torchrun's variables set by hand)
  std::string launcher = "single";
  std::string master_addr = "127.0.0.1";  // where rank 0 (or torchrun's agent) serves the store
  int master_port = 29500;
  // torchrun's agent already serves a store at MASTER_ADDR:MASTER_PORT: join it as a client,
  // under this key prefix ("/worker/attempt_N"), instead of serving one from rank 0.
  bool agent_store = false;
  std::string store_prefix;
  // Where the ranks other than 0 write rank-R.log (`--rank-logs`), for the messages that send a
  // user there; the CLI sets it (it is not a launcher's variable).
  std::string rank_log_dir = "HOME/logs";
  int ranks_on_node = 1;  // the job's ranks on this host: torchrun's LOCAL_WORLD_SIZE, Slurm's tasks on this node
  int cpus_per_task = 0;  // Slurm's --cpus-per-task (SLURM_CPUS_PER_TASK); 0: not given
  bool cpus_bound = false;  // srun bound this task to its own CPUs (SLURM_CPU_BIND_TYPE other than none)

  bool is_main() const { return rank == 0; }
  bool distributed() const { return world_size > 1; }

  using Lookup = std::function<std::optional<std::string>(const char*)>;
  // Expands a Slurm node list ("node[1-4]") to its first host name; the default runs
  // `scontrol show hostnames LIST`.
  using FirstHost = std::function<std::string(const std::string& nodelist)>;

  // Reads the variables through `lookup` (std::getenv by default). torchrun's win over Slurm's
  // (torchrun inside an allocation). Throws UserError naming the variable and the fix when they
  // are malformed or inconsistent (RANK >= WORLD_SIZE, only some of them set, ...).
  static DistEnv from_environment(const Lookup& lookup = {}, const FirstHost& first_host = {});
};

// "rank 1 of 2 (torchrun)": how a rank names itself in its messages.
std::string rank_label(const DistEnv& env);

// What a rank says when a stop request (Ctrl-C, `stop`) ends it while the ranks join.
std::string stopped_while_joining(const DistEnv& env);

// The error of a rank that could not join its job at `rendezvous` ("tcp://host:port") after
// `waited_s` (the join timeout: `timeout_s`): rank 0, which serves the store, names the ranks that
// did not come when it waited out the timeout, and its port when it failed before; the others
// name rank 0. `cause` is what the store said.
UserError join_failure(const DistEnv& env, const std::string& rendezvous, long waited_s, long timeout_s,
                       const std::string& cause);

// The threads of a rank whose run says "every core" (training.threads 0): Slurm's --cpus-per-task
// where given, the cores it may use where srun bound it to its own, else the cores this process
// may use split between the job's ranks on this host.
// torchrun and srun start every rank on all the cores, and OpenMP threads of ranks that share
// them spin-wait for each other: 10-30x slower on a 2-core machine. At least 1.
int threads_of_a_rank(const DistEnv& env, int usable_cores);

// The tasks Slurm runs on node `node` of a step, from SLURM_STEP_TASKS_PER_NODE's "2(x3),1" (two
// tasks on each of the first three nodes, one on the fourth); nullopt for a form it does not know.
std::optional<int> slurm_tasks_on_node(const std::string& tasks_per_node, int node);

// The first host of a Slurm node list: "a,b" -> "a", "n[03-05,7]" -> "n03" without asking Slurm;
// nullopt for forms it does not know (then `scontrol show hostnames` decides).
std::optional<std::string> first_host_of_nodelist(const std::string& nodelist);

}  // namespace wb
