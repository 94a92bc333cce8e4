// The experiment outcome table: degradation against the least-repeated run, CSV quoting.
#include <gtest/gtest.h>

#include <cmath>

#include "cli/csv.hpp"
#include "cli/summary_table.hpp"

namespace wb {
namespace {

TEST(SummaryTable, DegradationAgainstFewestEpochs) {
  std::vector<RunOutcome> runs(4);
  for (auto& r : runs) r.evaluated = true;
  runs[3].evaluated = false, runs[3].epochs = 0.5;  // queued: neither reference nor compared
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

TEST(Csv, QuotesFieldsWithCommasAndQuotes) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace
}  // namespace wb
