#pragma once
// The constant text a sample's string literals could print, as evidence
// that a comment or a plain line shows output rather than describes it:
// after `print(f"Hello, {name}")`, "Hello, Alice" is output even though it
// reads like a phrase.

#include <string>
#include <string_view>
#include <vector>

#include "python_lexer.h"

namespace guidecheck {

/// The pieces of constant text in the string literals of `code` (guide
/// lines without leading whitespace, comments allowed): each literal's
/// content without prefix and quotes, cut at replacement fields (`{name}`,
/// `%s`, `%.2f`) and escapes (`\n`), trimmed, lowercased. Left out: pieces
/// of fewer than three characters or without a letter, and plain words
/// (`"salary"`, `"Alice"`: keys and data more often than text to read)
/// unless their literal is a template (`f"Hello {name}"` gives "hello").
std::vector<std::string> printed_fragments(const std::vector<std::string_view>& code);

/// How the lines the code's print calls write begin, as far as the code
/// fixes it: a print's first argument when it is a string literal, up to
/// its first replacement field or escape (`print("score =", x)` and
/// `print(f"score = {x:.1f}")` give "score ="), or the expression and `=`
/// of a self-documenting field that opens an f-string (`print(f"{score = }")`
/// gives "score ="). Blanks around them trimmed, case kept; sorted, unique.
std::vector<std::string> printed_line_starts(const std::vector<std::string_view>& code);

/// The same one line at a time: appends the pieces of `line`, the next line
/// of code after those `lexer` has seen (strings go on across lines).
void add_printed_fragments(std::string_view line, PythonLexer* lexer, std::vector<std::string>* fragments);

/// Whether `text` shows one of `fragments` (from printed_fragments): starts
/// with one, or holds one of two words or more, or is a piece of one (of
/// twelve characters or more: a wrapped line), as whole words, in any case.
/// "Hello, Alice" shows "hello,"; "Nowhere" does not show "now".
bool shows_printed_fragment(std::string_view text, const std::vector<std::string>& fragments);

/// How many words (of three letters or more) of `text` the fragments hold:
/// weaker evidence than shows_printed_fragment, for text the code builds
/// from its literals ("Call XXX-XXXX or XXX-XXXX today" after
/// `text = "Call 555-1234 or 555-9876 today"`).
std::size_t printed_words_shown(std::string_view text, const std::vector<std::string>& fragments);

}  // namespace guidecheck
