// `workbench-cli run SPEC` and `workbench-cli resume RUN`: train, then print the outcome table.
#include <csignal>
#include <cstdio>
#include <filesystem>

#include "cli/cli_context.hpp"
#include "cli/experiment_runner.hpp"
#include "cli/jsonl_events.hpp"
#include "common/errors.hpp"
#include "spec/presets.hpp"
#include "train/dist_env.hpp"

namespace wb {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_interrupt(int) {
  // First Ctrl-C: finish the step, write a checkpoint, stop. A second one kills as usual.
  g_stop.store(true);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

struct RunArgs {
  std::string spec;
  std::string events;
  std::string device;
  int threads = -1;
  std::string run;  // resume: id or exact name
  bool force = false;
};

ExperimentSpec load_spec_or_preset(const std::string& spec) {
  if (std::filesystem::exists(spec)) return load_experiment_file(spec);
  if (auto preset = find_preset(spec)) return parse_experiment(preset->document);
  std::string names;
  for (const auto& p : presets()) names += (names.empty() ? "" : ", ") + p.name;
  throw SpecError("\"" + spec + "\" is neither a spec file nor a preset",
                  "give the path of a JSON spec, or one of the presets: " + names);
}

void report(const ExperimentOutcome& outcome, const CliContext& context, bool jsonl) {
  std::FILE* out = jsonl ? stderr : stdout;
  std::fprintf(out, "\n%s (experiment %lld): %zu run(s)\n%s", outcome.experiment_name.c_str(),
               static_cast<long long>(outcome.experiment_id), outcome.runs.size(),
               format_summary_table(outcome.runs).c_str());
  std::fprintf(out, "\nResults: %s (summary.csv, metrics.csv)\nRun database: %s\n",
               outcome.results_dir.string().c_str(), context.db_path().string().c_str());
  std::fprintf(out, "Inspect: workbench-cli runs | workbench-cli show RUN | workbench-cli metrics RUN --csv\n");
  if (outcome.interrupted && outcome.interrupted_run > 0)
    std::fprintf(out, "Interrupted: continue with `workbench-cli resume %lld`\n",
                 static_cast<long long>(outcome.interrupted_run));
  if (jsonl) {
    JsonlEvents events(stdout);
    events.write({{"type", "experiment_finished"}, {"experiment_id", outcome.experiment_id},
                  {"interrupted", outcome.interrupted}, {"results_dir", outcome.results_dir.string()},
                  {"runs", summary_json(outcome.runs)}});
  }
}

void execute(CliContext& context, const RunArgs& args, bool resume) {
  const auto dist = DistEnv::from_environment();
  if (dist.world_size > 1)
    throw UserError(ExitCode::kUsage, "WORLD_SIZE=" + std::to_string(dist.world_size) +
                    ": multi-process training is not available in this build yet",
                    "run a single process (unset RANK and WORLD_SIZE)");
  // The spec is checked before the database is touched: a typo creates no files.
  const ExperimentSpec experiment = resume ? ExperimentSpec{} : load_spec_or_preset(args.spec);
  auto store = RunStore::open(context.db_path());
  RunnerOptions options;
  options.jsonl_events = args.events == "jsonl";
  options.stop = &g_stop;
  options.device_override = args.device;
  options.threads_override = args.threads;
  options.force = args.force;
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  ExperimentRunner runner(context.workspace(), store, options);
  auto outcome = resume ? runner.resume(args.run) : runner.run(experiment);
  report(outcome, context, options.jsonl_events);
  if (outcome.first_failure) std::rethrow_exception(outcome.first_failure);  // its exit code
  if (outcome.interrupted) context.exit_code = static_cast<int>(ExitCode::kInterrupted);
}

void add_common_options(CLI::App* cmd, RunArgs& args) {
  cmd->add_option("--events", args.events, "Also stream events on stdout: jsonl (one JSON object per line)")
      ->check(CLI::IsMember({"jsonl"}));
  cmd->add_option("--device", args.device, "Override training.device: auto, cpu or cuda")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  cmd->add_option("--threads", args.threads, "Override training.threads (0: all cores)")->check(CLI::NonNegativeNumber);
}

}  // namespace

void add_run_commands(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Train every run of an experiment spec (a JSON file or a preset name)");
  run->add_option("SPEC", args->spec, "Spec file, or a preset name (`workbench-cli presets list`)")->required();
  add_common_options(run, *args);
  run->footer("A progress bar goes to stderr; the outcome table to stdout (stderr with --events jsonl).\n"
              "Ctrl-C writes a checkpoint and exits 130; `workbench-cli resume RUN` continues.\n"
              "Spec fields: docs/spec.md; events: docs/cli.md. Results go to HOME/results and the run database\n"
              "(global --home, --db). Example: workbench-cli run token-crisis-mini --events jsonl > events.jsonl");
  run->callback([&context, args] { execute(context, *args, /*resume=*/false); });

  auto* resume = app.add_subcommand("resume", "Continue an interrupted run from its checkpoint, then its queued siblings");
  resume->add_option("RUN", args->run, "Run id or exact name (see `workbench-cli runs`)")->required();
  resume->add_flag("--force", args->force, "Resume a run still marked running whose process is gone on another host");
  add_common_options(resume, *args);
  resume->callback([&context, args] { execute(context, *args, /*resume=*/true); });
}

}  // namespace wb
