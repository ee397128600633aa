#pragma once
// The one place where a sample's fate is decided: its claims' verdicts, its
// golden comparison, known errata, --strict, and so whether it passes.
// Reports only render what the judge decided.

#include <optional>
#include <string>
#include <vector>

#include "check_plan.h"
#include "check_result.h"
#include "errata.h"

namespace guidecheck {

/// What the judge holds against a sample beyond its own runs.
struct JudgePolicy {
  bool strict = false;           ///< equivalent, prose and known errata fail too
  const Errata* errata = nullptr;
  std::string guide_path;        ///< where claims are located in messages; empty: the snippet's path
};

/// The runs of one sample the judge looks at.
struct SampleRuns {
  const RunOutcome* first = nullptr;
  /// Runs of error-claim variants: the claim and the run with its
  /// commented-out statement enabled.
  std::vector<std::pair<const Claim*, const RunOutcome*>> error_variants;
  /// The sample run once more as a session, so the values of its bare
  /// expressions are shown: for comments that claim a value (`n * 2  # 8`).
  const RunOutcome* values_shown = nullptr;
  /// expected/<id>.out and its path, when the sample is compared with it.
  bool golden = false;
  std::optional<std::string> approved;
  std::string approved_path;
  std::string approved_unreadable;  ///< why approved_path exists but cannot be read
};

/// First judgement of a sample that ran (a skipped one: skipped_result).
/// Verdicts of every claim, errata marked, golden difference noted. Call
/// needs_second_opinion next, then finish_judgement.
SampleResult judge_sample(const PlannedSample& sample, const SampleRuns& runs, const JudgePolicy& policy);

/// Whether a run that raised ended as the guide shows it: the error claim
/// of a live statement (`int("x")  # ValueError: ...`) or an output block
/// ending in its traceback agrees. Such an error exit is no failure: check
/// passes it (finish_judgement) and update approves its stdout.
bool ends_as_shown(const Sample& sample, const RunOutcome& outcome);

/// A run that stopped at an import of a module not installed here
/// (ModuleNotFoundError for a top-level name): the reason to skip it, as an
/// unmet `requires` is ("needs module 'seaborn', which is not installed").
/// A name that looks like a misspelling of an importable module is the
/// guide's own error: nullopt, with *misspelling set to say so.
std::optional<std::string> unmet_import(const RunOutcome& outcome, std::string* misspelling);

/// The result of a sample that does not run, with its reason.
SampleResult skipped_result(const PlannedSample& sample);

/// True when the verdict hinges on a difference that a second run (another
/// hash seed, another moment) may show to be unstable rather than wrong: a
/// claim mismatch no erratum lists, or stdout that differs from expected/.
bool needs_second_opinion(const SampleResult& result);

/// Revisits the differences with the second run: a mismatching claim whose
/// statement printed differently there is unstable; stdout that differs
/// from expected/ only where the two runs differ is unstable (a note).
void apply_second_opinion(const PlannedSample& sample, const SampleRuns& runs, const RunOutcome& second,
                          SampleResult* result);

/// Decides the sample's status and problems under the policy: run failures
/// (unless the guide claims that very error), golden differences,
/// mismatches, and with --strict equivalent and prose claims and errata.
/// Sets ClaimResult::counts_against; stale errata become notes.
void finish_judgement(const PlannedSample& sample, const SampleRuns& runs, const JudgePolicy& policy,
                      SampleResult* result);

}  // namespace guidecheck
