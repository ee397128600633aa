#pragma once
// The Markdown reader: a guide written in Markdown (CommonMark, as GitHub
// and MkDocs render it) -> its samples. Code is fenced or indented, so the
// layout is the guide's own; the reader decides which blocks are Python to
// run, which blocks show their output, and which samples continue others.

#include <string_view>

#include "guide_reader.h"

namespace guidecheck {

/// Samples of a Markdown guide, ids "s01", "s02"... in guide order.
///
/// A code block is a sample when it is Python: tagged python, py, python3,
/// py3, ipython or pycon, or untagged and code (it compiles and does more
/// than show values). A Python-tagged block that does not compile, holds
/// only comments, is bare expressions reading a name no sample before it
/// defines (a syntax template such as `map(function, iterable)`, unless it
/// claims an error), or only includes a file when the page is built
/// (`--8<-- "app.py"`, markdown_include.h) is not run: a diagnostic says
/// why. Blocks inside MkDocs admonitions and content tabs count as any
/// others (markdown_blocks.h). A REPL session (pycon, or `>>>` on the first
/// line) is a kSession sample whose echoes are its claims. The block right
/// after a script sample (only blank lines or an output label between, see
/// output_label.h and output_blocks.h) may be its output: one kOutputBlock
/// claim. Raw HTML counts the same way (markdown_html.h): a `<details>`
/// whose `<summary>` names output ("Show output") labels the `<pre>` or
/// fence inside it, and a `<pre>` is a block like an untagged fence; code
/// in raw HTML is never a sample, as the page does not render it as code.
/// Comments in the code are claims as in scraped guides
/// (find_claims). `continues` lists the earlier samples whose definitions a
/// sample reads. Any bytes are accepted.
Extraction read_markdown_guide(std::string_view text, const ReadOptions& options);

}  // namespace guidecheck
