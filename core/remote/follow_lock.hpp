// One follower per remote launch. Two at once (`run --target` still following when `attach` is
// typed in another terminal, or the desktop app's job and a terminal) would each import every
// line, so every metric would be stored twice, and they would overwrite each other's offset.
// The follower holds an exclusive flock on HOME/remote/LAUNCH.json.lock; the kernel releases it
// when the process ends, however it ends, so a crash never leaves a stale lock.
#pragma once

#include <filesystem>

namespace wb {

class FollowLock {
 public:
  // Takes the lock of the launch whose import state is `state_file`. UserError (usage) naming the
  // launch and the other follower's pid when another process holds it.
  explicit FollowLock(const std::filesystem::path& state_file);
  ~FollowLock();
  FollowLock(const FollowLock&) = delete;
  FollowLock& operator=(const FollowLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace wb
