#pragma once
// The text of one comment, read on its own: the error it names, a pragma,
// a note after the value. Part of the claim finder (claims.h, which also
// declares the prose and shell-command hints defined with these).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guidecheck {

/// `text` without blanks (space, tab, form feed, vertical tab) at either end.
std::string_view trim_blanks(std::string_view text);
/// `text` with ASCII letters lowered (comments are compared case-blind).
std::string ascii_lower(std::string_view text);
/// The words of `s`: its runs of anything but blanks.
std::vector<std::string_view> words_of(std::string_view s);
/// At most one substitution, insertion or deletion apart.
bool one_edit_apart(std::string_view x, std::string_view y);
/// `text` split at each '\n', which no line keeps; an empty text is one
/// empty line, and a final '\n' ends with one.
std::vector<std::string_view> split_lines(std::string_view text);

/// The error a comment claims: the text itself (`TypeError: ...`,
/// `json.JSONDecodeError: ...`), or what follows "raises"/"throws"
/// (`Raises ZeroDivisionError`); nullopt otherwise. "Error: bad input" is
/// none (printed messages often start that way).
std::optional<std::string_view> error_text(std::string_view text);

/// `TypeError: ...`, `ZeroDivisionError`, `json.JSONDecodeError: ...`: an
/// exception class name (ending in Error, Exception or Warning, or one of
/// Python's others: StopIteration, KeyboardInterrupt...), then the end or a
/// colon. "Error: bad input" and "Moving: 100%" are not (printed text often
/// starts that way).
bool is_error_line(std::string_view text);

/// `# noqa`, `# type: ignore`, `# pylint: ...`, a shebang, a directive to a
/// documentation site's display of the code...
bool is_pragma(std::string_view text);

/// MkDocs Material's anchor of a code annotation, `(1)` or `(2)!`, as a
/// comment's whole text (no blanks around it).
bool is_annotation_anchor(std::string_view text);

/// One whole literal: a number, True, False, None, a quoted string, or a
/// bracketed display (`[1, 2]`, `{'a': 1}`), by its first and last
/// characters.
bool is_one_literal(std::string_view value);

/// `120 (5 * 4 * 3 * 2 * 1)` -> {"120", "(5 * 4 * 3 * 2 * 1)"}. Only a
/// parenthesised group at the very end, after a space, that is not itself a
/// plain literal tuple (`1 (1, 2)` is what print(1, (1, 2)) shows). Else a
/// remark after a comma: `5, the old value is kept` -> {"5", "the old value
/// is kept"}, when the value is one whole literal and the remark three
/// lower-case words or more with no code in them.
std::pair<std::string_view, std::string_view> split_note(std::string_view text);

/// A line that is a remark in parentheses: "(insertion order)", "(sorted by
/// key)"; two words or more, letters only. Not "(1, 2)", "('a', 'b')", "(None)".
bool is_parenthesised_remark(std::string_view text);

}  // namespace guidecheck
