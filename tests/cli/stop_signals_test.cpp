// Ctrl-C twice kills; the same Ctrl-C passed on by a launcher (torchrun, Slurm) does not: the
// rule as a table, and the handler in real processes (a child signals itself, and is signalled
// by its parent).
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "cli/stop_signals.hpp"

namespace wb {
namespace {

constexpr std::int64_t kMs = 1'000'000;

TEST(StopSignals, ARepeatFromAnotherSenderSoonAfterOrFromAnyoneAtOnceIsTheSameRequest) {
  struct Row {
    StopSignal first, repeat;
    bool passed_on;
  };
  const Row rows[] = {
      {{0, -1}, {5 * kMs, 4242}, true},       // the terminal's Ctrl-C, then torchrun's forwarded one
      {{0, 100}, {50 * kMs, 200}, true},      // two Slurm daemons' SIGTERMs
      {{0, -1}, {300 * kMs, -1}, false},      // Ctrl-C pressed twice: kill
      {{0, 4242}, {0, 4242}, true},           // `timeout -s INT`: its child, then its process group
      {{0, 4242}, {99 * kMs, 4242}, true},    // ... still one request within a tenth of a second
      {{0, 4242}, {150 * kMs, 4242}, false},  // `kill -INT` twice from one shell, a moment apart: kill
      {{0, -1}, {2500 * kMs, 4242}, false},   // another sender, but much later: kill
  };
  for (const auto& row : rows)
    EXPECT_EQ(is_passed_on(row.first, row.repeat), row.passed_on)
        << row.first.sender << " then " << row.repeat.sender << " after " << row.repeat.at_ns / kMs << " ms";
}

// A child with the handlers installed; `then` runs in it after the first SIGINT (sent to
// itself) was handled; the child exits 0 if the stop flag was set and it is still alive.
template <typename Then>
int child_status(Then then) {
  const pid_t pid = fork();
  if (pid == 0) {
    static std::atomic<bool> stop{false};
    install_stop_handlers(&stop);
    kill(getpid(), SIGINT);
    then();
    _exit(stop.load() ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST(StopSignals, ASecondSignalFromTheSameSenderKills) {
  const int status = child_status([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // not the first one delivered twice
    kill(getpid(), SIGINT);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // dies before it gets here
  });
  ASSERT_TRUE(WIFSIGNALED(status)) << "exited " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGINT);
}

TEST(StopSignals, TheSameSignalPassedOnByAnotherProcessIsIgnored) {
  const int status = child_status([] {
    // The parent of this child forwards it, as torchrun does: another sender, at once.
    const pid_t forwarder = fork();
    if (forwarder == 0) {
      kill(getppid(), SIGTERM);
      _exit(0);
    }
    waitpid(forwarder, nullptr, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  });
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the stop flag was set";
}

// `timeout -s INT` signals its child, then its process group: one stop, a checkpoint, not a kill.
TEST(StopSignals, ASignalDeliveredTwiceAtOnceIsOneStop) {
  const int status = child_status([] {
    kill(getpid(), SIGINT);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  });
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the stop flag was set";
}

}  // namespace
}  // namespace wb
