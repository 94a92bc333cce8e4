// Joining a data-parallel job from the CLI: how long a rank waits for the others (from the
// environment, checked), the watch over a join that takes a while, and a rank's share of the cores.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "train/dist_env.hpp"

namespace wb {

// How long a collective may wait for the other ranks: WB_COLLECTIVE_TIMEOUT_S (default 60 s).
std::chrono::milliseconds collective_timeout();

// How long rank 0 waits on a rank whose heartbeat stopped before it gives the job up:
// WB_HEARTBEAT_TIMEOUT_S (default 30 s; the ranks beat every second: 3 s at least, so that one
// late beat is not a death).
std::chrono::milliseconds heartbeat_timeout();

// Watches a rank joining its job (for the object's lifetime). Once the join has taken a few
// seconds (5, or a third of a shorter timeout) it says what the rank waits for: a user watching
// one rank's terminal cannot tell a slow start from a rank that was never started. Once it has
// taken twice the timeout and 5 s more (the store and the process group each wait up to the
// timeout), it ends the process with the join's error (exit 1): c10d bounds its own waits, but not
// all of them (a client whose port another program holds waits on that program). A stop request
// (Ctrl-C, `stop`) during the join ends the process at once as interrupted (exit 130): c10d's
// store waits out its timeout for a rank that the same Ctrl-C stopped, and nothing is trained yet.
class JoinWatch {
 public:
  JoinWatch(const DistEnv& dist, std::chrono::milliseconds timeout, const std::atomic<bool>* stop);
  ~JoinWatch();
  JoinWatch(const JoinWatch&) = delete;
  JoinWatch& operator=(const JoinWatch&) = delete;

 private:
  static std::string notice(const DistEnv& dist, std::chrono::milliseconds timeout);
  static std::string failure(const DistEnv& dist, std::chrono::milliseconds timeout, std::chrono::milliseconds waited);
  void watch(const DistEnv& dist, std::chrono::milliseconds timeout, const std::atomic<bool>* stop);
  // Waits until the join is done (true), `until` passes or a stop is requested (false).
  bool wait_for_join(std::unique_lock<std::mutex>& lock, std::chrono::steady_clock::time_point until,
                     const std::atomic<bool>* stop);

  static constexpr std::chrono::milliseconds kNoticeAfter{5'000};
  static constexpr std::chrono::milliseconds kGrace{5'000};
  std::mutex mutex_;
  std::condition_variable joined_changed_;
  bool joined_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

// For a rank started without --threads: what training.threads 0 means for it (its share of the
// cores, threads_of_a_rank), and the line that says so when sharing changed it ("" otherwise).
struct RankThreads {
  int threads = 0;
  std::string note;
};
RankThreads rank_threads(const DistEnv& dist, int usable_cores);

}  // namespace wb
