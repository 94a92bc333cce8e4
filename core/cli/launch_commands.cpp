// The host side of a remote run, after `start` (start_command.cpp): `workbench-cli tail LAUNCH
// [--from OFFSET] [--follow] [--handshake]` (its events, whole lines only), `workbench-cli stop LAUNCH` (a
// Ctrl-C for it) and `workbench-cli launches` (what there is). The local side (`run --target
// ssh://HOST`) runs these over ssh; they are also what a user types on the host.
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "cli/cli_context.hpp"
#include "cli/launch_records.hpp"
#include "cli/resume_hint.hpp"
#include "data/process.hpp"
#include "remote/launch_folder.hpp"

namespace wb {
namespace {

bool writes_all(const std::string& bytes) {
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
}

// Waits up to `ms` for the launch to write more; true once the reader has gone. sshd does not
// signal a command without a terminal when its client disconnects, and a quiet launch (a Slurm
// job waiting in the queue, a long evaluation) writes nothing that would fail: without this, each
// dropped connection would leave a `tail --follow` waiting on the host until the launch ended.
bool reader_gone_within(int ms) {
  pollfd out{STDOUT_FILENO, 0, 0};  // no events asked for: POLLERR, POLLHUP and POLLNVAL still come
  return poll(&out, 1, ms) > 0 && (out.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0;
}

// How to go on after a launch ended without finishing: the host's command and, since `run
// --target` passes this on, the one for the machine that started it (its own experiment ids).
std::string how_to_continue(const CliContext& context, const LaunchFolder& launch) {
  try {
    const auto record = read_start_record(launch);
    if (!launch_experiment(launch, record.value("db", context.db_path().string())))
      return "it never started a run: start its spec again once that log's problem is fixed";
  } catch (const std::exception&) {
    // Its database cannot say: offer both ways on.
  }
  return "here, `workbench-cli start --resume " + launch.id + "` continues its experiment in a new launch; on the "
         "machine that ran `run --target`, `workbench-cli resume --experiment ID` (that machine's id) does";
}

void tail(CliContext& context, const std::string& id, std::int64_t from, bool follow, bool handshake) {
  const auto launch = LaunchFolder::existing(context.workspace(), id);
  if (from > 0) {  // a resumed reader must land on a line start, never in the middle of an event
    std::error_code ec;
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(launch.events(), ec));
    if (!ec && from > size)
      throw UserError(ExitCode::kUsage, "--from " + std::to_string(from) + " is past the end of " +
                                            launch.events().string() + " (" + std::to_string(size) + " bytes)",
                      "give the bytes received so far (0 for the whole file); a launch's events only grow");
    std::ifstream in(launch.events(), std::ios::binary);
    char before = 0;
    if (!in.seekg(from - 1) || !in.get(before) || before != '\n')
      throw UserError(ExitCode::kUsage, "--from " + std::to_string(from) + " is not the start of a line of " +
                                            launch.events().string(),
                      "give an offset after a whole line (0, or the bytes received so far)");
  }
  // On a line of its own even after shell-startup output without a line break (a title escape).
  if (handshake &&
      !writes_all("\n" + nlohmann::json{{"type", kTailHandshake}, {"launch", id}, {"from", from},
                                        {"version", PROJECT_VERSION_STRING}}.dump() + "\n"))
    return;
  std::int64_t offset = from;
  for (;;) {
    // Read the process's state before the file: a process found gone has written its last line.
    const auto process = launch_process(launch);
    for (std::string bytes; !(bytes = read_whole_lines(launch.events(), offset)).empty();) {
      if (!writes_all(bytes)) return;  // the reader went away (a dropped connection)
      offset += static_cast<std::int64_t>(bytes.size());
      if (const auto at = bytes.find("\"type\":\"experiment_finished\""); at != std::string::npos) {
        // Exit 0, or 130 when it says the experiment was stopped: a script tells the two apart.
        const auto begin = bytes.rfind('\n', at), end = bytes.find('\n', at);
        const auto line = nlohmann::json::parse(bytes.substr(begin == std::string::npos ? 0 : begin + 1,
                                                             end - (begin == std::string::npos ? 0 : begin + 1)),
                                                nullptr, /*allow_exceptions=*/false);
        if (follow && line.is_object() && line.value("interrupted", false))
          context.exit_code = static_cast<int>(ExitCode::kInterrupted);
        return;
      }
    }
    if (!follow) return;
    if (!process.alive) {
      std::fprintf(stderr,
                   "error: launch %s ended without finishing its experiment: its process %s\n"
                   "  last lines of %s:\n%s\n"
                   "  fix: read that log; `workbench-cli runs` on this host shows the runs' state; %s\n",
                   id.c_str(), process.describe().c_str(), launch.output_log().c_str(),
                   last_lines(launch.output_log(), 15).c_str(), how_to_continue(context, launch).c_str());
      context.exit_code = kLaunchEndedWithoutFinishing;
      return;
    }
    if (reader_gone_within(200)) return;
  }
}

void stop(CliContext& context, const std::string& id) {
  const auto launch = LaunchFolder::existing(context.workspace(), id);
  const auto process = launch_process(launch);
  if (!process.alive) {
    std::printf("launch %s is not running: its process %s\n", id.c_str(), process.describe().c_str());
    return;
  }
  std::string job;
  if (std::filesystem::exists(launch.dir / "job.sbatch")) {
    // A Slurm launch: its process is `sbatch --wait`, which a SIGINT would end without the job.
    // Its job id arrives once sbatch has submitted the job (a stop can come right after `start`).
    for (int i = 0; i < 300 && job.empty() && launch_process(launch).alive; ++i) {
      std::ifstream slurm_job(launch.dir / "slurm_job");
      if (!std::getline(slurm_job, job) || job.empty())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (job.empty() && !launch_process(launch).alive) {  // sbatch ended without a job (refused)
      std::printf("launch %s is not running: its process %s\n", id.c_str(), launch_process(launch).describe().c_str());
      return;
    }
    if (job.empty())
      throw UserError(ExitCode::kRuntime, "launch " + id + "'s Slurm job has no id yet (sbatch has not submitted it)",
                      "run `workbench-cli stop " + id + "` again in a moment; `squeue --me` shows the job once it "
                      "is submitted");
  }
  if (!job.empty()) {
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


// A launch's state in a word or two, for `launches`.
std::string state_of(const LaunchProcess& process) {
  if (process.alive) return "running";
  if (process.exit_code == 0) return "finished";
  if (process.exit_code == static_cast<int>(ExitCode::kInterrupted)) return "stopped";
  if (process.exit_code) return "failed (exit " + std::to_string(*process.exit_code) + ")";
  if (process.signal) return "killed (signal " + std::to_string(*process.signal) + ")";
  return process.pid == 0 ? "not started" : "gone (no exit status)";
}

// This workspace's launches, oldest first: state, process, experiment, what each resumes, spec.
void list_launches(const CliContext& context) {
  const auto workspace = context.workspace();
  const auto launches = launches_in(workspace);
  if (launches.empty()) {
    std::printf("no launches in %s yet: `workbench-cli start SPEC` makes one\n", (workspace.root / "launches").c_str());
    return;
  }
  std::printf("%-22s  %-21s  %8s  %10s  %-22s  %s\n", "launch", "state", "pid", "experiment", "resumes", "spec");
  // A field of a damaged start.json or spec.json reads as "?": one launch must not hide the others.
  const auto text = [](const nlohmann::json& object, const char* key) -> std::string {
    if (!object.is_object() || !object.contains(key)) return "-";
    return object[key].is_string() ? object[key].get<std::string>() : "?";
  };
  for (const auto& launch : launches) {
    const auto process = launch_process(launch);
    const auto record = read_start_record(launch);
    std::string experiment = "-";
    try {
      const auto db = record.contains("db") ? text(record, "db") : context.db_path().string();
      if (const auto id = launch_experiment(launch, db)) experiment = std::to_string(*id);
    } catch (const std::exception&) {
      experiment = "?";  // its database is another (--home, --db) or unreadable
    }
    std::ifstream spec_file(launch.spec());
    const auto spec = nlohmann::json::parse(spec_file, nullptr, /*allow_exceptions=*/false);
    std::printf("%-22s  %-21s  %8s  %10s  %-22s  %s\n", launch.id.c_str(), state_of(process).c_str(),
                process.pid > 0 ? std::to_string(process.pid).c_str() : "-", experiment.c_str(),
                text(record, "resumes").c_str(), text(spec, "name").c_str());
  }
  const std::string cli = "workbench-cli" + global_options(context);
  std::printf("Follow one: `%s tail LAUNCH --follow`; stop it: `%s stop LAUNCH`; continue one that ended: `%s start "
              "--resume LAUNCH`\n", cli.c_str(), cli.c_str(), cli.c_str());
}

}  // namespace

void add_launch_commands(CLI::App& app, CliContext& context) {
  auto* list_cmd = app.add_subcommand("launches", "List this workspace's launches (`start`): state, pid, experiment");
  list_cmd->footer("On the host of `run --target`: each launch's id is what `tail`, `stop` and `start --resume` take.");
  list_cmd->callback([&context] { list_launches(context); });

  auto from = std::make_shared<std::int64_t>(0);
  auto follow = std::make_shared<bool>(false);
  auto handshake = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  auto* tail_cmd = app.add_subcommand("tail", "Write a launch's JSON-lines events from a byte offset (whole lines)");
  tail_cmd->add_option("LAUNCH", *id, "Launch id (printed by `start`)")->required();
  tail_cmd->add_option("--from", *from, "Byte offset to start at: 0 or the end of a line already received")
      ->check(kNonNegative);
  tail_cmd->add_flag("--follow,-f", *follow, "Keep writing new events until the experiment finishes");
  tail_cmd->add_flag("--handshake", *handshake,
                     "First write a line {\"type\":\"tail_handshake\",...} that is not an event: what `run --target` "
                     "reads to tell the events from text a shell startup file on the host prints");
  tail_cmd->footer("Exit codes with --follow: 0 once the experiment_finished line is written (130 when it says the\n"
                   "experiment was stopped); 5 when the launch's process ended without it (how it ended and its\n"
                   "output.log's last lines on stderr).");
  tail_cmd->callback([&context, id, from, follow, handshake] { tail(context, *id, *from, *follow, *handshake); });

  auto stop_id = std::make_shared<std::string>();
  auto* stop_cmd = app.add_subcommand("stop", "Ask a launch to stop like Ctrl-C: checkpoint, run interrupted");
  stop_cmd->add_option("LAUNCH", *stop_id, "Launch id")->required();
  stop_cmd->footer("Example: workbench-cli stop 20261206-140512-k3x9q2   (ids: `workbench-cli launches`); a run stopped\n"
                   "so is interrupted with a checkpoint: `workbench-cli start --resume LAUNCH` continues it.");
  stop_cmd->callback([&context, stop_id] { stop(context, *stop_id); });
}

}  // namespace wb
