#pragma once
// What makes two runs the same run: the key a result cache looks outcomes
// up by, and how results are joined back to what asked for them.

#include <string>
#include <string_view>

#include "runner.h"

namespace guidecheck {

/// Hex xxHash64 over everything that can change a run's outcome: the
/// source text, arguments, stdin's content, mode, prelude, limits, sandbox
/// settings (with the values --env passes through), and the interpreter's
/// identity (Runner::interpreter_identity). Not in it: the
/// spec's id, its path's directory (a scratch copy runs the same) and the
/// expected duration.
std::string run_identity(const RunSpec& spec, std::string_view interpreter_identity);

}  // namespace guidecheck
