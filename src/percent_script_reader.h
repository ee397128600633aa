#pragma once
// A tutorial written as a Python script in Jupytext's "percent" format (the
// cells VS Code, Spyder and Jupytext share): `# %%` opens a code cell,
// `# %% [markdown]` a cell of prose written as comments.
//
//   # %% [markdown]
//   # Counting words takes one line:
//   # %%
//   from collections import Counter
//   Counter("abca").most_common(1)
//   # Out: [('a', 2)]
//
// Each code cell is a sample, run after the cells it uses (one kernel);
// its comments claim output as comments do in any code. A script without
// cell markers is one sample.

#include <string_view>

#include "guide_reader.h"

namespace guidecheck {

/// The samples of a percent-format script (ids s01, s02... in order).
Extraction read_percent_script(std::string_view text, const ReadOptions& options);

}  // namespace guidecheck
