// Drives experiments from spec to outcome table; training itself is the Trainer's.
#include "cli/experiment_runner.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>

#include "cli/csv.hpp"
#include "cli/jsonl_events.hpp"
#include "cli/progress_bar.hpp"
#include "common/errors.hpp"
#include "data/corpus_store.hpp"
#include "data/dataset.hpp"
#include "store/store_sink.hpp"
#include "train/trainer.hpp"

#ifndef WB_GIT_VERSION
#define WB_GIT_VERSION "unknown"
#endif

namespace wb {
namespace {

// Remembers the overfitting onset a run reports, for the outcome table.
class OnsetCollector : public MetricsSink {
 public:
  void event(const EventRecord& r) override {
    if (r.kind == "overfitting_onset") onset_step = r.data.value("best_step", std::int64_t{-1});
  }
  std::int64_t onset_step = -1;
};

std::string data_key(const DataSpec& d) {
  return d.corpus + "|" + to_string(d.tokenizer.kind) + "|" + std::to_string(d.tokenizer.vocab_size) + "|" +
         std::to_string(d.validation_fraction) + "|" + std::to_string(d.split_seed);
}

void print_progress(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fflush(stderr);
}

}  // namespace

RunEnvironment current_environment() {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  return {host, std::string(PROJECT_VERSION_STRING) + " (git " + WB_GIT_VERSION + ")", library_versions_json(),
          static_cast<std::int64_t>(getpid())};
}

ExperimentRunner::ExperimentRunner(Workspace workspace, RunStore& store, RunnerOptions options)
    : workspace_(std::move(workspace)), store_(store), options_(options) {}

void ExperimentRunner::ensure_corpus(const std::string& corpus) {
  CorpusStore corpora(workspace_);
  if (corpora.exists(corpus)) return;
  for (const auto& recipe : builtin_recipes()) {
    if (recipe.name != corpus) continue;
    print_progress("corpus " + corpus + " is not in " + workspace_.corpora_dir().string() +
                   "; building it from its recipe (" + recipe.package + ")");
    corpora.import_recipe(corpus, print_progress);
    return;
  }
  corpora.info(corpus);  // throws DataError with the fix
}

ExperimentOutcome ExperimentRunner::run(const ExperimentSpec& experiment) {
  for (const auto& run : experiment.runs) ensure_corpus(run.spec.data.corpus);
  const auto experiment_id = store_.create_experiment(experiment.name, experiment.source.dump());
  const auto environment = current_environment();
  std::vector<std::int64_t> ids;
  for (const auto& run : experiment.runs)
    ids.push_back(store_.create_run(experiment_id, run.spec.name, to_json(run.spec).dump(), environment));
  return run_rows(experiment_id, ids, /*resume_first=*/false);
}

ExperimentOutcome ExperimentRunner::resume(std::int64_t run_id) {
  auto row = store_.find_run(std::to_string(run_id));
  if (!row) throw UserError(ExitCode::kUsage, "no run " + std::to_string(run_id), "list runs with `workbench-cli runs`");
  if (row->status == "finished")
    throw UserError(ExitCode::kUsage, "run " + std::to_string(run_id) + " has already finished",
                    "start a new run with `workbench-cli run SPEC`");
  std::vector<std::int64_t> ids = {run_id};
  for (const auto& other : store_.runs(row->experiment_id))
    if (other.id != run_id && other.status == "queued") ids.push_back(other.id);
  return run_rows(row->experiment_id, ids, /*resume_first=*/true);
}

ExperimentOutcome ExperimentRunner::run_rows(std::int64_t experiment_id, const std::vector<std::int64_t>& ids,
                                             bool resume_first) {
  ExperimentOutcome outcome;
  outcome.experiment_id = experiment_id;
  for (const auto& e : store_.experiments())
    if (e.id == experiment_id) outcome.experiment_name = e.name;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto row = store_.find_run(std::to_string(ids[i]));
    auto spec = parse_run_spec(nlohmann::json::parse(row->spec_json));
    auto result = train_one(ids[i], spec, resume_first && i == 0);
    outcome.runs.push_back(result);
    if (result.status == "interrupted") {
      outcome.interrupted = true;
      break;
    }
  }
  write_results(outcome);
  return outcome;
}

RunOutcome ExperimentRunner::train_one(std::int64_t run_id, const RunSpec& original, bool resume) {
  RunSpec spec = original;
  if (!options_.device_override.empty()) spec.training.device = options_.device_override;
  if (options_.threads_override >= 0) spec.training.threads = options_.threads_override;
  configure_torch_threads(spec.training.threads);
  ensure_corpus(spec.data.corpus);

  auto dataset = prepare_dataset(spec.data, workspace_, print_progress);
  StoreSink store_sink(store_, run_id);
  ProgressBar progress;
  OnsetCollector onset;
  std::unique_ptr<JsonlEvents> jsonl;
  MetricsFanout sinks;
  sinks.add(&store_sink);
  sinks.add(&progress);
  sinks.add(&onset);
  if (options_.jsonl_events) {
    jsonl = std::make_unique<JsonlEvents>(stdout);
    sinks.add(jsonl.get());
  }
  TrainerOptions trainer_options;
  trainer_options.run_id = run_id;
  trainer_options.checkpoint_dir = workspace_.runs_dir() / std::to_string(run_id);
  trainer_options.resume = resume;
  trainer_options.stop = options_.stop;

  RunSummary summary;
  try {
    Trainer trainer(spec, dataset, sinks, trainer_options);
    summary = trainer.run();
  } catch (const std::exception& e) {
    // Failures before training started (data too small, ...) still leave the run marked failed.
    store_.set_run_status(run_id, "failed", e.what());
    throw;
  }
  const auto plan = plan_run(spec);
  return {run_id, spec.name, summary.status, plan.epochs, plan.unique_tokens, plan.train_tokens,
          summary.final_val_loss, summary.best_val_loss, summary.best_step, onset.onset_step, summary.wall_s};
}

void ExperimentRunner::write_results(ExperimentOutcome& outcome) {
  outcome.results_dir = workspace_.root / "results" /
                        (outcome.experiment_name + "-" + std::to_string(outcome.experiment_id));
  std::filesystem::create_directories(outcome.results_dir);
  std::ofstream summary(outcome.results_dir / "summary.csv");
  summary << "run_id,name,status,epochs,unique_tokens,train_tokens,final_val_loss,best_val_loss,best_step,"
             "overfitting_onset_step,degradation_percent,wall_s\n";
  const auto degradation = degradation_percent(outcome.runs);
  for (std::size_t i = 0; i < outcome.runs.size(); ++i) {
    const auto& r = outcome.runs[i];
    summary << r.run_id << ',' << csv_field(r.name) << ',' << r.status << ',' << r.epochs << ',' << r.unique_tokens << ','
            << r.train_tokens << ',' << r.final_val_loss << ',' << r.best_val_loss << ',' << r.best_step << ','
            << r.onset_step << ',' << degradation[i] << ',' << r.wall_s << '\n';
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
