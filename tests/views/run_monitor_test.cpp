// The live monitor of one run, over a real run database written as the trainer writes it: the
// panels draw the run's metrics against the chosen axis, a refresh reads only the new rows, the
// overfitting onset shows in the loss panel and the header, an absent downstream evaluation is
// said, the widget renders, and it speaks the installed language.
#include "views/monitor/run_monitor_widget.hpp"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLocale>
#include <QSlider>
#include <QThread>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

#include "common/temp_dir.hpp"
#include "views/chart/figure_chart.hpp"
#include "views/chart/figure_view.hpp"
#include "views/monitor/run_monitor_header.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

constexpr std::int64_t kTokensPerStep = 1024;
constexpr std::int64_t kTotalSteps = 512;
constexpr std::int64_t kEvalEvery = 32;

// A running run as the trainer logs it: train/loss and lr every step (0.5 s each), and every 32
// steps an evaluation (training and validation loss, a second corpus, tokens/s).
struct LiveRun {
  explicit LiveRun(const std::filesystem::path& db) : writer(db) {
    id = writer.add_run("token-crisis-mini/epochs=4", "running");
    writer.store.append_event(
        id, {0, 0, "started",
             R"({"parameters": 1000000, "device": "cpu", "plan": {"tokens_per_step": 1024, "total_steps": 512,
                 "train_tokens": 524288, "unique_tokens": 131072, "epochs": 4.0}})",
             0.0});
  }

  static double epoch(std::int64_t step) { return static_cast<double>(step * kTokensPerStep) / 131072.0; }

  void steps(std::int64_t from, std::int64_t to, const std::vector<std::string>& extra = {}) {
    std::vector<MetricRow> rows;
    for (std::int64_t s = from; s <= to; ++s) {
      const std::int64_t tokens = s * kTokensPerStep;
      const double wall = 0.5 * static_cast<double>(s);
      rows.push_back({s, tokens, epoch(s), "train/loss", 2.0 + 3.0 / static_cast<double>(s) + 0.05 * (s % 3), wall});
      rows.push_back({s, tokens, epoch(s), "lr", 3e-4 * std::min(1.0, static_cast<double>(s) / 64.0), wall});
      if (s % kEvalEvery != 0) continue;
      // Validation loss falls to its best at step 96, then rises: the run overfits.
      const double val = 2.2 + 0.00002 * static_cast<double>((s - 96) * (s - 96));
      rows.push_back({s, tokens, epoch(s), "eval/train_loss", 2.0 + 1.0 / static_cast<double>(s), wall});
      rows.push_back({s, tokens, epoch(s), "eval/val_loss", val, wall});
      rows.push_back({s, tokens, epoch(s), "eval/val_loss/german", val + 0.5, wall});
      rows.push_back({s, tokens, epoch(s), "tokens_per_s", 2048.0, wall});
      for (const auto& name : extra) rows.push_back({s, tokens, epoch(s), name, 0.25 + 0.001 * s, wall});
    }
    writer.store.append_metrics(id, rows);
  }

  test::RunDatabaseWriter writer;
  std::int64_t id = 0;
};

const series::Curve* curveNamed(const series::Figure& figure, const std::string& label) {
  for (const auto& c : figure.curves)
    if (c.label == label) return &c;
  return nullptr;
}

TEST(RunMonitor, PanelsShowTheRunsMetricsAgainstTheChosenAxis) {
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 128);
  RunMonitorWidget monitor;
  monitor.resize(1200, 900);
  monitor.setRun(&run.writer.store, run.id);
  EXPECT_EQ(monitor.runId(), run.id);
  EXPECT_TRUE(monitor.message().isEmpty());

  FigureView* loss = monitor.view(RunMonitorWidget::kLoss);
  ASSERT_TRUE(monitor.panelHasData(RunMonitorWidget::kLoss));
  const series::Figure& f = loss->figure();
  const auto* train = curveNamed(f, "training loss (per step)");
  const auto* val = curveNamed(f, "validation loss");
  ASSERT_NE(train, nullptr);
  ASSERT_NE(val, nullptr);
  ASSERT_NE(curveNamed(f, "training loss (mean since the last evaluation)"), nullptr);
  ASSERT_NE(curveNamed(f, "validation loss, german"), nullptr);
  EXPECT_EQ(train->points.size(), 128u);
  EXPECT_EQ(train->raw.size(), 128u) << "smoothed by default, the raw loss as a shadow";
  EXPECT_EQ(val->points.size(), 4u);
  EXPECT_DOUBLE_EQ(train->points.back().x, 128.0 * kTokensPerStep) << "tokens by default";
  EXPECT_EQ(f.x_label, "training tokens");
  loss->flush();
  EXPECT_EQ(drawnPoints(loss->chartView()->chart(), 0).size(), 128);

  EXPECT_EQ(monitor.view(RunMonitorWidget::kLearningRate)->figure().curves.at(0).points.size(), 128u);
  EXPECT_EQ(monitor.view(RunMonitorWidget::kThroughput)->figure().curves.at(0).points.size(), 4u);
  EXPECT_FALSE(monitor.panelHasData(RunMonitorWidget::kDropout));

  // The axis chooser: steps, then epochs, then wall time; no smoothing leaves no shadow.
  monitor.xAxisBox()->setCurrentIndex(monitor.xAxisBox()->findData(static_cast<int>(series::XAxis::kSteps)));
  EXPECT_DOUBLE_EQ(loss->figure().curves[0].points.back().x, 128.0);
  EXPECT_EQ(loss->figure().x_label, "optimizer steps");
  monitor.xAxisBox()->setCurrentIndex(monitor.xAxisBox()->findData(static_cast<int>(series::XAxis::kEpochs)));
  EXPECT_DOUBLE_EQ(loss->figure().curves[0].points.back().x, LiveRun::epoch(128));
  monitor.xAxisBox()->setCurrentIndex(monitor.xAxisBox()->findData(static_cast<int>(series::XAxis::kWallTime)));
  EXPECT_DOUBLE_EQ(loss->figure().curves[0].points.back().x, 64.0);
  monitor.smoothingSlider()->setValue(0);
  EXPECT_TRUE(loss->figure().curves[0].raw.empty());

  // The header: where the run is and how fast it goes (2 steps/s: 384 steps left = 192 s).
  const QString progress = monitor.header()->progressText();
  EXPECT_TRUE(progress.contains("running")) << progress.toStdString();
  // Numbers in the user's locale, whatever the machine running the test uses.
  const QLocale locale;
  EXPECT_TRUE(progress.contains("step 128 of 512 (25%)")) << progress.toStdString();
  EXPECT_TRUE(progress.contains("epoch " + locale.toString(1.0, 'f', 2))) << progress.toStdString();
  EXPECT_TRUE(progress.contains(locale.toString(2048.0, 'f', 0) + " tokens/s")) << progress.toStdString();
  EXPECT_TRUE(progress.contains("ETA 3 min")) << progress.toStdString();
  EXPECT_EQ(monitor.header()->nameText(), "token-crisis-mini/epochs=4");
  const QString quality = monitor.header()->qualityText();
  EXPECT_TRUE(quality.contains("best validation loss " + locale.toString(2.2, 'f', 4) + " at step 96"))
      << quality.toStdString();
  EXPECT_TRUE(quality.contains("no overfitting detected")) << quality.toStdString();
  // Stopped after four evaluations, which cannot confirm a rise: the header does not claim there is none.
  run.writer.store.set_run_status(run.id, "interrupted");
  monitor.refresh();
  const QString stopped = monitor.header()->qualityText();
  EXPECT_TRUE(stopped.contains("too few evaluations to detect overfitting (4 of the 8 it needs"))
      << stopped.toStdString();
}

TEST(RunMonitor, RefreshReadsOnlyNewRowsAndDrawsOnlyWhenSomethingChanged) {
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 128);
  RunMonitorWidget monitor;
  monitor.setRun(&run.writer.store, run.id);
  FigureView* loss = monitor.view(RunMonitorWidget::kLoss);
  loss->flush();
  const series::MetricCache* trainLoss = monitor.cache("train/loss");
  ASSERT_NE(trainLoss, nullptr);
  EXPECT_EQ(trainLoss->stats().full_reads, 1u);
  const std::size_t readBefore = trainLoss->stats().rows_read;
  EXPECT_EQ(readBefore, 128u);

  // The run trains 32 more steps: their rows are read (and the last cached step again, to check
  // the history did not change), nothing from the start.
  run.steps(129, 160);
  monitor.refresh();
  EXPECT_EQ(trainLoss->stats().full_reads, 1u);
  EXPECT_EQ(trainLoss->stats().rows_read, readBefore + 32 + 1);
  EXPECT_EQ(loss->figure().curves[0].points.size(), 160u);
  EXPECT_EQ(curveNamed(loss->figure(), "validation loss")->points.size(), 5u);
  EXPECT_TRUE(monitor.header()->progressText().contains("step 160 of 512"));
  loss->flush();
  EXPECT_EQ(drawnPoints(loss->chartView()->chart(), 0).size(), 160);
  EXPECT_EQ(loss->rebuilds(), 1) << "the same curves: points replaced in place";
  EXPECT_EQ(loss->updates(), 1);

  // Nothing new: the chart is left alone.
  monitor.refresh();
  loss->flush();
  EXPECT_EQ(loss->rebuilds() + loss->updates(), 2);
  EXPECT_EQ(trainLoss->stats().full_reads, 1u);

  // A metric that appears later (a second corpus's first evaluation) gets its own curve.
  run.steps(161, 192, {"eval/val_loss/code"});
  monitor.refresh();
  EXPECT_NE(curveNamed(loss->figure(), "validation loss, code"), nullptr);

  // Resumed from its checkpoint at step 160: the rows after it are gone, the code corpus with them.
  run.writer.store.truncate_run(run.id, 160);
  monitor.refresh();
  EXPECT_EQ(curveNamed(loss->figure(), "validation loss, code"), nullptr);
  EXPECT_EQ(loss->figure().curves[0].points.size(), 160u);
  EXPECT_TRUE(monitor.header()->progressText().contains("step 160 of 512"));
}

TEST(RunMonitor, OverfittingOnsetEventMarksTheLossPanelAndTheHeader) {
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 160);
  RunMonitorWidget monitor;
  monitor.setRun(&run.writer.store, run.id);
  FigureView* loss = monitor.view(RunMonitorWidget::kLoss);
  ASSERT_EQ(loss->figure().markers.size(), 1u);
  EXPECT_EQ(loss->figure().markers[0].label, "best");
  EXPECT_DOUBLE_EQ(loss->figure().markers[0].at.x, 96.0 * kTokensPerStep);
  EXPECT_FALSE(monitor.header()->qualityText().contains("overfitting from"));

  // What trainer.cpp's report_onset writes once the detector confirms.
  run.writer.store.append_event(
      run.id, {160, 160 * kTokensPerStep, "overfitting_onset",
               R"({"onset_step": 128, "onset_tokens": 131072, "onset_epoch": 1.0, "best_step": 96,
                   "best_val_loss": 2.2, "epoch_at_best": 0.75, "gap_at_best": 0.1,
                   "generalization_gap": 0.3, "confirmed_step": 160})",
               80.0});
  monitor.refresh();
  const auto& markers = loss->figure().markers;
  ASSERT_EQ(markers.size(), 2u);
  const auto onset = std::find_if(markers.begin(), markers.end(), [](const auto& m) { return m.label == "onset"; });
  ASSERT_NE(onset, markers.end());
  EXPECT_DOUBLE_EQ(onset->at.x, 128.0 * kTokensPerStep);
  ASSERT_TRUE(monitor.progress().onset);
  EXPECT_EQ(monitor.progress().onset->onset_step, 128);
  const QString quality = monitor.header()->qualityText();
  EXPECT_TRUE(quality.contains("overfitting from step 128 (epoch " + QLocale().toString(1.0, 'f', 2) + ")"))
      << quality.toStdString();
}

TEST(RunMonitor, DownstreamPanelSaysWhenTheRunHasNone) {
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 64);
  RunMonitorWidget monitor;
  monitor.setRun(&run.writer.store, run.id);
  EXPECT_FALSE(monitor.panelHasData(RunMonitorWidget::kDownstream));
  EXPECT_EQ(monitor.panelNote(RunMonitorWidget::kDownstream), "No downstream evaluation in this run.");

  // Scores arrive with the next evaluations: one curve per task's accuracy, named by the task.
  run.steps(65, 128, {"downstream/cloze/acc", "downstream/cloze/acc_norm", "downstream/arith/acc"});
  monitor.refresh();
  ASSERT_TRUE(monitor.panelHasData(RunMonitorWidget::kDownstream));
  const series::Figure& f = monitor.view(RunMonitorWidget::kDownstream)->figure();
  ASSERT_EQ(f.curves.size(), 2u);
  EXPECT_EQ(f.curves[0].label, "arith");
  EXPECT_EQ(f.curves[1].label, "cloze");
  EXPECT_EQ(f.curves[1].points.size(), 2u);
}

TEST(RunMonitor, ClearsUnknownRunsAndRendersAtItsSize) {
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 256, {"dropout/attn", "dropout/resid", "dropout/embd", "downstream/cloze/acc"});
  RunMonitorWidget monitor;
  EXPECT_FALSE(monitor.message().isEmpty()) << "no run yet";
  monitor.setRun(&run.writer.store, 12345);
  EXPECT_TRUE(monitor.message().contains("12345"));
  monitor.setRun(&run.writer.store, run.id);
  EXPECT_TRUE(monitor.message().isEmpty());
  EXPECT_TRUE(monitor.panelHasData(RunMonitorWidget::kDropout));
  EXPECT_EQ(monitor.view(RunMonitorWidget::kDropout)->figure().curves.size(), 3u);

  monitor.resize(1200, 900);
  monitor.show();
  for (int p = 0; p < RunMonitorWidget::kPanelCount; ++p)
    monitor.view(static_cast<RunMonitorWidget::Panel>(p))->flush();
  const QImage image = monitor.grab().toImage();
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1200, 900) * image.devicePixelRatio());
  // Not one flat colour: something was drawn.
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
  EXPECT_GT(colours.size(), 10);
  test::save_screenshot(monitor, "monitor");

  monitor.setRun(nullptr, 0);
  EXPECT_EQ(monitor.runId(), 0);
  EXPECT_FALSE(monitor.message().isEmpty());
  EXPECT_TRUE(monitor.header()->nameText().isEmpty());
}

TEST(RunMonitor, WiderPanelsDrawALongRunInMoreDetail) {
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 4000);
  RunMonitorWidget monitor;
  monitor.resize(400, 600);
  monitor.setRun(&run.writer.store, run.id);
  FigureView* loss = monitor.view(RunMonitorWidget::kLoss);
  const std::size_t narrow = loss->figure().curves.at(0).points.size();
  EXPECT_LT(narrow, 1000u) << "downsampled to the screen";

  monitor.resize(1600, 900);
  monitor.show();
  QElapsedTimer waited;
  waited.start();
  while (loss->figure().curves.at(0).points.size() == narrow && waited.elapsed() < 3000) {
    QCoreApplication::processEvents();
    QThread::msleep(10);
  }
  EXPECT_GT(loss->figure().curves.at(0).points.size(), 2 * narrow) << "redrawn once the size settled";
  EXPECT_GT(loss->figure().curves.at(0).raw.size(), 2 * narrow);
}

TEST(RunMonitor, SpeaksTheInstalledLanguage) {
  test::EnglishAfterwards english;
  test::TempDir dir;
  LiveRun run(dir / "runs.db");
  run.steps(1, 64, {"downstream/cloze/acc"});
  RunMonitorWidget monitor;
  monitor.setRun(&run.writer.store, run.id);
  FigureView* downstream = monitor.view(RunMonitorWidget::kDownstream);
  downstream->flush();
  const auto yTitle = [&] { return downstream->chartView()->chart()->axes(Qt::Vertical).front()->titleText(); };
  EXPECT_EQ(yTitle(), "accuracy");

  ASSERT_TRUE(installAppLanguage(QStringLiteral("de")));
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  EXPECT_EQ(monitor.xAxisBox()->itemText(0), "Tokens");
  EXPECT_EQ(monitor.view(RunMonitorWidget::kLoss)->figure().title, "Verlust");
  const QString progress = monitor.header()->progressText();
  EXPECT_TRUE(progress.startsWith("läuft")) << progress.toStdString();
  EXPECT_TRUE(progress.contains("Schritt 64 von 512")) << progress.toStdString();
  EXPECT_EQ(monitor.panelNote(RunMonitorWidget::kDropout), "Kein Dropout in diesem Lauf.");
  // The chart's own axis title follows, although the downstream curves (named by task) kept their shape.
  downstream->flush();
  EXPECT_EQ(yTitle(), "Genauigkeit");
}

}  // namespace
}  // namespace wb
