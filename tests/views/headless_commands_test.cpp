// `workbench export` and `workbench screenshot` without a window: files of every format from a
// run database, and usage errors with exit code 2.
#include "views/headless_commands.hpp"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>

#include "common/temp_dir.hpp"
#include "spec/run_spec.hpp"
#include "store/run_store.hpp"
#include "views/qt_paths.hpp"

#include <nlohmann/json.hpp>

namespace wb {
namespace {

void writeDatabase(const std::filesystem::path& db) {
  auto store = RunStore::open(db);
  const auto experiment = store.create_experiment("token-crisis-mini", "{}");
  for (double epochs : {1.0, 16.0}) {
    RunSpec spec;
    spec.name = "token-crisis-mini/epochs=" + std::to_string(static_cast<int>(epochs));
    spec.data.epochs = epochs;
    spec.data.unique_tokens.reset();
    const auto id = store.create_run(experiment, spec.name, to_json(spec).dump(), {});
    std::vector<MetricRow> rows;
    for (int i = 1; i <= 10; ++i)
      rows.push_back({i * 100, i * 100 * 768, 0.0, "eval/val_loss", 2.0 + 1.0 / i + 0.01 * epochs * i, i * 1.0});
    store.append_metrics(id, rows);
  }
}

QStringList command(const char* name, const QStringList& args) {
  return QStringList{QStringLiteral("workbench"), QString::fromLatin1(name)} + args;
}

TEST(ViewsHeadless, ExportWritesEachFormat) {
  test::TempDir dir;
  writeDatabase(dir / "runs.db");
  const QString db = toQString(dir / "runs.db");
  for (const char* name : {"f.pdf", "f.svg", "f.png", "f.csv", "f.tex"}) {
    const QString out = toQString(dir / name);
    EXPECT_EQ(runExportCommand(command("export", {"--db", db, "--experiment", "token-crisis-mini", "--width",
                                                  "double", "--dpi", "100", "-o", out})),
              0)
        << name;
    EXPECT_GT(QFile(out).size(), 100) << name;
  }
  EXPECT_EQ(QImage(toQString(dir / "f.png")).width(), 675);  // 6.75 in at 100 dpi
}

TEST(ViewsHeadless, UsageErrorsReturnTwo) {
  test::TempDir dir;
  writeDatabase(dir / "runs.db");
  const QString db = toQString(dir / "runs.db");
  const QString out = toQString(dir / "f.png");
  EXPECT_EQ(runExportCommand(command("export", {"--db", db, "--experiment", "token-crisis-mini"})), 2) << "no -o";
  EXPECT_EQ(runExportCommand(command("export", {"--db", db, "--experiment", "nope", "-o", out})), 2);
  EXPECT_EQ(runExportCommand(command("export", {"--db", db, "--experiment", "1", "--x", "time", "-o", out})), 2);
  EXPECT_EQ(runExportCommand(command("export", {"--db", db, "--experiment", "1", "--metric", "nope", "-o", out})), 2);
  EXPECT_EQ(runExportCommand(command("export", {"--db", db, "--experiment", "1", "-o", toQString(dir / "f.jpg")})), 2);
  EXPECT_EQ(runExportCommand(command("export", {"--bogus"})), 2);
  EXPECT_FALSE(QFile::exists(out));
}

TEST(ViewsHeadless, ScreenshotOfTheComparison) {
  test::TempDir dir;
  writeDatabase(dir / "runs.db");
  ASSERT_EQ(runScreenshotCommand(command("screenshot", {"--db", toQString(dir / "runs.db"), "--experiment",
                                                        "token-crisis-mini", "-o", toQString(dir / "shots")})),
            0);
  const QImage image(toQString(dir / "shots" / "compare.png"));
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.width(), 1200);
  EXPECT_EQ(image.height(), 800);
}

}  // namespace
}  // namespace wb
