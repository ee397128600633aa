// docutils finds the blocks; every line number must be the guide's own,
// nested blocks included, whatever the input.
#include "rst_blocks.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace guidecheck {
namespace {

std::string guide(std::initializer_list<std::string_view> lines) {
  std::string text;
  for (std::string_view line : lines) text.append(line).append("\n");
  return text;
}

TEST(RstBlocksTest, DirectivesGiveTheLinesOfTheirContentAndTheirArguments) {
  RstBlocks result = read_rst_blocks(guide({
      ".. code-block:: Python",  // 1
      "   :linenos:",            // 2
      "   :caption: A caption",  // 3
      "",                        // 4
      "   x = 1",                // 5
      "",                        // 6
      "   y = 2",                // 7
      "",                        // 8
      ".. testcode:: group1",    // 9
      "   :hide:",               // 10
      "",                        // 11
      "   print(1)",             // 12
      "",                        // 13
      ".. highlight:: none",     // 14
  }));
  ASSERT_TRUE(result.error.empty()) << result.error;
  ASSERT_EQ(result.blocks.size(), 3u);
  const RstBlock& code = result.blocks[0];
  EXPECT_EQ(code.kind, RstBlockKind::kCode);
  EXPECT_EQ(code.language, "python");
  EXPECT_EQ(code.first_line, 5);
  EXPECT_EQ(code.line_count, 3);
  EXPECT_EQ(code.previous, -1);
  const RstBlock& testcode = result.blocks[1];
  EXPECT_EQ(testcode.kind, RstBlockKind::kTestCode);
  EXPECT_EQ(testcode.group, "group1");
  EXPECT_EQ(testcode.first_line, 12);
  EXPECT_EQ(testcode.line_count, 1);
  EXPECT_EQ(testcode.previous, 0);
  EXPECT_FALSE(testcode.introduced);
  EXPECT_EQ(result.blocks[2].kind, RstBlockKind::kHighlight);
  EXPECT_EQ(result.blocks[2].language, "none");
}

TEST(RstBlocksTest, LiteralAndDoctestBlocksStandOnTheirExactLinesAtAnyDepth) {
  RstBlocks result = read_rst_blocks(guide({
      "Intro::",                   // 1
      "",                          // 2
      "    a = 1",                 // 3
      "",                          // 4
      "    b = 2",                 // 5
      "",                          // 6
      "- item",                    // 7
      "",                          // 8
      "  >>> 1 + 1",               // 9
      "  2",                       // 10
      "",                          // 11
      "  .. note::",               // 12
      "",                          // 13
      "     Quoted::",             // 14
      "",                          // 15
      "         c = 3",            // 16
      "",                          // 17
      "   Block quote.",           // 18
      "",                          // 19
      "   >>> 'x'",                // 20
      "   'x'",                    // 21
  }));
  ASSERT_EQ(result.blocks.size(), 4u);
  EXPECT_EQ(result.blocks[0].kind, RstBlockKind::kLiteral);
  EXPECT_EQ(result.blocks[0].first_line, 3);
  EXPECT_EQ(result.blocks[0].line_count, 3);
  EXPECT_EQ(result.blocks[1].kind, RstBlockKind::kDoctest);
  EXPECT_EQ(result.blocks[1].first_line, 9);
  EXPECT_EQ(result.blocks[1].line_count, 2);
  EXPECT_EQ(result.blocks[2].kind, RstBlockKind::kLiteral);
  EXPECT_EQ(result.blocks[2].first_line, 16);
  EXPECT_EQ(result.blocks[2].line_count, 1);
  EXPECT_EQ(result.blocks[3].kind, RstBlockKind::kDoctest);
  EXPECT_EQ(result.blocks[3].first_line, 20);
  EXPECT_EQ(result.blocks[3].line_count, 2);
}

TEST(RstBlocksTest, PreviousAndIntroSayWhatABlockFollows) {
  RstBlocks result = read_rst_blocks(guide({
      "::",                      // 1
      "",                        // 2
      "    print(1)",            // 3
      "",                        // 4
      ".. a comment",            // 5
      "",                        // 6
      "**Output:**",             // 7
      "",                        // 8
      ".. code-block:: text",    // 9
      "",                        // 10
      "   1",                    // 11
      "",                        // 12
      "One paragraph.",          // 13
      "",                        // 14
      "Two paragraphs::",        // 15
      "",                        // 16
      "    x",                   // 17
  }));
  ASSERT_EQ(result.blocks.size(), 4u);
  // The comment is unseen: the output block still follows the code.
  EXPECT_EQ(result.blocks[1].kind, RstBlockKind::kComment);
  EXPECT_EQ(result.blocks[2].previous, 0);
  EXPECT_TRUE(result.blocks[2].introduced);
  EXPECT_EQ(result.blocks[2].intro, "Output:");
  // Two paragraphs after a block: it follows none, and the last one leads into it.
  EXPECT_EQ(result.blocks[3].previous, -1);
  EXPECT_TRUE(result.blocks[3].introduced);
  EXPECT_EQ(result.blocks[3].intro, "Two paragraphs:");
}

// The page's first block follows no block; the paragraph before it, however
// long, still leads into it by its end ("save the listing below as x.py").
TEST(RstBlocksTest, TheFirstBlockIsIntroducedByTheEndOfTheParagraphBeforeIt) {
  const std::string long_lead_in = std::string(400, 'w') + " Save it as ``shapes.py``:";
  RstBlocks result = read_rst_blocks(guide({"Title", "=====", "", long_lead_in, "", ".. code-block:: python", "",
                                            "   x = 1"}));
  ASSERT_EQ(result.blocks.size(), 1u);
  EXPECT_EQ(result.blocks[0].previous, -1);
  EXPECT_TRUE(result.blocks[0].introduced);
  EXPECT_EQ(result.blocks[0].intro.size(), 300u);
  EXPECT_TRUE(result.blocks[0].intro.ends_with("Save it as shapes.py:"));
}

TEST(RstBlocksTest, ValuesAndReprsAreTold) {
  RstBlocks result = read_rst_blocks(guide({
      "::",                                 // 1
      "",                                   // 2
      "    [1, 2]",                         // 3
      "    {'a': -1.5}",                    // 4
      "",                                   // 5
      "::",                                 // 6
      "",                                   // 7
      "    Point(x=1, y=datetime.date(1, 2, 3))",  // 8
      "",                                   // 9
      "::",                                 // 10
      "",                                   // 11
      "    print(1)",                       // 12
      "",                                   // 13
      "::",                                 // 14
      "",                                   // 15
      "    x = 1",                          // 16
  }));
  ASSERT_EQ(result.blocks.size(), 4u);
  EXPECT_TRUE(result.blocks[0].values_only);
  EXPECT_TRUE(result.blocks[0].reprs_only);
  EXPECT_FALSE(result.blocks[1].values_only);
  EXPECT_TRUE(result.blocks[1].reprs_only);
  EXPECT_FALSE(result.blocks[2].reprs_only);
  EXPECT_FALSE(result.blocks[3].reprs_only);
}

TEST(RstBlocksTest, CommentsAndOpaqueDirectivesHideTheirContent) {
  RstBlocks result = read_rst_blocks(guide({
      "..",                        // 1
      "   A comment::",            // 2
      "",                          // 3
      "      x = 1",               // 4
      "",                          // 5
      ".. parsed-literal::",       // 6
      "",                          // 7
      "   y = 2",                  // 8
      "",                          // 9
      ".. ipython:: python",       // 10
      "   :verbatim:",             // 11: shown as typed, never run
      "",                          // 12
      "   In [1]: x = 1",          // 13
      "",                          // 14
      ".. include:: /etc/passwd",  // 15
  }));
  EXPECT_TRUE(result.error.empty()) << result.error;
  // Only the comment, as a comment: nothing in it or in the others is code.
  // Its text starts after its `..` line, where no marker is: unplaced.
  ASSERT_EQ(result.blocks.size(), 1u);
  EXPECT_EQ(result.blocks[0].kind, RstBlockKind::kComment);
  EXPECT_EQ(result.blocks[0].first_line, 0);
}

// A comment is placed on its `..` line, its text unindented, for the
// markers of doc-testing tools (Sybil's `.. skip: next`, invisible code).
TEST(RstBlocksTest, ACommentKeepsItsLineAndText) {
  RstBlocks result = read_rst_blocks(guide({
      "Intro.",                             // 1
      "",                                   // 2
      ".. invisible-code-block: python",    // 3
      "",                                   // 4
      "    rows = [1, 2]",                  // 5
      "",                                   // 6
      ".. skip: next",                      // 7
      "",                                   // 8
      ".. code-block:: python",             // 9
      "",                                   // 10
      "   print(rows)",                     // 11
  }));
  ASSERT_EQ(result.blocks.size(), 3u);
  EXPECT_EQ(result.blocks[0].kind, RstBlockKind::kComment);
  EXPECT_EQ(result.blocks[0].first_line, 3);
  EXPECT_EQ(result.blocks[0].line_count, 3);
  EXPECT_EQ(result.blocks[0].comment, "invisible-code-block: python\n\nrows = [1, 2]");
  EXPECT_EQ(result.blocks[1].first_line, 7);
  EXPECT_EQ(result.blocks[1].comment, "skip: next");
  EXPECT_EQ(result.blocks[2].kind, RstBlockKind::kCode);
  EXPECT_EQ(result.blocks[2].first_line, 11);
}

TEST(RstBlocksTest, IPythonsDirectiveIsCodeInIPythonsLanguage) {
  RstBlocks result = read_rst_blocks(guide({
      ".. ipython:: python",       // 1
      "",                          // 2
      "   x = [3, 1]",             // 3
      "",                          // 4
      ".. ipython::",              // 5
      "",                          // 6
      "   @doctest",               // 7
      "   In [1]: sorted(x)",      // 8
      "   Out[1]: [1, 3]",         // 9
  }));
  ASSERT_EQ(result.blocks.size(), 2u) << result.error;
  EXPECT_EQ(result.blocks[0].kind, RstBlockKind::kCode);
  EXPECT_EQ(result.blocks[0].language, "ipython");
  EXPECT_EQ(result.blocks[0].first_line, 3);
  EXPECT_EQ(result.blocks[1].language, "ipython");
  EXPECT_EQ(result.blocks[1].first_line, 7);
}

TEST(RstBlocksTest, ABlockInATableCellIsUnplaced) {
  RstBlocks result = read_rst_blocks(guide({
      "+-----------------+-----+",  // 1
      "| Code::          | b   |",  // 2
      "|                 |     |",  // 3
      "|     x = 1       |     |",  // 4
      "+-----------------+-----+",  // 5
  }));
  ASSERT_EQ(result.blocks.size(), 1u);
  EXPECT_EQ(result.blocks[0].kind, RstBlockKind::kUnplaced);
  EXPECT_EQ(result.blocks[0].first_line, 4);
}

TEST(RstBlocksTest, OtherLineBreaksAndBadBytesKeepTheLineNumbers) {
  // Python's splitlines() breaks at \v, \f, \x1c, U+0085, U+2028...; the
  // guide's lines end at '\n' only.
  RstBlocks result = read_rst_blocks(
      "A\x0b b\x0c c\x1c\xc2\x85\xe2\x80\xa8 \xff\r\n\r\nCode::\r\n\r\n\tx = 1\x00\r\n");
  ASSERT_EQ(result.blocks.size(), 1u);
  EXPECT_EQ(result.blocks[0].first_line, 5);
  EXPECT_EQ(result.blocks[0].line_count, 1);
}

TEST(RstBlocksTest, MalformedInputNeverCrashes) {
  const std::vector<std::string> inputs = {
      "",
      "\n\n\n",
      std::string("\0\0\0::\n\n   \0x = 1\n", 17),
      "\xff\xfe\x80 invalid utf-8 ::\n\n    y = '\xff'\n",
      ".. code-block:: python",
      ".. code-block:: python\n   :linenos:",
      ".. code-block::\n\n",
      ".. testoutput::\n\n   orphan\n",
      ".. doctest::\n\n   no prompt here\n",
      "::\n",
      "Para::\n\nnot indented\n",
      "+---+\n| a |\n+--\n",
      ".. |sub| code-block:: python\n\n   x = 1\n",
      ".. raw:: html\n   :file: /etc/passwd\n",
      ".. code-block:: python\n   :unknown-option: [\n\n   x = 1\n",
      "Title\n===\n\n==\nTitle\n",
      "- a\n\n  - b\n\n     - c::\n\n         d = 1\n",
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    RstBlocks result = read_rst_blocks(input);
    EXPECT_TRUE(result.error.empty()) << result.error;
    for (const RstBlock& block : result.blocks) {
      EXPECT_GE(block.first_line, 0);
      EXPECT_GE(block.line_count, 0);
    }
  }
  std::string binary;
  for (int k = 0; k < 20000; ++k) binary += static_cast<char>((k * 7919) % 256);
  EXPECT_TRUE(read_rst_blocks(binary).error.empty());
}

TEST(RstBlocksTest, NestingDeeperThanDocutilsAllowsIsAnErrorNotACrash) {
  std::string deep;
  for (int k = 0; k < 1500; ++k) deep += std::string(static_cast<std::size_t>(2 * k), ' ') + "- x\n";
  RstBlocks result = read_rst_blocks(deep);
  EXPECT_TRUE(result.blocks.empty());
  EXPECT_EQ(result.error.rfind("RecursionError", 0), 0u) << result.error;
}

}  // namespace
}  // namespace guidecheck
