// `workbench-cli run SPEC --target ssh://...` end to end against a real sshd on 127.0.0.1
// (tests/remote/sshd_fixture.sh), the real workbench-cli on both sides, a local and a "remote"
// workspace in separate folders: every row arrives once, a dropped connection and a killed
// follower resume from the imported offset, a dead host process is reported, and hostile
// targets, homes, paths and names run nothing. Skipped, with the reason, where sshd cannot start.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "launch/shell_quote.hpp"
#include "remote/import_state.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

using namespace std::chrono_literals;

// The fixture's folder and why it could not start, shared by the suite.
test::TempDir* g_sshd = nullptr;
std::string g_skip_reason;

std::string fixture_script() { return std::string(WB_TEST_SOURCE_DIR) + "/remote/sshd_fixture.sh"; }

struct Cli {
  pid_t pid = -1;
  int out = -1;  // its stdout
};

// Starts workbench-cli with `args` (no shell), WB_SSH set to the fixture's ssh wrapper, stdout
// on a pipe, stderr appended to `err_file`.
Cli start_cli(const std::vector<std::string>& args, const std::filesystem::path& err_file) {
  std::vector<std::string> argv = {WB_CLI_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_args;
  for (auto& a : argv) c_args.push_back(a.data());
  c_args.push_back(nullptr);
  const std::string ssh = (g_sshd->path() / "ssh").string();
  int out[2];
  EXPECT_EQ(pipe(out), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("WB_SSH", ssh.c_str(), 1);
    setenv("OMP_NUM_THREADS", "1", 1);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    dup2(out[1], 1);
    dup2(err, 2);
    close(out[0]);
    execv(c_args[0], c_args.data());
    _exit(127);
  }
  close(out[1]);
  return {pid, out[0]};
}

int wait_cli(const Cli& cli) {
  int status = 0;
  waitpid(cli.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_rest(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  return text;
}

// Reads lines until `count` "step" events have come (or the stream ends).
std::string read_steps(int fd, int count) {
  std::string text;
  char c;
  int steps = 0;
  std::string line;
  while (steps < count && read(fd, &c, 1) == 1) {
    text += c;
    if (c != '\n') {
      line += c;
      continue;
    }
    if (line.find("\"type\":\"step\"") != std::string::npos) ++steps;
    line.clear();
  }
  return text;
}

// How many processes on this machine (the "host") run `workbench-cli ... tail LAUNCH --from FROM`.
int host_tails(const std::string& launch, const std::string& from) {
  using namespace std::string_literals;
  const std::string words = "\0tail\0"s + launch + "\0--from\0"s + from + "\0"s;
  int n = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
    std::ifstream in(it->path() / "cmdline", std::ios::binary);
    const std::string cmdline{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    n += cmdline.find(words) != std::string::npos;
  }
  return n;
}

// Whether `condition` holds within 10 s.
bool eventually(const std::function<bool()>& condition) {
  for (int i = 0; i < 100; ++i, std::this_thread::sleep_for(100ms))
    if (condition()) return true;
  return condition();
}

// Sends SIGCONT when it goes out of scope: a host process the test stopped never stays stopped.
struct Thaw {
  pid_t pid;
  ~Thaw() {
    if (pid > 0) kill(pid, SIGCONT);
  }
};

// Waits (up to 30 s) until a stopped process has a SIGINT pending, as /proc/PID/status shows it.
bool wait_for_pending_sigint(pid_t pid) {
  for (int attempt = 0; attempt < 3000; ++attempt) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
      if (line.rfind("SigPnd:", 0) == 0 || line.rfind("ShdPnd:", 0) == 0)
        if (std::stoull(line.substr(7), nullptr, 16) & (1ull << (SIGINT - 1))) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

class SshRunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_sshd = new test::TempDir;
    const std::string command =
        shell_join({fixture_script(), "start", g_sshd->path().string()}) + " 2>" + shell_quote((g_sshd->path() / "fixture.err").string());
    if (std::system(command.c_str()) != 0)
      g_skip_reason = "sshd could not be started on 127.0.0.1: " + test::read_file(g_sshd->path() / "fixture.err");
  }
  static void TearDownTestSuite() {
    std::system(shell_join({fixture_script(), "stop", g_sshd->path().string()}).c_str());
    delete g_sshd;
    g_sshd = nullptr;
  }

  void SetUp() override {
    if (!g_skip_reason.empty()) GTEST_SKIP() << g_skip_reason;
    marker = dir / "MARKER";
  }

  // A workspace "on the host" with the genesis corpus imported.
  void import_corpus(const std::filesystem::path& home) {
    Cli cli = start_cli({"--home", home.string(), "data", "import", "genesis", "--from",
                         std::string(WB_TEST_FIXTURES_DIR) + "/data/genesis_kjv.txt"},
                        dir / "import.err");
    read_rest(cli.out);
    ASSERT_EQ(wait_cli(cli), 0) << test::read_file(dir / "import.err");
  }

  // A tiny char-level spec, `steps` steps per run, two runs (epochs 4 and 8: the corpus has
  // about 28k training characters), named `name`.
  std::filesystem::path write_spec(const std::string& file, const std::string& name, int steps, int width = 32) {
    nlohmann::json spec = {
        {"name", name},
        {"data", {{"corpus", "genesis"}, {"tokenizer", {{"kind", "char"}}}, {"validation_fraction", 0.1}}},
        {"model", {{"n_layer", 1}, {"n_head", 2}, {"n_embd", width}, {"block_size", 32}}},
        {"optimizer", {{"warmup_steps", 5}}},
        {"training", {{"token_budget", steps * 8 * 32}, {"batch_size", 8}, {"eval_interval", 20},
                      {"eval_batches", 2}, {"threads", 1}}},
        {"grid", {{"data.epochs", {4, 8}}}}};
    const auto path = dir / file;
    test::write_file(path, spec.dump(2));
    return path;
  }

  std::vector<std::string> remote_args(const std::filesystem::path& remote_home) {
    return {"--target", "ssh://wbtest", "--remote-cli", WB_CLI_PATH, "--remote-home", remote_home.string()};
  }

  // `run --target ssh://wbtest --events jsonl` of a 300-step, width-48 spec named `name`, the host's
  // workspace `remote` (its corpus imported first), the local one `local`, stderr in run.err.
  Cli start_remote_run(const std::string& name) {
    import_corpus(dir / "remote");
    const auto spec = write_spec("spec.json", name, 300, 48);
    auto args = remote_args(dir / "remote");
    args.insert(args.begin(), {"--home", (dir / "local").string(), "run", spec.string(), "--events", "jsonl"});
    return start_cli(args, dir / "run.err");
  }

  // Every run of both databases: same number of metric rows, none twice, all finished.
  void expect_same_rows(const std::filesystem::path& local_db, const std::filesystem::path& remote_db) {
    auto local = RunStore::open(local_db, RunStore::Mode::kReadOnly);
    auto remote = RunStore::open(remote_db, RunStore::Mode::kReadOnly);
    const auto local_runs = local.runs(), remote_runs = remote.runs();
    ASSERT_EQ(local_runs.size(), remote_runs.size());
    for (std::size_t i = 0; i < local_runs.size(); ++i) {
      SCOPED_TRACE(local_runs[i].name);
      EXPECT_EQ(local_runs[i].name, remote_runs[i].name);
      EXPECT_EQ(local_runs[i].status, "finished");
      const auto rows = local.metrics(local_runs[i].id);
      EXPECT_GT(rows.size(), 0u);
      EXPECT_EQ(rows.size(), remote.metrics(remote_runs[i].id).size());
      std::set<std::pair<std::int64_t, std::string>> distinct;
      for (const auto& row : rows) distinct.emplace(row.step, row.name);
      EXPECT_EQ(distinct.size(), rows.size()) << "a metric row was imported twice";
      EXPECT_EQ(local.events(local_runs[i].id).size(), remote.events(remote_runs[i].id).size());
    }
  }

  ImportState only_state(const std::filesystem::path& local_home) {
    for (const auto& entry : std::filesystem::directory_iterator(local_home / "remote"))
      if (entry.path().extension() == ".json") return load_import_state(entry.path());
    ADD_FAILURE() << "no import state in " << (local_home / "remote");
    return {};
  }

  // The import state once the host's event file has `lines` lines; its training process is then
  // stopped (SIGSTOP) until the test sends SIGCONT.
  ImportState freeze_after(const std::filesystem::path& local_home, int lines) {
    for (int attempt = 0; attempt < 6000; ++attempt) {
      if (std::filesystem::is_directory(local_home / "remote")) {
        for (const auto& entry : std::filesystem::directory_iterator(local_home / "remote")) {
          if (entry.path().extension() != ".json") continue;
          const auto state = load_import_state(entry.path());
          const std::string events = test::read_file(state.events_file);
          if (std::count(events.begin(), events.end(), '\n') < lines) continue;
          EXPECT_EQ(kill(static_cast<pid_t>(state.remote_pid), SIGSTOP), 0) << "the host's run ended too soon";
          return state;
        }
      }
      std::this_thread::sleep_for(5ms);
    }
    ADD_FAILURE() << "the host's run wrote no events in 30 s";
    return {};
  }

  // A Ctrl-C to the follower `cli` once it has passed on 10 steps: whether the host's frozen
  // process then holds the SIGINT that the follower's `stop` sent (it waits until the process runs).
  bool ctrl_c_reaches_host(const Cli& cli, const ImportState& state) {
    read_steps(cli.out, 10);
    kill(cli.pid, SIGINT);
    return wait_for_pending_sigint(static_cast<pid_t>(state.remote_pid));
  }

  int tail_connections() {
    std::ifstream log(g_sshd->path() / "ssh.log");
    int n = 0;
    for (std::string line; std::getline(log, line);) n += line.find(" tail ") != std::string::npos;
    return n;
  }

  // Pid of the newest `tail` connection in the ssh wrapper's log, after `skip` of them.
  pid_t tail_connection(int skip) {
    for (int attempt = 0; attempt < 200; ++attempt) {
      std::ifstream log(g_sshd->path() / "ssh.log");
      int seen = 0;
      for (std::string line; std::getline(log, line);)
        if (line.find(" tail ") != std::string::npos && seen++ == skip) return std::stoi(line);
      std::this_thread::sleep_for(50ms);
    }
    return -1;
  }

  test::TempDir dir;
  std::filesystem::path marker;
};

// Hostile words everywhere a user can type one: the remote home (a path on the host), the spec's
// file name, the experiment's (and so every run's) name. They travel as data.
TEST_F(SshRunTest, RunsOnTheHostAndImportsEveryRowWithHostileNamesAsData) {
  const std::string hostile = "$(touch " + marker.string() + ") `touch " + marker.string() + "`;touch " +
                              marker.string() + " 'q\" -o x";
  const auto remote_home = dir / ("host home " + hostile);
  import_corpus(remote_home);
  const auto spec = write_spec("spec " + hostile + ".json", "exp" + hostile, 40);
  auto args = remote_args(remote_home);
  args.insert(args.begin(), {"--home", (dir / "local").string(), "run", spec.string(), "--events", "jsonl"});
  Cli cli = start_cli(args, dir / "run.err");
  const std::string out = read_rest(cli.out);
  ASSERT_EQ(wait_cli(cli), 0) << test::read_file(dir / "run.err");
  expect_same_rows(dir / "local/runs.db", remote_home / "runs.db");
  EXPECT_FALSE(std::filesystem::exists(marker)) << "a hostile word was executed";

  // The stream is the local run's: local run ids, one experiment_finished with the local id.
  auto local = RunStore::open(dir / "local/runs.db", RunStore::Mode::kReadOnly);
  const auto runs = local.runs();
  std::istringstream lines(out);
  int steps = 0, finished = 0;
  for (std::string line; std::getline(lines, line);) {
    const auto event = nlohmann::json::parse(line);
    if (event["type"] == "step") {
      ++steps;
      EXPECT_TRUE(event["run"]["id"] == runs[0].id || event["run"]["id"] == runs[1].id);
    }
    if (event["type"] == "experiment_finished") {
      ++finished;
      EXPECT_EQ(event["experiment_id"], runs[0].experiment_id);
      EXPECT_EQ(event["runs"].size(), 2u);
    }
  }
  EXPECT_EQ(steps, 2 * 40);
  EXPECT_EQ(finished, 1);
  EXPECT_EQ(runs[0].name.substr(0, 4), "exp$") << "the hostile name arrived as data";
  EXPECT_NE(test::read_file(dir / "run.err").find("final val"), std::string::npos) << "the outcome table";
}

TEST_F(SshRunTest, ADroppedConnectionAndAKilledFollowerResumeWithoutDuplicates) {
  const auto remote_home = dir / "remote";
  const int tails_before = tail_connections();
  Cli cli = start_remote_run("drop");
  // Freeze the training on the "host" once it has written some events, so that what follows is
  // decided here, not by timing.
  const auto state = freeze_after(dir / "local", 30);
  const Thaw thaw{static_cast<pid_t>(state.remote_pid)};  // never leave it stopped, even on failure
  std::string out = read_steps(cli.out, 10);
  ASSERT_EQ(count(out, "\"type\":\"step\""), 10) << test::read_file(dir / "run.err");
  // 1. The connection drops: the follower's ssh dies; it reconnects from its offset.
  const pid_t first_tail = tail_connection(tails_before);
  ASSERT_GT(first_tail, 0);
  ASSERT_EQ(host_tails(state.launch, "0"), 1) << "the host's side of that connection";
  kill(first_tail, SIGKILL);
  const pid_t second_tail = tail_connection(tails_before + 1);
  EXPECT_GT(second_tail, 0) << "no reconnect: " << test::read_file(dir / "run.err");
  // The host's `tail` of the dropped connection ends with it, though the frozen run writes
  // nothing that could fail: dropped connections must not pile up processes on the host.
  EXPECT_TRUE(eventually([&] { return host_tails(state.launch, "0") == 0; })) << "a tail outlived its connection";
  // 2. The follower itself is killed (its state file is all that remains).
  kill(cli.pid, SIGKILL);
  wait_cli(cli);
  close(cli.out);
  const auto offset_at_kill = only_state(dir / "local").offset;
  EXPECT_GT(offset_at_kill, 0);

  // 3. `resume --experiment` here follows the launch again, as `attach` does: it was not followed
  // to its end. While it follows, a second follower (an `attach` typed in another terminal) is
  // refused by name: both would import every line.
  Cli attach = start_cli({"--home", (dir / "local").string(), "resume", "--experiment",
                          std::to_string(state.experiment_id), "--events", "jsonl"},
                         dir / "attach.err");
  const auto lock = dir / "local" / "remote" / (state.launch + ".json.lock");
  for (int i = 0; i < 300 && test::read_file(lock) != std::to_string(attach.pid) + "\n"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(test::read_file(lock), std::to_string(attach.pid) + "\n") << test::read_file(dir / "attach.err");
  Cli second = start_cli({"--home", (dir / "local").string(), "attach", state.launch}, dir / "second.err");
  read_rest(second.out);
  EXPECT_EQ(wait_cli(second), 2) << test::read_file(dir / "second.err");
  EXPECT_NE(test::read_file(dir / "second.err")
                .find("is already being followed by another workbench-cli (pid " + std::to_string(attach.pid) + ")"),
            std::string::npos)
      << test::read_file(dir / "second.err");
  kill(static_cast<pid_t>(state.remote_pid), SIGCONT);
  const std::string rest = read_rest(attach.out);
  ASSERT_EQ(wait_cli(attach), 0) << test::read_file(dir / "attach.err");
  EXPECT_NE(test::read_file(dir / "attach.err").find("was not followed to its end: following it again"),
            std::string::npos)
      << test::read_file(dir / "attach.err");
  EXPECT_NE(test::read_file(dir / "run.err").find("reconnecting in 1 s from byte"), std::string::npos)
      << test::read_file(dir / "run.err");
  EXPECT_GT(only_state(dir / "local").offset, offset_at_kill);
  EXPECT_GT(count(rest, "\"type\":\"step\""), 0) << "attach imported the rest";
  expect_same_rows(dir / "local/runs.db", remote_home / "runs.db");
}

// Ctrl-C here stops the run on the host (a checkpoint); `resume --experiment` here continues it
// there, from that checkpoint, and imports the rest into the same local runs, no row twice.
TEST_F(SshRunTest, AnInterruptedRemoteExperimentResumesThereIntoTheSameLocalRuns) {
  const auto remote_home = dir / "remote";
  Cli cli = start_remote_run("resumed");
  const auto state = freeze_after(dir / "local", 30);
  const Thaw thaw{static_cast<pid_t>(state.remote_pid)};
  ASSERT_TRUE(ctrl_c_reaches_host(cli, state)) << test::read_file(dir / "run.err");
  kill(static_cast<pid_t>(state.remote_pid), SIGCONT);
  read_rest(cli.out);
  ASSERT_EQ(wait_cli(cli), 130) << test::read_file(dir / "run.err");
  const std::string run_err = test::read_file(dir / "run.err");
  EXPECT_NE(run_err.find("resume --experiment " + std::to_string(state.experiment_id) + "` continues it there"),
            std::string::npos) << run_err;
  // The stop went over its own ssh beside the event stream, and its answer was passed on.
  EXPECT_NE(run_err.find("sent SIGINT to process " + std::to_string(state.remote_pid)), std::string::npos) << run_err;
  {
    auto local = RunStore::open(dir / "local/runs.db", RunStore::Mode::kReadOnly);
    ASSERT_EQ(local.runs().front().status, "interrupted");
  }

  Cli resume = start_cli({"--home", (dir / "local").string(), "resume", "--experiment",
                          std::to_string(state.experiment_id), "--events", "jsonl"},
                         dir / "resume.err");
  const std::string out = read_rest(resume.out);
  ASSERT_EQ(wait_cli(resume), 0) << test::read_file(dir / "resume.err");
  EXPECT_NE(test::read_file(dir / "resume.err").find("resuming it there"), std::string::npos);
  int continued = 0;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const auto event = nlohmann::json::parse(line);
    if (event["type"] == "run_started" && event.value("start_step", 0) > 0) ++continued;
  }
  EXPECT_EQ(continued, 1) << "the interrupted run continues from its checkpoint:\n" << out;
  expect_same_rows(dir / "local/runs.db", remote_home / "runs.db");
  auto local = RunStore::open(dir / "local/runs.db", RunStore::Mode::kReadOnly);
  EXPECT_EQ(local.experiments().size(), 1u) << "the same local experiment, not a new one";
  for (const auto& run : local.runs()) {
    const auto losses = local.metric_points(run.id, "train/loss");
    ASSERT_EQ(losses.size(), 300u) << run.name;
    EXPECT_EQ(losses.back().step, 300) << run.name;
  }
  // A second resume continues the newest launch, finds nothing left to train and changes nothing.
  Cli again = start_cli({"--home", (dir / "local").string(), "resume", "--experiment",
                         std::to_string(state.experiment_id)},
                        dir / "again.err");
  const std::string table = read_rest(again.out);
  EXPECT_EQ(wait_cli(again), 0) << test::read_file(dir / "again.err");
  EXPECT_EQ(count(table, " finished "), 2) << table;
  expect_same_rows(dir / "local/runs.db", remote_home / "runs.db");
}

// A Ctrl-C (the desktop app's Stop) while the host is still starting the launch: the host has
// started the run but its answer has not arrived. The follower waits for it, records the launch
// and stops the run there, instead of dying and leaving it training unknown to `attach`. The
// host's program here sits behind a chatty shell startup (a line on stdout before each command),
// which the follower skips.
TEST_F(SshRunTest, ACtrlCWhileTheHostStartsTheLaunchStopsItThere) {
  import_corpus(dir / "remote");
  const auto spec = write_spec("spec.json", "early", 300, 48);
  const auto slow_cli = dir / "slow-cli";
  // Before each command a line and a title escape without a line break (no answer may be glued to
  // it); after `start`, 6 s more before ssh ends.
  test::write_file(slow_cli, "#!/bin/sh\necho 'Welcome to the test host'\nprintf '\\033]0;wbtest\\007'\n" +
                                 shell_quote(WB_CLI_PATH) +
                                 " \"$@\"; status=$?\n[ \"$2\" = start ] && sleep 6\nexit $status\n");
  std::filesystem::permissions(slow_cli, std::filesystem::perms::owner_all);
  Cli cli = start_cli({"--home", (dir / "local").string(), "run", spec.string(), "--target", "ssh://wbtest",
                       "--remote-cli", slow_cli.string(), "--remote-home", (dir / "remote").string(), "--events",
                       "jsonl"},
                      dir / "run.err");
  // The host's launch has its process (frozen, so that the stop below lands mid-run) and its
  // `start` lingers before ending: the Ctrl-C comes before the answer reaches us.
  pid_t remote_pid = 0;
  ASSERT_TRUE(eventually([&] {
    if (std::filesystem::is_directory(dir / "remote/launches"))
      for (const auto& launch : std::filesystem::directory_iterator(dir / "remote/launches"))
        if (const std::string pid = test::read_file(launch.path() / "pid"); !pid.empty()) remote_pid = std::stoi(pid);
    return remote_pid > 0;
  })) << test::read_file(dir / "run.err");
  ASSERT_EQ(kill(remote_pid, SIGSTOP), 0);
  const Thaw thaw{remote_pid};
  kill(cli.pid, SIGINT);
  ASSERT_TRUE(eventually([&] {
    return test::read_file(dir / "run.err").find("the host is starting the launch; it is stopped there once it has "
                                                 "answered") != std::string::npos;
  })) << test::read_file(dir / "run.err");
  ASSERT_TRUE(wait_for_pending_sigint(remote_pid)) << "the follower asked the host to stop it:\n"
                                                   << test::read_file(dir / "run.err");
  kill(remote_pid, SIGCONT);
  const std::string out = read_rest(cli.out);
  ASSERT_EQ(wait_cli(cli), 130) << test::read_file(dir / "run.err");
  const std::string run_err = test::read_file(dir / "run.err");
  EXPECT_NE(run_err.find("ssh://wbtest's shell printed \"Welcome to the test host\" before workbench-cli ran"),
            std::string::npos) << run_err;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) EXPECT_NO_THROW(nlohmann::json::parse(line)) << line;
  const auto state = only_state(dir / "local");
  EXPECT_EQ(state.remote_pid, remote_pid);
  EXPECT_TRUE(state.done);
  // Stopped as it began: nothing failed, nothing left running; `resume --experiment` trains it.
  auto local = RunStore::open(dir / "local/runs.db", RunStore::Mode::kReadOnly);
  for (const auto& run : local.runs())
    EXPECT_TRUE(run.status == "queued" || run.status == "interrupted") << run.name << ": " << run.status << "\n"
                                                                       << run_err;
  EXPECT_NE(run_err.find("resume --experiment " + std::to_string(state.experiment_id) + "` continues it there"),
            std::string::npos) << run_err;
}

// Ctrl-C, then Ctrl-C again before the host has stopped: the stop goes on there, and the detach
// says so (not "the run goes on"). `resume --experiment` then follows the launch to its stop and
// continues it there at once, rather than only following it.
TEST_F(SshRunTest, AStopThenADetachEndsThereAndResumeContinuesIt) {
  const auto remote_home = dir / "remote";
  Cli cli = start_remote_run("stop-detach");
  const auto state = freeze_after(dir / "local", 30);
  const Thaw thaw{static_cast<pid_t>(state.remote_pid)};
  ASSERT_TRUE(ctrl_c_reaches_host(cli, state)) << test::read_file(dir / "run.err");
  std::this_thread::sleep_for(300ms);  // a second Ctrl-C, not the first delivered twice
  kill(cli.pid, SIGINT);
  read_rest(cli.out);
  ASSERT_EQ(wait_cli(cli), 130) << test::read_file(dir / "run.err");
  const std::string run_err = test::read_file(dir / "run.err");
  EXPECT_NE(run_err.find("the stop sent to ssh://wbtest goes on there"), std::string::npos) << run_err;
  kill(static_cast<pid_t>(state.remote_pid), SIGCONT);

  Cli resume = start_cli({"--home", (dir / "local").string(), "resume", "--experiment",
                          std::to_string(state.experiment_id), "--events", "jsonl"},
                         dir / "resume.err");
  const std::string out = read_rest(resume.out);
  ASSERT_EQ(wait_cli(resume), 0) << test::read_file(dir / "resume.err");
  EXPECT_NE(test::read_file(dir / "resume.err").find("resuming it there"), std::string::npos)
      << test::read_file(dir / "resume.err");
  EXPECT_EQ(count(out, "\"type\":\"experiment_finished\""), 1) << "one end, the resumed launch's:\n" << out;
  expect_same_rows(dir / "local/runs.db", remote_home / "runs.db");
}

TEST_F(SshRunTest, AHostProcessThatDiesIsReportedAndItsRunsFail) {
  Cli cli = start_remote_run("dies");
  const auto state = freeze_after(dir / "local", 10);
  kill(static_cast<pid_t>(state.remote_pid), SIGKILL);
  read_rest(cli.out);
  EXPECT_EQ(wait_cli(cli), 1);
  const std::string err = test::read_file(dir / "run.err");
  EXPECT_NE(err.find("ended without finishing its experiment: its process was killed by signal 9"), std::string::npos) << err;
  auto local = RunStore::open(dir / "local/runs.db", RunStore::Mode::kReadOnly);
  for (const auto& run : local.runs()) EXPECT_EQ(run.status, "failed") << run.name;
}

TEST_F(SshRunTest, HostileTargetsAndProgramsRunNothing) {
  const auto spec = write_spec("spec.json", "e", 10);
  const std::string touch = "touch " + marker.string();
  const std::string targets[] = {
      "ssh://-oProxyCommand=" + touch, "ssh://wbtest;" + touch, "ssh://$(" + touch + ")", "ssh://`" + touch + "`",
      "ssh://wbtest\n" + touch, "ssh://wbtest:22;" + touch, "ssh://-l@wbtest", "ssh://wbtest:99999", "wbtest"};
  for (const auto& target : targets) {
    SCOPED_TRACE(target);
    Cli cli = start_cli({"--home", (dir / "local").string(), "run", spec.string(), "--target", target},
                        dir / "target.err");
    read_rest(cli.out);
    EXPECT_EQ(wait_cli(cli), 2);
    EXPECT_NE(test::read_file(dir / "target.err").find("error: run target"), std::string::npos);
    std::filesystem::remove(dir / "target.err");
  }
  // A hostile remote program and ssh option reach the host as one word each: "not found".
  Cli cli = start_cli({"--home", (dir / "local").string(), "run", spec.string(), "--target", "ssh://wbtest",
                       "--remote-cli", "/nonexistent/$(" + touch + ")/`" + touch + "`;" + touch},
                      dir / "cli.err");
  read_rest(cli.out);
  EXPECT_EQ(wait_cli(cli), 1);
  EXPECT_NE(test::read_file(dir / "cli.err").find("exit status 127"), std::string::npos) << test::read_file(dir / "cli.err");
  EXPECT_FALSE(std::filesystem::exists(marker)) << "a hostile word was executed";
  EXPECT_FALSE(std::filesystem::exists(dir / "local/runs.db")) << "nothing recorded for a launch that never started";
  // A line break, which not every login shell takes inside quotes, is refused before ssh runs.
  Cli lines = start_cli({"--home", (dir / "local").string(), "run", spec.string(), "--target", "ssh://wbtest",
                         "--remote-home", "/data\n" + touch},
                        dir / "lines.err");
  read_rest(lines.out);
  EXPECT_EQ(wait_cli(lines), 2);
  EXPECT_NE(test::read_file(dir / "lines.err").find("--remote-home \"/data\\n"), std::string::npos)
      << test::read_file(dir / "lines.err");
  // A ~, which the host's shell would not expand inside quotes, is refused with the path to give.
  Cli tilde = start_cli({"--home", (dir / "local").string(), "run", spec.string(), "--target", "ssh://wbtest",
                         "--remote-home", "~/wb"},
                        dir / "tilde.err");
  read_rest(tilde.out);
  EXPECT_EQ(wait_cli(tilde), 2);
  EXPECT_NE(test::read_file(dir / "tilde.err").find("here: --remote-home wb"), std::string::npos)
      << test::read_file(dir / "tilde.err");
  EXPECT_FALSE(std::filesystem::exists(marker)) << "a hostile word was executed";
}

}  // namespace
}  // namespace wb
