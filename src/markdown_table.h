#pragma once
// A GitHub-flavoured Markdown pipe table. libcmark reads plain CommonMark,
// where a table is a paragraph: its lines, as inline pieces (text and code
// spans), are read here into a header row and body rows of cells.

#include <optional>
#include <string>
#include <vector>

namespace guidecheck {

/// A piece of a paragraph's line as CommonMark reads it.
struct InlinePiece {
  std::string text;   ///< text as shown (escapes and entities decoded), or a code span's content
  bool code = false;  ///< a code span
};
/// One line of a paragraph.
using InlineLine = std::vector<InlinePiece>;

struct MarkdownTableCell {
  /// The cell's text, trimmed; a code span's content as written, except
  /// that `\|` is `|` (how a table writes a pipe inside a cell).
  std::string text;
  bool code = false;  ///< the cell is one code span and nothing else
  /// Its guide line when not its row's (a reST list-table puts each cell of
  /// a row on a line of its own); 0: the row's.
  int line = 0;
};

struct MarkdownTableRow {
  int line = 0;  ///< guide line
  /// As many as the header has: missing ones empty, extra ones dropped.
  std::vector<MarkdownTableCell> cells;
};

struct MarkdownTable {
  MarkdownTableRow header;
  std::vector<MarkdownTableRow> rows;  ///< the body, in guide order
};

/// The pipe table in `lines` (line k is guide line first_line + k): a header
/// row, a delimiter row of as many cells (`---`, `:--`, `:-:`, `--:`), then
/// body rows to the end. Lines of text before the header are the paragraph
/// the table follows. Cells split at `|` in text, never inside a code span;
/// a row's leading and trailing pipes are optional. nullopt when there is
/// no table. Limit: CommonMark has decoded `\|` in text by now, so an
/// escaped pipe outside a code span splits its cell.
std::optional<MarkdownTable> read_pipe_table(const std::vector<InlineLine>& lines, int first_line);

}  // namespace guidecheck
