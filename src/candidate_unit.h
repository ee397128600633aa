#pragma once
// A candidate statement of a guide (a "unit"): which guide lines it spans,
// its source, what it needs around it to compile alone (shape, context), and
// the textual hints that it is prose after all. Part of the guide parser.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python_lexer.h"

namespace guidecheck {

/// What a candidate statement needs around it to compile on its own.
enum class Shape : std::uint8_t {
  kPlain,
  kAfterIf,    ///< else / elif
  kAfterTry,   ///< except / finally
  kTry,        ///< try: needs a handler
  kCase,       ///< case: needs a match
  kMatch,      ///< match: needs a case
  kDecorator,  ///< @...: needs a definition
};

/// Where it compiles: most statements together in one plain function (a
/// batch); the others alone.
enum class Context : std::uint8_t {
  kBatch,
  kAsync,      ///< await / async / global: alone, in an async function
  kGenerator,  ///< yield from: alone, in a plain function
  kModule,     ///< from __future__ / import *: alone, at module level
  kNonlocal,   ///< nonlocal: judged by its tokens alone
};

/// What compiling a unit said.
enum class Verdict : std::uint8_t { kUnknown, kCode, kNotCode };

/// A statement candidate (a "unit"): one physical line or a bracketed group
/// of them, judged by compiling it.
struct Unit {
  int first = 0;  ///< 0-based guide line indexes
  int last = 0;
  std::string source;  ///< comments removed, lines joined by '\n'
  Shape shape = Shape::kPlain;
  Context context = Context::kBatch;
  bool needs_body = false;  ///< ends with ':': a body must follow
  bool weak = false;        ///< compiles, but reads like prose
  bool decorator = false;   ///< starts with '@'
  bool dangling = false;    ///< closers were appended
  Verdict verdict = Verdict::kUnknown;
};

/// What the tokens and text of a unit say about it.
struct UnitFeatures {
  Shape shape = Shape::kPlain;
  Context context = Context::kBatch;
  bool needs_body = false;
  bool strong_prose = false;  ///< reads like prose whatever CPython says: not a unit
  bool weak = false;          ///< would read like prose even if it compiles
  bool decorator = false;     ///< starts with '@'
};

/// A heading that names functions (`len()`, `dict.get()`, `any() / all()`,
/// `sorted(key=...)`, `zip()`): calls with no argument given (keywords at
/// most, all `...`) of builtins that need one or build an empty value, or
/// of a builtin type's methods, joined by `/`, `,`, `and`, `or`.
bool names_functions(const std::vector<PythonLexer::Token>& tokens);

/// The features of a unit from its tokens (what the lexer saw in all its
/// lines) and the text of its first line. Textual hints of prose are only
/// looked for in a single-line unit; `commented` says its line has comment
/// text (a value shown by a comment makes a bare expression likely code).
UnitFeatures features_of(std::string_view first_line, const std::vector<PythonLexer::Token>& tokens, bool single_line,
                         bool commented);

}  // namespace guidecheck
