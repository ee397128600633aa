#include "printed_fragments.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {
namespace {

std::vector<std::string> fragments(std::vector<std::string_view> code) { return printed_fragments(code); }

TEST(PrintedFragmentsTest, TemplatesAreCutAtTheirFields) {
  EXPECT_EQ(fragments({"print(f\"Hello, {name}! You are {age} years old\")"}),
            (std::vector<std::string>{"! you are", "hello,", "years old"}));
  EXPECT_EQ(fragments({"print(\"Total: %5.2f EUR\" % t)", "msg = 'Done in {} s'.format(n)"}),
            (std::vector<std::string>{"done in", "eur", "total:"}));
  EXPECT_EQ(fragments({"print(\"line one\\nline two\")"}), (std::vector<std::string>{"line one", "line two"}));
}

TEST(PrintedFragmentsTest, KeysAndDataWordsAreLeftOut) {
  EXPECT_EQ(fragments({"d = {\"salary\": 1, \"name\": \"Alice\"}", "s = 'ok'", "p = r\"\\d+\""}),
            (std::vector<std::string>{}));
  EXPECT_EQ(fragments({"print(\"Hello\")", "print(\"Hello world\")"}), (std::vector<std::string>{"hello world"}));
}

TEST(PrintedFragmentsTest, StringsOverSeveralLinesAndCommentsAreRead) {
  EXPECT_EQ(fragments({"text = \"\"\"First line of text", "and the second\"\"\"  # 'not this one'"}),
            (std::vector<std::string>{"and the second", "first line of text"}));
}

TEST(PrintedFragmentsTest, ATextShowsAFragmentAsWholeWords) {
  const std::vector<std::string> f = fragments({"print(f\"Hello, {name}\")", "print(f\"{n} items in the cart\")"});
  EXPECT_TRUE(shows_printed_fragment("Hello, Alice", f));
  EXPECT_TRUE(shows_printed_fragment("HELLO, BOB", f));
  EXPECT_TRUE(shows_printed_fragment("3 items in the cart", f));
  EXPECT_FALSE(shows_printed_fragment("Say hello, then leave", f));  // a short fragment counts only at the start
  const std::vector<std::string> now = fragments({"print(f\"now: {t}\")"});
  EXPECT_FALSE(shows_printed_fragment("Nowhere to be seen", now));
  EXPECT_TRUE(shows_printed_fragment("now: 12:00", now));
}

TEST(PrintedLineStartsTest, APrintsFirstLiteralUpToItsFirstField) {
  EXPECT_EQ(printed_line_starts({"print(\"score =\", score)", "print(f'total = {t:.2f} EUR')",
                                 "print(\"mean = %.1f\" % m)", "print(\"x = {}\".format(x))"}),
            (std::vector<std::string>{"mean =", "score =", "total =", "x ="}));
  // Not a print's first argument, or no text before the first field.
  EXPECT_EQ(printed_line_starts({"label = \"score =\"", "print(x, \"= y\")", "print(f\"{x} = {y}\")",
                                 "log.print(\"a = \", a)"}),
            (std::vector<std::string>{}));
}

TEST(PrintedLineStartsTest, ASelfDocumentingFieldGivesItsExpressionAndEquals) {
  EXPECT_EQ(printed_line_starts({"print(f\"{score = }\")", "print(f\"{width*height=}, {h=}\")",
                                 "print(f\"{name=!s:>6}\")", "print(f'{d[\"k\"] = !r}')"}),
            (std::vector<std::string>{"d[\"k\"] =", "name=", "score =", "width*height="}));
  // Comparisons and format specs are no `=` of the field.
  EXPECT_EQ(printed_line_starts({"print(f\"{a == b}\")", "print(f\"{a != b}\")", "print(f\"{x:=^10}\")"}),
            (std::vector<std::string>{}));
}

}  // namespace
}  // namespace guidecheck
