#pragma once
// A code sample's physical lines -> its logical statements, as Python joins
// them: which lines start a statement, which continue one (and how far a
// continuation hangs), which are comments or blank, and the tokens of every
// statement. The first step of indentation recovery.

#include <cstdint>
#include <string>
#include <vector>

#include "python_lexer.h"

namespace guidecheck {

enum class LineKind : std::uint8_t { kStatement, kContinuation, kStringContinuation, kComment, kBlank };

/// What one physical line of a sample is.
struct LineScan {
  LineKind kind = LineKind::kBlank;
  /// The statement the line belongs to; for comments and blanks the next
  /// statement (-1 after the last one).
  int stmt = -1;
  /// Continuation lines: levels beyond their statement's (PEP 8 hanging
  /// indents: one per line that still has a bracket open, one after a
  /// backslash).
  int offset = 0;
};

/// A token of a logical statement.
struct StatementToken {
  PythonLexer::TokenKind kind = PythonLexer::TokenKind::kOperator;
  /// A string spanning lines is one token, its lines (without leading
  /// whitespace) joined by '\n'.
  std::string text;
  int depth = 0;         ///< brackets open around it; a bracket carries the depth outside it
  bool fstring = false;  ///< a string whose prefix holds f or F
};

/// The lines and tokens of one logical statement.
struct RawStatement {
  int first_line = 0;
  int last_line = 0;
  bool comment_before = false;  ///< comment or blank lines since the previous statement
  std::vector<StatementToken> tokens;
};

/// A sample split into logical statements.
struct LogicalLines {
  std::vector<LineScan> lines;  ///< one per input line
  std::vector<RawStatement> statements;
};

/// Splits `lines` (their leading whitespace ignored, see strip_leading) into
/// logical statements. A string still open at the end of the sample is no
/// token: CPython rejects the sample whatever its layout.
LogicalLines split_logical_lines(const std::vector<std::string>& lines);

}  // namespace guidecheck
