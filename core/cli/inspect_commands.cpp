// `workbench-cli runs`, `show RUN` and `metrics RUN [--csv]`: read the run store (read-only, so
// they work while another process is training into it).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/cli_context.hpp"
#include "cli/csv.hpp"
#include "cli/progress_bar.hpp"
#include "cli/run_liveness.hpp"
#include "common/errors.hpp"
#include "cli/run_lookup.hpp"
#include "common/joined.hpp"
#include "store/run_selection.hpp"
#include "spec/spec_reader.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

void list_runs(const CliContext& context, const std::string& experiment) {
  if (!std::filesystem::exists(context.db_path())) {  // a fresh workspace: nothing wrong, nothing yet
    std::printf("(no runs yet: no run database at %s; `workbench-cli run token-crisis-mini` makes one)\n",
                context.db_path().string().c_str());
    return;
  }
  auto store = context.open_store_for_reading();
  // By id or name; an experiment that does not exist is an error, not an empty list.
  auto rows = experiment.empty() ? store.runs() : select_runs(store, RunSelection{experiment, {}, {}});
  std::size_t width = 4;
  for (const auto& r : rows) width = std::max(width, r.name.size());
  // The experiment column tells apart runs of one name from different experiments (a spec run twice).
  std::printf("%5s %4s  %-*s  %-11s %10s %10s  %s\n", "id", "exp", static_cast<int>(width), "name", "status",
              "steps", "val loss", "started");
  bool orphans = false;
  for (const auto& r : rows) {
    auto losses = store.metrics(r.id, "eval/val_loss");
    std::string steps = losses.empty() ? "-" : std::to_string(losses.back().step);
    char loss[32] = "-";
    if (!losses.empty()) std::snprintf(loss, sizeof loss, "%.4f", losses.back().value);
    std::printf("%5lld %4lld  %-*s  %-11s %10s %10s  %s\n", static_cast<long long>(r.id),
                static_cast<long long>(r.experiment_id), static_cast<int>(width), r.name.c_str(),
                is_orphaned(r) ? kKilledStatus : r.status.c_str(), steps.c_str(), loss, r.started_at.c_str());
    orphans |= is_orphaned(r);
  }
  if (rows.empty()) std::printf("(no runs yet in %s)\n", store.path().string().c_str());
  if (orphans)
    std::printf("killed?: marked running, but its process on this host is gone; "
                "`workbench-cli resume RUN` continues from its last checkpoint\n");
}

void show_run(const CliContext& context, const std::string& id) {
  auto store = context.open_store_for_reading();
  auto r = require_run(store, id);
  std::printf("run %lld: %s\n  experiment: %s (%lld)\n  status:     %s%s\n  started:    %s\n  ended:      %s\n"
              "  host:       %s (pid %lld)\n  code:       %s\n  libraries:  %s\n",
              static_cast<long long>(r.id), r.name.c_str(), r.experiment.c_str(),
              static_cast<long long>(r.experiment_id),
              is_orphaned(r) ? "running, but its process is gone (`workbench-cli resume` continues it)" : r.status.c_str(),
              r.error.empty() ? "" : (" (" + r.error + ")").c_str(), r.started_at.c_str(),
              r.ended_at.empty() ? "-" : r.ended_at.c_str(), r.environment.host.c_str(),
              static_cast<long long>(r.environment.pid), r.environment.code_version.c_str(),
              r.environment.library_versions.c_str());
  auto val = store.metrics(r.id, "eval/val_loss");
  if (!val.empty()) {
    auto best = std::min_element(val.begin(), val.end(), [](auto& a, auto& b) { return a.value < b.value; });
    // "final" only for a run that trained its whole schedule; a stopped one's is its last so far.
    std::printf("  val loss:   %s %.4f at step %lld (epoch %.2f), best %.4f at step %lld (epoch %.2f)\n",
                r.status == "finished" ? "final" : "last", val.back().value, static_cast<long long>(val.back().step),
                val.back().epoch, best->value, static_cast<long long>(best->step), best->epoch);
  }
  auto events = store.events(r.id);
  for (const auto& e : events) {
    if (e.kind != "overfitting_onset") continue;
    const auto d = nlohmann::json::parse(e.data_json);
    std::printf("  overfitting: onset at step %lld (epoch %.2f, %s tokens), confirmed at step %lld; "
                "generalization gap %.4f (at best %.4f)\n",
                static_cast<long long>(d.value("onset_step", std::int64_t{0})), d.value("onset_epoch", 0.0),
                format_count(static_cast<double>(d.value("onset_tokens", std::int64_t{0}))).c_str(),
                static_cast<long long>(d.value("confirmed_step", std::int64_t{0})), d.value("generalization_gap", 0.0),
                d.value("gap_at_best", 0.0));
  }
  // The last evaluation's further metrics: other corpora, forgetting, downstream scores.
  if (!val.empty()) {
    std::vector<std::string> extra;
    for (const auto& m : store.metrics(r.id))
      if (m.step == val.back().step && (m.name.rfind("eval/val_loss/", 0) == 0 || m.name.rfind("eval/forgetting/", 0) == 0 ||
                                        m.name.rfind("downstream/", 0) == 0))
        extra.push_back(m.name + " " + format_number(m.value));
    if (!extra.empty()) std::printf("  at the end:\n");
    for (const auto& line : extra) std::printf("    %s\n", line.c_str());
  }
  if (!events.empty()) std::printf("  events:\n");
  for (const auto& e : events)
    std::printf("    step %-8lld %-18s %s\n", static_cast<long long>(e.step), e.kind.c_str(), e.data_json.c_str());
  std::printf("  spec:\n%s\n", nlohmann::json::parse(r.spec_json).dump(2).c_str());
}

void print_metrics(const CliContext& context, const std::string& id, bool csv, const std::string& name) {
  auto store = context.open_store_for_reading();
  auto r = require_run(store, id);
  auto rows = store.metrics(r.id, name);
  if (!name.empty() && rows.empty()) {
    const auto known = store.metric_names(std::span(&r.id, 1));
    throw UserError(ExitCode::kUsage, "run " + std::to_string(r.id) + " has no metric \"" + name + "\"",
                    known.empty() ? "it has no metrics yet (it has not been evaluated)" : "its metrics: " + joined(known));
  }
  if (csv) {
    std::printf("run_id,name,step,tokens,epoch,metric,value,wall_time\n");
    for (const auto& m : rows)
      std::printf("%lld,%s,%lld,%lld,%.6g,%s,%.9g,%.3f\n", static_cast<long long>(r.id),
                  csv_field(r.name).c_str(), static_cast<long long>(m.step), static_cast<long long>(m.tokens),
                  m.epoch, csv_field(m.name).c_str(), m.value, m.wall_time);
    return;
  }
  // One metric: its own table (the evaluation table's other columns would be empty).
  if (!name.empty()) {
    std::printf("%8s %12s %8s %14s\n", "step", "tokens", "epoch", name.c_str());
    for (const auto& m : rows)
      std::printf("%8lld %12lld %8.3f %14.6g\n", static_cast<long long>(m.step), static_cast<long long>(m.tokens),
                  m.epoch, m.value);
    return;
  }
  // Human view: one line per evaluation.
  std::map<std::int64_t, std::map<std::string, MetricRow>> by_step;
  for (const auto& m : rows)
    if (m.name.rfind("eval/", 0) == 0 || m.name == "tokens_per_s") by_step[m.step][m.name] = m;
  std::printf("%8s %12s %8s %11s %9s %11s\n", "step", "tokens", "epoch", "train loss", "val loss", "tokens/s");
  for (const auto& [step, m] : by_step) {
    auto get = [&](const char* n) { auto it = m.find(n); return it == m.end() ? NAN : it->second.value; };
    const auto& any = m.begin()->second;
    std::printf("%8lld %12lld %8.3f %11.4f %9.4f %11.0f\n", static_cast<long long>(step),
                static_cast<long long>(any.tokens), any.epoch, get("eval/train_loss"), get("eval/val_loss"),
                get("tokens_per_s"));
  }
}

}  // namespace

void add_inspect_commands(CLI::App& app, CliContext& context) {
  auto experiment = std::make_shared<std::string>();
  auto* runs = app.add_subcommand("runs", "List runs: id, experiment, name, status, last evaluated step and validation loss");
  runs->add_option("--experiment", *experiment, "Only the runs of this experiment (id, or the newest of that name)");
  runs->footer("Examples:\n  workbench-cli runs\n  workbench-cli runs --experiment token-crisis-mini\n"
               "Status: queued, running, finished, interrupted (`resume RUN` continues it), failed (`show RUN` says why);\n"
               "killed? is a run marked running whose process is gone (`resume --experiment ID` picks it up).");
  runs->callback([&context, experiment] { list_runs(context, *experiment); });

  auto id = std::make_shared<std::string>();
  auto* show = app.add_subcommand("show", "Show one run: status, environment, losses, events and its spec");
  show->add_option("RUN", *id, "Run id or exact name")->required();
  show->footer("Example: workbench-cli show 3   (or its exact name as `runs` lists it; the newest of a reused name)");
  show->callback([&context, id] { show_run(context, *id); });

  auto csv = std::make_shared<bool>(false);
  auto name = std::make_shared<std::string>();
  auto* metrics = app.add_subcommand("metrics", "Print a run's metrics: a table of evaluations, or all rows as CSV");
  metrics->add_option("RUN", *id, "Run id or exact name")->required();
  metrics->add_flag("--csv", *csv, "All metric rows as CSV (run_id,name,step,tokens,epoch,metric,value,wall_time)");
  metrics->add_option("--name", *name,
                      "Only this metric: train/loss, lr, eval/train_loss, eval/val_loss, tokens_per_s, flops; "
                      "eval/val_loss/CORPUS, dropout/..., downstream/... where the run logs them (an unknown name "
                      "lists the run's)");
  metrics->footer("Examples:\n  workbench-cli metrics 3\n  workbench-cli metrics 3 --name eval/val_loss\n"
                  "  workbench-cli metrics 3 --csv > run3.csv");
  metrics->callback([&context, id, csv, name] { print_metrics(context, *id, *csv, *name); });
}

}  // namespace wb
