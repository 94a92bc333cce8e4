// Store runs -> Figure: curves from cached metric points (kept up to date per run by a FigureMemo),
// group labels from resolved specs, onset and best markers from the trainer's events and the
// metric itself.
#include "series/run_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "series/live_curve.hpp"
#include "spec/run_spec.hpp"

namespace wb::series {
namespace {

using nlohmann::json;

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

double x_of(const MetricPoint& point, XAxis axis) {
  switch (axis) {
    case XAxis::kSteps: return static_cast<double>(point.step);
    case XAxis::kTokens: return static_cast<double>(point.tokens);
    case XAxis::kEpochs: return point.epoch;
    case XAxis::kWallTime: return point.wall_time;
  }
  return 0.0;
}

// A run's curve as last derived, and what from: the next call pushes only the points after
// `consumed` when nothing else changed.
struct RunMemo {
  XAxis x_axis = XAxis::kSteps;
  LiveCurve::Options options;
  std::uint64_t generation = 0;
  std::size_t consumed = 0;
  // x never went down so far (wall time of a resumed run may): points were streamed in step
  // order. Otherwise each change sorts them all again, as a fresh figure would.
  bool x_sorted = true;
  double last_x = 0.0;
  std::optional<LiveCurve> curve;
  std::vector<Point> points, raw;  // what the curve gave at `consumed`
  std::string group_path, group_spec, group;
  std::string seed_key;  // seed_group(group_spec)
  bool has_group = false;
};

bool x_in_order(const std::vector<MetricPoint>& rows, std::size_t from, double last_x, XAxis axis) {
  for (std::size_t i = from; i < rows.size(); ++i) {
    const double x = x_of(rows[i], axis);
    if (x < last_x) return false;
    last_x = x;
  }
  return true;
}

// Brings the memo's curve up to the run's points; true when it had to derive anything.
bool update_curve(RunMemo& memo, const MetricCache::Run& run, XAxis axis, const LiveCurve::Options& options) {
  const auto& rows = run.points;
  const bool same = memo.curve && memo.x_axis == axis && memo.options == options &&
                    memo.generation == run.generation && memo.consumed <= rows.size();
  if (same && memo.consumed == rows.size()) return false;
  const bool extend = same && memo.x_sorted && x_in_order(rows, memo.consumed, memo.last_x, axis);
  if (!extend) {
    memo.x_axis = axis;
    memo.options = options;
    memo.generation = run.generation;
    memo.consumed = 0;
    memo.curve.emplace(options);
    memo.x_sorted = x_in_order(rows, 0, -std::numeric_limits<double>::infinity(), axis);
  }
  if (memo.x_sorted) {
    for (std::size_t i = memo.consumed; i < rows.size(); ++i) memo.curve->push({x_of(rows[i], axis), rows[i].value});
    if (!rows.empty()) memo.last_x = x_of(rows.back(), axis);
  } else {
    // LTTB and the exports want x order; wall time of a resumed run need not be monotonic in steps.
    std::vector<Point> points;
    points.reserve(rows.size());
    for (const auto& row : rows) points.push_back({x_of(row, axis), row.value});
    std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
    memo.curve.emplace(options);
    for (const auto& p : points) memo.curve->push(p);
  }
  memo.consumed = rows.size();
  memo.points = memo.curve->points();
  memo.raw = memo.curve->raw();
  return true;
}

// The row nearest to `step` (the detector only reports evaluated steps, so usually that very
// one); the earliest of equally near rows. Rows are in step order.
const MetricPoint& nearest_row(const std::vector<MetricPoint>& rows, std::int64_t step) {
  const auto by_step = [](const MetricPoint& p, std::int64_t s) { return p.step < s; };
  auto it = std::lower_bound(rows.begin(), rows.end(), step, by_step);
  if (it == rows.begin()) return *it;
  const auto before = std::lower_bound(rows.begin(), rows.end(), std::prev(it)->step, by_step);
  if (it == rows.end() || std::llabs(before->step - step) <= std::llabs(it->step - step)) return *before;
  return *it;
}

void add_markers(const MetricCache::Run& run, std::int64_t run_id, XAxis axis, std::vector<Marker>& markers) {
  if (run.onset_step) {
    const MetricPoint& at = nearest_row(run.points, *run.onset_step);
    markers.push_back({"onset", run_id, {x_of(at, axis), at.value}});
  }
  if (run.best) {
    const MetricPoint& best = run.points[*run.best];
    markers.push_back({"best", run_id, {x_of(best, axis), best.value}});
  }
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
  std::vector<std::int64_t> ids;
  for (const auto& run : runs) ids.push_back(run.id);
  return store.metric_names(ids);
}

struct FigureMemo::Impl {
  std::unordered_map<std::int64_t, RunMemo> runs;
  std::size_t recomputed = 0;
};

FigureMemo::FigureMemo() : impl_(std::make_unique<Impl>()) {}
FigureMemo::~FigureMemo() = default;
FigureMemo::FigureMemo(FigureMemo&&) noexcept = default;
FigureMemo& FigureMemo::operator=(FigureMemo&&) noexcept = default;
std::size_t FigureMemo::recomputed() const { return impl_->recomputed; }

Figure figure_from_runs(const RunStore& store, const std::vector<RunRow>& runs, const FigureRequest& request) {
  MetricCache cache;
  cache.update(store, runs, request.metric);
  return figure_from_cache(cache, runs, request);
}

Figure figure_from_cache(const MetricCache& cache, const std::vector<RunRow>& runs, const FigureRequest& request,
                         FigureMemo* memo) {
  FigureMemo local;
  FigureMemo::Impl& memos = *(memo ? memo : &local)->impl_;
  std::erase_if(memos.runs, [&](const auto& entry) {
    return std::none_of(runs.begin(), runs.end(), [&](const RunRow& r) { return r.id == entry.first; });
  });
  LiveCurve::Options options;
  options.smoothing = request.smoothing;
  options.points = request.points;
  // points / 2 buckets and up: with the screen's two points per pixel column, at least one
  // bucket's extremes per column, and LTTB picks from at most 4 x points of them.
  options.buckets = request.bucket_before_lttb && request.points >= 3 ? std::max<std::size_t>(1, request.points / 2) : 0;

  Figure figure;
  figure.x_label = x_axis_label(request.x_axis);
  figure.y_label = metric_label(request.metric);
  const bool mark = request.markers && request.metric == kValidationLoss;
  std::vector<std::string> seed_keys;  // per curve, for mean_of_seeds
  for (const auto& run : runs) {
    const MetricCache::Run* data = cache.metric() == request.metric ? cache.find(run.id) : nullptr;
    if (!data || data->points.empty()) continue;
    RunMemo& m = memos.runs[run.id];
    if (update_curve(m, *data, request.x_axis, options)) ++memos.recomputed;
    if (!m.has_group || m.group_path != request.group_by || m.group_spec != run.spec_json) {
      // Parsing a spec (and planning data.epochs) costs about as much as a new point: once per run.
      m.group = group_label(run.spec_json, request.group_by);
      m.group_path = request.group_by;
      m.group_spec = run.spec_json;
      m.seed_key = seed_group(run.spec_json);
      m.has_group = true;
    }
    Curve curve;
    curve.run_id = run.id;
    curve.group = m.group;
    curve.label = short_run_name(run);
    curve.points = m.points;
    curve.raw = m.raw;
    if (mark) add_markers(*data, run.id, request.x_axis, figure.markers);
    figure.curves.push_back(std::move(curve));
    seed_keys.push_back(m.seed_key);
  }
  if (request.mean_of_seeds) figure = pool_seeds(figure, seed_keys);
  // A run alone in its group is named by the group ("epochs=16"); runs sharing one (seeds) keep
  // their own names, and the legend shows the group once.
  std::map<std::string, int> group_sizes;
  for (const auto& c : figure.curves) ++group_sizes[c.group];
  for (auto& c : figure.curves)
    if (!c.group.empty() && group_sizes[c.group] == 1) c.label = c.group;
  // Runs of one name from different experiments (a spec run twice) would share a legend entry.
  std::map<std::string, int> label_uses;
  for (const auto& c : figure.curves) ++label_uses[c.label];
  for (auto& c : figure.curves)
    if (label_uses[c.label] > 1 && c.run_id > 0) c.label += " (run " + std::to_string(c.run_id) + ")";
  return figure;
}

std::string seed_group(const std::string& spec_json) {
  auto spec = nlohmann::json::parse(spec_json, nullptr, /*allow_exceptions=*/false);
  if (spec.is_discarded() || !spec.is_object()) return {};
  spec.erase("name");
  if (spec.contains("training") && spec["training"].is_object()) spec["training"].erase("seed");
  return spec.dump();
}

std::string metric_label(const std::string& metric) {
  const std::string per_corpus = "eval/val_loss/";
  if (metric == kValidationLoss) return "validation loss";
  // The trainer's mean of the per-step losses since the previous evaluation, not a pass over
  // training data with the evaluation's model: early on it lies above the validation loss.
  if (metric == "eval/train_loss") return "training loss (interval mean)";
  if (metric == "train/loss") return "training loss (per step)";
  if (metric == "lr") return "learning rate";
  if (metric == "tokens_per_s") return "tokens/s";
  if (metric.rfind(per_corpus, 0) == 0) return "validation loss, " + metric.substr(per_corpus.size());
  // downstream/TASK/SCORE: "TASK accuracy", "TASK accuracy (length-normalized)", ...
  const std::string downstream = "downstream/";
  if (metric.rfind(downstream, 0) == 0) {
    const auto slash = metric.rfind('/');
    const std::string task = metric.substr(downstream.size(), slash - downstream.size());
    const std::string score = metric.substr(slash + 1);
    const std::string what = score == "acc"            ? "accuracy"
                             : score == "acc_norm"      ? "accuracy (length-normalized)"
                             : score == "loglikelihood" ? "log-likelihood"
                                                        : score;
    if (slash > downstream.size()) return task + " " + what;
  }
  return metric;
}

}  // namespace wb::series
