// RunSelection -> the store's runs (see run_selection.hpp).
#include "store/run_selection.hpp"

#include <algorithm>

#include "common/errors.hpp"

namespace wb {

ExperimentRow find_experiment(const RunStore& store, const std::string& id_or_name, const std::string& option) {
  const auto experiments = store.experiments();
  auto found = std::find_if(experiments.rbegin(), experiments.rend(), [&](const ExperimentRow& e) {
    return std::to_string(e.id) == id_or_name || e.name == id_or_name;
  });
  if (found == experiments.rend())
    throw UserError(ExitCode::kUsage, option + ": no experiment \"" + id_or_name + "\" in " + store.path().string(),
                    "give an experiment id or name as `workbench-cli runs` shows them");
  return *found;
}

std::vector<RunRow> select_runs(const RunStore& store, const RunSelection& selection) {
  if (selection.experiment.empty() == selection.runs.empty())
    throw UserError(ExitCode::kUsage, "give --experiment or --runs (one of them)",
                    "e.g. --experiment 3 or --experiment token-crisis-mini; ids and names as `workbench-cli runs` "
                    "lists them");
  std::vector<RunRow> rows;
  if (!selection.runs.empty()) {
    for (const auto& id : selection.runs) {
      auto row = store.find_run(id);
      if (!row)
        throw UserError(ExitCode::kUsage, "--runs: no run \"" + id + "\" in " + store.path().string(),
                        "list the runs with `workbench-cli runs`; give ids or exact names");
      rows.push_back(*row);
    }
  } else {
    rows = store.runs(find_experiment(store, selection.experiment).id);
  }
  if (!selection.match.empty())
    std::erase_if(rows, [&](const RunRow& r) { return r.name.find(selection.match) == std::string::npos; });
  return rows;
}

}  // namespace wb
