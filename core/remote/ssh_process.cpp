// fork + exec with a piped stdout, as child_process.cpp does for workers, plus a stdin file.
#include "remote/ssh_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "common/errors.hpp"

namespace wb {
namespace {

std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  throw UserError(ExitCode::kUsage, "\"" + name + "\" is not in PATH",
                  "install the OpenSSH client (Debian: apt-get install openssh-client), or set WB_SSH to its path");
}

}  // namespace

PipedProcess spawn_piped(const std::vector<std::string>& argv_in, const std::filesystem::path& stdin_file) {
  std::vector<std::string> argv = argv_in;
  argv[0] = find_program(argv[0]);
  std::vector<char*> args;
  for (auto& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  const std::string input = stdin_file.string();
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0)
    throw UserError(ExitCode::kRuntime, std::string("cannot create a pipe for ssh: ") + std::strerror(errno));
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(out[0]);
    close(out[1]);
    throw UserError(ExitCode::kRuntime, std::string("cannot start ssh: ") + std::strerror(errno));
  }
  if (pid == 0) {  // only async-signal-safe calls from here to exec
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(130);
    const int in = open(input.c_str(), O_RDONLY);
    if (in < 0) _exit(126);
    dup2(in, STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  return {pid, out[0]};
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 255;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string run_piped(const std::vector<std::string>& argv, int& code, const std::filesystem::path& stdin_file) {
  const auto process = spawn_piped(argv, stdin_file);
  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(process.out_fd, buffer, sizeof buffer);
    if (n > 0) out.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  close(process.out_fd);
  code = wait_exit_code(process.pid);
  return out;
}

}  // namespace wb
