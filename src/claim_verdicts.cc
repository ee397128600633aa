#include "claim_verdicts.h"

#include <algorithm>
#include <fmt/format.h>

#include "claim_compare.h"
#include "claim_text.h"
#include "claim_parts.h"
#include "claim_resemblance.h"
#include "claim_rule_traceback.h"
#include "golden_pattern.h"
#include "sample.h"
#include "shown_output_lines.h"
#include "snippet_lines.h"

namespace guidecheck {

ClaimResult result_of_claim(const Claim& claim) {
  ClaimResult result;
  result.guide_line = claim.guide_line;
  result.kind = claim.kind;
  result.claimed = claim.text;
  result.note = claim.note;
  return result;
}

std::string without_final_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

namespace {

// What the values run echoes for a None value (kEchoNonePrelude).
constexpr std::string_view kEchoedNone = "None";

// Two runs' output, the same but for the file names in traceback frames
// (`  File "/tmp/guidecheck-check-x1/snippets/s01.py", line 3`): a run that
// the result cache answered names the scratch directory of its own check.
// Such a difference is no instability.
bool same_but_frame_paths(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::vector<std::string_view> left = split_lines(a), right = split_lines(b);
  if (left.size() != right.size()) return false;
  for (std::size_t k = 0; k < left.size(); ++k) {
    if (left[k] == right[k]) continue;
    if (!is_traceback_frame(left[k]) || !is_traceback_frame(right[k])) return false;
    const auto after_path = [](std::string_view frame) { return frame.substr(frame.find("\", line ")); };
    if (after_path(left[k]) != after_path(right[k])) return false;
  }
  return true;
}

// The exception line of a traceback: its last non-empty line.
std::string last_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  size_t at = text.rfind('\n');
  return std::string(at == std::string_view::npos ? text : text.substr(at + 1));
}

// Compares the claim, and when it disagrees and ends in tentative lines
// (Claim::tentative_lines), the claim without them; then, with the lines
// that may continue it (Claim::may_continue). *claimed is the text that
// decided.
ClaimComparison compare_with_uncertain_edges(const Claim& claim, const std::string& actual, bool prose,
                                               std::string* claimed) {
  *claimed = claim.text;
  ClaimComparison comparison = compare_claim(claim.text, actual, prose);
  // A parenthesised note split off the value may be printed too: `# Tom
  // makes a sound (meow)` for a method that appends " (meow)".
  if (comparison.verdict == ClaimVerdict::kMismatch && !claim.note.empty()) {
    const std::string whole = claim.text + " " + claim.note;
    if (const ClaimComparison with_note = compare_claim(whole, actual, prose);
        with_note.verdict == ClaimVerdict::kMatch || with_note.verdict == ClaimVerdict::kEquivalent) {
      *claimed = whole;
      return with_note;
    }
  }
  std::string shorter = claim.text;
  // Where the run printed as many lines as the claim has, each claimed line
  // stands for a printed one: a claim that agrees only as an excerpt once
  // its last lines are gone got those lines wrong, they are no page text.
  const auto line_count = [](std::string_view text) {
    while (text.ends_with('\n')) text.remove_suffix(1);
    return std::count(text.begin(), text.end(), '\n') + 1;
  };
  const bool line_for_line = line_count(actual) == line_count(claim.text);
  // A block only prose led into (every line tentative) that is the printed
  // lines but for a word here and there: stale output, not the page's text.
  if (comparison.verdict == ClaimVerdict::kMismatch && claim.tentative_lines >= line_count(claim.text) &&
      resembles_printed_lines(claim.text, actual))
    return comparison;
  for (int k = 0; k < claim.tentative_lines && comparison.verdict == ClaimVerdict::kMismatch; ++k) {
    const std::size_t newline = shorter.rfind('\n');
    if (newline == std::string::npos) {
      // Every line may be the page's text: unlabelled words, not output.
      return {ClaimVerdict::kProse, "reads as the page's text, not as output"};
    }
    shorter.resize(newline);
    ClaimComparison without = compare_claim(shorter, actual, prose);
    if (without.verdict != ClaimVerdict::kMatch && without.verdict != ClaimVerdict::kEquivalent) continue;
    if (line_for_line && without.rule.find("excerpt") != std::string::npos) continue;
    *claimed = shorter;
    comparison = without;
  }
  std::string longer = claim.text;
  for (std::size_t k = 0; k < claim.may_continue.size() && comparison.verdict == ClaimVerdict::kMismatch; ++k) {
    longer += '\n' + claim.may_continue[k];
    ClaimComparison with = compare_claim(longer, actual, prose);
    if (with.verdict != ClaimVerdict::kMatch && with.verdict != ClaimVerdict::kEquivalent) continue;
    *claimed = longer;
    comparison = with;
  }
  if (claim.normalize_whitespace && comparison.verdict == ClaimVerdict::kMismatch) {
    // Doctest's NORMALIZE_WHITESPACE: line breaks are blanks too.
    ClaimComparison flat = compare_claim(collapse_whitespace(claim.text), collapse_whitespace(actual), prose);
    if (flat.verdict == ClaimVerdict::kMatch) return {ClaimVerdict::kEquivalent, "normalize-whitespace"};
    if (flat.verdict == ClaimVerdict::kEquivalent) return flat;
  }
  if (claim.ignore_exception_detail && comparison.verdict == ClaimVerdict::kMismatch) {
    const ClaimComparison types = compare_claim(without_exception_detail(claim.text), without_exception_detail(actual), prose);
    if (types.verdict == ClaimVerdict::kMatch || types.verdict == ClaimVerdict::kEquivalent)
      return {ClaimVerdict::kEquivalent, "ignore-exception-detail"};
  }
  return comparison;
}

// Every line of `text` that a piece accepted by `wrote` writes into, whole
// (the stdout lines of `outcome` and of `text` correspond).
template <class Wrote>
std::string touched_lines(const RunOutcome& outcome, std::string_view text, Wrote wrote) {
  std::vector<bool> touched;
  size_t line = 0;
  for (const auto& piece : outcome.pieces) {
    const bool mine = wrote(piece);
    for (size_t i = 0; i < piece.bytes.size(); ++i) {
      if (mine) {
        if (touched.size() <= line) touched.resize(line + 1, false);
        // A newline alone only ends a line the piece's writer already wrote into.
        if (piece.bytes[i] != '\n' || i > 0) touched[line] = true;
      }
      if (piece.bytes[i] == '\n') ++line;
    }
  }
  std::string out;
  size_t index = 0, start = 0;
  bool first = true;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (index < touched.size() && touched[index]) {
      if (!first) out += '\n';
      out += text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      first = false;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++index;
  }
  return out;
}

std::string line_lines(const RunOutcome& outcome, int statement_line, int source_line, std::string_view text) {
  return touched_lines(outcome, text, [&](const OutputPiece& piece) {
    return piece.line == statement_line && piece.source_line == source_line;
  });
}

// The output a trailing or block claim is compared with: its statement's, or
// (source_line > 0) only what one line inside the statement wrote.
struct ClaimScope {
  int statement_line = 0;
  int source_line = 0;
};

std::string scoped_lines(const RunOutcome& outcome, const ClaimScope& scope, std::string_view text) {
  if (scope.source_line == 0) return rendered_lines(outcome, scope.statement_line, text);
  return line_lines(outcome, scope.statement_line, scope.source_line, text);
}

// A `with` or a loop whose lines each carry a claim shows each line's own
// output: those claims see what their line wrote. The first line, the only
// claim of a statement, and a line that wrote nothing (a comment block after
// a loop, about all of it) see the whole statement's output.
ClaimScope scope_of(const Claim& claim, const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                    const StatementOutput& statement, const RunOutcome& outcome) {
  ClaimScope whole{statement.line, 0};
  int anchor = snippet_line_of(guide_lines, claim.anchor_line);
  if (anchor <= statement.line || anchor > statement.end_line) return whole;
  bool others = std::any_of(claims.begin(), claims.end(), [&](const Claim& other) {
    if (other.kind != ClaimKind::kOutput || other.form == ClaimForm::kOutputBlock) return false;
    int line = snippet_line_of(guide_lines, other.anchor_line);
    return line != anchor && statement.line <= line && line <= statement.end_line;
  });
  if (!others || line_lines(outcome, statement.line, anchor, outcome.stdout_text).empty()) return whole;
  return {statement.line, anchor};
}

constexpr std::string_view kTracebackHeader = "Traceback (most recent call last):";

// Whether a block shows an exception: a traceback's header, or an
// exception's line last (`KeyError: 'k'`, the stack left out).
bool shows_exception(std::string_view claimed) {
  if (claimed.find(kTracebackHeader) != std::string_view::npos) return true;
  return is_error_line(last_line(claimed));
}

// The traceback a script that raised left on stderr (from its first header:
// a chain shows every exception); empty when there is none. What a console
// shows after the script's output.
std::string exit_traceback(const RunOutcome& outcome) {
  if (outcome.status != RunStatus::kError || !outcome.error.empty()) return {};
  const std::string& err = outcome.stderr_text;
  std::size_t at = err.find(kTracebackHeader);
  if (at == std::string::npos) return {};
  return without_final_newline(err.substr(at));
}

// Whether the run stopped in the statements an output block covers: no
// statement after its anchor ran.
bool stopped_by(const RunOutcome& outcome, int anchor) {
  const StatementOutput* last = statement_holding(outcome, anchor);
  return last && std::none_of(outcome.statements.begin(), outcome.statements.end(),
                              [&](const StatementOutput& s) { return s.line > last->end_line && s.ran; });
}

// An output block after the code: everything its statements printed.
ClaimResult judge_output_block(const Claim& claim, const std::vector<int>& guide_lines, const RunOutcome& first,
                               const RunOutcome* second, int last_claimed_line, const RunOutcome* values_shown) {
  ClaimResult result = result_of_claim(claim);
  int anchor = snippet_line_of(guide_lines, claim.anchor_line);
  int since = claim.since_line ? snippet_line_of(guide_lines, claim.since_line) : 0;
  std::optional<std::string> printed = output_between(first, since, anchor);
  // A terminal transcript's run that left no traceback: what it wrote on
  // stderr (a usage error) and how it ended (`sys.exit(1)`) are its own.
  const bool ran_to_its_exit = claim.whole_run && first.error.empty() && !first.interrupted &&
                               first.stderr_text.find(kTracebackHeader) == std::string::npos;
  // A script run in a terminal that ended early (`sys.exit()`, `--help`):
  // all it printed is what the terminal showed.
  if (!printed && claim.whole_run && first.error.empty() && !first.interrupted) {
    printed.emplace();
    for (const auto& piece : first.pieces) *printed += piece.bytes;
  }
  // A block that shows the traceback the script ended with, raised before
  // the code it follows: what the script printed, then that traceback.
  if (!printed && shows_exception(claim.text) && first.status == RunStatus::kError && first.error.empty() &&
      !first.interrupted) {
    printed.emplace();
    for (const auto& piece : first.pieces)
      if (piece.line > since) *printed += piece.bytes;
  }
  if (!printed) {
    result.verdict = ClaimVerdict::kNotRun;
    result.rule = "the sample stopped before the code this output follows";
    return result;
  }
  result.actual = without_final_newline(*printed);
  ClaimComparison comparison = compare_with_uncertain_edges(claim, result.actual, false, &result.claimed);
  // Statements with claims of their own (`print(next(g))  # -> 0`) may be
  // left out: the block then shows what the code after them printed.
  auto agrees = [](const ClaimComparison& c) {
    return c.verdict == ClaimVerdict::kMatch || c.verdict == ClaimVerdict::kEquivalent;
  };
  const std::string printed_text = result.actual;
  if (!agrees(comparison) && last_claimed_line > since && last_claimed_line < anchor) {
    const std::string rest = without_final_newline(output_between(first, last_claimed_line, anchor).value_or(""));
    std::string claimed;
    ClaimComparison after = compare_with_uncertain_edges(claim, rest, false, &claimed);
    if (agrees(after)) {
      result.actual = rest;
      result.claimed = claimed;
      comparison = after;
    }
  }
  // A script that raised: a console shows its traceback after its output,
  // and a block that shows an exception is compared with both.
  if (!agrees(comparison) && shows_exception(claim.text) && stopped_by(first, anchor)) {
    if (const std::string traceback = exit_traceback(first); !traceback.empty()) {
      result.actual = printed_text.empty() ? traceback : printed_text + "\n" + traceback;
      comparison = compare_with_uncertain_edges(claim, result.actual, false, &result.claimed);
      result.shows_exit_traceback = agrees(comparison);
    }
  }
  // A terminal shows what a script wrote on stderr after what it printed:
  // argparse's usage error, a message before `sys.exit(1)`. Shown, that
  // exit is what the page shows.
  if (!agrees(comparison) && ran_to_its_exit && !first.stderr_text.empty()) {
    const std::string err = without_final_newline(first.stderr_text);
    const std::string both = printed_text.empty() ? err : printed_text + "\n" + err;
    std::string claimed;
    if (ClaimComparison with_err = compare_with_uncertain_edges(claim, both, false, &claimed); agrees(with_err)) {
      result.actual = both;
      result.claimed = claimed;
      comparison = with_err;
    }
  }
  // A terminal shows no exit status: a run the page shows whole that ended
  // with `sys.exit(1)` (no traceback) ended as shown.
  if (agrees(comparison) && ran_to_its_exit && first.status == RunStatus::kError) result.shows_exit_traceback = true;
  // A notebook cell (or a REPL) shows its last expression's value after
  // what it printed: the session run echoed it (None shows nothing). When
  // the cell printed nothing, the value is all the block can show; a block
  // of the value alone (Out[n], since_line at the anchor) shows it whatever
  // the expression printed on the way.
  const StatementOutput* last = statement_holding(first, anchor);
  if (!agrees(comparison) && values_shown && last && (last->stdout_text.empty() || since == anchor)) {
    const StatementOutput* shown = statement_holding(*values_shown, last->line);
    std::string value = shown && shown->ran ? rendered_output(*values_shown, last->line) : "";
    // The session's output of that statement holds what it printed, then its value.
    if (const std::string printed_first = without_final_newline(last->stdout_text);
        since == anchor && !printed_first.empty() && value.starts_with(printed_first + "\n"))
      value.erase(0, printed_first.size() + 1);
    if (value == kEchoedNone) value.clear();  // a notebook shows no None
    if (!value.empty()) {
      const std::string with_value = printed_text.empty() ? value : printed_text + "\n" + value;
      std::string claimed;
      ClaimComparison displayed = compare_with_uncertain_edges(claim, with_value, false, &claimed);
      if (agrees(displayed) || printed_text.empty()) {
        result.actual = with_value;
        result.claimed = claimed;
        comparison = displayed;
        if (displayed.verdict == ClaimVerdict::kMatch) comparison.rule = "the cell's last expression's value";
      }
    }
  }
  result.verdict = comparison.verdict;
  result.rule = comparison.rule;
  if (second && result.verdict == ClaimVerdict::kMismatch) {
    std::optional<std::string> again = output_between(*second, since, anchor);
    if (again && !same_but_frame_paths(without_final_newline(*again), printed_text)) {
      result.verdict = ClaimVerdict::kUnstable;
      result.rule = "the code printed different text on another run";
    }
  }
  return result;
}

// The snippet line of the last statement before an output block that has
// a claim of its own (a trailing comment, a comment block); 0 when none.
int last_claimed_line(const std::vector<Claim>& claims, const Claim& block, const std::vector<int>& guide_lines) {
  int last = 0;
  for (const Claim& claim : claims) {
    if (claim.form == ClaimForm::kOutputBlock || claim.kind != ClaimKind::kOutput) continue;
    if (claim.anchor_line >= block.anchor_line) continue;
    last = std::max(last, snippet_line_of(guide_lines, claim.anchor_line));
  }
  return last;
}

}  // namespace

std::optional<std::string> output_between(const RunOutcome& outcome, int since, int anchor) {
  const StatementOutput* last = statement_holding(outcome, anchor);
  if (!last || !last->ran) return std::nullopt;
  std::string text;
  for (const auto& piece : outcome.pieces)
    if (piece.line > since && piece.line <= last->line) text += piece.bytes;
  return text;
}

const StatementOutput* statement_holding(const RunOutcome& outcome, int snippet_line) {
  for (const auto& s : outcome.statements)
    if (s.line <= snippet_line && snippet_line <= s.end_line) return &s;
  return nullptr;
}

std::string rendered_output(const RunOutcome& outcome, int statement_line) {
  return rendered_lines(outcome, statement_line, outcome.stdout_text);
}

std::string rendered_lines(const RunOutcome& outcome, int statement_line, std::string_view text) {
  return touched_lines(outcome, text, [&](const OutputPiece& piece) { return piece.line == statement_line; });
}

std::string rendered_line_output(const RunOutcome& outcome, int statement_line, int source_line) {
  return line_lines(outcome, statement_line, source_line, outcome.stdout_text);
}


std::vector<ClaimResult> judge_output_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                                             const RunOutcome& first, const RunOutcome* second,
                                             const std::string* approved, const RunOutcome* values_shown) {
  std::vector<ClaimResult> results;
  for (const auto& claim : claims) {
    if (claim.kind != ClaimKind::kOutput) continue;
    ClaimResult result = result_of_claim(claim);
    if (claim.form == ClaimForm::kOutputBlock) {
      ClaimResult whole = judge_output_block(claim, guide_lines, first, second,
                                             last_claimed_line(claims, claim, guide_lines), values_shown);
      std::vector<ClaimResult> parts = judged_by_parts(claim, guide_lines, first, std::move(whole));
      results.insert(results.end(), std::make_move_iterator(parts.begin()), std::make_move_iterator(parts.end()));
      continue;
    }
    const StatementOutput* statement = statement_holding(first, snippet_line_of(guide_lines, claim.anchor_line));
    if (!statement) {
      result.verdict = ClaimVerdict::kNotRun;
      result.rule = "no statement of the sample holds this line";
      results.push_back(std::move(result));
      continue;
    }
    if (!statement->ran) {
      result.verdict = ClaimVerdict::kNotRun;
      result.rule = "the sample stopped before this statement";
      results.push_back(std::move(result));
      continue;
    }
    // What a session echoed for a bare expression that printed nothing.
    std::string value;
    if (values_shown && statement->stdout_text.empty()) {
      const StatementOutput* shown = statement_holding(*values_shown, statement->line);
      if (shown && shown->ran) value = rendered_output(*values_shown, statement->line);
      // `d.get("k")  # None` reads the None echoed; `xs.append(4)  # [1, 2, 3, 4]`
      // shows the list, not the call's value.
      if (value == kEchoedNone && trim_blanks(claim.text) != kEchoedNone) value.clear();
    }
    if (claim.form == ClaimForm::kBlock && statement->stdout_text.empty() && value.empty()) continue;  // a header comment
    ClaimScope scope = scope_of(claim, claims, guide_lines, *statement, first);
    result.actual = scoped_lines(first, scope, first.stdout_text);
    if (result.actual.empty() && !value.empty()) {
      result.actual = value;
      ClaimComparison comparison = compare_with_uncertain_edges(claim, value, claim.looks_like_prose, &result.claimed);
      result.verdict = comparison.verdict;
      result.rule = comparison.verdict == ClaimVerdict::kMatch ? "the expression's value" : comparison.rule;
      results.push_back(std::move(result));
      continue;
    }
    if (result.actual.empty()) {
      // Nothing printed: the comment can only be about the code.
      result.verdict = ClaimVerdict::kProse;
      result.rule = "the statement prints nothing; the comment describes the code";
      results.push_back(std::move(result));
      continue;
    }
    ClaimComparison comparison =
        compare_with_uncertain_edges(claim, result.actual, claim.looks_like_prose, &result.claimed);
    // A comment block may show the terminal since the previous claim, not
    // its statement's output alone: `# Amount: 25` (the input() prompt two
    // statements up, typed answer echoed) then `# Deposit of 25.00`.
    if (comparison.verdict == ClaimVerdict::kMismatch && claim.form == ClaimForm::kBlock) {
      const int anchor = snippet_line_of(guide_lines, claim.anchor_line);
      int since = 0;
      for (const Claim& other : claims)
        if (const int line = snippet_line_of(guide_lines, other.anchor_line); line < anchor) since = std::max(since, line);
      const std::string session = without_final_newline(output_between(first, since, statement->line).value_or(""));
      const std::string own = without_final_newline(result.actual);
      std::string claimed;
      // Whole lines only: the session must end with the statement's own
      // lines as the terminal showed them (a line a later print finished
      // is not the session's).
      if (session != own && session.ends_with("\n" + own)) {
        const ClaimComparison whole = compare_with_uncertain_edges(claim, session, claim.looks_like_prose, &claimed);
        // All of it, not an excerpt: a claim wrong about its statement must
        // not pass by lines an earlier statement printed.
        if ((whole.verdict == ClaimVerdict::kMatch || whole.verdict == ClaimVerdict::kEquivalent) &&
            whole.rule.find("excerpt") == std::string::npos) {
          result.actual = session;
          result.claimed = claimed;
          result.verdict = ClaimVerdict::kEquivalent;
          result.rule = "since the previous claim";
          results.push_back(std::move(result));
          continue;
        }
      }
    }
    result.verdict = comparison.verdict;
    result.rule = comparison.rule;
    // Durations change from run to run even when two runs agree by chance.
    int unused = 0;
    if (result.verdict == ClaimVerdict::kMismatch) {
      std::optional<std::string> durations_masked = stable_pattern(result.actual, result.actual, &unused);
      if (durations_masked && has_placeholders(*durations_masked) && matches_pattern(*durations_masked, claim.text)) {
        result.verdict = ClaimVerdict::kUnstable;
        result.rule = "differs only in a duration (timings change from run to run)";
      }
    }
    if (approved && result.verdict == ClaimVerdict::kMismatch && has_placeholders(*approved) &&
        matches_pattern(scoped_lines(first, scope, *approved), claim.text)) {
      result.verdict = ClaimVerdict::kUnstable;
      result.rule = "differs only where the approved output has placeholders (it changes from run to run)";
    }
    if (second && result.verdict != ClaimVerdict::kMatch && result.verdict != ClaimVerdict::kUnstable) {
      const StatementOutput* again = statement_holding(*second, statement->line);
      if (again && again->ran && !same_but_frame_paths(scoped_lines(*second, scope, second->stdout_text), result.actual)) {
        result.verdict = ClaimVerdict::kUnstable;
        result.rule = "the statement printed different text on another run";
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::optional<std::string> error_claim_variant(const std::string& source, const std::vector<int>& guide_lines,
                                               const Claim& claim) {
  if (claim.kind != ClaimKind::kError || claim.statement.empty()) return std::nullopt;
  int first = snippet_line_of(guide_lines, claim.anchor_line);
  if (first == 0) return std::nullopt;
  // The commented-out statement spans as many lines as its code has.
  std::vector<std::string> code = stripped_lines(claim.statement);
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    lines.push_back(source.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t at = static_cast<size_t>(first - 1);
  if (at + code.size() > lines.size()) return std::nullopt;
  std::string indent = lines[at].substr(0, lines[at].find_first_not_of(" \t"));
  // The reader laid the statement out (a class header and its body): it
  // only moves to the comment's indentation.
  std::vector<std::string> replacement;
  size_t pos = 0;
  while (pos <= claim.statement.size()) {
    size_t end = claim.statement.find('\n', pos);
    std::string line = claim.statement.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    replacement.push_back(line.empty() ? line : indent + line);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  lines.erase(lines.begin() + static_cast<long>(at), lines.begin() + static_cast<long>(at + code.size()));
  lines.insert(lines.begin() + static_cast<long>(at), replacement.begin(), replacement.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

namespace {

// Whether `claimed` names the type `type` (`statistics.StatisticsError`):
// all of it, or its last dotted parts.
bool names_type(std::string_view claimed, std::string_view type) {
  return !claimed.empty() && (type == claimed || (type.size() > claimed.size() && type.ends_with(claimed) &&
                                                  type[type.size() - claimed.size() - 1] == '.'));
}

// `# KeyError` for "KeyError: 'four'", `# JSONDecodeError` for
// "json.decoder.JSONDecodeError: ...": the claim names the exception's type
// alone (no message); or `StatisticsError: needs two points` for
// "statistics.StatisticsError: needs two points": the same message, the
// type without its module.
bool names_the_exception_type(std::string_view claimed, std::string_view actual) {
  const std::size_t colon = actual.find(':');
  const std::string_view type = actual.substr(0, colon);
  if (claimed.find_first_of(": ") == std::string_view::npos) return names_type(claimed, type);
  const std::size_t claimed_colon = claimed.find(": ");
  if (claimed_colon == std::string_view::npos || colon == std::string_view::npos) return false;
  return names_type(claimed.substr(0, claimed_colon), type) && claimed.substr(claimed_colon) == actual.substr(colon);
}

}  // namespace

ClaimResult judge_error_claim(const Claim& claim, const std::vector<int>& guide_lines, const RunOutcome& variant) {
  ClaimResult result = result_of_claim(claim);
  result.kind = ClaimKind::kError;
  int line = snippet_line_of(guide_lines, claim.anchor_line);
  const StatementOutput* statement = statement_holding(variant, line);
  // A traceback shown after live code claims the exception the script
  // ended with, raised by the anchor or by a statement before it.
  const bool ended_before = claim.statement.empty() && variant.status == RunStatus::kError && variant.error.empty() &&
                            !variant.interrupted && statement && !statement->ran;
  if ((!statement || !statement->ran) && !ended_before) {
    result.verdict = ClaimVerdict::kNotRun;
    result.rule = "the sample stopped before this statement";
    result.actual = last_line(variant.stderr_text);
    return result;
  }
  // The enabled statement must be where the sample stopped.
  bool later_ran = !ended_before && std::any_of(variant.statements.begin(), variant.statements.end(),
                                                [&](const StatementOutput& s) { return s.line > statement->line && s.ran; });
  if (variant.status == RunStatus::kOk || later_ran) {
    result.verdict = ClaimVerdict::kMismatch;
    result.rule = "the statement raised no exception";
    result.actual = "(no exception)";
    return result;
  }
  result.actual = last_line(variant.stderr_text);
  std::string claimed = collapse_whitespace(claim.text), actual = collapse_whitespace(result.actual);
  // Python 3.10 on suggests a name (`... has no attribute '__balance'. Did
  // you mean: 'balance'?`); a guide written before, or without it, claims
  // the same error.
  if (const std::size_t hint = actual.rfind(". Did you mean: ");
      hint != std::string::npos && actual.ends_with("?") && claimed.find("Did you mean") == std::string::npos)
    actual.resize(hint);
  if (claimed == actual) {
    result.verdict = ClaimVerdict::kMatch;
  } else if (names_the_exception_type(claimed, actual)) {
    result.verdict = ClaimVerdict::kEquivalent;
    result.rule = "exception-type";
  } else if (claimed.size() < actual.size() && actual.compare(0, claimed.size(), claimed) == 0 &&
             (actual[claimed.size()] == ' ' || claimed.back() == ' ') && claimed.find(':') != std::string::npos) {
    result.verdict = ClaimVerdict::kEquivalent;
    result.rule = "message-prefix";
  } else {
    result.verdict = ClaimVerdict::kMismatch;
  }
  return result;
}

}  // namespace guidecheck
