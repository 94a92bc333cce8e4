// The comparison under the run list: selecting runs draws their validation curves coloured by
// epochs; the figure follows the controls and the runs' new evaluations; it exports to every
// format a paper needs.
#include "views/compare/compare_widget.hpp"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QSlider>
#include <QTableView>
#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "spec/run_spec.hpp"
#include "views/chart/figure_view.hpp"
#include "views/compare/compare_controls.hpp"
#include "views/qt_paths.hpp"
#include "views/main_window.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

// token-crisis-like runs: 1, 4 and 16 epochs of one budget, each with 8 evaluations.
struct CurveDatabase {
  explicit CurveDatabase(const std::filesystem::path& db)
      : store(RunStore::open(db)), experiment(store.create_experiment("token-crisis-mini", "{}")) {
    for (double epochs : {1.0, 4.0, 16.0}) ids.push_back(add_run(epochs, 8));
  }

  std::int64_t add_run(double epochs, int evaluations) {
    RunSpec spec;
    spec.name = "token-crisis-mini/epochs=" + std::to_string(static_cast<int>(epochs));
    spec.training.token_budget = 1048576;
    spec.data.epochs = epochs;
    spec.data.unique_tokens.reset();
    const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
    store.set_run_status(id, "running");
    append(id, epochs, 1, evaluations);
    return id;
  }

  void append(std::int64_t id, double epochs, int from, int to) {
    std::vector<MetricRow> rows;
    for (int i = from; i <= to; ++i) {
      const std::int64_t step = i * 128;
      const double loss = 2.0 + 1.5 / i + 0.002 * epochs * i;  // more epochs: the curve turns up
      rows.push_back({step, step * 1024, step * 1024 / (1048576.0 / epochs), "eval/val_loss", loss, i * 10.0});
    }
    store.append_metrics(id, rows);
  }

  RunStore store;
  std::int64_t experiment;
  std::vector<std::int64_t> ids;
};

TEST(ViewsCompare, SelectedRunsAreDrawnColouredByEpochs) {
  test::TempDir dir;
  CurveDatabase db(dir / "runs.db");
  MainWindow window(dir / "runs.db");
  window.show();
  EXPECT_TRUE(window.compare()->runs().empty());

  window.table()->selectAll();
  ASSERT_EQ(window.compare()->runs().size(), 3u);
  const series::Figure figure = window.compare()->figure();
  ASSERT_EQ(figure.curves.size(), 3u);
  EXPECT_EQ(figure.title, "token-crisis-mini");
  EXPECT_EQ(figure.curves[0].group, "epochs=1");
  EXPECT_EQ(figure.curves[2].group, "epochs=16");
  EXPECT_EQ(figure.curves[0].points.size(), 8u);
  window.compare()->view()->flush();
  test::save_screenshot(window, "compare_token_crisis");

  // The controls change the figure: smoothing keeps the raw curve as a shadow.
  window.compare()->controls()->smoothingSlider()->setValue(60);
  EXPECT_FALSE(window.compare()->figure().curves[0].raw.empty());
  window.compare()->controls()->xAxisBox()->setCurrentIndex(1);  // epochs
  EXPECT_NEAR(window.compare()->figure().curves[2].points.back().x, 16.0, 1e-9);

  // A run that keeps training: the next refresh shows its new evaluations.
  db.append(db.ids[0], 1.0, 9, 12);
  window.refresh();
  EXPECT_EQ(window.compare()->figure().curves[0].points.size(), 12u);
}

TEST(ViewsCompare, RefreshesReadOnlyNewRowsAndControlsDoNotReadTheStore) {
  test::TempDir dir;
  CurveDatabase db(dir / "runs.db");
  db.store.append_metrics(db.ids[1], std::vector<MetricRow>{{128, 131072, 0.5, "train/loss", 3.0, 1.0}});
  MainWindow window(dir / "runs.db");
  window.table()->selectAll();
  const series::MetricCache& cache = window.compare()->cache();
  EXPECT_EQ(cache.stats().full_reads, 3u);
  EXPECT_EQ(window.compare()->controls()->metricBox()->count(), 2) << "eval/val_loss and train/loss";

  // Smoothing, x axis, colours, log axes: drawn again from the cached points.
  const auto rows_read = cache.stats().rows_read;
  window.compare()->controls()->smoothingSlider()->setValue(50);
  window.compare()->controls()->xAxisBox()->setCurrentIndex(2);  // steps
  window.compare()->controls()->logYBox()->setChecked(true);
  window.compare()->view()->flush();
  EXPECT_EQ(cache.stats().rows_read, rows_read);
  EXPECT_FALSE(window.compare()->view()->figure().curves[0].raw.empty());
  EXPECT_EQ(window.compare()->view()->figure().curves[0].points.back().x, 8 * 128.0);

  // Live: two new evaluations of one run are read, nothing else again.
  db.append(db.ids[2], 16.0, 9, 10);
  window.refresh();
  EXPECT_EQ(cache.stats().full_reads, 3u);
  EXPECT_EQ(cache.find(db.ids[2])->points.size(), 10u);
  EXPECT_EQ(window.compare()->view()->figure().curves[2].points.size(), 10u);

  // Another metric is read from the store.
  window.compare()->controls()->metricBox()->setCurrentText("train/loss");
  EXPECT_EQ(cache.metric(), "train/loss");
  EXPECT_EQ(window.compare()->view()->figure().curves.size(), 1u);
}

TEST(ViewsCompare, ExportsEveryPaperFormat) {
  test::TempDir dir;
  CurveDatabase db(dir / "runs.db");
  MainWindow window(dir / "runs.db");
  window.table()->selectAll();
  for (const char* name : {"f.pdf", "f.svg", "f.png", "f.csv", "f.tex"}) {
    const QString path = toQString(dir / name);
    EXPECT_EQ(window.compare()->exportTo(path, FigureExportOptions{}), QString()) << name;
    EXPECT_GT(QFile(path).size(), 100) << name;
  }
  QFile csv(toQString(dir / "f.csv"));
  ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
  EXPECT_TRUE(csv.readAll().contains("epochs=16"));
  EXPECT_FALSE(window.compare()->exportTo(toQString(dir / "f.jpg"), {}).isEmpty());
}

}  // namespace
}  // namespace wb
