#include "item_numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {
namespace {

TEST(ItemNumberingTest, MatchesNumberedHeadings) {
  const auto dotted = match_item_heading("12. Explain inheritance");
  ASSERT_TRUE(dotted);
  EXPECT_EQ(dotted->first, 12);
  EXPECT_EQ(dotted->second, "Explain inheritance");
  EXPECT_EQ(match_item_heading("Q3) What is a tuple?")->first, 3);
  EXPECT_EQ(match_item_heading("Question 7: Why?")->first, 7);
  EXPECT_EQ(match_item_heading("Q4 What is a set?")->first, 4);
  EXPECT_FALSE(match_item_heading("Q 4 What is a set?"));
  EXPECT_FALSE(match_item_heading("12.5 percent of cases"));
  EXPECT_FALSE(match_item_heading("1999 was a year"));
  EXPECT_FALSE(match_item_heading("0. Zero"));
  EXPECT_FALSE(match_item_heading("3. 42"));
}

TEST(ItemNumberingTest, NumberedStepsInsideAnAnswerDoNotResetTheItems) {
  const std::vector<std::string_view> lines = {"1. What is A?", "An answer.", "1. Install", "2. Run",
                                               "More answer.",  "2. What is B?"};
  const std::vector<LineClass> classes(lines.size(), LineClass::kProse);
  DiagnosticSink diagnostics;
  const std::vector<GuideItem> items = find_items(lines, classes, &diagnostics);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].line, 1);
  EXPECT_EQ(items[0].title, "What is A?");
  EXPECT_EQ(items[1].line, 6);
  EXPECT_TRUE(diagnostics.finish().empty());
}

TEST(ItemNumberingTest, CodeLinesAreNoHeadings) {
  const std::vector<std::string_view> lines = {"1. First question?", "2. Second question?"};
  DiagnosticSink diagnostics;
  const auto items = find_items(lines, {LineClass::kCode, LineClass::kProse}, &diagnostics);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].number, 2);
}

TEST(ItemNumberingTest, RunIdsFollowTheirItems) {
  const std::vector<GuideItem> items = {{2, 10, "Two"}, {12, 20, "Twelve"}};
  std::vector<CodeRun> runs(4);
  runs[0].first_line = runs[0].last_line = 3;
  runs[1].first_line = 11, runs[1].last_line = 12;
  runs[2].first_line = 21, runs[2].last_line = 22;
  runs[3].first_line = 24, runs[3].last_line = 25;
  DiagnosticSink diagnostics;
  assign_run_ids(items, &runs, &diagnostics);
  EXPECT_EQ(runs[0].id, "s01");
  EXPECT_EQ(runs[0].item, 0);
  EXPECT_EQ(runs[1].id, "q02");
  EXPECT_EQ(runs[2].id, "q12");
  EXPECT_EQ(runs[3].id, "q12-2");
  EXPECT_EQ(runs[3].item, 12);
  const std::vector<Diagnostic> said = diagnostics.finish();
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0].line, 23);
  EXPECT_EQ(said[0].message, "prose line splits item 12 into q12 and q12-2");
}

TEST(DiagnosticSinkTest, CapsEachKindAndSortsByLine) {
  DiagnosticSink sink;
  for (int i = 30; i > 0; --i) sink.add(i, "weak", "w" + std::to_string(i));
  sink.add(5, "other", "o");
  const std::vector<Diagnostic> said = sink.finish();
  ASSERT_EQ(said.size(), 22u);
  EXPECT_EQ(said.front().line, 5);  // 30 down to 11 kept, then the other kind
  EXPECT_EQ(said.back().message, "10 more diagnostics of the same kinds not shown");
}

}  // namespace
}  // namespace guidecheck
