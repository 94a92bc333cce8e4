// `workbench-cli slurm submit SPEC`: validate the spec, freeze a copy of it in a job folder under
// HOME/slurm, write the sbatch script there (core/launch/sbatch_script.hpp) and hand it to sbatch.
// The job's ranks are `workbench-cli run` processes started by srun. `--resume RUN` and
// `--resume-experiment ID` submit a job whose ranks resume them instead (a job that hit its time
// limit, was cancelled or lost a node).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_context.hpp"
#include "cli/resume_on_ranks.hpp"
#include "cli/run_lookup.hpp"
#include "common/errors.hpp"
#include "common/utc_time.hpp"
#include "data/process.hpp"
#include "launch/sbatch_script.hpp"
#include "launch/shell_quote.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"

namespace wb {
namespace {

namespace fs = std::filesystem;

struct SubmitArgs {
  std::string spec;
  std::string resume_run;              // --resume RUN
  std::int64_t resume_experiment = 0;  // --resume-experiment, resolved from resume_experiment_given
  std::string resume_experiment_given;  // an id or a name
  bool force = false;                  // --force: take over a run still marked running
  int nodes = 1;
  int gpus_per_node = 0;
  int tasks_per_node = 1;
  int threads = 0;
  std::string partition, time_limit, account, job_name;
  std::vector<std::string> sbatch_args;
  bool dry_run = false;
  bool json = false;
};

struct JobFolder {
  fs::path folder, spec, script, events, output;
};

// NAME-TIMESTAMP with NAME reduced to characters any file system and eye take.
std::string folder_name(const std::string& name) {
  std::string out;
  for (char c : name.substr(0, 64)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
    out += keep ? c : '-';
  }
  if (out.empty() || out[0] == '.' || out[0] == '-') out = "job" + out;
  return out + "-" + utc_time("%Y%m%dT%H%M%SZ");
}

JobFolder job_paths(const fs::path& folder) {
  return {folder, folder / "spec.json", folder / "job.sbatch", folder / "events.jsonl", folder / "output.log"};
}

// A new folder of that name (a -2, -3... suffix when two submissions share a second).
fs::path create_unique_folder(const fs::path& base) {
  fs::create_directories(base.parent_path());
  for (int i = 1; i < 1000; ++i) {
    const fs::path candidate = i == 1 ? base : fs::path(base.string() + "-" + std::to_string(i));
    if (fs::create_directory(candidate)) return candidate;
  }
  throw UserError(ExitCode::kRuntime, "could not create a job folder next to " + base.string(),
                  "remove old job folders from " + base.parent_path().string());
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw UserError(ExitCode::kRuntime, "could not write " + path.string(), "check the disk and permissions of --home");
}

void check_rank_layout(const SubmitArgs& args, bool tasks_given) {
  if (args.gpus_per_node > 0 && tasks_given && args.tasks_per_node != args.gpus_per_node)
    throw UserError(ExitCode::kUsage,
                    "--ntasks-per-node " + std::to_string(args.tasks_per_node) + " with --gpus-per-node " +
                        std::to_string(args.gpus_per_node) + ": on GPU nodes each rank has one GPU",
                    "leave out --ntasks-per-node (it follows --gpus-per-node)");
}

// What the job's ranks do: train a spec (frozen into the job folder), or resume stored runs.
struct JobWork {
  std::optional<ExperimentSpec> spec;  // `run spec.json`
  std::vector<std::string> resume;     // else: the resume command's words after `resume`
  std::string name;                    // for the folder, the job name and the messages
  std::int64_t experiment_id = 0;      // resume: whose runs must split over the ranks
  std::vector<std::int64_t> also;      // resume: the named run, trained whatever its status
};

// Opens the run database into `store` for a resume (the caller checks the rank split on it).
JobWork job_work(const CliContext& context, const SubmitArgs& args, std::optional<RunStore>& store) {
  const int given = !args.spec.empty() + !args.resume_run.empty() + (args.resume_experiment > 0);
  if (given != 1)
    throw UserError(
        ExitCode::kUsage,
        given == 0 ? "slurm submit needs a SPEC, --resume RUN or --resume-experiment ID"
                   : "slurm submit takes one of SPEC, --resume RUN and --resume-experiment ID",
        "e.g. `workbench-cli slurm submit my.json`, or `workbench-cli slurm submit --resume 14` to continue "
        "a run a job left interrupted");
  JobWork work;
  if (!args.spec.empty()) {
    work.spec = load_spec_or_preset(args.spec);
    work.name = work.spec->name;
    return work;
  }
  store = context.open_store_for_reading();
  if (!args.resume_run.empty()) {
    const auto run = run_to_resume(*store, args.resume_run);
    // Left running by a job whose rank 0 was lost (its node, or a kill during a checkpoint): the
    // new job's `resume` would refuse it from another host after queueing.
    if (run.status == "running" && !args.force)
      throw UserError(ExitCode::kUsage,
                      "run " + std::to_string(run.id) + " is still marked running (by process " +
                          std::to_string(run.environment.pid) + " on " + run.environment.host + ")",
                      "if its job has ended (`squeue` no longer lists it), add --force: the new job takes the run "
                      "over from its last checkpoint");
    work.resume = {std::to_string(run.id)};
    if (args.force) work.resume.push_back("--force");
    work.name = run.name;
    work.experiment_id = run.experiment_id;
    work.also = {run.id};
  } else {
    require_experiment(*store, args.resume_experiment);
    const auto runs = store->runs(args.resume_experiment);
    if (std::none_of(runs.begin(), runs.end(),
                     [](const RunRow& run) { return run.status != "finished" && run.status != "failed"; }))
      throw UserError(ExitCode::kUsage,
                      "experiment " + std::to_string(args.resume_experiment) + " has nothing left to train (its " +
                          std::to_string(runs.size()) + " run(s) finished or failed)",
                      "`slurm submit --resume RUN` trains a failed run again");
    work.resume = {"--experiment", std::to_string(args.resume_experiment)};
    if (args.force) work.resume.push_back("--force");
    work.experiment_id = args.resume_experiment;
    for (const auto& experiment : store->experiments())
      if (experiment.id == args.resume_experiment) work.name = experiment.name;
  }
  return work;
}

void submit(const CliContext& context, const SubmitArgs& args, bool tasks_given) {
  // The spec (or the runs to resume) first: a bad one submits nothing and creates nothing.
  std::optional<RunStore> store;  // the runs to resume, read once
  const JobWork work = job_work(context, args, store);
  check_rank_layout(args, tasks_given);

  const fs::path home = fs::absolute(context.workspace().root);
  const fs::path db = fs::absolute(context.db_path());
  const fs::path base = home / "slurm" / folder_name(work.spec ? work.name : work.name + "-resume");
  JobFolder job = job_paths(base);

  SbatchOptions options;
  options.job_name = args.job_name.empty() ? sbatch_job_name(work.name) : args.job_name;
  options.nodes = args.nodes;
  options.gpus_per_node = args.gpus_per_node;
  options.tasks_per_node = args.tasks_per_node;
  options.threads_per_task = args.threads;
  options.partition = args.partition;
  options.time_limit = args.time_limit;
  options.account = args.account;
  options.extra_sbatch_args = args.sbatch_args;
  options.workbench_cli = fs::read_symlink("/proc/self/exe");
  options.home = home;
  options.db = db;
  auto fill_paths = [&] {
    options.command = {"run", job.spec.string()};
    if (!work.spec) {
      options.command = {"resume"};
      options.command.insert(options.command.end(), work.resume.begin(), work.resume.end());
    }
    // Its ranks other than 0 log in the job folder: another job's rank 1 keeps to its own.
    options.command.insert(options.command.end(), {"--rank-logs", job.folder.string()});
    options.events_file = job.events;
    options.output_log = job.output;
  };
  fill_paths();
  std::string script = sbatch_script(options);  // refuses bad values before anything is written
  // A batch the ranks cannot share would fail the job the moment it leaves the queue.
  if (work.spec)
    check_rank_split(*work.spec, sbatch_ranks(options));
  else
    check_rank_split(*store, work.experiment_id, sbatch_ranks(options), work.also, RankCountHint::kRanks);

  // The job runs on compute nodes, which read and write HOME: a folder local to this machine
  // makes a job that fails (or writes where no one looks) once it leaves the queue.
  for (const char* local : {"/tmp/", "/var/tmp/", "/dev/shm/"})
    if ((home.string() + "/").rfind(local, 0) == 0)
      std::fprintf(stderr, "warning: the workspace %s is under %s, which is usually local to each machine: the "
                           "compute nodes must see it (a shared file system; --home or $WB_HOME)\n",
                   home.c_str(), local);
  auto describe = [&](const nlohmann::json& job_id) {
    return nlohmann::json{{"job_id", job_id},
                          {"folder", job.folder.string()},
                          {"script", job.script.string()},
                          {"events_file", job.events.string()},
                          {"output", job.output.string()}};
  };
  if (args.dry_run) {
    if (options.gpus_per_node > 0 && !built_with_cuda())
      std::fprintf(stderr, "warning: this workbench-cli is a CPU build; submitting this script would be refused "
                           "(its ranks would train on the CPU): use a CUDA build\n");
    if (args.json) {
      auto out = describe(nullptr);
      out["sbatch_script"] = script;
      std::printf("%s\n", out.dump(2).c_str());
    } else {
      std::printf("%s", script.c_str());
      std::fprintf(stderr, "(dry run: nothing written, nothing submitted; without --dry-run this goes to %s)\n",
                   job.script.string().c_str());
    }
    return;
  }
  refuse_gpus_for_a_cpu_build(options.gpus_per_node, "drop --gpus-per-node to train on CPU nodes");
  if (!program_in_path("sbatch"))
    throw UserError(ExitCode::kUsage, "sbatch is not in PATH: this machine cannot submit Slurm jobs",
                    "run this on the cluster's login node, or install the Slurm client (Debian: apt-get install "
                    "slurm-client), or look at the script with --dry-run");

  job = job_paths(create_unique_folder(base));
  fill_paths();
  script = sbatch_script(options);
  // A copy, not the user's file: editing it later must not change a queued job.
  if (work.spec) write_text(job.spec, work.spec->source.dump(2) + "\n");
  write_text(job.script, script);

  const auto result = run_command({"sbatch", "--parsable", job.script.string()});
  if (result.exit_code != 0) {
    const std::string said = result.err.empty() ? result.out : result.err;
    // No slurm.conf, or no controller to reach: nothing in the job is wrong.
    const bool no_cluster = said.find("configuration source") != std::string::npos ||
                            said.find("Unable to contact slurm controller") != std::string::npos;
    throw UserError(ExitCode::kRuntime,
                    "sbatch refused the job (exit " + std::to_string(result.exit_code) + "): " + said,
                    std::string(no_cluster ? "this host has no Slurm configuration or cannot reach the controller: "
                                             "submit from the cluster's login node (or set SLURM_CONF); "
                                           : "fix the option sbatch names; ") +
                        "the script is " + job.script.string() + " (`--dry-run` shows it), to submit by hand: sbatch " +
                        shell_quote(job.script.string()));
  }
  // --parsable prints "ID" or "ID;CLUSTER".
  const std::string id_text = result.out.substr(0, result.out.find_first_of(";\n"));
  if (id_text.empty() || id_text.find_first_not_of("0123456789") != std::string::npos)
    throw UserError(ExitCode::kRuntime, "sbatch printed no job id: \"" + result.out + "\"",
                    "check `squeue --me`; the script is " + job.script.string());
  const long long job_id = std::stoll(id_text);

  if (args.json) {
    std::printf("%s\n", describe(job_id).dump(2).c_str());
    return;
  }
  const std::string what = work.spec ? work.name : "resume " + shell_join(work.resume) + " (" + work.name + ")";
  std::printf("Submitted Slurm job %lld: %s, %d rank(s)\n", job_id, what.c_str(), sbatch_ranks(options));
  std::printf("  folder:  %s (%s)\n", job.folder.string().c_str(), work.spec ? "spec.json, job.sbatch" : "job.sbatch");
  std::printf("  output:  %s (progress and errors, as `run` prints them)\n", job.output.string().c_str());
  std::printf("  events:  %s (JSON lines)\n", job.events.string().c_str());
  std::printf("Follow:   squeue -j %lld\n", job_id);
  std::printf("          tail -f %s\n", shell_quote(job.output.string()).c_str());
  std::printf("Runs:     workbench-cli --home %s --db %s runs\n", shell_quote(home.string()).c_str(),
              shell_quote(db.string()).c_str());
}

}  // namespace

void add_slurm_commands(CLI::App& app, CliContext& context) {
  auto* slurm = app.add_subcommand("slurm", "Run experiments as Slurm batch jobs");
  slurm->require_subcommand(1);
  auto args = std::make_shared<SubmitArgs>();
  auto* cmd = slurm->add_subcommand(
      "submit", "Submit an experiment spec as an sbatch job (its ranks are `workbench-cli run` started by srun), or "
                "a job that resumes runs");
  cmd->add_option("SPEC", args->spec,
                  "Spec file, or a preset name (`workbench-cli presets list`); or --resume RUN / --resume-experiment ID");
  cmd->add_option("--resume", args->resume_run,
                  "Instead of SPEC: continue this run (id or exact name) from its checkpoint, then its experiment's "
                  "queued runs, as `workbench-cli resume RUN` does: after a job's time limit, scancel or a lost node");
  cmd->add_option("--resume-experiment", args->resume_experiment_given,
                  "Instead of SPEC: continue every interrupted run of this experiment (id, or the newest of that "
                  "name), then its queued runs");
  cmd->add_flag("--force", args->force,
                "With --resume/--resume-experiment: take over runs still marked running by a job that has ended "
                "(its rank 0's node was lost)");
  cmd->add_option("--nodes,-N", args->nodes, "Nodes for the job (default 1)")->check(whole_number(1, 100000));
  cmd->add_option("--gpus-per-node", args->gpus_per_node,
                  "GPUs per node (default 0: CPU nodes); one rank per GPU, so --ntasks-per-node follows it")
      ->check(whole_number(0, 64));
  auto* tasks = cmd->add_option("--ntasks-per-node", args->tasks_per_node,
                                "Ranks per node on CPU nodes (default 1)")
                    ->check(whole_number(1, 4096));
  cmd->add_option("--threads", args->threads,
                  "Threads per rank: #SBATCH --cpus-per-task and `run --threads` (default: the spec's "
                  "training.threads; 0 there: the rank's share of its node's cores)")
      ->check(whole_number(1, 4096));
  cmd->add_option("--partition,-p", args->partition, "Slurm partition (default: the cluster's default)");
  cmd->add_option("--time,-t", args->time_limit, "Time limit, as sbatch takes it: MINUTES, HH:MM:SS, D-HH:MM:SS");
  cmd->add_option("--account,-A", args->account, "Account to charge (default: your default account)");
  cmd->add_option("--job-name,-J", args->job_name,
                  "Job name in squeue (default: the experiment's name, or the resumed run's)");
  cmd->add_option("--sbatch-arg", args->sbatch_args,
                  "One more #SBATCH line, written as given; repeat for more; use = before a value that starts "
                  "with a dash: --sbatch-arg=--mem=16G")
      ->allow_extra_args(false);
  cmd->add_flag("--dry-run", args->dry_run, "Print the sbatch script; write and submit nothing");
  cmd->add_flag("--json", args->json,
                "Print {\"job_id\", \"folder\", \"script\", \"events_file\", \"output\"} as JSON (for tools)");
  cmd->footer(
      "The spec is validated, then copied to HOME/slurm/NAME-TIMESTAMP/spec.json (editing your file later does\n"
      "not change a queued job) next to job.sbatch, and `sbatch --parsable job.sbatch` submits it. The job sets\n"
      "MASTER_ADDR (the first node) and MASTER_PORT (from the job id) and runs\n"
      "`srun workbench-cli --home HOME --db DB run spec.json` with this binary's absolute path and the same\n"
      "--home and --db: all three must be reachable from the compute nodes (a shared file system).\n"
      "Follow the job with `squeue -j ID` and `tail -f` on its output.log (JSON-lines events: events.jsonl;\n"
      "the ranks other than 0 log to rank-R.log there).\n"
      "A job that ended early (time limit, scancel, a lost node) continues with `slurm submit --resume RUN`\n"
      "(or --resume-experiment ID) and the same --nodes, ranks per node and partition.\n"
      "Example: workbench-cli slurm submit token-crisis-mini --partition cpu --time 01:00:00 --dry-run");
  cmd->callback([&context, args, tasks] {
    args->resume_experiment = experiment_id_of(context.db_path(), args->resume_experiment_given, "--resume-experiment");
    submit(context, *args, tasks->count() > 0);
  });
}

}  // namespace wb
