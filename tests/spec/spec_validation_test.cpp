// Spec validation: every error names the field path, the bad value and what is allowed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"
#include "spec/run_spec.hpp"

namespace wb {
namespace {

using nlohmann::json;

json minimal() {
  return json::parse(R"({"name": "t", "data": {"corpus": "tiny", "epochs": 2},
                         "training": {"token_budget": 100000, "batch_size": 4}})");
}

std::string error_of(const json& j) {
  try {
    parse_experiment(j);
  } catch (const SpecError& e) {
    return e.what();
  }
  return "no error";
}

TEST(SpecValidation, MinimalSpecGetsDefaults) {
  auto experiment = parse_experiment(minimal());
  ASSERT_EQ(experiment.runs.size(), 1u);
  const auto& spec = experiment.runs[0].spec;
  EXPECT_EQ(spec.name, "t");
  EXPECT_EQ(spec.model.n_layer, 4);
  EXPECT_EQ(spec.model.block_size, 64);
  EXPECT_EQ(spec.data.tokenizer.kind, TokenizerKind::kChar);
  EXPECT_DOUBLE_EQ(*spec.data.epochs, 2.0);
}

// A spec may leave out the data section (the experiment designer writes only what differs from
// the defaults): it trains unique data, one epoch, rather than planning with no epochs at all.
TEST(SpecValidation, NoDataSectionMeansOneEpoch) {
  const auto experiment = parse_experiment(json{{"name", "t"}});
  ASSERT_EQ(experiment.runs.size(), 1u);
  ASSERT_TRUE(experiment.runs[0].spec.data.epochs);
  EXPECT_DOUBLE_EQ(*experiment.runs[0].spec.data.epochs, 1.0);
  EXPECT_EQ(plan_run(experiment.runs[0].spec).unique_tokens, 1000000);  // the whole default budget
}

TEST(SpecValidation, UnknownKeyNamesPathAndSuggestion) {
  auto j = minimal();
  j["model"]["n_heads"] = 4;
  auto message = error_of(j);
  EXPECT_NE(message.find("model.n_heads: unknown key"), std::string::npos) << message;
  EXPECT_NE(message.find("did you mean \"n_head\""), std::string::npos) << message;
}

TEST(SpecValidation, OutOfRangeNamesValueAndRange) {
  auto j = minimal();
  j["optimizer"]["beta2"] = 1.5;
  auto message = error_of(j);
  EXPECT_NE(message.find("optimizer.beta2: 1.5 is out of range; allowed: 0 to"), std::string::npos) << message;
  // A bound that is excluded is written so: 1 itself is refused, and the message must not say
  // "0 to 1" (it said so, after rounding 0.9999999, while refusing 1).
  j["optimizer"]["beta2"] = 1;
  message = error_of(j);
  EXPECT_NE(message.find("optimizer.beta2: 1 is out of range; allowed: 0 to <1"), std::string::npos) << message;
  j["optimizer"]["beta2"] = 0.99999;
  j["model"]["dropout"] = {{"rate", 1.0}};
  message = error_of(j);
  EXPECT_NE(message.find("model.dropout.rate: 1 is out of range; allowed: 0 to <1"), std::string::npos) << message;
}

TEST(SpecValidation, WrongTypeIsNamed) {
  auto j = minimal();
  j["model"]["n_layer"] = "four";
  EXPECT_NE(error_of(j).find("model.n_layer: \"four\" is not a whole number"), std::string::npos);
}

TEST(SpecValidation, HeadsMustDivideWidth) {
  auto j = minimal();
  j["model"]["n_head"] = 3;
  auto message = error_of(j);
  EXPECT_NE(message.find("model.n_head: 3 does not divide n_embd 128"), std::string::npos) << message;
}

TEST(SpecValidation, EpochsAndUniqueTokensAreExclusive) {
  auto j = minimal();
  j["data"]["unique_tokens"] = 1000;
  EXPECT_NE(error_of(j).find("either data.unique_tokens or data.epochs"), std::string::npos);
}

// A corpus is named, not given by its path: every corpus field says so, with the import command.
TEST(SpecValidation, CorpusFieldsTakeNamesNotFiles) {
  struct Case {
    json patch;
    std::string error;
  };
  const Case cases[] = {
      {{{"data", {{"corpus", "/data/notes.txt"}}}},
       "data.corpus: \"/data/notes.txt\" is a file; a spec names an imported corpus"},
      {{{"data", {{"corpus", "my notes.jsonl"}}}}, "data.corpus: \"my notes.jsonl\" is a file"},
      {{{"data", {{"corpus", "my notes"}}}}, "data.corpus: \"my notes\" cannot be a corpus name"},
      {{{"data", {{"replay", {{"corpus", "../old.txt"}, {"fraction", 0.1}}}}}},
       "data.replay.corpus: \"../old.txt\" is a file"},
      {{{"data", {{"tokenizer", {{"corpora", {"tiny", "x/y"}}}}}}}, "data.tokenizer.corpora: \"x/y\" is a file"},
      {{{"eval", {{"corpora", {".hidden"}}}}}, "eval.corpora: \".hidden\" cannot be a corpus name"},
      {{{"data", {{"replay", {{"corpus", ""}, {"fraction", 0.1}}}}}}, "data.replay.corpus: \"\" is not a non-empty string"},
  };
  for (const auto& c : cases) {
    auto spec = minimal();
    spec.merge_patch(c.patch);
    EXPECT_NE(error_of(spec).find(c.error), std::string::npos) << c.patch.dump() << ": " << error_of(spec);
  }
  try {
    auto spec = minimal();
    spec["data"]["corpus"] = "/data/notes.txt";
    parse_experiment(spec);
    ADD_FAILURE() << "a path was taken for a corpus name";
  } catch (const SpecError& e) {
    EXPECT_NE(e.fix().find("workbench-cli data import NAME --from /data/notes.txt"), std::string::npos) << e.fix();
  }
  auto named = minimal();
  named["data"]["corpus"] = "brown-1961_v2.0";
  EXPECT_EQ(error_of(named), "no error");
}

TEST(SpecValidation, ChoiceListsAllowedValues) {
  auto j = minimal();
  j["data"]["tokenizer"] = {{"kind", "wordpiece"}};
  auto message = error_of(j);
  EXPECT_NE(message.find("data.tokenizer.kind: \"wordpiece\" is not allowed; allowed: byte, char, bpe"),
            std::string::npos) << message;
}

TEST(SpecValidation, VocabSizeOnlyForBpe) {
  auto j = minimal();
  j["data"]["tokenizer"] = {{"kind", "char"}, {"vocab_size", 512}};
  EXPECT_NE(error_of(j).find("only a \"bpe\" tokenizer takes a vocab_size"), std::string::npos);
}

TEST(SpecValidation, BudgetSmallerThanOneStepIsRejected) {
  auto j = minimal();
  j["training"]["token_budget"] = 100;
  EXPECT_NE(error_of(j).find("less than one optimizer step of 256 tokens"), std::string::npos);
}

TEST(SpecValidation, MissingNameIsRejected) {
  auto j = minimal();
  j.erase("name");
  EXPECT_NE(error_of(j).find("name: missing"), std::string::npos);
}

TEST(SpecValidation, DropoutNumberSetsAllThree) {
  auto j = minimal();
  j["model"]["dropout"] = 0.2;
  auto spec = parse_experiment(j).runs[0].spec;
  EXPECT_DOUBLE_EQ(spec.model.dropout.attn, 0.2);
  EXPECT_DOUBLE_EQ(spec.model.dropout.resid, 0.2);
  EXPECT_DOUBLE_EQ(spec.model.dropout.embd, 0.2);
}

TEST(SpecValidation, JsonRoundTrip) {
  auto spec = parse_experiment(minimal()).runs[0].spec;
  auto again = parse_run_spec(to_json(spec));
  EXPECT_EQ(to_json(again), to_json(spec));
}

TEST(RunPlan, UniqueTokensRoundDownToWholeSequences) {
  auto j = minimal();
  j["data"] = {{"corpus", "tiny"}, {"unique_tokens", 1000}};
  auto plan = plan_run(parse_experiment(j).runs[0].spec);
  EXPECT_EQ(plan.tokens_per_step, 4 * 64);
  EXPECT_EQ(plan.total_steps, 100000 / 256);
  EXPECT_EQ(plan.unique_tokens, 960);  // 15 sequences of 64
  EXPECT_DOUBLE_EQ(plan.epochs, static_cast<double>(plan.train_tokens) / 960.0);
}

// The spec's batch is the global batch: ranks split it, and the plan does not depend on them.
TEST(RunPlan, RanksSplitTheBatch) {
  auto spec = parse_experiment(minimal()).runs[0].spec;
  spec.training.batch_size = 12;
  const struct {
    int world, per_rank;
  } ok[] = {{1, 12}, {2, 6}, {3, 4}, {4, 3}, {12, 1}};
  for (const auto& c : ok) EXPECT_EQ(rank_batch_size(spec.training, c.world), c.per_rank) << c.world;
  for (int world : {5, 8, 24, 0}) EXPECT_THROW(rank_batch_size(spec.training, world), SpecError) << world;
  EXPECT_EQ(plan_run(spec).tokens_per_step, 12 * spec.model.block_size);
}

// What a refused rank count's fix offers instead: every count up to 64 (or the ranks asked for)
// that shares the batch.
TEST(RunPlan, TheRankCountsThatShareABatchAreNamed) {
  const struct {
    int batch;
    const char* counts;
  } cases[] = {{1, "1 rank"},
               {7, "1 or 7 ranks"},
               {12, "1, 2, 3, 4, 6 or 12 ranks"},
               {128, "1, 2, 4, 8, 16, 32 or 64 ranks"}};
  for (const auto& c : cases) EXPECT_EQ(rank_counts_sharing(c.batch), c.counts) << c.batch;
  EXPECT_EQ(rank_counts_sharing(192, 100), "1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64 or 96 ranks");
}

TEST(SpecValidation, CudaGraphsAreRefusedWhereAStepHasNoFixedShape) {
  struct Case {
    const char* arch;
    const char* objective;
    const char* dropout_schedule;
    double dropout;
    const char* refusal_mentions;  // "" : recordable
  } cases[] = {
      {"dense", "causal", "constant", 0.1, ""},
      {"shared", "causal", "constant", 0.0, ""},
      {"dense", "causal", "early", 0.1, ""},
      {"dense", "causal", "dropstage", 0.1, ""},
      {"dense", "causal", "linear", 0.0, ""},  // no rates to change
      {"dense", "causal", "linear", 0.1, "linear dropout schedule"},
      {"moe", "causal", "constant", 0.0, "mixture-of-experts"},
      {"dense", "prefix_lm", "constant", 0.0, "prefix_lm objective"},
      {"dense", "span_corruption", "constant", 0.0, "span_corruption objective"},
      {"dense", "masked_lm", "constant", 0.0, "masked_lm objective"},
      {"shared", "ul2", "constant", 0.0, "ul2 objective"},
  };
  for (const auto& c : cases) {
    auto j = minimal();
    j["model"] = {{"arch", c.arch}, {"dropout", {{"resid", c.dropout}, {"schedule", c.dropout_schedule},
                                                 {"start", 0.2}, {"end", 0.6}}}};
    j["objective"] = {{"kind", c.objective}};
    ModelSpec model = parse_run_spec(j).model;
    ObjectiveSpec objective = parse_run_spec(j).objective;
    const std::string why = cuda_graphs_refusal(model, objective);
    j["training"]["cuda_graphs"] = true;
    if (std::string(c.refusal_mentions).empty()) {
      EXPECT_EQ(why, "") << c.arch << " " << c.objective;
      EXPECT_TRUE(parse_run_spec(j).training.cuda_graphs);
    } else {
      EXPECT_NE(why.find(c.refusal_mentions), std::string::npos) << why;
      EXPECT_NE(error_of(j).find("training.cuda_graphs: " + why), std::string::npos) << error_of(j);
    }
  }
}

TEST(SpecValidation, CudaGraphsAreWrittenOnlyWhenOn) {
  // Specs from before the field keep their JSON (and their checkpoints' fingerprints).
  auto spec = parse_run_spec(minimal());
  EXPECT_FALSE(to_json(spec)["training"].contains("cuda_graphs"));
  spec.training.cuda_graphs = true;
  EXPECT_EQ(to_json(spec)["training"]["cuda_graphs"], true);
  EXPECT_TRUE(parse_run_spec(to_json(spec)).training.cuda_graphs);
}

TEST(Presets, EveryPresetIsAValidExperiment) {
  auto all = presets();
  ASSERT_FALSE(all.empty());
  for (const auto& preset : all) {
    EXPECT_FALSE(preset.description.empty()) << preset.name;
    EXPECT_NO_THROW(parse_experiment(preset.document)) << preset.name;
  }
  EXPECT_TRUE(find_preset("token-crisis-mini").has_value());
  EXPECT_FALSE(find_preset("no-such-preset").has_value());
}

}  // namespace
}  // namespace wb
