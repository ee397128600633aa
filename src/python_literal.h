#pragma once
// Text written into generated Python code (a prelude, a run's setup) as a
// literal no quoting rule of the source can break.

#include <string>

namespace guidecheck {

/// A Python bytes literal holding `text` exactly: every byte as \xNN
/// outside printable ASCII (`b'caf\xc3\xa9'`); `.decode()` gives the str.
std::string python_bytes_literal(const std::string& text);

}  // namespace guidecheck
