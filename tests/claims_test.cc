#include "claims.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

// One line per claim, so a failure shows every field.
std::string show(const Claim& c) {
  std::string out = std::to_string(c.guide_line) + "-" + std::to_string(c.last_guide_line) + " " +
                    std::string(to_string(c.kind)) + " " + std::string(to_string(c.form)) + " @" +
                    std::to_string(c.anchor_line) + " [" + c.text + "]";
  if (!c.note.empty()) out += " note=" + c.note;
  if (!c.statement.empty()) out += " statement=" + c.statement;
  if (c.form == ClaimForm::kOutputBlock) out += " since=" + std::to_string(c.since_line);
  if (c.looks_like_prose) out += " prose";
  return out;
}

std::vector<std::string> show(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const Claim& c : claims) out.push_back(show(c));
  return out;
}

// A run made of `lines`, the first on guide line `first_line`.
CodeRun make_run(std::vector<std::string> lines, int first_line = 1) {
  CodeRun run;
  run.id = "s01";
  run.first_line = first_line;
  run.last_line = first_line + static_cast<int>(lines.size()) - 1;
  for (std::size_t k = 0; k < lines.size(); ++k) run.guide_lines.push_back(first_line + static_cast<int>(k));
  run.lines = std::move(lines);
  return run;
}

const std::map<std::string, CodeRun>& bundled_runs() {
  static const std::map<std::string, CodeRun> runs = [] {
    std::ifstream in(GUIDECHECK_SOURCE_DIR "/guide/top-50-python-interview-questions-2026.txt", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::map<std::string, CodeRun> out;
    for (CodeRun& run : parse_guide(text.str(), "guide.txt").runs) out.emplace(run.id, std::move(run));
    return out;
  }();
  return runs;
}

std::vector<std::string> bundled_claims(const std::string& id) {
  const auto it = bundled_runs().find(id);
  EXPECT_NE(it, bundled_runs().end()) << id;
  return it == bundled_runs().end() ? std::vector<std::string>{} : show(find_claims(it->second));
}

using Lines = std::vector<std::string>;

// ---------------------------------------------------------------------------
// The bundled guide, read by hand.

TEST(ClaimsTest, KnitrsDoubleHashBeforeAValueShownInTheCode) {
  EXPECT_EQ(show(find_claims(make_run({"orders = [2, 1, 3]", "sum(orders)", "## 6", "max(orders)", "## 3"}))),
            (std::vector<std::string>{"3-3 output block @2 [6]", "5-5 output block @4 [3]"}));
}

TEST(ClaimsTest, BundledQ02MutableAndImmutable) {
  EXPECT_EQ(bundled_claims("q02"),
            (Lines{"20-20 output trailing @20 [[99, 2, 3]]",
                   "23-23 error trailing @23 [TypeError: 'str' object does not support item assignment] "
                   "statement=my_string[0] = \"H\"",
                   "24-24 output trailing @24 [Creates a new string] prose",
                   "25-25 output trailing @25 [\"Hello\"]"}));
}

TEST(ClaimsTest, BundledQ05NotesKeptApart) {
  EXPECT_EQ(bundled_claims("q05"), (Lines{"52-52 output trailing @52 [True] note=(same values)",
                                          "53-53 output trailing @53 [False] note=(different objects in memory)",
                                          "54-54 output trailing @54 [True] note=(same object)"}));
}

TEST(ClaimsTest, BundledQ06BlockAfterCall) {
  EXPECT_EQ(bundled_claims("q06"),
            (Lines{"63-65 output block @62 [[INFO] User logged in\nuser: alice\nip: 192.168.1.1]"}));
}

TEST(ClaimsTest, BundledQ12TrailingAndBlock) {
  EXPECT_EQ(bundled_claims("q12"), (Lines{"133-133 output trailing @133 [\"Woof\"] note=(Dog comes first in MRO)",
                                          "135-135 output block @134 [(DogCat, Dog, Cat, Animal, object)]"}));
}

TEST(ClaimsTest, BundledQ22DescriptionsAndNote) {
  // "# Fibonacci with memoization" introduces the next code: not a claim.
  EXPECT_EQ(bundled_claims("q22"), (Lines{"299-299 output trailing @299 [Base case] prose",
                                          "301-301 output trailing @301 [Recursive case] prose",
                                          "302-302 output trailing @302 [120] note=(5 * 4 * 3 * 2 * 1)",
                                          "310-310 output trailing @310 [12586269025]"}));
}

TEST(ClaimsTest, BundledQ28BlockStopsBeforeTheNextHeader) {
  EXPECT_EQ(bundled_claims("q28"), (Lines{"427-428 output block @426 [Eng 110.0\nMkt 85.0]"}));
}

TEST(ClaimsTest, BundledQ29TableAtTheEnd) {
  EXPECT_EQ(bundled_claims("q29"),
            (Lines{"453-457 output block @452 [emp_id name salary\n0 1 Alice 95000.0\n1 2 Bob 72000.0\n"
                   "2 3 Charlie 88000.0\n3 4 Diana NaN]"}));
}

TEST(ClaimsTest, BundledQ35DescriptionsAndArrows) {
  EXPECT_EQ(bundled_claims("q35"),
            (Lines{"550-550 output trailing @550 [Runs only if no exception] prose",
                   "553-553 output trailing @553 [Cleanup code] prose",
                   "554-554 output trailing @554 [Division successful -> This always runs -> 5.0]",
                   "555-555 output trailing @555 [Cannot divide by zero -> This always runs -> None]"}));
}

TEST(ClaimsTest, BundledQ43OutputOfALoopThenHeader) {
  EXPECT_EQ(bundled_claims("q43"), (Lines{"695-695 output block @694 [0 1 1 2 3 5 8 13 21 34 55 89]",
                                          "698-698 output trailing @698 [0]", "699-699 output trailing @699 [1]"}));
}

TEST(ClaimsTest, BundledQ46CommentedOutClassWithBody) {
  EXPECT_EQ(bundled_claims("q46"), (Lines{"756-757 error trailing @756 [TypeError: BadModel must implement validate()] "
                                          "statement=class BadModel(ValidatedBase):\npass"}));
}

TEST(ClaimsTest, BundledQ49ApproximationsErrorAndDescription) {
  EXPECT_EQ(bundled_claims("q49"),
            (Lines{"808-808 output trailing @808 [~56 bytes]",
                   "809-809 output trailing @809 [~56 bytes] note=(but b also has __dict__ overhead)",
                   "810-810 error trailing @810 [AttributeError: 'PointWithSlots' has no attribute 'z'] "
                   "statement=a.z = 3",
                   "811-811 output trailing @811 [Works fine] prose"}));
}

TEST(ClaimsTest, BundledShellCommandsAreNotClaims) {
  EXPECT_TRUE(bundled_claims("q08").empty());
  EXPECT_TRUE(bundled_claims("q41").empty());
}

// ---------------------------------------------------------------------------
// Small cases.

TEST(ClaimsTest, MarkedOutputIsOutputEvenWhenItReadsLikeProse) {
  // pytest-examples' `#>`: verbatim output, kept before more code, no note split off.
  EXPECT_EQ(show(find_claims(make_run({"print(\"Hello, this is the greeting\")", "#> Hello, this is the greeting",
                                       "x = 1", "print(x, (1, 2))", "#> 1 (1, 2)", "print(f(3))", "#> 6 (3 * 2)"}))),
            (Lines{"2-2 output block @1 [Hello, this is the greeting]", "5-5 output block @4 [1 (1, 2)]",
                   "7-7 output block @6 [6 (3 * 2)]"}));
}

TEST(ClaimsTest, MarkedBlockKeepsItsBlankLinesAndIndentation) {
  EXPECT_EQ(show(find_claims(make_run({"print(df)", "#>    a", "#> 0  1", "#>", "#> 1  2"}))),
            (Lines{"2-5 output block @1 [   a\n0  1\n\n1  2]"}));
}

TEST(ClaimsTest, AQuotationIsNotAMarker) {
  // "# > text" (a space before '>') is an ordinary comment: prose before code.
  EXPECT_EQ(show(find_claims(make_run({"print(1)", "# > This introduces the next call", "f()"}))), (Lines{}));
}

TEST(ClaimsTest, HashInsideStringsIsNotAComment) {
  EXPECT_EQ(show(find_claims(make_run({"print(\"#\") # #", "print(f\"{31:#x}\") # 0x1f", "print('a#b')"}))),
            (Lines{"1-1 output trailing @1 [#]", "2-2 output trailing @2 [0x1f]"}));
}

TEST(ClaimsTest, TripleQuotedStringHidesHashLines) {
  EXPECT_EQ(show(find_claims(make_run({"s = \"\"\"", "# not a comment", "\"\"\"", "print(s) # x"}))),
            (Lines{"4-4 output trailing @4 [x]"}));
}

TEST(ClaimsTest, CommentInsideBracketsIsPartOfTheStatement) {
  EXPECT_EQ(show(find_claims(make_run({"d = {", "# the keys", "\"a\": 1}", "print(d) # {'a': 1}"}))),
            (Lines{"4-4 output trailing @4 [{'a': 1}]"}));
}

TEST(ClaimsTest, NotesOnlyForProseInParentheses) {
  EXPECT_EQ(show(find_claims(make_run({"print(x) # (4, 3)", "print(v) # Vector(4, 6)", "print(1, (1, 2)) # 1 (1, 2)",
                                       "print(f(3)) # 6 (3 * 2)"}))),
            (Lines{"1-1 output trailing @1 [(4, 3)]", "2-2 output trailing @2 [Vector(4, 6)]",
                   "3-3 output trailing @3 [1 (1, 2)]", "4-4 output trailing @4 [6] note=(3 * 2)"}));
}

TEST(ClaimsTest, OutputLabelsAreRemovedUnlessPrinted) {
  EXPECT_EQ(show(find_claims(make_run({"print(x) # Output: 5", "print(\"Output:\", x) # Output: 5",
                                       "print(y) # -> [1]"}))),
            (Lines{"1-1 output trailing @1 [5]", "2-2 output trailing @2 [Output: 5]", "3-3 output trailing @3 [[1]]"}));
}

TEST(ClaimsTest, PragmasAreNotClaims) {
  EXPECT_TRUE(find_claims(make_run({"import os # noqa: F401", "x: int = 1 # type: ignore"})).empty());
  // Directives to a documentation site's display of the code.
  EXPECT_TRUE(find_claims(make_run({"print(3)  # (2)!", "print(4)  # (3)", "# highlight-next-line", "print(5)",
                                    "print(6)  # [!code focus]"}))
                  .empty());
}

TEST(ClaimsTest, OutputMarkerLineIsDropped) {
  EXPECT_EQ(show(find_claims(make_run({"print(total)", "# Output:", "# 5", "values = []"}))),
            (Lines{"3-3 output output-block @1 [5] since=0"}));
}

TEST(ClaimsTest, ProseLinesBeforeTheNextCodeIntroduceIt) {
  // "Sorted in ascending order" after the value remarks on it: not output.
  EXPECT_EQ(show(find_claims(make_run({"print(numbers)", "# [3, 1, 2]", "# Now sort the list in place", "numbers.sort()",
                                       "print(numbers)", "# [1, 2, 3]", "# Sorted in ascending order"}))),
            (Lines{"2-2 output block @1 [[3, 1, 2]]", "6-6 output block @5 [[1, 2, 3]]"}));
}

TEST(ClaimsTest, BlockAfterAClaimedLineOrABlockOpenerIsAHeader) {
  EXPECT_EQ(show(find_claims(make_run({"print(a) # 1", "# Second part", "print(b) # 2", "def f():",
                                       "# Explain the body", "return 1"}))),
            (Lines{"1-1 output trailing @1 [1]", "3-3 output trailing @3 [2]"}));
}

TEST(ClaimsTest, LeadingCommentsAreNotClaims) {
  EXPECT_TRUE(find_claims(make_run({"# setup.py", "# Install first", "import sys"})).empty());
}

TEST(ClaimsTest, ShellCommandEndsTheBlock) {
  EXPECT_EQ(show(find_claims(make_run({"print(version)", "# 2.2.0", "# pip install pandas==2.2.0",
                                       "# Successfully installed pandas"}))),
            (Lines{"2-2 output block @1 [2.2.0]"}));
}

TEST(ClaimsTest, ErrorClaimForms) {
  const std::vector<Claim> claims = find_claims(make_run({
      "t = (1, 2)",
      "# t[0] = 9",
      "# TypeError: 'tuple' object does not support item assignment",
      "d = {}",
      "d[\"k\"] # KeyError: 'k'",
      "print(f\"Error: {e}\") # Error: invalid literal",
      "print(1 / 0)",
      "# Traceback (most recent call last):",
      "# File \"x.py\", line 1, in <module>",
      "# ZeroDivisionError: division by zero",
      "int(\"x\") # Raises ValueError",
  }));
  EXPECT_EQ(show(claims),
            (Lines{"2-3 error block @2 [TypeError: 'tuple' object does not support item assignment] statement=t[0] = 9",
                   "5-5 error trailing @5 [KeyError: 'k']", "6-6 output trailing @6 [Error: invalid literal]",
                   "8-10 error block @7 [ZeroDivisionError: division by zero]",
                   "11-11 error trailing @11 [ValueError]"}));
}

// A cheat sheet's `# stock['plums']   -> KeyError: 'plums'`: the arrow and
// the error in the commented-out line itself; an arrow to a value is no
// error claim, nor an arrow after words.
TEST(ClaimsTest, AnErrorAfterAnArrowInCommentedOutCode) {
  EXPECT_EQ(show(find_claims(make_run({"stock = {}", "# stock['plums']           -> KeyError: 'plums'",
                                       "# s.remove(10) => KeyError: 10"}))),
            (Lines{"2-2 error trailing @2 [KeyError: 'plums'] statement=stock['plums']",
                   "3-3 error trailing @3 [KeyError: 10] statement=s.remove(10)"}));
  for (const char* line : {"# stock['apples'] -> 3", "# look it up -> KeyError: 'plums'"})
    for (const Claim& claim : find_claims(make_run({"stock = {}", line})))
      EXPECT_NE(claim.kind, ClaimKind::kError) << line;
}

// Learn X in Y minutes: `# li[4]  # Raises an IndexError`, and a bare name
// when its own comment names the error.
TEST(ClaimsTest, ErrorsNamedWithAnArticleAndOnABareName) {
  EXPECT_EQ(show(find_claims(make_run({"li = [1]", "# li[4]  # Raises an IndexError",
                                       "# some_unknown_var  # Raises a NameError", "# just a remark"}))),
            (Lines{"2-2 error trailing @2 [IndexError] statement=li[4]",
                   "3-3 error trailing @3 [NameError] statement=some_unknown_var"}));
}

// `# 2 * v` over `# TypeError: ...`: an expression the next comment line
// says raises; a lone word over an error is a label unless the error names it.
TEST(ClaimsTest, AnExpressionOverTheErrorItRaises) {
  EXPECT_EQ(show(find_claims(make_run({"v = 1", "# 2 * v", "# TypeError: unsupported operand type(s)", "total = 0",
                                       "# totl", "# NameError: name 'totl' is not defined"}))),
            (Lines{"2-3 error block @2 [TypeError: unsupported operand type(s)] statement=2 * v",
                   "5-6 error block @5 [NameError: name 'totl' is not defined] statement=totl"}));
  const std::vector<Claim> labelled = find_claims(make_run({"print(1 / 0)", "# Result", "# ZeroDivisionError: division by zero"}));
  ASSERT_EQ(labelled.size(), 1u);
  EXPECT_TRUE(labelled[0].statement.empty());
}

// `5, the old value is kept`: a remark after a comma is a note, when the
// value is one whole literal; a printed tuple or phrase stays whole.
TEST(ClaimsTest, ARemarkAfterACommaIsANote) {
  const std::vector<Claim> claims = find_claims(make_run(
      {"d.setdefault('k', 6)  # => 5, the old value is kept", "a is b  # => False, a and b differ here",
       "print(1, 2)  # 1, 2", "print('Hi, there')  # Hi, there you go now"}));
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].text, "5");
  EXPECT_EQ(claims[0].note, "the old value is kept");
  EXPECT_EQ(claims[1].text, "False");
  EXPECT_EQ(claims[2].text, "1, 2");
  EXPECT_EQ(claims[3].text, "Hi, there you go now");
}

TEST(ClaimsTest, LinesAfterCommentedOutCodeAreNotAboutTheCodeBefore) {
  EXPECT_EQ(show(find_claims(make_run({"print(1)", "# x.y = 2 # AttributeError: no y", "# 1", "z = 3"}))),
            (Lines{"2-2 error trailing @2 [AttributeError: no y] statement=x.y = 2"}));
}

TEST(ClaimsTest, GuideLineNumbersComeFromTheRun) {
  const std::vector<Claim> claims = find_claims(make_run({"print(1)", "# 1"}, 120));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].guide_line, 121);
  EXPECT_EQ(claims[0].anchor_line, 120);
}

TEST(ClaimsTest, ProseHint) {
  for (const char* prose : {"Column data types", "Creates a new string", "Cleanup code", "First 2 rows",
                            "Rows 0 and 1", "All three complete in ~1 second, not ~3 seconds",
                            "2. str.format() method", "Immutable: strings cannot be modified in place",
                            "multiprocessing bypasses the GIL", "Exception groups (Python 3.11+)"})
    EXPECT_TRUE(looks_like_prose(prose)) << prose;
  for (const char* value :
       {"[99, 2, 3]", "\"Hello\"", "True", "Vector(4, 6)", "Employee(name='Alice', salary=8000)", "Eng 110.0",
        "~56 bytes", "slow_function took 0.2314 seconds", "emp_id name salary", "user: alice",
        "Division successful -> This always runs -> 5.0", "Cannot withdraw $150. Balance: $100",
        "Toyota: Engine running", "Hello, World!", "-1", "", "0 1 1 2 3 5 8",
        "ValueError: invalid literal for int() with base 10: 'x'", "Traceback (most recent call last):"})
    EXPECT_FALSE(looks_like_prose(value)) << value;
}

// Chinese, Japanese and Korean sentences are prose too; their text in a
// repr, or a word or two of it printed, is not.
TEST(ClaimsTest, ProseHintInCjkScripts) {
  for (const char* prose : {"a < b \u3068\u306A\u308B\u7D44\u307F\u5408\u308F\u305B\u3060\u3051" /* となる組み合わせだけ */,
                            "\u8FD9\u91CC\u8BA1\u7B97\u603B\u548C" /* 这里计算总和 */,
                            "\uD569\uACC4\uB97C \uACC4\uC0B0\uD569\uB2C8\uB2E4" /* 합계를 계산합니다 */})
    EXPECT_TRUE(looks_like_prose(prose)) << prose;
  for (const char* value : {"['\u4F50\u85E4', 82]" /* ['佐藤', 82] */, "{'\u3053\u3093\u306B\u3061\u306F': 1}",
                            "\u4F50\u85E4 82" /* 佐藤 82 */, "****\uC81C\uBAA9****" /* ****제목****: a banner */})
    EXPECT_FALSE(looks_like_prose(value)) << value;
}

TEST(ClaimsTest, ACjkTopicParticleAfterAnOutputNounIsALabel) {
  const std::vector<Claim> claims =
      find_claims(make_run({"print(total)  # \u7D50\u679C\u306F 385" /* 結果は 385 */,
                            "print(n)  # \u7ED3\u679C\u662F 4" /* 结果是 4 */}));
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].text, "385");
  EXPECT_EQ(claims[1].text, "4");
}

TEST(ClaimsTest, ShellCommands) {
  for (const char* command :
       {"pip install pandas==2.2.0", "python -m venv myproject_env", "source myproject_env/bin/activate",
        "myproject_env\\Scripts\\activate", "pytest --cov=myproject --cov-report=html tests/", "$ python app.py",
        "mypy myproject/", "pytest"})
    EXPECT_TRUE(is_shell_command(command)) << command;
  for (const char* other : {"python is fun", "Name Stmts Miss Cover", "user: alice", "[1, 2]", "1/2",
                            "Create a virtual environment", "source code is text"})
    EXPECT_FALSE(is_shell_command(other)) << other;
}

// ---------------------------------------------------------------------------
// Conventions of guides written apart from the code.

TEST(ClaimsTest, BlockAfterACompoundStatementOrACallClaimsWhatItPrinted) {
  // No indentation in scraped text: the block follows the last body line,
  // and the judge gives it what the whole statement holding that line printed.
  EXPECT_EQ(show(find_claims(make_run({"if len(xs) > 2:", "print(\"long\")", "else:", "print(\"short\")", "# short",
                                       "while n:", "n -= 1", "print(n)", "# 1", "# 0", "def show():",
                                       "print(\"shown\")", "show()", "# shown"}))),
            (Lines{"5-5 output block @4 [short]", "9-10 output block @8 [1\n0]", "14-14 output block @13 [shown]"}));
}

TEST(ClaimsTest, PhraseLikeOutputOfALoopIsKeptWhenTheCodePrintsIt) {
  // "Hello, Alice" reads like a phrase; the f-string prints "Hello," so it is output, also before more code.
  EXPECT_EQ(show(find_claims(make_run({"for name in names:", "print(f\"Hello, {name}\")", "# Hello, Alice",
                                       "# Hello, Bob", "count = len(names)", "print(\"Total: %d names\" % count)",
                                       "# Total: 2 names", "print(\"Good morning to you all\")",
                                       "# Good morning to you all", "x = 1"}))),
            (Lines{"3-4 output block @2 [Hello, Alice\nHello, Bob] prose", "7-7 output block @6 [Total: 2 names]",
                   "9-9 output block @8 [Good morning to you all] prose"}));
}

TEST(ClaimsTest, KeysAndDataWordsAreNoEvidenceOfOutput) {
  // "salary" and "left" are dict keys and argument values, not printed text:
  // the prose lines still introduce the next code.
  EXPECT_EQ(show(find_claims(make_run({"row = {\"salary\": 1, \"how\": \"left\"}", "print(row)",
                                       "# {'salary': 1, 'how': 'left'}", "# Left join keeps every salary",
                                       "merged = join(row)", "print(len(row))", "# 2",
                                       "# Salary figures come next", "figures = [1]"}))),
            (Lines{"3-3 output block @2 [{'salary': 1, 'how': 'left'}]", "7-7 output block @6 [2]"}));
}

TEST(ClaimsTest, ProseAfterTheValuesRemarksOnThem) {
  EXPECT_EQ(show(find_claims(make_run({"d = {\"b\": 1, \"a\": 2}", "print(d)", "# {'b': 1, 'a': 2}",
                                       "# dicts keep the order of insertion", "for k in d:", "print(k)", "# b", "# a",
                                       "#", "# the loop sees the same order"}))),
            (Lines{"3-3 output block @2 [{'b': 1, 'a': 2}]", "7-8 output block @6 [b\na]"}));
  // A remark in parentheses on a line of its own; a blank comment line is no value to remark on.
  EXPECT_EQ(show(find_claims(make_run({"print(scores)", "# {'ann': 3, 'bob': 5}", "# (insertion order)",
                                       "print(pair)", "# ('a', 'b')", "# (1, 2)"}))),
            (Lines{"2-2 output block @1 [{'ann': 3, 'bob': 5}]", "5-6 output block @4 [('a', 'b')\n(1, 2)]"}));
  EXPECT_EQ(show(find_claims(make_run({"print(greeting)", "# Welcome to the course", "#", "# Enjoy every lesson"}))),
            (Lines{"2-4 output block @1 [Welcome to the course\n\nEnjoy every lesson]"}));
  // Only prose lines, nothing before them to remark on: kept (the judge calls them prose if they differ).
  EXPECT_EQ(show(find_claims(make_run({"print(greeting)", "# Welcome to the course"}))),
            (Lines{"2-2 output block @1 [Welcome to the course] prose"}));
}

TEST(ClaimsTest, LabelledTrailingComments) {
  EXPECT_EQ(show(find_claims(make_run({"print(a) # Result: 7", "print(b) #OUTPUT:8", "print(c) # Out[4]: 9",
                                       "print(d) # \xE2\x86\x92 [1]", "print(e) #=>{'k': 2}", "print(f) # prints: x y",
                                       "print(g) # outputs True", "print(h) # Expected output: 4 (after sorting)",
                                       "print(i) # prints each item", "print(j) # -> 1 / 0",
                                       "print(\"Result:\", k) # Result: 3", "d[\"k\"] # => KeyError: 'k'"}))),
            (Lines{"1-1 output trailing @1 [7]", "2-2 output trailing @2 [8]", "3-3 output trailing @3 [9]",
                   "4-4 output trailing @4 [[1]]", "5-5 output trailing @5 [{'k': 2}]", "6-6 output trailing @6 [x y]",
                   "7-7 output trailing @7 [True]", "8-8 output trailing @8 [4] note=(after sorting)",
                   "9-9 output trailing @9 [prints each item] prose", "10-10 output trailing @10 [1 / 0]",
                   "11-11 output trailing @11 [Result: 3]", "12-12 error trailing @12 [KeyError: 'k']"}));
}

TEST(ClaimsTest, ALabelledLineIsOutputNeverProse) {
  // Before more code too, even when it reads like a sentence.
  EXPECT_EQ(show(find_claims(make_run({"print(describe(p))", "# Output: The point is at the origin", "q = p",
                                       "print(q.x) # Output: zero as well"}))),
            (Lines{"2-2 output block @1 [The point is at the origin]", "4-4 output trailing @4 [zero as well]"}));
}

TEST(ClaimsTest, LabelContinuationLinesLineUpUnderTheFirstValue) {
  EXPECT_EQ(show(find_claims(make_run({"for name in names:", "greet(name)", "# Output: Good day, Ann",
                                       "#         Good day, Bob", "#         and welcome", "# the greeting is polite",
                                       "done = True"}))),
            (Lines{"3-5 output output-block @2 [Good day, Ann\nGood day, Bob\nand welcome] since=0"}));
  // No space after '#': the value starts at column 6, and so does the next line.
  EXPECT_EQ(show(find_claims(make_run({"print(a); print(b)", "#out: 1", "#     2"}))),
            (Lines{"2-3 output output-block @1 [1\n2] since=0"}));
}

TEST(ClaimsTest, AWordedLabelCoversTheCodeSinceThePreviousClaim) {
  EXPECT_EQ(show(find_claims(make_run({"print(len(a)) # 3", "print(sorted(a))", "print(max(a))", "# Output:",
                                       "# [1, 2, 3]", "# 3", "b = a * 2", "print(b[0])", "# Sample output:", "# 3",
                                       "print(b[1])", "# => 1"}))),
            (Lines{"1-1 output trailing @1 [3]", "5-6 output output-block @3 [[1, 2, 3]\n3] since=1",
                   "10-10 output output-block @8 [3] since=3", "12-12 output block @11 [1]"}));
}

TEST(ClaimsTest, OneLabelledValueIsAboutTheStatementBeforeIt) {
  // "start" is printed too, but `# Output: 42` on its own claims only print(x).
  EXPECT_EQ(show(find_claims(make_run({"print(\"start\")", "x = 6 * 7", "print(x)", "# Output: 42", "print(x, x)",
                                       "#OUTPUT: 42 42"}))),
            (Lines{"4-4 output block @3 [42]", "6-6 output block @5 [42 42]"}));
}

TEST(ClaimsTest, ProseBeforeALabelIntroducesIt) {
  EXPECT_EQ(show(find_claims(make_run({"print(sorted(xs))", "# Sorting gives a new list:", "# Output: [1, 2]"}))),
            (Lines{"3-3 output block @1 [[1, 2]]"}));
}

TEST(ClaimsTest, ALabelAloneBeforeCodeIsNoClaim) {
  EXPECT_EQ(show(find_claims(make_run({"print(x)", "# Output", "y = 2", "print(y) # Output:"}))), (Lines{}));
}

// Output shown as plain lines after an `Output:` line (the parser keeps it in CodeRun::outputs).
TEST(ClaimsTest, ShownOutputIsAnOutputBlockSinceThePreviousOne) {
  CodeRun run = make_run({"print(1)", "print(2) # 2", "x = 3", "print(x)"}, 10);
  run.guide_lines = {10, 11, 15, 16};
  run.outputs = {{12, {"1", "2"}, {13, 14}}, {17, {"3"}, {17}}};
  EXPECT_EQ(show(find_claims(run)), (Lines{"11-11 output trailing @11 [2]", "13-14 output output-block @11 [1\n2] since=0",
                                           "17-17 output output-block @16 [3] since=11"}));
}

TEST(ClaimsTest, ATracebackInShownOutputClaimsTheError) {
  CodeRun run = make_run({"print(\"start\")", "print(1 / 0)"}, 1);
  run.outputs = {{3, {"start", "Traceback (most recent call last):", "File \"x.py\", line 2, in <module>",
                      "ZeroDivisionError: division by zero"},
                  {4, 5, 6, 7}}};
  EXPECT_EQ(show(find_claims(run)), (Lines{"4-4 output output-block @2 [start] since=0",
                                           "5-7 error output-block @2 [ZeroDivisionError: division by zero] since=0"}));
}

}  // namespace
}  // namespace guidecheck
