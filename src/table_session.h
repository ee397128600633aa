#pragma once
// A cheat sheet's table that is its own code: no sample before it holds its
// calls, each row an input typed at the interpreter and the value it echoes.
//
//   | Expression    | Result |
//   |---------------|--------|
//   | `-7 // 2`     | `-4`   |
//   | `x = [3, 1]; x.sort(); x` | [1, 3] |
//
// Read as a session: the rows' code in order, each row's result a claim on
// what its line echoed or printed. The Markdown reader reads pipe tables so;
// the reST reader its tables (a list-table's cells on lines of their own).

#include <optional>
#include <string>
#include <vector>

#include "claims.h"
#include "markdown_table.h"

namespace guidecheck {

struct TableSession {
  std::string source;            ///< one line per row, in order
  std::vector<int> guide_lines;  ///< each line's row
  std::vector<Claim> claims;     ///< one per row with a result
};

/// The session of a table whose headers name code and what it gives
/// (call_output_table.h's columns): every row whose code cell is a code
/// span, its result claimed when the row shows one (a code span, or plain
/// text; Claim::shown_inline). With `literal_results`, only a code span
/// claims, and a table with none is no session: the Python docs' tables
/// describe their operations in words (``x + y`` | sum of *x* and *y*).
/// nullopt for other tables and for one with no such row.
std::optional<TableSession> table_session(const MarkdownTable& table, bool literal_results = false);

}  // namespace guidecheck
