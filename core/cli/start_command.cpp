// `workbench-cli start SPEC|-|--resume LAUNCH`: train detached on this host, in a launch folder
// (HOME/launches/ID/) that `tail`, `stop` and `launches` find by its id. A resumed launch
// continues an ended launch's experiment, started as that one was (its start.json).
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
#include "cli/launch_records.hpp"
#include "cli/resume_on_ranks.hpp"
#include "cli/run_liveness.hpp"
#include "cli/scheduler.hpp"
#include "data/process.hpp"
#include "launch/sbatch_script.hpp"
#include "remote/detached_process.hpp"
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

// Checks that launch `id` can be resumed and fills in what it was started with.
struct Resumed {
  LaunchFolder old;
  nlohmann::json record;        // its start.json ({} for a launch from before start.json)
  std::int64_t experiment = 0;  // the host's experiment id
};
Resumed resumable(const Workspace& workspace, const std::string& id, const std::string& db) {
  Resumed r{LaunchFolder::existing(workspace, id), nlohmann::json::object(), 0};
  auto process = launch_process(r.old);
  // Its experiment may be over while its process still ends (ranks tear down; `sbatch --wait`
  // checks the job every 10-30 s): `run --target`'s follower resumes the moment it reads the end.
  const bool over = last_lines(r.old.events(), 1).find("\"type\":\"experiment_finished\"") != std::string::npos;
  if (process.alive && over)
    for (int i = 0; i < 600 && process.alive; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      process = launch_process(r.old);
    }
  if (process.alive)
    throw UserError(ExitCode::kUsage, "launch " + id + " is still running (process " + std::to_string(process.pid) + ")",
                    "follow it (`workbench-cli tail " + id + " --follow` here, `workbench-cli attach " + id +
                        "` where it was started from), or stop it first: `workbench-cli stop " + id + "`");
  r.record = read_start_record(r.old);
  const std::filesystem::path store = r.record.value("db", db);
  const auto experiment = launch_experiment(r.old, store);
  if (!experiment)
    throw UserError(ExitCode::kUsage, "launch " + id + " never started a run: there is nothing to resume",
                    "start its spec again (" + r.old.spec().string() + "); its output.log says why it stopped");
  r.experiment = *experiment;
  if (const auto other = live_launch_of(workspace, r.experiment, store))
    throw UserError(ExitCode::kUsage,
                    "launch " + other->id + " is already training experiment " + std::to_string(r.experiment) +
                        " (launch " + id + "'s)",
                    "follow it with `workbench-cli tail " + other->id + " --follow`, or stop it first: "
                    "`workbench-cli stop " + other->id + "`");
  // Not refused: `run --target` resumes a remote experiment through here, and a finished one then
  // shows its table, as `resume --experiment` does locally.
  const auto runs = CliContext::open_store_for_reading(store).runs(r.experiment);
  if (runs.empty())
    throw UserError(ExitCode::kUsage, "launch " + id + "'s experiment " + std::to_string(r.experiment) + " is not in " +
                                          store.string(),
                    "give the --home (and --db) that launch was started with");
  if (std::all_of(runs.begin(), runs.end(), [](const RunRow& run) { return run.status == "finished" || run.status == "failed"; }))
    std::fprintf(stderr,
                 "note: launch %s's experiment %lld has nothing left to train (its %zu run(s) finished or failed): the "
                 "new launch only writes its table. `workbench-cli resume RUN` trains a failed run again\n",
                 id.c_str(), static_cast<long long>(r.experiment), runs.size());
  return r;
}

// Whether a run of the spec takes every core (training.threads 0, the default).
bool takes_every_core(const nlohmann::json& document) {
  try {
    const auto experiment = parse_experiment(document);
    return std::any_of(experiment.runs.begin(), experiment.runs.end(),
                       [](const auto& run) { return run.spec.training.threads == 0; });
  } catch (const std::exception&) {
    return false;  // a resumed launch's damaged spec copy: its runs' stored specs are what trains
  }
}

// Launches that each take every core (the spec's training.threads 0, no --threads) run many
// times slower side by side: OpenMP's threads wait for each other spinning. Said, not changed:
// the user may mean to queue this launch behind the other.
void warn_of_shared_cores(const Workspace& workspace, int processes) {
  std::vector<std::string> running;
  for (const auto& launch : launches_in(workspace)) {
    if (!launch_process(launch).alive) continue;
    const auto record = read_start_record(launch);
    // A Slurm launch's process is `sbatch --wait`, which trains elsewhere; one given --threads
    // took its share.
    const auto slurm = record.find("slurm");
    const auto threads = record.find("threads");
    if ((slurm != record.end() && slurm->is_boolean() && slurm->get<bool>()) ||
        (threads != record.end() && threads->is_number_integer() && threads->get<int>() >= 0))
      continue;
    running.push_back(launch.id);
  }
  if (running.empty()) return;
  const int share = threads_per_job(static_cast<int>(running.size()) + 1) / processes;
  std::fprintf(stderr,
               "note: launch %s%s already training on this host, and this one's runs take all %d cores "
               "(training.threads 0) in each process: launches that share the cores can run many times slower. "
               "Give each --threads %d (the cores split between the launches)\n",
               running.back().c_str(), running.size() > 1 ? " and others are" : " is", usable_cores(), std::max(1, share));
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
  if (args.nproc > 1 && jobs > 1)
    throw UserError(ExitCode::kUsage, "--jobs " + std::to_string(jobs) + " with --nproc " + std::to_string(args.nproc) +
                                          ": data-parallel ranks train one run at a time",
                    given.jobs == 0    ? "the launch you resume ran --jobs " + std::to_string(jobs) + ": add --jobs 1"
                    : given.nproc == 0 ? "the launch you resume ran --nproc " + std::to_string(args.nproc) +
                                             ": add --nproc 1 to train its runs side by side, or drop --jobs"
                                       : "drop --jobs, or drop --nproc and train runs side by side");
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
  // Its ranks other than 0 log into the launch's folder: another launch's rank 1 keeps to its own.
  command.insert(command.end(), {"--rank-logs", launch.dir.string()});
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
  if (!args.slurm && args.threads < 0 && takes_every_core(document))
    warn_of_shared_cores(workspace, std::max(1, args.nproc) * jobs);
  std::filesystem::create_directories(launch.dir);
  write_file_atomically(launch.spec(), document.dump(2) + "\n");
  auto record = start_record(args, db);
  if (resumed) record.update({{"resumes", resumed->old.id}, {"experiment_id", resumed->experiment}});
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
    pid = start_detached(launch, argv, {}, /*hold_stops=*/true);
  }
  nlohmann::json answer = {{"launch", launch.id}, {"folder", launch.dir.string()}, {"events_file", launch.events().string()},
                           {"pid", pid}, {"host", this_host_name()}};
  if (resumed) answer.update({{"resumes", resumed->old.id}, {"experiment_id", resumed->experiment}});
  std::printf("%s\n", answer.dump().c_str());
  std::fflush(stdout);
}

}  // namespace

void add_start_command(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<StartArgs>();
  auto* start_cmd = app.add_subcommand("start", "Train a spec detached on this host (for remote runs): prints its launch id");
  start_cmd->add_option("SPEC", args->spec, "Spec file, preset name, or - to read the spec from stdin");
  start_cmd->add_option("--resume", args->resume,
                        "Instead of SPEC: continue the experiment of an ended launch (its interrupted runs from their "
                        "checkpoints, then its queued runs) in a new launch, started as that one was");
  start_cmd->add_option("--device", args->device, "Override training.device")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  start_cmd->add_option("--threads", args->threads, "Override training.threads")->check(kNonNegative);
  start_cmd->add_option("--jobs,-j", args->jobs, "Runs at once (default 1)")->check(whole_number(1, 256));
  start_cmd->add_option("--nproc", args->nproc, "Data-parallel ranks per run")->check(whole_number(1, 1024));
  start_cmd->add_flag("--slurm", args->slurm,
                      "Train through Slurm: sbatch (on this login node) runs `workbench-cli run` under srun");
  start_cmd->add_option("--sbatch-arg", args->sbatch_args, "With --slurm: an #SBATCH option, e.g. --partition=gpu")
      ->allow_extra_args(false);
  start_cmd->footer("Makes HOME/launches/ID/ (spec.json, events.jsonl, output.log, pid, exit_status; with --nproc\n"
                    "also the other ranks' rank-R.log), starts `workbench-cli run` there in a new session (it\n"
                    "survives the ssh session) and prints one JSON line: {\"launch\", \"folder\", \"events_file\",\n"
                    "\"pid\", \"host\"} (with --resume also \"resumes\" and \"experiment_id\"). Follow it with\n"
                    "`tail ID --follow`.");
  start_cmd->callback([&context, args] { start(context, *args); });
}

}  // namespace wb
