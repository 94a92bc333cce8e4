// The cores this process may run on: its CPU affinity (what taskset, numactl, a container's
// cpuset or Slurm's task binding leave it), not the machine's count.
#pragma once

namespace wb {

// At least 1.
int usable_cores();

}  // namespace wb
