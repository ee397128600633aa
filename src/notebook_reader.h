#pragma once
// A tutorial written as a Jupyter notebook (.ipynb). Each code cell is a
// sample, run after the cells it uses (one kernel), and the outputs the
// notebook keeps are its claims:
//
//   stdout, display() and an error's traceback  -> one output block: what
//                                                  the cell printed
//   the execute_result (`Out[3]`)               -> the value of the cell's
//                                                  last expression
//   a trailing comment in the code (`n  # 4`)   -> as in any code
//
// stderr (warnings) and pictures claim nothing. A stale output is what this
// reader catches: a notebook saved after an edit it was not re-run for.
//
// Conventions of notebook testers are kept: a cell tagged `skip-execution`
// or `nbval-skip` (or starting `# NBVAL_SKIP`) does not run; one tagged
// `nbval-ignore-output` (or `# NBVAL_IGNORE_OUTPUT`) runs, its outputs not
// judged. An exercise left to fill in (nbgrader's `# YOUR CODE HERE` with
// `raise NotImplementedError()`; a `___` blank, as in any guide) does not run.

#include <string_view>

#include "guide_reader.h"

namespace guidecheck {

/// The samples of an .ipynb file (ids s01, s02... in order). A file that
/// is not a notebook sets Extraction::error.
Extraction read_notebook(std::string_view text, const ReadOptions& options);

}  // namespace guidecheck
