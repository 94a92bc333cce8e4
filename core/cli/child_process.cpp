// fork + exec with piped output, a process group of its own and a parent-death signal.
#include "cli/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace wb {
namespace {

void close_pair(int fds[2]) {
  if (fds[0] >= 0) close(fds[0]);
  if (fds[1] >= 0) close(fds[1]);
}

}  // namespace

ChildProcess spawn_child(const std::vector<std::string>& argv, const SpawnOptions& options) {
  // Everything the child needs is built before fork: between fork and exec only
  // async-signal-safe calls are allowed (LibTorch may have started threads in the parent).
  // "/proc/self/exe" runs this very binary even if it was replaced on disk since; ps shows the
  // program's path as the child's first word, not that link (and run_cli names the process).
  const std::string program = argv.at(0);
  std::string shown = program;
  if (program == "/proc/self/exe") {
    std::error_code error;
    shown = std::filesystem::read_symlink(program, error).string();
    if (error || shown.empty()) shown = program;
  }
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args[0] = shown.data();
  args.push_back(nullptr);
  std::vector<std::string> env_strings = options.env;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const auto& mine : options.env) replaced = replaced || mine.rfind(name, 0) == 0;
    if (!replaced) env_strings.emplace_back(entry);
  }
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  int out[2] = {-1, -1}, err[2] = {-1, -1};
  if (options.capture_output && (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)) {
    const std::string reason = std::strerror(errno);
    close_pair(out);
    close_pair(err);
    throw std::runtime_error("cannot create pipes for a worker process: " + reason);
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    const std::string reason = std::strerror(errno);
    close_pair(out);
    close_pair(err);
    throw std::runtime_error("cannot start a worker process: " + reason);
  }
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(130);  // the parent died before the line above took effect
    if (out[1] >= 0) {
      dup2(out[1], STDOUT_FILENO);  // dup2 clears O_CLOEXEC on the copies
      dup2(err[1], STDERR_FILENO);
    }
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    execve(program.c_str(), args.data(), envp.data());
    _exit(127);
  }
  if (!options.capture_output) return {pid, -1, -1};
  close(out[1]);
  close(err[1]);
  fcntl(out[0], F_SETFL, fcntl(out[0], F_GETFL) | O_NONBLOCK);
  fcntl(err[0], F_SETFL, fcntl(err[0], F_GETFL) | O_NONBLOCK);
  return {pid, out[0], err[0]};
}

std::string describe_wait_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  return "ended with wait status " + std::to_string(status);
}

std::vector<std::string> LineSplitter::feed(std::string_view bytes) {
  pending_.append(bytes);
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = pending_.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(pending_.substr(start, end - start));
  pending_.erase(0, start);
  return lines;
}

std::string LineSplitter::take_rest() {
  std::string rest;
  rest.swap(pending_);
  return rest;
}

}  // namespace wb
