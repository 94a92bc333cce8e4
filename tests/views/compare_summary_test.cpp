// The comparison's summary table, downstream bars and small multiples over a real store: the
// table has one row per run with its degradation against the 1-epoch run, sorts numerically and
// filters; downstream scores become bars in the curves' colours; small multiples give one panel
// per factor level, on shared axes when asked.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "spec/run_spec.hpp"
#include <QtCharts/QChartView>
#include <algorithm>

#include "views/chart/bar_view.hpp"
#include "views/chart/curve_layer.hpp"
#include "views/chart/figure_view.hpp"
#include "views/compare/compare_controls.hpp"
#include "views/compare/compare_widget.hpp"
#include "views/compare/downstream_panel.hpp"
#include "views/compare/summary_table_model.hpp"
#include "views/compare/summary_table_widget.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

// 1, 4 and 16 epochs of one budget; the 16-epoch run overfits (onset event) and every run has a
// downstream score that falls with repetition.
struct OutcomeDatabase {
  explicit OutcomeDatabase(const std::filesystem::path& db)
      : store(RunStore::open(db)), experiment(store.create_experiment("token-crisis-mini", "{}")) {
    for (double epochs : {1.0, 4.0, 16.0}) {
      RunSpec spec;
      spec.name = "token-crisis-mini/epochs=" + std::to_string(static_cast<int>(epochs));
      spec.training.token_budget = 1048576;
      spec.data.epochs = epochs;
      spec.data.unique_tokens.reset();
      const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
      store.set_run_status(id, "running");
      std::vector<MetricRow> rows;
      for (int i = 1; i <= 8; ++i) {
        const std::int64_t step = i * 128;
        rows.push_back({step, step * 1024, step * 1024 / (1048576.0 / epochs), "eval/val_loss",
                        2.0 + 1.5 / i + 0.01 * epochs * i, i * 10.0});
      }
      rows.push_back({1024, 1048576, epochs, "downstream/cloze/acc", 0.4 - 0.01 * epochs, 80.0});
      store.append_metrics(id, rows);
      if (epochs == 16)
        store.append_event(id, {640, 655360, "overfitting_onset", R"({"onset_step": 384, "onset_epoch": 6.0})", 50});
      store.set_run_status(id, "finished");
      ids.push_back(id);
    }
  }
  std::vector<RunRow> runs() const { return store.runs(experiment); }

  RunStore store;
  std::int64_t experiment;
  std::vector<std::int64_t> ids;
};

TEST(ViewsCompareSummary, OneRowPerRunWithDegradationOnsetAndDownstream) {
  test::TempDir dir;
  OutcomeDatabase db(dir / "runs.db");
  CompareWidget compare;
  compare.resize(1200, 800);
  compare.setRuns(&db.store, db.runs());

  SummaryTableModel* model = compare.summary()->model();
  ASSERT_EQ(model->rowCount(), 3);
  ASSERT_EQ(model->columnCount(), SummaryTableModel::kFirstDownstream + 1);  // one downstream metric
  EXPECT_EQ(model->headerData(SummaryTableModel::kFirstDownstream, Qt::Horizontal).toString(), "cloze acc");
  EXPECT_EQ(model->headerData(SummaryTableModel::kFactor, Qt::Horizontal).toString(), "epochs");
  const auto cell = [&](int row, int column) { return model->index(row, column).data().toString(); };
  EXPECT_EQ(cell(0, SummaryTableModel::kFactor), "epochs=1");
  EXPECT_EQ(cell(0, SummaryTableModel::kDegradation), "+0.00%");
  // Final losses 2.1875 + 0.08 * epochs: 16 epochs vs 1 epoch = (3.4675 - 2.2675) / 2.2675.
  EXPECT_NEAR(model->degradation(2), 100.0 * 1.2 / 2.2675, 1e-9);
  // The onset in steps, as "Best at step" and the CLI's table; its epoch in the tooltip.
  EXPECT_EQ(cell(2, SummaryTableModel::kOnsetStep), "384");
  EXPECT_EQ(cell(1, SummaryTableModel::kOnsetStep), QStringLiteral("–"));
  EXPECT_TRUE(model->index(2, SummaryTableModel::kOnsetStep).data(Qt::ToolTipRole).toString().contains("epoch 6.00"));
  EXPECT_EQ(cell(2, SummaryTableModel::kFirstDownstream), "0.240");

  // Runs in the sweep's order by default; factor levels by value, not "16" before "4".
  QSortFilterProxyModel* sorted = compare.summary()->sorted();
  EXPECT_EQ(sorted->index(2, SummaryTableModel::kRun).data().toString(), "epochs=16");
  sorted->sort(SummaryTableModel::kFactor, Qt::DescendingOrder);
  EXPECT_EQ(sorted->index(0, SummaryTableModel::kRun).data().toString(), "epochs=16");
  // Sorting by degradation is numeric: 16 epochs (largest) first when descending.
  sorted->sort(SummaryTableModel::kDegradation, Qt::DescendingOrder);
  EXPECT_EQ(sorted->index(0, SummaryTableModel::kRun).data().toString(), "epochs=16");
  sorted->sort(SummaryTableModel::kFinalLoss, Qt::AscendingOrder);
  EXPECT_EQ(sorted->index(0, SummaryTableModel::kRun).data().toString(), "epochs=1");
  // The filter matches any cell.
  compare.summary()->filter()->setText("epochs=4");
  ASSERT_EQ(sorted->rowCount(), 1);
  EXPECT_EQ(sorted->index(0, SummaryTableModel::kRun).data().toString(), "epochs=4");
  compare.summary()->filter()->clear();
  EXPECT_EQ(sorted->rowCount(), 3);
}

TEST(ViewsCompareSummary, DownstreamScoresAreBarsPerFactorLevel) {
  test::TempDir dir;
  OutcomeDatabase db(dir / "runs.db");
  CompareWidget compare;
  compare.setRuns(&db.store, db.runs());
  ASSERT_TRUE(compare.downstream()->showsBars());
  const BarFigure& bars = compare.downstream()->view()->bars();
  ASSERT_EQ(bars.categories, QStringList{"cloze acc"});
  ASSERT_EQ(bars.sets.size(), 3u);
  EXPECT_EQ(bars.sets[2].label, "epochs=16");
  EXPECT_EQ(bars.sets[2].colour, 2u);  // the 16-epoch curve's colour
  EXPECT_NEAR(bars.sets[2].values[0], 0.24, 1e-12);

  // Colour by "each run" (no factor): still one set per run, named by the run.
  const std::vector<RunOutcome> outcomes = {compare.summary()->model()->outcomes()};
  const BarFigure perRun = downstreamBars(outcomes, {"", "", ""}, {"a", "b", "c"});
  ASSERT_EQ(perRun.sets.size(), 3u);
  EXPECT_EQ(perRun.sets[1].label, "b");
  // Runs of one level are averaged.
  const BarFigure pooled = downstreamBars(outcomes, {"x", "x", "y"}, {"a", "b", "c"});
  ASSERT_EQ(pooled.sets.size(), 2u);
  EXPECT_NEAR(pooled.sets[0].values[0], (0.39 + 0.36) / 2, 1e-12);
}

TEST(ViewsCompareSummary, RunsWithoutDownstreamSayHowToGetIt) {
  test::TempDir dir;
  test::RunDatabaseWriter db(dir / "runs.db");  // runs without metrics
  CompareWidget compare;
  compare.setRuns(&db.store, db.store.runs());
  EXPECT_FALSE(compare.downstream()->showsBars());
  EXPECT_EQ(compare.summary()->model()->rowCount(), 2);
}

TEST(ViewsCompareSummary, SmallMultiplesShowOnePanelPerLevelOnSharedAxes) {
  test::TempDir dir;
  OutcomeDatabase db(dir / "runs.db");
  CompareWidget compare;
  compare.resize(1200, 800);
  compare.show();
  compare.setRuns(&db.store, db.runs());
  EXPECT_FALSE(compare.showsPanels());
  compare.controls()->layoutBox()->setCurrentIndex(1);  // small multiples
  ASSERT_TRUE(compare.showsPanels());
  ASSERT_EQ(compare.panelCount(), 3);
  for (int i = 0; i < 3; ++i) compare.panel(i)->flush();
  const series::Figure& first = compare.panel(0)->figure();
  const series::Figure& last = compare.panel(2)->figure();
  EXPECT_EQ(first.title, "epochs=1");
  EXPECT_EQ(last.first_colour, 2u);  // each panel keeps its curves' colour
  ASSERT_TRUE(first.y_range.set());
  EXPECT_EQ(first.y_range, last.y_range);  // shared: the 1-epoch panel spans the 16-epoch losses too
  EXPECT_NEAR(first.y_range.hi, 2.0 + 1.5 + 0.01 * 16, 1e-12);  // the 16-epoch run's first evaluation
  test::save_screenshot(compare, "compare_small_multiples");

  compare.controls()->sharedAxesBox()->setChecked(false);
  compare.panel(0)->flush();
  EXPECT_FALSE(compare.panel(0)->figure().y_range.set());
  compare.controls()->layoutBox()->setCurrentIndex(0);
  EXPECT_FALSE(compare.showsPanels());
}

TEST(ViewsCompareSummary, SeedsPooledIntoAMeanWithABand) {
  test::TempDir dir;
  auto store = RunStore::open(dir / "runs.db");
  const auto experiment = store.create_experiment("seeds", "{}");
  std::vector<RunRow> runs;
  for (std::uint64_t seed : {1, 2, 3}) {
    RunSpec spec;
    spec.name = "seeds/seed=" + std::to_string(seed);
    spec.training.seed = seed;
    const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
    std::vector<MetricRow> rows;
    for (int i = 1; i <= 5; ++i)
      rows.push_back({i * 100, i * 1000, 0.1 * i, "eval/val_loss", 3.0 - 0.1 * i + 0.05 * static_cast<double>(seed), static_cast<double>(i)});
    store.append_metrics(id, rows);
  }
  CompareWidget compare;
  compare.show();
  compare.setRuns(&store, store.runs(experiment));
  compare.controls()->groupBox()->setCurrentIndex(0);  // each run
  EXPECT_EQ(compare.figure().curves.size(), 3u);
  compare.controls()->seedsBox()->setChecked(true);
  const series::Figure pooled = compare.figure();
  ASSERT_EQ(pooled.curves.size(), 1u);
  ASSERT_EQ(pooled.curves[0].band_low.size(), 5u);
  EXPECT_NEAR(pooled.curves[0].band_high[0].y - pooled.curves[0].band_low[0].y, 0.1, 1e-12);
  compare.view()->flush();
  const CurveLayer* layer = CurveLayer::of(compare.view()->chartView()->chart());
  ASSERT_NE(layer, nullptr);
  EXPECT_TRUE(std::any_of(layer->lines().begin(), layer->lines().end(), [](const auto& l) { return l.band; }));
  test::save_screenshot(compare, "compare_seed_band");
}

}  // namespace
}  // namespace wb
