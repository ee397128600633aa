#include "markdown_table.h"

#include <algorithm>
#include <string_view>

namespace guidecheck {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A cell while its row is split: its pieces in order.
struct CellPieces {
  std::vector<InlinePiece> pieces;

  MarkdownTableCell cell() const {
    MarkdownTableCell cell;
    const auto code_spans = std::count_if(pieces.begin(), pieces.end(), [](const InlinePiece& p) { return p.code; });
    const bool text_blank = std::all_of(pieces.begin(), pieces.end(),
                                        [](const InlinePiece& p) { return p.code || trimmed(p.text).empty(); });
    cell.code = code_spans == 1 && text_blank;
    for (const InlinePiece& piece : pieces) {
      if (cell.code && !piece.code) continue;
      cell.text += piece.text;
    }
    if (cell.code) {
      for (std::size_t at = cell.text.find("\\|"); at != std::string::npos; at = cell.text.find("\\|", at + 1))
        cell.text.erase(at, 1);
    }
    cell.text = std::string(trimmed(cell.text));
    return cell;
  }
};

// The cells of one line, split at the pipes of its text. The pipes that
// open and close the row make no cell.
std::vector<CellPieces> split_row(const InlineLine& line, bool* has_pipe) {
  std::vector<CellPieces> cells(1);
  *has_pipe = false;
  for (const InlinePiece& piece : line) {
    if (piece.code) {
      cells.back().pieces.push_back(piece);
      continue;
    }
    std::size_t start = 0;
    for (std::size_t bar = piece.text.find('|'); bar != std::string::npos; bar = piece.text.find('|', start)) {
      cells.back().pieces.push_back({piece.text.substr(start, bar - start), false});
      cells.emplace_back();
      *has_pipe = true;
      start = bar + 1;
    }
    cells.back().pieces.push_back({piece.text.substr(start), false});
  }
  auto blank = [](const CellPieces& c) {
    return std::all_of(c.pieces.begin(), c.pieces.end(),
                       [](const InlinePiece& p) { return !p.code && trimmed(p.text).empty(); });
  };
  if (*has_pipe && cells.size() > 1 && blank(cells.back())) cells.pop_back();
  if (*has_pipe && cells.size() > 1 && blank(cells.front())) cells.erase(cells.begin());
  return cells;
}

// `---`, `:--`, `:-:`, `--:`
bool is_delimiter_cell(const MarkdownTableCell& cell) {
  if (cell.code) return false;
  std::string_view text = cell.text;
  if (text.starts_with(':')) text.remove_prefix(1);
  if (text.ends_with(':')) text.remove_suffix(1);
  return !text.empty() && text.find_first_not_of('-') == std::string_view::npos;
}

MarkdownTableRow row_of(const std::vector<CellPieces>& pieces, int line) {
  MarkdownTableRow row;
  row.line = line;
  for (const CellPieces& cell : pieces) row.cells.push_back(cell.cell());
  return row;
}

}  // namespace

std::optional<MarkdownTable> read_pipe_table(const std::vector<InlineLine>& lines, int first_line) {
  for (std::size_t header = 0; header + 1 < lines.size(); ++header) {
    bool header_pipe = false, delimiter_pipe = false;
    const std::vector<CellPieces> names = split_row(lines[header], &header_pipe);
    const MarkdownTableRow delimiter = row_of(split_row(lines[header + 1], &delimiter_pipe), 0);
    // A single column needs its pipes; a delimiter row alone is a setext heading's underline.
    if (delimiter.cells.size() != names.size() || (names.size() == 1 && !(header_pipe && delimiter_pipe)) ||
        !std::all_of(delimiter.cells.begin(), delimiter.cells.end(), is_delimiter_cell))
      continue;
    MarkdownTable table;
    table.header = row_of(names, first_line + static_cast<int>(header));
    for (std::size_t k = header + 2; k < lines.size(); ++k) {
      bool pipe = false;
      MarkdownTableRow row = row_of(split_row(lines[k], &pipe), first_line + static_cast<int>(k));
      row.cells.resize(names.size());
      table.rows.push_back(std::move(row));
    }
    return table;
  }
  return std::nullopt;
}

}  // namespace guidecheck
