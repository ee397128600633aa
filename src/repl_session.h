#pragma once
// A REPL session shown in a guide (`>>> ` and `... ` prompts, or IPython's
// `In [1]: ` and `   ...: ` with values after `Out[1]: `, each statement
// followed by what the interpreter echoed) as a sample: the code
// without its prompts, and each echo as a claim on its statement. Used by
// every reader that meets one (Markdown `pycon` fences, reST doctest
// blocks, `>>>` lines in scraped text).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims.h"

namespace guidecheck {

struct ReplSession {
  std::string source;            ///< the statements, prompts removed, each line ending in '\n'
  std::vector<int> guide_lines;  ///< guide line of each line of `source`
  /// One kBlock claim per statement that shows output (its echo, an expected
  /// traceback included), anchored at the statement's first line.
  std::vector<Claim> claims;
};

/// The prompt a line starts with: `>>> ` or `In [1]: ` opens a statement,
/// `... ` or `   ...: ` continues one. `code`, when given, receives what
/// follows the prompt.
enum class ReplPrompt { kNone, kFirst, kMore };
ReplPrompt repl_prompt(std::string_view line, std::string_view* code = nullptr);

/// IDLE's shell shows no `...` prompt: a compound statement's body follows
/// its `>>>` line indented (with tabs), its clauses (`else:`) at the margin,
/// and its output comes after the blank lines that end it. Whether `line`
/// so continues the block that `header` (the code after `>>> `) opens; such
/// a line cannot be output, since a statement that opens a block prints
/// nothing until a blank line ends it.
bool continues_block_without_prompt(std::string_view header, std::string_view line);

/// IDLE's line when its shell restarts (`===== RESTART: Shell =====`, or
/// `===== RESTART: C:\\code\\shapes.py =====` before a file run with F5):
/// the restarted thing ("Shell" or the file's path); nullopt for any other
/// line. Not output: the names defined before it are gone.
std::optional<std::string_view> idle_restart(std::string_view line);

/// Whether a doctest option list (`+ELLIPSIS, +NORMALIZE_WHITESPACE`, as a
/// `# doctest:` comment or Sphinx's `:options:` gives it) turns `option` on.
bool has_doctest_option(std::string_view options, std::string_view option);

/// How long IPython's output prompt is at the start of `text` (`Out[4]: `,
/// its one space included); 0 when `text` does not start with one.
std::size_t ipython_output_prompt(std::string_view text);

/// True when the first non-blank line of `lines` starts with the `>>>` prompt
/// (or IPython's `In [1]:`).
bool looks_like_repl_session(const std::vector<std::string>& lines);

/// The session in `lines` (one block of a guide, without fences or the
/// indentation of the block itself); lines[k] is guide line
/// first_guide_line + k.
ReplSession read_repl_session(const std::vector<std::string>& lines, int first_guide_line);

}  // namespace guidecheck
