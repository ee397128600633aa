#include "guide_parser.h"
#include "shown_output_lines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace guidecheck {
namespace {

using Span = std::tuple<std::string, int, int>;  // id, first line, last line

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string bundled_guide() {
  return read_file(GUIDECHECK_SOURCE_DIR "/guide/top-50-python-interview-questions-2026.txt");
}

std::string fixture(const std::string& name) { return read_file(GUIDECHECK_TEST_FIXTURES "/guides/" + name); }

std::vector<Span> spans(const ParsedGuide& guide) {
  std::vector<Span> out;
  for (const CodeRun& run : guide.runs) out.emplace_back(run.id, run.first_line, run.last_line);
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool has_diagnostic(const ParsedGuide& guide, int line, const std::string& fragment) {
  return std::any_of(guide.diagnostics.begin(), guide.diagnostics.end(), [&](const Diagnostic& d) {
    return d.line == line && d.message.find(fragment) != std::string::npos;
  });
}

bool in_some_run(const ParsedGuide& guide, int line) {
  return std::any_of(guide.runs.begin(), guide.runs.end(),
                     [&](const CodeRun& run) { return run.first_line <= line && line <= run.last_line; });
}

// Read from the guide by hand: one sample per question except 1 and 19.
const std::vector<Span> kBundledRuns = {
    {"q02", 17, 25},   {"q03", 33, 34},   {"q04", 37, 46},   {"q05", 49, 54},   {"q06", 58, 65},
    {"q07", 69, 73},   {"q08", 76, 83},   {"q09", 87, 93},   {"q10", 96, 103},  {"q11", 107, 118},
    {"q12", 121, 135}, {"q13", 139, 155}, {"q14", 159, 173}, {"q15", 177, 192}, {"q16", 195, 213},
    {"q17", 216, 233}, {"q18", 236, 250}, {"q20", 268, 279}, {"q21", 281, 294}, {"q22", 298, 310},
    {"q23", 315, 327}, {"q24", 331, 338}, {"q25", 341, 368}, {"q26", 371, 398}, {"q27", 402, 416},
    {"q28", 419, 434}, {"q29", 437, 457}, {"q30", 459, 476}, {"q31", 480, 488}, {"q32", 490, 503},
    {"q33", 506, 520}, {"q34", 522, 537}, {"q35", 540, 555}, {"q36", 558, 577}, {"q37", 580, 590},
    {"q38", 593, 616}, {"q39", 620, 635}, {"q40", 637, 649}, {"q41", 653, 661}, {"q42", 664, 681},
    {"q43", 685, 699}, {"q44", 703, 724}, {"q45", 727, 737}, {"q46", 745, 757}, {"q47", 761, 777},
    {"q48", 780, 792}, {"q49", 796, 811}, {"q50", 815, 835},
};

TEST(GuideParserTest, BundledGuideHas48RunsWithExactLines) {
  const ParsedGuide guide = parse_guide(bundled_guide(), "guide.txt");
  EXPECT_EQ(guide.line_count, 844);  // the last line has no newline
  EXPECT_EQ(spans(guide), kBundledRuns);
}

TEST(GuideParserTest, BundledGuideItemsAreTheFiftyQuestions) {
  const ParsedGuide guide = parse_guide(bundled_guide(), "guide.txt");
  ASSERT_EQ(guide.items.size(), 50u);
  for (std::size_t k = 0; k < guide.items.size(); ++k) EXPECT_EQ(guide.items[k].number, static_cast<int>(k) + 1);
  EXPECT_EQ(guide.items[0].line, 5);
  EXPECT_EQ(guide.items[18].line, 253);
  EXPECT_EQ(guide.items[11].title, "Explain inheritance and method resolution order (MRO).");
  for (const CodeRun& run : guide.runs) EXPECT_EQ(run.id, "q" + std::string(run.item < 10 ? "0" : "") +
                                                               std::to_string(run.item));
}

TEST(GuideParserTest, RunLinesAreTheGuideLinesWithoutLeadingWhitespace) {
  const std::string text = bundled_guide();
  const std::vector<std::string> lines = split(text);
  const ParsedGuide guide = parse_guide(text, "guide.txt");
  for (const CodeRun& run : guide.runs) {
    ASSERT_EQ(run.lines.size(), run.guide_lines.size());
    ASSERT_EQ(static_cast<int>(run.lines.size()), run.last_line - run.first_line + 1) << run.id;
    for (std::size_t k = 0; k < run.lines.size(); ++k) {
      EXPECT_EQ(run.guide_lines[k], run.first_line + static_cast<int>(k));
      EXPECT_EQ(run.lines[k], lines[static_cast<std::size_t>(run.guide_lines[k] - 1)]);
    }
  }
  const CodeRun& q26 = guide.runs[23];
  ASSERT_EQ(q26.id, "q26");
  EXPECT_EQ(q26.lines[2], "\"A\": [\"B\", \"C\"],");
}

TEST(GuideParserTest, BundledGuideProseThatLooksLikeCodeStaysOut) {
  const ParsedGuide guide = parse_guide(bundled_guide(), "guide.txt");
  // Numeric types: ..., "[]; tuples use parentheses()...", @staticmethoddoes, Run tests with pytest ...,
  // Key points about the GIL:, Use mypy or pyright ...: mypy myproject/.
  for (int line : {7, 13, 30, 32, 176, 255, 617, 738, 739, 793, 837, 844})
    EXPECT_FALSE(in_some_run(guide, line)) << "line " << line;
}

TEST(GuideParserTest, UnnumberedSectionsGetSequentialIds) {
  const ParsedGuide guide = parse_guide(fixture("unnumbered_sections.txt"), "closures.txt");
  EXPECT_TRUE(guide.items.empty());
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 5, 14}, {"s02", 17, 22}}));
  // The second run starts with its comment line; "Summary" and "Output: 42" compile but are prose.
  EXPECT_EQ(guide.runs[1].lines.front(), "# Late binding: every lambda sees the final value of i");
  EXPECT_EQ(guide.runs[0].item, 0);
}

TEST(GuideParserTest, DecoratorsDictsAndProseBetweenRuns) {
  const ParsedGuide guide = parse_guide(fixture("numbered_decorators.txt"), "decorators.txt");
  EXPECT_EQ(spans(guide),
            (std::vector<Span>{{"q01", 5, 12}, {"q02", 16, 21}, {"q02-2", 23, 24}, {"q04", 31, 45}}));
  EXPECT_TRUE(has_diagnostic(guide, 22, "splits item 2 into q02 and q02-2"));
  EXPECT_EQ(guide.runs[1].lines[3], "\"contact\": [\"/contact\", \"/support\"],");
  EXPECT_EQ(guide.runs[3].lines.back(), "# work: 0.00s");
}

TEST(GuideParserTest, HeadingsThatLookLikeCallsOrKeywordsEndTheRun) {
  const ParsedGuide guide = parse_guide(
      "Lists\n"                                              // 1
      "nested = [[1, 2], [3]]\n"                             // 2
      "print([x for row in nested for x in row])  # [1, 2, 3]\n"
      "yield\n"                                              // 4: the next section's heading
      "A generator pauses at each yield and carries on from there.\n"
      "def countdown(n):\n"                                  // 6
      "while n:\n"
      "yield n\n"
      "n -= 1\n"
      "print(list(countdown(2)))  # [2, 1]\n"                // 10
      "zip()\n"                                              // 11: a heading, not output
      "zip() pairs items up and stops at the shortest input.\n"
      "print(f\"{1234567.891:,.2f}\")  # 1,234,567.89\n"     // 13
      "int(\"ff\", 16)  #=> 255\n",                          // 14: code, not shown output
      "oneliners.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 2, 3}, {"s02", 6, 10}, {"s03", 13, 14}}));
  EXPECT_TRUE(has_diagnostic(guide, 4, "'yield' after the code reads as a heading"));
  ASSERT_EQ(guide.runs[2].lines.size(), 2u);
  EXPECT_TRUE(guide.runs[2].outputs.empty());
}

TEST(GuideParserTest, ProseAfterCodeEndsTheRun) {
  const ParsedGuide guide = parse_guide(fixture("prose_like_code.txt"), "concurrency.txt");
  // "Key points about the GIL:" ends q01; "- O(n)" compiles but is a bullet;
  // the hashtag line is page furniture, not a sample.
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"q01", 4, 15}, {"q02", 21, 27}, {"q03", 31, 33}}));
}

TEST(GuideParserTest, MultiLineStatementsStayWhole) {
  const ParsedGuide guide = parse_guide(fixture("multiline_constructs.txt"), "multiline.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"q01", 3, 11}, {"q02", 13, 21}, {"q03", 23, 35}, {"q04", 37, 43}}));
  EXPECT_TRUE(guide.diagnostics.empty()) << format_diagnostic("multiline.txt", guide.diagnostics.front());
}

TEST(GuideParserTest, NumberedStepsInsideAnAnswerAreNotItems) {
  const ParsedGuide guide = parse_guide(fixture("numbered_sublist.txt"), "packaging.txt");
  std::vector<int> numbers;
  for (const GuideItem& item : guide.items) numbers.push_back(item.number);
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 4, 5}));
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"q01", 7, 9}, {"q02", 11, 12}, {"q04", 15, 15}, {"q05", 17, 18}}));
  EXPECT_TRUE(has_diagnostic(guide, 7, "holds only comments"));
}

TEST(GuideParserTest, UnclosedLiteralKeepsItsLines) {
  const ParsedGuide guide = parse_guide(fixture("broken_literal.txt"), "broken.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"q01", 4, 7}, {"q02", 10, 10}, {"q02-2", 12, 12}}));
  EXPECT_TRUE(has_diagnostic(guide, 4, "still open"));
}

TEST(GuideParserTest, IdsDoNotDependOnOtherItems) {
  const std::string text = fixture("numbered_decorators.txt");
  std::string edited = text;
  // Remove item 2's second run and add a run to item 3.
  const std::string second_run = "pairs = [(\"home\", \"/\"), (\"about\", \"/about\")]\n";
  edited.erase(edited.find(second_run), second_run.size());
  edited.insert(edited.find("Returns: None"), "print(\"stacked\")\n");
  const ParsedGuide before = parse_guide(text, "a.txt");
  const ParsedGuide after = parse_guide(edited, "a.txt");
  ASSERT_EQ(after.runs.size(), 5u);
  EXPECT_EQ(after.runs[0].id, "q01");
  EXPECT_EQ(after.runs[2].id, "q02-2");
  EXPECT_EQ(after.runs[3].id, "q03");
  EXPECT_EQ(after.runs[4].id, "q04");
  EXPECT_EQ(after.runs[4].lines, before.runs[3].lines);
}

TEST(GuideParserTest, CrlfLinesGiveTheSameRuns) {
  const std::string text = fixture("unnumbered_sections.txt");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const ParsedGuide lf = parse_guide(text, "a.txt");
  const ParsedGuide dos = parse_guide(crlf, "a.txt");
  EXPECT_EQ(lf.crlf_lines, 0);
  EXPECT_EQ(dos.crlf_lines, dos.line_count);
  EXPECT_EQ(spans(dos), spans(lf));
  for (std::size_t k = 0; k < lf.runs.size(); ++k) EXPECT_EQ(dos.runs[k].lines, lf.runs[k].lines);
}

TEST(GuideParserTest, IndentationAndTabsAreStripped) {
  const std::string text = fixture("multiline_constructs.txt");
  std::string indented;
  int n = 0;
  for (const std::string& line : split(text)) indented += std::string(++n % 2 ? "\t" : "    ") + line + "\n";
  const ParsedGuide plain = parse_guide(text, "a.txt");
  const ParsedGuide shifted = parse_guide(indented, "a.txt");
  EXPECT_EQ(spans(shifted), spans(plain));
  for (std::size_t k = 0; k < plain.runs.size(); ++k) EXPECT_EQ(shifted.runs[k].lines, plain.runs[k].lines);
}

TEST(GuideParserTest, EmptyInputHasNothing) {
  const ParsedGuide guide = parse_guide("", "empty.txt");
  EXPECT_EQ(guide.line_count, 0);
  EXPECT_TRUE(guide.runs.empty());
  EXPECT_TRUE(guide.items.empty());
}

TEST(GuideParserTest, GuideWithoutCodeSaysSo) {
  const ParsedGuide guide =
      parse_guide("Why Python?\nBecause it reads like English.\n1. Is it fast?\nFast enough for most work.\n", "p.txt");
  EXPECT_TRUE(guide.runs.empty());
  EXPECT_EQ(guide.items.size(), 1u);
  EXPECT_TRUE(has_diagnostic(guide, 0, "no code samples found"));
}

TEST(GuideParserTest, BinaryDataYieldsNoRuns) {
  std::mt19937 random(42);
  std::string bytes(1 << 18, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  const ParsedGuide guide = parse_guide(bytes, "blob.bin");
  EXPECT_GT(guide.line_count, 100);
  EXPECT_TRUE(guide.runs.empty());
  EXPECT_LE(guide.diagnostics.size(), 400u);
}

TEST(GuideParserTest, InvalidUtf8NulAndControlCharactersAreNotCode) {
  using namespace std::string_literals;
  const std::string text = "x = 1\nprint('caf\xe9')\ny = 2\nz = 3\0\nw = 4\nv = 5\ru = 6\nprint(x)\n"s;
  const ParsedGuide guide = parse_guide(text, "bad.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 1, 1}, {"s02", 3, 3}, {"s03", 5, 5}, {"s04", 7, 7}}));
  EXPECT_TRUE(has_diagnostic(guide, 2, "invalid UTF-8"));
  EXPECT_TRUE(has_diagnostic(guide, 4, "control characters"));
  EXPECT_TRUE(has_diagnostic(guide, 6, "control characters"));
}

TEST(GuideParserTest, OverlongLineIsNotCode) {
  const std::string text = "x = 1\ny = '" + std::string(20000, 'a') + "'\nz = 2\n";
  const ParsedGuide guide = parse_guide(text, "long.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 1, 1}, {"s02", 3, 3}}));
  EXPECT_TRUE(has_diagnostic(guide, 2, "a line of 20006 bytes, over 10000: read as data, never as code"));
  EXPECT_TRUE(std::any_of(guide.diagnostics.begin(), guide.diagnostics.end(),
                          [](const Diagnostic& d) { return d.line == 2 && d.warning; }));  // shown without -v
}

TEST(GuideParserTest, LargeGuideParsesWhole) {
  const std::string one = bundled_guide();
  std::string many;
  for (int k = 0; k < 40; ++k) many += one;
  const ParsedGuide guide = parse_guide(many, "big.txt");
  ASSERT_EQ(guide.runs.size(), 48u * 40u);
  EXPECT_EQ(guide.runs.back().first_line, 39 * 843 + 815);
  EXPECT_EQ(guide.runs.back().lines, guide.runs[47].lines);
}

TEST(GuideParserTest, DiagnosticsHaveTheLocationFirst) {
  EXPECT_EQ(format_diagnostic("guide.txt", {118, "bracket never closed"}), "guide.txt:118: bracket never closed");
  EXPECT_EQ(format_diagnostic("guide.txt", {0, "no code samples found"}), "guide.txt: no code samples found");
}

// A line between two code lines either splits the run (prose) or joins it (code).
class SandwichTest : public ::testing::TestWithParam<std::pair<const char*, bool>> {};

TEST_P(SandwichTest, ClassifiesTheMiddleLine) {
  const auto [middle, is_code] = GetParam();
  const ParsedGuide guide = parse_guide(std::string("x = 1\n") + middle + "\ny = 2\n", "s.txt");
  std::vector<std::pair<int, int>> lines;
  for (const CodeRun& run : guide.runs) lines.emplace_back(run.first_line, run.last_line);
  if (is_code) {
    EXPECT_EQ(lines, (std::vector<std::pair<int, int>>{{1, 3}})) << middle;
  } else {
    EXPECT_EQ(lines, (std::vector<std::pair<int, int>>{{1, 1}, {3, 3}})) << middle;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Prose, SandwichTest,
    ::testing::Values(std::make_pair("Numeric types: int, float, complex", false),
                      std::make_pair("@staticmethoddoes not receive any implicit first argument.", false),
                      std::make_pair("Run tests with pytest test_calculator.py -v.", false),
                      std::make_pair("Use mypy or pyright to check type annotations: mypy myproject/.", false),
                      std::make_pair("Key points about the GIL:", false), std::make_pair("- O(1)", false),
                      std::make_pair("- Lists use square brackets", false),
                      std::make_pair("Basics (Questions 1-10)", false),
                      std::make_pair("12. Explain inheritance and method resolution order (MRO).", false),
                      std::make_pair("Conclusion", false),
                      std::make_pair("A common use of is is checking for None.", false),
                      std::make_pair("f-strings are the preferred approach in 2026.", false),
                      std::make_pair("Python\xE2\x80\x99s dict is a hash table.", false),
                      std::make_pair("O(1) \xE2\x80\x94 Constant time.", false),
                      std::make_pair("It has:", false), std::make_pair("Example:", false),
                      std::make_pair("Mark as complete", false), std::make_pair("dict.get()", false),
                      std::make_pair("any() / all()", false), std::make_pair("sorted(key=...)", false),
                      std::make_pair("len()", false), std::make_pair("zip()", false),
                      std::make_pair("Numbers and randomness", false)));

INSTANTIATE_TEST_SUITE_P(
    Code, SandwichTest,
    ::testing::Values(std::make_pair("else:", true), std::make_pair("elif x > 1:", true),
                      std::make_pair("print()", true), std::make_pair("counter.reset()", true),
                      std::make_pair("print(len(words), sorted(words, key=len))", true),
                      std::make_pair("elif await ready():", true),
                      std::make_pair("return x", true), std::make_pair("yield x", true),
                      std::make_pair("await asyncio.sleep(1) # Simulates network I/O", true),
                      std::make_pair("break", true), std::make_pair("except* ValueError as eg:", true),
                      std::make_pair("finally:", true), std::make_pair("try:", true),
                      std::make_pair("nonlocal count", true), std::make_pair("global counter", true),
                      std::make_pair("from __future__ import annotations", true),
                      std::make_pair("from os.path import *", true), std::make_pair("yield from inner()", true),
                      std::make_pair("case _:", true), std::make_pair("match command.split():", true),
                      std::make_pair("print(f\"{'#'}\") # #", true), std::make_pair("async with lock:", true),
                      std::make_pair("x # 1 (a value shown by a comment)", true),
                      std::make_pair("df = pd.DataFrame({\"a\": [1, 2]})", true)));

// Output shown as plain lines after an `Output:` line stays with its sample.
struct Shown {
  int label_line;
  std::vector<std::string> lines;
  std::vector<int> guide_lines;
  bool operator==(const Shown&) const = default;
};
std::vector<Shown> shown(const CodeRun& run) {
  std::vector<Shown> out;
  for (const ShownOutput& o : run.outputs) out.push_back({o.label_line, o.lines, o.guide_lines});
  return out;
}
void PrintTo(const Shown& s, std::ostream* os) {
  *os << s.label_line << ":";
  for (const std::string& line : s.lines) *os << " [" << line << "]";
}

TEST(GuideParserTest, ShownOutputStaysWithItsSampleAndTheCodeGoesOn) {
  const ParsedGuide guide = parse_guide(
      "Lists\n"
      "1. How do you grow a list?\n"
      "The loop prints each word.\n"
      "words = [\"pear\", \"fig\"]\n"  // 4
      "for w in words:\n"
      "print(w.upper())\n"
      "Output:\n"                      // 7
      "PEAR\n"
      "FIG\n"
      "words.append(\"kiwi\")\n"      // 10: a method call is code again
      "print(len(words))\n"
      "Output: 3\n"                    // 12: the value on the label line
      "As you can see the list grew by one item.\n"
      "2. And numbers?\n"
      "x = 1\n"                        // 15
      "print(x)\n"
      "Output:\n"                      // 17
      "\n"
      "1\n"                            // 19
      "y = x + 1\n"                    // 20: an assignment is code again
      "print(y)\n"
      "Output:\n"                      // 22
      "2\n"
      "3. A numbered heading ends the output?\n",
      "shown.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"q01", 4, 12}, {"q02", 15, 23}}));
  ASSERT_EQ(guide.runs.size(), 2u);
  EXPECT_EQ(guide.runs[0].guide_lines, (std::vector<int>{4, 5, 6, 10, 11}));
  EXPECT_EQ(shown(guide.runs[0]), (std::vector<Shown>{{7, {"PEAR", "FIG"}, {8, 9}}, {12, {"3"}, {12}}}));
  EXPECT_EQ(guide.runs[1].lines, (std::vector<std::string>{"x = 1", "print(x)", "y = x + 1", "print(y)"}));
  EXPECT_EQ(shown(guide.runs[1]), (std::vector<Shown>{{17, {"1"}, {19}}, {22, {"2"}, {23}}}));
  EXPECT_EQ(guide.items.size(), 3u);
}

TEST(GuideParserTest, ABareOutputLineLabelsAndAPrintedNumberedListStaysOutput) {
  const ParsedGuide guide = parse_guide(
      "Q1. Lists\n"
      "colors = [\"red\", \"green\"]\n"
      "print(colors)\n"
      "Output\n"                                             // 4: no colon
      "['red', 'green']\n"
      "Q2. Ranking\n"
      "names = [\"Ann\", \"Bob\"]\n"                       // 7
      "for i, name in enumerate(names, start=1):\n"
      "print(f\"{i}. {name}\")\n"
      "Output\n"                                             // 10
      "1. Ann\n"                                             // 11: a list the code printed
      "2. Bob\n"
      "Q3. The next question ends it\n"
      "x = 3\n"
      "print(x)\n",
      "bare.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"q01", 2, 5}, {"q02", 7, 12}, {"q03", 14, 15}}));
  ASSERT_EQ(guide.runs.size(), 3u);
  EXPECT_EQ(shown(guide.runs[0]), (std::vector<Shown>{{4, {"['red', 'green']"}, {5}}}));
  EXPECT_EQ(shown(guide.runs[1]), (std::vector<Shown>{{10, {"1. Ann", "2. Bob"}, {11, 12}}}));
  EXPECT_EQ(guide.items.size(), 3u);
}

// GeeksforGeeks' complexity lines right under the output are page text.
TEST(GuideParserTest, ComplexityNotesUnderTheOutputAreNoOutput) {
  const ParsedGuide guide = parse_guide(
      "Python3\n"
      "n = 3\n"
      "print(n * 2)\n"
      "Output\n"                 // 4
      "6\n"                      // 5
      "Time Complexity: O(n)\n"
      "Auxiliary Space: O(1)\n",
      "gfg.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(shown(guide.runs[0]), (std::vector<Shown>{{4, {"6"}, {5}}}));
  EXPECT_TRUE(is_complexity_note("Time Complexity : O(n log n)"));
  EXPECT_FALSE(is_complexity_note("Time Complexity"));
  EXPECT_FALSE(is_complexity_note("Time: 0.5 s"));
}

// TutorialsPoint's "Output", then a sentence that leads in to the output
// and a blank line: one label over two lines.
TEST(GuideParserTest, ABareOutputLineAndTheSentenceThatLeadsInToTheOutput) {
  const ParsedGuide guide = parse_guide(
      "Example\n"
      "n = 6\n"
      "print(\"Read:\", n)\n"
      "Output\n"                                                                      // 4
      "When the above code is executed, it produces the following result \xE2\x88\x92\n"  // U+2212
      "\n"
      "Read: 6\n"                                                                     // 7
      "Print Page\n",                                                                 // a widget: no output
      "tp.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(shown(guide.runs[0]), (std::vector<Shown>{{4, {"Read: 6"}, {7}}}));
}

TEST(GuideParserTest, OutputBehindAPromptAfterAPrintIsShownOutput) {
  const ParsedGuide guide = parse_guide(
      "xs = [10, 20, 30]\n"
      "print(xs[1:])\n"
      ">>> [20, 30]\n"           // 3: a value behind the prompt
      "print(type(xs))\n"
      ">>> <class 'list'>\n"     // 5
      "Sessions stay sessions.\n"
      "print('start')\n"
      ">>> xs\n"                 // 8: a bare name: a session echoes it
      "[10, 20, 30]\n"
      ">>> len(xs)\n"
      "3\n",
      "chevrons.txt");
  ASSERT_GE(guide.runs.size(), 2u);
  EXPECT_EQ(guide.runs[0].lines, (std::vector<std::string>{"xs = [10, 20, 30]", "print(xs[1:])", "print(type(xs))"}));
  EXPECT_EQ(shown(guide.runs[0]),
            (std::vector<Shown>{{3, {"[20, 30]"}, {3}}, {5, {"<class 'list'>"}, {5}}}));
  const CodeRun& session = guide.runs.back();
  EXPECT_TRUE(session.session);
  EXPECT_EQ(session.first_line, 8);
}

// A session pasted from IDLE's shell in a page of text: the block's lines
// keep their tabs, and the output after the blank lines is the loop's.
TEST(GuideParserTest, AnIdleSessionKeepsItsBlockAndItsOutput) {
  const ParsedGuide guide = parse_guide(
      "Press Enter twice to run the loop.\n"
      "\n"
      ">>> for i in range(1, 3):\n"  // 3
      "\tprint(i, i * i)\n"
      "\n"
      "\t\n"
      "1 1\n"                        // 7
      "2 4\n"
      ">>> i\n"
      "2\n"
      "\n"
      "That is all.\n",
      "idle.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  const CodeRun& session = guide.runs[0];
  EXPECT_TRUE(session.session);
  EXPECT_EQ(session.first_line, 3);
  EXPECT_EQ(session.last_line, 10);
  EXPECT_EQ(session.lines[1], "\tprint(i, i * i)");
}

TEST(GuideParserTest, ShownOutputKeepsReprsAndPrintedPhrases) {
  const ParsedGuide guide = parse_guide(
      "from collections import deque, namedtuple\n"
      "Point = namedtuple(\"Point\", \"x y\")\n"
      "def show(p):\n"
      "print(f\"The point is {p}\")\n"
      "show(Point(3, 4))\n"
      "print(deque([2, 3]))\n"
      "Expected output:\n"           // 7
      "The point is Point(x=3, y=4)\n"
      "deque([2, 3])\n"
      "show(Point(0, 0))\n"          // 10: a call of a function the code defined
      "Note that the second call prints its own line too.\n",
      "reprs.txt");
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].last_line, 10);
  EXPECT_EQ(shown(guide.runs[0]),
            (std::vector<Shown>{{7, {"The point is Point(x=3, y=4)", "deque([2, 3])"}, {8, 9}}}));
  EXPECT_EQ(guide.runs[0].lines.back(), "show(Point(0, 0))");
}

TEST(GuideParserTest, AnOutputLineThatDescribesOrFollowsProseIsProse) {
  // A description after the label, a label after prose, a label with only code after it.
  const ParsedGuide guide = parse_guide(
      "x = 1\n"
      "print(x)\n"
      "Output: the value of x, printed once by the call above.\n"
      "y = 2\n"
      "Some prose between the samples here.\n"
      "Output: 42\n"
      "z = 3\n"
      "print(z)\n"
      "Output:\n"
      "print(z + 1)\n",
      "prose.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 1, 2}, {"s02", 4, 4}, {"s03", 7, 8}, {"s04", 10, 10}}));
  for (const CodeRun& run : guide.runs) EXPECT_TRUE(run.outputs.empty()) << run.id;
}

TEST(GuideParserTest, AnOutputLineBetweenCodeIsShownOutput) {
  const ParsedGuide guide = parse_guide("x = 1\nOutput: 42\ny = 2\n", "s.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 1, 3}}));
  ASSERT_EQ(guide.runs.size(), 1u);
  EXPECT_EQ(guide.runs[0].lines, (std::vector<std::string>{"x = 1", "y = 2"}));
  EXPECT_EQ(shown(guide.runs[0]), (std::vector<Shown>{{2, {"42"}, {2}}}));
}

TEST(GuideParserTest, LoneKeywordsAndSignaturesAreNotSamples) {
  const ParsedGuide guide = parse_guide(
      "Keywords and built-ins\n"
      "break\n"                                           // 2
      "The break statement leaves the loop early.\n"
      "pass\n"                                            // 4
      "It does nothing at all.\n"
      "else:\n"                                           // 6
      "It starts the other branch of an if statement.\n"
      "map(function, iterable)\n"                         // 8
      "It applies a function to every item.\n"
      "print(*objects, sep=' ', end='\\n')\n"             // 10
      "It writes the objects to the stream.\n"
      "re.sub(pattern, repl, string, count=0)\n"          // 12
      "It replaces matches of the pattern.\n"
      "isinstance(object, classinfo)\n"                   // 14
      "It checks the type of an object.\n"
      "items = [3, 1]\n"                                  // 16
      "print(items)\n"
      "Real code stops here for a moment.\n"
      "len(items)\n"                                      // 19: items is the guide's own name
      "A call of a name defined above stays a sample.\n"
      "len(list)\n"                                       // 21: builtins only
      "Builtins are defined.\n"
      "greet()\n"                                         // 23: no placeholder
      "That is all for this page.\n",
      "lone.txt");
  EXPECT_EQ(spans(guide),
            (std::vector<Span>{{"s01", 16, 17}, {"s02", 19, 19}, {"s03", 21, 21}, {"s04", 23, 23}}));
  for (int line : {2, 4, 6, 8, 10, 12, 14}) EXPECT_TRUE(has_diagnostic(guide, line, "not a sample")) << line;
  EXPECT_TRUE(has_diagnostic(guide, 2, "'break' alone between prose reads as a heading"));
  EXPECT_TRUE(has_diagnostic(guide, 8, "'map(function, iterable)' is a signature"));
}

TEST(GuideParserTest, AnExampleCaptionOverACodeBoxStartsANewSample) {
  const ParsedGuide guide = parse_guide(
      "colors = {\"red\", \"blue\"}\n"   // 1
      "print(sorted(colors))\n"
      "Output\n"
      "['blue', 'red']\n"                  // 4
      "Example\n"                          // 5: the next box's caption, no code
      "colors = {\"red\"}\n"              // 6
      "print(len(colors))\n"
      "Output\n"
      "Code\n",                            // 9: printed, no box follows: output
      "captions.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 1, 4}, {"s02", 6, 9}}));
}

TEST(GuideParserTest, ABlockHeaderWithNoBodyBetweenProseIsNoSample) {
  const ParsedGuide guide = parse_guide(
      "The general form of a loop is:\n"
      "for variable in sequence:\n"  // 2
      "where the body is given in words, indented under it.\n"
      "total = 0\n"                   // 4
      "for n in range(3):\n"
      "total += n\n"
      "print(total)\n",
      "header.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 4, 7}}));
  EXPECT_TRUE(has_diagnostic(guide, 2, "'for variable in sequence:' is a block header with no body"));
}

TEST(GuideParserTest, AKeywordHeadingRightBeforeItsCodeIsNotPartOfTheSample) {
  const ParsedGuide guide = parse_guide(
      "Loop control\n"
      "break\n"
      "for n in range(10):\n"
      "if n == 3:\n"
      "break\n"
      "print(n)\n"
      "The loop stops at three.\n",
      "break.txt");
  EXPECT_EQ(spans(guide), (std::vector<Span>{{"s01", 3, 6}}));
  EXPECT_TRUE(has_diagnostic(guide, 2, "'break' before the code reads as a heading"));
}

TEST(GuideParserTest, DecoratorNeedsADefinition) {
  const ParsedGuide with_def = parse_guide("x = 1\n@timer\ndef f():\nreturn 1\n", "d.txt");
  EXPECT_EQ(spans(with_def), (std::vector<Span>{{"s01", 1, 4}}));
  const ParsedGuide alone = parse_guide("Intro line here.\n@staticmethod\nMore prose follows.\n", "d.txt");
  EXPECT_TRUE(alone.runs.empty());
}

}  // namespace
}  // namespace guidecheck
