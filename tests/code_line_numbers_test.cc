#include "code_line_numbers.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string_view>;
using Widths = std::vector<std::size_t>;

TEST(CodeLineNumbersTest, ABoxNumberedFromOneLosesItsNumbers) {
  EXPECT_EQ(code_line_number_widths(Lines{"Intro:", "1\ttext = 'a'", "2\tprint(text)", "Output", "a"}),
            (Widths{0, 2, 2, 0, 0}));
  // Two-digit numbers, a blank line of the box, indentation kept after the number.
  Lines box = {"1 def f(x):", "2     return x", "3", "4 y = f(2)", "5 print(y)", "6 print(y)", "7 print(y)",
               "8 print(y)", "9 print(y)", "10 print(y + 1)"};
  EXPECT_EQ(code_line_number_widths(box), (Widths{2, 2, 1, 2, 2, 2, 2, 2, 2, 3}));
}

TEST(CodeLineNumbersTest, NumberedOutputAndProseKeepTheirNumbers) {
  // Printed under a label, or words rather than code.
  EXPECT_EQ(code_line_number_widths(Lines{"for i, w in enumerate(words, 1):", "print(i, w)", "Output", "1 red",
                                          "2 print(x)"}),
            (Widths{0, 0, 0, 0, 0}));
  EXPECT_EQ(code_line_number_widths(Lines{"1 apple", "2 bread", "3 milk"}), (Widths{0, 0, 0}));
  // Numbers out of turn are no box; "1. Heading" is a list.
  EXPECT_EQ(code_line_number_widths(Lines{"2 x = 1", "3 print(x)"}), (Widths{0, 0}));
  EXPECT_EQ(code_line_number_widths(Lines{"1. x = 1", "2. print(x)"}), (Widths{0, 0}));
}

}  // namespace
}  // namespace guidecheck
