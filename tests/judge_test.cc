// The judge decides a sample's status and which claims count against it,
// once; --strict is part of that decision, so every report sees it.
#include "judge.h"

#include <gtest/gtest.h>

#include "report_github.h"
#include "report_junit.h"

namespace guidecheck {
namespace {

// A sample of one statement (snippet line 1, guide line 10) with one claim.
PlannedSample sample_claiming(const std::string& text) {
  PlannedSample planned;
  Sample& sample = planned.sample;
  sample.id = "q01";
  sample.path = "snippets/q01.py";
  sample.first_line = sample.last_line = 10;
  sample.guide_lines = {10};
  Claim claim;
  claim.guide_line = claim.last_guide_line = claim.anchor_line = 10;
  claim.text = text;
  sample.claims.push_back(claim);
  return planned;
}

RunOutcome printed(const std::string& text) {
  RunOutcome outcome;
  outcome.status = RunStatus::kOk;
  outcome.exit_code = 0;
  outcome.stdout_text = text;
  outcome.statements.push_back({1, 1, true, text});
  outcome.pieces.push_back({1, text});
  return outcome;
}

SampleResult judged(const PlannedSample& sample, const RunOutcome& run, const JudgePolicy& policy) {
  SampleRuns runs;
  runs.first = &run;
  SampleResult result = judge_sample(sample, runs, policy);
  finish_judgement(sample, runs, policy, &result);
  return result;
}

TEST(JudgeTest, AnEquivalentClaimPassesButFailsUnderStrict) {
  PlannedSample sample = sample_claiming("\"Hello\"");  // print shows Hello: the quotes rule
  RunOutcome run = printed("Hello\n");
  SampleResult relaxed = judged(sample, run, JudgePolicy{false, nullptr, "g.txt"});
  ASSERT_EQ(relaxed.claims.size(), 1u);
  EXPECT_EQ(relaxed.claims[0].verdict, ClaimVerdict::kEquivalent);
  EXPECT_FALSE(relaxed.claims[0].counts_against);
  EXPECT_EQ(relaxed.verdict, SnippetVerdict::kPassed);

  SampleResult strict = judged(sample, run, JudgePolicy{true, nullptr, "g.txt"});
  EXPECT_TRUE(strict.claims[0].counts_against);
  EXPECT_EQ(strict.verdict, SnippetVerdict::kFailed);
  // The reports see the judge's decision: they could not see --strict before.
  std::string junit = render_junit_report(make_report("g.txt", {strict}));
  EXPECT_NE(junit.find("<failure"), std::string::npos) << junit;
  std::string annotations = render_github_annotations(make_report("g.txt", {strict}));
  EXPECT_NE(annotations.find("::error file=g.txt,line=10"), std::string::npos) << annotations;
}

TEST(JudgeTest, AKnownErratumPassesButFailsUnderStrict) {
  PlannedSample sample = sample_claiming("41");
  RunOutcome run = printed("42\n");
  Errata errata;
  errata.path = "errata.toml";
  errata.entries.push_back({"q01", 10, "41", "the guide's arithmetic is off", 1});
  SampleResult relaxed = judged(sample, run, JudgePolicy{false, &errata, "g.txt"});
  ASSERT_EQ(relaxed.claims.size(), 1u);
  EXPECT_TRUE(relaxed.claims[0].known_erratum);
  EXPECT_FALSE(relaxed.claims[0].counts_against);
  EXPECT_EQ(relaxed.verdict, SnippetVerdict::kPassed);
  SampleResult strict = judged(sample, run, JudgePolicy{true, &errata, "g.txt"});
  EXPECT_TRUE(strict.claims[0].counts_against);
  EXPECT_EQ(strict.verdict, SnippetVerdict::kFailed);
}

// An interrupt is neither a pass nor a failure: a run it stopped (with
// half its output) and one it came before are "not run", their claims are
// not judged, an erratum is not called stale, and the partial duration stays.
TEST(JudgeTest, AnInterruptedRunIsNotRunNotFailed) {
  PlannedSample sample = sample_claiming("41");
  Errata errata;
  errata.path = "errata.toml";
  errata.entries.push_back({"q01", 10, "41", "the guide's arithmetic is off", 1});
  RunOutcome stopped = printed("");
  stopped.interrupted = true;
  stopped.error = "interrupted";
  stopped.duration_s = 1.25;
  RunOutcome never = RunOutcome{};
  never.interrupted = never.never_started = true;
  for (const RunOutcome* run : {&stopped, &never}) {
    SampleResult result = judged(sample, *run, JudgePolicy{false, &errata, "g.txt"});
    EXPECT_EQ(result.verdict, SnippetVerdict::kNotRun);
    EXPECT_TRUE(result.problems.empty());
    EXPECT_TRUE(result.claims.empty());
    EXPECT_TRUE(result.notes.empty());  // no "erratum matches no wrong claim"
    EXPECT_EQ(result.outcome.duration_s, run->duration_s);
    Report report = make_report("g.txt", {result});
    EXPECT_EQ(report.counts.not_run, 1);
    EXPECT_EQ(report.counts.failed, 0);
    EXPECT_EQ(summary_line(report.counts), "0 passed, 0 failed, 1 not run (interrupted)");
    EXPECT_NE(render_junit_report(report).find("<skipped message=\""), std::string::npos);
  }
  EXPECT_EQ(judged(sample, stopped, JudgePolicy{false, nullptr, "g.txt"}).skip_reason, "stopped by the interrupt");
  EXPECT_EQ(judged(sample, never, JudgePolicy{false, nullptr, "g.txt"}).skip_reason, "interrupted before it started");
}

TEST(JudgeTest, AMismatchCountsAgainstAndNamesTheGuideLine) {
  SampleResult result = judged(sample_claiming("41"), printed("42\n"), JudgePolicy{false, nullptr, "g.txt"});
  EXPECT_TRUE(result.claims[0].counts_against);
  EXPECT_EQ(result.verdict, SnippetVerdict::kFailed);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0], "g.txt:10: the guide claims '41' but the sample prints '42'");
  EXPECT_TRUE(needs_second_opinion(result));
}

TEST(JudgeTest, ASecondRunThatPrintsOtherwiseMakesTheClaimUnstable) {
  PlannedSample sample = sample_claiming("0.123");
  RunOutcome first = printed("0.456\n"), second = printed("0.789\n");
  SampleRuns runs;
  runs.first = &first;
  JudgePolicy policy{false, nullptr, "g.txt"};
  SampleResult result = judge_sample(sample, runs, policy);
  ASSERT_TRUE(needs_second_opinion(result));
  apply_second_opinion(sample, runs, second, &result);
  finish_judgement(sample, runs, policy, &result);
  EXPECT_EQ(result.claims[0].verdict, ClaimVerdict::kUnstable);
  EXPECT_FALSE(result.claims[0].counts_against);
  EXPECT_EQ(result.verdict, SnippetVerdict::kPassed);
}

TEST(JudgeTest, AnErrorTheGuideClaimsIsNotAFailure) {
  PlannedSample sample = sample_claiming("ZeroDivisionError: division by zero");
  sample.sample.claims[0].kind = ClaimKind::kError;
  RunOutcome run;
  run.status = RunStatus::kError;
  run.exit_code = 1;
  run.stderr_text = "Traceback (most recent call last):\nZeroDivisionError: division by zero\n";
  run.statements.push_back({1, 1, true, ""});
  SampleResult result = judged(sample, run, JudgePolicy{false, nullptr, "g.txt"});
  ASSERT_EQ(result.claims.size(), 1u);
  EXPECT_EQ(result.claims[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(result.verdict, SnippetVerdict::kPassed) << (result.problems.empty() ? "" : result.problems[0]);
}

// A script of two statements (snippet lines 1-2, guide lines 10-11) that
// prints "before" and then raises KeyError, and an output block after it
// (guide lines 13-16) that shows `shown`.
PlannedSample script_with_output_block(const std::string& shown) {
  PlannedSample planned;
  Sample& sample = planned.sample;
  sample.id = "s01";
  sample.path = "snippets/s01.py";
  sample.first_line = 10;
  sample.last_line = 16;
  sample.guide_lines = {10, 11};
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 13;
  block.last_guide_line = 16;
  block.anchor_line = 11;
  block.text = shown;
  sample.claims.push_back(block);
  return planned;
}

RunOutcome raised_key_error() {
  RunOutcome run;
  run.status = RunStatus::kError;
  run.exit_code = 1;
  run.stdout_text = "before\n";
  run.stderr_text = "Traceback (most recent call last):\n  File \"/p/snippets/s01.py\", line 2, in <module>\n"
                    "    d[\"k\"]\n    ~^^^^^\nKeyError: 'k'\n";
  run.statements = {{1, 1, true, "before\n"}, {2, 2, true, ""}};
  run.pieces = {{1, "before\n"}};
  return run;
}

TEST(JudgeTest, AnOutputBlockEndingInTheScriptsTracebackShowsItsExit) {
  const PlannedSample sample = script_with_output_block(
      "before\nTraceback (most recent call last):\n  File \"demo.py\", line 2, in <module>\nKeyError: 'k'");
  const RunOutcome run = raised_key_error();
  SampleResult result = judged(sample, run, JudgePolicy{false, nullptr, "g.md"});
  ASSERT_EQ(result.claims.size(), 1u);
  EXPECT_EQ(result.claims[0].verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(result.claims[0].rule, "traceback");
  EXPECT_EQ(result.verdict, SnippetVerdict::kPassed) << (result.problems.empty() ? "" : result.problems[0]);
  EXPECT_TRUE(ends_as_shown(sample.sample, run));
  // The exception line alone, the stack left out, shows it too.
  EXPECT_TRUE(ends_as_shown(script_with_output_block("before\nKeyError: 'k'").sample, run));
}

TEST(JudgeTest, AnotherExceptionOrNoneShownLeavesTheExitAFailure) {
  const RunOutcome run = raised_key_error();
  const PlannedSample wrong = script_with_output_block("before\nTraceback (most recent call last):\nIndexError: 'k'");
  SampleResult result = judged(wrong, run, JudgePolicy{false, nullptr, "g.md"});
  ASSERT_EQ(result.claims.size(), 1u);
  EXPECT_EQ(result.claims[0].verdict, ClaimVerdict::kMismatch);
  EXPECT_NE(result.claims[0].actual.find("KeyError: 'k'"), std::string::npos) << result.claims[0].actual;
  EXPECT_EQ(result.verdict, SnippetVerdict::kFailed);
  EXPECT_FALSE(ends_as_shown(wrong.sample, run));
  // Output that shows no exception: the error exit fails the sample.
  const PlannedSample silent = script_with_output_block("before");
  result = judged(silent, run, JudgePolicy{false, nullptr, "g.md"});
  EXPECT_EQ(result.claims[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(result.verdict, SnippetVerdict::kFailed);
  EXPECT_FALSE(ends_as_shown(silent.sample, run));
  // A run that did not raise ends as no traceback shows.
  EXPECT_FALSE(ends_as_shown(script_with_output_block("before\nKeyError: 'k'").sample, printed("before\n")));
}

// A test file run by pytest: the transcript the page shows is its one
// judged claim, and a session shown failing is the exit the page shows.
TEST(JudgeTest, APytestSessionShownFailingIsTheExitThePageShows) {
  PlannedSample tests = script_with_output_block("..F.  [100%]\n1 failed, 3 passed in 0.02s");
  tests.spec.mode = SnippetMode::kPytest;
  RunOutcome run;
  run.status = RunStatus::kError;
  run.exit_code = 1;
  run.stdout_text = "==== test session starts ====\ncollected 4 items\n\ns01.py ..F.  [100%]\n\n"
                    "==== 1 failed, 3 passed in 0.05s ====\n";
  SampleResult result = judged(tests, run, JudgePolicy{false, nullptr, "g.md"});
  ASSERT_EQ(result.claims.size(), 1u);
  EXPECT_EQ(result.claims[0].rule, "pytest-session");
  EXPECT_EQ(result.verdict, SnippetVerdict::kPassed) << (result.problems.empty() ? "" : result.problems[0]);
  EXPECT_TRUE(ends_as_shown(tests.sample, run));
  // A session shown passing, or with other counts: the failing run fails.
  for (const char* shown : {"4 passed in 0.02s", "2 failed, 2 passed in 0.02s"}) {
    PlannedSample other = script_with_output_block(shown);
    other.spec.mode = SnippetMode::kPytest;
    EXPECT_EQ(judged(other, run, JudgePolicy{false, nullptr, "g.md"}).verdict, SnippetVerdict::kFailed) << shown;
    EXPECT_FALSE(ends_as_shown(other.sample, run)) << shown;
  }
}

RunOutcome stopped_by(const std::string& error_line) {
  RunOutcome outcome;
  outcome.status = RunStatus::kError;
  outcome.exit_code = 1;
  outcome.stderr_text = "Traceback (most recent call last):\n  File \"q01.py\", line 1, in <module>\n" + error_line + "\n";
  return outcome;
}

TEST(JudgeTest, AModuleThisMachineLacksSkipsTheSampleButFailsUnderStrict) {
  PlannedSample sample = sample_claiming("0.12.2");
  RunOutcome run = stopped_by("ModuleNotFoundError: No module named 'guidecheck_absent_package'");
  SampleResult relaxed = judged(sample, run, JudgePolicy{false, nullptr, "g.txt"});
  EXPECT_EQ(relaxed.verdict, SnippetVerdict::kSkipped);
  EXPECT_EQ(relaxed.skip_reason, "needs module 'guidecheck_absent_package', which is not installed");
  SampleResult strict = judged(sample, run, JudgePolicy{true, nullptr, "g.txt"});
  EXPECT_EQ(strict.verdict, SnippetVerdict::kFailed);
  ASSERT_FALSE(strict.problems.empty());
  EXPECT_EQ(strict.problems[0], "exited with 1: needs module 'guidecheck_absent_package', which is not installed");
}

TEST(JudgeTest, AMisspeltImportFailsAndSaysWhatWasMeant) {
  PlannedSample sample = sample_claiming("1");
  SampleResult result =
      judged(sample, stopped_by("ModuleNotFoundError: No module named 'colections'"), JudgePolicy{false, nullptr, "g.txt"});
  EXPECT_EQ(result.verdict, SnippetVerdict::kFailed);
  ASSERT_FALSE(result.problems.empty());
  EXPECT_EQ(result.problems[0], "exited with 1: no module named 'colections' (did you mean 'collections'?)");
}

TEST(JudgeTest, AWrongClaimBeforeTheMissingImportStillFails) {
  PlannedSample sample = sample_claiming("41");
  RunOutcome run = printed("42\n");
  run.status = RunStatus::kError;
  run.exit_code = 1;
  run.stderr_text = "ModuleNotFoundError: No module named 'guidecheck_absent_package'\n";
  SampleResult result = judged(sample, run, JudgePolicy{false, nullptr, "g.txt"});
  EXPECT_EQ(result.verdict, SnippetVerdict::kFailed);
  ASSERT_GE(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[0], "exited with 1: needs module 'guidecheck_absent_package', which is not installed");
}

// A terminal transcript shows all a run wrote, stderr after stdout, and no
// exit status: argparse's usage error (exit 2) is how the page shows it end.
TEST(JudgeTest, ATranscriptShowsTheWholeRunAndItsErrorExit) {
  PlannedSample sample = sample_claiming("usage: greet.py NAME\ngreet.py: error: too few arguments");
  sample.sample.claims[0].form = ClaimForm::kOutputBlock;
  sample.sample.claims[0].whole_run = true;
  RunOutcome run;
  run.status = RunStatus::kError;
  run.exit_code = 2;
  run.stderr_text = "usage: greet.py NAME\ngreet.py: error: too few arguments\n";
  run.statements.push_back({1, 1, false, ""});
  SampleResult result = judged(sample, run, JudgePolicy{false, nullptr, "g.txt"});
  ASSERT_EQ(result.claims.size(), 1u);
  EXPECT_EQ(result.claims[0].verdict, ClaimVerdict::kMatch);
  EXPECT_TRUE(result.claims[0].shows_exit_traceback);
  EXPECT_EQ(result.verdict, SnippetVerdict::kPassed);
  // The same block after code, no transcript: the exit is a failure.
  sample.sample.claims[0].whole_run = false;
  EXPECT_EQ(judged(sample, run, JudgePolicy{false, nullptr, "g.txt"}).verdict, SnippetVerdict::kFailed);
}

}  // namespace
}  // namespace guidecheck
