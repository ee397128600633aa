#include "markdown_html.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

HtmlBlockParts read_all(const Lines& lines, int first_line = 1) {
  return read_html_block(lines, 0, lines.size(), first_line);
}

TEST(MarkdownHtmlTest, SummaryIsAHeadingAndPreIsItsShownText) {
  const HtmlBlockParts parts = read_all(
      {"<details><summary>Show <b>output</b></summary>", "<pre>", "1 &lt; 2", "<code>[&#39;a&#39;]</code>", "</pre>",
       "</details>"},
      10);
  ASSERT_EQ(parts.blocks.size(), 3u);
  EXPECT_EQ(parts.blocks[0].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(parts.blocks[0].line, 10);
  EXPECT_EQ(parts.blocks[0].text, "Show output");
  const MarkdownBlock& pre = parts.blocks[1];
  EXPECT_EQ(pre.kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(pre.line, 12);  // the line after `<pre>`
  EXPECT_EQ(pre.lines, (Lines{"1 < 2", "['a']"}));
  EXPECT_EQ(pre.info, "");
  EXPECT_TRUE(pre.in_html);
  EXPECT_TRUE(pre.html_text);
  // `</details>` ends what came before, as the HTML block did.
  EXPECT_EQ(parts.blocks[2].kind, MarkdownBlockKind::kOther);
  EXPECT_EQ(parts.blocks[2].line, 15);
  EXPECT_EQ(parts.end, 6u);
}

TEST(MarkdownHtmlTest, PreTextOnTheTagsLines) {
  const HtmlBlockParts one = read_all({"<pre>8080</pre>"});
  ASSERT_EQ(one.blocks.size(), 1u);
  EXPECT_EQ(one.blocks[0].line, 1);
  EXPECT_EQ(one.blocks[0].lines, (Lines{"8080"}));

  const HtmlBlockParts two = read_all({"<pre><code class=\"language-text\">a", "b</code></pre>"});
  ASSERT_EQ(two.blocks.size(), 1u);
  EXPECT_EQ(two.blocks[0].info, "text");
  EXPECT_EQ(two.blocks[0].line, 1);
  EXPECT_EQ(two.blocks[0].lines, (Lines{"a", "b"}));
}

TEST(MarkdownHtmlTest, PreNamesItsLanguage) {
  EXPECT_EQ(read_all({"<pre lang=\"python\">", "x", "</pre>"}).blocks.at(0).info, "python");
  EXPECT_EQ(read_all({"<PRE class='highlight lang-py'>", "x", "</PRE>"}).blocks.at(0).info, "py");
  const HtmlBlockParts code = read_all({"<pre>", "<code class=\"language-console\">x", "</code></pre>"});
  ASSERT_EQ(code.blocks.size(), 1u);
  EXPECT_EQ(code.blocks[0].info, "console");
  EXPECT_EQ(code.blocks[0].line, 2);
  EXPECT_EQ(code.blocks[0].lines, (Lines{"x"}));
}

TEST(MarkdownHtmlTest, FenceInsideTheHtmlIsACodeBlockAsWritten) {
  const HtmlBlockParts parts =
      read_all({"<details>", "<summary>Output</summary>", "  ```text", "  a &lt; b", "    c", "  ```", "</details>"}, 5);
  ASSERT_EQ(parts.blocks.size(), 3u);
  EXPECT_EQ(parts.blocks[0].text, "Output");
  EXPECT_EQ(parts.blocks[0].line, 6);
  const MarkdownBlock& fence = parts.blocks[1];
  EXPECT_EQ(fence.kind, MarkdownBlockKind::kCode);
  EXPECT_EQ(fence.info, "text");
  EXPECT_EQ(fence.line, 8);
  EXPECT_EQ(fence.lines, (Lines{"a &lt; b", "  c"}));
  EXPECT_TRUE(fence.in_html);
  EXPECT_FALSE(fence.html_text);
  EXPECT_EQ(parts.blocks[2].kind, MarkdownBlockKind::kOther);
}

TEST(MarkdownHtmlTest, DetailsAloneIsOnlyAWrapper) {
  EXPECT_TRUE(read_all({"<details>"}).blocks.empty());
  EXPECT_TRUE(read_all({"<details open>", "  <summary>Solution</summary>"}).blocks.at(0).kind ==
              MarkdownBlockKind::kHeading);
}

TEST(MarkdownHtmlTest, OtherHtmlIsOneOtherBlock) {
  const HtmlBlockParts parts = read_all({"<p align=\"center\">", "  <img src=\"x.png\">", "  some text", "</p>"}, 3);
  ASSERT_EQ(parts.blocks.size(), 1u);
  EXPECT_EQ(parts.blocks[0].kind, MarkdownBlockKind::kOther);
  EXPECT_EQ(parts.blocks[0].line, 3);
}

TEST(MarkdownHtmlTest, UnclosedSummaryIsItsLine) {
  const HtmlBlockParts parts = read_all({"<details><summary>Output", "<pre>", "1", "</pre>"});
  ASSERT_EQ(parts.blocks.size(), 2u);
  EXPECT_EQ(parts.blocks[0].text, "Output");
  EXPECT_EQ(parts.blocks[1].lines, (Lines{"1"}));
}

TEST(MarkdownHtmlTest, PreCutShortByABlankLineReadsOnToItsClose) {
  // CommonMark ends a `<details>` HTML block at the blank line.
  const Lines lines = {"<details><summary>Output</summary>", "<pre>", "a", "", "b", "</pre>", "</details>", "", "Next"};
  const HtmlBlockParts parts = read_html_block(lines, 0, 3, 1);
  ASSERT_EQ(parts.blocks.size(), 2u);
  EXPECT_EQ(parts.blocks[1].lines, (Lines{"a", "", "b"}));
  EXPECT_EQ(parts.blocks[1].line, 3);
  EXPECT_EQ(parts.end, 6u);  // through `</pre>`; `</details>` is CommonMark's again
}

TEST(MarkdownHtmlTest, FenceCutShortReadsOnToItsClose) {
  const Lines lines = {"<details>", "<summary>Output</summary>", "```", "a", "", "b", "```", "</details>"};
  const HtmlBlockParts parts = read_html_block(lines, 0, 4, 1);
  ASSERT_EQ(parts.blocks.size(), 2u);
  EXPECT_EQ(parts.blocks[1].lines, (Lines{"a", "", "b"}));
  EXPECT_EQ(parts.end, 7u);
}

TEST(MarkdownHtmlTest, NothingCloseReadsNothingOnPastTheBlock) {
  const Lines lines = {"<div>", "```", "a", "", "b", "</div>", "", "More"};
  const HtmlBlockParts fence = read_html_block(lines, 0, 3, 1);
  ASSERT_EQ(fence.blocks.size(), 2u);
  EXPECT_EQ(fence.blocks[1].lines, (Lines{"a"}));
  EXPECT_EQ(fence.end, 3u);

  const Lines pre_lines = {"<details><summary>Output</summary><pre>", "a", "", "b"};
  const HtmlBlockParts pre = read_html_block(pre_lines, 0, 2, 1);
  ASSERT_EQ(pre.blocks.size(), 2u);
  EXPECT_EQ(pre.blocks[1].lines, (Lines{"a"}));
  EXPECT_EQ(pre.end, 2u);
}

TEST(MarkdownHtmlTest, CommentsAndScriptsHideWhatTheyHold) {
  const HtmlBlockParts comment =
      read_all({"<!-- old output:", "```", "if 2 > 1: x", "", "<pre>1</pre>", "-->", "<summary>Output</summary>"});
  ASSERT_EQ(comment.blocks.size(), 2u);
  EXPECT_EQ(comment.blocks[0].kind, MarkdownBlockKind::kOther);
  EXPECT_EQ(comment.blocks[1].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(comment.blocks[1].line, 7);
  const HtmlBlockParts script = read_all({"<script>", "let a = '<pre>x</pre>';", "</SCRIPT>"});
  ASSERT_EQ(script.blocks.size(), 1u);
  EXPECT_EQ(script.blocks[0].kind, MarkdownBlockKind::kOther);
}

}  // namespace
}  // namespace guidecheck
