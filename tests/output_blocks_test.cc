#include "output_blocks.h"

#include <gtest/gtest.h>

#include <string>

namespace guidecheck {
namespace {

FollowingBlock block(FenceRole role) {
  FollowingBlock b;
  b.role = role;
  b.compiles = true;
  return b;
}

TEST(OutputBlocksTest, OutputTaggedBlocksAreOutput) {
  EXPECT_TRUE(is_output_block(block(FenceRole::kOutput), false));
  FollowingBlock transcript = block(FenceRole::kOutput);
  transcript.shell_command = true;
  EXPECT_FALSE(is_output_block(transcript, true));
  FollowingBlock empty = block(FenceRole::kOutput);
  empty.empty = true;
  EXPECT_FALSE(is_output_block(empty, true));
}

TEST(OutputBlocksTest, UntaggedBlocks) {
  FollowingBlock text = block(FenceRole::kUntagged);
  text.compiles = false;
  EXPECT_TRUE(is_output_block(text, false));

  FollowingBlock values = block(FenceRole::kUntagged);
  values.shows_values_only = true;
  EXPECT_TRUE(is_output_block(values, true));
  EXPECT_FALSE(is_output_block(values, false));  // the sample prints nothing
  values.calls_guide_function = true;
  EXPECT_FALSE(is_output_block(values, true));

  FollowingBlock code = block(FenceRole::kUntagged);
  EXPECT_FALSE(is_output_block(code, true));
  code.labelled = true;
  EXPECT_TRUE(is_output_block(code, false));
}

// After a paragraph that only leads into it: text or values, when the
// sample prints (the claim is then judged only when it agrees, or when it
// is the printed lines but for a word); never code.
TEST(OutputBlocksTest, AfterALeadInParagraph) {
  FollowingBlock values = block(FenceRole::kUntagged);
  values.introduced = true;
  values.shows_values_only = true;
  EXPECT_TRUE(is_output_block(values, true));
  EXPECT_FALSE(is_output_block(values, false));
  FollowingBlock code = block(FenceRole::kUntagged);
  code.introduced = true;
  EXPECT_FALSE(is_output_block(code, true));
  code.compiles = false;
  EXPECT_TRUE(is_output_block(code, true));
}

TEST(OutputBlocksTest, PythonTaggedBlocksOnlyWhenLabelledAndNotCode) {
  FollowingBlock values = block(FenceRole::kPython);
  values.shows_values_only = true;
  EXPECT_FALSE(is_output_block(values, true));
  values.labelled = true;
  EXPECT_TRUE(is_output_block(values, true));
  FollowingBlock code = block(FenceRole::kPython);
  code.labelled = true;
  EXPECT_FALSE(is_output_block(code, true));
  EXPECT_FALSE(is_output_block(block(FenceRole::kOther), true));
  EXPECT_FALSE(is_output_block(block(FenceRole::kSession), true));
}

}  // namespace
}  // namespace guidecheck
