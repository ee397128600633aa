#pragma once
// MyST's directive fences (Jupyter Book, MyST-NB), which CommonMark reads
// as code blocks:
//
//   ```{code-cell} ipython3          ````{note}
//   :tags: [hide-input]              Text, and a fence of its own:
//   print(1)                         ```python
//   ```                              print(2)
//                                    ```
//                                    ````
//
// A code directive opens with options (`:key: value` lines, or YAML between
// `---` lines) before its code. An admonition and the like hold Markdown.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// How many of a directive's content `lines`, from the first, are its
/// options: `:key: value` lines, or a YAML block between `---` lines, and
/// the blank lines after them. 0 when it has none.
std::size_t directive_option_lines(const std::vector<std::string>& lines);

/// True for a directive (fence_info.h's myst_directive) whose body is
/// Markdown: admonitions (note, tip, warning, admonition...), dropdowns,
/// tabs, cards, margins, sidebars, exercises and solutions.
bool is_myst_container(std::string_view directive);

}  // namespace guidecheck
