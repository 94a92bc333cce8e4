// Joining a data-parallel job from the CLI; see rank_join.hpp.
#include "cli/rank_join.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "cli/cli_context.hpp"
#include "common/errors.hpp"

namespace wb {
namespace {

// A duration in seconds from the environment variable `name` (`least` to 86400), else `fallback`.
std::chrono::milliseconds seconds_from_env(const char* name, int fallback, int least, const std::string& meaning) {
  const char* text = std::getenv(name);
  if (!text || !*text) return std::chrono::seconds(fallback);
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (*end != '\0' || !(seconds >= least && seconds <= 86400.0))
    throw UserError(ExitCode::kUsage, std::string(name) + "=" + text + " is not a number of seconds from " +
                                          std::to_string(least) + " to 86400",
                    "give " + std::to_string(least) + " to 86400 (" + meaning + "), or unset it for " +
                        std::to_string(fallback));
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

}  // namespace

std::chrono::milliseconds collective_timeout() {
  return seconds_from_env("WB_COLLECTIVE_TIMEOUT_S", 60, 1, "seconds a rank waits for the others in a collective");
}

std::chrono::milliseconds heartbeat_timeout() {
  return seconds_from_env("WB_HEARTBEAT_TIMEOUT_S", 30, 3, "seconds without a heartbeat after which a rank counts as dead");
}

JoinWatch::JoinWatch(const DistEnv& dist, std::chrono::milliseconds timeout, const std::atomic<bool>* stop)
    : thread_([this, dist, timeout, stop] { watch(dist, timeout, stop); }) {}

JoinWatch::~JoinWatch() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    joined_ = true;
  }
  joined_changed_.notify_all();
  thread_.join();
}

bool JoinWatch::wait_for_join(std::unique_lock<std::mutex>& lock, std::chrono::steady_clock::time_point until,
                              const std::atomic<bool>* stop) {
  // Sliced: a signal handler can set the stop flag but not notify a condition variable.
  constexpr std::chrono::milliseconds kSlice{100};
  while (!joined_) {
    if (stop && stop->load()) return false;
    const auto now = std::chrono::steady_clock::now();
    if (now >= until) return false;
    joined_changed_.wait_for(lock, std::min<std::chrono::steady_clock::duration>(kSlice, until - now));
  }
  return true;
}

void JoinWatch::watch(const DistEnv& dist, std::chrono::milliseconds timeout, const std::atomic<bool>* stop) {
  // A rank other than 0 writes to its log; the terminal it was started from is told too.
  auto say = [](const std::string& text) {
    (void)!write(STDERR_FILENO, text.data(), text.size());
    if (terminal_fd() >= 0) (void)!write(terminal_fd(), text.data(), text.size());
  };
  // The join holds the main thread and nothing is written yet: the process can end here.
  auto stopped = [&] {
    say(stopped_while_joining(dist) + "\n");
    _exit(static_cast<int>(ExitCode::kInterrupted));
  };
  const auto started = std::chrono::steady_clock::now();
  const auto notice_after = std::min(kNoticeAfter, timeout / 3);
  // c10d's join has two stages, each bounded by the timeout: the store, then the process group's
  // own rendezvous. A join past both (and a grace) waits on something that will not answer.
  const auto limit = 2 * timeout + kGrace;
  std::unique_lock<std::mutex> lock(mutex_);  // held to the end: the join cannot be marked done meanwhile
  if (wait_for_join(lock, started + notice_after, stop)) return;
  if (stop && stop->load()) stopped();
  const std::string text = notice(dist, timeout);
  (void)!write(terminal_fd() >= 0 ? terminal_fd() : STDERR_FILENO, text.data(), text.size());
  if (wait_for_join(lock, started + limit, stop)) return;
  if (stop && stop->load()) stopped();
  say(failure(dist, timeout, limit));
  _exit(static_cast<int>(ExitCode::kRuntime));
}

std::string JoinWatch::notice(const DistEnv& dist, std::chrono::milliseconds timeout) {
  const std::string at = "tcp://" + dist.master_addr + ":" + std::to_string(dist.master_port);
  const std::string others = "the other " + std::to_string(dist.world_size - 1) + " rank(s) to join at ";
  const std::string what = dist.agent_store ? "torchrun's store at " + at
                           : dist.is_main() ? others + at
                                            : "rank 0's store at " + at;
  return rank_label(dist) + ": waiting for " + what + " (up to " + std::to_string(2 * timeout.count() / 1000) +
         " s: the store, then the process group, " + std::to_string(timeout.count() / 1000) + " s each)\n";
}

std::string JoinWatch::failure(const DistEnv& dist, std::chrono::milliseconds timeout,
                               std::chrono::milliseconds waited) {
  const bool serves = dist.is_main() && !dist.agent_store;
  const auto error = join_failure(dist, "tcp://" + dist.master_addr + ":" + std::to_string(dist.master_port),
                                  static_cast<long>(waited.count() / 1000), static_cast<long>(timeout.count() / 1000),
                                  serves ? "they did not come"
                                         : "the store did not answer (is another program listening on that port?)");
  return "error: " + std::string(error.what()) + "\n  fix: " + error.fix() + "\n";
}

RankThreads rank_threads(const DistEnv& dist, int usable_cores) {
  RankThreads out{threads_of_a_rank(dist, usable_cores), ""};
  if (out.threads >= usable_cores) return out;
  const std::string who = rank_label(dist) + ": ";
  const std::string each = std::to_string(out.threads) + (out.threads == 1 ? " thread" : " threads");
  out.note = dist.cpus_per_task > 0
                 ? who + each + " (SLURM_CPUS_PER_TASK) for runs whose training.threads is 0; --threads sets it"
                 : who + std::to_string(dist.ranks_on_node) + " ranks share this host's " +
                       std::to_string(usable_cores) + " cores: " + each +
                       " each for runs whose training.threads is 0; --threads sets it";
  return out;
}

}  // namespace wb
