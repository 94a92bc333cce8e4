// A run named on the command line, by id or exact name: the newest of a reused name, with a note
// on stderr naming the others; a UserError that says what to give when there is none (and what
// to do with a launch id given instead).
#pragma once

#include <string>

#include "store/run_store.hpp"

namespace wb {

RunRow require_run(const RunStore& store, const std::string& id_or_name);

}  // namespace wb
