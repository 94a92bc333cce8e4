// Parses torchrun's environment variables with errors that say what to set.
#include "train/dist_env.hpp"

#include <cstdlib>

#include "common/errors.hpp"

namespace wb {
namespace {

int parse_count(const char* name, const std::string& text, int min) {
  std::size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < min)
    throw UserError(ExitCode::kUsage, std::string(name) + "=" + text + " is not an integer >= " + std::to_string(min),
                    "set it as torchrun does, or unset RANK, WORLD_SIZE and LOCAL_RANK for a single process");
  return value;
}

}  // namespace

DistEnv DistEnv::from_environment(const std::function<std::optional<std::string>(const char*)>& lookup_fn) {
  auto lookup = lookup_fn ? lookup_fn : [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  auto rank = lookup("RANK");
  auto world = lookup("WORLD_SIZE");
  auto local = lookup("LOCAL_RANK");
  DistEnv env;
  if (!rank && !world) return env;
  if (!rank || !world)
    throw UserError(ExitCode::kUsage, "only one of RANK and WORLD_SIZE is set",
                    "set both (torchrun does), or neither for a single process");
  env.world_size = parse_count("WORLD_SIZE", *world, 1);
  env.rank = parse_count("RANK", *rank, 0);
  env.local_rank = local ? parse_count("LOCAL_RANK", *local, 0) : env.rank;
  if (env.rank >= env.world_size)
    throw UserError(ExitCode::kUsage,
                    "RANK=" + *rank + " is not below WORLD_SIZE=" + *world,
                    "ranks run from 0 to WORLD_SIZE - 1");
  return env;
}

}  // namespace wb
