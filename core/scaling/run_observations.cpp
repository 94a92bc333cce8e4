// Finished runs -> (N, D, U, loss) observations for scaling-law fits.
#include "scaling/run_observations.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "model/model_size.hpp"
#include "spec/run_spec.hpp"

namespace wb::scaling {
namespace {

std::optional<double> recorded_parameters(const RunStore& store, std::int64_t run_id) {
  for (const auto& event : store.events(run_id))
    if (event.kind == "started") {
      const auto data = nlohmann::json::parse(event.data_json, nullptr, false);
      if (data.is_object() && data.contains("parameters")) return data["parameters"].get<double>();
    }
  return std::nullopt;
}

double parameters_of(const RunStore& store, const RunRow& row, const RunSpec& spec, const ObservationOptions& options) {
  if (auto recorded = recorded_parameters(store, row.id)) return *recorded;
  if (!options.vocab)
    throw UserError(ExitCode::kUsage,
                    "run " + std::to_string(row.id) + " (" + row.name +
                        ") has no recorded parameter count (it was trained before the store kept one)",
                    "pass --vocab V to count its parameters from the spec (the vocabulary the run printed when it "
                    "started, e.g. --vocab 87 for Brown at character level), or re-run it");
  return static_cast<double>(count_parameters(GptConfig::from(spec.model, *options.vocab)).total);
}

}  // namespace

RunObservations observations_from_runs(const RunStore& store, const std::vector<RunRow>& runs,
                                       const ObservationOptions& options) {
  RunObservations out;
  for (const auto& row : runs) {
    if (row.status != "finished") {
      out.skipped.push_back({row.id, row.name, row.status});
      continue;
    }
    const auto losses = store.metrics(row.id, options.metric);
    if (losses.empty()) {
      out.skipped.push_back({row.id, row.name, "no " + options.metric + " metric"});
      continue;
    }
    const auto& chosen = options.best ? *std::min_element(losses.begin(), losses.end(),
                                                          [](auto& a, auto& b) { return a.value < b.value; })
                                      : losses.back();
    RunSpec spec;
    RunPlan plan;
    try {
      spec = parse_run_spec(nlohmann::json::parse(row.spec_json));
      plan = plan_run(spec);
    } catch (const std::exception& e) {
      out.skipped.push_back({row.id, row.name, std::string("unreadable spec: ") + e.what()});
      continue;
    }
    if (chosen.tokens <= 0) {
      out.skipped.push_back({row.id, row.name, "its " + options.metric + " was measured before training"});
      continue;
    }
    Observation o;
    o.label = row.name;
    o.params = parameters_of(store, row, spec, options);
    o.tokens = static_cast<double>(chosen.tokens);
    o.unique_tokens = static_cast<double>(plan.unique_tokens);
    o.loss = chosen.value;
    out.observations.push_back(o);
    out.run_ids.push_back(row.id);
  }
  return out;
}

}  // namespace wb::scaling
