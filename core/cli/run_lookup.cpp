// Finding a run the user named; see run_lookup.hpp.
#include "cli/run_lookup.hpp"

#include <charconv>
#include <cstdio>
#include <vector>

#include "cli/cli_context.hpp"
#include "common/errors.hpp"
#include "common/joined.hpp"
#include "remote/launch_folder.hpp"
#include "store/run_selection.hpp"

namespace wb {

RunRow require_run(const RunStore& store, const std::string& id_or_name) {
  auto row = store.find_run(id_or_name);
  if (!row)
    throw UserError(ExitCode::kUsage, "no run \"" + id_or_name + "\" in " + store.path().string(),
                    looks_like_new_launch_id(id_or_name)
                        ? "that is a launch id: `workbench-cli launches` shows it, `workbench-cli start --resume " +
                              id_or_name + "` continues its experiment in a new launch"
                        : "list the runs with `workbench-cli runs`; give an id or an exact name");
  // A name reused by running a spec again: say which run this is, and how to reach the others.
  if (row->name == id_or_name) {
    std::vector<std::string> others;
    for (const auto& r : store.runs())
      if (r.name == row->name && r.id != row->id) others.push_back(std::to_string(r.id));
    if (!others.empty())
      std::fprintf(stderr, "note: runs %s are also named \"%s\"; this is the newest, run %lld (experiment %lld): "
                           "give an id for another\n",
                   joined(others).c_str(), row->name.c_str(), static_cast<long long>(row->id),
                   static_cast<long long>(row->experiment_id));
  }
  return *row;
}

std::int64_t experiment_id_of(const std::filesystem::path& db, const std::string& id_or_name,
                              const std::string& option) {
  if (id_or_name.empty()) return 0;
  if (id_or_name.find_first_not_of("0123456789") == std::string::npos) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(id_or_name.data(), id_or_name.data() + id_or_name.size(), id);
    if (error != std::errc() || id <= 0)
      throw UserError(ExitCode::kUsage, option + " " + id_or_name + ": not an experiment id",
                      "give an experiment id or name as `workbench-cli runs` shows them");
    return id;
  }
  return find_experiment(CliContext::open_store_for_reading(db), id_or_name, option).id;
}

}  // namespace wb
