// The SIGINT/SIGTERM handler of a training process; see stop_signals.hpp.
#include "cli/stop_signals.hpp"

#include <pthread.h>
#include <signal.h>
#include <time.h>

namespace wb {
namespace {

static_assert(std::atomic<std::int64_t>::is_always_lock_free, "read and written in a signal handler");
static_assert(std::atomic<bool>::is_always_lock_free, "written in a signal handler");

std::atomic<bool>* g_stop = nullptr;
std::atomic<std::int64_t> g_first_at{0};
std::atomic<std::int64_t> g_first_sender{-1};

// Only async-signal-safe calls. SIGINT and SIGTERM are blocked while it runs (sa_mask), so the
// first signal's record is whole before a second is looked at.
extern "C" void on_stop_signal(int number, siginfo_t* info, void*) {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const bool from_process =
      info && (info->si_code == SI_USER || info->si_code == SI_QUEUE || info->si_code == SI_TKILL);
  const StopSignal signal{static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec,
                          from_process ? static_cast<std::int64_t>(info->si_pid) : -1};
  if (!g_stop->load()) {
    g_first_at.store(signal.at_ns);
    g_first_sender.store(signal.sender);
    g_stop->store(true);
    return;
  }
  if (is_passed_on({g_first_at.load(), g_first_sender.load()}, signal)) return;
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigaction(number, &default_action, nullptr);
  raise(number);  // delivered once this handler returns
}

}  // namespace

void install_stop_handlers(std::atomic<bool>* stop) {
  g_stop = stop;
  struct sigaction action {};
  action.sa_sigaction = on_stop_signal;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // A launch's process starts with both blocked (start_detached's hold_stops): a stop that came
  // while it loaded is delivered now, to the handler.
  sigset_t stops;
  sigemptyset(&stops);
  sigaddset(&stops, SIGINT);
  sigaddset(&stops, SIGTERM);
  pthread_sigmask(SIG_UNBLOCK, &stops, nullptr);
}

}  // namespace wb
