// `workbench-cli run SPEC` and `workbench-cli resume RUN | --experiment ID`: train (--jobs N at
// once), then print the outcome table. Also the hidden `workbench-cli worker RUN_ID` that the
// scheduler starts for each run.
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "cli/cli_context.hpp"
#include "cli/experiment_runner.hpp"
#include "cli/jsonl_events.hpp"
#include "cli/launch_records.hpp"
#include "cli/local_ranks.hpp"
#include "cli/rank_job.hpp"
#include "cli/rank_join.hpp"
#include "cli/remote_run.hpp"
#include "cli/resume_hint.hpp"
#include "cli/resume_on_ranks.hpp"
#include "cli/run_liveness.hpp"
#include "cli/run_lookup.hpp"
#include "cli/scheduler.hpp"
#include "cli/stop_signals.hpp"
#include "common/errors.hpp"
#include "spec/presets.hpp"
#include "train/dist_env.hpp"
#include "train/error_text.hpp"
#include "train/rank_group.hpp"

namespace wb {
namespace {

std::atomic<bool> g_stop{false};  // set by the first Ctrl-C or SIGTERM (stop_signals.hpp)

struct RunArgs {
  std::string spec;
  std::string events;
  std::string device;
  int threads = -1;
  std::string run;  // resume: id or exact name
  std::int64_t experiment = 0;  // resume --experiment, resolved from experiment_given
  std::string experiment_given;  // resume --experiment: an id or a name
  bool force = false;
  int jobs = 1;
  std::int64_t worker_run = 0;  // worker RUN_ID
  bool fresh = false;           // worker: ignore a checkpoint (the run was never started)
  std::string events_file;      // --events-file
  int nproc = 1;                // --nproc: data-parallel ranks on this machine
  std::string rank_logs;        // --rank-logs: where ranks other than 0 log (default HOME/logs)
};

// Where the ranks other than 0 write rank-R.log: --rank-logs, else HOME/logs.
std::filesystem::path rank_log_dir(const CliContext& context, const RunArgs& args) {
  if (args.rank_logs.empty()) return context.workspace().root / "logs";
  return std::filesystem::absolute(args.rank_logs);
}

void report(const ExperimentOutcome& outcome, const CliContext& context, std::FILE* events) {
  std::FILE* out = events == stdout ? stderr : stdout;
  std::fprintf(out, "\n%s (experiment %lld): %zu run(s)\n%s", outcome.experiment_name.c_str(),
               static_cast<long long>(outcome.experiment_id), outcome.runs.size(),
               format_summary_table(outcome.runs).c_str());
  std::fprintf(out, "\nResults: %s (summary.csv, metrics.csv)\nRun database: %s\n",
               outcome.results_dir.string().c_str(), context.db_path().string().c_str());
  std::fprintf(out, "Inspect: workbench-cli runs | workbench-cli show RUN | workbench-cli metrics RUN --csv\n");
  for (const auto& r : outcome.runs)
    if (r.status == kKilledStatus)
      std::fprintf(out, "Run %lld was killed (marked running, its process is gone): continue it with "
                        "`workbench-cli%s resume %lld`\n", static_cast<long long>(r.run_id), global_options(context).c_str(),
                   static_cast<long long>(r.run_id));
    else if (r.status != "finished" && r.evaluated)
      std::fprintf(out, "Run %lld (%s) has not finished its schedule: its losses are not compared (\"vs 1 ep.\": -)\n",
                   static_cast<long long>(r.run_id), r.status.c_str());
  if (outcome.interrupted && !outcome.resume_command.empty())
    std::fprintf(out, "Interrupted: continue with `%s`%s%s\n", outcome.resume_command.c_str(),
                 outcome.resume_how.empty() ? "" : " ", outcome.resume_how.c_str());
  if (events) {
    JsonlEvents jsonl(events);
    jsonl.write({{"type", "experiment_finished"}, {"experiment_id", outcome.experiment_id},
                 {"interrupted", outcome.interrupted}, {"results_dir", outcome.results_dir.string()},
                 {"runs", summary_json(outcome.runs)}});
  }
}

enum class Command { kRun, kResume, kWorker };

// Where JSON-lines events go: stdout (--events jsonl), a file appended line by line
// (--events-file, what a detached or remote run is followed through), or nowhere.
using EventsFile = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
EventsFile open_events(const RunArgs& args) {
  if (!args.events.empty() && !args.events_file.empty())
    throw UserError(ExitCode::kUsage, "--events and --events-file both say where the events go",
                    "give one: --events jsonl for stdout, --events-file PATH for a file");
  if (args.events == "jsonl") return {stdout, [](std::FILE*) { return 0; }};
  if (args.events_file.empty()) return {nullptr, [](std::FILE*) { return 0; }};
  std::FILE* file = std::fopen(args.events_file.c_str(), "a");
  if (!file)
    throw UserError(ExitCode::kUsage, "cannot append to the events file " + args.events_file + ": " + std::strerror(errno),
                    "give a path in a writable folder");
  std::setvbuf(file, nullptr, _IOLBF, 0);
  return {file, &std::fclose};
}

// The command each rank of `--nproc N` runs: this one, without --nproc, with its share of the cores.
std::vector<std::string> rank_command(const CliContext& context, const RunArgs& args, Command command) {
  std::vector<std::string> argv = {"/proc/self/exe"};
  if (!context.home.empty()) argv.insert(argv.end(), {"--home", std::filesystem::absolute(context.home).string()});
  if (!context.db.empty()) argv.insert(argv.end(), {"--db", std::filesystem::absolute(context.db).string()});
  if (command == Command::kRun) {
    argv.insert(argv.end(), {"run", args.spec});
  } else {
    argv.push_back("resume");
    if (!args.run.empty()) argv.push_back(args.run);
    else argv.insert(argv.end(), {"--experiment", std::to_string(args.experiment)});
    if (args.force) argv.push_back("--force");
  }
  if (!args.events.empty()) argv.insert(argv.end(), {"--events", args.events});
  if (!args.events_file.empty())
    argv.insert(argv.end(), {"--events-file", std::filesystem::absolute(args.events_file).string()});
  if (!args.rank_logs.empty()) argv.insert(argv.end(), {"--rank-logs", rank_log_dir(context, args).string()});
  if (!args.device.empty()) argv.insert(argv.end(), {"--device", args.device});
  const int threads = args.threads >= 0 ? args.threads : threads_per_job(args.nproc);
  argv.insert(argv.end(), {"--threads", std::to_string(threads)});
  return argv;
}

// A run told to train on a GPU this process cannot see fails before anything is made (no
// tokenized data, no queued row); resolve_device says why and what to do. The ranks of a job
// check in their start instead, where one rank's failure fails the run on all of them.
void refuse_unavailable_device(const ExperimentSpec& experiment, const std::string& device_override) {
  if (!device_override.empty()) resolve_device(device_override);
  else
    for (const auto& run : experiment.runs) resolve_device(run.spec.training.device);
}

// The same for `resume`: the runs it would continue, with the way out a stored spec leaves.
void refuse_unavailable_device_to_resume(const RunStore& store, const RunArgs& args) {
  if (!args.device.empty()) return;  // checked as the override
  std::vector<RunRow> rows;
  if (!args.run.empty()) {
    if (auto row = store.find_run(args.run)) rows.push_back(*row);
  } else {
    rows = store.runs(args.experiment);
  }
  for (const auto& row : rows) {
    if (row.status == "finished" || row.status == "failed") continue;
    std::string device;
    try {
      device = parse_run_spec(nlohmann::json::parse(row.spec_json)).training.device;
    } catch (const std::exception&) {
      continue;  // resuming it says what is wrong with it
    }
    try {
      resolve_device(device);
    } catch (const UserError& e) {
      throw UserError(ExitCode::kUsage, "run " + std::to_string(row.id) + ": " + e.what(),
                      "resume it with --device cpu (its checkpoint continues there), or on a machine whose "
                      "LibTorch sees a GPU");
    }
  }
}

// What `resume --nproc N` would train, checked before any rank starts: the run (or experiment),
// the device its stored specs ask for, and that their batches split over the N ranks. Returns
// the arguments the ranks get: a run named by its id, found here once.
RunArgs refuse_to_resume_on_ranks(const RunStore& store, RunArgs args) {
  std::int64_t experiment = args.experiment;
  std::vector<std::int64_t> named;
  if (args.run.empty()) {
    require_experiment(store, experiment);
  } else {
    const auto row = run_to_resume(store, args.run);
    experiment = row.experiment_id;  // its queued siblings follow it
    named.push_back(row.id);
    args.run = std::to_string(row.id);
  }
  refuse_unavailable_device_to_resume(store, args);
  check_rank_split(store, experiment, args.nproc, named, RankCountHint::kNproc);
  return args;
}

// How the parent of `--nproc` words the resume command: with the --home, --db and --device given.
ResumeHint resume_hint(const CliContext& context, const RunArgs& args) {
  return {context.workspace(), context.db_path(), global_options(context), args.device, args.nproc, args.events_file};
}

void check_launch_options(const RunArgs& args, const DistEnv& dist) {
  if (args.nproc > 1 && dist.distributed())
    throw UserError(ExitCode::kUsage,
                    "--nproc " + std::to_string(args.nproc) + " in a process that already is " + rank_label(dist),
                    "drop --nproc: whatever set RANK and WORLD_SIZE (or srun's SLURM_PROCID) starts the ranks; or "
                    "unset those variables to start them here");
  if ((args.nproc > 1 || dist.distributed()) && args.jobs > 1)
    throw UserError(ExitCode::kUsage, "--jobs " + std::to_string(args.jobs) + " with several ranks per run",
                    "data-parallel ranks train one run at a time: drop --jobs, or drop --nproc and train runs side "
                    "by side");
}

void execute(CliContext& context, const RunArgs& args, Command command) {
  if (command == Command::kResume && args.run.empty() == (args.experiment == 0))
    throw UserError(ExitCode::kUsage, "resume needs a run or --experiment ID (one of them)",
                    "e.g. `workbench-cli resume 3` or `workbench-cli resume --experiment 1 --jobs 2`");
  auto dist = DistEnv::from_environment();
  check_launch_options(args, dist);
  // Nothing to resume without a database: say so, rather than make an empty one and find no run.
  if (command == Command::kResume && !dist.distributed()) static_cast<void>(context.open_store_for_reading());
  install_stop_handlers(&g_stop);
  if (args.nproc > 1) {
    RunArgs rank_args = args;
    if (command == Command::kRun) {  // a typo, or a batch the ranks cannot share, starts no ranks
      const auto experiment = load_spec_or_preset(args.spec);
      check_rank_split(experiment, args.nproc);
      refuse_unavailable_device(experiment, args.device);
    } else {
      refuse_unavailable_device({}, args.device);
      rank_args = refuse_to_resume_on_ranks(context.open_store_for_reading(), args);
    }
    // On the CPU, ranks beyond the cores take turns: each step waits for the slowest of them.
    const int cores = usable_cores();
    if ((!built_with_cuda() || args.device == "cpu") && args.threads < 0 && args.nproc > cores)
      std::fprintf(stderr,
                   "note: %d ranks on %d core(s): each gets one thread and they take turns, which trains slower "
                   "than --nproc %d would\n",
                   args.nproc, cores, cores);
    LocalRanksOptions ranks;
    ranks.nproc = args.nproc;
    ranks.rank_argv = rank_command(context, rank_args, command);
    ranks.stop = &g_stop;
    ranks.log_dir = rank_log_dir(context, args).string();
    const auto running_before = runs_marked_running(context.db_path());
    const auto ranks_outcome = run_local_ranks(ranks);
    context.exit_code = ranks_outcome.exit_code;
    if (ranks_outcome.rank_zero_killed)
      for (const auto& line : runs_left_by_rank_zero(resume_hint(context, args), ranks_outcome.rank_zero_pid, running_before))
        std::fprintf(stderr, "%s\n", line.c_str());
    return;
  }
  RunnerOptions options;
  options.stop = &g_stop;
  options.device_override = args.device;
  options.threads_override = args.threads;
  options.force = args.force;
  options.jobs = args.jobs;
  options.worker = command == Command::kWorker;
  std::int64_t lost_rank_run = 0;
  options.lost_rank_run = &lost_rank_run;

  // A data-parallel job: every rank joins; rank 0 runs the experiment below, the others follow it.
  std::unique_ptr<RankGroup> group;
  std::unique_ptr<RankLeader> leader;
  if (dist.distributed()) {
    // A write to a dead rank's socket must be an error the collective reports (naming the rank),
    // not SIGPIPE ending this rank too: Python ignores SIGPIPE, so PyTorch's ranks never see it.
    std::signal(SIGPIPE, SIG_IGN);
    dist.rank_log_dir = rank_log_dir(context, args).string();
    if (!dist.is_main()) redirect_to_rank_log(dist.rank_log_dir, dist.rank, dist.world_size);
    if (args.threads < 0) {  // torchrun and srun start every rank on all the cores
      const auto share = rank_threads(dist, usable_cores());
      options.every_core_threads = share.threads;
      if (!share.note.empty()) std::fprintf(stderr, "%s\n", share.note.c_str());
    }
    {
      const JoinWatch watch(dist, collective_timeout(), &g_stop);
      group = join_rank_group(dist, &g_stop, collective_timeout(), heartbeat_timeout());
    }
    if (!dist.is_main()) {
      context.exit_code = follow_rank_zero(*group, context.workspace(), options);
      return;
    }
    leader = std::make_unique<RankLeader>(*group);
    options.leader = leader.get();
  }
  try {
    // The spec is checked before the database is touched: a typo creates no files.
    const ExperimentSpec experiment = command == Command::kRun ? load_spec_or_preset(args.spec) : ExperimentSpec{};
    if (!dist.distributed() && command != Command::kWorker) refuse_unavailable_device(experiment, args.device);
    auto store = RunStore::open(context.db_path());
    if (command == Command::kResume && !dist.distributed()) refuse_unavailable_device_to_resume(store, args);
    const EventsFile events = open_events(args);
    options.events = events.get();
    ExperimentRunner runner(context.workspace(), store, options);
    if (command == Command::kWorker) {
      // If the scheduler dies, the kernel sends SIGTERM (see child_process.hpp) and the pipes to it
      // break: writing the last progress lines must not kill the worker before its checkpoint.
      std::signal(SIGPIPE, SIG_IGN);
      if (runner.work(args.worker_run, args.fresh).status == "interrupted")
        context.exit_code = static_cast<int>(ExitCode::kInterrupted);
      return;
    }
    auto outcome = command == Command::kRun      ? runner.run(experiment)
                   : args.experiment != 0        ? runner.resume_experiment(args.experiment)
                                                 : runner.resume(args.run);
    if (leader) leader->finish();
    // A run a `start` launch trains is continued by a new launch (`start --resume`), which `tail` follows.
    const auto launch =
        launch_training(context.workspace(), context.db_path(), args.events_file, outcome.experiment_id);
    complete_resume_hint(outcome, context, dist, launch);
    report(outcome, context, options.events);
    if (outcome.first_failure) std::rethrow_exception(outcome.first_failure);  // its exit code
    if (outcome.interrupted) context.exit_code = static_cast<int>(ExitCode::kInterrupted);
  } catch (const RankFailure& e) {
    if (leader) leader->finish(error_text(e));  // the other ranks stop with rank 0's reason
    if (lost_rank_run == 0) throw;
    // The run was cut off, not wrong: its checkpoint continues it, on the job's ranks.
    ExperimentOutcome hint;
    hint.resume_command = "workbench-cli resume " + std::to_string(lost_rank_run);
    // Not `start --resume`: a run cut off this way is marked failed, which only `resume RUN` trains again.
    complete_resume_hint(hint, context, dist, /*launch=*/"");
    const bool checkpointed =
        std::filesystem::exists(context.workspace().last_checkpoint(context.db_path(), lost_rank_run));
    // The general advice ends in "resume it from ... checkpoint": the command below says it exactly.
    std::string fix = e.fix();
    if (const auto general = fix.rfind("; resume "); general != std::string::npos) fix.erase(general);
    throw RankFailure(e.what(), fix + ". Continue run " + std::to_string(lost_rank_run) +
                                    (checkpointed ? " from its last checkpoint" : " (from step 0: it wrote no checkpoint)") +
                                    " with `" + hint.resume_command + "`" +
                                    (hint.resume_how.empty() ? "" : " " + hint.resume_how));
  } catch (const std::exception& e) {
    if (leader) leader->finish(error_text(e));  // the other ranks stop with rank 0's reason
    throw;
  }
}

void add_common_options(CLI::App* cmd, RunArgs& args) {
  cmd->add_option("--events", args.events, "Also stream events on stdout: jsonl (one JSON object per line)")
      ->check(CLI::IsMember({"jsonl"}));
  cmd->add_option("--events-file", args.events_file,
                  "Append the same JSON lines to this file instead (flushed per line; only rank 0 writes)");
  cmd->add_option("--device", args.device, "Override training.device: auto, cpu or cuda")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  cmd->add_option("--threads", args.threads,
                  "Override training.threads (0: all cores); with --jobs N, per run (default: cores / N)")
      ->check(kNonNegative);
  cmd->add_option("--rank-logs", args.rank_logs,
                  "Folder for the logs of the ranks other than 0, rank-R.log (default HOME/logs; each `start` "
                  "launch gives its own folder, so concurrent jobs keep apart)");
}

void add_jobs_option(CLI::App* cmd, RunArgs& args) {
  cmd->add_option("--jobs,-j", args.jobs,
                  "Runs at once (default 1: one after another in this process); above 1 each run trains in a "
                  "worker process")
      ->check(whole_number(1, 256));
  cmd->add_option("--nproc", args.nproc,
                  "Data-parallel ranks on this machine (default 1): each run is trained by N processes, each on "
                  "batch_size / N sequences of every batch (one GPU per rank where there are GPUs, else the cores "
                  "split between them); the run's curve stays the same")
      ->check(whole_number(1, 1024));
}

}  // namespace

void add_run_commands(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Train every run of an experiment spec (a JSON file or a preset name)");
  run->add_option("SPEC", args->spec, "Spec file, or a preset name (`workbench-cli presets list`)")->required();
  add_common_options(run, *args);
  add_jobs_option(run, *args);
  run->footer("A progress bar goes to stderr; the outcome table to stdout (stderr with --events jsonl).\n"
              "Ctrl-C writes a checkpoint and exits 130; `workbench-cli resume RUN` continues\n"
              "(`workbench-cli resume --experiment ID --jobs N` after --jobs N).\n"
              "Spec fields: docs/spec.md; events: docs/cli.md. Results go to HOME/results and the run database\n"
              "(global --home, --db). Example: workbench-cli run token-crisis-mini --events jsonl > events.jsonl\n"
              "Data parallel: --nproc N here; under torchrun (`torchrun --no_python --nproc_per_node N workbench-cli\n"
              "run SPEC`; Debian 12's torchrun also needs --redirects 1 --tee 1) or srun each process is a rank,\n"
              "with its share of the node's cores where a run's training.threads is 0. Rank 0 writes the database,\n"
              "checkpoints and events; the other ranks log to HOME/logs/rank-R.log (--rank-logs). A rank that dies\n"
              "fails the job within 60 s.");
  auto remote = std::make_shared<RemoteRunArgs>();
  add_remote_run_options(run, *remote);  // --target ssh://HOST: remote_run.cpp
  run->callback([&context, args, remote, run] {
    if (!remote->target.empty()) return run_remote(context, *remote, args->spec, args->events == "jsonl", *run);
    execute(context, *args, Command::kRun);
  });

  auto* resume = app.add_subcommand(
      "resume", "Continue an interrupted run from its checkpoint, then its queued siblings; or a whole experiment");
  resume->add_option("RUN", args->run, "Run id or exact name (see `workbench-cli runs`)");
  resume->add_option("--experiment", args->experiment_given,
                     "Continue every interrupted run of this experiment (id, or the newest of that name; and runs "
                     "left running by a dead process) from their checkpoints, then its queued runs");
  resume->add_flag("--force", args->force, "Resume a run still marked running whose process is gone on another host");
  add_common_options(resume, *args);
  add_jobs_option(resume, *args);
  resume->footer("An experiment that trained on another host (`run --target ssh://HOST`) resumes there, started\n"
                 "as before, and is imported into the same local runs (docs/cli.md, \"Remote runs\").");
  resume->callback([&context, args, resume] {
    args->experiment = experiment_id_of(context.db_path(), args->experiment_given, "--experiment");
    if (resume_remote(context, args->run, args->experiment, args->events == "jsonl", *resume)) return;
    execute(context, *args, Command::kResume);
  });

  // Started by the scheduler for each run of `run --jobs N`; not meant to be typed, so not listed.
  auto* worker = app.add_subcommand("worker", "Train one recorded run in this process (used by --jobs)");
  worker->group("");
  worker->add_option("RUN_ID", args->worker_run, "Run id")->required()->check(kPositive);
  worker->add_flag("--fresh", args->fresh, "Start from step 0 even if a checkpoint exists");
  add_common_options(worker, *args);
  worker->callback([&context, args] { execute(context, *args, Command::kWorker); });
}

}  // namespace wb
