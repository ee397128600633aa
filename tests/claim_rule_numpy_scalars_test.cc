// NumPy 2's scalar reprs claim the bare values NumPy 1 prints.
#include "claim_rule_numpy_scalars.h"

#include <gtest/gtest.h>

#include "claim_compare.h"

namespace guidecheck {
namespace {

TEST(ClaimRuleNumpyScalarsTest, ScalarReprsBecomeTheirValues) {
  EXPECT_EQ(without_numpy2_scalar_reprs("np.int64(6)"), "6");
  EXPECT_EQ(without_numpy2_scalar_reprs("(np.float64(2.5), np.True_, np.str_('a'))"), "(2.5, True, 'a')");
  EXPECT_EQ(without_numpy2_scalar_reprs("[np.uint8(255), np.float32(nan)]"), "[255, nan]");
  EXPECT_EQ(without_numpy2_scalar_reprs("np.array([1, 2])"), std::nullopt);  // no scalar
  EXPECT_EQ(without_numpy2_scalar_reprs("6"), std::nullopt);
}

TEST(ClaimRuleNumpyScalarsTest, TheValueMustStillAgree) {
  ClaimComparison same = compare_claim("np.float64(0.3333)", "0.3333333333333333", false);
  EXPECT_EQ(same.verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(same.rule, "numpy2-scalars+fewer-digits");
  EXPECT_EQ(compare_claim("np.int64(8)", "7", false).verdict, ClaimVerdict::kMismatch);
}

}  // namespace
}  // namespace guidecheck
