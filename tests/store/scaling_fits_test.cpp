// The scaling_fits table: save, list, find, replace by name, read-only refusal.
#include <gtest/gtest.h>

#include "common/temp_dir.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

FitRow sample_fit(const std::string& name, const std::string& alpha) {
  FitRow fit;
  fit.name = name;
  fit.law = "chinchilla";
  fit.parameters_json = R"([{"name":"alpha","value":)" + alpha + "}]";
  fit.observations_json = R"([{"label":"run-a","loss":2.5}])";
  fit.source = "experiment 1 token-crisis-mini, final validation loss";
  return fit;
}

TEST(ScalingFits, SaveFindAndList) {
  test::TempDir dir;
  auto store = RunStore::open(dir / "runs.db");
  EXPECT_EQ(store.find_fit("mine"), std::nullopt);
  const auto id = store.save_fit(sample_fit("mine", "0.34"));
  const auto found = store.find_fit("mine");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->law, "chinchilla");
  EXPECT_EQ(found->parameters_json, R"([{"name":"alpha","value":0.34}])");
  EXPECT_EQ(found->source, "experiment 1 token-crisis-mini, final validation loss");
  EXPECT_EQ(found->created_at.size(), 24u) << found->created_at;  // 2024-05-01T12:34:56.789Z
  store.save_fit(sample_fit("other", "0.30"));
  const auto all = store.fits();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "mine");
  EXPECT_EQ(all[1].name, "other");
}

TEST(ScalingFits, SavingUnderATakenNameReplacesTheFit) {
  test::TempDir dir;
  auto store = RunStore::open(dir / "runs.db");
  store.save_fit(sample_fit("mine", "0.34"));
  store.save_fit(sample_fit("mine", "0.40"));
  ASSERT_EQ(store.fits().size(), 1u);
  EXPECT_EQ(store.find_fit("mine")->parameters_json, R"([{"name":"alpha","value":0.40}])");
}

TEST(ScalingFits, ReadOnlyStoreReadsButDoesNotWrite) {
  test::TempDir dir;
  RunStore::open(dir / "runs.db").save_fit(sample_fit("mine", "0.34"));
  auto reader = RunStore::open(dir / "runs.db", RunStore::Mode::kReadOnly);
  EXPECT_TRUE(reader.find_fit("mine"));
  EXPECT_THROW(reader.save_fit(sample_fit("new", "0.1")), StoreError);
}

}  // namespace
}  // namespace wb
