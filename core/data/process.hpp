// Runs external programs for the corpus recipes (apt-get, npm, tar, bible, diatheke, man)
// without a shell: arguments go straight to execvp, so no name or path can inject a command.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace wb {

struct CommandResult {
  int exit_code = -1;  // 127 when the program could not be started
  std::string out;     // everything it wrote to stdout
  std::string err;     // everything it wrote to stderr
};

// Runs argv (argv[0] looked up in PATH) with stdin from /dev/null, in `working_dir` when given.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::filesystem::path& working_dir = {});

// True when `program` is an executable in PATH.
bool program_in_path(const std::string& program);

// "apt-get install -y x" for messages.
std::string command_line(const std::vector<std::string>& argv);

}  // namespace wb
