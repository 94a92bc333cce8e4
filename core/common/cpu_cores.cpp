// sched_getaffinity, with the machine's count where it fails or cannot be trusted.
#include "common/cpu_cores.hpp"

#include <sched.h>
#include <strings.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace wb {
namespace {

// With OMP_PROC_BIND (or GNU's GOMP_CPU_AFFINITY) set, libgomp pins the main thread to its first
// place as LibTorch's OpenMP loads: its affinity then says 1, whatever the process may use.
bool openmp_pinned_this_thread() {
  const char* bind = std::getenv("OMP_PROC_BIND");
  const char* gomp = std::getenv("GOMP_CPU_AFFINITY");
  return (bind && *bind && strcasecmp(bind, "false") != 0) || (gomp && *gomp);
}

}  // namespace

int usable_cores() {
  const int machine = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (openmp_pinned_this_thread()) return machine;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return machine;
}

}  // namespace wb
