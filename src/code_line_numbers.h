#pragma once
// Code boxes that show their line numbers: a copy of such a page starts
// every code line with its number, then a tab or a space ("1\ttext = ...",
// "2 print(text)"), and a blank code line keeps only its number ("8").

#include <cstddef>
#include <string_view>
#include <vector>

namespace guidecheck {

/// For each of `lines`, how many bytes at its start are a code box's line
/// number and the blank after it (0 for none). A box is a run of lines
/// numbered 1, 2, 3... in turn whose text reads as code for the most part,
/// and not right after an output label: a printed list numbered "1 red",
/// "2 green" under "Output" keeps its numbers.
std::vector<std::size_t> code_line_number_widths(const std::vector<std::string_view>& lines);

}  // namespace guidecheck
