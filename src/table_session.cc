#include "table_session.h"

#include "call_output_table.h"

namespace guidecheck {

std::optional<TableSession> table_session(const MarkdownTable& table, bool literal_results) {
  const CallOutputColumns columns = call_output_columns(table.header);
  if (columns.call < 0 || columns.output < 0) return std::nullopt;
  TableSession session;
  for (const MarkdownTableRow& row : table.rows) {
    const auto call = static_cast<std::size_t>(columns.call), output = static_cast<std::size_t>(columns.output);
    if (call >= row.cells.size() || !row.cells[call].code || row.cells[call].text.empty()) continue;
    session.source += row.cells[call].text + '\n';
    const int code_line = row.cells[call].line ? row.cells[call].line : row.line;
    session.guide_lines.push_back(code_line);
    if (output >= row.cells.size() || row.cells[output].text.empty() || (literal_results && !row.cells[output].code))
      continue;
    Claim claim;
    claim.kind = ClaimKind::kOutput;
    claim.form = ClaimForm::kBlock;
    claim.anchor_line = code_line;
    claim.guide_line = claim.last_guide_line = row.cells[output].line ? row.cells[output].line : row.line;
    claim.text = row.cells[output].text;
    claim.shown_inline = true;
    session.claims.push_back(std::move(claim));
  }
  if (session.guide_lines.empty() || (literal_results && session.claims.empty())) return std::nullopt;
  return session;
}

}  // namespace guidecheck
