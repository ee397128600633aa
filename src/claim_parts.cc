#include "claim_parts.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "claim_compare.h"
#include "claim_text.h"
#include "claim_verdicts.h"
#include "sample.h"

namespace guidecheck {
namespace {

std::string joined_lines(const std::vector<std::string_view>& lines, std::size_t first, std::size_t end) {
  std::string text;
  for (std::size_t k = first; k < end; ++k) text.append(lines[k]).append(k + 1 < end ? "\n" : "");
  return text;
}

// Where the statements that printed the block's lines take turns: the
// first line each one printed after another's, with its guide line. Empty
// unless `printed` is exactly what those statements wrote (no traceback or
// value added to it) and the claim's text lines are its guide lines.
std::vector<Claim::Part> parts_by_statement(const Claim& claim, const std::vector<int>& guide_lines,
                                            const RunOutcome& run, std::string_view printed, std::size_t lines) {
  // The lines judged are the claim's first ones (tentative lines after
  // them dropped), and the claim's lines are the guide's one for one.
  const std::vector<std::string_view> written_lines = split_lines(claim.text);
  if (claim.last_guide_line - claim.guide_line + 1 != static_cast<int>(written_lines.size()) ||
      written_lines.size() < lines)
    return {};
  const int anchor = snippet_line_of(guide_lines, claim.anchor_line);
  const int since = claim.since_line ? snippet_line_of(guide_lines, claim.since_line) : 0;
  const StatementOutput* last = statement_holding(run, anchor);
  if (!last) return {};
  std::string written;
  std::vector<int> statement_of_line;
  bool line_start = true;
  for (const OutputPiece& piece : run.pieces) {
    if (piece.line <= since || piece.line > last->line) continue;
    written += piece.bytes;
    for (char c : piece.bytes) {
      if (line_start) statement_of_line.push_back(piece.line);
      line_start = c == '\n';
    }
  }
  while (!written.empty() && written.back() == '\n') written.pop_back();
  if (written != printed || statement_of_line.size() != lines) return {};
  std::vector<Claim::Part> parts;
  for (std::size_t k = 1; k < lines; ++k)
    if (statement_of_line[k] != statement_of_line[k - 1])
      parts.push_back({static_cast<int>(k), claim.guide_line + static_cast<int>(k)});
  return parts;
}

}  // namespace

std::vector<ClaimResult> judged_by_parts(const Claim& claim, const std::vector<int>& guide_lines, const RunOutcome& run,
                                         ClaimResult whole) {
  auto agrees = [](const ClaimResult& r) {
    return r.verdict == ClaimVerdict::kMatch || r.verdict == ClaimVerdict::kEquivalent;
  };
  if (!agrees(whole) && whole.verdict != ClaimVerdict::kMismatch) return {std::move(whole)};
  // What was judged: the claim's text less any uncertain edge it dropped.
  const std::string judged = whole.claimed;
  const std::vector<std::string_view> claimed = split_lines(judged), printed = split_lines(whole.actual);
  if (!claim.later_parts.empty() && judged != claim.text) return {std::move(whole)};
  if (!claim.text.starts_with(judged)) return {std::move(whole)};
  if (claimed.size() != printed.size()) return {std::move(whole)};
  const std::vector<Claim::Part> parts = claim.later_parts.empty()
                                             ? parts_by_statement(claim, guide_lines, run, whole.actual, printed.size())
                                             : claim.later_parts;
  if (parts.empty()) return {std::move(whole)};
  std::vector<std::pair<std::size_t, int>> starts = {{0, claim.guide_line}};  // text line, guide line
  for (const Claim::Part& part : parts)
    if (part.text_line > 0 && static_cast<std::size_t>(part.text_line) < claimed.size())
      starts.emplace_back(static_cast<std::size_t>(part.text_line), part.guide_line);
  std::vector<ClaimResult> results;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1].first : claimed.size();
    if (end <= starts[k].first) continue;
    ClaimResult result = whole;
    result.guide_line = starts[k].second;
    result.claimed = joined_lines(claimed, starts[k].first, end);
    result.actual = joined_lines(printed, starts[k].first, end);
    const ClaimComparison comparison = compare_claim(result.claimed, result.actual, false);
    result.verdict = comparison.verdict;
    result.rule = comparison.rule;
    results.push_back(std::move(result));
  }
  // The whole's verdict holds where its parts would say otherwise: a block
  // that agrees by a rule spanning its lines, or one whose parts all agree
  // though it did not.
  const bool every_part_agrees = std::all_of(results.begin(), results.end(), agrees);
  if (agrees(whole) != every_part_agrees) return {std::move(whole)};
  return results;
}

std::optional<Claim> claim_part(const Claim& claim, int guide_line, const std::string& claimed) {
  if (claim.form != ClaimForm::kOutputBlock) return std::nullopt;
  const std::vector<std::string_view> lines = split_lines(claim.text), part = split_lines(claimed);
  const int offset = guide_line - claim.guide_line;
  if (offset < 0 || part.empty() || claim.last_guide_line - claim.guide_line + 1 != static_cast<int>(lines.size()) ||
      static_cast<std::size_t>(offset) + part.size() > lines.size() ||
      !std::equal(part.begin(), part.end(), lines.begin() + offset))
    return std::nullopt;
  Claim narrowed = claim;
  narrowed.guide_line = guide_line;
  narrowed.last_guide_line = guide_line + static_cast<int>(part.size()) - 1;
  narrowed.text = claimed;
  narrowed.later_parts.clear();
  narrowed.tentative_lines = 0;
  narrowed.may_continue.clear();
  return narrowed;
}

}  // namespace guidecheck
