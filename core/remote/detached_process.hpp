// Starting a launch's training process detached from the terminal and the ssh session that asked
// for it (`workbench-cli start`): a supervisor in a new session runs it and records its pid and
// how it ended in the launch folder, where `tail`, `stop` and `launch_process` read them.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "remote/launch_folder.hpp"

namespace wb {

// Starts argv (argv[0] an absolute program path) detached: a supervisor in a new session (no
// terminal, immune to the ssh session's end) starts it with stdin /dev/null, stdout and stderr
// appended to output.log (stdout to `stdout_file` instead when given), writes its pid, waits for
// it and writes how it ended to the exit file. Returns its pid; UserError when it did not start.
// `hold_stops`: it starts with SIGINT and SIGTERM blocked, so a `stop` sent before it can take
// one (a workbench-cli still loading) stays pending instead of killing it; workbench-cli unblocks
// them once its handlers are in (install_stop_handlers).
pid_t start_detached(const LaunchFolder& launch, const std::vector<std::string>& argv,
                     const std::filesystem::path& stdout_file = {}, bool hold_stops = false);

}  // namespace wb
