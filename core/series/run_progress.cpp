// run_progress: a run's plan, throughput, ETA, best point and onset from rows already read.
#include "series/run_progress.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace wb::series {
namespace {

using nlohmann::json;

template <typename T>
T number_or(const json& object, const char* key, T fallback) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return fallback;
  return it->get<T>();
}

}  // namespace

std::optional<RunStart> run_start(const std::vector<EventRow>& events) {
  for (const auto& event : events) {
    if (event.kind != "started") continue;
    const auto data = json::parse(event.data_json, nullptr, false);
    if (!data.is_object()) return std::nullopt;
    RunStart start;
    start.parameters = number_or(data, "parameters", 0.0);
    if (data.contains("device") && data["device"].is_string()) start.device = data["device"].get<std::string>();
    if (data.contains("plan") && data["plan"].is_object()) {
      const json& plan = data["plan"];
      start.total_steps = number_or<std::int64_t>(plan, "total_steps", 0);
      start.tokens_per_step = number_or<std::int64_t>(plan, "tokens_per_step", 0);
      start.train_tokens = number_or<std::int64_t>(plan, "train_tokens", 0);
      start.unique_tokens = number_or<std::int64_t>(plan, "unique_tokens", 0);
      start.epochs = number_or(plan, "epochs", 0.0);
    }
    return start;
  }
  return std::nullopt;
}

std::optional<Onset> overfitting_onset(const std::vector<EventRow>& events) {
  std::optional<Onset> last;
  for (const auto& event : events) {
    if (event.kind != "overfitting_onset") continue;
    const auto data = json::parse(event.data_json, nullptr, false);
    if (!data.is_object() || !data.contains("onset_step") || !data["onset_step"].is_number()) continue;
    Onset onset;
    onset.onset_step = number_or<std::int64_t>(data, "onset_step", 0);
    onset.onset_tokens = number_or<std::int64_t>(data, "onset_tokens", 0);
    onset.onset_epoch = number_or(data, "onset_epoch", 0.0);
    onset.best_step = number_or<std::int64_t>(data, "best_step", 0);
    onset.best_val_loss = number_or(data, "best_val_loss", 0.0);
    onset.epoch_at_best = number_or(data, "epoch_at_best", 0.0);
    last = onset;
  }
  return last;
}

std::optional<Throughput> recent_throughput(const std::vector<MetricPoint>& steps, double window_s) {
  if (steps.size() < 2) return std::nullopt;
  const MetricPoint& last = steps.back();
  // The earliest row still inside the window, walking back while wall time goes down: a resumed
  // run's rows before the resume may carry a later wall time than those after it.
  std::size_t first = steps.size() - 1;
  while (first > 0 && steps[first - 1].wall_time <= steps[first].wall_time &&
         last.wall_time - steps[first - 1].wall_time <= window_s)
    --first;
  // Fewer than two rows in the window (rows far apart): the last two rows then, if in order.
  if (first == steps.size() - 1 && steps[first - 1].wall_time < last.wall_time) --first;
  const MetricPoint& from = steps[first];
  const double seconds = last.wall_time - from.wall_time;
  if (!(seconds > 0.0) || last.step <= from.step) return std::nullopt;
  return Throughput{static_cast<double>(last.tokens - from.tokens) / seconds,
                    static_cast<double>(last.step - from.step) / seconds};
}

RunProgress run_progress(const std::vector<EventRow>& events, const std::vector<MetricPoint>& steps,
                         const std::vector<MetricPoint>& logged_rate, const std::vector<MetricPoint>& val_loss,
                         bool running, double window_s) {
  RunProgress p;
  // The furthest row of any kind: a run that only evaluated so far still shows its step.
  const auto take = [&p](const std::vector<MetricPoint>& rows) {
    if (rows.empty() || rows.back().step < p.step) return;
    p.step = rows.back().step;
    p.tokens = rows.back().tokens;
    p.epoch = rows.back().epoch;
    p.wall_s = std::max(p.wall_s, rows.back().wall_time);
  };
  take(val_loss);
  take(logged_rate);
  take(steps);

  const auto start = run_start(events);
  if (start && start->total_steps > 0) {
    p.total_steps = start->total_steps;
    p.fraction = std::clamp(static_cast<double>(p.step) / static_cast<double>(p.total_steps), 0.0, 1.0);
  }
  const auto recent = recent_throughput(steps, window_s);
  if (recent) p.tokens_per_s = recent->tokens_per_s;
  else if (!logged_rate.empty() && std::isfinite(logged_rate.back().value) && logged_rate.back().value > 0)
    p.tokens_per_s = logged_rate.back().value;
  if (running && p.total_steps > 0) {
    const std::int64_t left = std::max<std::int64_t>(0, p.total_steps - p.step);
    if (left == 0) p.eta_s = 0.0;
    else if (recent && recent->steps_per_s > 0) p.eta_s = static_cast<double>(left) / recent->steps_per_s;
    else if (p.tokens_per_s && start->tokens_per_step > 0)
      p.eta_s = static_cast<double>(left * start->tokens_per_step) / *p.tokens_per_s;
  }
  for (const auto& row : val_loss) {
    if (!std::isfinite(row.value)) continue;
    ++p.evaluations;
    if (!p.best_val_loss || row.value < *p.best_val_loss) {
      p.best_val_loss = row.value;
      p.best_step = row.step;
    }
  }
  p.onset = overfitting_onset(events);
  return p;
}

}  // namespace wb::series
