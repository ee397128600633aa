#include "report_json.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <gtest/gtest.h>

#include "sample_results.h"
#include <nlohmann/json.hpp>

namespace guidecheck {
namespace {

// The renderer over a report of these results, counted as check counts them.
std::string json_report_of(const std::string& guide, const std::vector<SampleResult>& results) {
  return render_json_report(make_report(guide, results));
}

using nlohmann::json;

SampleResult ran(const std::string& id, int first, int last) { return ran_result(id, first, last); }

SampleResult failed(const std::string& id, RunStatus status) {
  SampleResult result = ran(id, 10, 12);
  result.verdict = SnippetVerdict::kFailed;
  result.outcome.status = status;
  result.problems.push_back("it failed");
  return result;
}

SampleResult skipped(const std::string& id, const std::string& reason) {
  SampleResult result = skipped_for(id, 40, 44, reason);
  result.sample.source = "name = input()\n";
  result.problems.push_back("skipped: " + reason);
  return result;
}

// Runs a shell command, returning its stdout and stderr and its exit status.
std::string run(const std::string& command, int* status) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::string output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  int raw = pclose(pipe);
  *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return output;
}

// What Python's own JSON parser makes of `text`: `status` is 0 when both
// json.tool and json.load accept it; returns the ascii() of the value found
// by following `keys` ("snippets 0 stdout").
std::string python_reads(const std::string& text, const std::string& keys, int* status) {
  std::string path = (std::filesystem::temp_directory_path() / ("report_json_test_" + std::to_string(getpid()))).string();
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  int tool_status = 0;
  run("/usr/bin/python3 -m json.tool " + path + " >/dev/null", &tool_status);
  std::string value = run(
      "/usr/bin/python3 -c 'import functools, json, sys; "
      "v = functools.reduce(lambda v, k: v[int(k)] if k.isdigit() else v[k], sys.argv[2:], json.load(open(sys.argv[1]))); "
      "print(ascii(v), end=\"\")' " + path + " " + keys,
      status);
  std::filesystem::remove(path);
  if (tool_status != 0) *status = tool_status;
  return value;
}

TEST(ReportJsonTest, StatusSaysHowAFailedRunEnded) {
  SampleResult could_not_run = failed("q5", RunStatus::kError);
  could_not_run.outcome.error = "cannot fork: out of memory";
  could_not_run.outcome.exit_code.reset();
  SampleResult crashed = failed("q4", RunStatus::kCrashed);
  crashed.outcome.exit_code.reset();
  crashed.outcome.signal = 11;
  std::vector<SampleResult> results{ran("q1", 1, 2),           failed("q2", RunStatus::kError),
                                     failed("q3", RunStatus::kTimeout), crashed,
                                     could_not_run,             skipped("q6", "reads input()")};
  results[1].outcome.exit_code = 1;
  json report = json::parse(json_report_of("guide.txt", results));

  std::vector<std::string> statuses;
  for (const auto& snippet : report["snippets"]) statuses.push_back(snippet["status"]);
  EXPECT_EQ(statuses, (std::vector<std::string>{"passed", "failed", "timeout", "crashed", "error", "skipped"}));
  EXPECT_EQ(report["snippets"][1]["exit_code"], 1);
  EXPECT_TRUE(report["snippets"][3]["exit_code"].is_null());
  EXPECT_EQ(report["snippets"][3]["signal"], 11);
  EXPECT_EQ(report["snippets"][4]["error"], "cannot fork: out of memory");
  EXPECT_TRUE(report["snippets"][1]["error"].is_null());
}

TEST(ReportJsonTest, FailedCountsIncludeErrors) {
  std::vector<SampleResult> results{ran("q1", 1, 2), failed("q2", RunStatus::kError), failed("q3", RunStatus::kTimeout),
                                     failed("q4", RunStatus::kCrashed), skipped("q5", "needs pandas 2")};
  json summary = json::parse(json_report_of("guide.txt", results))["summary"];
  EXPECT_EQ(summary["passed"], 1);
  EXPECT_EQ(summary["failed"], 3);
  EXPECT_EQ(summary["errors"], 2);
  EXPECT_EQ(summary["skipped"], 1);
  EXPECT_EQ(summary["total"], 5);
  // The same counts as the summary line of the terminal report.
  EXPECT_EQ(summary_line(count_results(results)),
            std::to_string(summary["passed"].get<int>()) + " passed, " + std::to_string(summary["failed"].get<int>()) +
                " failed, " + std::to_string(summary["skipped"].get<int>()) + " skipped");
}

TEST(ReportJsonTest, SnippetCarriesItsRunCodeAndClaims) {
  SampleResult result = failed("q12", RunStatus::kOk);
  result.outcome.exit_code = 0;
  result.outcome.stdout_text = "[1, 2, 3]\n";
  result.outcome.stderr_text = "warning\n";
  result.golden_diff = "--- expected/q12.out\n+++ actual\n@@ -1 +1 @@\n-[99, 2, 3]\n+[1, 2, 3]\n";
  result.notes.push_back("chose layout 2 of 3");
  result.claims.push_back({118, ClaimKind::kOutput, "[99, 2, 3]", "", "[1, 2, 3]", ClaimVerdict::kMismatch, "", false, "", true});
  result.claims.push_back({120, ClaimKind::kError, "TypeError: nope", "(always)", "TypeError: nope",
                           ClaimVerdict::kEquivalent, "quotes", false, ""});
  json snippet = json::parse(json_report_of("guide.txt", {result}))["snippets"][0];

  EXPECT_EQ(snippet["id"], "q12");
  EXPECT_EQ(snippet["guide_lines"], json::array({10, 12}));
  EXPECT_EQ(snippet["stdout"], "[1, 2, 3]\n");
  EXPECT_EQ(snippet["stderr"], "warning\n");
  EXPECT_EQ(snippet["duration_s"], 0.25);
  EXPECT_EQ(snippet["code"], "print('q12')\n");
  EXPECT_TRUE(snippet["skip_reason"].is_null());
  EXPECT_EQ(snippet["golden_diff"], result.golden_diff);
  EXPECT_EQ(snippet["problems"], json::array({"it failed"}));
  EXPECT_EQ(snippet["notes"], json::array({"chose layout 2 of 3"}));
  ASSERT_EQ(snippet["claims"].size(), 2u);
  json mismatch = snippet["claims"][0];
  EXPECT_EQ(mismatch["guide_line"], 118);
  EXPECT_EQ(mismatch["kind"], "output");
  EXPECT_EQ(mismatch["claimed"], "[99, 2, 3]");
  EXPECT_EQ(mismatch["actual"], "[1, 2, 3]");
  EXPECT_EQ(mismatch["verdict"], "mismatch");
  EXPECT_EQ(mismatch["known_erratum"], false);
  json equivalent = snippet["claims"][1];
  EXPECT_EQ(equivalent["kind"], "error");
  EXPECT_EQ(equivalent["verdict"], "equivalent");
  EXPECT_EQ(equivalent["rule"], "quotes");
  EXPECT_EQ(equivalent["note"], "(always)");
}

TEST(ReportJsonTest, SkippedSnippetSaysWhyAndHasNoExitCode) {
  SampleResult old_style = skipped("q7", "");
  old_style.problems = {"skipped: calls undefined names"};
  json snippets = json::parse(json_report_of("guide.txt", {skipped("q6", "reads input()"), old_style}))["snippets"];
  EXPECT_EQ(snippets[0]["status"], "skipped");
  EXPECT_EQ(snippets[0]["skip_reason"], "reads input()");
  EXPECT_TRUE(snippets[0]["exit_code"].is_null());
  EXPECT_EQ(snippets[0]["code"], "name = input()\n");
  EXPECT_EQ(snippets[1]["skip_reason"], "calls undefined names");
}

TEST(ReportJsonTest, KnownErrataAreListedAtTheTop) {
  SampleResult result = ran("q9", 200, 210);
  result.claims.push_back({204, ClaimKind::kOutput, "~56 bytes", "", "49", ClaimVerdict::kMismatch, "", true,
                           "size depends on the build"});
  result.claims.push_back({206, ClaimKind::kOutput, "3", "", "3", ClaimVerdict::kMatch, "", false, ""});
  json report = json::parse(json_report_of("guide.txt", {ran("q1", 1, 2), result}));
  ASSERT_EQ(report["known_errata"].size(), 1u);
  EXPECT_EQ(report["known_errata"][0]["id"], "q9");
  EXPECT_EQ(report["known_errata"][0]["guide_line"], 204);
  EXPECT_EQ(report["known_errata"][0]["reason"], "size depends on the build");
  EXPECT_EQ(report["snippets"][1]["claims"][0]["known_erratum"], true);
  EXPECT_EQ(report["snippets"][1]["status"], "passed");
  EXPECT_EQ(report["summary"]["passed"], 2);
}

TEST(ReportJsonTest, HostileOutputStaysValidJsonForPython) {
  SampleResult result = failed("q3", RunStatus::kError);
  result.outcome.stdout_text = std::string("\x1b[31mred\x1b[0m nul:") + '\0' + ": bad:\xff\xfe end \"q\" \\ \xe2\x82\xac\n";
  result.outcome.stderr_text = "Traceback\n\xc3(";
  result.sample.source = "print('\xff')\n";
  result.claims.push_back({5, ClaimKind::kOutput, "caf\xe9", "", "caf\xc3\xa9", ClaimVerdict::kMismatch, "", false, "", true});
  std::string report = json_report_of("guide \"x\".txt", {result});

  int status = 0;
  std::string stdout_value = python_reads(report, "snippets 0 stdout", &status);
  EXPECT_EQ(status, 0) << stdout_value;
  // Invalid bytes become U+FFFD; ESC, NUL and the euro sign survive as characters.
  EXPECT_EQ(stdout_value, R"('\x1b[31mred\x1b[0m nul:\x00: bad:\ufffd\ufffd end "q" \\ \u20ac\n')");
  EXPECT_EQ(python_reads(report, "snippets 0 stdout_base64", &status),
            "'G1szMW1yZWQbWzBtIG51bDoAOiBiYWQ6//4gZW5kICJxIiBcIOKCrAo='");
  EXPECT_EQ(python_reads(report, "snippets 0 stderr", &status), R"('Traceback\n\ufffd(')");
  EXPECT_EQ(python_reads(report, "snippets 0 stderr_base64", &status), "'VHJhY2ViYWNrCsMo'");
  EXPECT_EQ(python_reads(report, "snippets 0 code", &status), R"("print('\ufffd')\n")");
  std::string claimed = python_reads(report, "snippets 0 claims 0 claimed", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(claimed, R"('caf\ufffd')");
  EXPECT_EQ(python_reads(report, "guide", &status), R"('guide "x".txt')");
}

TEST(ReportJsonTest, Base64OfOutputOnlyWhereTextWasReplaced) {
  SampleResult clean = ran("q1", 1, 2);
  clean.outcome.stderr_text = "fine\n";
  clean.claims.push_back({2, ClaimKind::kOutput, "q1", "", "q1", ClaimVerdict::kMatch, "", false, ""});
  json snippet = json::parse(json_report_of("guide.txt", {clean}))["snippets"][0];
  EXPECT_FALSE(snippet.contains("stdout_base64"));
  EXPECT_FALSE(snippet.contains("stderr_base64"));
  EXPECT_FALSE(snippet["claims"][0].contains("actual_base64"));
}

TEST(ReportJsonTest, LiteralEscapeTextAndTheByteItNamesDiffer) {
  SampleResult literal = ran("q1", 1, 2);
  literal.outcome.stdout_text = "\\xff\n";
  SampleResult byte = ran("q1", 1, 2);
  byte.outcome.stdout_text = "\xff\n";
  json a = json::parse(json_report_of("guide.txt", {literal}))["snippets"][0];
  json b = json::parse(json_report_of("guide.txt", {byte}))["snippets"][0];
  EXPECT_NE(a["stdout"], b["stdout"]);
  EXPECT_EQ(a["stdout"], "\\xff\n");
  EXPECT_FALSE(a.contains("stdout_base64"));
  EXPECT_EQ(b["stdout"], "\xef\xbf\xbd\n");
  EXPECT_EQ(b["stdout_base64"], "/wo=");
}

TEST(ReportJsonTest, ClaimsAndErrataKeepTheExactBytesTheStatementPrinted) {
  SampleResult result = failed("q4", RunStatus::kOk);
  result.claims.push_back({11, ClaimKind::kOutput, "caf\xc3\xa9", "", "caf\xe9", ClaimVerdict::kMismatch, "", false, "", true});
  result.claims.push_back({12, ClaimKind::kOutput, "x", "", "\xff", ClaimVerdict::kMismatch, "", true, "known"});
  json report = json::parse(json_report_of("guide.txt", {result}));
  json claim = report["snippets"][0]["claims"][0];
  EXPECT_EQ(claim["actual"], "caf\xef\xbf\xbd");
  EXPECT_EQ(claim["actual_base64"], "Y2Fm6Q==");
  EXPECT_FALSE(claim.contains("claimed_base64"));
  ASSERT_EQ(report["known_errata"].size(), 1u);
  EXPECT_EQ(report["known_errata"][0]["actual"], "\xef\xbf\xbd");
  EXPECT_EQ(report["known_errata"][0]["actual_base64"], "/w==");
}

TEST(ReportJsonTest, Base64FollowsTheTextItStandsBeside) {
  SampleResult result = failed("q5", RunStatus::kOk);
  result.outcome.stdout_text = "\xff";
  result.outcome.stderr_text = "\xfe";
  result.claims.push_back({11, ClaimKind::kOutput, "a", "", "\xff", ClaimVerdict::kMismatch, "", false, "", true});
  auto keys = [](const nlohmann::ordered_json& object) {
    std::vector<std::string> names;
    for (const auto& item : object.items()) names.push_back(item.key());
    return names;
  };
  auto report = nlohmann::ordered_json::parse(json_report_of("guide.txt", {result}));
  EXPECT_EQ(keys(report["snippets"][0]),
            (std::vector<std::string>{"id", "path", "guide_lines", "status", "exit_code", "signal", "stdout",
                                      "stdout_base64", "stderr", "stderr_base64", "stdout_truncated",
                                      "stderr_truncated", "duration_s", "cached", "code", "continues", "skip_reason", "error", "problems",
                                      "notes", "golden_diff", "claims"}));
  EXPECT_EQ(keys(report["snippets"][0]["claims"][0]),
            (std::vector<std::string>{"guide_line", "kind", "claimed", "note", "actual", "actual_base64", "verdict",
                                      "rule", "known_erratum", "erratum_reason", "counts_against"}));
}

}  // namespace
}  // namespace guidecheck
