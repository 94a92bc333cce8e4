// Runs the built workbench-cli as a user does (a shell command with --home in a temp folder) and
// captures exit code, stdout and stderr. Shared by the CLI end-to-end tests.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "common/temp_dir.hpp"

namespace wb::test {

struct CliResult {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline CliResult run_workbench_cli(const std::filesystem::path& home, const std::string& args,
                                   const std::filesystem::path& err_file) {
  const std::string command =
      std::string(WB_CLI_PATH) + " --home " + home.string() + " " + args + " 2>" + err_file.string();
  CliResult r;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err_file);
  return r;
}

}  // namespace wb::test
