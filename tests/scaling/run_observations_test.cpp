// Finished runs of the store as fit observations: N from the trainer's "started" record (or the
// spec and a vocabulary), D from the chosen evaluation, U from the run's plan; runs that cannot
// count are skipped with a reason.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "scaling/run_observations.hpp"
#include "spec/run_spec.hpp"

namespace wb::scaling {
namespace {

std::string run_spec_json(std::int64_t budget, double epochs) {
  RunSpec spec;
  spec.name = "probe";
  spec.training.token_budget = budget;
  spec.data.epochs = epochs;
  spec.data.unique_tokens.reset();
  return to_json(spec).dump();
}

std::int64_t add_run(RunStore& store, std::int64_t experiment, const std::string& name, std::int64_t budget,
                     double epochs, const std::vector<double>& val_losses, std::optional<std::int64_t> params) {
  const auto id = store.create_run(experiment, name, run_spec_json(budget, epochs), {});
  if (params) store.append_event(id, {0, 0, "started", R"({"parameters": )" + std::to_string(*params) + "}", 0.0});
  std::vector<MetricRow> rows;
  for (std::size_t i = 0; i < val_losses.size(); ++i) {
    const auto step = static_cast<std::int64_t>(i + 1) * 10;
    rows.push_back({step, step * 1000, 0.0, "eval/val_loss", val_losses[i], 0.0});
  }
  store.append_metrics(id, rows);
  store.set_run_status(id, "finished");
  return id;
}

TEST(RunObservations, FinalOrBestLossWithItsTokens) {
  test::TempDir dir;
  auto store = RunStore::open(dir / "runs.db");
  const auto experiment = store.create_experiment("e", "{}");
  add_run(store, experiment, "e/a", 30720, 4.0, {3.0, 2.5, 2.7}, 800000);
  const auto runs = store.runs(experiment);

  const auto final_loss = observations_from_runs(store, runs, {});
  ASSERT_EQ(final_loss.observations.size(), 1u);
  const auto& o = final_loss.observations[0];
  EXPECT_EQ(o.label, "e/a");
  EXPECT_DOUBLE_EQ(o.params, 800000.0);
  EXPECT_DOUBLE_EQ(o.tokens, 30000.0);  // the last evaluation's tokens
  EXPECT_DOUBLE_EQ(o.loss, 2.7);
  EXPECT_DOUBLE_EQ(o.unique_tokens, 7680.0) << "30720 tokens / 4 epochs, whole 64-token sequences";

  ObservationOptions best;
  best.best = true;
  const auto best_loss = observations_from_runs(store, runs, best);
  EXPECT_DOUBLE_EQ(best_loss.observations[0].loss, 2.5);
  EXPECT_DOUBLE_EQ(best_loss.observations[0].tokens, 20000.0);
}

TEST(RunObservations, UnfinishedAndUnevaluatedRunsAreSkippedWithAReason) {
  test::TempDir dir;
  auto store = RunStore::open(dir / "runs.db");
  const auto experiment = store.create_experiment("e", "{}");
  add_run(store, experiment, "e/done", 30720, 1.0, {2.0}, 1000);
  add_run(store, experiment, "e/silent", 30720, 1.0, {}, 1000);
  store.create_run(experiment, "e/queued", run_spec_json(30720, 1.0), {});
  const auto got = observations_from_runs(store, store.runs(experiment), {});
  ASSERT_EQ(got.observations.size(), 1u);
  ASSERT_EQ(got.skipped.size(), 2u);
  EXPECT_EQ(got.skipped[0].name, "e/silent");
  EXPECT_EQ(got.skipped[0].reason, "no eval/val_loss metric");
  EXPECT_EQ(got.skipped[1].reason, "queued");
}

TEST(RunObservations, OldRunsNeedAVocabularyToCountParameters) {
  test::TempDir dir;
  auto store = RunStore::open(dir / "runs.db");
  const auto experiment = store.create_experiment("e", "{}");
  add_run(store, experiment, "e/old", 30720, 1.0, {2.0}, std::nullopt);
  try {
    observations_from_runs(store, store.runs(experiment), {});
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("e/old"), std::string::npos) << e.what();
    EXPECT_NE(e.fix().find("--vocab"), std::string::npos) << e.fix();
  }
  ObservationOptions with_vocab;
  with_vocab.vocab = 87;
  const auto got = observations_from_runs(store, store.runs(experiment), with_vocab);
  ASSERT_EQ(got.observations.size(), 1u);
  // The default model: 4 layers of 12 n_embd^2 + 87 x 128 token and 64 x 128 position embeddings.
  EXPECT_GT(got.observations[0].params, 790000.0);
  EXPECT_LT(got.observations[0].params, 830000.0);
}

}  // namespace
}  // namespace wb::scaling
