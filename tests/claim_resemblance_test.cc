#include "claim_resemblance.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ClaimResemblanceTest, StaleOutputResemblesThePrintedLines) {
  // A word added in the code since, a comma missing from a tuple's repr.
  EXPECT_TRUE(resembles_printed_lines("Making a 16-inch pizza with:\n- pepperoni",
                                      "Making a 16-inch thin-crust pizza with:\n- pepperoni"));
  EXPECT_TRUE(resembles_printed_lines("('basil')\n('mushrooms', 'olives')", "('basil',)\n('mushrooms', 'olives')"));
  EXPECT_TRUE(resembles_printed_lines("a   b\n\nc d", "a b\nc e"));  // blanks collapsed, blank lines dropped
}

TEST(ClaimResemblanceTest, OtherTextDoesNot) {
  // Other lines altogether: the input the page shows, a file's contents.
  EXPECT_FALSE(resembles_printed_lines("name,qty\napples,3\npears,5", "Total: 8\nMost: pears"));
  // Not one line the same, or not as many lines.
  EXPECT_FALSE(resembles_printed_lines("x = 1\ny = 2", "x = 3\ny = 4"));
  EXPECT_FALSE(resembles_printed_lines("a b\nc d", "a b\nc d\ne f"));
  EXPECT_FALSE(resembles_printed_lines("", ""));
  // Half the words changed is no small edit.
  EXPECT_FALSE(resembles_printed_lines("same\nthe quick brown fox jumps", "same\nthe slow red dog jumps"));
}

}  // namespace
}  // namespace guidecheck
