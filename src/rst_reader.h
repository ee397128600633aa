#pragma once
// The reStructuredText reader: a guide written in reST (plain docutils or
// Sphinx) -> its samples. docutils finds the blocks (rst_blocks.h); this
// decides which are Python to run, which show the output of the sample
// before them, and which are REPL sessions.

#include <string_view>

#include "guide_reader.h"

namespace guidecheck {

/// Samples of a reST guide, ids "s01", "s02"... in guide order.
///
/// Samples: `code-block`, `code` and `sourcecode` directives tagged python,
/// py, python3, py3 or ipython (not run, with a diagnostic, when they do not
/// compile); literal blocks (`::`) and untagged code blocks whose content
/// compiles and is more than values, or that `.. highlight:: python` makes
/// Python; Sphinx's `testcode`. REPL sessions (kSession, echoes as
/// claims): doctest blocks, `.. doctest::`, pycon blocks and Python blocks
/// whose first line has the `>>>` prompt. A `testsetup` is no sample: it is
/// the setup (Sample::setup) of the samples after it in its group, and the
/// default group's or group `*`'s of every sample after it.
///
/// Output: the block right after a script sample (in the same container,
/// nothing shown between but an optional label such as "Output::" or "This
/// prints:") is one kOutputBlock claim when it is text (`text`, `none`,
/// `console` without its `$ command` lines, `output`), untagged and not code
/// (it does not compile, or only shows values), or labelled and not code
/// (a labelled block may show reprs, `Point(1, 2)`, even tagged python); a
/// `testoutput` is the output of its group's last `testcode`. Comments in
/// the code are claims as in scraped guides (find_claims). Any bytes are
/// accepted; nested blocks (in notes, list items, block quotes) count.
Extraction read_rst_guide(std::string_view text, const ReadOptions& options);

}  // namespace guidecheck
