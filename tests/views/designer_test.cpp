// The experiment designer (views/designer): edits in the form and the factor grid produce the
// expected experiment JSON; an invalid value is shown at its field and disables Launch; presets
// fill the form and the runs table; save/load round-trips; Launch saves under the database's
// folder; estimates come from a real run store's throughput and saved fits.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <cmath>

#include "common/temp_dir.hpp"
#include "design/run_estimates.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"
#include "views/designer/expanded_runs_model.hpp"
#include "views/designer/experiment_designer.hpp"
#include "views/designer/factor_grid_editor.hpp"
#include "views/designer/spec_field_catalog.hpp"
#include "views/designer/spec_form.hpp"
#include "views/qt_paths.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

using nlohmann::json;

QLineEdit* lineEdit(ExperimentDesigner& d, const char* path) {
  auto* edit = qobject_cast<QLineEdit*>(d.form()->editor(QString::fromLatin1(path)));
  EXPECT_NE(edit, nullptr) << path;
  return edit;
}
QComboBox* comboBox(ExperimentDesigner& d, const char* path) {
  auto* box = qobject_cast<QComboBox*>(d.form()->editor(QString::fromLatin1(path)));
  EXPECT_NE(box, nullptr) << path;
  return box;
}

QVariant cell(const ExperimentDesigner& d, int row, int column, int role = Qt::UserRole) {
  return d.runsModel()->data(d.runsModel()->index(row, column), role);
}

// What the runs of a document resolve to: the comparison that says two specs train the same.
std::vector<json> resolvedRuns(const json& document) {
  std::vector<json> out;
  for (const auto& run : parse_experiment(document).runs) out.push_back(to_json(run.spec));
  return out;
}

TEST(Designer, FormAndGridEditsProduceTheExpectedSpec) {
  ExperimentDesigner d;
  d.nameEdit()->setText(QStringLiteral("dropout-sweep"));
  lineEdit(d, "model.n_layer")->setText(QStringLiteral("6"));
  lineEdit(d, "model.dropout.rate")->setText(QStringLiteral("0.1"));
  comboBox(d, "model.dropout.schedule")->setCurrentText(QStringLiteral("dropstage"));
  lineEdit(d, "model.dropout.start")->setText(QStringLiteral("0.25"));
  lineEdit(d, "training.token_budget")->setText(QStringLiteral("2e6"));  // a whole number, written as one
  comboBox(d, "data.tokenizer.kind")->setCurrentText(QStringLiteral("byte"));
  lineEdit(d, "optimizer.lr")->setText(QStringLiteral("0.001"));  // the default: not written
  qobject_cast<QCheckBox*>(d.form()->editor(QStringLiteral("model.bias")))->setChecked(false);
  // A new experiment starts with the study's central factor; change its levels, add another.
  ASSERT_EQ(d.gridEditor()->factorCount(), 1);
  EXPECT_EQ(d.gridEditor()->factorAt(0), QStringLiteral("data.epochs"));
  d.gridEditor()->setLevels(0, QStringLiteral("1, 8"));
  d.gridEditor()->addTemplate(FactorGridEditor::Template::kArchitecture);
  d.refresh();

  const json expected = json::parse(R"({
    "schema": "workbench.experiment/1",
    "name": "dropout-sweep",
    "data": {"tokenizer": {"kind": "byte"}},
    "model": {"n_layer": 6, "bias": false, "dropout": {"rate": 0.1, "schedule": "dropstage", "start": 0.25}},
    "training": {"token_budget": 2000000},
    "grid": {"data.epochs": [1, 8], "model.arch": ["dense", "moe", "shared"]}
  })");
  EXPECT_EQ(d.experimentJson(), expected) << d.experimentJson().dump(2);
  EXPECT_TRUE(d.isValid()) << d.errorText().toStdString();
  EXPECT_TRUE(d.launchButton()->isEnabled());
  ASSERT_EQ(d.runsModel()->rowCount(), 6);
  EXPECT_EQ(cell(d, 0, ExpandedRunsModel::kName).toString(), QStringLiteral("dropout-sweep/epochs=1,arch=dense"));
  EXPECT_EQ(cell(d, 5, ExpandedRunsModel::kName).toString(), QStringLiteral("dropout-sweep/epochs=8,arch=shared"));

  // Back to the default: the key goes away, and so does the emptied object.
  lineEdit(d, "training.token_budget")->setText(QString());
  d.gridEditor()->removeFactor(1);
  json smaller = expected;
  smaller.erase("training");
  smaller["grid"].erase("model.arch");
  EXPECT_EQ(d.experimentJson(), smaller);
  // Only the rate: the short form.
  comboBox(d, "model.dropout.schedule")->setCurrentText(QStringLiteral("constant"));
  lineEdit(d, "model.dropout.start")->clear();
  EXPECT_EQ(d.experimentJson()["model"]["dropout"], json(0.1));
}

TEST(Designer, RunsTableUpdatesLiveAfterTheDebounce) {
  ExperimentDesigner d;
  ASSERT_EQ(d.runsModel()->rowCount(), 3);
  d.gridEditor()->setLevels(0, QStringLiteral("1, 2, 4, 8, 16"));
  EXPECT_EQ(d.runsModel()->rowCount(), 3);  // not on every keystroke
  QElapsedTimer clock;
  clock.start();
  while (d.runsModel()->rowCount() != 5 && clock.elapsed() < 3000) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  EXPECT_EQ(d.runsModel()->rowCount(), 5);
}

TEST(Designer, InvalidValueIsShownAtItsFieldAndDisablesLaunch) {
  ExperimentDesigner d;
  d.refresh();
  ASSERT_TRUE(d.isValid()) << d.errorText().toStdString();
  lineEdit(d, "model.n_head")->setText(QStringLiteral("3"));
  d.refresh();
  EXPECT_FALSE(d.isValid());
  EXPECT_FALSE(d.launchButton()->isEnabled());
  EXPECT_EQ(d.runsModel()->rowCount(), 0);
  EXPECT_TRUE(d.form()->errorAt(QStringLiteral("model.n_head")).contains(QStringLiteral("does not divide n_embd 128")))
      << d.form()->errorAt(QStringLiteral("model.n_head")).toStdString();
  EXPECT_TRUE(d.form()->errorAt(QStringLiteral("model.n_embd")).isEmpty());
  EXPECT_TRUE(d.errorText().startsWith(QStringLiteral("model.n_head:")));

  // Not a number: the parser's message, at the field.
  lineEdit(d, "model.n_head")->setText(QStringLiteral("four"));
  d.refresh();
  EXPECT_TRUE(d.form()->errorAt(QStringLiteral("model.n_head")).contains(QStringLiteral("not a whole number")));

  lineEdit(d, "model.n_head")->setText(QStringLiteral("8"));
  d.refresh();
  EXPECT_TRUE(d.isValid());
  EXPECT_TRUE(d.launchButton()->isEnabled());
  EXPECT_TRUE(d.form()->errorAt(QStringLiteral("model.n_head")).isEmpty());

  // A sweep key the run spec does not know: at its grid row.
  const int row = d.gridEditor()->addFactor(QStringLiteral("model.n_hed"), QStringLiteral("2, 4"));
  d.refresh();
  EXPECT_FALSE(d.launchButton()->isEnabled());
  EXPECT_TRUE(d.gridEditor()->errorAt(row).contains(QStringLiteral("did you mean \"n_head\"")))
      << d.gridEditor()->errorAt(row).toStdString();
  EXPECT_TRUE(d.gridEditor()->errorAt(0).isEmpty());
  // A grid level the base accepts but a run does not (3 heads of 128): at the row too.
  d.gridEditor()->removeFactor(row);
  const int heads = d.gridEditor()->addFactor(QStringLiteral("model.n_head"), QStringLiteral("4, 3"));
  d.refresh();
  EXPECT_TRUE(d.gridEditor()->errorAt(heads).contains(QStringLiteral("does not divide")))
      << d.errorText().toStdString();
}

TEST(Designer, PresetFillsTheFormAndTheRunsTable) {
  ExperimentDesigner d;
  const int index = d.startFromBox()->findData(QStringLiteral("preset:token-crisis-mini"));
  ASSERT_GT(index, 0);
  emit d.startFromBox()->activated(index);  // as a user's pick does
  EXPECT_EQ(d.nameEdit()->text(), QStringLiteral("token-crisis-mini"));
  EXPECT_EQ(lineEdit(d, "training.token_budget")->text(), QStringLiteral("1048576"));
  EXPECT_EQ(lineEdit(d, "training.batch_size")->text(), QStringLiteral("16"));
  EXPECT_FALSE(qobject_cast<QCheckBox*>(d.form()->editor(QStringLiteral("model.bias")))->isChecked());
  ASSERT_TRUE(d.isValid()) << d.errorText().toStdString();
  ASSERT_EQ(d.runsModel()->rowCount(), 4);
  const qlonglong unique[] = {1048576, 262144, 65536, 16384};
  for (int r = 0; r < 4; ++r) {
    EXPECT_EQ(cell(d, r, ExpandedRunsModel::kTokens).toLongLong(), 1048576);
    EXPECT_EQ(cell(d, r, ExpandedRunsModel::kUniqueTokens).toLongLong(), unique[r]);
  }
  EXPECT_EQ(cell(d, 1, ExpandedRunsModel::kTokens, Qt::DisplayRole).toString(), QStringLiteral("1.05M"));
  EXPECT_EQ(cell(d, 1, ExpandedRunsModel::kEpochs, Qt::DisplayRole).toString(), QStringLiteral("4"));
}

TEST(Designer, EveryPresetSurvivesTheForm) {
  // The form writes only what differs from the defaults; the runs must still be the same.
  for (const auto& preset : presets()) {
    SCOPED_TRACE(preset.name);
    ExperimentDesigner d;
    ASSERT_TRUE(d.loadPreset(QString::fromStdString(preset.name)));
    EXPECT_TRUE(d.isValid()) << d.errorText().toStdString();
    EXPECT_EQ(resolvedRuns(d.experimentJson()), resolvedRuns(preset.document));
    EXPECT_EQ(d.runsModel()->rowCount(), static_cast<int>(parse_experiment(preset.document).runs.size()));
  }
}

TEST(Designer, SaveThenLoadRoundTrips) {
  test::TempDir dir;
  const QString path = toQString(dir / "sweep.json");
  ExperimentDesigner d;
  ASSERT_TRUE(d.loadPreset(QStringLiteral("architecture-mini")));
  lineEdit(d, "optimizer.warmup_steps")->setText(QStringLiteral("10"));
  d.gridEditor()->addTemplate(FactorGridEditor::Template::kModelSize);
  d.refresh();
  ASSERT_TRUE(d.isValid()) << d.errorText().toStdString();
  ASSERT_TRUE(d.saveSpecFile(path));
  EXPECT_EQ(d.specPath(), path);
  // The file is what the CLI reads.
  EXPECT_EQ(load_experiment_file(path.toStdString()).runs.size(), static_cast<std::size_t>(d.runsModel()->rowCount()));

  ExperimentDesigner loaded;
  ASSERT_TRUE(loaded.loadSpecFile(path));
  EXPECT_EQ(loaded.experimentJson(), d.experimentJson());
  EXPECT_EQ(loaded.runsModel()->rowCount(), d.runsModel()->rowCount());
  EXPECT_EQ(loaded.specPath(), path);

  // A file that is not JSON: nothing changes, a message box names the file.
  test::write_file(dir / "broken.json", "{ not json");
  EXPECT_FALSE(loaded.loadSpecFile(toQString(dir / "broken.json")));
  EXPECT_EQ(loaded.experimentJson(), d.experimentJson());
  auto* box = loaded.findChild<QMessageBox*>();
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->text().contains(QStringLiteral("broken.json")));
}

TEST(Designer, LaunchSavesUnderTheDatabaseFolderAndEmitsThePath) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  ExperimentDesigner d;
  d.setStore(&writer.store);
  EXPECT_GT(d.startFromBox()->findData(QStringLiteral("experiment:%1").arg(writer.experiment)), 0);
  d.nameEdit()->setText(QStringLiteral("launch-me"));
  QStringList launched;
  QObject::connect(&d, &ExperimentDesigner::launchRequested, [&](const QString& p) { launched << p; });

  lineEdit(d, "model.n_head")->setText(QStringLiteral("3"));
  d.launch();  // invalid: nothing saved, nothing emitted
  EXPECT_TRUE(launched.isEmpty());

  lineEdit(d, "model.n_head")->clear();
  d.refresh();
  d.launchButton()->click();
  ASSERT_EQ(launched.size(), 1);
  EXPECT_EQ(launched[0], toQString(dir / "specs" / "launch-me.json"));
  ASSERT_TRUE(QFile::exists(launched[0]));
  EXPECT_EQ(load_experiment_file(launched[0].toStdString()).name, "launch-me");
}

TEST(Designer, EstimatesUseTheStoresThroughputAndSavedFits) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  const json preset = find_preset("token-crisis-mini")->document;
  const auto experiment = parse_experiment(preset);
  const auto id = writer.store.create_run(writer.experiment, "measured", to_json(experiment.runs[0].spec).dump(),
                                          {"host", "v", "{}", 1});
  writer.store.append_metrics(id, std::vector<MetricRow>{{64, 65536, 1.0, "tokens_per_s", 50000.0, 1.3}});
  writer.store.set_run_status(id, "running");
  writer.store.set_run_status(id, "finished");
  // Muennighoff et al. 2023's published fit, as `scaling fit --save` stores it.
  json params = json::array();
  for (auto [n, v] : std::initializer_list<std::pair<const char*, double>>{
           {"e", 0.6254804}, {"a", 6.255414}, {"b", 7.3049974}, {"alpha", 0.3526596}, {"beta", 0.3526596},
           {"rd_star", 15.387756}, {"rn_star", 5.309743}})
    params.push_back({{"name", n}, {"value", v}, {"ci_low", v}, {"ci_high", v}, {"fixed", true}});
  writer.store.save_fit({0, "c4", "data-constrained", params.dump(), "[]", "test", ""});

  ExperimentDesigner d;
  d.setStore(&writer.store);
  ASSERT_TRUE(d.loadPreset(QStringLiteral("token-crisis-mini")));
  ASSERT_EQ(d.runsModel()->rowCount(), 4);
  // Every run has the same model and D, so the same FLOPs and ETA: 1048576 tokens at 50k tok/s.
  EXPECT_NEAR(cell(d, 0, ExpandedRunsModel::kEta).toDouble(), 1048576.0 / 50000.0, 1e-6);
  // Repetition raises the predicted loss at equal D (the token crisis).
  double previous = 0;
  for (int r = 0; r < 4; ++r) {
    const QVariant loss = cell(d, r, ExpandedRunsModel::kPredictedLoss);
    ASSERT_TRUE(loss.isValid()) << r;
    EXPECT_GT(loss.toDouble(), previous);
    previous = loss.toDouble();
  }
  EXPECT_FALSE(cell(d, 0, ExpandedRunsModel::kPredictedLoss, Qt::DisplayRole).toString().isEmpty());
}

TEST(Designer, CountsAndDurationsAreReadable) {
  struct Row { double value; const char* text; };
  for (const Row& r : {Row{950, "950"}, Row{1048576, "1.05M"}, Row{2.5e9, "2.5B"}, Row{1.2e12, "1.2T"}})
    EXPECT_EQ(ExpandedRunsModel::formatCount(r.value), QString::fromLatin1(r.text));
  for (const Row& r : {Row{12, "12 s"}, Row{240, "4 min"}, Row{7500, "2 h 5 min"}, Row{3 * 86400 + 4 * 3600, "3 d 4 h"}})
    EXPECT_EQ(ExpandedRunsModel::formatDuration(r.value), QString::fromLatin1(r.text));
}

TEST(Designer, LevelsSplitOutsideObjectsAndQuotes) {
  const json levels = FactorGridEditor::parseLevels(QStringLiteral(R"(1, 1e6, 0.5, dense, {"n_layer": 2, "n_embd": 64}, "a,b")"));
  EXPECT_EQ(levels, json::parse(R"([1, 1000000, 0.5, "dense", {"n_layer": 2, "n_embd": 64}, "a,b"])"));
  EXPECT_EQ(FactorGridEditor::parseLevels(FactorGridEditor::formatLevels(levels)), levels);
}

TEST(Designer, EveryFieldOfTheCatalogHasAnEditorAndATooltip) {
  SpecForm form;
  for (const auto& f : specFields()) {
    SCOPED_TRACE(f.path);
    QWidget* editor = form.editor(QString::fromLatin1(f.path));
    ASSERT_NE(editor, nullptr);
    EXPECT_TRUE(editor->toolTip().contains(QString::fromLatin1(f.path)));
  }
  EXPECT_EQ(fieldForPath("model.dropout")->path, std::string("model.dropout.rate"));
  EXPECT_EQ(fieldForPath("model.moe.top_k")->path, std::string("model.moe.top_k"));
  EXPECT_EQ(fieldForPath("no.such"), nullptr);
}

TEST(Designer, RetranslatesOnLanguageChange) {
  test::EnglishAfterwards english;
  ExperimentDesigner d;
  const QString english_launch = d.launchButton()->text();
  ASSERT_TRUE(installAppLanguage(QStringLiteral("de")));
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  EXPECT_NE(d.launchButton()->text(), english_launch);
  EXPECT_NE(sectionTitle(FormSection::kData), QStringLiteral("Data"));
}

TEST(Designer, Screenshot) {
  ExperimentDesigner d;
  ASSERT_TRUE(d.loadPreset(QStringLiteral("token-crisis-mini")));
  d.gridEditor()->addTemplate(FactorGridEditor::Template::kDropout);
  d.refresh();
  d.resize(1400, 900);
  d.show();
  QCoreApplication::processEvents();
  test::save_screenshot(d, QStringLiteral("designer"));
  EXPECT_EQ(d.runsModel()->rowCount(), 16);
}

}  // namespace
}  // namespace wb
