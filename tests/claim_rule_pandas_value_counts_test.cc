// pandas 2's value_counts() claims the counts pandas 1 prints.
#include "claim_rule_pandas_value_counts.h"

#include <gtest/gtest.h>

#include "claim_compare.h"

namespace guidecheck {
namespace {

TEST(ClaimRulePandasValueCountsTest, FooterAndIndexNameBecomePandas1s) {
  EXPECT_EQ(as_pandas1_value_counts("fruit\napple     3\nkiwi      1\nName: count, dtype: int64",
                                    "apple     3\nkiwi      1\nName: fruit, dtype: int64"),
            "apple     3\nkiwi      1\nName: fruit, dtype: int64");
  // A DataFrame's counts have no name in pandas 1; its header line stays.
  EXPECT_EQ(as_pandas1_value_counts("x  y\n1  a    2\nName: count, dtype: int64", "x  y\n1  a    2\ndtype: int64"),
            "x  y\n1  a    2\ndtype: int64");
}

TEST(ClaimRulePandasValueCountsTest, OnlyValueCountsOfTheSameDtype) {
  EXPECT_EQ(as_pandas1_value_counts("apple 3\nName: fruit, dtype: int64", "apple 3\nName: fruit, dtype: int64"),
            std::nullopt);
  EXPECT_EQ(as_pandas1_value_counts("apple 3\nName: count, dtype: int64", "apple 3.0\nName: fruit, dtype: float64"),
            std::nullopt);
  EXPECT_EQ(as_pandas1_value_counts("apple 3\nName: count, dtype: int64", "apple 3"), std::nullopt);
}

TEST(ClaimRulePandasValueCountsTest, SeriesBySeriesAndTheCountsMustAgree) {
  const std::string printed =
      "a    2\nb    1\nName: fruit, dtype: int64\na    0.67\nb    0.33\nName: fruit, dtype: float64";
  ClaimComparison same = compare_claim(
      "fruit\na    2\nb    1\nName: count, dtype: int64\nfruit\na    0.67\nb    0.33\nName: proportion, dtype: float64",
      printed, false);
  EXPECT_EQ(same.verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(same.rule, "pandas2-value-counts");
  EXPECT_EQ(compare_claim("fruit\na    3\nb    1\nName: count, dtype: int64\nfruit\na    0.67\nb    0.33\n"
                          "Name: proportion, dtype: float64",
                          printed, false)
                .verdict,
            ClaimVerdict::kMismatch);
}

}  // namespace
}  // namespace guidecheck
