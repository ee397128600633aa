#include "markdown_blocks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

std::vector<MarkdownBlock> code_blocks(const std::string& text) {
  std::vector<MarkdownBlock> out;
  for (MarkdownBlock& block : read_markdown_blocks(text))
    if (block.kind == MarkdownBlockKind::kCode) out.push_back(std::move(block));
  return out;
}

TEST(MarkdownBlocksTest, BacktickFenceContentStartsAfterTheFence) {
  const auto blocks = code_blocks("# Title\n\n```python\nx = 1\n\n  y = 2\n```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].info, "python");
  EXPECT_EQ(blocks[0].line, 4);
  EXPECT_EQ(blocks[0].lines, (Lines{"x = 1", "", "  y = 2"}));
}

TEST(MarkdownBlocksTest, TildeFenceKeepsItsInfoAndLines) {
  const auto blocks = code_blocks("text\n\n~~~ py  extra\nprint('```')\n~~~\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].info, "py  extra");
  EXPECT_EQ(blocks[0].line, 4);
  EXPECT_EQ(blocks[0].lines, (Lines{"print('```')"}));
}

TEST(MarkdownBlocksTest, UntaggedFenceStartsAfterTheFence) {
  const auto blocks = code_blocks("```\n\n\nx\n```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 2);
  EXPECT_EQ(blocks[0].lines, (Lines{"", "", "x"}));
}

TEST(MarkdownBlocksTest, IndentedBlockStartsOnItsFirstLine) {
  const auto blocks = code_blocks("Para\n\n    x = 1\n\n    if x:\n        y = 2\n\n\nafter\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].info, "");
  EXPECT_EQ(blocks[0].line, 3);
  EXPECT_EQ(blocks[0].lines, (Lines{"x = 1", "", "if x:", "    y = 2"}));
}

TEST(MarkdownBlocksTest, IndentedBlockThatShowsAFence) {
  const auto blocks = code_blocks("Para\n\n    ```\n    code\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 3);
  EXPECT_EQ(blocks[0].lines, (Lines{"```", "code"}));
}

TEST(MarkdownBlocksTest, FenceInsideListItemLosesTheItemsIndentation) {
  const auto blocks = code_blocks("1. Step one\n\n   ```python\n   def f():\n       return 1\n   ```\n- next\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 4);
  EXPECT_EQ(blocks[0].lines, (Lines{"def f():", "    return 1"}));
}

TEST(MarkdownBlocksTest, FenceOnTheListMarkersLine) {
  const auto blocks = code_blocks("- ```python\n  x = 1\n  ```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 2);
  EXPECT_EQ(blocks[0].lines, (Lines{"x = 1"}));
}

TEST(MarkdownBlocksTest, FenceInsideBlockQuote) {
  const auto blocks = code_blocks("> quote\n>\n> ```\n> quoted\n> ```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 4);
  EXPECT_EQ(blocks[0].lines, (Lines{"quoted"}));
}

TEST(MarkdownBlocksTest, CrlfAndLoneCrEndLines) {
  const auto crlf = code_blocks("# T\r\n\r\n```python\r\nx = 1\r\ny\r\n```\r\n\r\n    ind\r\n");
  ASSERT_EQ(crlf.size(), 2u);
  EXPECT_EQ(crlf[0].line, 4);
  EXPECT_EQ(crlf[0].lines, (Lines{"x = 1", "y"}));
  EXPECT_EQ(crlf[1].line, 8);
  EXPECT_EQ(crlf[1].lines, (Lines{"ind"}));
  const auto cr = code_blocks("a\rb\r\r```python\rx\r```\r");
  ASSERT_EQ(cr.size(), 1u);
  EXPECT_EQ(cr[0].line, 5);
  EXPECT_EQ(cr[0].lines, (Lines{"x"}));
}

TEST(MarkdownBlocksTest, UnclosedFenceRunsToTheEnd) {
  const auto blocks = code_blocks("para\n\n```python\nx = 1\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 4);
  EXPECT_EQ(blocks[0].lines, (Lines{"x = 1"}));
}

TEST(MarkdownBlocksTest, EmptyFence) {
  const auto blocks = code_blocks("```python\n```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 2);
  EXPECT_TRUE(blocks[0].lines.empty());
}

TEST(MarkdownBlocksTest, ParagraphsAndHeadingsGiveTheirPlainText) {
  const auto blocks = read_markdown_blocks("## The `for` loop\n\n**Output:**\n\nOne\ntwo\n\n---\n");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(blocks[0].text, "The for loop");
  EXPECT_EQ(blocks[1].kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(blocks[1].line, 3);
  EXPECT_EQ(blocks[1].text, "Output:");
  EXPECT_EQ(blocks[2].text, "One two");
  EXPECT_EQ(blocks[3].kind, MarkdownBlockKind::kOther);
  EXPECT_EQ(blocks[3].line, 8);
}

TEST(MarkdownBlocksTest, NulAndInvalidUtf8BecomeReplacementCharacters) {
  const auto blocks = code_blocks(std::string("```\n\0y\xff\n```\n", 12));
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 2);
  EXPECT_EQ(blocks[0].lines, (Lines{"\xEF\xBF\xBDy\xEF\xBF\xBD"}));
}

}  // namespace
}  // namespace guidecheck
