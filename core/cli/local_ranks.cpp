// Starting, watching and stopping the ranks of `--nproc N`.
#include "cli/local_ranks.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <random>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "cli/child_process.hpp"
#include "common/errors.hpp"
#include "common/free_port.hpp"

namespace wb {

LocalRanksOutcome run_local_ranks(const LocalRanksOptions& options) {
  using Clock = std::chrono::steady_clock;
  const int port = free_tcp_port();
  struct Rank {
    pid_t pid = -1;
    bool running = true;
    int status = 0;
  };
  std::vector<Rank> ranks(static_cast<std::size_t>(options.nproc));
  const std::string token = std::to_string(getpid()) + "-" + std::to_string(std::random_device{}());
  const std::string others = options.nproc == 2 ? "rank 1 logs to " + options.log_dir + "/rank-1.log"
                                                : "ranks 1-" + std::to_string(options.nproc - 1) + " log to " +
                                                      options.log_dir + "/rank-R.log";
  std::fprintf(stderr, "%d ranks: rank 0 reports here, %s\n", options.nproc, others.c_str());
  for (int r = 0; r < options.nproc; ++r) {
    SpawnOptions spawn;
    spawn.capture_output = false;
    spawn.env = {"RANK=" + std::to_string(r), "LOCAL_RANK=" + std::to_string(r),
                 "WORLD_SIZE=" + std::to_string(options.nproc), "LOCAL_WORLD_SIZE=" + std::to_string(options.nproc),
                 "MASTER_ADDR=127.0.0.1", "MASTER_PORT=" + std::to_string(port),
                 // Not torchrun's agent: rank 0 serves the store.
                 "TORCHELASTIC_USE_AGENT_STORE=False", "WB_JOB_TOKEN=" + token};
    try {
      ranks[static_cast<std::size_t>(r)].pid = spawn_child(options.rank_argv, spawn).pid;
    } catch (const std::exception& e) {
      for (const auto& started : ranks)
        if (started.pid > 0) kill(started.pid, SIGTERM);
      throw UserError(ExitCode::kRuntime, std::string("cannot start rank ") + std::to_string(r) + ": " + e.what(),
                      "check the process limits (ulimit -u) and free memory");
    }
  }
  bool forwarded = false;
  std::optional<Clock::time_point> first_failure;
  int alive = options.nproc;
  while (alive > 0) {
    if (!forwarded && options.stop && options.stop->load()) {
      forwarded = true;
      for (const auto& rank : ranks)
        if (rank.running) kill(rank.pid, SIGINT);
    }
    // A rank failed. The others notice in their next collective (their error names it); one that
    // waits elsewhere (rank 0 for a rank's data) is asked to stop after a while, killed after more.
    if (first_failure && !forwarded && Clock::now() - *first_failure > std::chrono::seconds(5)) {
      forwarded = true;
      for (const auto& rank : ranks)
        if (rank.running) kill(rank.pid, SIGINT);
    }
    if (first_failure && Clock::now() - *first_failure > std::chrono::seconds(options.grace_s)) {
      for (auto& rank : ranks)
        if (rank.running) kill(rank.pid, SIGKILL);
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid <= 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    for (auto& rank : ranks) {
      if (rank.pid != pid || !rank.running) continue;
      rank.running = false;
      rank.status = status;
      --alive;
      const bool failed = !(WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 130));
      if (failed && !first_failure) first_failure = Clock::now();
    }
  }
  // A rank killed by the SIGINT we forwarded (before it set up its handler) was interrupted.
  auto exit_code_of = [&](int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (forwarded && WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) return static_cast<int>(ExitCode::kInterrupted);
    return static_cast<int>(ExitCode::kRuntime);
  };
  LocalRanksOutcome outcome;
  outcome.rank_zero_pid = ranks[0].pid;
  int code = exit_code_of(ranks[0].status);
  if (WIFSIGNALED(ranks[0].status) && code != static_cast<int>(ExitCode::kInterrupted)) {
    outcome.rank_zero_killed = true;
    std::fprintf(stderr, "rank 0 %s\n", describe_wait_status(ranks[0].status).c_str());  // it could not say so itself
  }
  for (std::size_t r = 1; r < ranks.size(); ++r) {
    const int exit_code = exit_code_of(ranks[r].status);
    if (exit_code != 0 && exit_code != 130)
      std::fprintf(stderr, "rank %zu %s; its output: %s/rank-%zu.log\n", r, describe_wait_status(ranks[r].status).c_str(),
                   options.log_dir.c_str(), r);
    // Rank 0 speaks for the job; a rank's Ctrl-C after rank 0 finished changes nothing.
    if (code == 0 && exit_code != static_cast<int>(ExitCode::kInterrupted)) code = exit_code;
  }
  outcome.exit_code = code;
  return outcome;
}

}  // namespace wb
