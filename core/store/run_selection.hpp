// Which runs a command or view works on: an experiment (by id, or the newest of that name: a
// preset run twice is two experiments) or a list of runs (ids or exact names), optionally only
// those whose name contains some text. Shared by `workbench-cli scaling fit`, `workbench-cli
// export` and the desktop app's `workbench export`.
#pragma once

#include <string>
#include <vector>

#include "store/run_store.hpp"

namespace wb {

struct RunSelection {
  std::string experiment;          // id or name
  std::vector<std::string> runs;   // ids or exact names
  std::string match;               // keep runs whose name contains this ("" = all)
};

// An experiment by id or name (the newest of that name); UserError (usage) naming `option` when
// there is none.
ExperimentRow find_experiment(const RunStore& store, const std::string& id_or_name,
                              const std::string& option = "--experiment");

// Throws UserError (usage) when neither or both of experiment and runs are given, or one of them
// names nothing in the store; the message names the option and how to list what exists.
std::vector<RunRow> select_runs(const RunStore& store, const RunSelection& selection);

}  // namespace wb
