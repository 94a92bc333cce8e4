// A run named on the command line, by id or exact name: the newest of a reused name, with a note
// on stderr naming the others; a UserError that says what to give when there is none (and what
// to do with a launch id given instead). And an experiment named by an option, by id or name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "store/run_store.hpp"

namespace wb {

RunRow require_run(const RunStore& store, const std::string& id_or_name);

// The id of the experiment an option names, by id or name (the newest of that name, as `runs
// --experiment` takes it): an id is taken as it is (the command says when it does not exist), a
// name (anything but digits alone) is looked up in `db`: StoreError when there is no database,
// UserError (usage) naming `option` when it holds no such experiment. 0 for "" (not given).
std::int64_t experiment_id_of(const std::filesystem::path& db, const std::string& id_or_name,
                              const std::string& option);

}  // namespace wb
