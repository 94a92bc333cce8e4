// Starting a spec on an ssh host, recording its runs locally, following it, and the outcome
// table from the local store; `attach` does the last two for a launch started earlier.
#include "cli/remote_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "cli/experiment_runner.hpp"
#include "cli/jsonl_events.hpp"
#include "cli/progress_bar.hpp"
#include "cli/remote_follow.hpp"
#include "cli/resume_hint.hpp"
#include "cli/summary_table.hpp"
#include "launch/ssh_target.hpp"
#include "remote/event_importer.hpp"
#include "remote/launch_folder.hpp"
#include "remote/ssh_process.hpp"
#include "spec/presets.hpp"

namespace wb {
namespace {

std::string attach_command(const ImportState& state, const CliContext& context) {
  return "workbench-cli" + global_options(context) + " attach " + state.launch;
}

// Runs `start WORDS...` on the host with `stdin_file` on its stdin (the spec for `start -`); the
// launch it reports. A Ctrl-C (the desktop app's Stop) or SIGTERM (its window closed) meanwhile
// waits for the answer: the host may have started the run already, and only its answer lets us
// stop it there or follow it later.
nlohmann::json start_on_host(const ImportState& state, const std::vector<std::string>& words,
                             const std::filesystem::path& stdin_file = "/dev/null") {
  catch_follow_signals();
  const StartingOnHost starting;
  int code = 0;
  const std::string out =
      run_piped(ssh_argv(parse_ssh_target(state.target), state.ssh_options, remote_cli_words(state, words)), code, stdin_file);
  if (code == 255)
    throw UserError(ExitCode::kRuntime, "cannot reach " + state.target + " (ssh exit status 255; its message is above)",
                    "check that `ssh -o BatchMode=yes HOST true` works without a prompt: a key in the agent or "
                    "~/.ssh/config, the host key known; --ssh-option passes further ssh options");
  if (code == 127)
    throw UserError(ExitCode::kRuntime, "the host has no \"" + state.remote_cli + "\" (exit status 127)",
                    "pass --remote-cli PATH: the workbench-cli on the host, absolute or from its home folder, without ~ "
                    "(a non-interactive ssh shell has a short PATH)");
  if (code != 0)
    throw UserError(code == 2 || code == 3 || code == 4 ? static_cast<ExitCode>(code) : ExitCode::kRuntime,
                    "`workbench-cli start` on " + state.target + " failed with exit status " + std::to_string(code) +
                        " (its message is above)",
                    "fix what it names; the spec was checked here too, so look at the host's data and version");
  const auto line = out.substr(0, out.find_last_not_of('\n') + 1);
  try {
    // The answer is the last line; a shell startup file's output may precede it, even on that line
    // (a title escape without a line break).
    const auto last = line.substr(line.rfind('\n') == std::string::npos ? 0 : line.rfind('\n') + 1);
    auto launch = nlohmann::json::parse(last.substr(std::min(last.find('{'), last.size())));
    if (!is_launch_id(launch.at("launch").get<std::string>())) throw std::runtime_error("bad launch id");
    return launch;
  } catch (const std::exception&) {
    throw UserError(ExitCode::kRuntime, "the host's `workbench-cli start` answered \"" + line.substr(0, 200) + "\"",
                    "use the same workbench version on both machines (--remote-cli PATH picks the host's binary)");
  }
}

// Where the host's `start` answer says the launch runs; its events are read from the start.
void take_launch(ImportState& state, const nlohmann::json& launch) {
  state.launch = launch.at("launch").get<std::string>();
  state.remote_host = launch.value("host", "");
  state.remote_pid = launch.value("pid", std::int64_t{0});
  state.events_file = launch.value("events_file", "");
  state.offset = 0;
  state.done = false;
  state.finished = nullptr;  // a resumed launch's state starts as a copy of the launch it continues
}

// --events-file names a file here, but a remote launch's events file is the host's.
void refuse_events_file(const CLI::App& command, const std::string& target) {
  if (const auto* file = command.get_option_no_throw("--events-file"); file != nullptr && file->count() > 0)
    throw UserError(ExitCode::kUsage, "--events-file for a launch on " + target + ": the host writes its own events file",
                    "drop --events-file; --events jsonl streams the imported events here");
  if (const auto* logs = command.get_option_no_throw("--rank-logs"); logs != nullptr && logs->count() > 0)
    throw UserError(ExitCode::kUsage, "--rank-logs for a launch on " + target + ": its ranks log in its folder there",
                    "drop --rank-logs; `workbench-cli tail LAUNCH` on the host says where the launch folder is");
}

// A line break in a word of the remote command is safe for a POSIX shell (it is quoted) but not
// for every login shell (csh refuses it inside quotes), and no program or folder needs one.
void refuse_control_characters(const std::string& option, const std::string& value) {
  for (const char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      throw UserError(ExitCode::kUsage, option + " " + nlohmann::json(value).dump() + " holds a control character",
                      "give the path on the host as it is, on one line");
}

// The host's shell gets every word quoted, so it expands no `~`. ssh starts in the host's home:
// a path there needs no `~/`.
void refuse_tilde(const std::string& option, const std::string& value) {
  if (value.empty() || value.front() != '~') return;
  const std::string example = value.rfind("~/", 0) == 0 ? "; here: " + option + " " + value.substr(2) : "";
  throw UserError(ExitCode::kUsage, option + " \"" + value + "\": the host does not expand ~ (every word is quoted)",
                  "give the path from the host's home folder without ~/ (ssh starts there)" + example +
                      ", or an absolute path");
}

// What the host's `start` would refuse about --jobs, refused before connecting.
void refuse_jobs_beside_ranks(const CLI::App& run, bool slurm) {
  const auto given = [&](const char* name) {
    const auto* option = run.get_option_no_throw(name);
    return option != nullptr && option->count() > 0 ? option->as<int>() : 0;
  };
  const int jobs = given("--jobs"), nproc = given("--nproc");
  if (jobs <= 1 || (!slurm && nproc <= 1)) return;
  throw UserError(ExitCode::kUsage,
                  "--jobs " + std::to_string(jobs) +
                      (slurm ? " with --remote-slurm: a Slurm launch is one job whose ranks train the runs one after "
                               "another"
                             : " with --nproc " + std::to_string(nproc) + ": data-parallel ranks train one run at a "
                               "time"),
                  slurm ? "drop --jobs; for runs side by side, start them as separate launches"
                        : "drop --jobs, or drop --nproc and train runs side by side");
}

// The outcome table from the local store, the experiment_finished line with local ids, and the
// exit code: 0, 130 when interrupted or detached, 1 when a run failed or the host's process died.
void report(CliContext& context, RunStore& store, const ImportState& state, const FollowOutcome& outcome, bool jsonl) {
  std::vector<RunOutcome> runs;
  std::string name;
  for (const auto& row : store.runs(state.experiment_id)) {
    runs.push_back(outcome_from_store(store, row));
    name = row.experiment;
  }
  std::FILE* out = jsonl ? stderr : stdout;
  std::fprintf(out, "\n%s (experiment %lld, on %s, launch %s): %zu run(s)\n%s", name.c_str(),
               static_cast<long long>(state.experiment_id), state.target.c_str(), state.launch.c_str(), runs.size(),
               format_summary_table(runs).c_str());
  std::fprintf(out, "\nRun database: %s (imported from %s on %s)\n", state.db.c_str(), state.events_file.c_str(),
               state.target.c_str());
  if (outcome.detached)
    std::fprintf(out, "%s. Follow it again: `%s`\n", outcome.message.c_str(), attach_command(state, context).c_str());
  if (outcome.interrupted)
    std::fprintf(out, "Interrupted on %s: `workbench-cli%s resume --experiment %lld` continues it there and imports "
                 "it here\n", state.target.c_str(), global_options(context).c_str(),
                 static_cast<long long>(state.experiment_id));
  if (jsonl && outcome.detached)  // the run trains on: a tool must not show it as stopped
    JsonlEvents(stdout).write({{"type", "detached"}, {"experiment_id", state.experiment_id},
                               {"target", state.target}, {"launch", state.launch}, {"message", outcome.message}});
  if (jsonl && outcome.finished) {
    JsonlEvents events(stdout);
    events.write({{"type", "experiment_finished"}, {"experiment_id", state.experiment_id},
                  {"interrupted", outcome.interrupted},
                  {"results_dir", outcome.experiment_finished.value("results_dir", "")},
                  {"runs", summary_json(runs)}, {"target", state.target}, {"launch", state.launch}});
  }
  bool failed = outcome.lost;
  for (const auto& row : store.runs(state.experiment_id)) failed = failed || row.status == "failed";
  if (outcome.lost) throw UserError(ExitCode::kRuntime, outcome.message, "`workbench-cli runs` on the host shows what it recorded");
  if (outcome.detached || outcome.interrupted) context.exit_code = static_cast<int>(ExitCode::kInterrupted);
  else if (failed) context.exit_code = static_cast<int>(ExitCode::kRuntime);
}

void follow_and_report(CliContext& context, ImportState& state, const std::filesystem::path& state_file, bool jsonl) {
  auto store = RunStore::open(state.db);
  FollowOutcome outcome;
  if (!state.done) outcome = follow_launch(store, state, state_file, jsonl);
  else print_status_line("launch " + state.launch + " has ended; everything it wrote is imported");
  report(context, store, state, outcome, jsonl);
}

// A launch just started: its import state saved (so `attach` can take over), then followed.
void save_and_follow(CliContext& context, ImportState& state, const std::string& what, bool jsonl) {
  const auto state_file = import_state_path(context.workspace(), state.launch);
  save_import_state(state_file, state);
  print_status_line("launch " + state.launch + " on " + state.target + " (pid " + std::to_string(state.remote_pid) +
                    "), " + what + ". Ctrl-C stops the run there; twice detaches; follow again: " +
                    attach_command(state, context));
  follow_and_report(context, state, state_file, jsonl);
}

// The values of run's options that the host's `start` takes.
std::vector<std::string> forwarded_options(const CLI::App& run) {
  std::vector<std::string> out;
  for (const char* name : {"--device", "--threads", "--jobs", "--nproc"}) {
    const auto* option = run.get_option_no_throw(name);
    if (option == nullptr || option->count() == 0) continue;
    for (const auto& value : option->results()) out.insert(out.end(), {name, value});
  }
  return out;
}

}  // namespace

void add_remote_run_options(CLI::App* run, RemoteRunArgs& args) {
  run->add_option("--target", args.target,
                  "Train on another host: ssh://[user@]host[:port] (the system ssh: ~/.ssh/config, agents, ProxyJump); "
                  "the runs are imported into the local database as they train");
  run->add_option("--remote-cli", args.remote_cli, "With --target: the workbench-cli program on the host")
      ->capture_default_str();
  run->add_option("--remote-home", args.remote_home, "With --target: the workspace on the host (its --home)");
  run->add_option("--ssh-option", args.ssh_options, "With --target: an ssh option, passed as -o OPT (repeatable)")
      ->allow_extra_args(false);  // one value per --ssh-option: SPEC after it stays SPEC
  run->add_flag("--remote-slurm", args.slurm,
                "With --target: the host (a login node) submits the spec with sbatch; its ranks run under srun");
  run->add_option("--remote-sbatch-arg", args.sbatch_args,
                  "With --remote-slurm: an #SBATCH option, written --remote-sbatch-arg=--partition=gpu (repeatable)")
      ->allow_extra_args(false);
  run->footer(run->get_footer() +
              "\nRemote: --target ssh://HOST trains there and imports the runs here as they train; Ctrl-C stops\n"
              "the run there (checkpoint), twice detaches; `workbench-cli attach LAUNCH` follows it again\n"
              "(docs/cli.md, \"Remote runs\").");
}

void run_remote(CliContext& context, const RemoteRunArgs& args, const std::string& spec, bool jsonl,
                const CLI::App& run) {
  ImportState state;
  state.target = parse_ssh_target(args.target).display();  // refuses a hostile target first
  refuse_events_file(run, state.target);
  state.ssh_options = args.ssh_options;
  state.remote_cli = args.remote_cli;
  state.remote_home = args.remote_home;
  for (const auto& [option, value] :
       {std::pair{"--remote-cli", state.remote_cli}, {"--remote-home", state.remote_home}}) {
    refuse_control_characters(option, value);
    refuse_tilde(option, value);
  }
  const ExperimentSpec experiment = load_spec_or_preset(spec);  // checked here: a typo costs no connection
  if (const auto* nproc = run.get_option_no_throw("--nproc"); nproc != nullptr && nproc->count() > 0)
    check_rank_split(experiment, nproc->as<int>());  // and so is a batch the ranks cannot share
  refuse_jobs_beside_ranks(run, args.slurm);
  const Workspace local = context.workspace();
  const auto scratch = local.root / "remote" / ("spec-" + std::to_string(getpid()) + ".sending");  // ssh's stdin
  print_status_line("starting " + experiment.name + " on " + state.target);
  auto options = forwarded_options(run);
  if (args.slurm) options.push_back("--slurm");
  else if (!args.sbatch_args.empty())
    throw UserError(ExitCode::kUsage, "--remote-sbatch-arg without --remote-slurm", "add --remote-slurm, or drop them");
  for (const auto& arg : args.sbatch_args) options.push_back("--sbatch-arg=" + arg);  // one word: "-..." stays a value
  options.insert(options.begin(), {"start", "-"});
  std::filesystem::create_directories(scratch.parent_path());
  std::ofstream(scratch) << experiment.source.dump() << "\n";
  nlohmann::json launch;
  try {
    launch = start_on_host(state, options, scratch);
  } catch (...) {
    std::filesystem::remove(scratch);
    throw;
  }
  std::filesystem::remove(scratch);
  take_launch(state, launch);
  state.db = std::filesystem::absolute(context.db_path()).string();
  auto store = RunStore::open(state.db);
  auto environment = current_environment();
  environment.host = state.remote_host.empty() ? state.target : state.remote_host;
  environment.pid = state.remote_pid;
  create_local_runs(store, experiment, environment, state);
  save_and_follow(context, state, "local experiment " + std::to_string(state.experiment_id), jsonl);
}

bool resume_remote(CliContext& context, const std::string& run, std::int64_t experiment, bool jsonl,
                   const CLI::App& resume) {
  const Workspace local = context.workspace();
  const std::string db = std::filesystem::absolute(context.db_path()).string();
  if (!std::filesystem::is_directory(local.root / "remote") || !std::filesystem::exists(db)) return false;
  if (!run.empty()) {
    const auto row = RunStore::open(db, RunStore::Mode::kReadOnly).find_run(run);
    if (!row) return false;  // the local resume names the problem
    experiment = row->experiment_id;
  }
  const auto previous = latest_import_of_experiment(local, db, experiment);
  if (!previous) return false;
  refuse_events_file(resume, previous->target);
  ImportState state = *previous;  // the same target, ssh options, database, experiment and runs
  if (!state.done) {
    // Its launch was detached from (Ctrl-C twice, the desktop app closed) and may still train:
    // following it again is what continues it here. If it has ended, the follower says how.
    print_status_line("experiment " + std::to_string(experiment) + " trains on " + state.target + " (launch " +
                      state.launch + "), which was not followed to its end: following it again (attach)" +
                      (forwarded_options(resume).empty() ? "" : "; it goes on as it was started, whatever "
                                                                "--device, --threads, --jobs or --nproc say"));
    const auto state_file = import_state_path(local, state.launch);
    auto store = RunStore::open(state.db);
    const FollowOutcome outcome = follow_launch(store, state, state_file, jsonl);
    // Stopped there (a stop sent before the detach, or `stop` on the host): what was asked for is
    // to continue it. Not when the stop was a Ctrl-C of this follow.
    const bool stopped = outcome.finished && outcome.interrupted && !stop_requested_here() && !detach_requested();
    if (!stopped) {
      report(context, store, state, outcome, jsonl);
      return true;
    }
  }
  print_status_line("experiment " + std::to_string(experiment) + " trained on " + state.target + " (launch " +
                    state.launch + "): resuming it there");
  auto words = forwarded_options(resume);
  words.insert(words.begin(), {"start", "--resume", previous->launch});
  take_launch(state, start_on_host(state, words));
  save_and_follow(context, state, "continues launch " + previous->launch, jsonl);
  return true;
}

void add_attach_command(CLI::App& app, CliContext& context) {
  struct Args {
    std::string launch;
    std::string events;
    std::string remote_cli;
    std::vector<std::string> ssh_options;
  };
  auto args = std::make_shared<Args>();
  auto* attach = app.add_subcommand("attach", "Follow a remote launch again (after a detach or a crash) and import the rest");
  attach->add_option("LAUNCH", args->launch, "Launch id (printed by `run --target`; `ls HOME/remote`)")->required();
  attach->add_option("--events", args->events, "Also stream events on stdout: jsonl")->check(CLI::IsMember({"jsonl"}));
  attach->add_option("--remote-cli", args->remote_cli,
                     "The workbench-cli program on the host, if it moved since `run --target` (kept for later attaches)");
  attach->add_option("--ssh-option", args->ssh_options,
                     "ssh options (-o OPT) instead of those `run --target` was given (repeatable; kept)")
      ->allow_extra_args(false);
  attach->footer("Continues from the byte offset imported so far (HOME/remote/LAUNCH.json) into the same database;\n"
                 "no row is imported twice. Ctrl-C and exit codes as for `run --target` (docs/cli.md).");
  attach->callback([&context, args] {
    const auto state_file = import_state_path(context.workspace(), args->launch);
    auto state = load_import_state(state_file);
    if (!args->remote_cli.empty()) {
      refuse_control_characters("--remote-cli", args->remote_cli);
      refuse_tilde("--remote-cli", args->remote_cli);
      state.remote_cli = args->remote_cli;
    }
    if (!args->ssh_options.empty()) state.ssh_options = args->ssh_options;
    follow_and_report(context, state, state_file, args->events == "jsonl");
  });
}

}  // namespace wb
