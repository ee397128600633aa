#include "claim_verdicts.h"
#include "claim_parts.h"
#include "claim_rule_traceback.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace guidecheck {
namespace {

// A run of a 3-statement sample: statement 1 prints "a\n", statement 2 (a
// loop, lines 2-3) prints "0 1 " without a newline, statement 4 finishes the
// line with "9\n".
RunOutcome joined_line_run() {
  RunOutcome outcome;
  outcome.status = RunStatus::kOk;
  outcome.stdout_text = "a\n0 1 9\n";
  outcome.pieces = {{1, "a\n"}, {2, "0 1 "}, {4, "9\n"}};
  outcome.statements = {{1, 1, true, "a\n"}, {2, 3, true, "0 1 "}, {4, 4, true, "9\n"}};
  return outcome;
}

Claim trailing(int guide_line, const std::string& text) {
  Claim claim;
  claim.guide_line = claim.last_guide_line = claim.anchor_line = guide_line;
  claim.text = text;
  return claim;
}

TEST(ClaimVerdictsTest, RenderedOutputJoinsALineTwoStatementsShare) {
  RunOutcome run = joined_line_run();
  EXPECT_EQ(rendered_output(run, 1), "a");
  EXPECT_EQ(rendered_output(run, 2), "0 1 9");
  EXPECT_EQ(rendered_output(run, 4), "0 1 9");
}

TEST(ClaimVerdictsTest, ClaimsAreJudgedAgainstTheJoinedLine) {
  // Guide lines 10-13 hold snippet lines 1-4.
  std::vector<int> guide_lines = {10, 11, 12, 13};
  auto results = judge_output_claims({trailing(10, "a"), trailing(12, "0 1"), trailing(13, "9")}, guide_lines,
                                     joined_line_run(), nullptr);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[1].actual, "0 1 9");
  EXPECT_EQ(results[2].verdict, ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, NormalizeWhitespaceLetsLineBreaksStandForBlanks) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "alpha beta gamma\n";
  run.pieces = {{1, run.stdout_text}};
  run.statements = {{1, 1, true, run.stdout_text}};
  Claim claim = trailing(10, "alpha beta\ngamma");
  auto results = judge_output_claims({claim}, {10}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);  // without the option: two lines
  claim.normalize_whitespace = true;
  results = judge_output_claims({claim}, {10}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(results[0].rule, "normalize-whitespace");
  claim.text = "alpha beta\ndelta";  // a different word is still wrong
  results = judge_output_claims({claim}, {10}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, IgnoreExceptionDetailComparesTheExceptionsTypeAlone) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text =
      "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
      "decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]\n";
  run.pieces = {{1, run.stdout_text}};
  run.statements = {{1, 1, true, run.stdout_text}};
  Claim claim = trailing(10, "Traceback (most recent call last):\n  ...\nInvalidOperation: bad input");
  auto results = judge_output_claims({claim}, {10}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);  // without the option: another message
  claim.ignore_exception_detail = true;
  results = judge_output_claims({claim}, {10}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(results[0].rule, "ignore-exception-detail");
  claim.text = "Traceback (most recent call last):\n  ...\nValueError: bad input";  // another type is still wrong
  results = judge_output_claims({claim}, {10}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(without_exception_detail("Traceback (most recent call last):\n  File \"x\", line 1\nmod.sub.Error: why\nafter"),
            "Traceback (most recent call last):\n  File \"x\", line 1\nError\nafter");
  EXPECT_EQ(without_exception_detail("no traceback: here"), "no traceback: here");
}

// A cell of two statements (snippet lines 1-2, guide lines 10-11): `print("a")`
// then a bare expression whose value is [3, 3], with an output block after it.
struct NotebookCell {
  RunOutcome script, session;
  Claim block;
};

NotebookCell notebook_cell(const std::string& shown) {
  NotebookCell cell;
  cell.script.status = RunStatus::kOk;
  cell.script.stdout_text = "a\n";
  cell.script.pieces = {{1, "a\n"}};
  cell.script.statements = {{1, 1, true, "a\n"}, {2, 2, true, ""}};
  cell.session = cell.script;
  cell.session.stdout_text = "a\n[3, 3]\n";
  cell.session.pieces = {{1, "a\n"}, {2, "[3, 3]\n"}};
  cell.session.statements = {{1, 1, true, "a\n"}, {2, 2, true, "[3, 3]\n"}};
  cell.block.form = ClaimForm::kOutputBlock;
  cell.block.guide_line = 13;
  cell.block.last_guide_line = 14;
  cell.block.anchor_line = 11;
  cell.block.text = shown;
  return cell;
}

TEST(ClaimVerdictsTest, AnOutputBlockMayShowTheCellsLastValue) {
  NotebookCell cell = notebook_cell("a\n[3, 3]");
  auto results = judge_output_claims({cell.block}, {10, 11}, cell.script, nullptr, nullptr, &cell.session);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[0].actual, "a\n[3, 3]");
  // Without the session run the value is unknown: only "a" was printed.
  results = judge_output_claims({cell.block}, {10, 11}, cell.script, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
  // Only what was printed is still right; a wrong value is wrong.
  cell = notebook_cell("a");
  EXPECT_EQ(judge_output_claims({cell.block}, {10, 11}, cell.script, nullptr, nullptr, &cell.session)[0].verdict,
            ClaimVerdict::kMatch);
  cell = notebook_cell("a\n[3, 4]");
  EXPECT_EQ(judge_output_claims({cell.block}, {10, 11}, cell.script, nullptr, nullptr, &cell.session)[0].verdict,
            ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, ACellThatPrintsNothingIsJudgedByItsValue) {
  NotebookCell cell = notebook_cell("[3, 4]");
  cell.script.stdout_text.clear();
  cell.script.pieces.clear();
  cell.script.statements[0].stdout_text.clear();
  cell.session.stdout_text = "[3, 3]\n";
  cell.session.pieces = {{2, "[3, 3]\n"}};
  auto results = judge_output_claims({cell.block}, {10, 11}, cell.script, nullptr, nullptr, &cell.session);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);  // not prose: the value is what it shows
  EXPECT_EQ(results[0].actual, "[3, 3]");
}

TEST(ClaimVerdictsTest, StatementsThatNeverRanGiveNotRun) {
  RunOutcome run = joined_line_run();
  run.statements[2].ran = false;
  auto results = judge_output_claims({trailing(13, "9")}, {10, 11, 12, 13}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kNotRun);
}

TEST(ClaimVerdictsTest, OutputThatChangesBetweenRunsIsUnstable) {
  RunOutcome first = joined_line_run(), second = joined_line_run();
  second.stdout_text = "b\n0 1 9\n";
  second.pieces[0].bytes = "b\n";
  auto results = judge_output_claims({trailing(10, "c")}, {10, 11, 12, 13}, first, &second);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kUnstable);
  // Same output twice: a plain mismatch.
  results = judge_output_claims({trailing(10, "c")}, {10, 11, 12, 13}, first, &first);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, PlaceholdersOfTheApprovedOutputMakeADifferenceUnstable) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "object id 140234\n";
  run.pieces = {{1, "object id 140234\n"}};
  run.statements = {{1, 1, true, "object id 140234\n"}};
  std::string approved = "object id {{guidecheck:number}}\n";
  auto results = judge_output_claims({trailing(10, "object id 998877")}, {10}, run, nullptr, &approved);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kUnstable);
  // A difference outside the placeholders stays a mismatch.
  results = judge_output_claims({trailing(10, "object key 998877")}, {10}, run, nullptr, &approved);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
  // Without approved output there is nothing to go by.
  results = judge_output_claims({trailing(10, "object id 998877")}, {10}, run, nullptr, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, ADifferenceOnlyInADurationIsUnstable) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "took 0.009s\n";
  run.pieces = {{1, "took 0.009s\n"}};
  run.statements = {{1, 1, true, "took 0.009s\n"}};
  auto results = judge_output_claims({trailing(10, "took 0.012s")}, {10}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kUnstable);
  results = judge_output_claims({trailing(10, "took 12 items")}, {10}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, BlockAfterASilentStatementIsAHeaderAndTrailingCommentIsProse) {
  RunOutcome run = joined_line_run();
  run.statements.push_back({5, 5, true, ""});
  Claim block = trailing(14, "Next part");
  block.form = ClaimForm::kBlock;
  block.anchor_line = 14;
  auto results = judge_output_claims({block, trailing(14, "42")}, {10, 11, 12, 13, 14}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);  // the block is dropped
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kProse);
}

// The reader lays the statement out; the variant only indents it.
TEST(ClaimVerdictsTest, ErrorClaimVariantEnablesTheStatementAtItsIndentation) {
  Claim claim;
  claim.kind = ClaimKind::kError;
  claim.guide_line = claim.anchor_line = 21;
  claim.statement = "class Bad(Base):\n    pass";
  claim.text = "TypeError: Bad must implement validate()";
  std::string source = "class Base:\n    pass\n# class Bad(Base): # TypeError: ...\n# pass\nprint(1)\n";
  auto variant = error_claim_variant(source, {18, 19, 21, 22, 23}, claim);
  ASSERT_TRUE(variant.has_value());
  EXPECT_EQ(*variant, "class Base:\n    pass\nclass Bad(Base):\n    pass\nprint(1)\n");
}

TEST(ClaimVerdictsTest, PythonsDidYouMeanHintIsNoPartOfTheError) {
  Claim claim;
  claim.kind = ClaimKind::kError;
  claim.guide_line = claim.anchor_line = 11;
  claim.statement = "print(acct.__balance)";
  claim.text = "AttributeError: 'Account' object has no attribute '__balance'";
  RunOutcome variant;
  variant.status = RunStatus::kError;
  variant.exit_code = 1;
  variant.statements = {{1, 1, true, ""}, {2, 2, true, ""}, {3, 3, false, ""}};
  variant.stderr_text =
      "Traceback...\nAttributeError: 'Account' object has no attribute '__balance'. Did you mean: 'balance'?\n";
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMatch);
  claim.text = "AttributeError: 'Account' object has no attribute 'total'";
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMismatch);
}

// `# filled_dict["four"]  # KeyError`: the type alone, its last dotted part at least.
TEST(ClaimVerdictsTest, AnErrorClaimMayNameTheExceptionTypeAlone) {
  Claim claim;
  claim.kind = ClaimKind::kError;
  claim.guide_line = claim.anchor_line = 11;
  claim.statement = "d['four']";
  RunOutcome variant;
  variant.status = RunStatus::kError;
  variant.exit_code = 1;
  variant.statements = {{1, 1, true, ""}, {2, 2, true, ""}, {3, 3, false, ""}};
  variant.stderr_text = "Traceback...\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1\n";
  for (const char* named : {"JSONDecodeError", "json.decoder.JSONDecodeError"}) {
    claim.text = named;
    const ClaimResult result = judge_error_claim(claim, {10, 11, 12}, variant);
    EXPECT_EQ(result.verdict, ClaimVerdict::kEquivalent) << named;
    EXPECT_EQ(result.rule, "exception-type") << named;
  }
  // The message too, the type without its module.
  claim.text = "JSONDecodeError: Expecting value: line 1 column 1";
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kEquivalent);
  claim.text = "JSONDecodeError: Expecting a value";
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMismatch);
  for (const char* other : {"DecodeError", "ValueError", "decoder.JSONDecodeErrors"}) {
    claim.text = other;
    EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMismatch) << other;
  }
}

TEST(ClaimVerdictsTest, ANoteSplitOffTheValueMayBePrintedToo) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "Tom makes a sound (meow)\n";
  run.pieces = {{1, run.stdout_text}};
  run.statements = {{1, 1, true, run.stdout_text}};
  Claim claim = trailing(10, "Tom makes a sound");
  claim.note = "(meow)";
  auto results = judge_output_claims({claim}, {10}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  claim.note = "(purr)";
  EXPECT_EQ(judge_output_claims({claim}, {10}, run, nullptr)[0].verdict, ClaimVerdict::kMismatch);
}

TEST(ClaimVerdictsTest, ErrorClaimsCompareTheRaisedException) {
  Claim claim;
  claim.kind = ClaimKind::kError;
  claim.guide_line = claim.anchor_line = 11;
  claim.statement = "x[0] = 1";
  claim.text = "TypeError: Can't instantiate abstract class";
  RunOutcome variant;
  variant.status = RunStatus::kError;
  variant.exit_code = 1;
  variant.statements = {{1, 1, true, ""}, {2, 2, true, ""}, {3, 3, false, ""}};
  variant.stderr_text = "Traceback...\nTypeError: Can't instantiate abstract class Shape with abstract methods area\n";
  ClaimResult result = judge_error_claim(claim, {10, 11, 12}, variant);
  EXPECT_EQ(result.verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(result.rule, "message-prefix");
  claim.text = "TypeError: Can't instantiate abstract class Shape with abstract methods area";
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMatch);
  claim.text = "ValueError: Can't instantiate";
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMismatch);
  variant.statements[2].ran = true;  // the sample went on: no exception there
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kMismatch);
  variant.statements[1].ran = false;  // stopped before it
  variant.statements[2].ran = false;
  EXPECT_EQ(judge_error_claim(claim, {10, 11, 12}, variant).verdict, ClaimVerdict::kNotRun);
}

}  // namespace
}  // namespace guidecheck

namespace guidecheck {
namespace {

// Output blocks shown after the code: each covers what the statements since
// the previous block printed, in order.
TEST(ClaimVerdictsTest, AnOutputBlockCoversTheStatementsSinceThePreviousBlock) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.exit_code = 0;
  run.statements = {{1, 1, true, "a\n"}, {2, 2, true, "b\n"}, {3, 3, true, "c\n"}};
  run.pieces = {{0, "from a prelude\n"}, {1, "a\n"}, {2, "b\n"}, {3, "c\n"}};
  run.stdout_text = "from a prelude\na\nb\nc\n";
  std::vector<int> guide_lines = {10, 11, 20};  // a block after line 11, another after line 20
  Claim first;
  first.form = ClaimForm::kOutputBlock;
  first.guide_line = 13;
  first.anchor_line = 11;
  first.text = "a\nb";
  Claim second = first;
  second.guide_line = 22;
  second.anchor_line = 20;
  second.since_line = 11;
  second.text = "d";
  std::vector<ClaimResult> results = judge_output_claims({first, second}, guide_lines, run, nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[0].actual, "a\nb");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[1].actual, "c");
}

TEST(ClaimVerdictsTest, AnOutputBlockAfterCodeThatNeverRanIsNotRun) {
  RunOutcome run;
  run.status = RunStatus::kError;
  run.exit_code = 1;
  run.statements = {{1, 1, true, ""}, {2, 2, false, ""}};
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 5;
  block.anchor_line = 2;
  block.text = "x";
  std::vector<ClaimResult> results = judge_output_claims({block}, {1, 2}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kNotRun);
}

}  // namespace
}  // namespace guidecheck

namespace guidecheck {
namespace {

// `s.count("a")  # 3`: the comment shows the expression's value, which a
// script never prints; a session run of the sample shows it.
TEST(ClaimVerdictsTest, ACommentOnABareExpressionIsJudgedAgainstItsValue) {
  RunOutcome script;
  script.status = RunStatus::kOk;
  script.exit_code = 0;
  script.statements = {{1, 1, true, ""}, {2, 2, true, ""}, {3, 3, true, ""}};
  RunOutcome session = script;
  session.statements = {{1, 1, true, ""}, {2, 2, true, "3\n"}, {3, 3, true, "'abc'\n"}};
  session.pieces = {{2, "3\n"}, {3, "'abc'\n"}};
  session.stdout_text = "3\n'abc'\n";
  Claim right;
  right.guide_line = right.anchor_line = 11;
  right.text = "3";
  Claim wrong = right;
  wrong.guide_line = wrong.anchor_line = 12;
  wrong.text = "'abd'";
  Claim describes = right;
  describes.guide_line = describes.anchor_line = 10;
  describes.text = "Creates the string";
  describes.looks_like_prose = true;
  std::vector<ClaimResult> results =
      judge_output_claims({describes, right, wrong}, {10, 11, 12}, script, nullptr, nullptr, &session);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kProse);  // the statement has no value to show
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].actual, "3");
  EXPECT_EQ(results[2].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[2].actual, "'abc'");
  // Without the session run the same claims describe code.
  results = judge_output_claims({right}, {10, 11, 12}, script, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kProse);
}

// A run the result cache answered names its own check's scratch directory
// in a traceback's frames; a fresh second run names another. That is no
// instability: the claim stays a mismatch.
TEST(ClaimVerdictsTest, TracebackFramePathsAloneDoNotMakeOutputUnstable) {
  auto session_run = [](const std::string& printed) {
    RunOutcome run;
    run.status = RunStatus::kOk;
    run.exit_code = 0;
    run.statements = {{1, 1, true, printed}};
    run.pieces = {{1, printed}};
    run.stdout_text = printed;
    return run;
  };
  const RunOutcome first = session_run(
      "Traceback (most recent call last):\n  File \"/tmp/guidecheck-check-aaa/s01.py\", line 1, in <module>\n"
      "ZeroDivisionError: division by zero\n");
  const RunOutcome again = session_run(
      "Traceback (most recent call last):\n  File \"/tmp/guidecheck-check-bbb/s01.py\", line 1, in <module>\n"
      "ZeroDivisionError: division by zero\n");
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 12;
  block.anchor_line = 10;
  block.text = "Traceback (most recent call last):\nZeroDivisionError: integer division by zero";
  std::vector<ClaimResult> results = judge_output_claims({block}, {10}, first, &again);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
  const RunOutcome other = session_run("Traceback (most recent call last):\nZeroDivisionError: float division by zero\n");
  results = judge_output_claims({block}, {10}, first, &other);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kUnstable);
}

// A notebook cell's outputs in one block, line for line: each output is
// judged on its own lines, at its own guide line.
TEST(ClaimVerdictsTest, ABlockOfSeveralOutputsIsJudgedByOutput) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.exit_code = 0;
  run.statements = {{1, 1, true, "[ 1 11]\n"}, {2, 2, true, "4\n"}};
  run.pieces = {{1, "[ 1 11]\n"}, {2, "4\n"}};
  run.stdout_text = "[ 1 11]\n4\n";
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 20;
  block.anchor_line = 11;
  block.text = "[ 1 11]\n3";
  block.later_parts = {{1, 24}};
  std::vector<ClaimResult> results = judge_output_claims({block}, {10, 11}, run, nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].guide_line, 20);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].guide_line, 24);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[1].actual, "4");
  // A block that agrees is two claims that agree; one whose lines do not
  // line up stays one result.
  block.text = "[ 1 11]\n4";
  results = judge_output_claims({block}, {10, 11}, run, nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].claimed, "4");
  block.text = "[ 1 11]\n3\n5";
  EXPECT_EQ(judge_output_claims({block}, {10, 11}, run, nullptr).size(), 1u);
}

// Three prints, then their output in one block: without a notebook's parts,
// the statements that printed the lines split the block, when its lines
// are the guide's one for one.
TEST(ClaimVerdictsTest, ABlockIsSplitWhereItsLinesPrintingStatementsChange) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.exit_code = 0;
  run.statements = {{1, 1, true, "4\n"}, {2, 2, true, "['A', 'B']\n"}, {3, 3, true, "B 30.0\n"}};
  run.pieces = {{1, "4\n"}, {2, "['A', 'B']\n"}, {3, "B "}, {3, "30.0\n"}};
  run.stdout_text = "4\n['A', 'B']\nB 30.0\n";
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.anchor_line = 3;
  block.guide_line = 5;
  block.last_guide_line = 7;
  block.text = "4\n['A' 'B']\nB 30.0";
  std::vector<ClaimResult> results = judge_output_claims({block}, {1, 2, 3}, run, nullptr);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].guide_line, 6);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[2].guide_line, 7);
  EXPECT_EQ(results[2].verdict, ClaimVerdict::kMatch);
  // Blank lines dropped from the block: its lines are not the guide's.
  block.last_guide_line = 9;
  EXPECT_EQ(judge_output_claims({block}, {1, 2, 3}, run, nullptr).size(), 1u);
  // A heading after the output, read as a tentative last line and dropped:
  // the lines judged are still the guide's first ones.
  block.text = "4\n['A', 'B']\nB 30.0\nSet Methods";
  block.last_guide_line = 8;
  block.tentative_lines = 1;
  results = judge_output_claims({block}, {1, 2, 3}, run, nullptr);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[2].guide_line, 7);
  EXPECT_EQ(results[2].claimed, "B 30.0");
}

// What --write-guide rewrites for one part of a block: the block narrowed
// to that part's lines.
TEST(ClaimVerdictsTest, APartOfABlockIsTheBlockNarrowedToItsLines) {
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 5;
  block.last_guide_line = 7;
  block.text = "4\n['A' 'B']\nB 30.0";
  block.tentative_lines = 1;
  const std::optional<Claim> part = claim_part(block, 6, "['A' 'B']");
  ASSERT_TRUE(part);
  EXPECT_EQ(part->guide_line, 6);
  EXPECT_EQ(part->last_guide_line, 6);
  EXPECT_EQ(part->text, "['A' 'B']");
  EXPECT_EQ(part->tentative_lines, 0);
  EXPECT_FALSE(claim_part(block, 6, "B 30.0"));  // not the text on those lines
  EXPECT_FALSE(claim_part(block, 7, "B 30.0\nmore"));
  block.form = ClaimForm::kBlock;
  EXPECT_FALSE(claim_part(block, 6, "['A' 'B']"));
}

// The values run echoes a None too (kEchoNonePrelude): `d.get("k")  # None`
// is judged by it, while `xs.append(4)  # [1, 2, 3, 4]` still shows the list
// the call changed, not the call's value.
TEST(ClaimVerdictsTest, AClaimOfNoneReadsTheNoneTheValuesRunEchoed) {
  RunOutcome script;
  script.status = RunStatus::kOk;
  script.exit_code = 0;
  script.statements = {{1, 1, true, ""}, {2, 2, true, ""}};
  RunOutcome session = script;
  session.statements = {{1, 1, true, "None\n"}, {2, 2, true, "None\n"}};
  session.pieces = {{1, "None\n"}, {2, "None\n"}};
  session.stdout_text = "None\nNone\n";
  Claim none;
  none.guide_line = none.anchor_line = 10;
  none.text = "None";
  Claim state = none;
  state.guide_line = state.anchor_line = 11;
  state.text = "[1, 2, 3, 4]";
  std::vector<ClaimResult> results = judge_output_claims({none, state}, {10, 11}, script, nullptr, nullptr, &session);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[0].rule, "the expression's value");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kProse);
}

}  // namespace
}  // namespace guidecheck

namespace guidecheck {
namespace {

// A one-statement sample (guide line 10) that printed `printed`.
RunOutcome one_statement_run(const std::string& printed) {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.statements = {{1, 1, true, printed}};
  run.pieces = {{1, printed}};
  run.stdout_text = printed;
  return run;
}

// An output block shown after that statement, at guide line 12.
Claim output_block(const std::string& text) {
  Claim block;
  block.form = ClaimForm::kOutputBlock;
  block.guide_line = 12;
  block.anchor_line = 10;
  block.text = text;
  return block;
}

// A scraped page glued its next heading to the output: the claim's last
// lines may be the page's text (Claim::tentative_lines).
TEST(ClaimVerdictsTest, TentativeLinesAreDroppedOnlyWhenTheClaimThenAgrees) {
  const RunOutcome run = one_statement_run("roses\nviolets\n");
  Claim block = output_block("roses\nviolets\nIndexing and slicing");
  block.tentative_lines = 1;
  Claim wrong = block;
  wrong.text = "roses\ntulips\nIndexing and slicing";
  Claim heading_alone = block;
  heading_alone.text = "Closures";
  Claim none_tentative = block;
  none_tentative.tentative_lines = 0;
  std::vector<ClaimResult> results =
      judge_output_claims({block, wrong, heading_alone, none_tentative}, {10}, run, nullptr);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[0].claimed, "roses\nviolets");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[2].verdict, ClaimVerdict::kProse);  // every line tentative: the page's words
  EXPECT_EQ(results[3].verdict, ClaimVerdict::kMismatch);
}

// When the run printed as many lines as the claim has, a last line that
// reads as prose stood for a printed line: dropping it to agree as an
// excerpt would hide a wrong value.
TEST(ClaimVerdictsTest, ATentativeLineInPlaceOfAPrintedOneStaysInTheClaim) {
  const RunOutcome run = one_statement_run("Longest word: quick\nUnique words: 7\n");
  Claim block = output_block("Longest word: quick\nUnique words: 8");
  block.tentative_lines = 1;
  std::vector<ClaimResult> results = judge_output_claims({block}, {10}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[0].claimed, "Longest word: quick\nUnique words: 8");
}

// `num = int(value)` raised, `print(num)` never ran, and the page shows the
// traceback after the code: the claim is on the exception the script ended with.
TEST(ClaimVerdictsTest, ATracebackShownAfterLiveCodeClaimsTheExceptionItEndedWith) {
  RunOutcome run;
  run.status = RunStatus::kError;
  run.exit_code = 1;
  run.statements = {{1, 1, true, ""}, {2, 2, true, ""}, {3, 3, false, ""}};
  run.stderr_text = "Traceback (most recent call last):\n  File \"s.py\", line 2, in <module>\n"
                    "ValueError: invalid literal for int() with base 10: 'ten'\n";
  Claim claim;
  claim.kind = ClaimKind::kError;
  claim.guide_line = 12;
  claim.anchor_line = 10;  // print(num)
  claim.text = "ValueError: invalid literal for int() with base 10: 'ten'";
  EXPECT_EQ(judge_error_claim(claim, {8, 9, 10}, run).verdict, ClaimVerdict::kMatch);
  claim.text = "TypeError: invalid literal for int() with base 10: 'ten'";
  EXPECT_EQ(judge_error_claim(claim, {8, 9, 10}, run).verdict, ClaimVerdict::kMismatch);
  // A run that ended well never reached it for another reason: not run.
  run.status = RunStatus::kOk;
  EXPECT_EQ(judge_error_claim(claim, {8, 9, 10}, run).verdict, ClaimVerdict::kNotRun);
}

// A printed sentence no literal holds reads as prose after the output: the
// lines that may continue the claim count only when they make it agree.
TEST(ClaimVerdictsTest, LinesThatMayContinueAClaimCountOnlyWhenTheyMakeItAgree) {
  const RunOutcome run = one_statement_run("ValueError\nmutable default is not allowed\n");
  Claim block = output_block("ValueError");
  block.may_continue = {"mutable default is not allowed", "Validation comes next."};
  Claim wrong = block;
  wrong.may_continue = {"mutable defaults are fine"};
  std::vector<ClaimResult> results = judge_output_claims({block, wrong}, {10}, run, nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[0].claimed, "ValueError\nmutable default is not allowed");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[1].claimed, "ValueError");
}

// Claims on the inner lines of a compound statement: with several of them,
// each sees what its own line wrote (OutputPiece::source_line).

// A sample of one statement, `with` on snippet lines 1-4 (guide lines
// 11-14): line 2 is silent, lines 3 and 4 print.
RunOutcome with_run() {
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "8\n8\n3\n";
  run.pieces = {{1, "8\n", 3}, {1, "8\n", 3}, {1, "3\n", 4}};
  run.statements = {{1, 4, true, "8\n8\n3\n"}};
  return run;
}

Claim block_after(int anchor_line, int guide_line, const std::string& text) {
  Claim claim;
  claim.form = ClaimForm::kBlock;
  claim.guide_line = guide_line;
  claim.last_guide_line = guide_line + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  claim.anchor_line = anchor_line;
  claim.text = text;
  return claim;
}

TEST(ClaimVerdictsTest, RenderedLineOutputGivesEveryLineTheSourceLineTouched) {
  RunOutcome run;
  run.stdout_text = "0 1 2 done\n-\n";
  // A loop on lines 1-3: line 2 prints "i " three times, line 3 ends the line.
  run.pieces = {{1, "0 ", 2}, {1, "1 ", 2}, {1, "2 ", 2}, {1, "done\n", 3}, {4, "-\n", 4}};
  EXPECT_EQ(rendered_line_output(run, 1, 2), "0 1 2 done");
  EXPECT_EQ(rendered_line_output(run, 1, 3), "0 1 2 done");
  EXPECT_EQ(rendered_line_output(run, 1, 4), "");  // line 4 is another statement's
  EXPECT_EQ(rendered_line_output(with_run(), 1, 3), "8\n8");
}

TEST(ClaimVerdictsTest, ClaimsOnInnerLinesSeeTheirOwnLinesOutput) {
  std::vector<int> guide_lines = {11, 12, 13, 14};
  auto results = judge_output_claims({trailing(13, "8\n8"), trailing(14, "2")}, guide_lines, with_run(), nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[0].actual, "8\n8");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);  // a wrong claim is still caught
  EXPECT_EQ(results[1].actual, "3");
  // A block after line 4, beside the trailing claim on line 3: line 4's output.
  results = judge_output_claims({trailing(13, "8\n8"), block_after(14, 15, "3")}, guide_lines, with_run(), nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].actual, "3");
}

TEST(ClaimVerdictsTest, TheOnlyClaimOfAStatementSeesAllOfIt) {
  // One claim in a loop: what the whole loop printed, as before.
  auto results = judge_output_claims({trailing(14, "3")}, {11, 12, 13, 14}, with_run(), nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
  EXPECT_EQ(results[0].actual, "8\n8\n3");
}

TEST(ClaimVerdictsTest, AClaimOnTheStatementsFirstLineSeesAllOfIt) {
  std::vector<int> guide_lines = {11, 12, 13, 14};
  auto results = judge_output_claims({trailing(11, "8 8 3"), trailing(14, "3")}, guide_lines, with_run(), nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].actual, "8\n8\n3");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMatch);  // beside it, line 4 sees its own
  EXPECT_EQ(results[1].actual, "3");
}

TEST(ClaimVerdictsTest, AClaimWhoseLineWroteNothingSeesAllOfTheStatement) {
  // A comment block after the loop, anchored on its silent last line, beside
  // a claim inside: it describes the whole loop.
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "a\n-\nb\n-\n";
  run.pieces = {{1, "a\n", 2}, {1, "-\n", 3}, {1, "b\n", 2}, {1, "-\n", 3}};
  run.statements = {{1, 4, true, "a\n-\nb\n-\n"}};
  std::vector<int> guide_lines = {11, 12, 13, 14};
  auto results = judge_output_claims({trailing(12, "a b"), block_after(14, 15, "a\n-\nb\n-")}, guide_lines, run,
                                     nullptr);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].actual, "a\nb");
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].actual, "a\n-\nb\n-");
}

TEST(ClaimVerdictsTest, AnInnerClaimIsUnstableOnlyWhenItsOwnLineChanges) {
  std::vector<int> guide_lines = {11, 12, 13, 14};
  std::vector<Claim> claims = {trailing(13, "8\n8"), trailing(14, "2")};
  RunOutcome first = with_run(), other_line = with_run(), same_line = with_run();
  other_line.stdout_text = "9\n8\n3\n";
  other_line.pieces[0].bytes = "9\n";
  auto results = judge_output_claims(claims, guide_lines, first, &other_line);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kMismatch);
  same_line.stdout_text = "8\n8\n4\n";
  same_line.pieces[2].bytes = "4\n";
  results = judge_output_claims(claims, guide_lines, first, &same_line);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kUnstable);
}

TEST(ClaimVerdictsTest, ACommentBlockMayShowTheTerminalSinceThePreviousClaim) {
  // `amount = float(input("Amount: "))` then `print(Deposit(amount))`, the
  // typed answer echoed after the prompt.
  RunOutcome run;
  run.status = RunStatus::kOk;
  run.stdout_text = "Amount: 25\nDeposit of 25.00\n";
  run.pieces = {{1, "Amount: 25\n"}, {2, "Deposit of 25.00\n"}};
  run.statements = {{1, 1, true, "Amount: 25\n"}, {2, 2, true, "Deposit of 25.00\n"}};
  auto results = judge_output_claims({block_after(11, 12, "Amount: 25\nDeposit of 25.00")}, {10, 11}, run, nullptr);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(results[0].rule, "since the previous claim");
  // Lines an earlier statement printed do not excuse a wrong claim.
  run.stdout_text = "a\nb\nc\nd\n";
  run.pieces = {{1, "a\nb\n"}, {2, "c\nd\n"}};
  run.statements = {{1, 1, true, "a\nb\n"}, {2, 2, true, "c\nd\n"}};
  results = judge_output_claims({block_after(11, 12, "a\nb")}, {10, 11}, run, nullptr);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMismatch);
}

}  // namespace
}  // namespace guidecheck
