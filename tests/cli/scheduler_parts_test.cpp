// The scheduler's pure parts: the multi-run status line and its rates, each worker's thread
// share, line splitting of worker output, and wait statuses in words.
#include <gtest/gtest.h>

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <thread>

#include "cli/child_process.hpp"
#include "cli/multi_run_status.hpp"
#include "cli/scheduler.hpp"

namespace wb {
namespace {

RunProgress progress(const char* name, std::int64_t first_step, double first_wall_s, std::int64_t step, double wall_s) {
  RunProgress p;
  p.name = name;
  p.total_steps = 1000;
  p.tokens_per_step = 256;
  p.first_step = first_step;
  p.first_wall_s = first_wall_s;
  p.step = step;
  p.wall_s = wall_s;
  return p;
}

struct RateCase {
  RunProgress run;
  double eta_s;          // NaN: unknown
  double tokens_per_s;
};

class ProgressRates : public ::testing::TestWithParam<RateCase> {};

TEST_P(ProgressRates, FromTheFirstStepSeen) {
  const auto& c = GetParam();
  if (std::isnan(c.eta_s)) EXPECT_TRUE(std::isnan(progress_eta_seconds(c.run)));
  else EXPECT_DOUBLE_EQ(progress_eta_seconds(c.run), c.eta_s);
  EXPECT_DOUBLE_EQ(progress_tokens_per_second(c.run), c.tokens_per_s);
}

INSTANTIATE_TEST_SUITE_P(
    MultiRunStatus, ProgressRates,
    ::testing::Values(
        RateCase{progress("fresh", 100, 10.0, 300, 20.0), 35.0, 200 * 256 / 10.0},  // 20 steps/s, 700 left
        // A resumed run: its clock includes the first session; only the difference counts.
        RateCase{progress("resumed", 500, 900.0, 600, 902.0), 8.0, 100 * 256 / 2.0},
        RateCase{progress("one point", 300, 20.0, 300, 20.0), NAN, 0.0},
        RateCase{progress("not seen yet", -1, 0.0, 0, 0.0), NAN, 0.0}));

TEST(MultiRunStatus, OneLineWithEveryActiveRunAndTheTotalThroughput) {
  const std::vector<RunProgress> runs = {progress("sweep/a", 100, 10.0, 300, 20.0),
                                         progress("sweep/b", 0, 0.0, 0, 0.0)};
  EXPECT_EQ(format_multi_run_status(runs, 3, 8),
            "3/8 done | sweep/a 300/1000 ETA 35s | sweep/b 0/1000 ETA ? | 5.1k tok/s");
  EXPECT_EQ(format_multi_run_status({}, 8, 8), "8/8 done");
  const auto cut = format_multi_run_status(runs, 3, 8, 20);
  EXPECT_EQ(cut, "3/8 done | sweep/...");
  EXPECT_EQ(cut.size(), 20u);
}

TEST(Scheduler, EachWorkerGetsItsShareOfTheCores) {
  struct Case {
    int jobs, cores, threads;
  };
  for (const auto& c : {Case{1, 16, 16}, Case{2, 16, 8}, Case{3, 16, 5}, Case{2, 2, 1}, Case{4, 2, 1}, Case{1, 1, 1}})
    EXPECT_EQ(threads_per_job(c.jobs, c.cores), c.threads) << c.jobs << " jobs on " << c.cores << " cores";
  EXPECT_GE(usable_cores(), 1);
}

// OMP_PROC_BIND pins the main thread to one core as LibTorch's OpenMP loads: its affinity then
// does not say what the process may use (before this, every run trained on one thread).
TEST(Scheduler, CoresAreTheMachinesWhereOpenMpPinnedTheAskingThread) {
  const pid_t pid = fork();
  if (pid == 0) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    sched_setaffinity(0, sizeof one, &one);  // as libgomp leaves it
    const bool unbound_sees_one = usable_cores() == 1;
    setenv("OMP_PROC_BIND", "true", 1);
    const bool bound_sees_all = usable_cores() == static_cast<int>(std::thread::hardware_concurrency());
    setenv("OMP_PROC_BIND", "false", 1);
    const bool false_is_unbound = usable_cores() == 1;
    _exit(unbound_sees_one && bound_sees_all && false_is_unbound ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(LineSplitter, KeepsPartialLinesUntilTheyComplete) {
  LineSplitter lines;
  EXPECT_EQ(lines.feed("{\"a\":1}\n{\"b\""), (std::vector<std::string>{"{\"a\":1}"}));
  EXPECT_EQ(lines.feed(":2}\n\nlast"), (std::vector<std::string>{"{\"b\":2}", ""}));
  EXPECT_EQ(lines.take_rest(), "last");
  EXPECT_EQ(lines.take_rest(), "");
}

TEST(ChildProcess, OutputOnPipesAndTheExitInWords) {
  auto child = spawn_child({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"});
  int status = 0;
  ASSERT_EQ(waitpid(child.pid, &status, 0), child.pid);
  EXPECT_EQ(describe_wait_status(status), "exited with status 3");
  char buffer[64];
  EXPECT_EQ(read(child.out_fd, buffer, sizeof buffer), 4);
  EXPECT_EQ(std::string(buffer, 4), "out\n");
  EXPECT_EQ(read(child.err_fd, buffer, sizeof buffer), 4);
  close(child.out_fd);
  close(child.err_fd);

  child = spawn_child({"/bin/sh", "-c", "kill -9 $$"});
  ASSERT_EQ(waitpid(child.pid, &status, 0), child.pid);
  EXPECT_EQ(describe_wait_status(status).rfind("was killed by signal 9", 0), 0u) << describe_wait_status(status);
  close(child.out_fd);
  close(child.err_fd);

  child = spawn_child({"/no/such/program"});
  ASSERT_EQ(waitpid(child.pid, &status, 0), child.pid);
  EXPECT_EQ(describe_wait_status(status), "exited with status 127");
  close(child.out_fd);
  close(child.err_fd);
}

}  // namespace
}  // namespace wb
