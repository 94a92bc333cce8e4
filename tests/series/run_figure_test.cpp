// Store runs as a figure, over a store built here: x from each metric row's own fields, groups
// and labels from the resolved specs, smoothing and downsampling, onset and best markers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "series/run_figure.hpp"
#include "spec/run_spec.hpp"

namespace wb::series {
namespace {

struct RunSetup {
  std::string name;  // after "sweep/"
  double epochs = 1.0;
  double dropout = 0.0;
  std::vector<double> val_losses;  // at steps 10, 20, ...
};

class RunFigure : public ::testing::Test {
 protected:
  std::int64_t add(const RunSetup& setup) {
    RunSpec spec;
    spec.name = "sweep/" + setup.name;
    spec.data.epochs = setup.epochs;
    spec.model.dropout.attn = spec.model.dropout.resid = spec.model.dropout.embd = setup.dropout;
    const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
    std::vector<MetricRow> rows;
    for (std::size_t i = 0; i < setup.val_losses.size(); ++i) {
      const auto step = static_cast<std::int64_t>(i + 1) * 10;
      // tokens = 1000 x step, epoch = step / 20, wall time = step / 4 s: each axis tells itself apart.
      rows.push_back({step, step * 1000, static_cast<double>(step) / 20.0, "eval/val_loss", setup.val_losses[i],
                      static_cast<double>(step) / 4.0});
      rows.push_back({step, step * 1000, static_cast<double>(step) / 20.0, "train/loss", setup.val_losses[i] - 0.5,
                      static_cast<double>(step) / 4.0});
    }
    store.append_metrics(id, rows);
    store.set_run_status(id, "finished");
    return id;
  }
  Figure figure(const FigureRequest& request) { return figure_from_runs(store, store.runs(experiment), request); }

  test::TempDir dir;
  RunStore store = RunStore::open(dir / "runs.db");
  std::int64_t experiment = store.create_experiment("sweep", "{}");
};

TEST_F(RunFigure, OneCurvePerRunNamedByItsGroupWhenAloneInIt) {
  add({"epochs=1", 1, 0, {3, 2, 1}});
  add({"epochs=4,seed=1", 4, 0, {3, 2.5, 2.2}});
  add({"epochs=4,seed=2", 4, 0, {3.1, 2.6, 2.3}});
  FigureRequest request;
  request.group_by = "data.epochs";
  const auto f = figure(request);
  ASSERT_EQ(f.curves.size(), 3u);
  struct Want { std::string label, group; };
  const std::vector<Want> want = {
      {"epochs=1", "epochs=1"}, {"epochs=4,seed=1", "epochs=4"}, {"epochs=4,seed=2", "epochs=4"}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(f.curves[i].label, want[i].label) << i;
    EXPECT_EQ(f.curves[i].group, want[i].group) << i;
    EXPECT_TRUE(f.curves[i].raw.empty()) << "no smoothing, no shadow";
  }
  const std::vector<Point> tokens_curve = {{10000, 3}, {20000, 2}, {30000, 1}};
  EXPECT_EQ(f.curves[0].points, tokens_curve);
  EXPECT_EQ(f.x_label, "training tokens");
  EXPECT_EQ(f.y_label, "validation loss");
}

TEST_F(RunFigure, EachXAxisReadsItsOwnMetricField) {
  add({"a", 1, 0, {3, 2}});
  struct Case { XAxis axis; double first_x; };
  for (const auto c : {Case{XAxis::kSteps, 10}, Case{XAxis::kTokens, 10000}, Case{XAxis::kEpochs, 0.5},
                       Case{XAxis::kWallTime, 2.5}}) {
    FigureRequest request;
    request.x_axis = c.axis;
    const auto f = figure(request);
    ASSERT_EQ(f.curves.size(), 1u);
    EXPECT_EQ(f.curves[0].points[0].x, c.first_x) << x_axis_name(c.axis);
    EXPECT_EQ(f.x_label, x_axis_label(c.axis));
  }
}

TEST_F(RunFigure, OnsetFromTheEventAndBestFromTheMetric) {
  const auto id = add({"a", 8, 0, {3, 2, 1.5, 1.6, 1.9, 2.2}});
  store.append_event(id, {60, 60000, "overfitting_onset", R"({"onset_step": 40, "best_step": 30})", 15.0});
  FigureRequest request;
  request.x_axis = XAxis::kSteps;
  auto f = figure(request);
  ASSERT_EQ(f.markers.size(), 2u);
  EXPECT_EQ(f.markers[0].label, "onset");
  EXPECT_EQ(f.markers[0].run_id, id);
  EXPECT_EQ(f.markers[0].at, (Point{40, 1.6}));
  EXPECT_EQ(f.markers[1].label, "best");
  EXPECT_EQ(f.markers[1].at, (Point{30, 1.5}));

  request.metric = "train/loss";
  EXPECT_TRUE(figure(request).markers.empty()) << "markers belong to the validation loss";
  request.metric = kValidationLoss;
  request.markers = false;
  EXPECT_TRUE(figure(request).markers.empty());
}

TEST_F(RunFigure, SmoothingKeepsTheRawCurveAndDownsamplingCapsBoth) {
  std::vector<double> losses;
  for (int i = 0; i < 200; ++i) losses.push_back(3.0 - i * 0.01 + (i % 2 ? 0.2 : -0.2));
  add({"a", 1, 0, losses});
  FigureRequest request;
  request.smoothing = 0.6;
  auto f = figure(request);
  ASSERT_EQ(f.curves[0].raw.size(), 200u);
  ASSERT_EQ(f.curves[0].points.size(), 200u);
  EXPECT_EQ(f.curves[0].raw[1].y, losses[1]);
  EXPECT_DOUBLE_EQ(f.curves[0].points[0].y, losses[0]) << "debiased: the first point is not pulled toward 0";
  EXPECT_NE(f.curves[0].points[1].y, losses[1]);
  request.points = 50;
  f = figure(request);
  EXPECT_EQ(f.curves[0].points.size(), 50u);
  EXPECT_EQ(f.curves[0].raw.size(), 50u);
  EXPECT_EQ(f.curves[0].raw.back().x, 2000000.0) << "the last point kept";
}

TEST_F(RunFigure, GroupLabelsOfSpecFields) {
  RunSpec spec;
  spec.name = "sweep/u=250k";
  spec.data.epochs.reset();
  spec.data.unique_tokens = 250000;
  spec.training.token_budget = 1000000;
  spec.model.dropout.attn = spec.model.dropout.resid = spec.model.dropout.embd = 0.1;
  const auto json = to_json(spec).dump();
  struct Case { std::string path, label; };
  for (const auto& c : {Case{"data.epochs", "epochs=4"},  // not in the spec: from the plan (U x R = D)
                        Case{"data.unique_tokens", "unique_tokens=250000"}, Case{"objective.kind", "objective=causal"},
                        Case{"model.dropout", "dropout=0.1"}, Case{"model.n_embd", "n_embd=128"},
                        Case{"optimizer.lr", "lr=0.001"}, Case{"model.bias", "bias=true"}, Case{"model.nope", ""},
                        Case{"", ""}})
    EXPECT_EQ(group_label(json, c.path), c.label) << c.path;
  EXPECT_EQ(group_label("not json", "data.epochs"), "");
}

TEST_F(RunFigure, AMissingGroupFieldLeavesRunsUngroupedAndNamedByRun) {
  add({"x", 1, 0, {3}});
  add({"y", 2, 0, {3}});
  FigureRequest request;
  request.group_by = "model.nope";
  const auto f = figure(request);
  ASSERT_EQ(f.curves.size(), 2u);
  EXPECT_EQ(f.curves[0].group, "");
  EXPECT_EQ(f.curves[0].label, "x");
  EXPECT_EQ(f.curves[1].label, "y");
}

// The same spec run twice gives runs of one name: the legend tells them apart by run id.
TEST_F(RunFigure, RunsOfOneNameGetTheirIdsInTheLegend) {
  const auto first = add({"x", 1, 0, {3}});
  const auto second = add({"x", 1, 0, {2.9}});
  add({"y", 2, 0, {3}});
  const auto f = figure(FigureRequest{});
  ASSERT_EQ(f.curves.size(), 3u);
  EXPECT_EQ(f.curves[0].label, "x (run " + std::to_string(first) + ")");
  EXPECT_EQ(f.curves[1].label, "x (run " + std::to_string(second) + ")");
  EXPECT_EQ(f.curves[2].label, "y");
}

TEST_F(RunFigure, RunsWithoutTheMetricGetNoCurveAndTheNamesAreListed) {
  add({"a", 1, 0, {3}});
  store.create_run(experiment, "sweep/queued", "{}", {});
  FigureRequest request;
  request.metric = "eval/val_loss/german";
  EXPECT_TRUE(figure(request).curves.empty());
  request.metric = kValidationLoss;
  EXPECT_EQ(figure(request).curves.size(), 1u);
  const std::vector<std::string> names = {"eval/val_loss", "train/loss"};
  EXPECT_EQ(metric_names(store, store.runs(experiment)), names);
}

// Axis labels say what a metric is, in words a figure's reader knows.
TEST(MetricLabel, NamesEveryKindOfMetric) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"eval/val_loss", "validation loss"},
      {"eval/train_loss", "training loss (interval mean)"},  // the mean of the steps since the last evaluation
      {"train/loss", "training loss (per step)"},
      {"lr", "learning rate"},
      {"tokens_per_s", "tokens/s"},
      {"eval/val_loss/german", "validation loss, german"},
      {"downstream/cloze/acc", "cloze accuracy"},
      {"downstream/hellaswag/acc_norm", "hellaswag accuracy (length-normalized)"},
      {"downstream/next_passage/loglikelihood", "next_passage log-likelihood"},
      {"downstream/next_passage/perplexity", "next_passage perplexity"},
      {"downstream/odd", "downstream/odd"},  // no task/score: as recorded
      {"custom/metric", "custom/metric"},
  };
  for (const auto& [metric, label] : cases) EXPECT_EQ(metric_label(metric), label) << metric;
}

TEST(ShortRunName, DropsTheExperimentPrefixOnly) {
  RunRow run;
  run.experiment = "sweep";
  struct Case { std::string name, short_name; };
  for (const auto& c : {Case{"sweep/epochs=4", "epochs=4"}, Case{"sweep", "sweep"}, Case{"other/x", "other/x"},
                        Case{"sweepy/x", "sweepy/x"}}) {
    run.name = c.name;
    EXPECT_EQ(short_run_name(run), c.short_name);
  }
}

}  // namespace
}  // namespace wb::series
