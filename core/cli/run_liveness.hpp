// Whether a run marked "running" still has a live process: a run killed with SIGKILL (or lost
// with its machine) stays "running" in the database, and users must be told it can be resumed.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "store/run_store.hpp"

namespace wb {

inline std::string this_host_name() {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  return host;
}

inline bool process_alive(std::int64_t pid) {
  return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// How tables show a run marked "running" whose process is gone (is_orphaned).
inline constexpr const char* kKilledStatus = "killed?";

// True when the run says "running" but its process on this host is gone. Runs on other hosts
// cannot be checked from here and count as alive.
inline bool is_orphaned(const RunRow& run) {
  return run.status == "running" && run.environment.host == this_host_name() && !process_alive(run.environment.pid);
}

}  // namespace wb
