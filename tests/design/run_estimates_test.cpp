// Table tests for the experiment designer's estimates (core/design): U, R, D, N, FLOPs, ETA,
// the saved fit a run's loss is predicted with, and throughput measured on a real run store.
#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "design/run_estimates.hpp"
#include "model/model_size.hpp"
#include "scaling/data_constrained_law.hpp"
#include "scaling/parametric_law.hpp"
#include "spec/presets.hpp"

namespace wb::design {
namespace {

using nlohmann::json;

ExperimentSpec token_crisis() { return parse_experiment(find_preset("token-crisis-mini")->document); }

// A fit row as `workbench-cli scaling fit --save` writes it (log-space e, a, b).
FitRow saved_fit(std::int64_t id, const std::string& name, const std::string& law, const scaling::ParametricLaw& p,
                 double rd_star = 0, double rn_star = 0) {
  json params = json::array();
  const auto add = [&](const char* n, double v) { params.push_back({{"name", n}, {"value", v}, {"ci_low", v}, {"ci_high", v}, {"fixed", false}}); };
  add("e", std::log(p.E));
  add("a", std::log(p.A));
  add("b", std::log(p.B));
  add("alpha", p.alpha);
  add("beta", p.beta);
  if (law == "data-constrained") {
    add("rd_star", rd_star);
    add("rn_star", rn_star);
  }
  return {id, name, law, params.dump(), "[]", "test", ""};
}

TEST(RunEstimates, TokenCrisisPresetTokensAtTheFixedBudget) {
  const auto experiment = token_crisis();
  const auto runs = estimate_runs(experiment, {});
  ASSERT_EQ(runs.size(), 4u);
  // budget 1048576 = 1024 steps of 16 x 64 tokens; U = D / R in whole 64-token sequences.
  struct Row { const char* name; std::int64_t unique; double epochs; };
  const Row table[] = {{"token-crisis-mini/epochs=1", 1048576, 1.0},
                       {"token-crisis-mini/epochs=4", 262144, 4.0},
                       {"token-crisis-mini/epochs=16", 65536, 16.0},
                       {"token-crisis-mini/epochs=64", 16384, 64.0}};
  const GptConfig config = GptConfig::from(experiment.runs[0].spec.model, 96);
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(table[i].name);
    EXPECT_EQ(runs[i].name, table[i].name);
    EXPECT_EQ(runs[i].train_tokens, 1048576);
    EXPECT_EQ(runs[i].unique_tokens, table[i].unique);
    EXPECT_DOUBLE_EQ(runs[i].epochs, table[i].epochs);
    EXPECT_EQ(runs[i].parameters, count_parameters(config).total);
    EXPECT_DOUBLE_EQ(runs[i].flops, flops_per_token(config) * 1048576.0);
    EXPECT_FALSE(runs[i].eta_s);           // nothing measured
    EXPECT_FALSE(runs[i].predicted_loss);  // no saved fit
    EXPECT_TRUE(runs[i].error.empty());
  }
  const auto sum = totals(runs);
  EXPECT_EQ(sum.train_tokens, 4 * 1048576);
  EXPECT_FALSE(sum.eta_s);
}

TEST(RunEstimates, EtaIsFlopsOverMeasuredThroughput) {
  EstimateOptions options;
  options.flops_per_s = 2e9;
  const auto runs = estimate_runs(token_crisis(), options);
  for (const auto& r : runs) {
    ASSERT_TRUE(r.eta_s);
    EXPECT_DOUBLE_EQ(*r.eta_s, r.flops / 2e9);
  }
  EXPECT_DOUBLE_EQ(*totals(runs).eta_s, 4 * runs[0].flops / 2e9);
}

TEST(RunEstimates, VocabularyEstimateByTokenizer) {
  struct Row { TokenizerKind kind; int vocab_size; int expected; };
  for (const Row& row : {Row{TokenizerKind::kByte, 0, 257}, Row{TokenizerKind::kChar, 0, 96},
                         Row{TokenizerKind::kBpe, 4096, 4096}}) {
    DataSpec data;
    data.tokenizer.kind = row.kind;
    data.tokenizer.vocab_size = row.vocab_size;
    EXPECT_EQ(estimated_vocab(data), row.expected) << to_string(row.kind);
  }
}

TEST(RunEstimates, ChoosesTheFitByRepetition) {
  const auto chin = saved_fit(1, "chin", "chinchilla", scaling::chinchilla_approach3());
  const auto chin_newer = saved_fit(5, "chin-newer", "chinchilla", scaling::besiroglu_2024());
  const auto dc = saved_fit(2, "dc", "data-constrained", scaling::muennighoff_2023().base, 15.4, 5.3);
  FitRow cpt = chin;
  cpt.id = 9;
  cpt.name = "cpt";
  cpt.law = "cpt";
  struct Row { std::vector<FitRow> fits; double epochs; const char* expected; };
  const Row table[] = {
      {{chin, dc}, 1.0, "chin"},   {{chin, dc}, 4.0, "dc"},         {{chin}, 4.0, "chin"},
      {{dc}, 1.0, "dc"},           {{chin, chin_newer}, 1.0, "chin-newer"},
      {{cpt}, 4.0, nullptr},       {{}, 1.0, nullptr},
  };
  for (const auto& row : table) {
    const FitRow* got = choose_fit(row.fits, row.epochs);
    if (!row.expected) {
      EXPECT_EQ(got, nullptr);
    } else {
      ASSERT_NE(got, nullptr) << row.expected;
      EXPECT_EQ(got->name, row.expected);
    }
  }
}

TEST(RunEstimates, PredictionsMatchThePublishedLaws) {
  const auto chinchilla = scaling::chinchilla_approach3();
  const auto chin = saved_fit(1, "chin", "chinchilla", chinchilla);
  EXPECT_NEAR(*predict_with_fit(chin, 1e6, 1e8, 1e8), chinchilla.loss(1e6, 1e8), 1e-9);
  const auto law = scaling::muennighoff_2023();
  const auto dc = saved_fit(2, "dc", "data-constrained", law.base, law.rd_star, law.rn_star);
  EXPECT_NEAR(*predict_with_fit(dc, 1e6, 1e8, 1e7), scaling::predict(law, 1e6, 1e8, 1e7).loss, 1e-9);
  FitRow broken = chin;
  broken.parameters_json = R"([{"name": "e", "value": 0.5}])";
  EXPECT_FALSE(predict_with_fit(broken, 1e6, 1e8, 1e8));

  // The designer's choice per run: 1 epoch -> Chinchilla, 64 epochs -> data-constrained.
  EstimateOptions options;
  options.fits = {chin, dc};
  const auto runs = estimate_runs(token_crisis(), options);
  EXPECT_EQ(runs.front().law_fit, "chin");
  EXPECT_EQ(runs.back().law_fit, "dc");
  const double n = static_cast<double>(runs.back().parameters);
  EXPECT_NEAR(*runs.back().predicted_loss, scaling::predict(law, n, 1048576.0, 16384.0).loss, 1e-9);
  // Repetition costs: the same D from fewer unique tokens predicts a higher loss.
  EXPECT_GT(*runs.back().predicted_loss, *predict_with_fit(dc, n, 1048576.0, 1048576.0));
}

TEST(RunEstimates, ImpossiblePlanIsReportedNotThrown) {
  // A spec struct the parser would reject (a budget below one step): the estimate names the
  // field instead of throwing, so one bad run does not empty the designer's table.
  RunSpec spec;
  spec.name = "x/tiny";
  spec.data.epochs = 1.0;
  spec.training.token_budget = 2048;
  spec.training.batch_size = 64;
  const auto run = estimate_run(spec, {});
  EXPECT_NE(run.error.find("training.token_budget"), std::string::npos) << run.error;
  EXPECT_EQ(run.flops, 0.0);
  EXPECT_GT(run.parameters, 0);
}

TEST(MeasuredThroughput, MedianOfFinishedRunsFlopsPerSecond) {
  test::TempDir dir;
  RunStore store = RunStore::open(dir / "runs.db");
  EXPECT_FALSE(measured_throughput(store));
  const auto experiment = parse_experiment(find_preset("token-crisis-mini")->document);
  const std::string spec = to_json(experiment.runs[0].spec).dump();
  const double fpt = flops_per_token(GptConfig::from(experiment.runs[0].spec.model, 96));
  const auto exp_id = store.create_experiment("token-crisis-mini", "{}");
  const auto add = [&](const char* status, std::vector<double> rates) {
    const auto id = store.create_run(exp_id, "r", spec, {"host", "v", "{}", 1});
    std::vector<MetricRow> rows;
    std::int64_t step = 0;
    for (double r : rates) rows.push_back({++step, step * 1024, 0.0, "tokens_per_s", r, 1.0 * step});
    store.append_metrics(id, rows);
    store.set_run_status(id, "running");
    if (std::string(status) != "running") store.set_run_status(id, status);
  };
  add("running", {1e9});             // not finished: ignored
  EXPECT_FALSE(measured_throughput(store));
  add("finished", {100, 1000, 1200});  // median 1000 (the slow first interval does not count)
  EXPECT_DOUBLE_EQ(*measured_throughput(store), 1000 * fpt);
  add("finished", {2000});
  add("finished", {3000});
  EXPECT_DOUBLE_EQ(*measured_throughput(store), 2000 * fpt);
  add("failed", {5e9});
  EXPECT_DOUBLE_EQ(*measured_throughput(store, 2), 2500 * fpt);  // newest two finished: 2000, 3000
}

}  // namespace
}  // namespace wb::design
