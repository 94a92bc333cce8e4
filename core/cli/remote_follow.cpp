// The follow loop: one ssh `tail --follow` at a time, its lines imported as they arrive, the
// import state saved at least once a second and at every end, reconnects with backoff.
#include "cli/remote_follow.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "cli/child_process.hpp"
#include "cli/progress_bar.hpp"
#include "cli/stop_signals.hpp"
#include "common/errors.hpp"
#include "launch/ssh_target.hpp"
#include "remote/event_importer.hpp"
#include "remote/follow_lock.hpp"
#include "remote/launch_folder.hpp"
#include "remote/ssh_process.hpp"

namespace wb {
namespace {

std::atomic<int> g_interrupts{0};
std::atomic<bool> g_detach{false};
std::atomic<bool> g_starting{false};  // the host's `start` has not answered yet

// Only write(2) is safe here: what a request means while the launch is being started.
void say_while_starting(const char* text) {
  if (g_starting.load()) static_cast<void>(!write(STDERR_FILENO, text, std::strlen(text)));
}

std::atomic<std::int64_t> g_first_interrupt_ns{0};

extern "C" void on_follow_interrupt(int) {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const std::int64_t at = static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
  // The first one delivered twice (`timeout -s INT`: its child, then its process group) is one
  // Ctrl-C, not the second that detaches.
  if (g_interrupts.load() == 1 && at - g_first_interrupt_ns.load() < kDeliveredTwiceWithinNs) return;
  const int before = g_interrupts.fetch_add(1);
  if (before == 0) {
    g_first_interrupt_ns.store(at);
    say_while_starting("\nworkbench-cli: the host is starting the launch; it is stopped there once it has answered "
                       "(Ctrl-C twice more: give up waiting)\n");
  } else if (before == 1) {
    say_while_starting("\nworkbench-cli: the host is starting the launch; it is detached from once it has answered\n");
  } else if (g_starting.load()) {  // a host that does not answer: the ssh dies with us (PDEATHSIG)
    say_while_starting("\nworkbench-cli: gave up waiting for the host's answer; the launch may have started there "
                       "(`workbench-cli launches` on the host lists it; `stop LAUNCH` there stops it)\n");
    _exit(static_cast<int>(ExitCode::kInterrupted));
  }
}
extern "C" void on_follow_detach(int) {
  g_detach.store(true);
  say_while_starting("\nworkbench-cli: the host is starting the launch; it is detached from once it has answered\n");
}

// A connection that fails this many times in a row, without a line received, is given up
// (about 8 minutes with the backoff below); the run goes on and `attach` follows it later.
constexpr int kMaxFailures = 20;

bool should_detach() { return g_detach.load() || g_interrupts.load() >= 2; }

// Sleeps `seconds`, waking early to detach.
void pause(int seconds) {
  for (int i = 0; i < seconds * 10 && !should_detach(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

// The host's `workbench-cli stop LAUNCH`, run beside the follow loop rather than in it: a host
// that cannot be reached must not keep the events coming or a second Ctrl-C from detaching.
class PendingStop {
 public:
  PendingStop() = default;
  PendingStop(const PendingStop&) = delete;
  PendingStop& operator=(const PendingStop&) = delete;
  ~PendingStop() { abandon(); }

  void start(const ImportState& state) {
    unanswered_ = "the stop request to " + state.target + " was not answered: the run may go on there "
                  "(`workbench-cli stop " + state.launch + "` on the host stops it)";
    print_status_line("stopping the run on " + state.target + " (checkpoint, then interrupted); Ctrl-C again detaches");
    ssh_ = spawn_piped(ssh_argv(parse_ssh_target(state.target), state.ssh_options,
                                remote_cli_words(state, {"stop", state.launch})));
    fcntl(ssh_.out_fd, F_SETFL, fcntl(ssh_.out_fd, F_GETFL) | O_NONBLOCK);
  }

  // Takes what it wrote; once it has ended, says how.
  void poll(const ImportState& state) {
    if (ssh_.pid <= 0) return;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(ssh_.out_fd, buffer, sizeof buffer)) > 0) out_.append(buffer, static_cast<std::size_t>(n));
    if (n < 0) return;  // still running
    close(ssh_.out_fd);
    const int code = wait_exit_code(ssh_.pid);
    ssh_ = {};
    if (code != 0)
      print_status_line("could not reach " + state.target + " to stop the run (ssh exit status " + std::to_string(code) +
                        "); still following");
    else if (!out_.empty())
      print_status_line(out_.substr(0, out_.find_last_not_of('\n') + 1));
  }

  // The stream has ended, or we detach: gives the answer a few seconds to arrive (the host
  // usually sent it before the stream's end), then abandons it, saying so.
  void settle(const ImportState& state) {
    for (int i = 0; i < 100 && ssh_.pid > 0; ++i) {
      poll(state);
      if (ssh_.pid > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    abandon();
  }

  void abandon() {
    if (ssh_.pid <= 0) return;
    kill(-ssh_.pid, SIGTERM);
    kill(ssh_.pid, SIGTERM);
    close(ssh_.out_fd);
    wait_exit_code(ssh_.pid);
    ssh_ = {};
    print_status_line(unanswered_);
  }

 private:
  PipedProcess ssh_;
  std::string out_;
  std::string unanswered_;
};

// The host's runs that never ended are marked failed locally, with what the host said.
void mark_unfinished_failed(RunStore& store, const ImportState& state, const std::string& why) {
  for (const auto& row : store.runs(state.experiment_id))
    if (row.status == "queued" || row.status == "running") store.set_run_status(row.id, "failed", why);
}

// A run that failed before it started (too little data for its unique tokens, a missing
// corpus on the host) sent no run_finished: its status comes from experiment_finished's rows.
void adopt_final_statuses(RunStore& store, const ImportState& state, const nlohmann::json& finished) {
  if (!finished.contains("runs") || !finished["runs"].is_array()) return;
  for (const auto& row : finished["runs"]) {
    const auto local = state.runs.find(row.value("name", ""));
    if (local == state.runs.end()) continue;
    const auto current = store.find_run(std::to_string(local->second));
    const std::string status = row.value("status", "");
    if (current && status != current->status && (current->status == "queued" || current->status == "running") &&
        (status == "failed" || status == "interrupted" || status == "finished"))
      store.set_run_status(local->second, status,
                           status == "failed" ? "failed on " + state.target + " (`workbench-cli show` there says why)" : "");
  }
}

// The launch's end once its experiment_finished line is imported: the statuses it reports
// adopted, the state marked done and saved.
FollowOutcome finished_outcome(RunStore& store, ImportState& state, const std::filesystem::path& state_file) {
  FollowOutcome outcome;
  outcome.finished = true;
  outcome.experiment_finished = state.finished;  // the caller writes its own, with local ids
  outcome.interrupted = state.finished.value("interrupted", false);
  adopt_final_statuses(store, state, state.finished);
  state.done = true;
  save_import_state(state_file, state);
  return outcome;
}

// Whether `line` is `tail --handshake`'s first line.
bool is_handshake(std::string_view line) {
  const auto object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  return object.is_object() && object.value("type", "") == kTailHandshake;
}

// Text before the handshake comes from the host's shell startup files (a ~/.bashrc that echoes
// in non-interactive shells): harmless to the import, said once, as it slows every connection.
void note_shell_output(const ImportState& state, std::string_view line) {
  static bool noted = false;
  if (noted || line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  noted = true;
  print_status_line(state.target + "'s shell printed \"" + std::string(line.substr(0, 120)) +
                    "\" before workbench-cli ran (a shell startup file; skipped)");
}

}  // namespace

void catch_follow_signals() {
  static std::atomic<bool> caught{false};
  if (caught.exchange(true)) return;  // a request made while the launch was started stays pending
  std::signal(SIGINT, on_follow_interrupt);
  std::signal(SIGTERM, on_follow_detach);
  std::signal(SIGHUP, on_follow_detach);
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout must not kill us before the state is saved
}

bool stop_requested_here() { return g_interrupts.load() > 0; }
bool detach_requested() { return should_detach(); }

StartingOnHost::StartingOnHost() { g_starting.store(true); }
StartingOnHost::~StartingOnHost() { g_starting.store(false); }

std::vector<std::string> remote_cli_words(const ImportState& state, const std::vector<std::string>& words) {
  std::vector<std::string> out = {state.remote_cli};
  // One word "--home=DIR": a DIR that starts with '-' is still the option's value, not an option.
  if (!state.remote_home.empty()) out.push_back("--home=" + state.remote_home);
  out.insert(out.end(), words.begin(), words.end());
  return out;
}

FollowOutcome follow_launch(RunStore& store, ImportState& state, const std::filesystem::path& state_file,
                            bool forward_jsonl) {
  catch_follow_signals();
  const SshTarget target = parse_ssh_target(state.target);
  const FollowLock lock(state_file);  // refuses a second follower of this launch
  // A follower that held the lock until now may have gone on since `state` was read; how the
  // host is reached stays the caller's (`attach --remote-cli` changes it; saved at the first
  // checkpoint).
  if (std::filesystem::exists(state_file)) {
    auto current = load_import_state(state_file);
    current.remote_cli = state.remote_cli;
    current.ssh_options = state.ssh_options;
    state = std::move(current);
  }
  if (state.done && state.finished.is_null()) {
    print_status_line("launch " + state.launch + " has ended; everything it wrote is imported");
    return {};
  }
  // A follower stopped after importing experiment_finished, before it could mark the launch done.
  if (!state.finished.is_null()) return finished_outcome(store, state, state_file);
  ProgressBar progress;
  EventImporter importer(store, state, state_file, &progress);
  FollowOutcome outcome;
  PendingStop stop;
  bool stop_sent = false;
  for (int failures = 0;;) {
    const auto argv = ssh_argv(target, state.ssh_options,
                               remote_cli_words(state, {"tail", state.launch, "--from",
                                                        std::to_string(importer.offset()), "--follow", "--handshake"}));
    const PipedProcess ssh = spawn_piped(argv);
    LineSplitter splitter;
    bool received = false;
    bool greeted = false;  // the handshake arrived: what follows are the events
    auto last_save = std::chrono::steady_clock::now();
    char buffer[65536];
    for (;;) {
      if (should_detach()) {
        kill(-ssh.pid, SIGTERM);  // its process group (ssh and anything it started)
        kill(ssh.pid, SIGTERM);   // in case it has not made that group yet
        close(ssh.out_fd);
        wait_exit_code(ssh.pid);
        importer.checkpoint();
        stop.settle(state);  // a stop asked for just before still gets a few seconds to arrive
        if (!state.finished.is_null()) return finished_outcome(store, state, state_file);  // it had ended
        outcome.detached = true;
        outcome.message = "detached from launch " + state.launch + (stop_sent ? "; the stop sent to " + state.target +
                          " goes on there (a checkpoint, then the run ends interrupted)" : "; the run goes on on " +
                          state.target);
        return outcome;
      }
      if (g_interrupts.load() == 1 && !stop_sent) {
        stop_sent = true;
        stop.start(state);
      }
      stop.poll(state);
      pollfd fd{ssh.out_fd, POLLIN, 0};
      if (poll(&fd, 1, 250) > 0) {
        const ssize_t n = read(ssh.out_fd, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR)) break;
        if (n > 0) {
          for (const auto& line : splitter.feed(std::string_view(buffer, static_cast<std::size_t>(n)))) {
            if (!greeted) {
              greeted = is_handshake(line);
              if (!greeted) note_shell_output(state, line);
              received = received || greeted;  // the host answered, even if the launch is quiet
              continue;
            }
            const auto event = importer.import_line(line);
            received = true;
            if (forward_jsonl && event.value("type", "") != "experiment_finished") {
              const std::string text = event.dump() + "\n";
              std::fwrite(text.data(), 1, text.size(), stdout);
              std::fflush(stdout);
            }
          }
        }
      }
      if (std::chrono::steady_clock::now() - last_save >= std::chrono::seconds(1)) {
        importer.checkpoint();
        last_save = std::chrono::steady_clock::now();
      }
    }
    close(ssh.out_fd);
    const int code = wait_exit_code(ssh.pid);
    importer.checkpoint();  // a partial last line is dropped: the next tail sends it again whole
    if (!greeted && state.finished.is_null() && (code == 0 || code == static_cast<int>(ExitCode::kInterrupted)))
      throw UserError(ExitCode::kRuntime,
                      "`workbench-cli tail` on " + state.target + " ended without its handshake line (exit status " +
                          std::to_string(code) + ")",
                      "the host's workbench-cli must be this version (--remote-cli PATH picks it); its output, if "
                      "any, is above");
    const bool ended = !state.finished.is_null() || code == kLaunchEndedWithoutFinishing;
    if (ended) stop.settle(state);  // a dropped connection keeps it going instead
    if (!state.finished.is_null()) return finished_outcome(store, state, state_file);
    if (code == kLaunchEndedWithoutFinishing) {
      outcome.lost = true;
      outcome.message = "the run's process on " + state.target + " ended without finishing (its output is above)";
      mark_unfinished_failed(store, state, outcome.message);
      state.done = true;
      save_import_state(state_file, state);
      return outcome;
    }
    // 255: ssh's own failure (connection refused, reset, timed out); 0 or a signal: cut short.
    if (code != 255 && code != 0 && code < 128)
      throw UserError(ExitCode::kRuntime,
                      "`workbench-cli tail` on " + state.target + " failed with exit status " + std::to_string(code),
                      code == 127 ? "the host has no \"" + state.remote_cli + "\": `workbench-cli attach " + state.launch +
                                        " --remote-cli PATH` follows it with the host's program (a path from its "
                                        "home folder, or absolute)"
                                  : "see its message above (exit status 2 with \"--handshake\" in it: the host's "
                                    "workbench-cli is older than this one; use the same version on both); "
                                    "`workbench-cli attach " + state.launch + "` follows the launch again");
    failures = received ? 1 : failures + 1;
    if (failures > kMaxFailures) {
      outcome.detached = true;
      outcome.message = "gave up reaching " + state.target + " after " + std::to_string(kMaxFailures) +
                        " attempts; the run goes on there";
      return outcome;
    }
    const int delay = std::min(30, 1 << std::min(failures - 1, 5));
    print_status_line("connection to " + state.target + " lost (ssh exit status " + std::to_string(code) +
                      "); reconnecting in " + std::to_string(delay) + " s from byte " +
                      std::to_string(importer.offset()));
    pause(delay);
  }
}

}  // namespace wb
