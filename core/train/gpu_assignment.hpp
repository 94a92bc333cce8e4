// Which GPU each rank of a data-parallel job takes, and the check that no two ranks of a job share
// one. Pure functions, used by the trainer (its device) and the NCCL setup (gpu/nccl_collectives).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wb {

// LOCAL_RANK modulo the GPUs this process sees: GPU LOCAL_RANK where every rank of a node sees all
// of them (torchrun, --nproc), GPU 0 for a Slurm task that sees only its own (--gpus-per-task or
// --gpu-bind: CUDA_VISIBLE_DEVICES then names one). -1 when it sees none.
inline int gpu_for_local_rank(int local_rank, int visible_gpus) {
  return visible_gpus > 0 ? local_rank % visible_gpus : -1;
}

// The first two ranks (lowest second rank, then lowest first) whose GPU ids are equal; the ids
// come one per rank, in rank order, as "host/PCI bus id" (plus the machine's boot id, as NCCL
// tells hosts apart), or "" where the GPU could not be identified. NCCL refuses a group in which
// two ranks share a GPU ("Duplicate GPU detected"); nullopt when each rank has its own.
inline std::optional<std::pair<int, int>> first_shared_gpu(const std::vector<std::string>& gpu_of_rank) {
  for (std::size_t second = 1; second < gpu_of_rank.size(); ++second)
    for (std::size_t first = 0; first < second; ++first)
      if (!gpu_of_rank[second].empty() && gpu_of_rank[first] == gpu_of_rank[second])
        return std::pair{static_cast<int>(first), static_cast<int>(second)};
  return std::nullopt;
}

}  // namespace wb
