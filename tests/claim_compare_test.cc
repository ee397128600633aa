#include "claim_compare.h"

#include <gtest/gtest.h>

#include <string>

namespace guidecheck {
namespace {

// "equivalent numpy-array+fewer-digits", "mismatch", "prose describes the output":
// one string, so a failure shows both the verdict and the rule.
std::string verdict(std::string_view claimed, std::string_view actual, bool looks_like_prose = false) {
  const ClaimComparison c = compare_claim(claimed, actual, looks_like_prose);
  std::string out = to_string(c.verdict);
  if (!c.rule.empty()) out += " " + c.rule;
  return out;
}

// --- match -----------------------------------------------------------------

TEST(ClaimCompareTest, IdenticalTextMatches) {
  EXPECT_EQ(verdict("{'apple': 1.35, 'banana': 0.68, 'cherry': 1.8}", "{'apple': 1.35, 'banana': 0.68, 'cherry': 1.8}"),
            "match");                               // q04
  EXPECT_EQ(verdict("(3, 4)", "(3, 4)"), "match");  // q32
  EXPECT_EQ(verdict("12586269025", "12586269025"), "match");
}

TEST(ClaimCompareTest, CollapsedWhitespaceMatches) {
  // q06: the scrape lost the indentation of the printed lines.
  EXPECT_EQ(verdict("[INFO] User logged in\nuser: alice\nip: 192.168.1.1",
                    "[INFO] User logged in\n user: alice\n ip: 192.168.1.1"),
            "match");
  // q29: a DataFrame whose column padding was collapsed.
  EXPECT_EQ(verdict("emp_id name salary\n0 1 Alice 95000.0\n1 2 Bob 72000.0\n2 3 Charlie 88000.0\n3 4 Diana NaN",
                    "   emp_id     name   salary\n0       1    Alice  95000.0\n1       2      Bob  72000.0\n"
                    "2       3  Charlie  88000.0\n3       4    Diana      NaN"),
            "match");
  // q34: a line of nothing but padding, and trailing blanks.
  EXPECT_EQ(verdict("product A B\ndate\n2026-01 100 150\n2026-02 120 180",
                    "product    A    B\ndate             \n2026-01  100  150\n2026-02  120  180"),
            "match");
  EXPECT_EQ(verdict("a\n\nb\t c\r", "a\nb c\n\n"), "match");
}

TEST(ClaimCompareTest, WhitespaceInsideALineStillCounts) {
  EXPECT_EQ(verdict("(4,3)", "(4, 3)"), "mismatch");
  EXPECT_EQ(verdict("ab", "a b"), "mismatch");
}

// --- real errors are mismatches ----------------------------------------------

TEST(ClaimCompareTest, AddressesDifferInEveryRunAndIPythonDropsObject) {
  EXPECT_EQ(verdict("<function area at 0x7f3a2c1d3e50>", "<function area at 0x7f00aa11bb22>"), "equivalent addresses");
  // IPython's repr of an object without one of its own.
  EXPECT_EQ(verdict("<__main__.Point at 0x7f19dc73abd0>", "<__main__.Point object at 0x7f8dbe8a9f90>"),
            "equivalent addresses");
  EXPECT_EQ(verdict("[<Node at 0x10a2b3c40>, 3]", "[<Node object at 0x7f8dbe8a9f90>, 4]"), "mismatch");
  EXPECT_EQ(verdict("<Node at 0x10a2b3c40>", "<Leaf object at 0x7f8dbe8a9f90>"), "mismatch");
  // Short hex numbers are values, not addresses.
  EXPECT_EQ(verdict("0x1f", "0x2f"), "mismatch");
  EXPECT_EQ(verdict("<__main__.Point object at 0x7f19dc73abd0>", "no address here"), "mismatch");
}

TEST(ClaimCompareTest, KnitrsPrefixBeforeEveryOutputLineIsPresentation) {
  EXPECT_EQ(verdict("## total: 16\n## float64", "total: 16\nfloat64"), "equivalent output-prefix");
  EXPECT_EQ(verdict("##    day  qty\n## 0  Mon    2", "   day  qty\n0  Mon    2"), "equivalent output-prefix");
  EXPECT_EQ(verdict("#> [1, 2]", "[1, 2]"), "equivalent output-prefix");
  EXPECT_EQ(verdict("## 1.5", "1.50"), "equivalent output-prefix+fewer-digits");
  EXPECT_EQ(verdict("## 47.25", "44.05"), "mismatch");
  // Printed by the sample itself, or on some lines only: no prefix.
  EXPECT_EQ(verdict("## Title\n## Part", "## Title\n## Part"), "match");
  EXPECT_EQ(verdict("## 16\n17", "16\n17"), "mismatch");
}

TEST(ClaimCompareTest, AnEllipsisInsideAWordStandsForAnyText) {
  const std::string run = "abababababababababababababababababababab\n40";
  EXPECT_EQ(verdict("abababab\xE2\x80\xA6" "abab\n40", run), "equivalent ellipsis");
  EXPECT_EQ(verdict("ababab...ab\n40", run), "equivalent ellipsis");
  EXPECT_EQ(verdict("abababab\xE2\x80\xA6" "abab\n41", run), "mismatch");
  EXPECT_EQ(verdict("abx...ab\n40", run), "mismatch");
  EXPECT_NE(verdict("...", "anything at all"), "equivalent ellipsis");  // claims nothing
}

TEST(ClaimCompareTest, AStringsValueShownWithoutItsQuotes) {
  EXPECT_EQ(verdict("HELLO, WORLD", "'HELLO, WORLD'"), "equivalent quotes");
  EXPECT_EQ(verdict("it's", "\"it's\""), "mismatch");  // the quote inside: not the same text
  EXPECT_EQ(verdict("HELLO", "'HELLO, WORLD'"), "mismatch");
  EXPECT_EQ(verdict("a\nb", "'a'\n'b'"), "mismatch");
}

TEST(ClaimCompareTest, WrongValuesAreMismatches) {
  EXPECT_EQ(verdict("[1, 2, 4]", "[1, 2, 3]"), "mismatch");
  EXPECT_EQ(verdict("True", "False"), "mismatch");
  EXPECT_EQ(verdict("{'a': 1}", "{'a': 2}"), "mismatch");
  EXPECT_EQ(verdict("Woof", "Meow"), "mismatch");
  EXPECT_EQ(verdict("Vector(4, 6)", "Vector(4, 7)"), "mismatch");
  EXPECT_EQ(verdict("Cannot withdraw $150. Balance: $100", "Cannot withdraw $200. Balance: $100"), "mismatch");
}

TEST(ClaimCompareTest, LoopOutputRunIntoTheNextPrintIsAMismatch) {
  // q43: print(num, end=" ") leaves the terminal line open; the next print's 0 joins it.
  const std::string line = "0 1 1 2 3 5 8 13 21 34 55 89 0";
  EXPECT_EQ(verdict("0 1 1 2 3 5 8 13 21 34 55 89", line), "mismatch");
  EXPECT_EQ(verdict("0", line), "mismatch");
  EXPECT_EQ(verdict("0 1 1 2 3 5 8 13 21 34 55 89 0", line), "match");
}

TEST(ClaimCompareTest, MissingOrExtraLinesAreMismatches) {
  EXPECT_EQ(verdict("Woof", "Woof\nMeow"), "mismatch");
  EXPECT_EQ(verdict("Woof\nMeow", "Woof"), "mismatch");
  EXPECT_EQ(verdict("", "Woof"), "mismatch");
}

// --- quotes --------------------------------------------------------------------

TEST(ClaimCompareTest, QuotesAroundAPrintedString) {
  EXPECT_EQ(verdict("\"Hello\"", "Hello"), "equivalent quotes");  // q02
  EXPECT_EQ(verdict("'Hello'", "Hello"), "equivalent quotes");
  EXPECT_EQ(verdict("\"c\"", "c"), "equivalent quotes");  // q23
  EXPECT_EQ(verdict("\"Woof\"", "Woof"), "equivalent quotes");
  EXPECT_EQ(verdict("\"Hello, World!\"", "Hello, World!"), "equivalent quotes");
}

TEST(ClaimCompareTest, QuotesDoNotExcuseADifferentString) {
  EXPECT_EQ(verdict("\"Hello\"", "hello"), "mismatch");
  EXPECT_EQ(verdict("\"c\"", "a"), "mismatch");
  EXPECT_EQ(verdict("'Hello'", "\"Hello\""), "mismatch");
  // Quotes inside a value are part of it: a list of str prints with quotes.
  EXPECT_EQ(verdict("['a', 'b']", "[a, b]"), "mismatch");
  EXPECT_EQ(verdict("'a', 'b'", "a, b"), "mismatch");
}

TEST(ClaimCompareTest, JsonQuotesForAReprsQuotes) {
  EXPECT_EQ(verdict("{\"debug\": True, \"level\": 5}", "{'debug': True, 'level': 5}"), "equivalent quotes");
  EXPECT_EQ(verdict("[\"a\", 'b']", "['a', 'b']"), "equivalent quotes");
  EXPECT_EQ(verdict("{\"debug\": True}", "{'debug': False}"), "mismatch");
  EXPECT_EQ(verdict("{\"debug\": 1}", "{'Debug': 1}"), "mismatch");
}

TEST(ClaimCompareTest, WordsBesideOutputWithoutWordsDescribeIt) {
  // `print(a[1])  # second row` prints `[4 5 6 7]`: the comment names it.
  EXPECT_EQ(verdict("second row", "[4 5 6 7]"), "prose describes the output");
  EXPECT_EQ(verdict("last row, second-to-last column", "10"), "prose describes the output");
  // A wrong word is a wrong claim when the output has words too.
  EXPECT_EQ(verdict("Hello Bob", "Hello Alice"), "mismatch");
  EXPECT_EQ(verdict("row 2", "[4 5 6 7]"), "mismatch");
}

TEST(ClaimCompareTest, SwappedQuotesMustStillQuoteTheString) {
  // The repr picks double quotes because the string holds a single one:
  // 'it's' is no literal, so the claim is wrong, not a matter of style.
  EXPECT_EQ(verdict("'it's late'", "\"it's late\""), "mismatch");
  EXPECT_EQ(verdict("['a', 'it's']", "['a', \"it's\"]"), "mismatch");
  EXPECT_EQ(verdict("[\"a\", \"it's\"]", "['a', \"it's\"]"), "equivalent quotes");
  EXPECT_EQ(verdict("{'say': 'hi'}", "{\"say\": \"hi\"}"), "equivalent quotes");
}

// --- numpy-array ------------------------------------------------------------------

TEST(ClaimCompareTest, ListWrittenForANumpyArray) {
  EXPECT_EQ(verdict("[2, 4, 6, 8, 10]", "[ 2  4  6  8 10]"), "equivalent numpy-array");  // q32
  EXPECT_EQ(verdict("[1, 4, 9, 16, 25]", "[ 1  4  9 16 25]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[4, 5]", "[4 5]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[1.0, 1.414, 1.732, 2.0, 2.236]", "[1.         1.41421356 1.73205081 2.         2.23606798]"),
            "equivalent numpy-array+fewer-digits");
  EXPECT_EQ(verdict("[1.0, 2.0]", "[1. 2.]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[[1, 2], [3, 4]]", "[[1 2]\n [3 4]]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[-1, 2]", "[-1  2]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[True, False]", "[ True False]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("['a', 'b']", "['a' 'b']"), "equivalent numpy-array");
  EXPECT_EQ(verdict("Result: [4, 5]", "Result: [4 5]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[1e-05, 1.0]", "[1.e-05 1.e+00]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[1e-04, 1.0]", "[1.e-05 1.e+00]"), "mismatch");
  EXPECT_EQ(verdict("[0.00001, 1.0]", "[1.e-05 1.e+00]"), "mismatch");  // limit: exponents must agree
  EXPECT_EQ(verdict("[1.0e-05, 1.0e+00]", "[1.e-05 1.e+00]"), "equivalent numpy-array");
  EXPECT_EQ(verdict("[[1 2]\n [3 4]]", "[[1 2]\n [3 4]]"), "match");
}

TEST(ClaimCompareTest, NumpyArrayRuleComparesEveryElement) {
  EXPECT_EQ(verdict("[2, 4, 6, 8, 11]", "[ 2  4  6  8 10]"), "mismatch");
  EXPECT_EQ(verdict("[2, 4, 6, 8]", "[ 2  4  6  8 10]"), "mismatch");
  EXPECT_EQ(verdict("[4, 5, 6]", "[4 5]"), "mismatch");
  EXPECT_EQ(verdict("[[1, 2], [3, 4]]", "[1 2 3 4]"), "mismatch");
  EXPECT_EQ(verdict("[1, 2]", "[1. 2.]"), "mismatch");  // ints claimed, floats printed
  EXPECT_EQ(verdict("[1.0, 1.415]", "[1.         1.41421356]"), "mismatch");
  EXPECT_EQ(verdict("[-1, 2]", "[1 2]"), "mismatch");
  // A printed Python list is not an array: commas must be there.
  EXPECT_EQ(verdict("[4, 5]", "[4, 6]"), "mismatch");
  EXPECT_EQ(verdict("[4 5]", "[4, 5]"), "mismatch");
}

// --- what other guides of the same style print ------------------------------------------

TEST(ClaimCompareTest, CommonClaimsOfOtherGuides) {
  EXPECT_EQ(verdict("int", "<class 'int'>"), "equivalent class-names");  // print(type(5))
  EXPECT_EQ(verdict("str", "<class 'int'>"), "mismatch");
  EXPECT_EQ(verdict("0.3", "0.30000000000000004"), "equivalent fewer-digits");  // print(0.1 + 0.2)
  EXPECT_EQ(verdict("5", "5.0"), "mismatch");                                   // print(10 / 2): a real error
  EXPECT_EQ(verdict("HELLO", "HELLO"), "match");
  EXPECT_EQ(verdict("'hello'", "'hello'"), "match");                       // print(repr(s))
  EXPECT_EQ(verdict("{'b': 2, 'a': 1}", "{'a': 1, 'b': 2}"), "mismatch");  // dicts print in insertion order
  EXPECT_EQ(verdict("a 1\nb 2", "   x\na  1\nb  2\n\n[2 rows x 1 columns]"), "equivalent excerpt");
}

// --- fewer-digits -------------------------------------------------------------------

TEST(ClaimCompareTest, NumbersRoundedOrTruncated) {
  EXPECT_EQ(verdict("0.6667", "0.6666666666666666"), "equivalent fewer-digits");  // rounded
  EXPECT_EQ(verdict("0.6666", "0.6666666666666666"), "equivalent fewer-digits");  // truncated
  EXPECT_EQ(verdict("3.14", "3.14159"), "equivalent fewer-digits");
  EXPECT_EQ(verdict("1.0", "0.96"), "equivalent fewer-digits");  // rounding carries
  EXPECT_EQ(verdict("-2.24", "-2.236"), "equivalent fewer-digits");
  EXPECT_EQ(verdict("1.50", "1.5"), "equivalent fewer-digits");  // trailing zero
  EXPECT_EQ(verdict("1.2e-05", "1.23456e-05"), "equivalent fewer-digits");
  EXPECT_EQ(verdict("mean: 3.33", "mean: 3.3333333333333335"), "equivalent fewer-digits");
}

TEST(ClaimCompareTest, FewerDigitsNeverExcusesAWrongNumber) {
  EXPECT_EQ(verdict("3.15", "3.14159"), "mismatch");
  EXPECT_EQ(verdict("3.13", "3.14159"), "mismatch");
  EXPECT_EQ(verdict("3", "3.14159"), "mismatch");  // an integer must be printed as is
  EXPECT_EQ(verdict("3", "3.0"), "mismatch");
  EXPECT_EQ(verdict("3.0", "3"), "mismatch");
  EXPECT_EQ(verdict("3.", "3.14159"), "mismatch");
  EXPECT_EQ(verdict("1e-05", "1.5e-05"), "mismatch");
  EXPECT_EQ(verdict("77", "78"), "mismatch");
  EXPECT_EQ(verdict("3.141", "3.14"), "mismatch");  // more digits than printed
  EXPECT_EQ(verdict("-3.14", "3.14159"), "mismatch");
  EXPECT_EQ(verdict("1.2e-04", "1.23456e-05"), "mismatch");
  EXPECT_EQ(verdict("2026-01", "2026-1"), "mismatch");
  EXPECT_EQ(verdict("3.11.2", "3.11.27"), "mismatch");  // a version, not a number
}

// --- approximately ------------------------------------------------------------------

TEST(ClaimCompareTest, ApproximateNumberWithinTenPercent) {
  EXPECT_EQ(verdict("~56 bytes", "56"), "equivalent approximately");  // q49, b
  EXPECT_EQ(verdict("~56 bytes", "60"), "equivalent approximately");
  EXPECT_EQ(verdict("~1.0s", "0.95s"), "equivalent approximately");
  EXPECT_EQ(verdict("took ~2 seconds", "took 2.1 seconds"), "equivalent approximately");
  EXPECT_EQ(verdict("\xe2\x89\x88"
                    "100",
                    "104"),
            "equivalent approximately");
}

TEST(ClaimCompareTest, ApproximateNumberOutsideTenPercentIsAMismatch) {
  EXPECT_EQ(verdict("~56 bytes", "48"), "mismatch");  // q49, a: slots make it 48
  EXPECT_EQ(verdict("~56 bytes", "62"), "mismatch");
  EXPECT_EQ(verdict("~56 bytes", "56 kilobytes"), "mismatch");  // printed units must agree
  EXPECT_EQ(verdict("56 bytes", "56"), "mismatch");             // no `~`, no rule
  EXPECT_EQ(verdict("~0", "0.01"), "mismatch");
}

// --- ellipsis ----------------------------------------------------------------------

TEST(ClaimCompareTest, EllipsisElidesTheRest) {
  EXPECT_EQ(verdict("Employee(name='Alice', department='Engineering', ...)",
                    "Employee(name='Alice', department='Engineering', salary=120000, skills=['Python', 'SQL'])"),
            "equivalent ellipsis");  // q50
  EXPECT_EQ(verdict("[0, 1, 2, ..., 99]", "[0, 1, 2, 3, 4, 5, 99]"), "equivalent ellipsis");
  EXPECT_EQ(verdict("3.14...", "3.14159"), "equivalent fewer-digits+ellipsis");
  EXPECT_EQ(verdict("first\n...\nlast", "first\nsecond\nthird\nlast"), "equivalent ellipsis");
  EXPECT_EQ(verdict("a \xe2\x80\xa6 z", "a b c z"), "equivalent ellipsis");
  EXPECT_EQ(verdict("start ... middle ... end", "start 1 middle 2 end"), "equivalent ellipsis");
}

TEST(ClaimCompareTest, EllipsisDoesNotExcuseWhatItShows) {
  EXPECT_EQ(verdict("Employee(name='Bob', department='Engineering', ...)",
                    "Employee(name='Alice', department='Engineering', salary=120000, skills=['Python', 'SQL'])"),
            "mismatch");
  EXPECT_EQ(verdict("[0, 1, 2, ..., 98]", "[0, 1, 2, 3, 4, 5, 99]"), "mismatch");
  EXPECT_EQ(verdict("Employee(name='Alice', ...)", "Employee(name='Alice')"), "mismatch");
  EXPECT_EQ(verdict("...", "anything"), "mismatch");
  EXPECT_EQ(verdict("start ... middle ... end", "start 1 end 2 middle"), "mismatch");
  // Printed dots are text: they match literally.
  EXPECT_EQ(verdict("...", "..."), "match");
  EXPECT_EQ(verdict("Fetching https://api.example.com/users...", "Fetching https://api.example.com/users..."), "match");
}

// --- class-names ---------------------------------------------------------------------

TEST(ClaimCompareTest, ClassReprsShortenedToNames) {
  EXPECT_EQ(verdict("(DogCat, Dog, Cat, Animal, object)",
                    "(<class '__main__.DogCat'>, <class '__main__.Dog'>, <class '__main__.Cat'>, "
                    "<class '__main__.Animal'>, <class 'object'>)"),
            "equivalent class-names");  // q12
  EXPECT_EQ(verdict("<class 'int'>", "<class 'int'>"), "match");
  EXPECT_EQ(verdict("OrderedDict", "<class 'collections.OrderedDict'>"), "equivalent class-names");
}

TEST(ClaimCompareTest, ClassNamesMustBeTheSameClasses) {
  const std::string mro =
      "(<class '__main__.DogCat'>, <class '__main__.Dog'>, <class '__main__.Cat'>, "
      "<class '__main__.Animal'>, <class 'object'>)";
  EXPECT_EQ(verdict("(DogCat, Cat, Dog, Animal, object)", mro), "mismatch");  // wrong MRO
  EXPECT_EQ(verdict("(DogCat, Dog, Animal, object)", mro), "mismatch");
  EXPECT_EQ(verdict("(Dog, Dog, Cat, Animal, object)", mro), "mismatch");
  EXPECT_EQ(verdict("main", "<class '__main__.DogCat'>"), "mismatch");
}

// --- excerpt ---------------------------------------------------------------------------

TEST(ClaimCompareTest, ExcerptOfAPandasSeries) {
  // q28: pandas prints the index name above and a footer below.
  EXPECT_EQ(verdict("Eng 110.0\nMkt 85.0", "department\nEng    110.0\nMkt     85.0\nName: revenue, dtype: float64"),
            "equivalent excerpt");
  // q30
  EXPECT_EQ(verdict("name 1\nscore 2", "name     1\nscore    2\ndtype: int64"), "equivalent excerpt");
  EXPECT_EQ(verdict("Eng 110\nMkt 85.0", "department\nEng    110.0\nMkt     85.0\nName: revenue, dtype: float64"),
            "mismatch");  // an integer claimed
  EXPECT_EQ(verdict("Eng 110.00\nMkt 85.0", "department\nEng    110.0\nMkt     85.0\nName: revenue, dtype: float64"),
            "equivalent excerpt+fewer-digits");
}

TEST(ClaimCompareTest, ExcerptNeedsContiguousDataLines) {
  const std::string series = "department\nEng    110.0\nMkt     85.0\nName: revenue, dtype: float64";
  EXPECT_EQ(verdict("Eng 110.0\nMkt 86.0", series), "mismatch");
  EXPECT_EQ(verdict("Mkt 85.0\nEng 110.0", series), "mismatch");   // order
  EXPECT_EQ(verdict("department\nMkt 85.0", series), "mismatch");  // not contiguous
  EXPECT_EQ(verdict("Eng 110.0", series), "mismatch");             // one line: no excerpt
  // Header words alone excuse nothing.
  EXPECT_EQ(verdict("product A B\ndate", "product    A    B\ndate             \n2026-01  100  150"), "mismatch");
  // Partial lines are not an excerpt.
  EXPECT_EQ(verdict("Eng 110\nMkt 85", "Eng 110 x\nMkt 85 y\nz"), "mismatch");
}

// --- arrows ---------------------------------------------------------------------------

TEST(ClaimCompareTest, ArrowsJoinPrintedLines) {
  // q35
  EXPECT_EQ(verdict("Division successful -> This always runs -> 5.0", "Division successful\nThis always runs\n5.0"),
            "equivalent arrows");
  EXPECT_EQ(
      verdict("Cannot divide by zero -> This always runs -> None", "Cannot divide by zero\nThis always runs\nNone"),
      "equivalent arrows");
  EXPECT_EQ(verdict("a \xe2\x86\x92 b", "a\nb"), "equivalent arrows");
  EXPECT_EQ(verdict("\"start\" -> 3.14", "start\n3.14159"), "equivalent arrows+quotes+fewer-digits");
  // A printed arrow is text.
  EXPECT_EQ(verdict("a -> b", "a -> b"), "match");
}

TEST(ClaimCompareTest, ArrowPartsMustEachMatch) {
  EXPECT_EQ(verdict("Division successful -> This always runs -> 5.0", "Division successful\nThis always runs\n2.0"),
            "mismatch");
  EXPECT_EQ(verdict("Division successful -> 5.0", "Division successful\nThis always runs\n5.0"), "mismatch");
  EXPECT_EQ(verdict("This always runs -> Division successful -> 5.0", "Division successful\nThis always runs\n5.0"),
            "mismatch");
  EXPECT_EQ(verdict("a -> b", "a b"), "mismatch");
}

// --- prose -------------------------------------------------------------------------------

TEST(ClaimCompareTest, DescriptionsAreProse) {
  const std::string dtypes = "name          object\ndepartment    object\nsalary         int64\ndtype: object";
  EXPECT_EQ(verdict("Column data types", dtypes, true), "prose describes the output");  // q27
  EXPECT_EQ(verdict("Column data types", dtypes, false), "prose describes the output");
  EXPECT_EQ(verdict("Summary statistics", "            salary\ncount      4.00000\nmean   82750.00000", true),
            "prose describes the output");
  EXPECT_EQ(
      verdict("First 2 rows",
              "    name   department  salary\n0  Alice  Engineering   95000\n1    Bob    Marketing   72000", true),
      "prose describes the output");
  // q31: note "(inclusive)" already removed; x and y are in the output, but it is a sentence.
  EXPECT_EQ(verdict("Rows x and y", "    A   B\nx  10  40\ny  20  50", true), "prose describes the output");
  EXPECT_EQ(verdict("Rows 0 and 1", "    A   B\nx  10  40\ny  20  50", true), "prose describes the output");
  // q47
  EXPECT_EQ(verdict("All three complete in ~1 second, not ~3 seconds",
                    "Fetching https://api.example.com/users...\nData from https://api.example.com/users", true),
            "prose describes the output");
}

TEST(ClaimCompareTest, CommentsOnStatementsThatPrintNothingAreProse) {
  EXPECT_EQ(verdict("Creates a new string", "", true), "prose describes the code");
  EXPECT_EQ(verdict("Teardown", "", false), "prose describes the code");
  EXPECT_EQ(verdict("Composition: Car HAS an Engine", "", false), "prose describes the code");
  EXPECT_EQ(verdict("O(n)", "", false), "prose describes the code");
  EXPECT_EQ(verdict("42", "", false), "mismatch nothing was printed");
  EXPECT_EQ(verdict("[1, 2]", "", false), "mismatch nothing was printed");
}

TEST(ClaimCompareTest, ValuesAreNeverProse) {
  // Even when the extractor thought the text reads like prose.
  EXPECT_EQ(verdict("True", "False", true), "mismatch");
  EXPECT_EQ(verdict("[1, 2, 4]", "[1, 2, 3]", true), "mismatch");
  EXPECT_EQ(verdict("Vector(4, 6)", "Vector(4, 7)", true), "mismatch");
  EXPECT_EQ(verdict("Woof", "Meow", true), "mismatch");  // one word where something was printed
  EXPECT_EQ(verdict("0 1 1 2 3", "0 1 1 2 3 5", true), "mismatch");
  EXPECT_EQ(verdict("~56 bytes", "48", true), "mismatch");
  EXPECT_EQ(verdict("x = 5", "x = 6", true), "mismatch");
  EXPECT_EQ(verdict("Done -> ok", "Done\nfailed", true), "mismatch");
}

TEST(ClaimCompareTest, ProseSharingMostWordsWithTheOutputIsAMismatch) {
  // A typo in a printed sentence is an error, not a description.
  EXPECT_EQ(verdict("Engine runing", "Toyota: Engine running", true), "mismatch");
  EXPECT_EQ(verdict("Cannot divide by zero", "Cannot divide by 0", true), "mismatch");
  EXPECT_EQ(verdict("Hello, World", "Hello World!", true), "mismatch");
}

// --- traceback -----------------------------------------------------------------------

// What python3 prints for `int('x')` in a session (on the statement's stdout).
constexpr const char* kPrintedTraceback =
    "Traceback (most recent call last):\n"
    "  File \"/tmp/snippets/s01.py\", line 3, in <module>\n"
    "    int('x')\n"
    "ValueError: invalid literal for int() with base 10: 'x'";

TEST(ClaimCompareTest, ShownTracebackAgreesByItsExceptionLine) {
  // The stack elided as doctest allows, indented or not.
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nValueError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "equivalent traceback");
  EXPECT_EQ(verdict("Traceback (most recent call last):\n...\nValueError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "equivalent traceback");
  // The REPL's own stack (<stdin>), and one a scrape flattened.
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                    "ValueError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "equivalent traceback");
  EXPECT_EQ(verdict("Traceback (most recent call last):\nFile \"<stdin>\", line 1, in <module>\n"
                    "ValueError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "equivalent traceback");
  // No stack at all.
  EXPECT_EQ(verdict("Traceback (most recent call last):\nValueError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "equivalent traceback");
  // The very text printed is a match.
  EXPECT_EQ(verdict(kPrintedTraceback, kPrintedTraceback), "match");
}

TEST(ClaimCompareTest, ShownTracebackNeedsTheSameExceptionAndMessage) {
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nTypeError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "mismatch");
  // A prefix of the message is not enough (no IGNORE_EXCEPTION_DETAIL).
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nValueError: invalid literal", kPrintedTraceback),
            "mismatch");
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nValueError", kPrintedTraceback), "mismatch");
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...", kPrintedTraceback), "mismatch");
  // An extra line after the exception line.
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nValueError: invalid literal for int() with base 10: "
                    "'x'\nmore",
                    kPrintedTraceback),
            "mismatch");
  // Nothing was raised: a claimed traceback is never prose.
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nValueError: bad", "42"), "mismatch");
}

TEST(ClaimCompareTest, IPythonsTracebackAgreesByItsExceptionLine) {
  const std::string ipython =
      "---------------------------------------------------------------------------\n"
      "ValueError                                Traceback (most recent call last)\n"
      "Cell In[3], line 1\n"
      "----> 1 int('x')\n"
      "\n"
      "ValueError: invalid literal for int() with base 10: 'x'";
  EXPECT_EQ(verdict(ipython, kPrintedTraceback), "equivalent traceback");
  std::string other = ipython;
  other.replace(other.rfind("'x'"), 3, "'y'");
  EXPECT_EQ(verdict(other, kPrintedTraceback), "mismatch");
  // Only a name before "Traceback": a sentence that says it is no header.
  EXPECT_EQ(verdict("See the Traceback (most recent call last)\nValueError: invalid literal for int() with base 10: 'x'",
                    kPrintedTraceback),
            "mismatch");
}

// IPython names an exception outside the builtins without its module;
// Python prints the module too. The message must still be the same.
TEST(ClaimCompareTest, ATracebackMayNameTheExceptionWithoutItsModule) {
  const std::string printed =
      "Traceback (most recent call last):\n"
      "  File \"s05.py\", line 1, in <module>\n"
      "    raw.astype(int)\n"
      "pandas.errors.IntCastingNaNError: Cannot convert non-finite values (NA or inf) to integer";
  const std::string ipython =
      "---------------------------------------------------------------------------\n"
      "IntCastingNaNError                        Traceback (most recent call last)\n"
      "Cell In [5], line 1\n"
      "----> 1 raw.astype(int)\n"
      "IntCastingNaNError: Cannot convert non-finite values (NA or inf) to integer";
  EXPECT_EQ(verdict(ipython, printed), "equivalent traceback+exception-type");
  std::string other = ipython;
  other.replace(other.rfind("integer"), 7, "float");
  EXPECT_EQ(verdict(other, printed), "mismatch");
  other = ipython;
  other.replace(other.rfind("IntCastingNaNError"), 18, "ValueError");
  EXPECT_EQ(verdict(other, printed), "mismatch");
}

TEST(ClaimCompareTest, AReprWrappedInsideItsBracketsAgrees) {
  const std::string printed = "Counter({'the': 3, 'and': 2, 'cat': 1, 'hat': 1})";
  EXPECT_EQ(verdict("Counter({'the': 3, 'and': 2,\n         'cat': 1, 'hat': 1})", printed), "equivalent wrapped");
  EXPECT_EQ(verdict("[1.5,\n 2]", "[1.50, 2]"), "equivalent wrapped+fewer-digits");
  // Another value is still wrong, and a break outside brackets is two lines.
  EXPECT_EQ(verdict("Counter({'the': 3, 'and': 2,\n         'cat': 2, 'hat': 1})", printed), "mismatch");
  EXPECT_EQ(verdict("1\n2", "1 2"), "mismatch");
  EXPECT_EQ(verdict("[1, 2]\n[3]", "[1, 2] [3]"), "mismatch");
  // A bracket inside a string does not hide a break.
  EXPECT_EQ(verdict("'('\n'x'", "'(' 'x'"), "mismatch");
}

TEST(ClaimCompareTest, ExceptionLineAloneAgreesWithTheTraceback) {
  EXPECT_EQ(verdict("ValueError: invalid literal for int() with base 10: 'x'", kPrintedTraceback),
            "equivalent traceback");
  EXPECT_EQ(verdict("ValueError: invalid literal for int() with base 10: 'y'", kPrintedTraceback), "mismatch");
  EXPECT_EQ(verdict("ValueError", kPrintedTraceback), "mismatch");
}

TEST(ClaimCompareTest, OutputBeforeATracebackMustAgreeToo) {
  const std::string printed = std::string("0.5\n") +
                              "Traceback (most recent call last):\n"
                              "  File \"s.py\", line 1, in <module>\n"
                              "    for x in [2, 0]: print(1 / x)\n"
                              "                           ~~^~~\n"
                              "ZeroDivisionError: division by zero";
  EXPECT_EQ(verdict("0.5\nTraceback (most recent call last):\n  ...\nZeroDivisionError: division by zero", printed),
            "equivalent traceback");
  EXPECT_EQ(verdict("0.5\nZeroDivisionError: division by zero", printed), "equivalent traceback");
  EXPECT_EQ(verdict("0.25\nTraceback (most recent call last):\n  ...\nZeroDivisionError: division by zero", printed),
            "mismatch");
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nZeroDivisionError: division by zero", printed),
            "mismatch");
}

TEST(ClaimCompareTest, ChainedTracebacksAreJudgedByTheirLastException) {
  const std::string printed =
      "Traceback (most recent call last):\n"
      "  File \"s.py\", line 2, in <module>\n"
      "    {}['k']\n"
      "KeyError: 'k'\n"
      "\n"
      "During handling of the above exception, another exception occurred:\n"
      "\n"
      "Traceback (most recent call last):\n"
      "  File \"s.py\", line 4, in <module>\n"
      "    raise LookupError('no k')\n"
      "LookupError: no k";
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nLookupError: no k", printed), "equivalent traceback");
  EXPECT_EQ(verdict("Traceback (most recent call last):\n  ...\nKeyError: 'k'", printed), "mismatch");
}

TEST(ClaimCompareTest, DoctestEllipsisInAnEcho) {
  EXPECT_EQ(verdict("<__main__.Point object at 0x...>", "<__main__.Point object at 0x7f3a2c1d3e50>"),
            "equivalent ellipsis");
  EXPECT_EQ(verdict("[0, 1, ..., 9]", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"), "equivalent ellipsis");
  // Cut words and numbers, at either side of the dots.
  EXPECT_EQ(verdict("<function make_adder.<locals>.add at ...e50>",
                    "<function make_adder.<locals>.add at 0x7f3a2c1d3e50>"),
            "equivalent ellipsis");
  EXPECT_EQ(verdict("Elapsed: 0.0...s", "Elapsed: 0.0123s"), "equivalent fewer-digits+ellipsis");
  EXPECT_EQ(verdict("12...", "12345"), "equivalent ellipsis");
  // What the cut pieces show must still be there.
  EXPECT_EQ(verdict("<__main__.Point object at 0y...>", "<__main__.Point object at 0x7f3a2c1d3e50>"), "mismatch");
  EXPECT_EQ(verdict("<__main__.Line object at 0x...>", "<__main__.Point object at 0x7f3a2c1d3e50>"), "mismatch");
  EXPECT_EQ(verdict("13...", "12345"), "mismatch");
  EXPECT_EQ(verdict("...e51>", "<at 0x7f3a2c1d3e50>"), "mismatch");
  // Only a token touching the dots may be cut.
  EXPECT_EQ(verdict("Point x ...", "Point x7f3a"), "mismatch");
}

// A str repr's text is exact: blanks and digits inside the quotes count.
TEST(ClaimCompareTest, AStringReprIsComparedExactly) {
  EXPECT_EQ(verdict("'[ab    ]'", "'[ab    ]'"), "match");
  EXPECT_EQ(verdict("'[ab   ]'", "'[ab    ]'"), "mismatch");
  EXPECT_EQ(verdict("'1.00000e+06'", "'1.000000e+06'"), "mismatch");
  EXPECT_EQ(verdict("'Lorem ipsum...'", "'Lorem ipsum dolor'"), "equivalent ellipsis");
  // Python's repr is in single quotes: a guide that writes it in double ones
  // shows the same string.
  EXPECT_EQ(verdict("\"Hello world!\"", "'Hello world!'"), "equivalent quotes");
  EXPECT_EQ(verdict("\"Hello world\"", "'Hello world!'"), "mismatch");
  // Not one repr on each side: the general comparison, blanks collapsed.
  EXPECT_EQ(verdict("a   b", "a b"), "match");
}

// --- robustness -------------------------------------------------------------------------

TEST(ClaimCompareTest, APytestSessionIsJudgedByItsOutcomes) {
  const std::string run =
      "============================= test session starts ==============================\n"
      "platform linux -- Python 3.11.2, pytest-7.2.1, pluggy-1.0.0\n"
      "collected 4 items\n\n"
      "test_queue.py ..F.                                                       [100%]\n\n"
      "=================================== FAILURES ===================================\n"
      "___________________________________ test_pop ___________________________________\n"
      "E       assert 2 == 1\n"
      "========================= 1 failed, 3 passed in 0.04s ==========================";
  ClaimComparison quiet = compare_claim("..F.                [100%]\n3 passed, 1 failed in 0.01s", run, false);
  EXPECT_EQ(quiet.verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(quiet.rule, "pytest-session");
  EXPECT_EQ(compare_claim("== 1 failed, 3 passed, 2 warnings in 1.20s ==", run, false).verdict,
            ClaimVerdict::kEquivalent);
  // A count or an order the run did not give.
  EXPECT_EQ(compare_claim("4 passed in 0.01s", run, false).verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(compare_claim(".F..   [100%]\n1 failed, 3 passed in 0.01s", run, false).verdict, ClaimVerdict::kMismatch);
  // No summary line on one side: the other rules decide.
  EXPECT_EQ(compare_claim("4 passed", "4 passed", false).verdict, ClaimVerdict::kMatch);
  EXPECT_NE(compare_claim("3 passed in 0.01s", "3 passed", false).rule, "pytest-session");
}

TEST(ClaimCompareTest, InvalidUtf8IsComparedAsBytes) {
  EXPECT_EQ(verdict("caf\xff", "caf\xff"), "match");
  EXPECT_EQ(verdict("caf\xff", "caf\xfe"), "mismatch");
  EXPECT_EQ(verdict("\xe2\x86", "\xe2\x86\n\xe2"), "mismatch");  // truncated arrow
  EXPECT_EQ(verdict("\xe2\x80\xa6\xe2", "x"), "mismatch");
  EXPECT_EQ(verdict(std::string("a\0b", 3), std::string("a\0b", 3)), "match");
}

TEST(ClaimCompareTest, HugeInputsStayBounded) {
  std::string big_actual;
  for (int k = 0; k < 20000; ++k) big_actual += "row " + std::to_string(k) + " value\n";
  // Many ellipses against many lines: the search is capped, not exhaustive.
  std::string claim;
  for (int k = 0; k < 200; ++k) claim += "row ... x ";
  EXPECT_EQ(verdict(claim, big_actual), "mismatch");
  EXPECT_EQ(verdict("row 19998 value\nrow 19999 value", big_actual), "equivalent excerpt");
  EXPECT_EQ(verdict(big_actual, big_actual), "match");
  // Nesting deeper than the parser follows is compared token by token until
  // an array shallow enough turns up.
  const std::string deep(5000, '[');
  const std::string closed(5000, ']');
  EXPECT_EQ(verdict(deep + "1, 2" + closed, deep + "1 2" + closed), "equivalent numpy-array");
  EXPECT_EQ(verdict(deep + "1, 3" + closed, deep + "1 2" + closed), "mismatch");
  const std::string huge(2 * 1024 * 1024, '7');
  EXPECT_EQ(verdict(huge.substr(0, 100), huge), "mismatch too long to compare by rule");
  EXPECT_EQ(verdict(huge, huge), "match");
}

}  // namespace
}  // namespace guidecheck
