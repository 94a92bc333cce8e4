// The concurrent scheduler: claim a run, start its worker, forward the worker's output, poll the
// store for the status line, reap the worker and read its outcome back from the store.
#include "cli/scheduler.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <deque>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/child_process.hpp"
#include "cli/multi_run_status.hpp"
#include "common/errors.hpp"
#include "spec/run_spec.hpp"
#include "train/error_text.hpp"

namespace wb {
namespace {

constexpr int kPollMs = 200;
constexpr double kRefreshS = 0.5;          // poll the store, redraw a terminal's status line
constexpr double kFirstLogStatusS = 5.0;   // in a log file, the first status line (rates known by then)
constexpr double kLogStatusS = 15.0;       // and one this often after it

ExitCode exit_code_of(int wait_status) {
  if (WIFEXITED(wait_status)) {
    const int code = WEXITSTATUS(wait_status);
    if (code == 2 || code == 3 || code == 4) return static_cast<ExitCode>(code);
  }
  return ExitCode::kRuntime;
}

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) return size.ws_col - 1;
  return 0;
}

}  // namespace

struct Scheduler::Active {
  std::int64_t run_id = 0;
  ChildProcess process;
  LineSplitter out, err;
  RunProgress progress;
  bool exited = false;
  int wait_status = 0;
};

int threads_per_job(int jobs, int cores) { return std::max(1, cores / std::max(1, jobs)); }

Scheduler::Scheduler(RunStore& store, SchedulerOptions options)
    : store_(store), options_(std::move(options)), tty_(isatty(STDERR_FILENO) != 0) {}

SchedulerResult Scheduler::run(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first) {
  SchedulerResult result;
  std::deque<std::int64_t> to_resume(resume_first.begin(), resume_first.end());
  std::vector<Active> active;
  bool stopping = false;
  const auto started = std::chrono::steady_clock::now();
  double next_refresh_s = 0.0;
  double next_log_s = kFirstLogStatusS;
  for (;;) {
    if (!stopping && options_.stop && options_.stop->load()) {
      stopping = true;
      result.interrupted = true;
      note("stopping: " + std::to_string(active.size()) +
           " worker(s) write a checkpoint and exit; queued runs stay queued");
      for (const auto& run : active) kill(run.process.pid, SIGINT);
    }
    while (!stopping && static_cast<int>(active.size()) < options_.jobs) {
      std::optional<std::int64_t> id;
      while (!id && !to_resume.empty()) {
        const auto candidate = to_resume.front();
        to_resume.pop_front();
        if (store_.claim_run(candidate, options_.environment)) id = candidate;
        else note("run " + std::to_string(candidate) + " is not resumed here: another process has it, or it "
                  "waits for a run it depends on");
      }
      const bool fresh = !id;  // from the queue: never started, so any checkpoint is not its own
      if (!id) id = store_.claim_next_run(experiment_id, options_.environment);
      if (!id) break;
      start(*id, fresh, active, result);
    }
    if (active.empty()) break;
    pump(active, kPollMs);
    for (auto it = active.begin(); it != active.end();) {
      if (!it->exited) {
        ++it;
        continue;
      }
      finish(*it, it->wait_status, result);
      it = active.erase(it);
    }
    const double now_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (now_s >= next_refresh_s && !active.empty()) {
      // Progress is polled often (rates need two points); a log file gets a line now and then.
      const bool print = tty_ || now_s >= next_log_s;
      refresh_status(experiment_id, active, print);
      next_refresh_s = now_s + kRefreshS;
      if (print && !tty_) next_log_s = now_s + kLogStatusS;
    }
  }
  if (tty_ && status_shown_) std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  return result;
}

void Scheduler::start(std::int64_t run_id, bool fresh, std::vector<Active>& active, SchedulerResult& result) {
  try {
    const auto row = store_.find_run(std::to_string(run_id));
    const auto plan = plan_run(parse_run_spec(nlohmann::json::parse(row->spec_json)));
    std::vector<std::string> argv = {"/proc/self/exe", "--home", options_.home.string(), "--db",
                                     options_.db.string(), "worker", std::to_string(run_id),
                                     "--threads", std::to_string(options_.threads_per_job)};
    if (!options_.device_override.empty()) argv.insert(argv.end(), {"--device", options_.device_override});
    if (options_.events) argv.insert(argv.end(), {"--events", "jsonl"});
    if (fresh) argv.emplace_back("--fresh");
    Active run;
    run.run_id = run_id;
    run.progress.name = row->name;
    run.progress.total_steps = plan.total_steps;
    run.progress.tokens_per_step = plan.tokens_per_step;
    run.process = spawn_child(argv);
    note("run " + std::to_string(run_id) + " " + row->name + ": " + (fresh ? "started" : "resumed") +
         " in process " + std::to_string(run.process.pid) + " on " + std::to_string(options_.threads_per_job) +
         " thread(s)");
    active.push_back(std::move(run));
  } catch (const std::exception& e) {
    // A spec this build cannot read, no fork: this run fails, the others go on.
    const std::string error = error_text(e);
    store_.set_run_status(run_id, "failed", error);
    note("run " + std::to_string(run_id) + " failed to start: " + error);
    if (!result.first_failure) result.first_failure = std::current_exception();
  }
}

void Scheduler::pump(std::vector<Active>& active, int timeout_ms) {
  std::vector<pollfd> fds;
  for (const auto& run : active)
    for (int fd : {run.process.out_fd, run.process.err_fd})
      if (fd >= 0) fds.push_back({fd, POLLIN, 0});
  if (fds.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
  else poll(fds.data(), fds.size(), timeout_ms);  // EINTR (Ctrl-C) just ends the wait early
  for (auto& run : active) {
    read_output(run, /*until_eof=*/false);
    if (waitpid(run.process.pid, &run.wait_status, WNOHANG) == run.process.pid) {
      run.exited = true;
      read_output(run, /*until_eof=*/true);  // what it wrote just before exiting
    }
  }
}

void Scheduler::read_output(Active& run, bool until_eof) {
  char buffer[1 << 16];
  for (int* fd : {&run.process.out_fd, &run.process.err_fd}) {
    const bool is_stdout = fd == &run.process.out_fd;
    LineSplitter& lines = is_stdout ? run.out : run.err;
    auto forward = [&](const std::string& line) {
      if (is_stdout) {  // JSON lines: whole lines only, so two workers never interleave within one
        if (options_.events) {
          std::fwrite(line.data(), 1, line.size(), options_.events);
          std::fputc('\n', options_.events);
          std::fflush(options_.events);
        }
      } else {
        note("[run " + std::to_string(run.run_id) + "] " + line);
      }
    };
    while (*fd >= 0) {
      const ssize_t n = read(*fd, buffer, sizeof buffer);
      if (n > 0) {
        for (const auto& line : lines.feed({buffer, static_cast<std::size_t>(n)})) forward(line);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN && !until_eof) break;
      if (auto rest = lines.take_rest(); !rest.empty()) forward(rest);  // end of stream
      close(*fd);
      *fd = -1;
    }
  }
}

void Scheduler::finish(Active& run, int wait_status, SchedulerResult& result) {
  const std::string id = std::to_string(run.run_id);
  auto row = store_.find_run(id);
  if (row->status == "running") {
    // The worker is gone without recording an outcome (killed, crashed, or stopped before its
    // SIGINT handler was installed). Interrupted while stopping: resume continues it from its last
    // checkpoint; otherwise it failed.
    const bool stopping = options_.stop && options_.stop->load();
    store_.set_run_status(run.run_id, stopping ? "interrupted" : "failed",
                          stopping ? "" : "its worker process " + describe_wait_status(wait_status));
    row = store_.find_run(id);
  }
  if (row->status == "interrupted") result.interrupted = true;
  if (row->status == "failed" && !result.first_failure)
    result.first_failure = std::make_exception_ptr(UserError(
        exit_code_of(wait_status), "run " + id + " (" + row->name + ") failed: " + row->error,
        "see `workbench-cli show " + id + "`; fix the cause, then `workbench-cli resume " + id + "`"));
  note("run " + id + " " + row->name + ": " + row->status + (row->error.empty() ? "" : " (" + row->error + ")"));
}

void Scheduler::refresh_status(std::int64_t experiment_id, std::vector<Active>& active, bool print) {
  std::vector<RunProgress> progress;
  std::size_t done = 0, total = 0;
  try {
    for (auto& run : active) {
      const auto rows = store_.metrics(run.run_id, "train/loss", run.progress.step);
      if (!rows.empty()) {
        run.progress.step = rows.back().step;
        run.progress.wall_s = rows.back().wall_time;
        if (run.progress.first_step < 0) {
          run.progress.first_step = run.progress.step;
          run.progress.first_wall_s = run.progress.wall_s;
        }
      }
      progress.push_back(run.progress);
    }
    if (!print) return;
    for (const auto& row : store_.runs(experiment_id)) {
      ++total;
      done += row.status == "finished" || row.status == "failed";
    }
  } catch (const StoreError&) {
    return;  // a busy database: the next tick shows it
  }
  const std::string line = format_multi_run_status(progress, done, total, tty_ ? terminal_width() : 0);
  std::fprintf(stderr, tty_ ? "\r\033[K%s" : "%s\n", line.c_str());
  std::fflush(stderr);
  status_shown_ = tty_;
}

void Scheduler::note(const std::string& line) {
  if (status_shown_) std::fputs("\r\033[K", stderr);
  status_shown_ = false;
  std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

}  // namespace wb
