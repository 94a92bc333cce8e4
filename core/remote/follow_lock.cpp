// FollowLock: flock(2) on a side file (never on the state file, which is replaced by renames).
#include "remote/follow_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "common/errors.hpp"

namespace wb {

FollowLock::FollowLock(const std::filesystem::path& state_file) {
  std::filesystem::create_directories(state_file.parent_path());
  const std::string path = state_file.string() + ".lock";
  // Close-on-exec: the ssh processes the follower starts must not keep the lock after it ends.
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw UserError(ExitCode::kRuntime, "cannot open " + path + ": " + std::strerror(errno),
                    "check the permissions of " + state_file.parent_path().string());
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    char pid[32] = {};
    (void)!pread(fd_, pid, sizeof pid - 1, 0);
    close(fd_);
    fd_ = -1;
    const std::string launch = state_file.stem().string();
    const std::string holder(pid, strcspn(pid, "\n"));  // empty in the instant the holder writes it
    if (error == EWOULDBLOCK)
      throw UserError(ExitCode::kUsage,
                      "launch " + launch + " is already being followed by another workbench-cli" +
                          (holder.empty() ? std::string() : " (pid " + holder + ")") + ", which imports its events",
                      "watch it there (or in the desktop app); to follow it here instead, detach that one "
                      "(Ctrl-C twice, or kill it), then `workbench-cli attach " + launch + "`");
    throw UserError(ExitCode::kRuntime, "cannot lock " + path + ": " + std::strerror(error),
                    "put --home on a local file system that supports flock");
  }
  const std::string text = std::to_string(getpid()) + "\n";
  if (ftruncate(fd_, 0) == 0) (void)!pwrite(fd_, text.data(), text.size(), 0);
}

FollowLock::~FollowLock() {
  if (fd_ >= 0) close(fd_);  // releases the lock; the file stays (removing it would race a new taker)
}

}  // namespace wb
