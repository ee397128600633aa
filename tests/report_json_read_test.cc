#include "report_json_read.h"

#include <gtest/gtest.h>

#include "base64.h"
#include "report_formats.h"
#include "report_json.h"
#include "sample_results.h"

namespace guidecheck {
namespace {

// Results of every kind a report holds: passed, failed on a claim (with
// bytes that are not UTF-8), timed out, crashed, could not run, skipped,
// not run, cached.
std::vector<SampleResult> varied_results() {
  std::vector<SampleResult> results;
  results.push_back(ran_result("q1", 3, 5));
  results.back().outcome.cached = true;
  SampleResult claim = ran_result("q2", 8, 12);
  claim.verdict = SnippetVerdict::kFailed;
  claim.outcome.stdout_text = std::string("caf\xe9\n", 5);
  claim.problems.push_back("1 claim does not match");
  claim.notes.push_back("a note");
  claim.golden_diff = "--- expected/q2.out\n+++ actual\n@@ -1 +1 @@\n-x\n+y\n";
  claim.sample.continues = {"q1"};
  claim.claims.push_back({10, ClaimKind::kOutput, "cafe", "", std::string("caf\xe9", 4), ClaimVerdict::kMismatch, "",
                          true, "known typo", true});
  claim.claims.push_back({11, ClaimKind::kError, "KeyError: 'k'", "(same)", "KeyError: 'k'", ClaimVerdict::kMatch, "",
                          false, "", false});
  results.push_back(claim);
  // Killed by a signal: on a timeout (SIGKILL) or a crash.
  for (auto [status, signal] : {std::pair{RunStatus::kTimeout, 9}, std::pair{RunStatus::kCrashed, 11}}) {
    SampleResult killed = ran_result("q" + std::to_string(signal), 14 + signal, 15 + signal);
    killed.verdict = SnippetVerdict::kFailed;
    killed.outcome.status = status;
    killed.outcome.exit_code.reset();
    killed.outcome.signal = signal;
    killed.outcome.stderr_text = "killed\n";
    results.push_back(killed);
  }
  SampleResult error = ran_result("q5", 20, 21);
  error.verdict = SnippetVerdict::kFailed;
  error.outcome.error = "cannot fork";
  error.outcome.exit_code.reset();
  results.push_back(error);
  results.push_back(skipped_for("q6", 23, 24, "needs pandas>=9"));
  SampleResult stopped = ran_result("q7", 26, 27);
  stopped.verdict = SnippetVerdict::kNotRun;
  stopped.skip_reason = "stopped by the interrupt";
  results.push_back(stopped);
  return results;
}

TEST(ReportJsonReadTest, EveryFormatRendersTheReadReportAsTheOriginal) {
  Report original = make_report("guide.md", varied_results());
  original.reader_notes = {"guide.md:40: not run: a syntax template"};
  original.shard = ReportShard{2, 3, 21, "00ff00ff00ff00ff"};
  Report read;
  std::string err;
  ASSERT_TRUE(read_json_report(render_json_report(original), "r.json", &read, &err)) << err;
  for (const auto& format : report_formats())
    EXPECT_EQ(format.render(read), format.render(original)) << format.name;
  EXPECT_EQ(read.samples[1].outcome.stdout_text, std::string("caf\xe9\n", 5));
  ASSERT_TRUE(read.shard);
  EXPECT_EQ(read.shard->partition, "00ff00ff00ff00ff");
}

TEST(ReportJsonReadTest, WhatIsNotAReportIsRefusedWithItsName) {
  Report read;
  std::string err;
  EXPECT_FALSE(read_json_report("{not json", "a.json", &read, &err));
  EXPECT_EQ(err.rfind("a.json: not a guidecheck JSON report: ", 0), 0u) << err;
  EXPECT_FALSE(read_json_report(R"({"guide": "g", "snippets": [{"id": "q1"}]})", "b.json", &read, &err));
  EXPECT_EQ(err.rfind("b.json: not a guidecheck JSON report: ", 0), 0u) << err;
}

TEST(Base64Test, DecodesWhatItEncodes) {
  for (std::string bytes : {std::string(""), std::string("f"), std::string("fo"), std::string("foo"),
                            std::string("\0\xff\x80 any bytes", 14)})
    EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
  EXPECT_FALSE(base64_decode("abc"));
  EXPECT_FALSE(base64_decode("ab=c"));
  EXPECT_FALSE(base64_decode("a==="));
  EXPECT_FALSE(base64_decode("ab!c"));
}

}  // namespace
}  // namespace guidecheck
