#pragma once
// Which lines of a guide are Python. A guide is a scraped web page: code is
// not fenced and lost its indentation, so each line (or bracketed group of
// lines) is lexed, filtered by textual features of prose, and compiled by
// CPython. Part of the guide parser.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "diagnostic_sink.h"
#include "unit_compiler.h"

namespace guidecheck {

/// What a guide line is, as far as code goes.
enum class LineClass : std::uint8_t {
  kBlank,
  kComment,
  kCode,
  kWeak,    ///< compiles but reads like prose; kept only inside a run
  kOpener,  ///< a statement whose bracket never closes; may start a run, never ends one
  kProse,
  /// Set by the guide parser after classification (never by classify_lines):
  kOutputLabel,  ///< an `Output:` line after code, or a blank line right after one
  kOutput,       ///< a line of output shown after such a label (`Output: 42` itself, too)
  kSession,      ///< a line of a REPL session: a `>>>` or `...` line, or what it echoed
  kAside,        ///< page text inside a sample, neither code nor output: a quiz's choices before its answer
};

/// Classifies every line. `lines` are the guide's lines without leading
/// whitespace; `text_size` (the guide's size in bytes) bounds the work spent
/// following brackets that never close. Units are judged by `compiler`.
std::vector<LineClass> classify_lines(const std::vector<std::string_view>& lines, std::size_t text_size,
                                      UnitCompiler* compiler, DiagnosticSink* diagnostics);

}  // namespace guidecheck
