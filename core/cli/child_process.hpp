// Child processes for the scheduler: started with stdout and stderr on pipes, in their own
// process group (a terminal's Ctrl-C then reaches only the parent, which forwards it once: a
// second SIGINT would kill a child before its checkpoint), and sent SIGTERM by the kernel if the
// parent dies, so a killed scheduler leaves checkpointed, resumable runs.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace wb {

struct ChildProcess {
  pid_t pid = -1;
  int out_fd = -1;  // read ends of the child's stdout and stderr, non-blocking; -1 once closed
  int err_fd = -1;
};

struct SpawnOptions {
  bool capture_output = true;       // false: the child writes to this process's stdout and stderr
  std::vector<std::string> env;     // "NAME=value" set in the child on top of this environment
};

// argv[0] is the program (e.g. "/proc/self/exe"). Throws std::runtime_error when the pipes or
// the fork fail; a failed exec shows as exit status 127. Without captured output, out_fd and
// err_fd are -1.
ChildProcess spawn_child(const std::vector<std::string>& argv, const SpawnOptions& options = {});

// "exited with status 3", "was killed by signal 9 (Killed)": a waitpid status in words.
std::string describe_wait_status(int status);

// Cuts a byte stream into lines; a partial last line waits for the rest.
class LineSplitter {
 public:
  std::vector<std::string> feed(std::string_view bytes);  // complete lines, without '\n'
  std::string take_rest();                                 // at end of stream: what is left

 private:
  std::string pending_;
};

}  // namespace wb
