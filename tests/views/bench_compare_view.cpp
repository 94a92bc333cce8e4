// Benchmark of the desktop app's comparison view (not a test: ctest does not run it; see
// scripts/bench/compare_view.sh). Builds a run database of 50 runs x 100,000 validation-loss
// points, then measures what a user waits for: opening it (window, select all runs, chart drawn)
// and each live frame (every run logs one more evaluation; the window's refresh, chart updated).
// Prints a table with PASS / MISS against the targets (1 s, 16 ms) and always exits 0: a slow
// machine is not a failure.
#include <QApplication>
#include <QTableView>
#include <QtCharts/QChartView>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "series/metric_cache.hpp"
#include "series/run_figure.hpp"
#include "spec/run_spec.hpp"
#include "views/chart/figure_chart.hpp"
#include "views/chart/figure_view.hpp"
#include "views/compare/compare_widget.hpp"
#include "views/main_window.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace wb;

constexpr double kOpenTargetMs = 1000.0;
constexpr double kFrameTargetMs = 16.0;
constexpr std::int64_t kStepsPerEvaluation = 10;
constexpr std::int64_t kTokensPerStep = 12 * 64;  // the baby config: batch 12 x block 64
constexpr double kEpochLevels[] = {1, 2, 4, 8, 16};

struct Options {
  int runs = 50;
  int points = 100000;
  int frames = 50;
  std::filesystem::path db;  // empty: a temporary database, removed at the end
};

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double epochs_of(int run) { return kEpochLevels[run % std::size(kEpochLevels)]; }

// A validation loss that falls like a power law and, with many epochs, turns up again (the
// overfitting the workbench is about), plus evaluation noise; deterministic per run and point.
MetricRow evaluation(int run, std::int64_t index, std::int64_t unique_tokens) {
  const std::int64_t step = (index + 1) * kStepsPerEvaluation;
  const std::int64_t tokens = step * kTokensPerStep;
  const double epoch = static_cast<double>(tokens) / static_cast<double>(unique_tokens);
  const double progress = static_cast<double>(index + 1) / 1000.0;
  const double noise = 0.01 * std::sin(static_cast<double>(index) * 12.9898 + run * 78.233);
  const double loss = 1.9 + 2.5 / std::sqrt(1.0 + progress) + 0.004 * epoch * epochs_of(run) / 16.0 + noise;
  return {step, tokens, epoch, series::kValidationLoss, loss, static_cast<double>(step) * 0.05};
}

std::int64_t unique_tokens_of(int run, int points) {
  const double budget = static_cast<double>(points) * kStepsPerEvaluation * kTokensPerStep;
  return static_cast<std::int64_t>(budget / epochs_of(run));
}

// One experiment, `runs` running runs with data.epochs cycling through 1..16 (so colour-by-epochs
// groups them), `points` evaluations each, one transaction per run; an overfitting onset event
// for the runs of 8 and 16 epochs, so the markers are drawn too.
std::vector<std::int64_t> create_database(RunStore& store, const Options& options) {
  const auto experiment = store.create_experiment("token-crisis-bench", "{}");
  std::vector<std::int64_t> ids;
  for (int run = 0; run < options.runs; ++run) {
    RunSpec spec;
    spec.name = "token-crisis-bench/epochs=" + std::to_string(static_cast<int>(epochs_of(run))) +
                ",seed=" + std::to_string(run / static_cast<int>(std::size(kEpochLevels)));
    spec.training.token_budget = static_cast<std::int64_t>(options.points) * kStepsPerEvaluation * kTokensPerStep;
    spec.data.epochs = epochs_of(run);
    spec.data.unique_tokens.reset();
    const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
    store.set_run_status(id, "running");
    std::vector<MetricRow> rows;
    rows.reserve(static_cast<std::size_t>(options.points));
    const auto unique = unique_tokens_of(run, options.points);
    for (std::int64_t i = 0; i < options.points; ++i) rows.push_back(evaluation(run, i, unique));
    store.append_metrics(id, rows);
    if (epochs_of(run) >= 8) {
      const std::int64_t onset = options.points / 2 * kStepsPerEvaluation;
      store.append_event(id, {onset, onset * kTokensPerStep, "overfitting_onset",
                              "{\"onset_step\": " + std::to_string(onset) + "}", 0.0});
    }
    ids.push_back(id);
  }
  return ids;
}

struct Summary {
  double median = 0.0, max = 0.0;
};

Summary summarize(std::vector<double> values) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  return {values[values.size() / 2], values.back()};
}

const char* verdict(double ms, double target) { return ms < target ? "PASS" : "MISS"; }

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--runs") options.runs = std::atoi(argv[i + 1]);
    else if (flag == "--points") options.points = std::atoi(argv[i + 1]);
    else if (flag == "--frames") options.frames = std::atoi(argv[i + 1]);
    else if (flag == "--db") options.db = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: bench_compare_view [--runs 50] [--points 100000] [--frames 50] [--db PATH]\n");
      std::exit(2);
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const Options options = parse(argc, argv);
  test::TempDir scratch;
  const std::filesystem::path db = options.db.empty() ? scratch / "bench.db" : options.db;
  if (std::filesystem::exists(db)) {
    std::fprintf(stderr, "%s exists; --db must name a new file (the benchmark writes a fresh database)\n",
                 db.string().c_str());
    return 2;
  }

  RunStore writer = RunStore::open(db);
  auto start = Clock::now();
  const auto ids = create_database(writer, options);
  const double create_ms = ms_since(start);
  const auto rows = static_cast<long long>(options.runs) * options.points;
  std::printf("database   %d runs x %d points of %s (%lld rows, %.0f MB), written in %.1f s\n", options.runs,
              options.points, series::kValidationLoss, rows,
              static_cast<double>(std::filesystem::file_size(db)) / 1e6, create_ms / 1000.0);
  std::printf("machine    %u cores; timings are wall-clock, page cache warm (just written)\n",
              std::thread::hardware_concurrency());

  // Open: what a user waits for between starting the app and seeing all curves.
  start = Clock::now();
  MainWindow window(db);
  window.show();
  window.table()->selectAll();
  window.compare()->view()->flush();
  const double open_ms = ms_since(start);
  start = Clock::now();
  (void)window.compare()->view()->chartView()->grab();
  const double open_paint_ms = ms_since(start);
  const series::Figure& shown = window.compare()->view()->figure();
  std::size_t shown_points = 0;
  for (const auto& curve : shown.curves) shown_points += curve.points.size();

  // Live frames: every run logs one more evaluation (the writer, not timed), then the window's
  // refresh (run list, new rows, curves) and the chart update; painting is timed on its own.
  std::vector<double> frame_ms, paint_ms, total_ms;
  for (int frame = 0; frame < options.frames; ++frame) {
    for (int run = 0; run < options.runs; ++run) {
      const MetricRow row = evaluation(run, options.points + frame, unique_tokens_of(run, options.points));
      writer.append_metrics(ids[static_cast<std::size_t>(run)], std::vector<MetricRow>{row});
    }
    start = Clock::now();
    window.refresh();
    window.compare()->view()->flush();
    frame_ms.push_back(ms_since(start));
    start = Clock::now();
    (void)window.compare()->view()->chartView()->grab();
    paint_ms.push_back(ms_since(start));
    total_ms.push_back(frame_ms.back() + paint_ms.back());
  }
  const std::size_t curves_now = window.compare()->view()->figure().curves.size();
  const std::size_t last_curve_points = window.compare()->figure().curves.front().points.size();

  // Where an open's time goes: the same steps outside the window, on a new connection.
  RunStore reader = RunStore::open(db, RunStore::Mode::kReadOnly);
  const auto runs = reader.runs();
  start = Clock::now();
  series::MetricCache cache;
  cache.update(reader, runs, series::kValidationLoss);
  const double read_ms = ms_since(start);
  series::FigureRequest request;
  request.group_by = "data.epochs";
  request.points = 2200;
  request.bucket_before_lttb = true;
  start = Clock::now();
  const series::Figure figure = series::figure_from_cache(cache, runs, request);
  const double curves_ms = ms_since(start);
  start = Clock::now();
  delete buildChart(figure, ChartStyle::screen());
  const double chart_ms = ms_since(start);

  // Where a live frame's time goes, the same way: one more evaluation per run, then each step.
  series::FigureMemo memo;
  (void)series::figure_from_cache(cache, runs, request, &memo);
  QChart* chart = buildChart(figure, ChartStyle::screen());
  std::vector<double> frame_read_ms, frame_curves_ms, frame_chart_ms;
  for (int frame = 0; frame < 10; ++frame) {
    for (int run = 0; run < options.runs; ++run) {
      const MetricRow row =
          evaluation(run, options.points + options.frames + frame, unique_tokens_of(run, options.points));
      writer.append_metrics(ids[static_cast<std::size_t>(run)], std::vector<MetricRow>{row});
    }
    start = Clock::now();
    cache.update(reader, reader.runs(), series::kValidationLoss);
    frame_read_ms.push_back(ms_since(start));
    start = Clock::now();
    const series::Figure next = series::figure_from_cache(cache, runs, request, &memo);
    frame_curves_ms.push_back(ms_since(start));
    start = Clock::now();
    updateChart(chart, next);
    frame_chart_ms.push_back(ms_since(start));
  }
  delete chart;

  const Summary frames = summarize(frame_ms), paints = summarize(paint_ms);
  std::printf("\n%-46s %10s %8s %s\n", "measure", "ms", "target", "");
  std::printf("%-46s %10.1f %8.0f %s\n", "open: window, select all, chart drawn", open_ms, kOpenTargetMs,
              verdict(open_ms, kOpenTargetMs));
  std::printf("%-46s %10.1f\n", "  then its first paint (grab of the chart view)", open_paint_ms);
  std::printf("%-46s %10.1f\n", "  parts: read all points (MetricCache)", read_ms);
  std::printf("%-46s %10.1f\n", "         curves (smoothing off, LTTB)", curves_ms);
  std::printf("%-46s %10.1f\n", "         chart built (Qt Charts)", chart_ms);
  std::printf("%-46s %10.1f %8.0f %s\n", "live frame: refresh + chart update, median", frames.median, kFrameTargetMs,
              verdict(frames.median, kFrameTargetMs));
  std::printf("%-46s %10.1f %8.0f %s\n", "live frame: refresh + chart update, max", frames.max, kFrameTargetMs,
              verdict(frames.max, kFrameTargetMs));
  std::printf("%-46s %10.1f\n", "  parts: new rows (run list + MetricCache)", summarize(frame_read_ms).median);
  std::printf("%-46s %10.1f\n", "         curves of the changed runs", summarize(frame_curves_ms).median);
  std::printf("%-46s %10.1f\n", "         chart update (one call)", summarize(frame_chart_ms).median);
  std::printf("%-46s %10.1f\n", "  paint after a frame, median", paints.median);
  std::printf("%-46s %10.1f\n", "  paint after a frame, max", paints.max);
  const Summary totals = summarize(total_ms);
  std::printf("%-46s %10.1f %8.0f %s\n", "live frame with its paint, median", totals.median, kFrameTargetMs,
              verdict(totals.median, kFrameTargetMs));
  std::printf("%-46s %10.1f %8.0f %s\n", "live frame with its paint, max", totals.max, kFrameTargetMs,
              verdict(totals.max, kFrameTargetMs));
  std::printf("\n%zu curves, %zu points on screen after opening; after %d frames %zu curves, %zu points in the "
              "first curve's export\n",
              shown.curves.size(), shown_points, options.frames, curves_now, last_curve_points);
  return 0;
}
