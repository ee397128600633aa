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

// MkDocs containers (mkdocs_containers.h): the fences inside are read on
// their own guide lines, the titles become headings.
TEST(MarkdownBlocksTest, FencesInsideAdmonitionsAndTabsAreRead) {
  const std::string text =
      "!!! note\n"                   // 1
      "    Keys become strings:\n"   // 2
      "\n"                           // 3
      "    ```pycon\n"               // 4
      "    >>> json.loads('{}')\n"   // 5
      "    {}\n"                     // 6
      "    ```\n"                    // 7
      "\n"                           // 8
      "=== \"zip\"\n"                // 9
      "\n"                           // 10
      "    ```python\n"              // 11
      "    for a in 'ab':\n"         // 12
      "        print(a)\n"           // 13
      "    ```\n"                    // 14
      "\n"                           // 15
      "    Output\n"                 // 16
      "\n"                           // 17
      "    ```text\n"                // 18
      "    a\n"                      // 19
      "      b\n"                    // 20
      "    ```\n"                    // 21
      "\n"                           // 22
      "After.\n";                    // 23
  const auto blocks = read_markdown_blocks(text);
  ASSERT_EQ(blocks.size(), 8u);
  EXPECT_EQ(blocks[0].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(blocks[0].line, 1);
  EXPECT_EQ(blocks[0].text, "note");
  EXPECT_EQ(blocks[1].kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(blocks[1].line, 2);
  EXPECT_EQ(blocks[1].text, "Keys become strings:");
  EXPECT_EQ(blocks[2].kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(blocks[2].info, "pycon");
  EXPECT_EQ(blocks[2].line, 5);
  EXPECT_EQ(blocks[2].lines, (Lines{">>> json.loads('{}')", "{}"}));
  EXPECT_EQ(blocks[3].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(blocks[3].line, 9);
  EXPECT_EQ(blocks[3].text, "zip");
  EXPECT_EQ(blocks[4].info, "python");
  EXPECT_EQ(blocks[4].line, 12);
  EXPECT_EQ(blocks[4].lines, (Lines{"for a in 'ab':", "    print(a)"}));
  EXPECT_EQ(blocks[5].text, "Output");
  EXPECT_EQ(blocks[5].line, 16);
  EXPECT_EQ(blocks[6].info, "text");
  EXPECT_EQ(blocks[6].line, 19);
  EXPECT_EQ(blocks[6].lines, (Lines{"a", "  b"}));
  EXPECT_EQ(blocks[7].text, "After.");
  EXPECT_EQ(blocks[7].line, 23);
}

TEST(MarkdownBlocksTest, ContainersNest) {
  const std::string text =
      "???+ example \"Outer\"\n"       // 1
      "    === \"Inner\"\n"            // 2
      "\n"                             // 3
      "        ```python\n"            // 4
      "        x = 1\n"                // 5
      "        ```\n"                  // 6
      "\n"                             // 7
      "    Back in the outer one.\n";  // 8
  const auto blocks = read_markdown_blocks(text);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].text, "Outer");
  EXPECT_EQ(blocks[1].text, "Inner");
  EXPECT_EQ(blocks[1].line, 2);
  EXPECT_EQ(blocks[2].line, 5);
  EXPECT_EQ(blocks[2].lines, (Lines{"x = 1"}));
  EXPECT_EQ(blocks[3].kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(blocks[3].line, 8);
}

TEST(MarkdownBlocksTest, ContainersOneAfterAnotherWithoutABlankLine) {
  const auto blocks = read_markdown_blocks("=== \"a\"\n    one\n=== \"b\"\n    two\n");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].text, "a");
  EXPECT_EQ(blocks[1].text, "one");
  EXPECT_EQ(blocks[2].text, "b");
  EXPECT_EQ(blocks[2].line, 3);
  EXPECT_EQ(blocks[3].text, "two");
  EXPECT_EQ(blocks[3].line, 4);
}

TEST(MarkdownBlocksTest, AContainerEndsAtALessIndentedLine) {
  // The body's unclosed fence ends with the body; the paragraph after the
  // container is not part of it, nor of the body's last paragraph.
  const std::string text =
      "!!! warning\n"      // 1
      "    ```python\n"    // 2
      "    x = 1\n"        // 3
      "Not code.\n"        // 4
      "\n"                 // 5
      "??? tip\n"          // 6
      "    Inside.\n"      // 7
      "Outside.\n";        // 8
  const auto blocks = read_markdown_blocks(text);
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[1].kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(blocks[1].lines, (Lines{"x = 1"}));
  EXPECT_EQ(blocks[2].kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(blocks[2].line, 4);
  EXPECT_EQ(blocks[2].text, "Not code.");
  EXPECT_EQ(blocks[3].text, "tip");
  EXPECT_EQ(blocks[4].text, "Inside.");
  EXPECT_EQ(blocks[5].text, "Outside.");
  EXPECT_EQ(blocks[5].line, 8);
}

TEST(MarkdownBlocksTest, OnlyAParagraphOfItsOwnOpensAContainer) {
  // After a paragraph line, in a fence, indented, or in a list, an opener is
  // text, and the indented lines under it are what CommonMark says.
  const auto after_paragraph = read_markdown_blocks("Some text\n!!! note\n    more\n");
  ASSERT_EQ(after_paragraph.size(), 1u);
  EXPECT_EQ(after_paragraph[0].kind, MarkdownBlockKind::kParagraph);

  const auto fenced = code_blocks("```markdown\n!!! note\n    ```python\n    x = 1\n    ```\n```\n");
  ASSERT_EQ(fenced.size(), 1u);
  EXPECT_EQ(fenced[0].info, "markdown");
  EXPECT_EQ(fenced[0].lines, (Lines{"!!! note", "    ```python", "    x = 1", "    ```"}));

  const auto indented = code_blocks("Para\n\n    !!! note\n        x = 1\n");
  ASSERT_EQ(indented.size(), 1u);
  EXPECT_EQ(indented[0].line, 3);
  EXPECT_EQ(indented[0].lines, (Lines{"!!! note", "    x = 1"}));

  const auto listed = code_blocks("- !!! note\n\n      x = 1\n");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].line, 3);
  EXPECT_EQ(listed[0].lines, (Lines{"x = 1"}));
}

TEST(MarkdownBlocksTest, AnIndentedBlockUnderNoOpenerStaysCode) {
  const auto blocks = code_blocks("A paragraph.\n\n    ```python\n    x = 1\n    ```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].info, "");
  EXPECT_EQ(blocks[0].line, 3);
  EXPECT_EQ(blocks[0].lines, (Lines{"```python", "x = 1", "```"}));
}

// Raw HTML (markdown_html.h): a summary is a heading, a `<pre>` a code
// block, on the guide's lines wherever the HTML block sits.
TEST(MarkdownBlocksTest, HtmlBlocksGiveTheirSummaryAndPre) {
  const std::string text =
      "Intro\n"                                   // 1
      "\n"                                        // 2
      "- item\n"                                  // 3
      "\n"                                        // 4
      "  <details><summary>Output</summary>\n"    // 5
      "  <pre>\n"                                 // 6
      "  1 &lt; 2\n"                              // 7
      "  </pre>\n"                                // 8
      "  </details>\n"                            // 9
      "\n"                                        // 10
      "> <pre>x</pre>\n"                          // 11
      "\n"                                        // 12
      "<p align=\"center\">logo</p>\n";           // 13
  const std::vector<MarkdownBlock> blocks = read_markdown_blocks(text);
  ASSERT_EQ(blocks.size(), 7u);  // with the paragraphs "Intro" and "item"
  EXPECT_EQ(blocks[2].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(blocks[2].line, 5);
  EXPECT_EQ(blocks[2].text, "Output");
  EXPECT_EQ(blocks[3].kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(blocks[3].line, 7);
  EXPECT_EQ(blocks[3].lines, (Lines{"1 < 2"}));
  EXPECT_TRUE(blocks[3].html_text);
  EXPECT_EQ(blocks[4].kind, MarkdownBlockKind::kOther);  // </details>
  EXPECT_EQ(blocks[4].line, 9);
  EXPECT_EQ(blocks[5].kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(blocks[5].line, 11);
  EXPECT_EQ(blocks[5].lines, (Lines{"x"}));
  EXPECT_EQ(blocks[6].kind, MarkdownBlockKind::kOther);
  EXPECT_EQ(blocks[6].line, 13);
}

TEST(MarkdownBlocksTest, AnHtmlBlockCutByABlankLineIsReadWholeAndTheRestAsBefore) {
  const std::string text =
      "<details>\n"                  // 1
      "<summary>Output</summary>\n"  // 2
      "```\n"                        // 3
      "a\n"                          // 4
      "\n"                           // 5
      "b\n"                          // 6
      "```\n"                        // 7
      "</details>\n"                 // 8
      "\n"                           // 9
      "Next *part*.\n";              // 10
  const std::vector<MarkdownBlock> blocks = read_markdown_blocks(text);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].text, "Output");
  EXPECT_EQ(blocks[1].kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(blocks[1].line, 4);
  EXPECT_EQ(blocks[1].lines, (Lines{"a", "", "b"}));
  EXPECT_TRUE(blocks[1].in_html);
  EXPECT_EQ(blocks[2].kind, MarkdownBlockKind::kOther);
  EXPECT_EQ(blocks[2].line, 8);
  EXPECT_EQ(blocks[3].kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(blocks[3].text, "Next part.");
}

TEST(MarkdownBlocksTest, AQuoteOfParagraphsIsABlockOfItsLines) {
  const auto blocks = read_markdown_blocks(
      "> ratio = 6\n"          // 1
      ">\n"                    // 2
      "> [1, 2]\n"             // 3
      "lazy line\n"            // 4: continues the quote's paragraph
      "\n"                     // 5
      "> - a list item\n");    // 6: a quote holding a list is read as usual
  ASSERT_GE(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, MarkdownBlockKind::kCode);
  EXPECT_TRUE(blocks[0].quoted);
  EXPECT_EQ(blocks[0].line, 1);
  EXPECT_EQ(blocks[0].lines, (Lines{"ratio = 6", "", "[1, 2]", "lazy line"}));
  EXPECT_FALSE(blocks[1].quoted);
  EXPECT_EQ(blocks[1].kind, MarkdownBlockKind::kParagraph);
}

}  // namespace
}  // namespace guidecheck
