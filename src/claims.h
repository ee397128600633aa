#pragma once
// What a guide claims its samples print, read from their comments:
// trailing comments (`print(x) # [99, 2, 3]`), blocks of comment lines after
// a statement, and commented-out statements with the error they would raise.

#include <string>
#include <string_view>
#include <vector>

#include "guide_parser.h"

namespace guidecheck {

enum class ClaimKind { kOutput, kError };
enum class ClaimForm {
  kTrailing,     ///< a comment after code on the same line: what that statement printed
  kBlock,        ///< comment lines (or a REPL echo) right after a statement: what it printed
  kOutputBlock,  ///< a block shown after the code (fenced, literal, "Output:"): what every
                 ///< statement after `since_line` up to `anchor_line` printed
};

/// One claim. A trailing comment on any code line is a claim, even when it
/// only describes the code (`# Creates a new string`): the comparison step
/// gives those the verdict "prose". Comment blocks are claim candidates: the
/// caller keeps one only if the anchor statement printed something.
struct Claim {
  int guide_line = 0;       ///< first guide line of the claim
  int last_guide_line = 0;  ///< last guide line (same as guide_line for one line)
  ClaimKind kind = ClaimKind::kOutput;
  ClaimForm form = ClaimForm::kTrailing;
  /// The claimed output, comment markers and surrounding blanks removed;
  /// block lines joined by '\n'. For errors: `TypeError: 'str' object ...`.
  std::string text;
  /// A parenthesised remark after the value, kept apart from it:
  /// `# True (same values)` gives text "True", note "(same values)".
  std::string note;
  /// Guide line of the code the claim is about: the same line for a trailing
  /// claim and a commented-out statement, the code line before a block.
  int anchor_line = 0;
  /// For errors claimed for commented-out code: that code without its `#`
  /// markers, laid out by the reader with its own relative indentation
  /// (lines joined by '\n'), e.g. `my_string[0] = "H"`. Empty when the
  /// error is claimed for live code (then anchor_line is that code).
  std::string statement;
  /// Output blocks: the guide line after which the statements it covers
  /// start (the anchor of the output block before it); 0: from the start.
  int since_line = 0;
  /// Textual hint that the comment describes rather than shows (sentences,
  /// capitalised phrases of words, numbered headings). Meant to be consulted
  /// only when the claim does not match the real output.
  bool looks_like_prose = false;
  /// How many of the last lines of `text` may be the page's own text, not
  /// output: a scraped page keeps nothing that ends a block of output, so a
  /// short heading after it reads as one more line. The judge leaves them
  /// out when the claim agrees without them.
  int tentative_lines = 0;
  /// The page's lines right after the claim that read as prose, yet may be
  /// more output (a printed sentence no literal of the code holds): the
  /// judge takes them in when the claim agrees only with them.
  std::vector<std::string> may_continue;
  /// Doctest's NORMALIZE_WHITESPACE on the statement (`# doctest:
  /// +NORMALIZE_WHITESPACE`): any run of whitespace, line breaks included,
  /// stands for any other.
  bool normalize_whitespace = false;
  /// Doctest's IGNORE_EXCEPTION_DETAIL: a traceback agrees when its
  /// exception's type agrees, whatever its module path and message.
  bool ignore_exception_detail = false;
  /// Output blocks: the guide shows the text as HTML (a Markdown page's
  /// `<pre>`), its lines holding character references (`&lt;`) where the
  /// text has `<`: `text` is what a browser shows. A rewrite escapes.
  bool shown_as_html = false;
  /// The claimed text stands inside a line of the page: a code span in a
  /// sentence ("This prints `42`."), or a Markdown table's cell, a code
  /// span or plain text (call_output_table.h, table_session.h). A rewrite
  /// replaces that text alone.
  bool shown_inline = false;
  /// Output blocks: the guide draws the output as a Markdown table (a
  /// DataFrame's rows, its cells apart); `text` is its rows as text. A
  /// rewrite refuses it.
  bool shown_as_table = false;
  /// Output blocks: a terminal transcript's, what a run of the whole
  /// script wrote (shell_transcript.h), however it ended: a `sys.exit()`
  /// or argparse's `--help` midway, its errors on stderr, which a terminal
  /// shows after what it printed.
  bool whole_run = false;
  /// Output blocks that join several outputs (a notebook cell's prints and
  /// displays): where each output after the first starts, as a line of
  /// `text` (0-based) and a guide line. Empty for one output.
  struct Part {
    int text_line = 0;
    int guide_line = 0;
  };
  std::vector<Part> later_parts;
};

/// The claims of one code run, in guide order. Output markers
/// (claim_markers.h) are taken off the claimed text: `# Output: 3`,
/// `#output:3`, `# prints 3`, `# => 3`, `#> 3` all claim "3"; a comment block
/// opened by a worded label alone (`# Output:`) or over several lines is an
/// output block covering the code since the previous claim. Output shown as plain lines after an
/// `Output:` line (CodeRun::outputs) is an output block covering the code
/// since the previous such block. Not claims: pragmas (`# noqa`,
/// `# type: ignore`), shell commands in comments and what follows them in
/// the same block (`# pip install pandas`, `# pytest --cov=...`), comment
/// lines before the first code line, comments right after a block opener
/// (`def f():` then `# why`), comment lines that introduce the next code (the
/// prose-like lines ending a block that code follows, or a whole such block
/// when the statement before it already has a trailing claim), and
/// prose-like lines after the output lines of a block, which remark on them
/// (`# [1, 2]` then `# the list is unchanged`). A prose-like line still
/// counts as output when a marker or a label's alignment says so, or when it
/// shows text the code's string literals print (printed_fragments.h).
std::vector<Claim> find_claims(const CodeRun& run);

/// The text hint behind Claim::looks_like_prose, for one line of comment text
/// (without `#`): "Column data types" and "Creates a new string" are prose;
/// "[99, 2, 3]", "Vector(4, 6)", "Eng 110.0", "~56 bytes" are not.
bool looks_like_prose(std::string_view text);

/// True for a shell command written as a comment (without `#`):
/// "pip install pandas==2.2.0", "python -m venv env", "source env/bin/activate",
/// "myproject_env\Scripts\activate", "$ pytest -v".
bool is_shell_command(std::string_view text);
/// One path alone ("./run.sh", "venv\\Scripts\\activate", "/usr/local/bin"):
/// a command to type, or what a program that prints paths printed.
bool is_lone_path(std::string_view text);

/// "output" or "error".
std::string_view to_string(ClaimKind kind);
/// "trailing", "block" or "output-block".
std::string_view to_string(ClaimForm form);

}  // namespace guidecheck
