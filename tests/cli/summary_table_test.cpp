// The experiment outcome table: degradation against the least-repeated run, CSV quoting.
#include <gtest/gtest.h>

#include <cmath>

#include "cli/csv.hpp"
#include "cli/summary_table.hpp"

namespace wb {
namespace {

TEST(SummaryTable, DegradationAgainstFewestEpochs) {
  std::vector<RunOutcome> runs(4);
  for (auto& r : runs) r.evaluated = true, r.status = "finished";
  runs[3].evaluated = false, runs[3].epochs = 0.5, runs[3].status = "queued";  // neither reference nor compared
  runs[0].epochs = 16, runs[0].final_val_loss = 2.4;
  runs[1].epochs = 1, runs[1].final_val_loss = 2.0;
  runs[2].epochs = 4, runs[2].final_val_loss = 2.1;
  auto d = degradation_percent(runs);
  EXPECT_NEAR(d[0], 20.0, 1e-9);
  EXPECT_NEAR(d[1], 0.0, 1e-9);
  EXPECT_NEAR(d[2], 5.0, 1e-9);
  EXPECT_TRUE(std::isnan(d[3]));
  auto table = format_summary_table(runs);
  EXPECT_NE(table.find("+20.00%"), std::string::npos) << table;
  EXPECT_EQ(summary_json(runs)[0]["degradation_percent"], d[0]);
  EXPECT_TRUE(summary_json(runs)[3]["final_val_loss"].is_null());
}

TEST(SummaryTable, EachGroupAgainstItsOwnBaseline) {
  // Two objectives, each with a 1- and a 16-epoch run: each is compared with its own 1-epoch run.
  const auto spec = [](const char* objective, double epochs, std::int64_t budget) {
    return nlohmann::json{{"name", "x"}, {"objective", {{"kind", objective}}},
                          {"data", {{"corpus", "brown"}, {"epochs", epochs}}}, {"training", {{"token_budget", budget}}}};
  };
  std::vector<RunOutcome> runs(4);
  const char* objectives[] = {"causal", "causal", "ul2", "ul2"};
  const double epochs[] = {1, 16, 1, 16};
  const double losses[] = {2.0, 2.2, 3.0, 3.6};
  for (int i = 0; i < 4; ++i) {
    runs[i].evaluated = true;
    runs[i].status = "finished";
    runs[i].epochs = epochs[i];
    runs[i].final_val_loss = losses[i];
    runs[i].group = repetition_group(spec(objectives[i], epochs[i], 1000));
  }
  EXPECT_EQ(runs[0].group, runs[1].group);  // R is not part of the group, the budget is
  EXPECT_NE(repetition_group(spec("causal", 1, 1000)), repetition_group(spec("causal", 1, 2000)));
  EXPECT_NE(runs[0].group, runs[2].group);
  const auto d = degradation_percent(runs);
  EXPECT_NEAR(d[1], 10.0, 1e-9);
  EXPECT_NEAR(d[3], 20.0, 1e-9);
  runs[3].group = "alone";
  EXPECT_TRUE(std::isnan(degradation_percent(runs)[3]));  // no baseline of its own
}

TEST(Csv, QuotesFieldsWithCommasAndQuotes) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace
}  // namespace wb
