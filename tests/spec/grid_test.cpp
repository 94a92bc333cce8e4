// Grid expansion: cartesian products over dotted paths, U/R sweeps at a fixed token budget.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"

namespace wb {
namespace {

using nlohmann::json;

json base() {
  return json::parse(R"({"name": "sweep", "data": {"corpus": "tiny", "unique_tokens": 64000},
                         "training": {"token_budget": 256000, "batch_size": 4}})");
}

TEST(Grid, EpochSweepAtFixedBudgetReplacesUniqueTokens) {
  auto j = base();
  j["grid"] = {{"data.epochs", {1, 4, 16}}};
  auto experiment = parse_experiment(j);
  ASSERT_EQ(experiment.runs.size(), 3u);
  std::vector<std::int64_t> unique;
  for (const auto& run : experiment.runs) {
    EXPECT_FALSE(run.spec.data.unique_tokens.has_value());
    unique.push_back(plan_run(run.spec).unique_tokens);
  }
  EXPECT_EQ(unique, (std::vector<std::int64_t>{256000, 64000, 16000}));
  EXPECT_EQ(experiment.runs[1].spec.name, "sweep/epochs=4");
  EXPECT_EQ(experiment.runs[1].grid_point, json({{"data.epochs", 4}}));
}

TEST(Grid, CartesianProductOverModelSizeAndDropout) {
  auto j = base();
  j["grid"] = {{"model", json::array({{{"n_layer", 2}, {"n_embd", 64}}, {{"n_layer", 4}, {"n_embd", 128}}})},
               {"model.dropout", {0.0, 0.1, 0.2}}};
  auto experiment = parse_experiment(j);
  ASSERT_EQ(experiment.runs.size(), 6u);
  // Keys expand alphabetically; the last varies fastest.
  EXPECT_EQ(experiment.runs[0].spec.model.n_layer, 2);
  EXPECT_DOUBLE_EQ(experiment.runs[2].spec.model.dropout.attn, 0.2);
  EXPECT_EQ(experiment.runs[3].spec.model.n_embd, 128);
  EXPECT_EQ(experiment.runs[4].spec.name, "sweep/n_embd=128,n_layer=4,dropout=0.1");
  // Merging keeps the other model fields.
  EXPECT_EQ(experiment.runs[3].spec.model.block_size, 64);
}

TEST(Grid, UniqueTokenSweep) {
  auto j = base();
  j["data"].erase("unique_tokens");
  j["data"]["epochs"] = 1;
  j["grid"] = {{"data.unique_tokens", {128000, 32000}}};
  auto experiment = parse_experiment(j);
  ASSERT_EQ(experiment.runs.size(), 2u);
  EXPECT_DOUBLE_EQ(plan_run(experiment.runs[1].spec).epochs, 256000.0 / 32000.0);
}

TEST(Grid, BadPathAndBadValuesAreNamed) {
  auto j = base();
  j["grid"] = {{"epochs", {1, 2}}};
  try {
    parse_experiment(j);
    FAIL();
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("grid.epochs: unknown path"), std::string::npos) << e.what();
  }
  j["grid"] = {{"data.epochs", json::array()}};
  EXPECT_THROW(parse_experiment(j), SpecError);
  j["grid"] = {{"model.n_head", {3}}};
  try {
    parse_experiment(j);
    FAIL();
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("grid point {\"model.n_head\":3}: model.n_head: 3 does not divide"),
              std::string::npos) << e.what();
  }
}

TEST(Grid, DefaultPresetSweepsFourRepetitionLevelsAtOneBudget) {
  auto experiment = parse_experiment(find_preset("token-crisis-mini")->document);
  ASSERT_EQ(experiment.runs.size(), 4u);
  std::vector<double> epochs;
  for (const auto& run : experiment.runs) {
    epochs.push_back(plan_run(run.spec).epochs);
    EXPECT_EQ(run.spec.training.token_budget, experiment.runs[0].spec.training.token_budget);
  }
  EXPECT_EQ(epochs, (std::vector<double>{1, 4, 16, 64}));
}

}  // namespace
}  // namespace wb
