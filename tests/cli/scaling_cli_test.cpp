// `workbench-cli scaling ...` as a user runs it: the published laws' headline numbers through the
// command line (tables and --json), usage errors, and a fit to four real tiny runs that is saved,
// listed and used for a prediction.
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "common/synthetic_corpus.hpp"
#include "common/temp_dir.hpp"

namespace wb {
namespace {

using nlohmann::json;

class ScalingCli : public ::testing::Test {
 protected:
  test::CliResult cli(const std::string& args) { return test::run_workbench_cli(dir / "home", args, dir / "stderr.txt"); }
  json cli_json(const std::string& args) {
    const auto r = cli(args + " --json");
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out);
  }
  test::TempDir dir;
};

TEST_F(ScalingCli, OptimalReproducesChinchillaTable3) {
  const auto j = cli_json("scaling optimal --params 400M");
  EXPECT_EQ(j["law"], "chinchilla-approach1");
  EXPECT_NEAR(j["tokens"].get<double>() / 8.0e9, 1.0, 0.01);
  EXPECT_NEAR(j["flops"].get<double>() / 1.92e19, 1.0, 0.01);
  const auto table = cli("scaling optimal --params 10B");
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("205B"), std::string::npos) << table.out;  // Table 3: 205.1B tokens
}

TEST_F(ScalingCli, PredictAndPlanReproduceTheDatablationsExamples) {
  const auto p = cli_json("scaling predict --law data-constrained --params 6.34B --tokens 242B --unique 25B");
  EXPECT_NEAR(p["loss"].get<double>(), 2.2256440889984477, 1e-9);
  const auto plan = cli_json("scaling plan --flops " + std::to_string(6 * 8.67e9 * 178e9) + " --unique 25B");
  EXPECT_NEAR(plan["best"]["params"].get<double>() / 6.8e9, 1.0, 0.02);
  EXPECT_NEAR(plan["best_epochs"].get<double>(), 9.1, 0.1);
  const auto effective = cli("scaling effective-data --unique 100B --tokens 400B");
  ASSERT_EQ(effective.code, 0) << effective.err;
  EXPECT_NE(effective.out.find("0.931"), std::string::npos) << effective.out;  // D'/D at 4 epochs
  // Fewer tokens than unique ones: U stays as given, and the table says only D of it is seen.
  const auto partial = cli("scaling effective-data --unique 10B --tokens 1B");
  ASSERT_EQ(partial.code, 0) << partial.err;
  const auto u_line = partial.out.substr(partial.out.find("unique tokens U"), 40);
  EXPECT_NE(u_line.find(" 10.0B"), std::string::npos) << partial.out;
  EXPECT_NE(partial.out.find("0.10"), std::string::npos) << partial.out;
  EXPECT_NE(partial.out.find("under one epoch"), std::string::npos) << partial.out;
  const auto json = cli_json("scaling effective-data --unique 10B --tokens 1B");
  EXPECT_DOUBLE_EQ(json["unique_tokens"].get<double>(), 10e9);
  EXPECT_DOUBLE_EQ(json["unique_tokens_seen"].get<double>(), 1e9);
}

TEST_F(ScalingCli, BadNumbersAndMissingOptionsAreUsageErrors) {
  auto r = cli("scaling optimal --params 70X");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--params"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1.4T"), std::string::npos) << "the message shows accepted forms: " << r.err;
  r = cli("scaling optimal --params 70B --flops 1e21");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("exactly one"), std::string::npos) << r.err;
  r = cli("scaling predict --law data-constrained --params 1B --tokens 20B");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--unique"), std::string::npos) << r.err;
  r = cli("scaling optimal --law nope --params 1B");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("chinchilla-approach1"), std::string::npos) << "lists the laws: " << r.err;
  r = cli("scaling predict --law nope --params 1B --tokens 20B");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("besiroglu"), std::string::npos) << "lists the laws: " << r.err;
}

TEST_F(ScalingCli, FitsRealRunsSavesListsAndPredicts) {
  test::write_synthetic_folder(dir / "docs");
  ASSERT_EQ(cli("data import tiny --from " + (dir / "docs").string()).code, 0);
  const auto spec = json::parse(R"({
    "name": "sizes",
    "data": {"corpus": "tiny", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1},
    "model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 32},
    "optimizer": {"warmup_steps": 5},
    "training": {"token_budget": 10240, "batch_size": 8, "eval_interval": 20, "eval_batches": 2, "threads": 1},
    "grid": {"model.n_embd": [16, 32], "training.token_budget": [10240, 20480]}
  })");
  test::write_file(dir / "sizes.json", spec.dump());
  const auto run = cli("run " + (dir / "sizes.json").string());
  ASSERT_EQ(run.code, 0) << run.err;

  auto r = cli("scaling fit --experiment sizes");
  EXPECT_EQ(r.code, 2) << "five free parameters, four runs";
  EXPECT_NE(r.err.find("--fix"), std::string::npos) << r.err;

  const auto fit = cli_json("scaling fit --experiment sizes --fix alpha=0.34 --fix beta=0.28 --bootstrap 20 --save mine");
  ASSERT_EQ(fit["runs"].size(), 4u);
  for (const auto& run_row : fit["runs"]) {
    EXPECT_GT(run_row["params"].get<double>(), 0.0);
    EXPECT_LT(std::abs(run_row["log_residual"].get<double>()), 0.5) << run_row;
  }
  bool alpha_fixed = false;
  for (const auto& p : fit["parameters"])
    if (p["name"] == "alpha") alpha_fixed = p["fixed"].get<bool>() && p["value"].get<double>() == 0.34;
  EXPECT_TRUE(alpha_fixed) << fit["parameters"];
  EXPECT_EQ(fit["saved_as"], "mine");

  // The CPT law shares E + A/N^alpha with the saved fit; two runs (one budget) fit B' and gamma.
  const auto cpt = cli_json("scaling fit --experiment sizes --match token_budget=20480 --law cpt --fix-from mine "
                            "--fix beta=0.2 --bootstrap 0");
  ASSERT_EQ(cpt["runs"].size(), 2u);
  std::map<std::string, json> by_name;
  for (const auto& p : cpt["parameters"]) by_name[p["name"].get<std::string>()] = p;
  for (const auto& p : fit["parameters"])
    if (p["name"] == "e" || p["name"] == "a" || p["name"] == "alpha") {
      EXPECT_TRUE(by_name[p["name"]]["fixed"].get<bool>()) << p;
      EXPECT_DOUBLE_EQ(by_name[p["name"]]["value"].get<double>(), p["value"].get<double>());
    }
  EXPECT_FALSE(by_name["gamma"]["fixed"].get<bool>());
  r = cli("scaling fit --experiment sizes --law cpt --fix-from nope");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;

  const auto listed = cli("scaling fits");
  EXPECT_NE(listed.out.find("mine  [chinchilla]"), std::string::npos) << listed.out;
  const auto predicted = cli_json("scaling predict --fit mine --params 20k --tokens 40k");
  EXPECT_GT(predicted["loss"].get<double>(), 0.5);
  EXPECT_LT(predicted["loss"].get<double>(), 10.0);
  r = cli("scaling predict --fit nope --params 20k --tokens 40k");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("scaling fits"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace wb
