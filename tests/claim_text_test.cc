#include "claim_text.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace guidecheck {
namespace {

TEST(ClaimTextTest, SplitLinesKeepsEveryLineButNoNewline) {
  using Lines = std::vector<std::string_view>;
  EXPECT_EQ(split_lines(""), (Lines{""}));
  EXPECT_EQ(split_lines("a"), (Lines{"a"}));
  EXPECT_EQ(split_lines("a\n"), (Lines{"a", ""}));
  EXPECT_EQ(split_lines("a\n\nb"), (Lines{"a", "", "b"}));
}

}  // namespace
}  // namespace guidecheck
