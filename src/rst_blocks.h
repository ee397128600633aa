#pragma once
// The code-like blocks of a reStructuredText guide, as docutils reads it
// (in the embedded interpreter, with Sphinx's code directives added), each
// placed on the guide's exact lines. Part of the reST reader.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown_table.h"

namespace guidecheck {

enum class RstBlockKind {
  kCode,              ///< `.. code-block::`, `.. code::`, `.. sourcecode::`
  kLiteral,           ///< a literal block: the indented block after a paragraph ending in `::`
  kDoctest,           ///< a doctest block: a paragraph starting with `>>>`
  kDoctestDirective,  ///< Sphinx's `.. doctest::`
  kTestCode,          ///< Sphinx's `.. testcode::`
  kTestSetup,         ///< Sphinx's `.. testsetup::`
  kTestOutput,        ///< Sphinx's `.. testoutput::`
  kHighlight,         ///< `.. highlight::`: the language of the literal blocks after it
  kUnplaced,          ///< a block on guide lines shared with other text (a table cell): not read
  kExecutedCell,      ///< jupyter-sphinx's `.. jupyter-execute::`: Python the build runs, no output shown
  kNewNamespace,      ///< jupyter-sphinx's `.. jupyter-kernel::`: the cells after it start afresh
  kComment,           ///< a comment (`.. skip: next`): unseen, it may hold a doc-testing tool's marker
};

struct RstBlock {
  RstBlockKind kind = RstBlockKind::kLiteral;
  /// The language argument of a code block or `highlight`, lower-case;
  /// empty when there is none.
  std::string language;
  /// The group argument of the Sphinx doctest directives; empty for none.
  std::string group;
  /// Guide line of the first content line (the directive's line when the
  /// block has no content), 1-based; for kUnplaced, about where it is (0: unknown).
  int first_line = 0;
  /// Consecutive guide lines of content from first_line, inner blank lines included.
  int line_count = 0;
  /// The block this one follows in the same container (section, list item,
  /// note...) with nothing shown between them but at most one paragraph;
  /// -1 when none. Comments, targets and `highlight` are not shown.
  int previous = -1;
  /// A paragraph leads into this block: the one between it and `previous`,
  /// or, when it follows no block, the paragraph right before it.
  bool introduced = false;
  std::string intro;        ///< its text without markup, its last 300 characters
  /// The `:options:` of a Sphinx doctest directive (`+NORMALIZE_WHITESPACE`).
  std::string doctest_options;
  /// A code block's `:caption:` (Sphinx), often the name of the file it
  /// shows (`durspan.py`); empty when none.
  std::string caption;
  /// jupyter-execute's `:raises:`: the exceptions the cell raises by design,
  /// as written ("ValueError"; "" for any); nullopt without the option.
  std::optional<std::string> raises;
  /// A comment's text after its `..`, its body lines unindented
  /// (doctool_markers.h); first_line is its `..` line, 0 when its text
  /// does not start there.
  std::string comment;
  /// The content parses as Python and holds only values (literals, names,
  /// containers of them, one per statement): what printed output looks like.
  bool values_only = false;
  /// Values or calls of them, as reprs print (`Point(x=1, y=2)`), or
  /// arithmetic on them (`2024-W10-5`); so does `main()`, which only a label
  /// can tell apart.
  bool reprs_only = false;
};

/// A table (`list-table`, grid or simple), its cells as text or one inline
/// literal each (``format(5, "08b")``), on their own guide lines.
struct RstTable {
  std::size_t before_block = 0;  ///< how many blocks come before it
  MarkdownTable table;           ///< header: its last header row, or its first row when it has none
};

struct RstBlocks {
  std::vector<RstBlock> blocks;  ///< in guide order
  std::vector<RstTable> tables;  ///< in guide order
  /// Why docutils could not read the text (an absurd nesting); blocks are
  /// then empty.
  std::string error;
};

/// The blocks of a guide. Any bytes are accepted (invalid UTF-8, NUL, CR,
/// tabs, unterminated directives); docutils' own messages go nowhere and
/// files are never included. Starts the embedded interpreter if needed.
RstBlocks read_rst_blocks(std::string_view text);

}  // namespace guidecheck
