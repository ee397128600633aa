#include "report_markdown.h"

#include <gtest/gtest.h>

#include "report_formats.h"

namespace guidecheck {
namespace {

SampleResult passed(const std::string& id, int first, int last) {
  SampleResult result;
  result.sample.id = id;
  result.sample.first_line = first;
  result.sample.last_line = last;
  result.outcome.status = RunStatus::kOk;
  result.claims.push_back({first, ClaimKind::kOutput, "1", "", "1", ClaimVerdict::kMatch, "", false, "", false});
  return result;
}

SampleResult failed_claim() {
  SampleResult result = passed("q7", 40, 44);
  result.verdict = SnippetVerdict::kFailed;
  result.claims.push_back({42, ClaimKind::kOutput, "a | b ```", "", "<b>x</b>\n```", ClaimVerdict::kMismatch, "",
                           false, "", true});
  result.problems.push_back("guide.txt:42: the guide claims 'a | b' but the sample prints '<b>x</b>'");
  return result;
}

SampleResult skipped(const std::string& id, const std::string& reason) {
  SampleResult result;
  result.sample.id = id;
  result.verdict = SnippetVerdict::kSkipped;
  result.skip_reason = reason;
  return result;
}

TEST(ReportMarkdownTest, SummarisesAndListsWhatDidNotPass) {
  std::string md = render_markdown_report(
      make_report("guide.txt", {passed("q1", 1, 3), failed_claim(), skipped("q9", "needs a database")}));
  EXPECT_EQ(md.rfind("## guidecheck: 1 passed, 1 failed, 1 skipped\n", 0), 0u) << md;
  EXPECT_NE(md.find("| q7 | 40–44 | ❌ failed | 1 match, 1 mismatch |"), std::string::npos) << md;
  EXPECT_NE(md.find("| q9 |  | ⏭️ skipped |  | needs a database |"), std::string::npos) << md;
  EXPECT_NE(md.find("The other 1 samples passed."), std::string::npos) << md;
  EXPECT_EQ(md.find("| q1 |"), std::string::npos) << "passing samples are counted, not listed";
}

TEST(ReportMarkdownTest, SampleTextCannotBreakTheTableOrInjectHtml) {
  std::string md = render_markdown_report(make_report("guide.txt", {failed_claim()}));
  // Outside code blocks (where Markdown shows HTML as text) no tag survives.
  std::string outside;
  bool in_block = false;
  for (size_t at = 0; at < md.size();) {
    size_t end = md.find('\n', at);
    std::string line = md.substr(at, end - at);
    if (line.rfind("```", 0) == 0) in_block = !in_block;
    else if (!in_block) outside += line + "\n";
    at = end == std::string::npos ? md.size() : end + 1;
  }
  EXPECT_EQ(outside.find("<b>"), std::string::npos) << outside;
  EXPECT_NE(outside.find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos) << outside;
  EXPECT_NE(md.find("a \\| b"), std::string::npos) << md;
  // The claim's own backticks cannot close the block that holds it.
  EXPECT_NE(md.find("````text\na | b ```\n````"), std::string::npos) << md;
  // Every table row has exactly the five cells of its header.
  size_t start = md.find("| q7 |");
  ASSERT_NE(start, std::string::npos);
  std::string row = md.substr(start, md.find('\n', start) - start);
  int pipes = 0;
  for (size_t i = 0; i < row.size(); ++i)
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++pipes;
  EXPECT_EQ(pipes, 6) << row;
}

TEST(ReportMarkdownTest, AllPassedSaysSo) {
  std::string md = render_markdown_report(make_report("g.txt", {passed("q1", 1, 1), passed("q2", 2, 2)}));
  EXPECT_NE(md.find("All 2 samples passed."), std::string::npos) << md;
}

TEST(ReportFormatsTest, EveryFormatIsFoundByNameAndRendersTheSameCounts) {
  Report report = make_report("guide.txt", {passed("q1", 1, 3), failed_claim()});
  for (const char* name : {"text", "json", "junit", "markdown", "github"}) {
    const ReportFormat* format = find_report_format(name);
    ASSERT_NE(format, nullptr) << name;
    EXPECT_FALSE(format->render(report).empty()) << name;
  }
  EXPECT_EQ(find_report_format("yaml"), nullptr);
  EXPECT_NE(find_report_format("text")->render(report).find("1 passed, 1 failed"), std::string::npos);
  EXPECT_NE(find_report_format("markdown")->render(report).find("1 passed, 1 failed"), std::string::npos);
}

}  // namespace
}  // namespace guidecheck
