// Drives experiments from spec to outcome table; training itself is the Trainer's.
#include "cli/experiment_runner.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <memory>

#include "cli/csv.hpp"
#include "cli/jsonl_events.hpp"
#include "cli/progress_bar.hpp"
#include "cli/rank_job.hpp"
#include "cli/resume_on_ranks.hpp"
#include "cli/run_liveness.hpp"
#include "cli/scheduler.hpp"
#include "common/errors.hpp"
#include "data/dataset.hpp"
#include "schedule/schedules_from_spec.hpp"
#include "store/store_sink.hpp"
#include "train/error_text.hpp"
#include "train/rank_group.hpp"
#include "train/trainer.hpp"
#include "wb_git_version.hpp"  // generated at build time


namespace wb {
namespace {

// Continual pre-training stages: a run whose init_from names another run of the same experiment
// (by its full name or by its label) depends on it; the queue starts it only after that one has
// finished. Returns, per run, the index of the run it continues, or -1.
std::vector<std::ptrdiff_t> stage_dependencies(const ExperimentSpec& experiment) {
  std::vector<std::ptrdiff_t> out(experiment.runs.size(), -1);
  for (std::size_t i = 0; i < experiment.runs.size(); ++i) {
    const std::string& source = experiment.runs[i].spec.init_from.run;
    if (source.empty()) continue;
    for (std::size_t j = 0; j < experiment.runs.size(); ++j) {
      const std::string& name = experiment.runs[j].spec.name;
      if (name != source && name != experiment.name + "/" + source) continue;
      if (j >= i)
        throw SpecError(experiment.runs[i].spec.name + ": init_from.run \"" + source + "\" is listed at or after it",
                        "list the run it continues from before it in `runs`");
      out[i] = static_cast<std::ptrdiff_t>(j);
    }
  }
  return out;
}

}  // namespace

RunEnvironment current_environment() {
  return {this_host_name(), std::string(PROJECT_VERSION_STRING) + " (git " + WB_GIT_VERSION + ")", library_versions_json(),
          static_cast<std::int64_t>(getpid())};
}

ExperimentRunner::ExperimentRunner(Workspace workspace, RunStore& store, RunnerOptions options)
    : workspace_(std::move(workspace)), store_(store), options_(options), inputs_(workspace_, options_.worker) {}

ExperimentOutcome ExperimentRunner::run(const ExperimentSpec& experiment) {
  // Schedules are checked against each run's plan before anything is recorded: a bad anneal start
  // is a spec error, not a failed run.
  for (const auto& run : experiment.runs) {
    try {
      lr_schedule_for(run.spec.optimizer, plan_run(run.spec));
    } catch (const SpecError& e) {
      throw SpecError(run.spec.name + ": " + e.what(), e.fix());
    }
    if (options_.leader) check_rank_split(run.spec, options_.leader->group().env().world_size);
  }
  const auto dependencies = stage_dependencies(experiment);
  for (const auto& run : experiment.runs)
    for (const auto& corpus : corpora_of(run.spec)) inputs_.ensure_corpus(corpus);
  const auto experiment_id = store_.create_experiment(experiment.name, experiment.source.dump());
  const auto environment = current_environment();
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < experiment.runs.size(); ++i) {
    std::optional<std::int64_t> depends_on;
    if (dependencies[i] >= 0) depends_on = ids[static_cast<std::size_t>(dependencies[i])];
    const auto& spec = experiment.runs[i].spec;
    ids.push_back(store_.create_run(experiment_id, spec.name, to_json(spec).dump(), environment, depends_on));
  }
  return run_queue(experiment_id, {});
}

std::optional<std::string> ExperimentRunner::trained_elsewhere(const RunRow& row) const {
  // A run trained on another host (imported from an ssh:// target, or a node without a shared
  // workspace) has its checkpoint there: resuming here would start it over and replace its rows.
  if (row.status == "queued" || row.environment.host.empty() || row.environment.host == this_host_name()) return std::nullopt;
  const auto checkpoint = workspace_.last_checkpoint(store_.path(), row.id);
  if (std::filesystem::exists(checkpoint)) return std::nullopt;
  return "run " + std::to_string(row.id) + " (" + row.name + ") was trained on " + row.environment.host +
         " and its checkpoint is not in " + checkpoint.parent_path().string();
}

std::string ExperimentRunner::resume_elsewhere_fix(const RunRow& row) {
  return "resume it on " + row.environment.host + " (`workbench-cli attach` follows an ssh:// launch again), or copy its "
         "runs/ID folder here";
}

ExperimentOutcome ExperimentRunner::resume(const std::string& run) {
  const auto row = run_to_resume(store_, run);
  const std::string id = std::to_string(row.id);
  if (row.status == "running" && !is_orphaned(row) && !options_.force)
    throw UserError(ExitCode::kUsage,
                    "run " + id + " is still marked running, by process " + std::to_string(row.environment.pid) +
                        " on " + row.environment.host,
                    "wait for it or stop it (Ctrl-C) first; if that process is gone (its machine died), "
                    "pass --force");
  if (const auto elsewhere = trained_elsewhere(row)) throw UserError(ExitCode::kUsage, *elsewhere, resume_elsewhere_fix(row));
  if (row.depends_on) {
    const auto dependency = store_.find_run(std::to_string(*row.depends_on));
    if (dependency && dependency->status != "finished")
      throw UserError(ExitCode::kUsage,
                      "run " + id + " continues from run " + std::to_string(dependency->id) + " (" + dependency->name +
                          "), which is " + dependency->status,
                      "finish that run first: `workbench-cli resume " + std::to_string(dependency->id) + "`");
  }
  // Its process is gone (or --force says so): the run stopped, and the claim below takes it over.
  if (row.status == "running") store_.set_run_status(row.id, "interrupted");
  return run_queue(row.experiment_id, {row.id});
}

ExperimentOutcome ExperimentRunner::resume_experiment(std::int64_t experiment_id) {
  require_experiment(store_, experiment_id);
  std::vector<std::int64_t> resume_first;
  for (const auto& row : store_.runs(experiment_id)) {
    const std::string id = std::to_string(row.id);
    if (const auto elsewhere = trained_elsewhere(row); elsewhere && (row.status == "interrupted" || row.status == "running")) {
      print_status_line(*elsewhere + "; not resumed here (" + resume_elsewhere_fix(row) + ")");
      continue;
    }
    if (row.status == "interrupted") resume_first.push_back(row.id);
    if (row.status != "running") continue;
    // --force declares processes on other hosts dead; a live one on this host is never taken over.
    if (is_orphaned(row) || (options_.force && row.environment.host != this_host_name())) {
      const bool checkpointed = std::filesystem::exists(workspace_.last_checkpoint(store_.path(), row.id));
      print_status_line("run " + id + " was left running by process " + std::to_string(row.environment.pid) + " on " +
                        row.environment.host + ", which is gone; resuming it " +
                        (checkpointed ? "from its last checkpoint"
                                      : "from step 0, as it wrote no checkpoint (training.checkpoint_interval sets "
                                        "how often one is written)"));
      store_.set_run_status(row.id, "interrupted");
      resume_first.push_back(row.id);
    } else {
      print_status_line("run " + id + " is still running in process " + std::to_string(row.environment.pid) + " on " +
                        row.environment.host + "; leaving it to that process");
    }
  }
  return run_queue(experiment_id, resume_first);
}

RunSummary ExperimentRunner::work(std::int64_t run_id, bool fresh) {
  const std::string id = std::to_string(run_id);
  const auto row = store_.find_run(id);
  if (!row) throw UserError(ExitCode::kUsage, "no run " + id + " in " + store_.path().string(), "check the run id and --db");
  const auto me = current_environment();
  const bool claimed_for_me =
      row->status == "running" && row->environment.host == me.host && row->environment.pid == getppid();
  if (claimed_for_me) {
    store_.set_run_environment(run_id, me);  // liveness checks now follow this process
  } else if (!store_.claim_run(run_id, me)) {
    throw UserError(ExitCode::kUsage,
                    row->status == "finished" || row->status == "running"
                        ? "run " + id + " is " + row->status + "; a worker trains a run that is free to start"
                        : "run " + id + " waits for the run it depends on to finish",
                    "see `workbench-cli runs`; continue a stopped run with `workbench-cli resume " + id + "`");
  }
  try {
    return train_one(run_id, parse_run_spec(nlohmann::json::parse(row->spec_json)), /*resume=*/!fresh);
  } catch (const std::exception& e) {
    store_.set_run_status(run_id, "failed", error_text(e));  // also when it failed before training began
    throw;
  }
}

ExperimentOutcome ExperimentRunner::run_queue(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first) {
  if (options_.leader) {
    // Every run this job may train must split over its ranks: checked before any is claimed,
    // so a wrong rank count on resume fails nothing.
    // (`--nproc` checked them before it started the ranks: here the launcher is torchrun or srun.)
    check_rank_split(store_, experiment_id, options_.leader->group().env().world_size, resume_first,
                     RankCountHint::kRanks);
  }
  ExperimentOutcome outcome;
  outcome.experiment_id = experiment_id;
  for (const auto& e : store_.experiments())
    if (e.id == experiment_id) outcome.experiment_name = e.name;
  if (options_.jobs > 1) run_in_workers(experiment_id, resume_first, outcome);
  else run_in_process(experiment_id, resume_first, outcome);
  for (const auto& row : store_.runs(experiment_id)) {
    outcome.runs.push_back(outcome_from_store(store_, row));
    if (is_orphaned(row)) outcome.runs.back().status = kKilledStatus;  // a sibling killed before this resume
  }
  write_results(outcome);
  return outcome;
}

void ExperimentRunner::run_in_process(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first,
                                      ExperimentOutcome& outcome) {
  const auto environment = current_environment();
  std::deque<std::int64_t> to_resume(resume_first.begin(), resume_first.end());
  for (;;) {
    if (options_.stop && options_.stop->load()) {  // Ctrl-C between two runs
      std::int64_t next = to_resume.empty() ? 0 : to_resume.front();
      for (const auto& row : store_.runs(experiment_id))
        if (next == 0 && row.status == "queued") next = row.id;
      if (next != 0) {  // still queued: `resume` starts it and those after it
        outcome.interrupted = true;
        outcome.interrupted_run = next;
      }
      break;
    }
    std::optional<std::int64_t> id;
    bool resume = false;
    run_not_started_ = false;
    while (!id && !to_resume.empty()) {
      const auto candidate = to_resume.front();
      to_resume.pop_front();
      if (store_.claim_run(candidate, environment)) id = candidate, resume = true;
      else print_status_line("run " + std::to_string(candidate) + " is not resumed here: another process has it");
    }
    if (!id) id = store_.claim_next_run(experiment_id, environment);
    if (!id) break;
    try {
      const auto row = store_.find_run(std::to_string(*id));
      const auto summary = train_one(*id, parse_run_spec(nlohmann::json::parse(row->spec_json)), resume);
      if (summary.status == "interrupted") {
        outcome.interrupted = true;
        outcome.interrupted_run = *id;
        break;
      }
    } catch (const UserError& e) {
      if (e.code() == ExitCode::kInterrupted) {
        // Stopped before training began (the ranks were still preparing): resumable, nothing lost.
        store_.set_run_status(*id, "interrupted");
        outcome.interrupted = true;
        outcome.interrupted_run = *id;
        break;
      }
      if (dynamic_cast<const RankFailure*>(&e)) {  // another rank is gone: every further run would fail too
        if (run_not_started_) store_.set_run_status(*id, resume ? "interrupted" : "queued");
        else store_.set_run_status(*id, "failed", e.what());
        if (options_.lost_rank_run) *options_.lost_rank_run = *id;
        throw;
      }
      store_.set_run_status(*id, "failed", e.what());
      print_status_line("run " + std::to_string(*id) + " failed: " + e.what());
      if (!outcome.first_failure) outcome.first_failure = std::current_exception();
    } catch (const std::exception& e) {
      // One run's failure (too little data for its U, a NaN loss, ...) must not cost the others.
      const std::string error = error_text(e);
      store_.set_run_status(*id, "failed", error);
      print_status_line("run " + std::to_string(*id) + " failed: " + error);
      if (!outcome.first_failure) outcome.first_failure = std::current_exception();
    }
  }
  if (outcome.interrupted) outcome.resume_command = "workbench-cli resume " + std::to_string(outcome.interrupted_run);
}

void ExperimentRunner::run_in_workers(std::int64_t experiment_id, const std::vector<std::int64_t>& resume_first,
                                      ExperimentOutcome& outcome) {
  // Workers only load datasets: building one cache entry from two processes at once is unsafe.
  for (const auto& row : store_.runs(experiment_id)) {
    const bool to_run = row.status == "queued" ||
                        std::find(resume_first.begin(), resume_first.end(), row.id) != resume_first.end();
    if (!to_run) continue;
    try {
      inputs_.training_data(parse_run_spec(nlohmann::json::parse(row.spec_json)));
    } catch (const std::exception& e) {
      const std::string error = error_text(e);
      store_.set_run_status(row.id, "failed", error);
      print_status_line("run " + std::to_string(row.id) + " failed: " + error);
      if (!outcome.first_failure) outcome.first_failure = std::current_exception();
    }
  }
  SchedulerOptions scheduler;
  scheduler.jobs = options_.jobs;
  scheduler.threads_per_job = options_.threads_override >= 0 ? options_.threads_override : threads_per_job(options_.jobs);
  scheduler.device_override = options_.device_override;
  scheduler.events = options_.events;
  scheduler.stop = options_.stop;
  scheduler.home = std::filesystem::absolute(workspace_.root);
  scheduler.db = std::filesystem::absolute(store_.path());
  scheduler.environment = current_environment();
  const auto result = Scheduler(store_, scheduler).run(experiment_id, resume_first);
  outcome.interrupted = result.interrupted;
  if (!outcome.first_failure) outcome.first_failure = result.first_failure;
  if (outcome.interrupted)
    outcome.resume_command = "workbench-cli resume --experiment " + std::to_string(experiment_id) + " --jobs " +
                             std::to_string(options_.jobs);
}

int run_threads(const RunSpec& spec, const RunnerOptions& options) {
  if (options.threads_override >= 0) return options.threads_override;
  if (spec.training.threads == 0) return options.every_core_threads;
  return spec.training.threads;
}

RunSummary ExperimentRunner::train_one(std::int64_t run_id, const RunSpec& original, bool resume) {
  RunSpec spec = original;
  if (!options_.device_override.empty()) spec.training.device = options_.device_override;
  spec.training.threads = run_threads(spec, options_);
  configure_torch_threads(spec.training.threads);

  const TrainingData data = inputs_.training_data(spec);
  StoreSink store_sink(store_, run_id);
  ProgressBar progress;
  std::unique_ptr<JsonlEvents> jsonl;
  MetricsFanout sinks;
  sinks.add(&store_sink);
  sinks.add(&progress);
  if (options_.events) {
    jsonl = std::make_unique<JsonlEvents>(options_.events);
    sinks.add(jsonl.get());
  }
  TrainerOptions trainer_options;
  trainer_options.run_id = run_id;
  trainer_options.checkpoint_dir = workspace_.checkpoint_dir(store_.path(), run_id);
  trainer_options.resume = resume;
  trainer_options.stop = options_.stop;
  if (!spec.init_from.run.empty()) trainer_options.init_checkpoint = init_checkpoint(run_id, spec.init_from.run);
  if (options_.leader) {
    trainer_options.communicator = &options_.leader->group().communicator();
    trainer_options.local_rank = options_.leader->group().env().local_rank;
  }
  // Built before the other ranks hear of the run: what fails here fails before they wait for us.
  Trainer trainer(spec, data, sinks, trainer_options);
  if (options_.leader) {
    // The other ranks train this run with us: tell them which, and where its checkpoints are.
    RankAssignment assignment;
    assignment.run_id = run_id;
    assignment.spec_json = to_json(original).dump();
    assignment.checkpoint_dir = std::filesystem::absolute(trainer_options.checkpoint_dir).string();
    assignment.resume_from_checkpoint = resume && std::filesystem::exists(workspace_.last_checkpoint(store_.path(), run_id));
    if (!trainer_options.init_checkpoint.empty())
      assignment.init_checkpoint = std::filesystem::absolute(trainer_options.init_checkpoint).string();
    try {
      options_.leader->announce(assignment);
    } catch (...) {
      run_not_started_ = true;  // the run never began: it stays resumable, not failed
      throw;
    }
  }
  return trainer.run();
}

std::filesystem::path ExperimentRunner::init_checkpoint(std::int64_t run_id, const std::string& source) const {
  // A name is looked up in the run's own experiment first: re-running an experiment must continue
  // from its own earlier stage, not from the previous experiment's run of the same name.
  std::optional<RunRow> from;
  if (auto self = store_.find_run(std::to_string(run_id)))
    for (const auto& row : store_.runs(self->experiment_id))
      if (row.name == source || row.name == self->experiment + "/" + source) from = row;
  if (!from) from = store_.find_run(source);
  if (!from)
    throw SpecError("init_from.run: no run \"" + source + "\" in " + store_.path().string(),
                    "give the id or exact name of a finished run (`workbench-cli runs`)");
  if (from->status != "finished")
    throw SpecError("init_from.run: run " + std::to_string(from->id) + " (" + from->name + ") is " + from->status +
                    ", not finished", "finish it first (`workbench-cli resume " + std::to_string(from->id) + "`)");
  return workspace_.last_checkpoint(store_.path(), from->id);
}

void ExperimentRunner::write_results(ExperimentOutcome& outcome) {
  const auto tag = workspace_.database_tag(store_.path());
  outcome.results_dir = workspace_.root / "results" /
                        (outcome.experiment_name + (tag.empty() ? "" : "-" + tag) + "-" +
                         std::to_string(outcome.experiment_id));
  std::filesystem::create_directories(outcome.results_dir);
  std::ofstream summary(outcome.results_dir / "summary.csv");
  summary << "run_id,name,status,epochs,unique_tokens,train_tokens,final_val_loss,best_val_loss,best_step,"
             "overfitting_onset_step,degradation_percent,wall_s\n";
  const auto degradation = degradation_percent(outcome.runs);
  for (std::size_t i = 0; i < outcome.runs.size(); ++i) {
    const auto& r = outcome.runs[i];
    summary << r.run_id << ',' << csv_field(r.name) << ',' << r.status << ',' << r.epochs << ',' << r.unique_tokens << ','
            << r.train_tokens << ',';
    if (r.evaluated) summary << r.final_val_loss << ',' << r.best_val_loss << ',' << r.best_step;
    else summary << ",,";
    summary << ',' << r.onset_step << ',';
    if (!std::isnan(degradation[i])) summary << degradation[i];
    summary << ',' << r.wall_s << '\n';
  }
  std::ofstream metrics(outcome.results_dir / "metrics.csv");
  metrics << "run_id,name,step,tokens,epoch,metric,value,wall_time\n";
  for (const auto& r : outcome.runs)
    for (const auto& m : store_.metrics(r.run_id))
      if (m.name.rfind("eval/", 0) == 0)
        metrics << r.run_id << ',' << csv_field(r.name) << ',' << m.step << ',' << m.tokens << ',' << m.epoch << ','
                << m.name << ',' << m.value << ',' << m.wall_time << '\n';
}

}  // namespace wb
