#pragma once
// Whether a block the page shows after a sample, with no label to say it is
// output, is that output all the same: it has as many lines as the run
// printed, and each of its lines is the printed one or nearly so. A block
// introduced only by prose ("Because of the check, the call doesn't run:")
// is judged when it agrees; when it disagrees, this tells a stale output
// (one line off, a comma missing) from text that is no output at all (the
// input data, a file's contents).

#include <string_view>

namespace guidecheck {

/// `claimed` and `printed` have the same number of lines (blanks in a line
/// collapsed, blank lines dropped), at least one the same, and every other
/// one within a few words of its printed line (a word added, left out or
/// changed in three, one at least).
bool resembles_printed_lines(std::string_view claimed, std::string_view printed);

}  // namespace guidecheck
