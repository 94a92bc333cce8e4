// start_detached: the supervisor publishes the pid only once exec has happened, reports a program
// that cannot be executed (instead of a "started" run that is already gone) and records how the
// run ended.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "remote/detached_process.hpp"
#include "remote/launch_folder.hpp"

namespace wb {
namespace {

// Waits up to 10 s for the supervisor to write how the run ended.
std::string exit_status_of(const LaunchFolder& launch) {
  for (int i = 0; i < 200 && !std::filesystem::exists(launch.exit_file()); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::ifstream in(launch.exit_file());
  std::string text;
  std::getline(in, text);
  return text;
}

TEST(DetachedProcess, StartsTheProgramAndRecordsItsPidAndExit) {
  test::TempDir home;
  const auto launch = LaunchFolder::of(Workspace{home.path()}, "20261207-100000-abcdef");
  std::filesystem::create_directories(launch.dir);
  const pid_t pid = start_detached(launch, {"/bin/sh", "-c", "exit 3"});
  EXPECT_GT(pid, 0);
  std::ifstream pid_file(launch.pid_file());
  long long written = 0;
  pid_file >> written;
  EXPECT_EQ(written, pid);
  EXPECT_EQ(exit_status_of(launch), "{\"code\": 3}");
}

TEST(DetachedProcess, AProgramThatCannotRunIsAnErrorNotAStartedLaunch) {
  test::TempDir home;
  const auto launch = LaunchFolder::of(Workspace{home.path()}, "20261207-100000-ghijkl");
  std::filesystem::create_directories(launch.dir);
  try {
    start_detached(launch, {"/nonexistent/workbench-cli", "run", "x.json"});
    FAIL() << "no error for a program that does not exist";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot execute /nonexistent/workbench-cli: No such file or directory"),
              std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(launch.pid_file())) << "a pid was published for a program that never ran";
  EXPECT_EQ(exit_status_of(launch), "{\"code\": 127}");
}

}  // namespace
}  // namespace wb
