// Rank and world size from the environment, as torchrun sets them (RANK, WORLD_SIZE, LOCAL_RANK).
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace wb {

struct DistEnv {
  int rank = 0;        // global rank; only rank 0 writes metrics, checkpoints and the database
  int world_size = 1;  // processes in the job
  int local_rank = 0;  // rank on this node: which GPU to use

  bool is_main() const { return rank == 0; }

  // Reads the variables through `lookup` (std::getenv by default). Throws UserError when they
  // are malformed or inconsistent (RANK >= WORLD_SIZE, only some of them set, ...).
  static DistEnv from_environment(
      const std::function<std::optional<std::string>(const char*)>& lookup = {});
};

}  // namespace wb
