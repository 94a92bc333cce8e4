// Runs the built workbench-cli as a user does (a shell command with --home in a temp folder) and
// captures exit code, stdout and stderr. Shared by the CLI end-to-end tests, with a fixture whose
// workspace has a small corpus.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "common/synthetic_corpus.hpp"
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

// A fixture: a temporary folder whose workspace (`dir/home`) has the synthetic corpus imported
// as "tiny", and `cli(ARGS)` runs workbench-cli in it.
class TinyCorpusCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_synthetic_folder(dir / "docs");
    ASSERT_EQ(cli("data import tiny --from " + (dir / "docs").string()).code, 0);
  }

  CliResult cli(const std::string& args) { return run_workbench_cli(dir / "home", args, dir / "stderr.txt"); }

  TempDir dir;
};

}  // namespace wb::test
