#include "golden_pattern.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

std::string pattern_of(std::string_view a, std::string_view b) {
  int line = 0;
  auto p = stable_pattern(a, b, &line);
  return p ? *p : "<none at line " + std::to_string(line) + ">";
}

TEST(GoldenPatternTest, EqualOutputsStayLiteral) {
  EXPECT_EQ(pattern_of("[1, 2, 3]\nabc\n", "[1, 2, 3]\nabc\n"), "[1, 2, 3]\nabc\n");
}

TEST(GoldenPatternTest, DifferingNumbersBecomeNumberPlaceholders) {
  EXPECT_EQ(pattern_of("id 140234 at 0x7f3a\n", "id 140990 at 0x7e11\n"),
            "id {{guidecheck:number}} at {{guidecheck:number}}\n");
}

TEST(GoldenPatternTest, DurationsAreMaskedEvenWhenBothRunsAgree) {
  EXPECT_EQ(pattern_of("slow_function took 0.2314 seconds\n", "slow_function took 0.2314 seconds\n"),
            "slow_function took {{guidecheck:number}} seconds\n");
  EXPECT_EQ(pattern_of("== 5 passed in 0.01s ==\n", "== 5 passed in 0.01s ==\n"),
            "== 5 passed in {{guidecheck:number}}s ==\n");
  // A count is not a duration.
  EXPECT_EQ(pattern_of("5 passed\n", "5 passed\n"), "5 passed\n");
}

TEST(GoldenPatternTest, DifferingWordsBecomeWordPlaceholders) {
  EXPECT_EQ(pattern_of("picked apple\n", "picked cherry\n"), "picked {{guidecheck:word}}\n");
}

TEST(GoldenPatternTest, UnconfinedDifferencesAreRefusedWithTheLine) {
  EXPECT_EQ(pattern_of("a\nb\n", "a\nb\nc\n"), "<none at line 3>");
  EXPECT_EQ(pattern_of("x\n{1, 2}\n", "x\n{2, 1, 3}\n"), "<none at line 2>");
}

TEST(GoldenPatternTest, PatternsMatchOnlyTheirKindOfToken) {
  std::string p = "took {{guidecheck:number}}s by {{guidecheck:word}}\n";
  EXPECT_TRUE(matches_pattern(p, "took 0.5s by alice\n"));
  EXPECT_TRUE(matches_pattern(p, "took 12s by bob_2\n"));
  EXPECT_FALSE(matches_pattern(p, "took fast by alice\n"));
  EXPECT_FALSE(matches_pattern(p, "took 0.5s by alice and bob\n"));
  EXPECT_FALSE(matches_pattern(p, "took 0.5s by alice"));  // the newline counts
  EXPECT_FALSE(matches_pattern("exact\n", "exact \n"));
  EXPECT_TRUE(matches_pattern("exact\n", "exact\n"));
}

TEST(GoldenPatternTest, MergingPatternsOnlyWidensThem) {
  std::string first = pattern_of("t=0.1s n=3\n", "t=0.2s n=4\n");
  EXPECT_EQ(first, "t={{guidecheck:number}}s n={{guidecheck:number}}\n");
  // A later pair of runs that agree on n keeps the placeholder: update stays idempotent.
  std::string later = pattern_of("t=0.3s n=5\n", "t=0.3s n=5\n");
  EXPECT_EQ(pattern_of(first, later), first);
}

}  // namespace
}  // namespace guidecheck
