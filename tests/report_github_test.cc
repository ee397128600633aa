#include "report_github.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_results.h"

namespace guidecheck {
namespace {

// The renderer over a report of these results, counted as check counts them.
std::string annotations_of(const std::string& guide, const std::vector<SampleResult>& results,
                           const GithubAnnotationLimits& limits = {}) {
  return render_github_annotations(make_report(guide, results), limits);
}

using ::testing::HasSubstr;
using ::testing::StartsWith;

SampleResult ran(const std::string& id, int first, int last) { return ran_result(id, first, last); }

SampleResult failed(const std::string& id, int first, int last, const std::string& problem) {
  SampleResult result = ran(id, first, last);
  result.verdict = SnippetVerdict::kFailed;
  result.problems.push_back(problem);
  return result;
}

ClaimResult mismatch(int line, const std::string& claimed, const std::string& actual) {
  return {line, ClaimKind::kOutput, claimed, "", actual, ClaimVerdict::kMismatch, "", false, "", true};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

TEST(ReportGithubTest, EscapesMessagesAndProperties) {
  EXPECT_EQ(github_escape_message("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
  EXPECT_EQ(github_escape_property("q12: output, line 3 (50%)\n"), "q12%3A output%2C line 3 (50%25)%0A");
  EXPECT_EQ(github_escape_message("%0A stays literal"), "%250A stays literal");
  EXPECT_EQ(github_escape_message("\x1b[31mred\x1b[0m\ttab \xff"), "\\x1b[31mred\\x1b[0m\ttab \\xff");
}

TEST(ReportGithubTest, ClaimMismatchIsAnErrorAtTheClaimsLine) {
  SampleResult result = failed("q12", 110, 125, "guide line 118: output differs");
  result.claims.push_back(mismatch(118, "[99, 2, 3]", "[1, 2, 3]"));
  result.claims.push_back({119, ClaimKind::kOutput, "3", "", "3", ClaimVerdict::kMatch, "", false, ""});
  std::vector<std::string> lines = lines_of(annotations_of("guide/top.txt", {result}));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "::error file=guide/top.txt,line=118,title=q12%3A output differs from the guide::"
            "guide line 118 claims:%0A[99, 2, 3]%0Abut the statement printed:%0A[1, 2, 3]");
  EXPECT_EQ(lines[1],
            "::error file=guide/top.txt,line=110,endLine=125,title=q12%3A sample failed::guide line 118: output differs");
}

TEST(ReportGithubTest, ClaimMismatchesComeBeforeFailedSamples) {
  SampleResult early = failed("q1", 10, 12, "exited with 1");
  early.outcome.status = RunStatus::kError;
  early.outcome.exit_code = 1;
  SampleResult later = failed("q9", 300, 310, "claims differ");
  later.claims.push_back(mismatch(305, "a", "b"));
  later.claims.push_back(mismatch(302, "c", "d"));
  std::vector<std::string> lines = lines_of(annotations_of("g.txt", {early, later}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[0], StartsWith("::error file=g.txt,line=305,"));
  EXPECT_THAT(lines[1], StartsWith("::error file=g.txt,line=302,"));
  EXPECT_THAT(lines[2], StartsWith("::error file=g.txt,line=10,endLine=12,title=q1%3A sample failed::"));
  EXPECT_THAT(lines[3], StartsWith("::error file=g.txt,line=300,endLine=310,title=q9%3A sample failed::"));
}

TEST(ReportGithubTest, ErrataWarnAndSkippedSamplesNotice) {
  SampleResult passing = ran("q9", 200, 210);
  passing.claims.push_back({204, ClaimKind::kOutput, "~56 bytes", "", "49", ClaimVerdict::kMismatch, "", true,
                            "size depends on the build"});
  passing.claims.push_back({205, ClaimKind::kOutput, "0.0012s", "", "0.0031s", ClaimVerdict::kUnstable, "", false, ""});
  passing.claims.push_back({206, ClaimKind::kOutput, "Column data types", "", "a int", ClaimVerdict::kProse, "", false,
                            ""});
  SampleResult skip = ran("q20", 400, 404);
  skip.verdict = SnippetVerdict::kSkipped;
  skip.skip_reason = "reads input()";
  std::vector<std::string> lines = lines_of(annotations_of("g.txt", {ran("q1", 1, 2), passing, skip}));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "::warning file=g.txt,line=204,title=q9%3A known erratum::guide line 204 claims:%0A~56 bytes%0A"
            "but the statement printed:%0A49%0AListed in the known errata, so check passes.%0A"
            "Reason: size depends on the build");
  EXPECT_EQ(lines[1], "::notice file=g.txt,line=400,endLine=404,title=q20%3A sample skipped::not checked: reads input()");
}

TEST(ReportGithubTest, EverythingPassedMeansNoAnnotations) {
  EXPECT_EQ(annotations_of("g.txt", {ran("q1", 1, 2), ran("q2", 3, 4)}), "");
}

TEST(ReportGithubTest, SnippetOutputCannotStartAnotherCommand) {
  SampleResult result = failed("q3", 30, 33, "exited with 1\n::error file=evil::injected");
  result.outcome.status = RunStatus::kError;
  result.outcome.exit_code = 1;
  result.outcome.stderr_text = "Traceback\n::warning::also injected\r\n::stop-commands::token\n";
  result.claims.push_back(mismatch(31, "ok", "::error::x\n::notice::y"));
  std::vector<std::string> lines = lines_of(annotations_of("g.txt", {result}));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[0], StartsWith("::error file=g.txt,line=31,"));
  EXPECT_THAT(lines[0], HasSubstr("%0A::error::x%0A::notice::y"));
  EXPECT_THAT(lines[1], StartsWith("::error file=g.txt,line=30,endLine=33,"));
  EXPECT_THAT(lines[1], HasSubstr("exited with 1%0A::error file=evil::injected%0A"));
  EXPECT_THAT(lines[1], HasSubstr("stderr (last lines):%0ATraceback%0A::warning::also injected%0D%0A::stop-commands::token"));
}

TEST(ReportGithubTest, TitleOfAFailedSampleSaysHowItEnded) {
  SampleResult timeout = failed("q4", 40, 41, "timed out after 2s");
  timeout.outcome.status = RunStatus::kTimeout;
  SampleResult crashed = failed("q5", 50, 51, "crashed with signal 11 (SIGSEGV)");
  crashed.outcome.status = RunStatus::kCrashed;
  SampleResult could_not_run = failed("q6", 60, 61, "could not run: cannot fork");
  could_not_run.outcome.status = RunStatus::kError;
  could_not_run.outcome.error = "cannot fork";
  std::vector<std::string> lines = lines_of(annotations_of("g.txt", {timeout, crashed, could_not_run}));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0], HasSubstr(",title=q4%3A sample timed out::timed out after 2s"));
  EXPECT_THAT(lines[1], HasSubstr(",title=q5%3A sample crashed::crashed with signal 11 (SIGSEGV)"));
  EXPECT_THAT(lines[2], HasSubstr(",title=q6%3A sample could not run::could not run: cannot fork"));
}

TEST(ReportGithubTest, LongDiffIsCutToItsFirstLines) {
  SampleResult result = failed("q7", 70, 90, "stdout differs from expected/q7.out");
  for (int i = 1; i <= 100; ++i) result.golden_diff += "+line " + std::to_string(i) + "\n";
  std::string out = annotations_of("g.txt", {result});
  EXPECT_THAT(out, HasSubstr("%0A+line 40%0A... (60 more lines in the full report)"));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("+line 41%0A")));
}

TEST(ReportGithubTest, AnnotationsBeyondTheLimitAreSummarisedInANotice) {
  SampleResult many = failed("q1", 10, 40, "claims differ");
  for (int line = 11; line <= 22; ++line) many.claims.push_back(mismatch(line, "a", "b"));
  SampleResult crashed = failed("q2", 50, 52, "crashed with signal 6 (SIGABRT)");
  crashed.outcome.status = RunStatus::kCrashed;
  std::vector<std::string> lines = lines_of(annotations_of("g.txt", {many, crashed}));

  std::vector<std::string> kinds;
  for (const auto& line : lines) kinds.push_back(line.substr(0, line.find(' ')));
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "::error"), 10);
  ASSERT_EQ(lines.size(), 11u);
  // The first ten claim mismatches are shown, in guide order.
  EXPECT_THAT(lines[0], StartsWith("::error file=g.txt,line=11,"));
  EXPECT_THAT(lines[9], StartsWith("::error file=g.txt,line=20,"));
  EXPECT_EQ(lines[10],
            "::notice title=guidecheck%3A annotations cut::GitHub shows a limited number of annotations per step; "
            "not shown here:%0A4 more errors (q1 line 21, q1 line 22, q1, q2)%0A"
            "The JUnit or JSON report and the log list them all.");
}

TEST(ReportGithubTest, CutNoticeKeepsRoomAmongNotices) {
  std::vector<SampleResult> results;
  for (int i = 0; i < 3; ++i) {
    SampleResult skip = ran("s" + std::to_string(i), 100 + 10 * i, 101 + 10 * i);
    skip.verdict = SnippetVerdict::kSkipped;
    skip.skip_reason = "reads input()";
    results.push_back(skip);
  }
  SampleResult bad = failed("q1", 1, 2, "exited with 1");
  bad.claims.push_back(mismatch(1, "a", "b"));
  results.push_back(bad);
  std::vector<std::string> lines = lines_of(annotations_of("g.txt", results, {1, 1, 3}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[0], StartsWith("::error file=g.txt,line=1,"));
  EXPECT_THAT(lines[1], StartsWith("::notice file=g.txt,line=100,"));
  EXPECT_THAT(lines[2], StartsWith("::notice file=g.txt,line=110,"));
  EXPECT_THAT(lines[3], StartsWith("::notice title=guidecheck%3A annotations cut::"));
  EXPECT_THAT(lines[3], HasSubstr("%0A1 more error (q1)%0A1 more skipped sample (s2)%0A"));
}

TEST(ReportGithubTest, WithoutAGuideTheSnippetFileIsTheLocation) {
  std::vector<std::string> lines = lines_of(annotations_of("", {failed("hello", 0, 0, "exited with 1")}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "::error file=snippets/hello.py,title=hello%3A sample failed::exited with 1");
}

TEST(ReportGithubTest, FilePropertyIsEscaped) {
  std::vector<std::string> lines = lines_of(annotations_of("docs/a,b:c.txt", {failed("q1", 3, 3, "x")}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], StartsWith("::error file=docs/a%2Cb%3Ac.txt,line=3,title="));
}

}  // namespace
}  // namespace guidecheck
