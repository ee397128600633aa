#pragma once
// A module's top-level statements, found in its source text by the lexer
// the guide parser uses: where each begins (its decorators included) and
// ends, as CPython's ast gives them. A run compiles each from its own lines
// instead of building Python's ast objects for the whole sample first.

#include <optional>
#include <string_view>
#include <vector>

namespace guidecheck {

struct TopLevelStatement {
  int first_line = 0;  ///< 1-based, its first decorator's line for a decorated def or class
  int last_line = 0;   ///< 1-based, the line its last token is on
  bool future_import = false;  ///< `from __future__ import ...`
  bool bare_string = false;    ///< a string literal alone (a docstring where it comes first)
  bool declares_scope = false;  ///< `global` or `nonlocal`: judged against the whole module
};

/// The top-level statements of `source`, a module CPython compiles (the
/// caller compiled it first). nullopt where lines alone cannot say them as
/// the ast does: simple statements sharing a line (`a = 1; b = 2`), a
/// source encoding declared or marked (a slice of lines would lose it),
/// lines ended by a lone CR, or a NUL byte.
std::optional<std::vector<TopLevelStatement>> top_level_statements(std::string_view source);

}  // namespace guidecheck
