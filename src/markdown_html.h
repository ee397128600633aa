#pragma once
// Raw HTML in a Markdown page, read for what a guide shows with it: README
// pages hide output in a collapsible block right after the code,
//
//   <details><summary>Show output</summary>
//   <pre>
//   8080
//   </pre>
//   </details>
//
// or put a fence inside the `<details>`. CommonMark passes all of it on as
// one HTML block (it ends only at a blank line; a `<pre>` block at its
// `</pre>`), so the fence is no code block to it. The reader wants the
// `<summary>` as a title (a heading: it may label output, output_label.h),
// the `<pre>`'s text as a browser shows it, and such a fence, as blocks.

#include <cstddef>
#include <string>
#include <vector>

#include "markdown_blocks.h"

namespace guidecheck {

/// The blocks of one HTML block and where its reading stopped.
struct HtmlBlockParts {
  /// In page order: a heading per `<summary>` (its text, tags and
  /// references gone); a code block per `<pre>` (`html_text`: its lines as
  /// shown, `info` the language a `lang` or `language-x` class names) and per
  /// fence written inside the HTML (its lines as written), both `in_html`;
  /// a kOther block where anything else stands (text, other tags: they end
  /// what came before, as any HTML block did). `<details>` tags are only a
  /// wrapper: an HTML block of nothing else has no blocks.
  std::vector<MarkdownBlock> blocks;
  /// One past the last line read: `block_end`, or further when a `<pre>` or
  /// fence open at the block's end (a blank line inside it ended the HTML
  /// block for CommonMark) runs on to its close. One that nothing closes
  /// ends with the block. Comments, `<script>` and the like are kOther
  /// blocks, whatever they hold.
  std::size_t end = 0;
};

/// Reads the HTML block lines[first, block_end); lines[k] is guide line
/// `first_line + k`, and a `<pre>` or fence left open reads on through the
/// later lines to its close.
HtmlBlockParts read_html_block(const std::vector<std::string>& lines, std::size_t first, std::size_t block_end,
                               int first_line);

}  // namespace guidecheck
