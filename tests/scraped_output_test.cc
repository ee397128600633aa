// What a scraped page shows after its code, once fences and labels are
// gone: REPL sessions, output with no label, output after a worded label,
// and where each ends (guide_parser_sessions.cc,
// guide_parser_unlabelled_output.cc, guide_parser_shown_output.cc).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "guide_parser.h"

namespace guidecheck {
namespace {

struct RunShape {
  int first_line;
  int last_line;
  bool session;
  bool operator==(const RunShape&) const = default;
};
void PrintTo(const RunShape& r, std::ostream* os) {
  *os << r.first_line << "-" << r.last_line << (r.session ? " session" : "");
}

std::vector<RunShape> shapes(const ParsedGuide& guide) {
  std::vector<RunShape> out;
  for (const CodeRun& run : guide.runs) out.push_back({run.first_line, run.last_line, run.session});
  return out;
}

// Each shown output of the run as "first-last: line|line".
std::vector<std::string> outputs(const CodeRun& run) {
  std::vector<std::string> out;
  for (const ShownOutput& o : run.outputs) {
    std::string text = std::to_string(o.guide_lines.front()) + "-" + std::to_string(o.guide_lines.back()) + ":";
    for (std::size_t k = 0; k < o.lines.size(); ++k) text += (k ? "|" : " ") + o.lines[k];
    if (!o.labelled) text += " (no label)";
    out.push_back(text);
  }
  return out;
}

TEST(ScrapedSessionTest, PromptsAndTheirEchoesFormASessionUpToTheProse) {
  const ParsedGuide guide = parse_guide(
      "Iterators\n"
      "A for loop calls next() on an iterator until it is exhausted:\n"
      ">>> it = iter([10, 20])\n"  // 3
      ">>> next(it)\n"
      "10\n"
      ">>> def twice(n):\n"
      "...     return 2 * n\n"
      "...\n"
      ">>> twice(4)\n"
      "8\n"
      ">>> next(iter([]))\n"
      "Traceback (most recent call last):\n"
      "...\n"                      // an elided traceback, not a prompt
      "StopIteration\n"            // 14
      "Once exhausted, an iterator stays exhausted for good.\n"
      "x = 1\n",
      "session.txt");
  EXPECT_EQ(shapes(guide), (std::vector<RunShape>{{3, 14, true}, {16, 16, false}}));
  ASSERT_FALSE(guide.runs.empty());
  EXPECT_EQ(guide.runs[0].lines.front(), ">>> it = iter([10, 20])");
}

TEST(ScrapedSessionTest, AnEchoEndsAtCodeWithoutAPromptAndAtALeadInPhrase) {
  const ParsedGuide guide = parse_guide(
      ">>> 1 + 1\n"
      "2\n"
      "import math\n"                                 // 3: a statement, no prompt
      "print(math.pi)\n"
      ">>> [1, 2] * 2\n"                              // 5
      "[1, 2, 1, 2]\n"
      "@dataclass writes __init__ for you from the annotated fields:\n"  // a lead-in, not an echo
      "from dataclasses import dataclass\n",
      "ends.txt");
  EXPECT_EQ(shapes(guide), (std::vector<RunShape>{{1, 2, true}, {3, 4, false}, {5, 6, true}, {8, 8, false}}));
}

TEST(ScrapedUnlabelledOutputTest, ValuesRightAfterCodeThatPrintsAreItsOutput) {
  const ParsedGuide guide = parse_guide(
      "We count the stock:\n"
      "stock = {\"apples\": 12, \"pears\": 4}\n"  // 2
      "print(len(stock))\n"
      "print(stock)\n"
      "2\n"                                       // 5
      "{'apples': 12, 'pears': 4}\n"
      "stock[\"kiwis\"] = 7\n"                   // 7: code again
      "print(sorted(stock), stock[\"kiwis\"])\n"
      "['apples', 'kiwis', 'pears'] 7\n"         // 9: not Python, not prose
      "Deliveries arrive on Mondays and on Thursdays.\n",
      "values.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].guide_lines, (std::vector<int>{2, 3, 4, 7, 8}));
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"5-6: 2|{'apples': 12, 'pears': 4} (no label)",
                                                              "9-9: ['apples', 'kiwis', 'pears'] 7 (no label)"}));
}

TEST(ScrapedUnlabelledOutputTest, ReprsWithLiteralArgumentsAreOutputCallsOfNamesAreCode) {
  const ParsedGuide guide = parse_guide(
      "class Item:\n"
      "def __init__(self, name, qty=0):\n"
      "self.name, self.qty = name, qty\n"
      "def __repr__(self):\n"
      "return f\"Item({self.name!r}, qty={self.qty})\"\n"
      "apple = Item(\"apple\", 12)\n"
      "print(apple)\n"
      "Item('apple', qty=12)\n"  // 8: a repr
      "len(str(apple))\n",        // 9: reads names: code
      "reprs.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"8-8: Item('apple', qty=12) (no label)"}));
  EXPECT_EQ(guide.runs[0].lines.back(), "len(str(apple))");
}

TEST(ScrapedUnlabelledOutputTest, NothingIsOutputAfterCodeThatDoesNotPrintOrIsUnfinished) {
  const ParsedGuide guide = parse_guide(
      "total = 0\n"
      "42\n"              // no print before it: a bare expression of the code
      "data = [\n"
      "print(1),\n"
      "2,\n"              // inside the brackets
      "]\n",
      "quiet.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_TRUE(guide.runs[0].outputs.empty());
  EXPECT_EQ(guide.runs[0].lines.size(), 6u);
}

TEST(ScrapedUnlabelledOutputTest, AHeadingAfterTheCodeIsNotOutputATableHeaderIs) {
  const ParsedGuide guide = parse_guide(
      "print(\"ready\")\n"
      "Closures\n"               // 2: a heading, and code follows
      "def make():\n"
      "return 1\n"
      "print(frame)\n"           // 5
      "city temp\n"              // 6: words, but more output follows
      "0 Oslo 3.5\n"
      "1 Lima 19.0\n"
      "return\n"                 // 9: a keyword heading after output
      "The return statement ends a function and hands back its value.\n",
      "headings.txt");
  EXPECT_EQ(shapes(guide), (std::vector<RunShape>{{1, 1, false}, {3, 8, false}}));
  ASSERT_EQ(guide.runs.size(), 2u);
  EXPECT_TRUE(guide.runs[0].outputs.empty());
  EXPECT_EQ(outputs(guide.runs[1]), (std::vector<std::string>{"6-8: city temp|0 Oslo 3.5|1 Lima 19.0 (no label)"}));
}

TEST(ScrapedLabelledOutputTest, AWordedLabelIntroducesOutputAndALeadInEndsIt) {
  const ParsedGuide guide = parse_guide(
      "text = \"a-b\"\n"
      "print(text.split(\"-\"))\n"
      "Running this prints:\n"   // 3
      "['a', 'b']\n"
      "re.split is handy when the delimiters vary:\n"  // a lead-in, not output
      "import re\n",
      "label.txt");
  ASSERT_EQ(guide.runs.size(), 2u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"4-4: ['a', 'b']"}));
}

// A numbered section's heading ends the output above it; a line the code
// prints, however heading-like, does not.
TEST(ScrapedLabelledOutputTest, ANumberedSectionHeadingEndsTheOutput) {
  const ParsedGuide guide = parse_guide(
      "print(len(rows))\n"
      "Output:\n"
      "3\n"
      "7.3 Counting and describing\n"   // 4: the next section
      "value_counts tells you how often each value occurs, most frequent first.\n"
      "print(2.5, \"Release Notes\")\n"  // 6
      "Output:\n"
      "2.5 Release Notes\n",
      "sections.txt");
  ASSERT_EQ(guide.runs.size(), 2u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"3-3: 3"}));
  EXPECT_EQ(outputs(guide.runs[1]), (std::vector<std::string>{"8-8: 2.5 Release Notes"}));
}

TEST(ScrapedLabelledOutputTest, ALeadInEndingInADashIntroducesOutput) {
  const ParsedGuide guide = parse_guide(
      "total = 6 * 7\n"
      "print(total)\n"
      "It will produce the following output \xE2\x88\x92\n"  // 3: the dash of some tutorial sites
      "42\n"
      "Multiplication binds tighter than addition - so the next sum is 7.\n",  // prose with a dash
      "dash.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"4-4: 42"}));
}

TEST(ScrapedLabelledOutputTest, ALeadInWithoutAColonIntroducesOutput) {
  const ParsedGuide guide = parse_guide(
      "orders = [3, 1, 3]\n"
      "print(sorted(set(orders)))\n"
      "which gives me\n"
      "[1, 3]\n"  // 4
      "That is right, but slow on a long list. Is there a faster idiom?\n",
      "lead_in.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"4-4: [1, 3]"}));
}

TEST(ScrapedLabelledOutputTest, ButtonsOfThePageStandBetweenCodeAndOutput) {
  const ParsedGuide guide = parse_guide(
      "prices = {\"tea\": 2.5}\n"
      "print(prices)\n"
      "Run Code\n"
      "Output\n"
      "{'tea': 2.5}\n"  // 5
      "Try it Yourself \xC2\xBB\n"
      "Next comes a paragraph of prose about dictionaries and their keys.\n",
      "widgets.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"5-5: {'tea': 2.5}"}));
}

TEST(ScrapedLabelledOutputTest, AQuizsChoicesStandBetweenTheCodeAndItsAnswer) {
  const ParsedGuide guide = parse_guide(
      "d = {1: \"one\", True: \"yes\"}\n"
      "print(d)\n"
      "A) {1: 'one', True: 'yes'}\n"
      "B) {1: 'yes'}\n"
      "C) TypeError\n"
      "Show Answer\n"
      "Answer: {1: 'yes'}\n",  // 7
      "quiz.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].lines, (std::vector<std::string>{"d = {1: \"one\", True: \"yes\"}", "print(d)"}));
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"7-7: {1: 'yes'}"}));
}

TEST(ScrapedLabelledOutputTest, AFlattenedTracebackKeepsTheSourceLineOfItsFrame) {
  const ParsedGuide guide = parse_guide(
      "word = \"python\"\n"
      "word[0] = \"P\"\n"
      "Output\n"
      "Traceback (most recent call last):\n"  // 4
      "File \"main.py\", line 2, in <module>\n"
      "word[0] = \"P\"\n"  // the frame's source: output, not the code again
      "TypeError: 'str' object does not support item assignment\n",
      "frame.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].lines, (std::vector<std::string>{"word = \"python\"", "word[0] = \"P\""}));
  ASSERT_EQ(guide.runs[0].outputs.size(), 1u);
  EXPECT_EQ(guide.runs[0].outputs[0].guide_lines, (std::vector<int>{4, 5, 6, 7}));
}

TEST(ScrapedLabelledOutputTest, ACodeBoxWithLineNumbers) {
  const ParsedGuide guide = parse_guide(
      "Number the words:\n"
      "1 words = \"red green\".split()\n"
      "2 for i, w in enumerate(words, start=1):\n"
      "3 print(i, w)\n"
      "Output\n"
      "1 red\n"  // 6: printed, numbers and all
      "2 green\n",
      "numbered.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].lines, (std::vector<std::string>{"words = \"red green\".split()",
                                                          "for i, w in enumerate(words, start=1):", "print(i, w)"}));
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"6-7: 1 red|2 green"}));
}

TEST(ScrapedLabelledOutputTest, OutputStopsAtASession) {
  const ParsedGuide guide = parse_guide(
      "print(1)\n"
      "Output:\n"
      "1\n"
      ">>> 2 + 2\n"  // 4
      "4\n",
      "stop.txt");
  EXPECT_EQ(shapes(guide), (std::vector<RunShape>{{1, 3, false}, {4, 5, true}}));
}

TEST(ScrapedUnlabelledOutputTest, KeyValueLinesThatParseAsAnnotationsAreOutput) {
  const ParsedGuide guide = parse_guide(
      "for name, score in zip([\"ada\"], [91]):\n"
      "print(f\"{name}: {score}\")\n"
      "ada: 91\n"  // 3
      "print(series)\n"
      "a 1.0\n"
      "dtype: float64\n"  // 6
      "The end of the section comes with a long sentence of prose.\n",
      "annotations.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(outputs(guide.runs[0]),
            (std::vector<std::string>{"3-3: ada: 91 (no label)", "5-6: a 1.0|dtype: float64 (no label)"}));
}

TEST(ScrapedUnlabelledOutputTest, AScrapeThatKeepsBlankLinesHasOneBeforeTheOutput) {
  const ParsedGuide guide = parse_guide(
      "for name, score in zip([\"ada\", \"bea\"], [91, 78]):\n"
      "print(f\"{name}: {score}\")\n"
      "\n"
      "ada: 91\n"  // 4
      "bea: 78\n"
      "\n"
      "break\n"    // 7: the next section's heading, not the loop's
      "\n"
      "break leaves the innermost loop at once, and the rest is skipped.\n",
      "blank.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].guide_lines, (std::vector<int>{1, 2}));
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"4-5: ada: 91|bea: 78 (no label)"}));
}

TEST(ScrapedLabelledOutputTest, CodeThatMentionsAnOutputWordIsNoLabel) {
  const ParsedGuide guide = parse_guide(
      "class Shelf:\n"
      "def display(self):\n"  // a header, not "display:" introducing output
      "return 1\n",
      "header.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].lines.size(), 3u);
  EXPECT_TRUE(guide.runs[0].outputs.empty());
}

TEST(ScrapedLabelledOutputTest, AfterALabelAPhraseBuiltFromTheCodesWordsIsOutputATracebackToo) {
  const ParsedGuide guide = parse_guide(
      "text = \"Call 555-1234 or 555-9876 today\"\n"
      "print(text.replace(\"555\", \"XXX\"))\n"
      "print([1][3])\n"
      "Output:\n"                                 // 4
      "Call XXX-1234 or XXX-9876 today\n"
      "Traceback (most recent call last):\n"
      "File \"main.py\", line 3, in <module>\n"
      "IndexError: list index out of range\n"    // 8
      "Lists have no item three, so the last statement raises an error.\n",
      "built.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  ASSERT_EQ(guide.runs[0].outputs.size(), 1u);
  EXPECT_EQ(guide.runs[0].outputs[0].guide_lines, (std::vector<int>{5, 6, 7, 8}));
}

TEST(ScrapedLabelledOutputTest, AnAssignmentShapedLineTheCodePrintsIsOutput) {
  const ParsedGuide guide = parse_guide(
      "name = \"Lina\"\n"
      "score = 93.456\n"
      "print(f\"{name:*^10}\")\n"
      "print(f\"{score = }\")\n"
      "print(\"rounded =\", round(score))\n"
      "Output:\n"             // 6
      "***Lina***\n"
      "score = 93.456\n"      // 8: what the f-string printed, though it reads as code
      "rounded = 93\n"
      "8. Dictionaries\n",
      "assign.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].guide_lines, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"7-9: ***Lina***|score = 93.456|rounded = 93"}));
}

TEST(ScrapedLabelledOutputTest, AnAssignmentTheCodeWouldPrintIsCodeWhenCodeFollowsIt) {
  const ParsedGuide guide = parse_guide(
      "score = 5\n"
      "print(f\"score = {score}\")\n"
      "Output:\n"
      "score = 5\n"            // 4
      "score = 10\n"           // 5: the tutorial goes on
      "print(f\"score = {score}\")\n"
      "total = 3\n"            // 7: printed by no print
      "print(\"sum:\", total)\n"
      "Output:\n"
      "sum: 3\n"               // 10
      "total = 4\n",           // 11: code, though nothing follows it
      "code_after.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].guide_lines, (std::vector<int>{1, 2, 5, 6, 7, 8, 11}));
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"4-4: score = 5", "10-10: sum: 3"}));
}

TEST(ScrapedUnlabelledOutputTest, AfterOutputAnAssignmentShapedLineTheCodePrintsIsOutput) {
  const ParsedGuide guide = parse_guide(
      "items = [3, 4]\n"
      "print(items)\n"
      "print(\"total =\", sum(items))\n"
      "[3, 4]\n"         // 4
      "total = 7\n"      // 5: printed by the second print
      "Sets come next and they have no order at all.\n"
      "total = 0\n"      // 7: right after code, not after output: code
      "print(\"total =\", total)\n",
      "unlabelled_assign.txt");
  ASSERT_EQ(guide.runs.size(), 2u);
  EXPECT_EQ(outputs(guide.runs[0]), (std::vector<std::string>{"4-5: [3, 4]|total = 7 (no label)"}));
  EXPECT_EQ(guide.runs[1].guide_lines, (std::vector<int>{7, 8}));
}

TEST(ScrapedRunsTest, ASignatureRightBeforeTheCodeIsNotPartOfIt) {
  const ParsedGuide guide = parse_guide(
      "The full signature is shown below.\n"
      "numpy.linspace(start, stop, num=50, endpoint=True)\n"
      "x = [0, 0.5, 1]\n"  // 3
      "print(x)\n",
      "signature.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].first_line, 3);
}

}  // namespace
}  // namespace guidecheck
