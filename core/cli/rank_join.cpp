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

SlowJoinNotice::SlowJoinNotice(const DistEnv& dist, std::chrono::milliseconds timeout)
    : thread_([this, text = notice(dist, timeout), after = std::min(kNoticeAfter, timeout / 3)] {
        {
          std::unique_lock<std::mutex> lock(mutex_);
          if (joined_changed_.wait_for(lock, after, [this] { return joined_; })) return;
        }
        (void)!write(terminal_fd() >= 0 ? terminal_fd() : STDERR_FILENO, text.data(), text.size());
      }) {}

SlowJoinNotice::~SlowJoinNotice() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    joined_ = true;
  }
  joined_changed_.notify_all();
  thread_.join();
}

std::string SlowJoinNotice::notice(const DistEnv& dist, std::chrono::milliseconds timeout) {
  const std::string at = "tcp://" + dist.master_addr + ":" + std::to_string(dist.master_port);
  const std::string others = "the other " + std::to_string(dist.world_size - 1) + " rank(s) to join at ";
  const std::string what = dist.agent_store ? "torchrun's store at " + at
                           : dist.is_main() ? others + at
                                            : "rank 0's store at " + at;
  return "rank " + std::to_string(dist.rank) + " of " + std::to_string(dist.world_size) + " (" + dist.launcher +
         "): waiting for " + what + " (up to " + std::to_string(timeout.count() / 1000) + " s)\n";
}

}  // namespace wb
