// Reads run outcomes from the store and compares each run with its group's baseline.
#include "series/run_outcome.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "spec/run_spec.hpp"

namespace wb {

std::string repetition_group(const nlohmann::json& run_spec) {
  nlohmann::json key = run_spec;
  key.erase("name");
  if (key.contains("data")) {
    key["data"].erase("epochs");
    key["data"].erase("unique_tokens");
  }
  return key.dump();
}

RunOutcome outcome_from_store(const RunStore& store, const RunRow& row, const std::vector<MetricPoint>* val_loss) {
  RunOutcome r;
  r.run_id = row.id;
  r.name = row.name;
  r.status = row.status;
  try {
    const auto spec_json = nlohmann::json::parse(row.spec_json);
    r.group = repetition_group(spec_json);
    const auto plan = plan_run(parse_run_spec(spec_json));
    r.epochs = plan.epochs;
    r.unique_tokens = plan.unique_tokens;
    r.train_tokens = plan.train_tokens;
  } catch (const std::exception&) {
    // A spec this build cannot read (written by a newer one): the outcome has the losses only.
  }
  const std::vector<MetricPoint> read = val_loss ? std::vector<MetricPoint>{} : store.metric_points(row.id, "eval/val_loss");
  const std::vector<MetricPoint>& val = val_loss ? *val_loss : read;
  if (!val.empty()) {
    r.evaluated = true;
    r.evaluations = static_cast<std::size_t>(
        std::count_if(val.begin(), val.end(), [](const MetricPoint& p) { return std::isfinite(p.value); }));
    r.final_val_loss = val.back().value;
    r.wall_s = val.back().wall_time;
    const auto best = std::min_element(val.begin(), val.end(), [](auto& a, auto& b) { return a.value < b.value; });
    r.best_val_loss = best->value;
    r.best_step = best->step;
  }
  for (const auto& event : store.events(row.id, "overfitting_onset")) {
    const auto data = nlohmann::json::parse(event.data_json, nullptr, /*allow_exceptions=*/false);
    if (!data.is_object()) continue;
    r.onset_step = data.value("onset_step", std::int64_t{-1});
    r.onset_epoch = data.value("onset_epoch", std::nan(""));
  }
  const std::int64_t id = row.id;
  for (const auto& name : store.metric_names(std::span(&id, 1))) {
    if (!name.starts_with("downstream/")) continue;
    const auto points = store.metric_points(row.id, name);
    if (!points.empty()) r.downstream[name] = points.back().value;
  }
  return r;
}

std::vector<double> degradation_percent(const std::vector<RunOutcome>& runs) {
  std::vector<double> out(runs.size(), std::nan(""));
  // A stopped or still-running run's last loss is from partway through its schedule: compared,
  // or as a baseline, it would make repetition look cheaper or dearer than it is.
  auto comparable = [](const RunOutcome& r) { return r.evaluated && r.status == "finished"; };
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!comparable(runs[i])) continue;
    const RunOutcome* reference = nullptr;
    int members = 0;  // a run alone in its group has no baseline: "-", not "+0.00%"
    for (const auto& r : runs) {
      if (!comparable(r) || r.group != runs[i].group) continue;
      ++members;
      if (!reference || r.epochs < reference->epochs) reference = &r;
    }
    if (members > 1 && reference->final_val_loss > 0)
      out[i] = 100.0 * (runs[i].final_val_loss - reference->final_val_loss) / reference->final_val_loss;
  }
  return out;
}

}  // namespace wb
