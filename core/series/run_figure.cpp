// Store runs -> Figure: curves from metric rows, group labels from resolved specs, onset and best
// markers from the trainer's events and the metric itself.
#include "series/run_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "spec/run_spec.hpp"

namespace wb::series {
namespace {

using nlohmann::json;

double x_of(const MetricRow& row, XAxis axis) {
  switch (axis) {
    case XAxis::kSteps: return static_cast<double>(row.step);
    case XAxis::kTokens: return static_cast<double>(row.tokens);
    case XAxis::kEpochs: return row.epoch;
    case XAxis::kWallTime: return row.wall_time;
  }
  return 0.0;
}

// 16 rather than 16.000000, 0.1 rather than 0.10000000000000001.
std::string format_value(double value) {
  if (std::isfinite(value) && value == std::round(value) && std::abs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string format_json_value(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return format_value(value.get<double>());
  // model.dropout is {attn, resid, embd, schedule...}; one rate at all three sites reads as that rate.
  if (value.is_object() && value.contains("attn") && value.contains("resid") && value.contains("embd") &&
      value["attn"] == value["resid"] && value["attn"] == value["embd"] && value["attn"].is_number()) {
    std::string rate = format_value(value["attn"].get<double>());
    if (value.contains("schedule") && value["schedule"].is_string() && value["schedule"] != "constant")
      rate += " (" + value["schedule"].get<std::string>() + ")";
    return rate;
  }
  return value.dump();
}

// The value at a dotted path, or null.
json value_at(const json& spec, const std::string& path) {
  const json* node = &spec;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const auto dot = path.find('.', begin);
    const auto key = path.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin);
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  return *node;
}

// A spec sets data.epochs or data.unique_tokens; the other follows from the run's plan.
json planned_value(const json& spec, const std::string& path) {
  if (path != "data.epochs" && path != "data.unique_tokens") return nullptr;
  try {
    const auto plan = plan_run(parse_run_spec(spec));
    return path == "data.epochs" ? json(plan.epochs) : json(plan.unique_tokens);
  } catch (const std::exception&) {
    return nullptr;  // a spec this build cannot read has no group rather than no figure
  }
}

std::string legend_name(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (auto dot = path.find('.'); dot != std::string::npos; dot = path.find('.', begin)) {
    parts.push_back(path.substr(begin, dot - begin));
    begin = dot + 1;
  }
  parts.push_back(path.substr(begin));
  // "kind=causal" says less than "objective=causal".
  if (parts.size() > 1 && parts.back() == "kind") return parts[parts.size() - 2];
  return parts.back();
}

std::vector<Point> sorted_points(const std::vector<MetricRow>& rows, XAxis axis) {
  std::vector<Point> points;
  points.reserve(rows.size());
  for (const auto& row : rows) points.push_back({x_of(row, axis), row.value});
  // LTTB and the exports want x order; wall time of a resumed run need not be monotonic in steps.
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
  return points;
}

// The last overfitting_onset event's onset step (trainer.cpp writes it when the detector confirms).
std::optional<std::int64_t> onset_step(const RunStore& store, std::int64_t run_id) {
  std::optional<std::int64_t> step;
  for (const auto& event : store.events(run_id)) {
    if (event.kind != "overfitting_onset") continue;
    const auto data = json::parse(event.data_json, nullptr, false);
    if (data.is_object() && data.contains("onset_step") && data["onset_step"].is_number())
      step = data["onset_step"].get<std::int64_t>();
  }
  return step;
}

void add_markers(const RunStore& store, const RunRow& run, const std::vector<MetricRow>& rows, XAxis axis,
                 std::vector<Marker>& markers) {
  if (auto step = onset_step(store, run.id)) {
    // The evaluation at the onset step (the detector only reports evaluated steps), else the nearest.
    const auto nearest = std::min_element(rows.begin(), rows.end(), [&](const MetricRow& a, const MetricRow& b) {
      return std::llabs(a.step - *step) < std::llabs(b.step - *step);
    });
    markers.push_back({"onset", run.id, {x_of(*nearest, axis), nearest->value}});
  }
  const MetricRow* best = nullptr;
  for (const auto& row : rows)
    if (std::isfinite(row.value) && (!best || row.value < best->value)) best = &row;
  if (best) markers.push_back({"best", run.id, {x_of(*best, axis), best->value}});
}

}  // namespace

std::string group_label(const std::string& spec_json, const std::string& path) {
  if (path.empty()) return "";
  const auto spec = json::parse(spec_json, nullptr, false);
  if (spec.is_discarded()) return "";
  auto value = value_at(spec, path);
  if (value.is_null()) value = planned_value(spec, path);
  if (value.is_null()) return "";
  return legend_name(path) + "=" + format_json_value(value);
}

std::string short_run_name(const RunRow& run) {
  const std::string prefix = run.experiment + "/";
  if (!run.experiment.empty() && run.name.size() > prefix.size() && run.name.compare(0, prefix.size(), prefix) == 0)
    return run.name.substr(prefix.size());
  return run.name;
}

std::vector<std::string> metric_names(const RunStore& store, const std::vector<RunRow>& runs) {
  std::set<std::string> names;
  for (const auto& run : runs)
    for (const auto& row : store.metrics(run.id)) names.insert(row.name);
  return {names.begin(), names.end()};
}

Figure figure_from_runs(const RunStore& store, const std::vector<RunRow>& runs, const FigureRequest& request) {
  Figure figure;
  figure.x_label = x_axis_label(request.x_axis);
  figure.y_label = metric_label(request.metric);
  const bool mark = request.markers && request.metric == kValidationLoss;
  for (const auto& run : runs) {
    const auto rows = store.metrics(run.id, request.metric);
    if (rows.empty()) continue;
    Curve curve;
    curve.run_id = run.id;
    curve.group = group_label(run.spec_json, request.group_by);
    curve.label = short_run_name(run);
    auto points = sorted_points(rows, request.x_axis);
    if (request.smoothing > 0.0) {
      // Smoothed over every point, then each line downsampled on its own: the EMA must see the data.
      curve.points = debiased_ema(points, request.smoothing);
      curve.raw = std::move(points);
    } else {
      curve.points = std::move(points);
    }
    if (request.points >= 3) {
      curve.points = lttb(curve.points, request.points);
      if (!curve.raw.empty()) curve.raw = lttb(curve.raw, request.points);
    }
    if (mark) add_markers(store, run, rows, request.x_axis, figure.markers);
    figure.curves.push_back(std::move(curve));
  }
  // A run alone in its group is named by the group ("epochs=16"); runs sharing one (seeds) keep
  // their own names, and the legend shows the group once.
  std::map<std::string, int> group_sizes;
  for (const auto& c : figure.curves) ++group_sizes[c.group];
  for (auto& c : figure.curves)
    if (!c.group.empty() && group_sizes[c.group] == 1) c.label = c.group;
  return figure;
}

std::string metric_label(const std::string& metric) {
  const std::string per_corpus = "eval/val_loss/";
  if (metric == kValidationLoss) return "validation loss";
  if (metric == "eval/train_loss") return "training loss";
  if (metric == "train/loss") return "training loss (per step)";
  if (metric == "lr") return "learning rate";
  if (metric == "tokens_per_s") return "tokens/s";
  if (metric.rfind(per_corpus, 0) == 0) return "validation loss, " + metric.substr(per_corpus.size());
  return metric;
}

}  // namespace wb::series
