// A set's printed order is its hash order: a claimed set with the same
// elements in another order is the same value. A dict's order is not.
#include "claim_rule_set_order.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ClaimRuleSetOrderTest, SetsAreOrderedElementByElement) {
  EXPECT_EQ(with_sets_in_order("{'cherry', 'apple', 'banana'}"), "{'apple', 'banana', 'cherry'}");
  EXPECT_EQ(with_sets_in_order("Unique: {3,1, 2} and {'b', 'a'}"), "Unique: {1, 2, 3} and {'a', 'b'}");
  // Commas and braces inside quotes are text; nested sets are ordered too.
  EXPECT_EQ(with_sets_in_order("{'b,c', 'a}'}"), "{'a}', 'b,c'}");
  EXPECT_EQ(with_sets_in_order("frozenset({frozenset({2, 1}), 0})"), "frozenset({0, frozenset({1, 2})})");
  // A dict keeps its order; the sets inside it are ordered.
  EXPECT_EQ(with_sets_in_order("{'b': {2, 1}, 'a': 1}"), "{'b': {1, 2}, 'a': 1}");
  // What does not close is left as it is.
  EXPECT_EQ(with_sets_in_order("{'a', 'b'"), "{'a', 'b'");
}

TEST(ClaimRuleSetOrderTest, TheSameElementsInAnotherOrderAreEquivalent) {
  std::optional<ClaimComparison> same =
      compare_set_orders("{'cherry', 'apple', 'banana'}", "{'apple', 'banana', 'cherry'}");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(same->rule, "set-order");
  EXPECT_TRUE(compare_set_orders("{'l', 'h'}\n{1, 2}", "{'h', 'l'}\n{2, 1}"));
}

TEST(ClaimRuleSetOrderTest, OtherElementsOrADictsOrderAreNot) {
  EXPECT_FALSE(compare_set_orders("{'apple', 'kiwi'}", "{'apple', 'banana'}"));
  EXPECT_FALSE(compare_set_orders("{'a', 'b'}", "{'a', 'b', 'c'}"));
  EXPECT_FALSE(compare_set_orders("{'b': 2, 'a': 1}", "{'a': 1, 'b': 2}"));
  EXPECT_FALSE(compare_set_orders("[3, 1, 2]", "[1, 2, 3]"));
}

}  // namespace
}  // namespace guidecheck
