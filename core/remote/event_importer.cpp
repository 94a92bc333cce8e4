// Event lines -> store rows through StoreSink, with the duplicate guard the header describes.
#include "remote/event_importer.hpp"

#include <exception>
#include <optional>

#include "common/errors.hpp"
#include "remote/event_decode.hpp"

namespace wb {

void create_local_runs(RunStore& store, const ExperimentSpec& experiment, const RunEnvironment& environment,
                       ImportState& state) {
  state.experiment_id = store.create_experiment(experiment.name, experiment.source.dump());
  state.runs.clear();
  for (const auto& run : experiment.runs) {
    // The same rule as a local run (experiment_runner.cpp): init_from.run names an earlier run by
    // its full name or its label.
    std::optional<std::int64_t> depends_on;
    const std::string& source = run.spec.init_from.run;
    if (!source.empty())
      for (const auto& [name, id] : state.runs)
        if (name == source || name == experiment.name + "/" + source) depends_on = id;
    state.runs[run.spec.name] =
        store.create_run(state.experiment_id, run.spec.name, to_json(run.spec).dump(), environment, depends_on);
  }
}

EventImporter::EventImporter(RunStore& store, ImportState& state, std::filesystem::path state_file,
                             MetricsSink* observer)
    : store_(store), state_(state), state_file_(std::move(state_file)), observer_(observer), offset_(state.offset) {}

EventImporter::~EventImporter() {
  try {
    checkpoint();
  } catch (const std::exception&) {
    // the last rows stay uncommitted; a re-attach imports them again from the saved offset
  }
}

void EventImporter::load_watermarks(std::int64_t local_id, Run& r) {
  const auto losses = store_.metric_points(local_id, "train/loss");
  r.last_step = losses.empty() ? -1 : losses.back().step;
  const auto evals = store_.metric_points(local_id, "eval/val_loss");
  r.last_eval_step = evals.empty() ? -1 : evals.back().step;
  r.events.clear();
  for (const auto& e : store_.events(local_id)) r.events.emplace(e.kind, e.step, e.data_json);
}

EventImporter::Run& EventImporter::run(std::int64_t local_id) {
  auto [it, inserted] = runs_.try_emplace(local_id);
  if (inserted) {
    it->second.sink = std::make_unique<StoreSink>(store_, local_id);
    load_watermarks(local_id, it->second);
  }
  return it->second;
}

nlohmann::json EventImporter::import_line(std::string_view line) {
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    // It would fail every time: the next attach goes on after it rather than stop here for good.
    offset_ += static_cast<std::int64_t>(line.size()) + 1;
    throw UserError(ExitCode::kRuntime, "the host's event file has a line that is not JSON: " +
                                            std::string(line.substr(0, 200)),
                    "see the launch's output.log on the host; the run itself may be fine (`workbench-cli runs` "
                    "there); `workbench-cli attach LAUNCH` imports the rest, after that line");
  }
  const auto header = decode_header(object);
  // Counted once imported: a line that fails here (a newer event version, a store error) is read
  // again by the next attach, not skipped.
  const auto consumed = static_cast<std::int64_t>(line.size()) + 1;
  if (header.type == "experiment_finished") state_.finished = object;  // saved by the next checkpoint
  if (header.type == "experiment_finished" || header.run_name.empty()) {
    offset_ += consumed;
    return object;
  }
  const auto local = state_.runs.find(header.run_name);
  if (local == state_.runs.end())
    throw UserError(ExitCode::kRuntime, "the host reports run \"" + header.run_name + "\", which the spec sent has not",
                    "the host's workbench-cli expands specs differently: use the same version on both");
  const std::int64_t id = local->second;
  object["run"]["id"] = id;
  Run& r = run(id);
  if (header.type == "run_started") {
    auto record = decode_run_started(object);
    record.run_id = id;
    r.sink->run_started(record);  // drops rows after record.start_step
    load_watermarks(id, r);
    if (observer_) observer_->run_started(record);
  } else if (header.type == "step") {
    const auto record = decode_step(object);
    if (record.step > r.last_step) {
      r.sink->step(record);
      r.last_step = record.step;
    }
    if (observer_) observer_->step(record);
  } else if (header.type == "eval") {
    const auto record = decode_eval(object);
    if (record.step > r.last_eval_step) {
      r.sink->eval(record);
      r.last_eval_step = record.step;
    }
    if (observer_) observer_->eval(record);
  } else if (header.type == "event") {
    const auto record = decode_event(object);
    const auto key = std::make_tuple(record.kind, record.step, record.data.is_null() ? "{}" : record.data.dump());
    if (r.events.insert(key).second) r.sink->event(record);
    if (observer_) observer_->event(record);
  } else if (header.type == "run_finished") {
    const auto record = decode_run_finished(object);
    r.sink->run_finished(record);
    if (observer_) observer_->run_finished(record);
  }
  // Other types (a newer writer's additions) are forwarded, not stored.
  offset_ += consumed;
  return object;
}

void EventImporter::checkpoint() {
  for (auto& [id, r] : runs_) r.sink->flush();
  state_.offset = offset_;
  save_import_state(state_file_, state_);
}

}  // namespace wb
