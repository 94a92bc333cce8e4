// Runs of the store as a comparison figure: one curve per run of one metric against steps, tokens,
// epochs or wall time, coloured by a spec field (e.g. data.epochs), optionally smoothed and
// downsampled, with the overfitting onset and the best validation point marked. Reads the store
// and specs, no Torch and no Qt: `workbench-cli export` and the desktop app share it. The app
// draws from a MetricCache with a FigureMemo, so that a live frame reads and recomputes only
// what changed; export reads once. Both go through the same code and give the same figure.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "series/figure.hpp"
#include "series/metric_cache.hpp"
#include "store/run_store.hpp"

namespace wb::series {

inline constexpr const char* kValidationLoss = "eval/val_loss";

struct FigureRequest {
  std::string metric = kValidationLoss;
  XAxis x_axis = XAxis::kTokens;
  // A field path of the resolved run spec, e.g. "data.epochs", "objective.kind", "model.dropout":
  // runs with the same value share a colour. Empty: every run its own colour.
  std::string group_by;
  double smoothing = 0.0;   // debiased EMA weight in [0, 1); 0: raw (Curve::raw stays empty)
  std::size_t points = 0;   // at most this many points per curve (LTTB); 0 or < 3: all
  bool markers = true;      // onset and best point, for eval/val_loss only
  // For screens of live runs: each curve is first kept as min/max per bucket of consecutive points
  // (`points` / 2 to `points` buckets, updated per new point; LiveCurve), and LTTB picks from
  // those extremes rather than from every point. A frame then costs O(points) per changed run
  // instead of O(its length); spikes survive. Off (exports): LTTB sees every point.
  bool bucket_before_lttb = false;
  // Runs whose specs differ only in training.seed become one curve: their mean with a min/max
  // band (pool_seeds), so a finding is read against the seed-to-seed spread.
  bool mean_of_seeds = false;
};

// Runs without a row of the metric get no curve (compare the curves' run_id with `runs` to say
// which). x_label and y_label are set; title and log axes are the caller's.
Figure figure_from_runs(const RunStore& store, const std::vector<RunRow>& runs, const FigureRequest& request);

// What figure_from_cache derived per run last time (smoothed and bucketed curves, downsampled
// points, group labels), so that the next call extends it: a run whose points did not change
// costs a copy, one with a few new points O(request.points). One per view; it never reads the
// store and follows any change of the request or the cache by itself.
class FigureMemo {
 public:
  FigureMemo();
  ~FigureMemo();
  FigureMemo(FigureMemo&&) noexcept;
  FigureMemo& operator=(FigureMemo&&) noexcept;
  // Curves brought up to date (new points, or a new request), since construction: tests, benchmark.
  std::size_t recomputed() const;

 private:
  struct Impl;
  friend Figure figure_from_cache(const MetricCache&, const std::vector<RunRow>&, const FigureRequest&, FigureMemo*);
  std::unique_ptr<Impl> impl_;
};

// figure_from_runs over the cached points of request.metric (`cache` must have been updated with
// that metric and these runs). With a memo, only runs that changed since its last call are
// recomputed; without, everything is, and the figure is the same.
Figure figure_from_cache(const MetricCache& cache, const std::vector<RunRow>& runs, const FigureRequest& request,
                         FigureMemo* memo = nullptr);

// "epochs=16", "objective=prefix_lm" (for a path ending in "kind"), "dropout=0.1" for the value at
// `path` of a resolved run spec; "" when the spec has no such field. data.epochs and
// data.unique_tokens, of which a spec sets only one, are worked out from the run's plan.
std::string group_label(const std::string& spec_json, const std::string& path);

// What runs that differ only in their seed share: the resolved spec without name and
// training.seed; "" for a spec that is not JSON (such a run is never pooled).
std::string seed_group(const std::string& spec_json);

// The run's name without its "experiment/" prefix.
std::string short_run_name(const RunRow& run);

// An axis label for a metric: "validation loss" for eval/val_loss, "validation loss, german" for
// eval/val_loss/german, "learning rate" for lr; other names as they are.
std::string metric_label(const std::string& metric);

// The metric names the runs have, sorted (for "unknown metric" errors).
std::vector<std::string> metric_names(const RunStore& store, const std::vector<RunRow>& runs);

}  // namespace wb::series
