// Quantities as papers write them: "70B", "1.4T", "5.76e23" in, "8.00B", "205B" out.
#include <gtest/gtest.h>

#include <stdexcept>

#include "scaling/quantity.hpp"

namespace wb::scaling {
namespace {

TEST(Quantity, ParsesSuffixesAndScientificNotation) {
  const struct {
    const char* text;
    double value;
  } cases[] = {{"400M", 4e8},  {"70B", 7e10},   {"1.4T", 1.4e12}, {"20k", 2e4},     {"20K", 2e4},
               {"6.8e9", 6.8e9}, {"5.76e23", 5.76e23}, {"250000", 2.5e5}, {"2G", 2e9}, {"1p", 1e15}, {"1.5b", 1.5e9}};
  for (const auto& c : cases) EXPECT_DOUBLE_EQ(parse_quantity(c.text), c.value) << c.text;
}

TEST(Quantity, RejectsWhatIsNotAPositiveNumber) {
  for (const char* bad : {"", "B", "70X", "70BB", "-5M", "0", "nan", "1e999", "7 0B"}) {
    try {
      parse_quantity(bad);
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("1.4T"), std::string::npos) << "shows accepted forms: " << e.what();
    }
  }
}

TEST(Quantity, FormatsThreeSignificantDigitsWithASuffix) {
  const struct {
    double value;
    const char* text;
  } cases[] = {{8.0e9, "8.00B"}, {205.1e9, "205B"}, {1.4e12, "1.40T"}, {25e3, "25.0k"}, {999.0, "999"},
               {999.9e6, "1.00B"}, {4e8, "400M"}, {0.5, "0.5"}};
  for (const auto& c : cases) EXPECT_EQ(format_quantity(c.value), c.text) << c.value;
  EXPECT_EQ(format_flops(1.92e19), "1.92e+19");
}

}  // namespace
}  // namespace wb::scaling
