// The host side of a remote run: `workbench-cli start SPEC|-` (train detached, in a launch
// folder), `workbench-cli tail LAUNCH [--from OFFSET] [--follow]` (its events, whole lines only)
// and `workbench-cli stop LAUNCH` (a Ctrl-C for it). The local side (`run --target ssh://HOST`)
// runs these over ssh; they are also what a user types on the host.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <thread>

#include "cli/cli_context.hpp"
#include "cli/run_liveness.hpp"
#include "data/process.hpp"
#include "launch/sbatch_script.hpp"
#include "remote/launch_folder.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"

namespace wb {
namespace {

struct StartArgs {
  std::string spec;
  std::string device;
  int threads = -1;
  int jobs = 1;
  int nproc = 0;  // 0: not given
  bool slurm = false;                    // through sbatch on this (login) node
  std::vector<std::string> sbatch_args;  // --sbatch-arg: one #SBATCH line each
};

// The spec as JSON: a file, a preset, or "-" for stdin (how ssh sends it: no copy step).
nlohmann::json read_spec(const std::string& spec) {
  if (spec != "-") return load_spec_or_preset(spec).source;
  const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw SpecError(std::string("<stdin>: not JSON: ") + e.what(), "send an experiment spec (docs/spec.md)");
  }
  parse_experiment(document);  // validates; errors name the field
  return document;
}

// Writes `text` to `path` with plain system calls (no allocation): safe between fork and exec.
void write_small_file(const char* path, const char* temporary, const char* text, std::size_t size) {
  const int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  (void)!write(fd, text, size);
  close(fd);
  rename(temporary, path);
}

// Starts argv detached: a supervisor in a new session (no terminal, immune to the ssh
// session's end) starts it with stdin /dev/null, stdout and stderr to output.log (stdout to
// `stdout_file` when given), writes its pid, waits for it and writes how it ended to the exit
// file. Returns its pid.
pid_t start_detached(const LaunchFolder& launch, const std::vector<std::string>& argv,
                     const std::filesystem::path& stdout_file = {}) {
  // Everything the two forked processes need is made here: after fork only system calls.
  std::vector<std::string> words = argv;
  std::vector<char*> args;
  for (auto& w : words) args.push_back(w.data());
  args.push_back(nullptr);
  const std::string log = launch.output_log().string(), out = stdout_file.string();
  const std::string pid_file = launch.pid_file().string(), pid_tmp = pid_file + ".tmp";
  const std::string exit_file = launch.exit_file().string(), exit_tmp = exit_file + ".tmp";
  int ready[2];
  if (pipe2(ready, O_CLOEXEC) != 0) throw UserError(ExitCode::kRuntime, "cannot create a pipe to start the run");
  const pid_t supervisor = fork();
  if (supervisor < 0) throw UserError(ExitCode::kRuntime, "cannot fork to start the run");
  if (supervisor == 0) {
    setsid();
    const int null_in = open("/dev/null", O_RDONLY);
    const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(null_in, STDIN_FILENO);
    dup2(log_fd, STDOUT_FILENO);  // the supervisor holds nothing of the ssh session open
    dup2(log_fd, STDERR_FILENO);
    signal(SIGHUP, SIG_IGN);
    // The pid is published only once exec has happened (the close-on-exec pipe closes): until
    // then the process's command line does not name the launch, and `tail` would take it for gone.
    int exec_done[2];
    if (pipe2(exec_done, O_CLOEXEC) != 0) _exit(1);
    const pid_t run = fork();
    if (run == 0) {
      if (!out.empty()) dup2(open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
      signal(SIGHUP, SIG_DFL);
      execv(args[0], args.data());
      _exit(127);
    }
    close(exec_done[1]);
    char ignored;
    while (read(exec_done[0], &ignored, 1) < 0 && errno == EINTR) {
    }
    close(exec_done[0]);
    char text[64];
    int n = snprintf(text, sizeof text, "%lld\n", static_cast<long long>(run));
    write_small_file(pid_file.c_str(), pid_tmp.c_str(), text, static_cast<std::size_t>(n));
    (void)!write(ready[1], &run, sizeof run);
    close(ready[1]);
    int status = 0;
    while (run > 0 && waitpid(run, &status, 0) < 0 && errno == EINTR) {
    }
    n = WIFEXITED(status) ? snprintf(text, sizeof text, "{\"code\": %d}\n", WEXITSTATUS(status))
                          : snprintf(text, sizeof text, "{\"signal\": %d}\n", WTERMSIG(status));
    write_small_file(exit_file.c_str(), exit_tmp.c_str(), text, static_cast<std::size_t>(n));
    _exit(0);
  }
  close(ready[1]);
  pid_t run = -1;
  const bool got = read(ready[0], &run, sizeof run) == static_cast<ssize_t>(sizeof run);
  close(ready[0]);
  waitpid(supervisor, nullptr, WNOHANG);
  if (!got || run <= 0)
    throw UserError(ExitCode::kRuntime, "the run did not start (see " + launch.output_log().string() + ")",
                    "check that the folder is writable and the host can fork");
  return run;
}

void start(CliContext& context, const StartArgs& args) {
  const nlohmann::json document = read_spec(args.spec);  // before any file is made
  const Workspace workspace{std::filesystem::absolute(context.workspace().root)};
  std::random_device entropy;
  const std::uint64_t random = (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy() ^ static_cast<std::uint64_t>(getpid());
  const auto launch = LaunchFolder::of(workspace, new_launch_id(std::chrono::system_clock::now(), random));
  std::filesystem::create_directories(launch.dir);
  write_file_atomically(launch.spec(), document.dump(2) + "\n");
  std::ofstream(launch.events(), std::ios::app).flush();  // exists at once: `tail` may come first
  const std::string cli = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string db = std::filesystem::absolute(context.db_path()).string();
  pid_t pid = 0;
  if (args.slurm) {
    // `sbatch --wait` is the launch's process: it returns when the job has ended, with the job's
    // exit status, so `tail` and `stop` treat a Slurm launch like a local one; its --parsable
    // job id goes to slurm_job (for `stop`: scancel). It must be allowed to run on this node for
    // as long as the job.
    SbatchOptions options;
    options.job_name = document.value("name", "workbench");
    options.tasks_per_node = std::max(1, args.nproc);
    options.threads_per_task = std::max(0, args.threads);
    options.extra_sbatch_args = args.sbatch_args;
    options.workbench_cli = cli;
    options.home = workspace.root;
    options.db = db;
    options.spec = launch.spec();
    options.events_file = launch.events();
    options.output_log = launch.output_log();
    write_file_atomically(launch.dir / "job.sbatch", sbatch_script(options));  // refuses bad values
    if (!program_in_path("sbatch"))
      throw UserError(ExitCode::kUsage, "sbatch is not in PATH: this host cannot submit Slurm jobs",
                      "drop --slurm (train on the host itself), or target the cluster's login node");
    pid = start_detached(launch, {"/usr/bin/env", "sbatch", "--wait", "--parsable", (launch.dir / "job.sbatch").string()},
                         launch.dir / "slurm_job");
  } else {
    // The run appends its events to the events file (a line at a time, flushed); progress, errors
    // and the outcome table go to output.log.
    std::vector<std::string> argv = {cli, "--home", workspace.root.string(), "--db", db, "run", launch.spec().string(),
                                     "--events-file", launch.events().string(), "--jobs", std::to_string(args.jobs)};
    if (!args.device.empty()) argv.insert(argv.end(), {"--device", args.device});
    if (args.threads >= 0) argv.insert(argv.end(), {"--threads", std::to_string(args.threads)});
    if (args.nproc > 0) argv.insert(argv.end(), {"--nproc", std::to_string(args.nproc)});
    pid = start_detached(launch, argv);
  }
  std::printf("%s\n", nlohmann::json{{"launch", launch.id}, {"folder", launch.dir.string()},
                                     {"events_file", launch.events().string()}, {"pid", pid},
                                     {"host", this_host_name()}}.dump().c_str());
  std::fflush(stdout);
}

bool writes_all(const std::string& bytes) {
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
}

void tail(CliContext& context, const std::string& id, std::int64_t from, bool follow) {
  const auto launch = LaunchFolder::of(context.workspace(), id);
  if (!std::filesystem::is_directory(launch.dir))
    throw UserError(ExitCode::kUsage, "no launch " + id + " in " + launch.dir.parent_path().string(),
                    "check the id and --home (the host's workspace that `start` used)");
  if (from > 0) {  // a resumed reader must land on a line start, never in the middle of an event
    std::ifstream in(launch.events(), std::ios::binary);
    char before = 0;
    if (!in.seekg(from - 1) || !in.get(before) || before != '\n')
      throw UserError(ExitCode::kUsage, "--from " + std::to_string(from) + " is not the start of a line of " +
                                            launch.events().string(),
                      "give an offset after a whole line (0, or the bytes received so far)");
  }
  std::int64_t offset = from;
  for (;;) {
    // Read the process's state before the file: a process found gone has written its last line.
    const auto process = launch_process(launch);
    for (std::string bytes; !(bytes = read_whole_lines(launch.events(), offset)).empty();) {
      if (!writes_all(bytes)) return;  // the reader went away (a dropped connection)
      offset += static_cast<std::int64_t>(bytes.size());
      if (bytes.find("\"type\":\"experiment_finished\"") != std::string::npos) return;  // exit 0
    }
    if (!follow) return;
    if (!process.alive) {
      std::fprintf(stderr,
                   "error: launch %s ended without finishing its experiment: its process %s\n"
                   "  last lines of %s:\n%s\n"
                   "  fix: read that log; `workbench-cli runs` on this host shows the runs' state; "
                   "`workbench-cli resume --experiment ID` continues interrupted runs\n",
                   id.c_str(), process.describe().c_str(), launch.output_log().c_str(),
                   last_lines(launch.output_log(), 15).c_str());
      context.exit_code = kLaunchEndedWithoutFinishing;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

void stop(CliContext& context, const std::string& id) {
  const auto launch = LaunchFolder::of(context.workspace(), id);
  const auto process = launch_process(launch);
  if (!process.alive) {
    std::printf("launch %s is not running: its process %s\n", id.c_str(), process.describe().c_str());
    return;
  }
  std::ifstream slurm_job(launch.dir / "slurm_job");
  if (std::string job; slurm_job && std::getline(slurm_job, job) && !job.empty()) {
    // The ranks get SIGINT from Slurm (every step of the job), as srun would pass on a Ctrl-C.
    const std::string id = job.substr(0, job.find(';'));
    const auto result = run_command({"scancel", "--signal=INT", id});
    if (result.exit_code != 0)
      throw UserError(ExitCode::kRuntime, "scancel --signal=INT " + id + " failed: " + result.err,
                      "check `squeue -j " + id + "`; `scancel " + id + "` ends it without a checkpoint");
    std::printf("launch %s: sent SIGINT to Slurm job %s; its ranks write a checkpoint and stop\n", launch.id.c_str(),
                id.c_str());
    return;
  }
  if (kill(static_cast<pid_t>(process.pid), SIGINT) != 0)
    throw UserError(ExitCode::kRuntime, "cannot signal process " + std::to_string(process.pid),
                    "run `workbench-cli stop` as the user that started the launch");
  std::printf("launch %s: sent SIGINT to process %lld; it writes a checkpoint and stops\n", id.c_str(),
              static_cast<long long>(process.pid));
}

}  // namespace

void add_launch_commands(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<StartArgs>();
  auto* start_cmd = app.add_subcommand("start", "Train a spec detached on this host (for remote runs): prints its launch id");
  start_cmd->add_option("SPEC", args->spec, "Spec file, preset name, or - to read the spec from stdin")->required();
  start_cmd->add_option("--device", args->device, "Override training.device")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  start_cmd->add_option("--threads", args->threads, "Override training.threads")->check(CLI::NonNegativeNumber);
  start_cmd->add_option("--jobs,-j", args->jobs, "Runs at once")->check(CLI::Range(1, 256));
  start_cmd->add_option("--nproc", args->nproc, "Data-parallel ranks per run")->check(CLI::Range(1, 1024));
  start_cmd->add_flag("--slurm", args->slurm,
                      "Train through Slurm: sbatch (on this login node) runs `workbench-cli run` under srun");
  start_cmd->add_option("--sbatch-arg", args->sbatch_args, "With --slurm: an #SBATCH option, e.g. --partition=gpu")
      ->allow_extra_args(false);
  start_cmd->footer("Makes HOME/launches/ID/ (spec.json, events.jsonl, output.log, pid, exit_status), starts\n"
                    "`workbench-cli run` there in a new session (it survives the ssh session) and prints one JSON\n"
                    "line: {\"launch\", \"folder\", \"events_file\", \"pid\", \"host\"}. Follow it with `tail ID --follow`.");
  start_cmd->callback([&context, args] { start(context, *args); });

  auto from = std::make_shared<std::int64_t>(0);
  auto follow = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  auto* tail_cmd = app.add_subcommand("tail", "Write a launch's JSON-lines events from a byte offset (whole lines)");
  tail_cmd->add_option("LAUNCH", *id, "Launch id (printed by `start`)")->required();
  tail_cmd->add_option("--from", *from, "Byte offset to start at: 0 or the end of a line already received")
      ->check(CLI::NonNegativeNumber);
  tail_cmd->add_flag("--follow,-f", *follow, "Keep writing new events until the experiment finishes");
  tail_cmd->footer("Exit codes with --follow: 0 once the experiment_finished line is written; 5 when the\n"
                   "launch's process ended without it (how it ended and its output.log's last lines on stderr).");
  tail_cmd->callback([&context, id, from, follow] { tail(context, *id, *from, *follow); });

  auto stop_id = std::make_shared<std::string>();
  auto* stop_cmd = app.add_subcommand("stop", "Ask a launch to stop like Ctrl-C: checkpoint, run interrupted");
  stop_cmd->add_option("LAUNCH", *stop_id, "Launch id")->required();
  stop_cmd->callback([&context, stop_id] { stop(context, *stop_id); });
}

}  // namespace wb
