// Where one run stands, for the desktop app's live monitor: its plan (from the trainer's "started"
// event), how far it got, its recent throughput and the time left, the best validation loss so far
// and the overfitting onset (from the "overfitting_onset" event). Pure functions over rows already
// read (RunStore::events, MetricCache points): no Qt, no Torch, no store access, so they are
// table-tested without a database and the view only formats what they return.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/run_store.hpp"

namespace wb::series {

// The "started" event's data: what the trainer planned and measured before its first step.
struct RunStart {
  std::int64_t total_steps = 0;
  std::int64_t tokens_per_step = 0;
  std::int64_t train_tokens = 0;
  std::int64_t unique_tokens = 0;
  double epochs = 0.0;
  double parameters = 0.0;
  std::string device;
  bool operator==(const RunStart&) const = default;
};

// The first "started" event (a resume keeps the first record, store_sink.cpp); nullopt when there
// is none or its data is not the expected JSON object. Missing fields stay 0.
std::optional<RunStart> run_start(const std::vector<EventRow>& events);

// The "overfitting_onset" event's data (trainer.cpp report_onset): where the validation loss
// turned up for good, and the best point before it.
struct Onset {
  std::int64_t onset_step = 0;
  std::int64_t onset_tokens = 0;
  double onset_epoch = 0.0;
  std::int64_t best_step = 0;
  double best_val_loss = 0.0;
  double epoch_at_best = 0.0;
  bool operator==(const Onset&) const = default;
};

// The last such event with an onset_step (a run cut back and retrained may report it again).
std::optional<Onset> overfitting_onset(const std::vector<EventRow>& events);

// Throughput over the last `window_s` seconds of wall time of per-step rows (train/loss): the
// tokens and steps between the window's first and last row over the wall time between them.
// Recent rather than since the start: the first steps include compilation and warm-up, and a
// resumed run's wall time jumps. nullopt with fewer than two rows or no wall time between them.
struct Throughput {
  double tokens_per_s = 0.0;
  double steps_per_s = 0.0;
  bool operator==(const Throughput&) const = default;
};
std::optional<Throughput> recent_throughput(const std::vector<MetricPoint>& steps, double window_s = 60.0);

struct RunProgress {
  std::int64_t step = 0;
  std::int64_t tokens = 0;
  double epoch = 0.0;
  double wall_s = 0.0;
  std::int64_t total_steps = 0;           // 0: no plan recorded
  std::optional<double> fraction;         // step / total_steps, in [0, 1]
  std::optional<double> tokens_per_s;     // recent throughput, else the last logged tokens_per_s
  std::optional<double> eta_s;            // only while running, with a plan and a throughput
  std::optional<std::int64_t> best_step;  // lowest finite validation loss so far (first of equals)
  std::optional<double> best_val_loss;
  std::size_t evaluations = 0;            // finite validation losses so far
  std::optional<Onset> onset;
};

// Everything the monitor's header says. `steps` are the per-step rows (train/loss), `logged_rate`
// the trainer's own tokens_per_s rows, `val_loss` the eval/val_loss rows, all in step order; the
// ETA is only given while `running`.
RunProgress run_progress(const std::vector<EventRow>& events, const std::vector<MetricPoint>& steps,
                         const std::vector<MetricPoint>& logged_rate, const std::vector<MetricPoint>& val_loss,
                         bool running, double window_s = 60.0);

}  // namespace wb::series
