// Ctrl-C and SIGTERM for a training process: the first asks it to stop after the current step
// (checkpoint, run `interrupted`, exit 130); a second one kills it, as a user pressing Ctrl-C
// twice means. Except a repeat that is the same request passed on: a Ctrl-C in torchrun's
// terminal reaches every rank directly (the terminal's whole process group) and again,
// milliseconds later, forwarded by torchrun; scancel's SIGTERM can come from two Slurm daemons.
// Those come from another sender within a moment, and are ignored. So is a repeat from anyone
// within a tenth of a second: `timeout -s INT` signals its child and then its whole process
// group, two deliveries microseconds apart, and no one presses Ctrl-C twice that fast.
#pragma once

#include <atomic>
#include <cstdint>

namespace wb {

// Who sent a signal and when: the kernel for a terminal's Ctrl-C (sender -1), else the process
// that called kill().
struct StopSignal {
  std::int64_t at_ns = 0;  // CLOCK_MONOTONIC
  std::int64_t sender = -1;
};

// A repeat within this long, from another sender, passes the first request on.
constexpr std::int64_t kPassedOnWithinNs = 2'000'000'000;
// A repeat within this long, from any sender, is the first request delivered twice.
constexpr std::int64_t kDeliveredTwiceWithinNs = 100'000'000;

constexpr bool is_passed_on(const StopSignal& first, const StopSignal& repeat) {
  const std::int64_t gap = repeat.at_ns - first.at_ns;
  return gap < kDeliveredTwiceWithinNs || (repeat.sender != first.sender && gap < kPassedOnWithinNs);
}

// Installs the handlers for SIGINT and SIGTERM: the first sets `*stop`; a repeat that is not
// passed on restores the default action and re-raises (the process dies of the signal).
void install_stop_handlers(std::atomic<bool>* stop);

}  // namespace wb
