// The local ssh processes of a remote launch: started with stdin from a file (the spec for
// `start`, /dev/null otherwise), stdout on a pipe (the remote command's output), stderr shared
// with ours (ssh's and the remote command's messages reach the user as they are), in a process
// group of their own (a terminal's Ctrl-C reaches only workbench-cli, which decides what it
// means) and sent SIGTERM by the kernel if workbench-cli dies.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace wb {

struct PipedProcess {
  pid_t pid = -1;
  int out_fd = -1;  // read end of its stdout (blocking); the caller closes it
};

// argv[0] is looked up in PATH. Throws UserError when it is not there (the fix names
// openssh-client) or the fork fails.
PipedProcess spawn_piped(const std::vector<std::string>& argv, const std::filesystem::path& stdin_file = "/dev/null");

// Waits for it; its exit code, or 128 + the signal that ended it.
int wait_exit_code(pid_t pid);

// Runs argv to its end: its stdout, and its exit code in `code`.
std::string run_piped(const std::vector<std::string>& argv, int& code,
                      const std::filesystem::path& stdin_file = "/dev/null");

}  // namespace wb
