#pragma once
// A code block that holds no code but includes a file: pymdownx.snippets
// (MkDocs) replaces `--8<-- "examples/app.py"` with the file's text when it
// builds the page. The guide's source shows only the directive, so there
// is nothing to run and no output to claim.

#include <string>
#include <vector>

namespace guidecheck {

/// True when every non-blank line of a code block belongs to an include:
/// `--8<-- "path"` or `--8<-- 'path'` (any run of dashes around `8<`, `;`
/// before it escaping it), or the block form, a bare `--8<--` before and
/// after the file names. False for a block with no such line.
bool is_snippets_include(const std::vector<std::string>& lines);

}  // namespace guidecheck
