// Joining a data-parallel job from the CLI: how long a rank waits for the others (from the
// environment, checked), and the notice a rank gives when joining takes a while.
#pragma once

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

// Says what a rank waits for once joining its job has taken a few seconds (5, or a third of a
// shorter timeout): a user watching one rank's terminal cannot tell a slow start from a rank
// that was never started. Quiet when the join ends sooner (the object's lifetime).
class SlowJoinNotice {
 public:
  SlowJoinNotice(const DistEnv& dist, std::chrono::milliseconds timeout);
  ~SlowJoinNotice();
  SlowJoinNotice(const SlowJoinNotice&) = delete;
  SlowJoinNotice& operator=(const SlowJoinNotice&) = delete;

 private:
  static std::string notice(const DistEnv& dist, std::chrono::milliseconds timeout);

  static constexpr std::chrono::milliseconds kNoticeAfter{5'000};
  std::mutex mutex_;
  std::condition_variable joined_changed_;
  bool joined_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace wb
