#pragma once
// Python's tokenizer, one physical line at a time: the one lexer behind the
// guide parser (which lines are Python), the claims (which comments are
// output) and indentation recovery (the tokens of every statement).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Python's 35 hard keywords (`if`, `None`, `await`...).
bool is_keyword(std::string_view word);

/// The soft keywords that open a statement: `match`, `case`, `type`. (`_` is
/// special only inside a case pattern and reads as a name.)
bool is_soft_keyword(std::string_view word);

/// `s` without the leading whitespace a scrape leaves: ASCII blanks (space,
/// tab, form feed, vertical tab) and NBSP (U+00A0). Web pages indent code
/// with `&nbsp;`, and Python rejects U+00A0 outside strings and comments,
/// so a leading one is never part of the code.
std::string_view strip_leading(std::string_view s);

/// `s` without trailing ASCII blanks (space, tab, form feed, vertical tab).
std::string_view strip_trailing(std::string_view s);

/// Follows Python's tokenizer over consecutive physical lines (given without
/// their newline), far enough to tell comments from code, to know when a
/// statement continues on the next line, to give the tokens of each line, and
/// to reject token sequences Python never accepts ("Numeric types",
/// "12. Explain", "O(n) — Constant").
///
/// Tokens are Python's: operators are whole (`**=`, `==`, `:=`, `->`), a
/// string keeps its prefix (`rb"x"`), numbers follow Python's grammar.
/// Limits: f-strings are read like plain strings (Python 3.11 rules: a
/// replacement field cannot reuse the string's quote); an identifier is a run
/// of ASCII letters, digits, `_` and any non-ASCII character, so one holding
/// common Unicode punctuation (dashes, curly quotes, arrows, NBSP) or invalid
/// UTF-8 stays one token but makes the line implausible, as Python rejects it.
/// Likewise a CR, LF or vertical tab is skipped like a blank, and a backslash
/// followed only by blanks continues the line: both keep the token stream of
/// sloppy text sensible but make the line implausible.
class PythonLexer {
 public:
  enum class TokenKind : std::uint8_t {
    kName,
    kKeyword,   ///< a hard keyword; soft keywords are names
    kNumber,
    kString,    ///< with its prefix and quotes
    kOperator,
    kOpen,      ///< ( [ {
    kClose,     ///< ) ] }
    /// A character Python rejects outside strings: `$`, `?`, a backquote, a
    /// lone `!`, a backslash with more after it, control characters.
    kInvalid,
  };
  struct Token {
    TokenKind kind;
    std::string_view text;  ///< into the line; for strings spanning lines, only this line's part
  };
  struct Line {
    std::size_t comment = std::string_view::npos;  ///< offset of the '#' that starts a comment
    bool continued = false;  ///< started inside brackets, a string, or after a backslash
    bool has_code = false;   ///< holds something besides a comment (string contents count)
    bool plausible = true;   ///< no token sequence or character Python always rejects
    bool continues = false;  ///< ends inside brackets, a string, or with a backslash
  };
  /// An open bracket and the line it was opened on (0-based count of the
  /// lines lexed since the last reset).
  struct OpenBracket {
    char bracket;
    int line;
  };

  /// Lexes the next physical line. Tokens are appended to `tokens` when it
  /// is given; they point into `line`. The part of a string that goes on in
  /// the next line is a token of each line it spans, the first of the next
  /// line's tokens.
  Line next(std::string_view line, std::vector<Token>* tokens = nullptr);
  /// True while a statement is unfinished (open bracket, string, backslash).
  bool open() const { return !brackets_.empty() || quote_ != 0 || backslash_; }
  /// True while a string goes on (triple-quoted, or after a backslash).
  bool in_string() const { return quote_ != 0; }
  /// True when the last line ended with a line-continuation backslash.
  bool after_backslash() const { return backslash_; }
  /// The brackets still open, outermost first.
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }
  /// Text that would close what is open: string quotes, then brackets.
  std::string closers() const;
  /// Forgets everything: the next line starts a new statement.
  void reset();

 private:
  void add(TokenKind kind, std::string_view text, Line* out, std::vector<Token>* tokens);
  std::size_t lex_number(std::string_view line, std::size_t i, Line* out) const;

  std::vector<OpenBracket> brackets_;
  int line_ = -1;          // index of the line being lexed
  char quote_ = 0;         // quote of a string continued from an earlier line
  bool triple_ = false;
  bool backslash_ = false;
  // Last token of the logical line, for adjacency checks.
  TokenKind previous_ = TokenKind::kOperator;
  bool has_previous_ = false;
  int logical_tokens_ = 0;
  bool soft_keyword_start_ = false;
};

/// True for an operator spelled with '=' other than `!=`: assignments (`=`,
/// `+=`, `:=`...) and the comparisons `==`, `<=`, `>=`. What the guide's line
/// classifiers count as "assigns": they were written when operators were
/// lexed one character at a time (only `!=`, `->` and `...` were whole), and
/// which guide lines are code depends on that grouping.
bool has_equals_sign(const PythonLexer::Token& token);

}  // namespace guidecheck
