// The host side of a remote run: `workbench-cli start SPEC|-` (train detached, in a launch
// folder), `workbench-cli tail LAUNCH [--from OFFSET] [--follow]` (its events, whole lines only)
// and `workbench-cli stop LAUNCH` (a Ctrl-C for it). The local side (`run --target ssh://HOST`)
// runs these over ssh; they are also what a user types on the host.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <random>
#include <thread>

#include "cli/cli_context.hpp"
#include "cli/resume_on_ranks.hpp"
#include "cli/run_liveness.hpp"
#include "data/process.hpp"
#include "launch/sbatch_script.hpp"
#include "remote/detached_process.hpp"
#include "remote/event_decode.hpp"
#include "remote/launch_folder.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

struct StartArgs {
  std::string spec;
  std::string resume;  // --resume LAUNCH: continue that launch's experiment in a new launch
  std::string device;
  int threads = -1;
  int jobs = 0;   // 0: not given (1, or what the resumed launch had)
  int nproc = 0;  // 0: not given
  bool slurm = false;                    // through sbatch on this (login) node
  std::vector<std::string> sbatch_args;  // --sbatch-arg: one #SBATCH line each
};

// How a launch was started, kept in its folder (start.json) so that `start --resume` continues it
// the same way: the same database, ranks, threads, device and Slurm options.
nlohmann::json start_record(const StartArgs& args, const std::string& db) {
  return {{"db", db}, {"device", args.device}, {"threads", args.threads}, {"jobs", args.jobs},
          {"nproc", args.nproc}, {"slurm", args.slurm}, {"sbatch_args", args.sbatch_args}};
}

// `given` with what it leaves unset taken from `record` (a launch's start.json).
StartArgs with_recorded_defaults(StartArgs given, const nlohmann::json& record) {
  if (given.device.empty()) given.device = record.value("device", "");
  if (given.threads < 0) given.threads = record.value("threads", -1);
  if (given.jobs == 0) given.jobs = record.value("jobs", 0);
  if (given.nproc == 0) given.nproc = record.value("nproc", 0);
  given.slurm = given.slurm || record.value("slurm", false);
  if (given.sbatch_args.empty()) given.sbatch_args = record.value("sbatch_args", std::vector<std::string>{});
  return given;
}

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

// The host's experiment that launch `old` trained: the experiment of the first run its events
// name (its database has it), else its experiment_finished line's.
std::int64_t launch_experiment(const LaunchFolder& old, const std::filesystem::path& db) {
  std::ifstream in(old.events());
  for (std::string line; std::getline(in, line);) {
    const auto event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    EventHeader header;
    try {
      header = decode_header(event);
    } catch (const UserError&) {
      continue;  // not an event (a damaged line)
    }
    if (header.run_id > 0) {
      const std::string id = std::to_string(header.run_id);
      if (const auto run = CliContext::open_store_for_reading(db).find_run(id)) return run->experiment_id;
      throw UserError(ExitCode::kUsage, "launch " + old.id + " trained run " + id + ", which " + db.string() + " lacks",
                      "give the --home (and --db) that launch was started with");
    }
    if (header.type == "experiment_finished") return event.value("experiment_id", std::int64_t{0});
  }
  throw UserError(ExitCode::kUsage, "launch " + old.id + " never started a run: there is nothing to resume",
                  "start its spec again (" + old.spec().string() + "); its output.log says why it stopped");
}

// Checks that launch `id` can be resumed and fills in what it was started with.
struct Resumed {
  LaunchFolder old;
  nlohmann::json record;        // its start.json ({} for a launch from before start.json)
  std::int64_t experiment = 0;  // the host's experiment id
};
Resumed resumable(const Workspace& workspace, const std::string& id, const std::string& db) {
  Resumed r{LaunchFolder::existing(workspace, id), nlohmann::json::object(), 0};
  const auto process = launch_process(r.old);
  if (process.alive)
    throw UserError(ExitCode::kUsage, "launch " + id + " is still running (process " + std::to_string(process.pid) + ")",
                    "follow it (`workbench-cli attach " + id + "` where it was started), or stop it first: "
                    "`workbench-cli stop " + id + "`");
  if (std::ifstream in(r.old.start_record()); in) r.record = nlohmann::json::parse(in, nullptr, false);
  if (!r.record.is_object()) r.record = nlohmann::json::object();
  r.experiment = launch_experiment(r.old, r.record.value("db", db));
  return r;
}

void start(CliContext& context, const StartArgs& given) {
  if (given.spec.empty() == given.resume.empty())
    throw UserError(ExitCode::kUsage, "start needs SPEC or --resume LAUNCH (one of them)",
                    "`workbench-cli start my.json`, or `workbench-cli start --resume 20261206-140512-k3x9q2`");
  const Workspace workspace{std::filesystem::absolute(context.workspace().root)};
  std::string db = std::filesystem::absolute(context.db_path()).string();
  std::optional<Resumed> resumed;
  nlohmann::json document;  // before any file is made: a bad spec or launch makes none
  if (given.resume.empty()) {
    document = read_spec(given.spec);
  } else {
    resumed = resumable(workspace, given.resume, db);
    db = resumed->record.value("db", db);
    document = nlohmann::json::parse(std::ifstream(resumed->old.spec()), nullptr, false);
    if (!document.is_object()) document = nlohmann::json::object();  // only kept for the record
  }
  const StartArgs args = resumed ? with_recorded_defaults(given, resumed->record) : given;
  // A batch the ranks cannot share fails here, not after the launch.
  if (args.nproc > 1) {
    if (resumed)
      check_rank_split(CliContext::open_store_for_reading(db), resumed->experiment, args.nproc, {}, RankCountHint::kNproc);
    else check_rank_split(parse_experiment(document), args.nproc);
  }
  const int jobs = std::max(1, args.jobs);
  if (args.slurm && jobs > 1)
    throw UserError(ExitCode::kUsage, "--jobs " + std::to_string(jobs) + " with --slurm: a Slurm launch is one job whose "
                                          "ranks train the runs one after another",
                    "drop --jobs (give --jobs 1 to resume a launch started with more); for runs side by side, "
                    "start them as separate launches");
  std::random_device entropy;
  const std::uint64_t random = (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy() ^ static_cast<std::uint64_t>(getpid());
  const auto launch = LaunchFolder::of(workspace, new_launch_id(std::chrono::system_clock::now(), random));
  const std::string cli = std::filesystem::read_symlink("/proc/self/exe").string();
  // What the ranks train: the spec, or the resumed experiment (interrupted runs from their
  // checkpoints, then its queued runs).
  std::vector<std::string> command = {"run", launch.spec().string()};
  if (resumed) command = {"resume", "--experiment", std::to_string(resumed->experiment)};
  std::string job_script;  // with --slurm; made before the folder: a value it refuses leaves no folder
  if (args.slurm) {
    if (!program_in_path("sbatch"))
      throw UserError(ExitCode::kUsage, "sbatch is not in PATH: this host cannot submit Slurm jobs",
                      "drop --slurm (train on the host itself), or target the cluster's login node");
    SbatchOptions options;
    options.job_name = sbatch_job_name(document.value("name", "workbench"));
    options.tasks_per_node = std::max(1, args.nproc);
    if (args.device == "cuda") options.gpus_per_node = std::max(1, args.nproc);  // one GPU per rank
    options.threads_per_task = std::max(0, args.threads);
    options.device = args.device;
    options.extra_sbatch_args = args.sbatch_args;
    options.workbench_cli = cli;
    options.home = workspace.root;
    options.db = db;
    options.command = command;
    options.events_file = launch.events();
    options.output_log = launch.output_log();
    job_script = sbatch_script(options);  // refuses bad values
    refuse_gpus_for_a_cpu_build(options.gpus_per_node, "drop --device cuda");
  }
  std::filesystem::create_directories(launch.dir);
  write_file_atomically(launch.spec(), document.dump(2) + "\n");
  auto record = start_record(args, db);
  if (resumed) record["resumes"] = resumed->old.id;
  write_file_atomically(launch.start_record(), record.dump(2) + "\n");
  std::ofstream(launch.events(), std::ios::app).flush();  // exists at once: `tail` may come first
  pid_t pid = 0;
  if (args.slurm) {
    // `sbatch --wait` is the launch's process: it returns when the job has ended, with the job's
    // exit status, so `tail` and `stop` treat a Slurm launch like a local one; its --parsable
    // job id goes to slurm_job (for `stop`: scancel). It must be allowed to run on this node for
    // as long as the job.
    write_file_atomically(launch.dir / "job.sbatch", job_script);
    pid = start_detached(launch, {"/usr/bin/env", "sbatch", "--wait", "--parsable", (launch.dir / "job.sbatch").string()},
                         launch.dir / "slurm_job");
  } else {
    // The run appends its events to the events file (a line at a time, flushed); progress, errors
    // and the outcome table go to output.log.
    std::vector<std::string> argv = {cli, "--home", workspace.root.string(), "--db", db};
    argv.insert(argv.end(), command.begin(), command.end());
    argv.insert(argv.end(), {"--events-file", launch.events().string(), "--jobs", std::to_string(jobs)});
    if (!args.device.empty()) argv.insert(argv.end(), {"--device", args.device});
    if (args.threads >= 0) argv.insert(argv.end(), {"--threads", std::to_string(args.threads)});
    if (args.nproc > 0) argv.insert(argv.end(), {"--nproc", std::to_string(args.nproc)});
    pid = start_detached(launch, argv);
  }
  nlohmann::json answer = {{"launch", launch.id}, {"folder", launch.dir.string()}, {"events_file", launch.events().string()},
                           {"pid", pid}, {"host", this_host_name()}};
  if (resumed) answer.update({{"resumes", resumed->old.id}, {"experiment_id", resumed->experiment}});
  std::printf("%s\n", answer.dump().c_str());
  std::fflush(stdout);
}

bool writes_all(const std::string& bytes) {
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
}

void tail(CliContext& context, const std::string& id, std::int64_t from, bool follow) {
  const auto launch = LaunchFolder::existing(context.workspace(), id);
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
  const auto launch = LaunchFolder::existing(context.workspace(), id);
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
  start_cmd->add_option("SPEC", args->spec, "Spec file, preset name, or - to read the spec from stdin");
  start_cmd->add_option("--resume", args->resume,
                        "Instead of SPEC: continue the experiment of an ended launch (its interrupted runs from their "
                        "checkpoints, then its queued runs) in a new launch, started as that one was");
  start_cmd->add_option("--device", args->device, "Override training.device")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  start_cmd->add_option("--threads", args->threads, "Override training.threads")->check(kNonNegative);
  start_cmd->add_option("--jobs,-j", args->jobs, "Runs at once (default 1)")->check(CLI::Range(1, 256));
  start_cmd->add_option("--nproc", args->nproc, "Data-parallel ranks per run")->check(CLI::Range(1, 1024));
  start_cmd->add_flag("--slurm", args->slurm,
                      "Train through Slurm: sbatch (on this login node) runs `workbench-cli run` under srun");
  start_cmd->add_option("--sbatch-arg", args->sbatch_args, "With --slurm: an #SBATCH option, e.g. --partition=gpu")
      ->allow_extra_args(false);
  start_cmd->footer("Makes HOME/launches/ID/ (spec.json, events.jsonl, output.log, pid, exit_status), starts\n"
                    "`workbench-cli run` there in a new session (it survives the ssh session) and prints one JSON\n"
                    "line: {\"launch\", \"folder\", \"events_file\", \"pid\", \"host\"} (with --resume also \"resumes\" and\n"
                    "\"experiment_id\"). Follow it with `tail ID --follow`.");
  start_cmd->callback([&context, args] { start(context, *args); });

  auto from = std::make_shared<std::int64_t>(0);
  auto follow = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  auto* tail_cmd = app.add_subcommand("tail", "Write a launch's JSON-lines events from a byte offset (whole lines)");
  tail_cmd->add_option("LAUNCH", *id, "Launch id (printed by `start`)")->required();
  tail_cmd->add_option("--from", *from, "Byte offset to start at: 0 or the end of a line already received")
      ->check(kNonNegative);
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
