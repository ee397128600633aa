#pragma once
// A table of calls and what they print, right after the code they come
// from: "Call | Prints", "Expression | Result", "Input | Output". Each row
// whose two cells are code spans claims what the statement holding that
// call printed, as a trailing comment on it would.

#include <string>
#include <vector>

#include "claims.h"
#include "markdown_table.h"

namespace guidecheck {

/// The columns of a table of calls: the first whose header names code
/// ("Call", "Expression", "Input", "Code", "Statement", "Example",
/// "Operation", "Command") and the first after it whose header names what
/// it gives ("Prints", "Output", "Result", "Value", "Returns", "Gives",
/// "Shows", "Evaluates to"); whole words, any case. Negative when the
/// headers name no such pair.
struct CallOutputColumns {
  int call = -1;
  int output = -1;
};
CallOutputColumns call_output_columns(const MarkdownTableRow& header);

/// The claims `table` makes on the sample whose code is `lines` (the guide
/// line of each in `guide_lines`), in row order: one per body row whose call
/// and output cells are each one code span and whose call a statement of
/// the code holds that prints it (a `print(...)` or a bare expression);
/// `...` in the call stands for any text, blanks are not compared. The
/// claim is on the first such statement after the previous row's (else the
/// first anywhere), Claim::shown_inline. Rows that fit none are prose: no
/// claim; a table whose headers name no call and output makes none.
std::vector<Claim> call_output_table_claims(const MarkdownTable& table, const std::vector<std::string>& lines,
                                            const std::vector<int>& guide_lines);

}  // namespace guidecheck
