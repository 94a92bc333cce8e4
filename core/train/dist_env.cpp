// Parses the launchers' environment variables with errors that say what to set.
#include "train/dist_env.hpp"

#include <algorithm>
#include <cstdlib>

#include "common/errors.hpp"
#include "data/process.hpp"

namespace wb {
namespace {

int parse_count(const char* name, const std::string& text, int min, const char* unset_hint) {
  std::size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < min)
    throw UserError(ExitCode::kUsage, std::string(name) + "=" + text + " is not an integer >= " + std::to_string(min),
                    std::string("set it as the launcher does, or unset ") + unset_hint + " for a single process");
  return value;
}

int parse_port(const std::string& text) {
  const int port = parse_count("MASTER_PORT", text, 1, "MASTER_PORT");
  if (port > 65535)
    throw UserError(ExitCode::kUsage, "MASTER_PORT=" + text + " is not a TCP port", "use a free port from 1024 to 65535");
  return port;
}

void check_rank(const DistEnv& env, const std::string& rank_var, const std::string& world_var) {
  if (env.rank >= env.world_size)
    throw UserError(ExitCode::kUsage,
                    rank_var + "=" + std::to_string(env.rank) + " is not below " + world_var + "=" +
                        std::to_string(env.world_size),
                    "ranks run from 0 to the world size - 1");
}

std::string scontrol_first_host(const std::string& nodelist) {
  const auto result = run_command({"scontrol", "show", "hostnames", nodelist});
  const auto end = result.out.find('\n');
  if (result.exit_code != 0 || result.out.empty() || end == 0)
    throw UserError(ExitCode::kUsage,
                    "cannot find the first host of SLURM_JOB_NODELIST=" + nodelist +
                        (result.exit_code == 127 ? ": scontrol is not installed" : ": " + result.err),
                    "run inside a Slurm job step with scontrol in PATH, or set MASTER_ADDR (and MASTER_PORT) yourself");
  return result.out.substr(0, end);
}

DistEnv from_torchrun(const DistEnv::Lookup& lookup, const std::string& rank, const std::string& world) {
  constexpr const char* kUnset = "RANK and WORLD_SIZE";
  DistEnv env;
  // `--nproc` marks its ranks with a job token; torchrun's agent sets its run id.
  env.launcher = lookup("WB_JOB_TOKEN") ? "--nproc" : lookup("TORCHELASTIC_RUN_ID") ? "torchrun" : "RANK/WORLD_SIZE";
  env.world_size = parse_count("WORLD_SIZE", world, 1, kUnset);
  env.rank = parse_count("RANK", rank, 0, kUnset);
  const auto local = lookup("LOCAL_RANK");
  env.local_rank = local ? parse_count("LOCAL_RANK", *local, 0, kUnset) : env.rank;
  check_rank(env, "RANK", "WORLD_SIZE");
  if (const auto local_world = lookup("LOCAL_WORLD_SIZE"))
    env.ranks_on_node = parse_count("LOCAL_WORLD_SIZE", *local_world, 1, kUnset);
  if (const auto addr = lookup("MASTER_ADDR"); addr && !addr->empty()) env.master_addr = *addr;
  if (const auto port = lookup("MASTER_PORT")) env.master_port = parse_port(*port);
  const auto master_addr = lookup("MASTER_ADDR");
  if (env.world_size > 1 && (!master_addr || master_addr->empty() || !lookup("MASTER_PORT")))
    throw UserError(ExitCode::kUsage, "RANK and WORLD_SIZE are set but MASTER_ADDR or MASTER_PORT is not (or is empty)",
                    "set both to rank 0's host and a free port (torchrun does), e.g. MASTER_ADDR=127.0.0.1 "
                    "MASTER_PORT=29500");
  const auto agent = lookup("TORCHELASTIC_USE_AGENT_STORE");
  env.agent_store = agent && (*agent == "True" || *agent == "true" || *agent == "1");
  if (env.agent_store) {
    const auto restarts = lookup("TORCHELASTIC_RESTART_COUNT");
    env.store_prefix = "/worker/attempt_" + (restarts ? *restarts : std::string("0"));
  }
  return env;
}

DistEnv from_slurm(const DistEnv::Lookup& lookup, const DistEnv::FirstHost& first_host, const std::string& procid) {
  constexpr const char* kUnset = "SLURM_PROCID";
  // SLURM_STEP_NUM_TASKS is the srun step's size; a batch script itself (no srun) has none and
  // stays a single process even when the allocation has many tasks.
  const auto tasks = lookup("SLURM_STEP_NUM_TASKS");
  if (!tasks) return {};
  DistEnv env;
  env.launcher = "slurm";
  env.world_size = parse_count("SLURM_STEP_NUM_TASKS", *tasks, 1, kUnset);
  env.rank = parse_count("SLURM_PROCID", procid, 0, kUnset);
  const auto local = lookup("SLURM_LOCALID");
  env.local_rank = local ? parse_count("SLURM_LOCALID", *local, 0, kUnset) : env.rank;
  check_rank(env, "SLURM_PROCID", "SLURM_STEP_NUM_TASKS");
  if (const auto cpus = lookup("SLURM_CPUS_PER_TASK"))
    env.cpus_per_task = parse_count("SLURM_CPUS_PER_TASK", *cpus, 1, kUnset);
  if (const auto bind = lookup("SLURM_CPU_BIND_TYPE")) env.cpus_bound = !bind->empty() && bind->rfind("none", 0) != 0;
  const auto per_node = lookup("SLURM_STEP_TASKS_PER_NODE");
  const auto node = lookup("SLURM_NODEID");
  std::optional<int> on_node;
  if (per_node && node) on_node = slurm_tasks_on_node(*per_node, parse_count("SLURM_NODEID", *node, 0, kUnset));
  if (!on_node && lookup("SLURM_NTASKS_PER_NODE"))
    on_node = parse_count("SLURM_NTASKS_PER_NODE", *lookup("SLURM_NTASKS_PER_NODE"), 1, kUnset);
  env.ranks_on_node = std::max(1, on_node.value_or(1));
  if (env.world_size == 1) return env;
  if (const auto addr = lookup("MASTER_ADDR"); addr && !addr->empty()) {
    env.master_addr = *addr;
  } else {
    const auto nodelist = lookup("SLURM_STEP_NODELIST") ? lookup("SLURM_STEP_NODELIST") : lookup("SLURM_JOB_NODELIST");
    if (!nodelist)
      throw UserError(ExitCode::kUsage, "srun set SLURM_PROCID but neither SLURM_STEP_NODELIST nor SLURM_JOB_NODELIST",
                      "set MASTER_ADDR to the first node's host name");
    const auto simple = first_host_of_nodelist(*nodelist);
    env.master_addr = simple ? *simple : (first_host ? first_host(*nodelist) : scontrol_first_host(*nodelist));
  }
  if (const auto port = lookup("MASTER_PORT")) {
    env.master_port = parse_port(*port);
  } else if (const auto job = lookup("SLURM_JOB_ID")) {
    // The same port on every rank of a job, and different jobs on one node rarely collide.
    // Federated clusters' job ids pass 2^31: only their remainder is needed.
    if (job->empty() || job->find_first_not_of("0123456789") != std::string::npos)
      throw UserError(ExitCode::kUsage, "SLURM_JOB_ID=" + *job + " is not a job number",
                      "run inside a Slurm job, or set MASTER_PORT yourself");
    int remainder = 0;
    for (const char digit : *job) remainder = (remainder * 10 + (digit - '0')) % 20000;
    env.master_port = 20000 + remainder;
  }
  return env;
}

}  // namespace

int threads_of_a_rank(const DistEnv& env, int usable_cores) {
  if (env.cpus_per_task > 0) return std::min(env.cpus_per_task, std::max(1, usable_cores));
  if (env.cpus_bound) return std::max(1, usable_cores);  // its affinity is already its share
  return std::max(1, usable_cores / std::max(1, env.ranks_on_node));
}

std::optional<int> slurm_tasks_on_node(const std::string& tasks_per_node, int node) {
  // Comma-separated groups, each COUNT or COUNT(xREPEAT).
  std::size_t at = 0;
  int first_node_of_group = 0;
  while (at < tasks_per_node.size()) {
    const auto end = std::min(tasks_per_node.find(',', at), tasks_per_node.size());
    const std::string group = tasks_per_node.substr(at, end - at);
    std::size_t used = 0;
    int count = 0, repeat = 1;
    try {
      count = std::stoi(group, &used);
      if (used < group.size()) {
        if (group.compare(used, 2, "(x") != 0 || group.back() != ')') return std::nullopt;
        std::size_t repeat_used = 0;
        const std::string repeat_text = group.substr(used + 2, group.size() - used - 3);
        repeat = std::stoi(repeat_text, &repeat_used);
        if (repeat_used != repeat_text.size()) return std::nullopt;
      }
    } catch (const std::exception&) {
      return std::nullopt;
    }
    if (count < 0 || repeat < 1) return std::nullopt;
    if (node < first_node_of_group + repeat) return count;
    first_node_of_group += repeat;
    at = end + 1;
  }
  return std::nullopt;  // past the last node
}

std::optional<std::string> first_host_of_nodelist(const std::string& nodelist) {
  const auto comma = nodelist.find(',');
  const auto bracket = nodelist.find('[');
  if (bracket == std::string::npos) return nodelist.substr(0, comma);
  if (comma != std::string::npos && comma < bracket) return nodelist.substr(0, comma);
  // prefix[first-...]: the first number of the range keeps its zero padding.
  const auto stop = nodelist.find_first_of(",-]", bracket + 1);
  if (stop == std::string::npos || stop == bracket + 1) return std::nullopt;
  const std::string number = nodelist.substr(bracket + 1, stop - bracket - 1);
  if (number.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const auto close = nodelist.find(']', bracket);
  if (close == std::string::npos || (close + 1 < nodelist.size() && nodelist[close + 1] != ',')) return std::nullopt;
  return nodelist.substr(0, bracket) + number;
}

DistEnv DistEnv::from_environment(const Lookup& lookup_fn, const FirstHost& first_host) {
  auto lookup = lookup_fn ? lookup_fn : [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  const auto rank = lookup("RANK");
  const auto world = lookup("WORLD_SIZE");
  if (rank && world) return from_torchrun(lookup, *rank, *world);
  if (rank || world)
    throw UserError(ExitCode::kUsage, "only one of RANK and WORLD_SIZE is set",
                    "set both (torchrun does), or neither for a single process");
  if (const auto procid = lookup("SLURM_PROCID")) return from_slurm(lookup, first_host, *procid);
  return {};
}

std::string rank_label(const DistEnv& env) {
  return "rank " + std::to_string(env.rank) + " of " + std::to_string(env.world_size) + " (" + env.launcher + ")";
}

std::string stopped_while_joining(const DistEnv& env) {
  return rank_label(env) + " was stopped while the ranks joined; nothing was trained";
}

UserError join_failure(const DistEnv& env, const std::string& rendezvous, long waited_s, long timeout_s,
                       const std::string& cause) {
  const std::string who = rank_label(env);
  const std::string within = std::to_string(timeout_s) + " s";
  const bool serves = env.rank == 0 && !env.agent_store;
  if (serves && waited_s + 1 < timeout_s)  // failed before the others could be missed: the port
    return UserError(ExitCode::kRuntime, who + " could not serve the job's store at " + rendezvous + ": " + cause,
                     "MASTER_PORT must be free on rank 0's host and MASTER_ADDR one of its addresses: pick another "
                     "port (or end what holds it)");
  const std::string others =
      env.world_size == 2 ? std::string("rank 1") : "ranks 1 to " + std::to_string(env.world_size - 1);
  if (serves)  // it waited out the timeout: the others did not come
    return UserError(ExitCode::kRuntime,
                     who + " serves the job's store at " + rendezvous + ", and not every other rank joined it in " +
                         std::to_string(waited_s) + " s: " + cause,
                     "start " + others + " with WORLD_SIZE=" + std::to_string(env.world_size) +
                         " and the same MASTER_ADDR:MASTER_PORT within " + within + " of rank 0 (their logs say why "
                         "one did not join); MASTER_ADDR must be an address of rank 0's host that the others reach");
  return UserError(ExitCode::kRuntime,
                   who + " could not join the job at " + rendezvous + " in " + std::to_string(waited_s) + " s: " + cause,
                   std::string(env.agent_store ? "start every rank under the same torchrun rendezvous"
                                               : "start rank 0 (it serves the store) and every other rank") +
                       " within " + within + " of each other with the same MASTER_ADDR:MASTER_PORT; that host must "
                       "be reachable from here and the port free there");
}

}  // namespace wb
