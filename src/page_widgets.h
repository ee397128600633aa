#pragma once
// The buttons and links of a tutorial site that a copy of its page keeps
// as lines of their own: "Run Code" between a sample and its output,
// "Try it Yourself »" after it, "Show Answer" before a quiz's answer. They
// are neither prose nor output, and stand between the two.

#include <string_view>

namespace guidecheck {

/// True for a line that is only such a button or link (any case, blanks
/// around it ignored). Only phrases no heading or output line would be:
/// "Copy" alone could head a section, so it is none.
bool is_page_widget(std::string_view line);

}  // namespace guidecheck
