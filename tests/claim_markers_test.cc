#include "claim_markers.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ClaimMarkersTest, ChevronMarksOutput) {
  auto marked = marked_output("> [1, 2]");
  ASSERT_TRUE(marked);
  EXPECT_EQ(marked->text, "[1, 2]");
  EXPECT_EQ(marked->marker->name, "pytest-examples #>");
  EXPECT_EQ(marked->marker->written_prefix, "> ");
}

TEST(ClaimMarkersTest, ChevronKeepsIndentationAfterItsOneSpace) {
  EXPECT_EQ(marked_output(">    a  b  ")->text, "   a  b");
  EXPECT_EQ(marked_output(">")->text, "");
}

TEST(ClaimMarkersTest, OrdinaryCommentsAreNotMarked) {
  EXPECT_FALSE(marked_output(" [1, 2]"));
  EXPECT_FALSE(marked_output(" > a quotation"));
  EXPECT_FALSE(marked_output(">> nested quote"));
  EXPECT_FALSE(marked_output(""));
}

}  // namespace
}  // namespace guidecheck
