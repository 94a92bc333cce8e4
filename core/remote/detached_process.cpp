// The double fork behind `workbench-cli start`: only system calls between fork and exec.
#include "remote/detached_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/errors.hpp"

namespace wb {
namespace {

// Writes `text` to `path` with plain system calls (no allocation): safe between fork and exec.
void write_small_file(const char* path, const char* temporary, const char* text, std::size_t size) {
  const int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  (void)!write(fd, text, size);
  close(fd);
  rename(temporary, path);
}

}  // namespace

pid_t start_detached(const LaunchFolder& launch, const std::vector<std::string>& argv,
                     const std::filesystem::path& stdout_file, bool hold_stops) {
  // Everything the two forked processes need is made here: after fork only system calls.
  std::vector<std::string> words = argv;
  std::vector<char*> args;
  for (auto& w : words) args.push_back(w.data());
  args.push_back(nullptr);
  const std::string log = launch.output_log().string(), out = stdout_file.string();
  const std::string pid_file = launch.pid_file().string(), pid_tmp = pid_file + ".tmp";
  const std::string exit_file = launch.exit_file().string(), exit_tmp = exit_file + ".tmp";
  int ready[2];
  if (pipe2(ready, O_CLOEXEC) != 0) throw UserError(ExitCode::kRuntime, "cannot create a pipe to start the run");
  const pid_t supervisor = fork();
  if (supervisor < 0) throw UserError(ExitCode::kRuntime, "cannot fork to start the run");
  if (supervisor == 0) {
    setsid();
    const int null_in = open("/dev/null", O_RDONLY);
    const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(null_in, STDIN_FILENO);
    dup2(log_fd, STDOUT_FILENO);  // the supervisor holds nothing of the ssh session open
    dup2(log_fd, STDERR_FILENO);
    signal(SIGHUP, SIG_IGN);
    // The pid is published only once exec has happened (the close-on-exec pipe closes): until
    // then the process's command line does not name the launch, and `tail` would take it for gone.
    int exec_done[2];
    if (pipe2(exec_done, O_CLOEXEC) != 0) _exit(1);
    const pid_t run = fork();
    if (run == 0) {
      if (!out.empty()) dup2(open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
      signal(SIGHUP, SIG_DFL);
      if (hold_stops) {  // the mask survives exec; pending signals wait for the unblock
        sigset_t stops;
        sigemptyset(&stops);
        sigaddset(&stops, SIGINT);
        sigaddset(&stops, SIGTERM);
        sigprocmask(SIG_BLOCK, &stops, nullptr);
      }
      execv(args[0], args.data());
      const int error = errno;  // exec failed: the supervisor reads why instead of the pipe closing
      (void)!write(exec_done[1], &error, sizeof error);
      _exit(127);
    }
    close(exec_done[1]);
    if (run < 0) {  // no process to run it: the parent reports "did not start"
      const pid_t none = 0;
      (void)!write(ready[1], &none, sizeof none);
      _exit(1);
    }
    int exec_error = 0;
    ssize_t got_error = 0;
    while ((got_error = read(exec_done[0], &exec_error, sizeof exec_error)) < 0 && errno == EINTR) {
    }
    close(exec_done[0]);
    char text[64];
    int n = 0;
    if (got_error == static_cast<ssize_t>(sizeof exec_error)) {
      const pid_t failed = -exec_error;  // < 0: the parent reports errno -failed
      (void)!write(ready[1], &failed, sizeof failed);
    } else {
      n = snprintf(text, sizeof text, "%lld\n", static_cast<long long>(run));
      write_small_file(pid_file.c_str(), pid_tmp.c_str(), text, static_cast<std::size_t>(n));
      (void)!write(ready[1], &run, sizeof run);
    }
    close(ready[1]);
    int status = 0;
    while (run > 0 && waitpid(run, &status, 0) < 0 && errno == EINTR) {
    }
    n = WIFEXITED(status) ? snprintf(text, sizeof text, "{\"code\": %d}\n", WEXITSTATUS(status))
                          : snprintf(text, sizeof text, "{\"signal\": %d}\n", WTERMSIG(status));
    write_small_file(exit_file.c_str(), exit_tmp.c_str(), text, static_cast<std::size_t>(n));
    _exit(0);
  }
  close(ready[1]);
  pid_t run = -1;
  const bool got = read(ready[0], &run, sizeof run) == static_cast<ssize_t>(sizeof run);
  close(ready[0]);
  waitpid(supervisor, nullptr, WNOHANG);
  if (got && run < 0)
    throw UserError(ExitCode::kRuntime, "cannot execute " + argv.front() + ": " + std::strerror(static_cast<int>(-run)),
                    "check that the program exists and is executable on this host (reinstall workbench-cli, or "
                    "give the right --remote-cli)");
  if (!got || run <= 0)
    throw UserError(ExitCode::kRuntime, "the run did not start (see " + launch.output_log().string() + ")",
                    "check that the folder is writable and the host can fork");
  return run;
}

}  // namespace wb
