#include "report_text.h"

#include <cstring>
#include <regex>

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

// The renderer over a report of these results, counted as check counts them.
std::string text_report_of(const std::vector<SampleResult>& results, const TextReportStyle& style) {
  return render_text_report(make_report("", results), style);
}

// A failed sample whose every piece of text comes from a hostile sample or guide.
SampleResult hostile() {
  SampleResult result;
  result.sample.id = "q1";
  result.sample.path = "snippets/q1.py";
  result.sample.first_line = 10;
  result.sample.last_line = 14;
  result.verdict = SnippetVerdict::kFailed;
  result.outcome.status = RunStatus::kError;
  result.outcome.exit_code = 1;
  result.outcome.stderr_text = std::string("Traceback\nnul:") + '\0' + ":\x1b[2J\x1b]0;pwned\x07\rValueError: bad\n";
  result.problems.push_back("exited with 1: \x1b[1A\x1b[K");
  result.notes.push_back("stdout is unstable: \x1b[8mhidden\x1b[0m");
  result.golden_diff = "--- expected\n+++ actual\n@@ -1 +1 @@\n-old\n+new \x1b[31mred\x7f\n";
  result.claims.push_back({12, ClaimKind::kOutput, "a\nb", "", "a\n\xc2\x9b" "31m \x9b c\xc3\xa9 \xe2\x82\xac\tend",
                           ClaimVerdict::kMismatch, "", false, "", true});
  result.claims.push_back({13, ClaimKind::kOutput, "\x1b]2;title\x07", "", "x", ClaimVerdict::kMismatch, "", true,
                           "reason \x1b[2K"});
  return result;
}

TEST(ReportTextTest, NulInSampleOutputDoesNotCutTheReport) {
  std::vector<SampleResult> results = {hostile()};
  std::string report = text_report_of(results, {});
  EXPECT_EQ(report.find('\0'), std::string::npos);
  EXPECT_EQ(std::strlen(report.c_str()), report.size());
  EXPECT_NE(report.find("  | nul:\\x00:\\x1b[2J"), std::string::npos) << report;
  std::string summary = summary_line(count_results(results)) + "\n";
  ASSERT_GE(report.size(), summary.size());
  EXPECT_EQ(report.substr(report.size() - summary.size()), summary);
}

TEST(ReportTextTest, ControlCharactersFromSamplesAreShownAsEscapes) {
  std::string report = text_report_of({hostile()}, {});
  for (char c : report) {
    unsigned char u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\n' || c == '\t') << "raw control " << static_cast<int>(u) << " in:\n" << report;
    EXPECT_NE(u, 0x7f);
  }
  for (const char* shown : {"\\x1b]0;pwned\\x07\\x0dValueError: bad",  // stderr tail: title, carriage return
                            "exited with 1: \\x1b[1A\\x1b[K",          // problem: cursor up, erase line
                            "stdout is unstable: \\x1b[8mhidden\\x1b[0m",  // note: concealed text
                            "+new \\x1b[31mred\\x7f",                    // golden diff
                            "claims '\\x1b]2;title\\x07': reason \\x1b[2K"})  // known erratum
    EXPECT_NE(report.find(shown), std::string::npos) << shown << " not in:\n" << report;
}

TEST(ReportTextTest, C1ControlsAndInvalidBytesAreShownValidTextIsKept) {
  std::string report = text_report_of({hostile()}, {});
  // U+009B (CSI as a code point) and a lone 0x9b byte; é, € and the tab survive.
  EXPECT_NE(report.find("+\\u009b31m \\x9b c\xc3\xa9 \xe2\x82\xac\tend"), std::string::npos) << report;
}

TEST(ReportTextTest, WithColorTheOnlyEscapeSequencesAreOurColors) {
  TextReportStyle style;
  style.color = true;
  std::string report = text_report_of({hostile()}, style);
  // Every ESC starts a Select Graphic Rendition sequence (colors, bold); the
  // sample's cursor moves and titles are text.
  size_t colors = 0;
  for (size_t i = report.find('\x1b'); i != std::string::npos; i = report.find('\x1b', i + 1)) {
    static const std::regex kSgr("^\x1b\\[[0-9;]*m");
    EXPECT_TRUE(std::regex_search(report.substr(i, 24), kSgr)) << "not a color at " << i << ": " << report.substr(i, 24);
    ++colors;
  }
  EXPECT_GT(colors, 0u);
  EXPECT_NE(report.find("\\x1b[2J"), std::string::npos);
  EXPECT_NE(report.find("\\x1b[31mred"), std::string::npos);
}

}  // namespace
}  // namespace guidecheck
