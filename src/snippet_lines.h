#pragma once
// A snippet file's lines as the guide shows them: leading whitespace gone.

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Splits `text` into lines ('\n'; a final newline ends the last line, it
/// does not start another) and strips each line's leading spaces and tabs
/// and a trailing CR.
std::vector<std::string> stripped_lines(std::string_view text);

/// `text` with every run of spaces, tabs and newlines made one space and
/// none at either end: how the scrape shows output.
std::string collapse_whitespace(std::string_view text);

}  // namespace guidecheck
