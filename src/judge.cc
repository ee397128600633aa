#include "judge.h"

#include <algorithm>

#include <fmt/format.h>

#include "claim_compare.h"
#include "claim_rule_pytest_session.h"
#include "claim_verdicts.h"
#include "embedded_python.h"
#include "golden_pattern.h"
#include "missing_module.h"
#include "unified_diff.h"

namespace guidecheck {
namespace {

// Whether one of the judged claims shows the exception the run ended with.
bool shows_the_exit(const Sample& sample, const std::vector<ClaimResult>& claims) {
  return std::any_of(claims.begin(), claims.end(), [&](const ClaimResult& claim) {
    if (claim.verdict != ClaimVerdict::kMatch && claim.verdict != ClaimVerdict::kEquivalent) return false;
    if (claim.shows_exit_traceback) return true;
    return std::any_of(sample.claims.begin(), sample.claims.end(), [&](const Claim& c) {
      return c.kind == ClaimKind::kError && c.statement.empty() && c.guide_line == claim.guide_line;
    });
  });
}

// A claim or an output in a one-line message: quoted, newlines shown as \n.
std::string quote_for_message(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + "'";
}

// The approved output, when this run's stdout matches it: its placeholders
// say which tokens change from run to run.
const std::string* matching_approved(const SampleRuns& runs) {
  bool matches = runs.approved && matches_pattern(*runs.approved, runs.first->stdout_text);
  return matches ? &*runs.approved : nullptr;
}

bool judges_claims(const PlannedSample& planned) { return planned.spec.mode != SnippetMode::kPytest; }

// A test file runs under pytest: its comments are no outputs of its
// statements, but a run the page shows (`$ pytest -q`, its dots and its
// summary line) claims the whole session.
std::vector<ClaimResult> judge_pytest_session_claims(const Sample& sample, const RunOutcome& outcome) {
  std::vector<ClaimResult> results;
  for (const Claim& claim : sample.claims) {
    if (claim.kind != ClaimKind::kOutput || claim.form != ClaimForm::kOutputBlock) continue;
    std::optional<ClaimComparison> comparison = compare_pytest_sessions(claim.text, outcome.stdout_text);
    if (!comparison) continue;
    ClaimResult result = result_of_claim(claim);
    result.actual = without_final_newline(outcome.stdout_text);
    result.verdict = comparison->verdict;
    result.rule = comparison->rule;
    // A session the page shows failing: pytest's exit 1 is what it shows.
    result.shows_exit_traceback = result.verdict == ClaimVerdict::kEquivalent && shows_failing_tests(claim.text);
    results.push_back(std::move(result));
  }
  return results;
}

// Marks the claims an erratum lists (only wrong ones: a right claim makes
// its erratum stale).
void mark_errata(const Errata& errata, SampleResult* result) {
  for (const auto& erratum : errata.entries) {
    if (erratum.sample != result->sample.id) continue;
    for (auto& claim : result->claims) {
      if (claim.guide_line != erratum.guide_line || claim.verdict != ClaimVerdict::kMismatch) continue;
      if (!erratum.claimed.empty() && erratum.claimed != claim.claimed) continue;
      claim.known_erratum = true;
      claim.erratum_reason = erratum.reason;
    }
  }
}

bool counts_against(const ClaimResult& claim, bool strict) {
  if (claim.known_erratum) return strict;
  if (claim.verdict == ClaimVerdict::kMismatch) return true;
  return strict && (claim.verdict == ClaimVerdict::kEquivalent || claim.verdict == ClaimVerdict::kProse);
}

// A result that names the sample: what every report shows of it.
SampleResult result_for(const PlannedSample& planned) {
  SampleResult result;
  result.sample = planned.sample;
  return result;
}

}  // namespace

std::optional<std::string> unmet_import(const RunOutcome& outcome, std::string* misspelling) {
  std::optional<std::string> missing = missing_top_level_module(outcome.stderr_text);
  if (!missing && outcome.stderr_text.find("ImportError: ") == std::string::npos) return std::nullopt;
  static const std::vector<std::string> importable = importable_top_level_modules();
  if (!missing) missing = missing_optional_dependency(outcome.stderr_text, importable);
  if (!missing) return std::nullopt;
  if (std::optional<std::string> meant = misspelt_module(*missing, importable)) {
    *misspelling = fmt::format("no module named '{}' (did you mean '{}'?)", *missing, *meant);
    return std::nullopt;
  }
  return fmt::format("needs module '{}', which is not installed", *missing);
}

SampleResult skipped_result(const PlannedSample& planned) {
  SampleResult result = result_for(planned);
  result.verdict = SnippetVerdict::kSkipped;
  result.skip_reason = planned.skip_reason.value_or("");
  result.problems.push_back("skipped: " + result.skip_reason);
  return result;
}

bool ends_as_shown(const Sample& sample, const RunOutcome& outcome) {
  if (outcome.status != RunStatus::kError || !outcome.error.empty() || outcome.interrupted) return false;
  std::vector<ClaimResult> claims = judge_output_claims(sample.claims, sample.guide_lines, outcome, nullptr);
  for (const auto& claim : sample.claims)
    if (claim.kind == ClaimKind::kError && claim.statement.empty())
      claims.push_back(judge_error_claim(claim, sample.guide_lines, outcome));
  for (ClaimResult& session : judge_pytest_session_claims(sample, outcome)) claims.push_back(std::move(session));
  return shows_the_exit(sample, claims);
}

SampleResult judge_sample(const PlannedSample& planned, const SampleRuns& runs, const JudgePolicy& policy) {
  SampleResult result = result_for(planned);
  const Sample& sample = planned.sample;
  result.outcome = *runs.first;
  const RunOutcome& outcome = result.outcome;
  if (outcome.interrupted) {
    result.verdict = SnippetVerdict::kNotRun;
    result.skip_reason = outcome.never_started ? "interrupted before it started" : "stopped by the interrupt";
    return result;
  }
  if (!planned.spec.typed_input.empty()) {
    std::string typed;
    for (const TypedAnswer& answer : planned.spec.typed_input) typed += (typed.empty() ? "'" : ", '") + answer.answer + "'";
    result.notes.push_back("stdin: what the guide shows typed at its input() prompts: " + typed);
  }
  if (runs.golden && runs.approved && !matches_pattern(*runs.approved, outcome.stdout_text))
    result.golden_diff = unified_diff(*runs.approved, outcome.stdout_text, runs.approved_path,
                                      "actual stdout of " + sample.id);
  if (!judges_claims(planned)) {
    result.claims = judge_pytest_session_claims(sample, outcome);
    return result;
  }

  result.claims = judge_output_claims(sample.claims, sample.guide_lines, outcome, nullptr, matching_approved(runs),
                                      runs.values_shown);
  for (const auto& claim : sample.claims)
    if (claim.kind == ClaimKind::kError && claim.statement.empty())
      result.claims.push_back(judge_error_claim(claim, sample.guide_lines, outcome));
  for (const auto& [claim, variant] : runs.error_variants)
    result.claims.push_back(judge_error_claim(*claim, sample.guide_lines, *variant));
  std::stable_sort(result.claims.begin(), result.claims.end(),
                   [](const ClaimResult& a, const ClaimResult& b) { return a.guide_line < b.guide_line; });
  if (policy.errata) mark_errata(*policy.errata, &result);
  return result;
}

bool needs_second_opinion(const SampleResult& result) {
  if (!result.golden_diff.empty()) return true;
  return std::any_of(result.claims.begin(), result.claims.end(), [](const ClaimResult& claim) {
    return claim.kind == ClaimKind::kOutput && claim.verdict == ClaimVerdict::kMismatch && !claim.known_erratum;
  });
}

void apply_second_opinion(const PlannedSample& planned, const SampleRuns& runs, const RunOutcome& second,
                          SampleResult* result) {
  const Sample& sample = planned.sample;
  if (judges_claims(planned)) {
    // Judged anew with the second run: a claim whose statement printed
    // something else there is unstable (errata are reviewed: they stay).
    std::vector<ClaimResult> again =
        judge_output_claims(sample.claims, sample.guide_lines, result->outcome, &second, matching_approved(runs),
                            runs.values_shown);
    for (auto& claim : result->claims) {
      if (claim.kind != ClaimKind::kOutput || claim.known_erratum) continue;
      auto it = std::find_if(again.begin(), again.end(),
                             [&](const ClaimResult& c) { return c.guide_line == claim.guide_line; });
      if (it != again.end() && it->verdict == ClaimVerdict::kUnstable) {
        claim.verdict = it->verdict;
        claim.rule = it->rule;
      }
    }
  }
  if (result->golden_diff.empty()) return;
  const std::string& first = result->outcome.stdout_text;
  int line = 0;
  std::optional<std::string> both = first == second.stdout_text ? std::nullopt
                                                                : stable_pattern(first, second.stdout_text, &line);
  if (both && stable_pattern(*runs.approved, *both, &line)) {
    result->notes.push_back(fmt::format("stdout is unstable (two runs differ), and differs from {} only there; "
                                        "guidecheck update records placeholders for it",
                                        runs.approved_path));
    result->golden_diff.clear();
  }
}

void finish_judgement(const PlannedSample& planned, const SampleRuns& runs, const JudgePolicy& policy,
                      SampleResult* result) {
  if (result->verdict == SnippetVerdict::kNotRun) return;  // nothing of it to judge, errata included
  const Sample& sample = planned.sample;
  const RunOutcome& outcome = result->outcome;
  // An exit with the error the guide claims is what the sample shows.
  const bool exit_shown = outcome.status == RunStatus::kError && shows_the_exit(sample, result->claims);
  std::string failure = describe_failure(outcome, planned.spec.timeout_s);
  std::optional<std::string> unmet;
  if (!failure.empty() && !exit_shown && outcome.status == RunStatus::kError && outcome.error.empty()) {
    std::string misspelling;
    unmet = unmet_import(outcome, &misspelling);
    if (!misspelling.empty()) failure += ": " + misspelling;
  }
  if (!failure.empty() && !exit_shown && !unmet) result->problems.push_back(failure);
  if (runs.golden && !runs.approved)
    result->problems.push_back(
        runs.approved_unreadable.empty()
            ? fmt::format("no approved output: {} is missing (run guidecheck update)", runs.approved_path)
            : fmt::format("no approved output: {}", runs.approved_unreadable));
  if (outcome.stdout_truncated) result->problems.push_back("stdout was truncated (over the output cap)");
  if (!result->golden_diff.empty()) result->problems.push_back(fmt::format("stdout differs from {}", runs.approved_path));

  if (policy.errata)
    for (const auto& erratum : policy.errata->entries) {
      if (erratum.sample != result->sample.id) continue;
      bool used = std::any_of(result->claims.begin(), result->claims.end(), [&](const ClaimResult& claim) {
        return claim.known_erratum && claim.guide_line == erratum.guide_line;
      });
      if (!used)
        result->notes.push_back(fmt::format("{}:{}: erratum for {} line {} matches no wrong claim (fixed? remove it)",
                                            policy.errata->path, erratum.file_line, erratum.sample,
                                            erratum.guide_line));
    }
  for (auto& claim : result->claims) {
    claim.counts_against = counts_against(claim, policy.strict);
    if (!claim.counts_against) continue;
    std::string where =
        fmt::format("{}:{}", policy.guide_path.empty() ? result->sample.path : policy.guide_path, claim.guide_line);
    if (claim.verdict == ClaimVerdict::kMismatch && !claim.known_erratum)
      result->problems.push_back(fmt::format("{}: the guide claims {} but the sample prints {}", where,
                                             quote_for_message(claim.claimed), quote_for_message(claim.actual)));
    else if (claim.known_erratum)
      result->problems.push_back(fmt::format("{}: known erratum (--strict): {}", where, claim.erratum_reason));
    else
      result->problems.push_back(
          fmt::format("{}: {} claim (--strict): {}", where, to_string(claim.verdict), claim.rule));
  }
  // Skipped only when nothing else went wrong (and not under --strict).
  if (unmet && (policy.strict || !result->problems.empty()))
    result->problems.insert(result->problems.begin(), failure + ": " + *unmet);
  if (unmet && result->problems.empty()) {
    result->verdict = SnippetVerdict::kSkipped;
    result->skip_reason = *unmet;
    result->problems.push_back("skipped: " + *unmet);
    return;
  }
  result->verdict = result->problems.empty() ? SnippetVerdict::kPassed : SnippetVerdict::kFailed;
}

}  // namespace guidecheck
