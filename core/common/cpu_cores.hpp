// The cores this process may run on: its CPU affinity (what taskset, numactl, a container's
// cpuset or Slurm's task binding leave it), not the machine's count; the machine's count where
// OpenMP's own binding (OMP_PROC_BIND) has pinned the thread that asks.
#pragma once

namespace wb {

// At least 1.
int usable_cores();

}  // namespace wb
