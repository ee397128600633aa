#pragma once
// A Markdown document's leaf blocks in reading order, as libcmark
// (CommonMark) parses them: code blocks with their info string, content
// lines and guide lines; paragraphs and headings with their plain text.
// Containers (lists, block quotes) are looked through, and so are MkDocs'
// admonitions and content tabs (mkdocs_containers.h): a body is read as
// Markdown of its own, a title is a heading on the opener's line. So are
// MyST's admonition fences (````{note}, myst_directives.h). Raw HTML
// gives the blocks markdown_html.h reads in it (a `<summary>` is a heading,
// a `<pre>` a code block), or one kOther block. A paragraph that is a pipe
// table carries its rows.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown_table.h"

namespace guidecheck {

enum class MarkdownBlockKind { kCode, kParagraph, kHeading, kOther };

struct MarkdownBlock {
  MarkdownBlockKind kind = MarkdownBlockKind::kOther;
  /// Guide line (1-based) where the block starts; for a code block, the
  /// line of its first content line (the line after an opening fence).
  int line = 0;
  std::string info;  ///< code blocks: the info string, "" for indented blocks
  /// Code blocks: the content lines without fences and without the
  /// indentation of the block itself (a list item's, an indented block's
  /// four spaces, an admonition's); lines[k] is guide line `line + k`.
  std::vector<std::string> lines;
  /// Code blocks of a MyST code directive (```{code-cell}): its option
  /// lines, which `lines` leaves out (myst_directives.h).
  std::vector<std::string> options;
  /// Paragraphs and headings: the text without inline markup, line breaks
  /// as spaces ("**Output:**" gives "Output:").
  std::string text;
  /// Paragraphs holding exactly one code span ("This prints `42`."): the
  /// text before it, its code, the text after it (markup dropped), and the
  /// guide line it is on.
  struct OneCodeSpan {
    std::string before, code, after;
    int line = 0;
  };
  std::optional<OneCodeSpan> one_code_span;
  /// Paragraphs in an item of an ordered list ("1. The radius in metres.").
  bool ordered_item = false;
  /// Paragraphs: the pipe table it holds (markdown_table.h), which plain
  /// CommonMark reads as a paragraph.
  std::optional<MarkdownTable> table;
  /// Code blocks read out of raw HTML (markdown_html.h): a `<pre>`, or a
  /// fence CommonMark leaves inside an HTML block. Output at most, never a
  /// sample: the page does not render it as code.
  bool in_html = false;
  /// A `<pre>`'s lines: as a browser shows them (references decoded, inline
  /// tags gone), not the guide's bytes.
  bool html_text = false;
  /// A DataFrame's HTML table (html_table.h): `lines` are its rows as
  /// text, not the guide's lines one for one.
  bool html_table = false;
  /// A block quote of paragraphs (`> 42`), as a code block of its lines
  /// without their markers: output at most, never a sample.
  bool quoted = false;
  /// An HTML comment (a kOther block): its text between `<!--` and `-->`,
  /// which starts on guide line `line`. Doc-testing tools write their
  /// markers there (doctool_markers.h).
  std::optional<std::string> comment;
};

/// The leaf blocks of `text`. Any bytes are accepted: NUL and invalid
/// UTF-8 become U+FFFD (as CommonMark requires), "\r\n" and a lone "\r" end
/// a line like "\n" does, so guide lines count as an editor counts them.
std::vector<MarkdownBlock> read_markdown_blocks(std::string_view text);

}  // namespace guidecheck
