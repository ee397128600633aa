#include "repl_session.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

// The block's lines, as a reader hands them over (fences and the block's
// own indentation removed).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(ReplSessionTest, RecognisesASessionByItsFirstLine) {
  EXPECT_TRUE(looks_like_repl_session(lines_of("\n>>> 1 + 1\n2\n")));
  EXPECT_TRUE(looks_like_repl_session(lines_of(">>>\n")));
  EXPECT_FALSE(looks_like_repl_session(lines_of("x = 1\n>>> x\n")));
  EXPECT_FALSE(looks_like_repl_session(lines_of(">>>x\n")));
  EXPECT_FALSE(looks_like_repl_session(lines_of("... x\n")));
  EXPECT_FALSE(looks_like_repl_session({}));
}

TEST(ReplSessionTest, IPythonsMagicsArePlainPythonAndTheirOutputIsNotJudged) {
  const ReplSession s = read_repl_session(lines_of("In [5]: %timeit sum(range(9))\n"
                                                   "1.2 us +- 3 ns per loop\n"
                                                   "\n"
                                                   "In [6]: sum(range(4))\n"
                                                   "Out[6]: 6\n"),
                                          10);
  EXPECT_EQ(s.source, "pass  # IPython: %timeit sum(range(9))\nsum(range(4))\n");
  ASSERT_EQ(s.claims.size(), 1u);  // the timing is no claim
  EXPECT_EQ(s.claims[0].text, "6");
}

TEST(ReplSessionTest, IPythonsTracebackKeepsItsBlankLines) {
  const ReplSession s = read_repl_session(lines_of("In [7]: next(colors)\n"
                                                   "---------------------------------------------------------------\n"
                                                   "TypeError                 Traceback (most recent call last)\n"
                                                   "Cell In[7], line 1\n"
                                                   "----> 1 next(colors)\n"
                                                   "\n"
                                                   "TypeError: 'list' object is not an iterator\n"
                                                   "\n"
                                                   "A line of prose after it.\n"),
                                          1);
  ASSERT_EQ(s.claims.size(), 1u);
  EXPECT_EQ(s.claims[0].guide_line, 2);
  EXPECT_EQ(s.claims[0].last_guide_line, 7);  // up to the exception line, not the prose
  EXPECT_TRUE(s.claims[0].text.ends_with("\n\nTypeError: 'list' object is not an iterator"));
}

TEST(ReplSessionTest, StatementsWithoutPromptsAndEchoesAsClaims) {
  ReplSession s = read_repl_session(lines_of(">>> x = 5\n"
                                             ">>> x + 1\n"
                                             "6\n"
                                             ">>> print('a')\n"
                                             "a\n"),
                                    10);
  EXPECT_EQ(s.source, "x = 5\nx + 1\nprint('a')\n");
  EXPECT_EQ(s.guide_lines, (std::vector<int>{10, 11, 13}));
  ASSERT_EQ(s.claims.size(), 2u);
  EXPECT_EQ(s.claims[0].kind, ClaimKind::kOutput);
  EXPECT_EQ(s.claims[0].form, ClaimForm::kBlock);
  EXPECT_EQ(s.claims[0].text, "6");
  EXPECT_EQ(s.claims[0].guide_line, 12);
  EXPECT_EQ(s.claims[0].last_guide_line, 12);
  EXPECT_EQ(s.claims[0].anchor_line, 11);
  EXPECT_FALSE(s.claims[0].looks_like_prose);
  EXPECT_EQ(s.claims[1].text, "a");
  EXPECT_EQ(s.claims[1].anchor_line, 13);
}

TEST(ReplSessionTest, ContinuationLinesKeepTheirIndentation) {
  ReplSession s = read_repl_session(lines_of(">>> for i in range(2):\n"
                                             "...     print(i)\n"
                                             "...\n"
                                             "0\n"
                                             "1\n"),
                                    1);
  EXPECT_EQ(s.source, "for i in range(2):\n    print(i)\n\n");
  EXPECT_EQ(s.guide_lines, (std::vector<int>{1, 2, 3}));
  ASSERT_EQ(s.claims.size(), 1u);
  EXPECT_EQ(s.claims[0].text, "0\n1");
  EXPECT_EQ(s.claims[0].guide_line, 4);
  EXPECT_EQ(s.claims[0].last_guide_line, 5);
  EXPECT_EQ(s.claims[0].anchor_line, 1);
}

TEST(ReplSessionTest, ABlankLineEndsTheOutput) {
  ReplSession s = read_repl_session(lines_of(">>> print('a')\n"
                                             "a\n"
                                             "\n"
                                             "Some prose that follows.\n"
                                             ">>> 2\n"
                                             "2\n"),
                                    1);
  EXPECT_EQ(s.source, "print('a')\n2\n");
  ASSERT_EQ(s.claims.size(), 2u);
  EXPECT_EQ(s.claims[0].text, "a");
  EXPECT_EQ(s.claims[0].last_guide_line, 2);
  EXPECT_EQ(s.claims[1].text, "2");
  EXPECT_EQ(s.claims[1].guide_line, 6);
}

TEST(ReplSessionTest, BlanklineStandsForAnEmptyOutputLine) {
  ReplSession s = read_repl_session(lines_of(">>> print('a\\n\\nb')\na\n<BLANKLINE>\nb\n"), 1);
  ASSERT_EQ(s.claims.size(), 1u);
  EXPECT_EQ(s.claims[0].text, "a\n\nb");
  EXPECT_EQ(s.claims[0].last_guide_line, 4);
}

TEST(ReplSessionTest, LinesBeforeTheFirstPromptAreIgnored) {
  ReplSession s = read_repl_session(lines_of("Python 3.11.4 (main)\nType \"help\" for more.\n>>> 1\n1\n"), 5);
  EXPECT_EQ(s.source, "1\n");
  EXPECT_EQ(s.guide_lines, (std::vector<int>{7}));
  ASSERT_EQ(s.claims.size(), 1u);
  EXPECT_EQ(s.claims[0].guide_line, 8);
}

TEST(ReplSessionTest, AnEllipsisAfterOutputBeganIsOutput) {
  // The elided stack of a traceback: `...` is output once output began.
  ReplSession s = read_repl_session(lines_of(">>> 1 / 0\n"
                                             "Traceback (most recent call last):\n"
                                             "  ...\n"
                                             "...\n"
                                             "ZeroDivisionError: division by zero\n"
                                             ">>> 'next'\n"
                                             "'next'\n"),
                                    1);
  EXPECT_EQ(s.source, "1 / 0\n'next'\n");
  ASSERT_EQ(s.claims.size(), 2u);
  EXPECT_EQ(s.claims[0].text, "Traceback (most recent call last):\n  ...\n...\nZeroDivisionError: division by zero");
  EXPECT_EQ(s.claims[0].guide_line, 2);
  EXPECT_EQ(s.claims[0].last_guide_line, 5);
  EXPECT_EQ(s.claims[0].anchor_line, 1);
  EXPECT_EQ(s.claims[1].anchor_line, 6);
}

TEST(ReplSessionTest, SkippedStatementsAreLeftOut) {
  ReplSession s = read_repl_session(lines_of(">>> import antigravity  # doctest: +SKIP\n"
                                             ">>> fetch(  # doctest: +ELLIPSIS, +SKIP\n"
                                             "...     'url')\n"
                                             "<Response ...>\n"
                                             ">>> 1  # doctest: +ELLIPSIS\n"
                                             "1\n"
                                             ">>> 2  # doctest: +SKIPPY\n"
                                             "2\n"),
                                    1);
  EXPECT_EQ(s.source, "1  # doctest: +ELLIPSIS\n2  # doctest: +SKIPPY\n");
  EXPECT_EQ(s.guide_lines, (std::vector<int>{5, 7}));
  ASSERT_EQ(s.claims.size(), 2u);
  EXPECT_EQ(s.claims[0].anchor_line, 5);
  EXPECT_EQ(s.claims[1].anchor_line, 7);
}

TEST(ReplSessionTest, NormalizeWhitespaceMarksTheStatementsClaim) {
  ReplSession s = read_repl_session(lines_of(">>> d  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE\n"
                                             "{'x': 0,\n"
                                             " 'y': 1}\n"
                                             ">>> 1\n"
                                             "1\n"),
                                    1);
  ASSERT_EQ(s.claims.size(), 2u);
  EXPECT_TRUE(s.claims[0].normalize_whitespace);
  EXPECT_FALSE(s.claims[1].normalize_whitespace);
}

TEST(ReplSessionTest, IPythonsOutputPromptHasItsLength) {
  EXPECT_EQ(ipython_output_prompt("Out[4]: (9, 3)"), 8u);
  EXPECT_EQ(ipython_output_prompt("Out[12]:"), 8u);
  EXPECT_EQ(ipython_output_prompt("Out[]: 1"), 0u);
  EXPECT_EQ(ipython_output_prompt("Out[a]: 1"), 0u);
  EXPECT_EQ(ipython_output_prompt("Output: 1"), 0u);
  EXPECT_EQ(ipython_output_prompt(" Out[1]: 1"), 0u);
}

TEST(ReplSessionTest, PromptsWithoutTheirBlankAreOutput) {
  ReplSession s = read_repl_session(lines_of(">>> print('>>>x')\n>>>x\n"), 1);
  EXPECT_EQ(s.source, "print('>>>x')\n");
  ASSERT_EQ(s.claims.size(), 1u);
  EXPECT_EQ(s.claims[0].text, ">>>x");
}

TEST(ReplSessionTest, BarePromptsAndTrailingBlanks) {
  ReplSession s = read_repl_session(lines_of(">>>\n>>> x = 1   \r\n>>> x\n1  \r\n"), 1);
  EXPECT_EQ(s.source, "\nx = 1\nx\n");
  EXPECT_EQ(s.guide_lines, (std::vector<int>{1, 2, 3}));
  ASSERT_EQ(s.claims.size(), 1u);
  EXPECT_EQ(s.claims[0].text, "1");
}

// IDLE's shell shows a block's lines without `...`: indented with tabs, its
// clauses at the margin; its output comes after the blank lines that end it.
TEST(ReplSessionTest, IdlesBlocksWithoutContinuationPrompts) {
  const ReplSession s = read_repl_session(lines_of(">>> for n in [1, 2, 3]:\n"
                                                   "\tif n % 2:\n"
                                                   "\t\tprint(n, 'odd')\n"
                                                   "\telse:\n"
                                                   "\t\tprint(n, 'even')\n"
                                                   "\n"
                                                   "\t\n"
                                                   "1 odd\n"
                                                   "2 even\n"
                                                   "3 odd\n"
                                                   ">>> n\n"
                                                   "3\n"),
                                          20);
  EXPECT_EQ(s.source, "for n in [1, 2, 3]:\n\tif n % 2:\n\t\tprint(n, 'odd')\n\telse:\n\t\tprint(n, 'even')\nn\n");
  ASSERT_EQ(s.claims.size(), 2u);
  EXPECT_EQ(s.claims[0].text, "1 odd\n2 even\n3 odd");
  EXPECT_EQ(s.claims[0].guide_line, 27);
  EXPECT_EQ(s.claims[0].anchor_line, 20);
  EXPECT_EQ(s.claims[1].text, "3");
  // A statement that opens no block still ends its output at a blank line,
  // and an indented line after a value is output.
  const ReplSession plain = read_repl_session(lines_of(">>> print('  x')\n  x\n\n  prose\n"), 1);
  ASSERT_EQ(plain.claims.size(), 1u);
  EXPECT_EQ(plain.claims[0].text, "  x");
  EXPECT_EQ(plain.source, "print('  x')\n");
}

TEST(ReplSessionTest, NoPromptNoSession) {
  ReplSession s = read_repl_session(lines_of("print(1)\n1\n"), 1);
  EXPECT_EQ(s.source, "");
  EXPECT_TRUE(s.guide_lines.empty());
  EXPECT_TRUE(s.claims.empty());
}

}  // namespace
}  // namespace guidecheck
