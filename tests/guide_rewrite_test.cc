#include "guide_rewrite.h"

#include <gtest/gtest.h>

#include "markdown_reader.h"

namespace guidecheck {
namespace {

ClaimEdit trailing(int line, const std::string& text, const std::string& actual, const std::string& note = "") {
  Claim claim;
  claim.guide_line = claim.last_guide_line = claim.anchor_line = line;
  claim.text = text;
  claim.note = note;
  return {claim, actual};
}

TEST(GuideRewriteTest, TrailingClaimChangesOnlyTheClaimedText) {
  std::string guide = "Intro\nx = [1, 2]\nprint(x) # [1, 3] (a note)\nMore prose.\n";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {trailing(3, "[1, 3]", "[1, 2]", "(a note)")});
  EXPECT_EQ(r.text, "Intro\nx = [1, 2]\nprint(x) # [1, 2] (a note)\nMore prose.\n");
  ASSERT_EQ(r.changed.size(), 1u);
  EXPECT_EQ(r.changed[0], "g.txt:3: '[1, 3]' -> '[1, 2]'");
}

TEST(GuideRewriteTest, BlockClaimBecomesOneCommentLinePerOutputLine) {
  std::string guide = "f()\n# a 1\n# b 2\nNext prose.\n";
  Claim claim;
  claim.form = ClaimForm::kBlock;
  claim.guide_line = 2;
  claim.last_guide_line = 3;
  claim.anchor_line = 1;
  claim.text = "a 1\nb 2";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {{claim, "a     1\nb     3\ndtype: int64"}});
  EXPECT_EQ(r.text, "f()\n# a     1\n# b     3\n# dtype: int64\nNext prose.\n");
}

TEST(GuideRewriteTest, AnOutputBlockBecomesTheOutputLinesAtItsIndentation) {
  std::string guide = "- item\n\n    ```python\n    print(x)\n    ```\n\n    ```\n    #1 old\n    two\n    ```\n";
  Claim claim;
  claim.form = ClaimForm::kOutputBlock;
  claim.guide_line = 8;
  claim.last_guide_line = 9;
  claim.anchor_line = 4;
  claim.text = "#1 old\ntwo";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "#1 new\n\nthree\nfour"}});
  EXPECT_EQ(r.text, "- item\n\n    ```python\n    print(x)\n    ```\n\n    ```\n    #1 new\n\n    three\n    four\n    ```\n");
  ASSERT_EQ(r.changed.size(), 1u);
  EXPECT_EQ(r.changed[0], "g.md:8-9: output block rewritten (4 line(s))");
}

TEST(GuideRewriteTest, OutputInACodeSpanIsRewrittenInTheSpanAlone) {
  const std::string guide = "```python\nprint(2 ** 10)\n```\n\nThis prints `1025` (`2 ** 10`).\n";
  Claim claim;
  claim.form = ClaimForm::kOutputBlock;
  claim.shown_inline = true;
  claim.guide_line = claim.last_guide_line = 5;
  claim.anchor_line = 2;
  claim.text = "1025";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "1024"}});
  EXPECT_EQ(r.text, "```python\nprint(2 ** 10)\n```\n\nThis prints `1024` (`2 ** 10`).\n");
  // Two lines, or a backtick, cannot stand in the span.
  for (const char* actual : {"1\n2", "a`b"}) {
    GuideRewrite refused = rewrite_claims(guide, "g.md", {{claim, actual}});
    EXPECT_EQ(refused.text, guide) << actual;
    ASSERT_EQ(refused.refused.size(), 1u) << actual;
  }
}

TEST(GuideRewriteTest, APlainTableCellIsRewrittenInTheCellAlone) {
  const std::string guide = "| Expression | Result | Notes |\n|---|---|---|\n| `sorted([3, 1, 2])` | [1, 2, 4] | new |\n";
  Claim claim;
  claim.form = ClaimForm::kBlock;
  claim.shown_inline = true;
  claim.guide_line = claim.last_guide_line = claim.anchor_line = 3;
  claim.text = "[1, 2, 4]";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "[1, 2, 3]"}});
  EXPECT_EQ(r.text, "| Expression | Result | Notes |\n|---|---|---|\n| `sorted([3, 1, 2])` | [1, 2, 3] | new |\n");
  GuideRewrite refused = rewrite_claims(guide, "g.md", {{claim, "a|b"}});  // a pipe would end the cell
  EXPECT_EQ(refused.text, guide);
  EXPECT_EQ(refused.refused.size(), 1u);
}

TEST(GuideRewriteTest, OutputDrawnAsATableIsLeftToTheAuthor) {
  const std::string guide = "|   | name |\n|---|------|\n| 0 | Ann  |\n";
  Claim claim;
  claim.form = ClaimForm::kOutputBlock;
  claim.shown_as_table = true;
  claim.guide_line = 1;
  claim.last_guide_line = 3;
  claim.text = "name\n0  Ann";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "  name\n0  Bob"}});
  EXPECT_EQ(r.text, guide);
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0], "g.md:1: cannot rewrite: the output is drawn as a table; redraw it by hand");
}

TEST(GuideRewriteTest, AnOutputBlockWhoseFirstLineIsIndentedKeepsTheBlocksIndentation) {
  std::string guide = "```text\n   Lin!\nab\n```\n";
  Claim claim;
  claim.form = ClaimForm::kOutputBlock;
  claim.guide_line = 2;
  claim.last_guide_line = 3;
  claim.text = "   Lin!\nab";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "   Lin!\nab-cd"}});
  EXPECT_EQ(r.text, "```text\n   Lin!\nab-cd\n```\n");
}

// --write-guide inside MkDocs containers: the claims the reader finds there
// are rewritten at the container's indentation, and read back on the same lines.
TEST(GuideRewriteTest, ClaimsInsideAdmonitionsAndTabsKeepTheirIndentation) {
  const std::string guide =
      "!!! note\n"                        // 1
      "    ```pycon\n"                    // 2
      "    >>> import json\n"             // 3
      "    >>> json.loads('{\"1\": 1}')\n"  // 4
      "    {1: 1}\n"                      // 5
      "    ```\n"                         // 6
      "\n"                                // 7
      "=== \"pad\"\n"                     // 8
      "\n"                                // 9
      "    ```python\n"                   // 10
      "    print('  x')\n"                // 11
      "    print('y')  # z\n"             // 12
      "    ```\n"                         // 13
      "\n"                                // 14
      "    ```text\n"                     // 15
      "      x\n"                         // 16
      "    z\n"                           // 17
      "    ```\n";                        // 18
  ReadOptions options;
  options.filename = "g.md";
  const Extraction before = read_markdown_guide(guide, options);
  ASSERT_EQ(before.samples.size(), 2u);
  ASSERT_EQ(before.samples[0].claims.size(), 1u);
  ASSERT_EQ(before.samples[1].claims.size(), 2u);
  const Claim& echo = before.samples[0].claims[0];
  const Claim& trailing_claim = before.samples[1].claims[0];
  const Claim& block = before.samples[1].claims[1];
  EXPECT_EQ(echo.guide_line, 5);
  EXPECT_EQ(trailing_claim.guide_line, 12);
  EXPECT_EQ(block.guide_line, 16);
  EXPECT_EQ(block.text, "  x\nz");

  const GuideRewrite r = rewrite_claims(
      guide, "g.md", {{echo, "{'1': 1}"}, {trailing_claim, "y"}, {block, "  x\ny"}});
  EXPECT_TRUE(r.refused.empty());
  const std::string expected =
      "!!! note\n"
      "    ```pycon\n"
      "    >>> import json\n"
      "    >>> json.loads('{\"1\": 1}')\n"
      "    {'1': 1}\n"
      "    ```\n"
      "\n"
      "=== \"pad\"\n"
      "\n"
      "    ```python\n"
      "    print('  x')\n"
      "    print('y')  # y\n"
      "    ```\n"
      "\n"
      "    ```text\n"
      "      x\n"
      "    y\n"
      "    ```\n";
  EXPECT_EQ(r.text, expected);

  const Extraction after = read_markdown_guide(r.text, options);
  ASSERT_EQ(after.samples.size(), 2u);
  ASSERT_EQ(after.samples[0].claims.size(), 1u);
  EXPECT_EQ(after.samples[0].claims[0].guide_line, 5);
  EXPECT_EQ(after.samples[0].claims[0].text, "{'1': 1}");
  ASSERT_EQ(after.samples[1].claims.size(), 2u);
  EXPECT_EQ(after.samples[1].claims[1].guide_line, 16);
  EXPECT_EQ(after.samples[1].claims[0].text, "y");
  EXPECT_EQ(after.samples[1].claims[1].text, "  x\ny");
}

TEST(GuideRewriteTest, OutputInAPreIsWrittenEscapedOnItsOwnLines) {
  const std::string guide =
      "```python\n"                               // 1
      "print(type(1))\n"                          // 2
      "print('a & b')\n"                          // 3
      "```\n"                                     // 4
      "\n"                                        // 5
      "<details><summary>Show output</summary>\n"  // 6
      "<pre>\n"                                   // 7
      "&lt;class 'float'&gt;\n"                  // 8
      "a &amp;amp; b\n"                           // 9
      "</pre>\n"                                  // 10
      "</details>\n";                             // 11
  ReadOptions options;
  options.filename = "g.md";
  const Extraction before = read_markdown_guide(guide, options);
  ASSERT_EQ(before.samples.size(), 1u);
  ASSERT_EQ(before.samples[0].claims.size(), 1u);
  const Claim& claim = before.samples[0].claims[0];
  ASSERT_EQ(claim.guide_line, 8);
  ASSERT_EQ(claim.text, "<class 'float'>\na &amp; b");

  const std::string actual = "<class 'int'>\na & b\n<done>";
  const GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, actual}});
  EXPECT_TRUE(r.refused.empty());
  EXPECT_EQ(r.text,
            "```python\nprint(type(1))\nprint('a & b')\n```\n\n<details><summary>Show output</summary>\n<pre>\n"
            "&lt;class 'int'&gt;\na &amp; b\n&lt;done&gt;\n</pre>\n</details>\n");
  ASSERT_EQ(r.changed.size(), 1u);
  EXPECT_EQ(r.changed[0], "g.md:8-9: output block rewritten as HTML (3 line(s))");

  // Read again, the page claims what was printed, on its exact lines.
  const Extraction after = read_markdown_guide(r.text, options);
  ASSERT_EQ(after.samples.size(), 1u);
  ASSERT_EQ(after.samples[0].claims.size(), 1u);
  EXPECT_EQ(after.samples[0].claims[0].guide_line, 8);
  EXPECT_EQ(after.samples[0].claims[0].last_guide_line, 10);
  EXPECT_EQ(after.samples[0].claims[0].text, actual);
}

TEST(GuideRewriteTest, OutputInAPreSharingLinesWithTagsIsRefused) {
  for (const char* pre : {"<pre>8080</pre>\n", "<pre><code>8080\n</code></pre>\n", "<pre>\n<b>8080</b>\n</pre>\n"}) {
    const std::string guide = std::string("```python\nprint(8081)\n```\n\nOutput:\n\n") + pre;
    ReadOptions options;
    options.filename = "g.md";
    const Extraction before = read_markdown_guide(guide, options);
    ASSERT_EQ(before.samples.size(), 1u) << pre;
    ASSERT_EQ(before.samples[0].claims.size(), 1u) << pre;
    const Claim& claim = before.samples[0].claims[0];
    EXPECT_EQ(claim.text, "8080") << pre;
    EXPECT_TRUE(claim.shown_as_html) << pre;
    const GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "8081"}});
    EXPECT_EQ(r.text, guide) << pre;
    ASSERT_EQ(r.refused.size(), 1u) << pre;
    EXPECT_NE(r.refused[0].find("cannot rewrite: the output shares its lines with HTML tags"), std::string::npos)
        << r.refused[0];
  }
}

TEST(GuideRewriteTest, OutputInAPreIsRefusedWhenItsLinesChangedOrAnEmptyLineWouldEndTheBlock) {
  const std::string guide = "<pre>\n1\n2\n</pre>\n";
  Claim claim;
  claim.form = ClaimForm::kOutputBlock;
  claim.shown_as_html = true;
  claim.guide_line = 2;
  claim.last_guide_line = 3;
  claim.text = "1\n3";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "4"}});
  EXPECT_EQ(r.text, guide);
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0], "g.md:2: cannot rewrite: the claimed text is no longer on these lines");

  claim.text = "1\n2";
  r = rewrite_claims(guide, "g.md", {{claim, "1\n\n2"}});
  EXPECT_EQ(r.text, guide);
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_NE(r.refused[0].find("empty line"), std::string::npos);
}

TEST(GuideRewriteTest, AReplEchoKeepsItsPlainLinesAndShowsEmptyOnesAsBlankline) {
  std::string guide = ">>> print('a\\n\\nb')\nx\n>>> 1\n1\n";
  Claim claim;
  claim.form = ClaimForm::kBlock;
  claim.guide_line = claim.last_guide_line = 2;
  claim.anchor_line = 1;
  claim.text = "x";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "a\n\nb"}});
  EXPECT_EQ(r.text, ">>> print('a\\n\\nb')\na\n<BLANKLINE>\nb\n>>> 1\n1\n");
}

TEST(GuideRewriteTest, AnIPythonValueKeepsItsOutPrompt) {
  std::string guide = "In [2]: sorted(nums)\nOut[2]: [2, 5, 8]\n";
  Claim claim;
  claim.form = ClaimForm::kBlock;
  claim.guide_line = claim.last_guide_line = 2;
  claim.anchor_line = 1;
  claim.text = "[2, 5, 8]";
  GuideRewrite r = rewrite_claims(guide, "g.md", {{claim, "[2, 5, 9]"}});
  EXPECT_EQ(r.text, "In [2]: sorted(nums)\nOut[2]: [2, 5, 9]\n");
}

TEST(GuideRewriteTest, AMarkedBlockStaysMarked) {
  std::string guide = "print(x)\n#> [1, 2]\n#>\n#> end\nNext prose.\n";
  Claim claim;
  claim.form = ClaimForm::kBlock;
  claim.guide_line = 2;
  claim.last_guide_line = 4;
  claim.anchor_line = 1;
  claim.text = "[1, 2]\n\nend";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {{claim, "[1, 3]\n\nend"}});
  EXPECT_EQ(r.text, "print(x)\n#> [1, 3]\n#>\n#> end\nNext prose.\n");
}

TEST(GuideRewriteTest, ALabelStaysOnTheFirstLineAndTheRestLinesUpUnderIt) {
  std::string guide = "print(a); print(b)\n# Output: 1\n#         2\nNext prose.\n";
  Claim claim;
  claim.form = ClaimForm::kOutputBlock;
  claim.guide_line = 2;
  claim.last_guide_line = 3;
  claim.anchor_line = 1;
  claim.text = "1\n2";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {{claim, "1\n3\n5"}});
  EXPECT_EQ(r.text, "print(a); print(b)\n# Output: 1\n#         3\n#         5\nNext prose.\n");
}

TEST(GuideRewriteTest, OutputShownAsPlainLinesStaysPlain) {
  std::string guide = "print(m.group(0))\nprint(sub)\nOutput:\nOrder 66\na#b#\nNote that...\nx = 1\nOutput: 4\n";
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 4;
  block.last_guide_line = 5;
  block.anchor_line = 2;
  block.text = "Order 66\na#b#";
  Claim labelled = block;
  labelled.guide_line = labelled.last_guide_line = 8;
  labelled.anchor_line = 7;
  labelled.text = "4";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {{block, "Order 66\na#b##"}, {labelled, "5"}});
  EXPECT_EQ(r.text, "print(m.group(0))\nprint(sub)\nOutput:\nOrder 66\na#b##\nNote that...\nx = 1\nOutput: 5\n");
}

TEST(GuideRewriteTest, ErrorClaimKeepsTheCommentedOutCode) {
  std::string guide = "# x[0] = 1 # TypeError: nope\n";
  Claim claim;
  claim.kind = ClaimKind::kError;
  claim.guide_line = claim.last_guide_line = claim.anchor_line = 1;
  claim.statement = "x[0] = 1";
  claim.text = "TypeError: nope";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {{claim, "TypeError: 'str' object does not support item assignment"}});
  EXPECT_EQ(r.text, "# x[0] = 1 # TypeError: 'str' object does not support item assignment\n");
}

TEST(GuideRewriteTest, CrlfAndAMissingFinalNewlineAreKept) {
  std::string guide = "print(1) # 2\r\nend";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {trailing(1, "2", "1")});
  EXPECT_EQ(r.text, "print(1) # 1\r\nend");
}

TEST(GuideRewriteTest, RefusesWhatTheStyleCannotHold) {
  std::string guide = "print(a) # 1\nprint(b) # 2\n";
  GuideRewrite r = rewrite_claims(guide, "g.txt", {trailing(1, "1", "x\ny"), trailing(2, "9", "3")});
  EXPECT_EQ(r.text, guide);
  ASSERT_EQ(r.refused.size(), 2u);
  EXPECT_EQ(r.refused[0], "g.txt:1: cannot rewrite: the output spans 2 lines; a trailing comment holds one");
  EXPECT_EQ(r.refused[1], "g.txt:2: cannot rewrite: the claimed text is no longer on this line");
}

TEST(GuideRewriteTest, ATableCellChangesOnlyItsCodeSpan) {
  const std::string guide =
      "| call | prints |\n"
      "|---|---|\n"
      "| `len(xs)` | `3` |\n"
      "| `max(3, 30)` | ` 3 ` |\n"   // the call's span holds the claimed text too: the output's is the last
      "| `xs[0]` | `1` |\n"
      "| `xs` | `[1]` |\n";
  auto cell = [](int line, const std::string& text, const std::string& actual) {
    ClaimEdit edit = trailing(line, text, actual);
    edit.claim.anchor_line = 1;
    edit.claim.shown_inline = true;
    return edit;
  };
  GuideRewrite r = rewrite_claims(guide, "g.md",
                                  {cell(3, "3", "4"), cell(4, "3", "30"), cell(5, "1", "a|b"), cell(6, "[1]", "1\n2")});
  EXPECT_EQ(r.text,
            "| call | prints |\n|---|---|\n| `len(xs)` | `4` |\n| `max(3, 30)` | ` 30 ` |\n| `xs[0]` | `1` |\n"
            "| `xs` | `[1]` |\n");
  EXPECT_EQ(r.changed, (std::vector<std::string>{"g.md:3: '3' -> '4'", "g.md:4: '3' -> '30'"}));
  ASSERT_EQ(r.refused.size(), 2u);
  EXPECT_EQ(r.refused[0].rfind("g.md:5: cannot rewrite: the output is empty or holds a backquote or a pipe", 0), 0u);
  EXPECT_EQ(r.refused[1], "g.md:6: cannot rewrite: the output spans 2 lines; text shown inline holds one");
}

TEST(GuideRewriteTest, NoEditsNoChange) {
  std::string guide = "a\r\nb\nc";
  EXPECT_EQ(rewrite_claims(guide, "g.txt", {}).text, guide);
}

}  // namespace
}  // namespace guidecheck
