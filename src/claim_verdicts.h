#pragma once
// Judging a sample's claims against what its statements printed.

#include <optional>
#include <string>
#include <vector>

#include "check_result.h"
#include "claims.h"
#include "run_outcome.h"

namespace guidecheck {

/// A result for `claim` that carries its line, kind, text and note, its
/// verdict still to be given.
ClaimResult result_of_claim(const Claim& claim);

/// `text` without the line breaks that end it: output as a claim shows it.
std::string without_final_newline(std::string text);

/// The top-level statement of `outcome` that holds snippet line
/// `snippet_line` (1-based); null when none does.
const StatementOutput* statement_holding(const RunOutcome& outcome, int snippet_line);

/// What the statements after snippet line `since` up to the one holding
/// `anchor` wrote to stdout, in order (an output block's output); nullopt
/// when the run stopped before that statement.
std::optional<std::string> output_between(const RunOutcome& outcome, int since, int anchor);

/// What a reader sees of a statement's output in a terminal: every line of
/// stdout that the statement wrote into, whole — so when a loop prints with
/// end=" " and the next statement finishes the line, both see the joined
/// line. Lines joined by '\n', without the final newline.
std::string rendered_output(const RunOutcome& outcome, int statement_line);
/// The same lines taken from `text` instead (e.g. the approved output with
/// its placeholders, which has the same lines as stdout when it matches).
std::string rendered_lines(const RunOutcome& outcome, int statement_line, std::string_view text);
/// rendered_output narrowed to what line `source_line` of the module code
/// wrote while statement `statement_line` ran (OutputPiece::source_line): a
/// print in a loop gives every line it printed, whole.
std::string rendered_line_output(const RunOutcome& outcome, int statement_line, int source_line);

/// Verdicts for the output claims of one sample run. `guide_lines` maps
/// snippet lines to guide lines. A claim is compared with its top-level
/// statement's rendered_output, except a trailing or block claim on an inner
/// line of a statement that holds other such claims on other lines: it sees
/// its own line's output (rendered_line_output), when that line wrote any.
/// `second`, when given, is another run of the same sample (another hash
/// seed, another moment): a claim whose statement (or line) printed
/// differently there is unstable. Block claims after a statement
/// that ran and printed nothing are headers, not claims, and are dropped.
/// `approved`, when given, is the approved output (golden_pattern.h) that
/// this stdout matches: a claim that differs only where it has placeholders
/// is unstable without needing a second run.
/// `values_shown`, when given, is a session run of the same sample, started
/// with kEchoNonePrelude: a claim on a bare expression that printed nothing
/// is judged against the value the session echoed for it (`s.count("a")  # 3`;
/// `d.get("k")  # None`: a None echoed is read by a claim of None alone).
/// Python that makes a session echo a None value too, as the line "None"
/// (the default display hook shows nothing), without binding a name.
inline constexpr const char* kEchoNonePrelude =
    "__import__('sys').displayhook = (lambda show: lambda value: show(value) if value is not None "
    "else __import__('sys').stdout.write('None\\n'))(__import__('sys').displayhook)\n";

std::vector<ClaimResult> judge_output_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                                             const RunOutcome& first, const RunOutcome* second,
                                             const std::string* approved = nullptr,
                                             const RunOutcome* values_shown = nullptr);

/// The sample with the commented-out statement of an error claim enabled
/// (at the comment's indentation); nullopt when the claim names no
/// statement or its lines are not in the snippet.
std::optional<std::string> error_claim_variant(const std::string& source, const std::vector<int>& guide_lines,
                                               const Claim& claim);

/// Verdict of an error claim from the run of its variant: the exception the
/// enabled statement raised (the last line of the traceback) against the
/// claimed one. Same type and message: match; the claim is the start of
/// the message: equivalent ("message-prefix"); no exception at that
/// statement: mismatch; stopped before it: not-run.
ClaimResult judge_error_claim(const Claim& claim, const std::vector<int>& guide_lines, const RunOutcome& variant);

}  // namespace guidecheck
