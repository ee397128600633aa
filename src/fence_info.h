#pragma once
// What a Markdown code block's info string (```python title="x.py") says
// the block holds: Python to run, a REPL session, output, or anything else.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

enum class FenceRole {
  kUntagged,  ///< no info string (or an indented block): decided by its content
  kPython,    ///< python, py, python3, py3, ipython, ipython3
  kSession,   ///< pycon, python-console, python-repl: a REPL session
  kOutput,    ///< text, output, console, shell-session, plain, stdout, pytb...: shown output, never code
  kOther,     ///< any other language: never code
};

/// The info string's language word, lowercased, without the attribute
/// syntax of Pandoc and friends: "```{.python .numberLines}" gives "python",
/// "```Python title=x.py" gives "python", "```py:main.py" gives "py",
/// knitr's and Quarto's "```{python label, echo=TRUE}" gives "python". For
/// MyST's code directives it is their argument: "```{code-cell} ipython3"
/// gives "ipython3", "```{code-block} text" gives "text" (a `code-cell`
/// without one: "python").
std::string fence_language(std::string_view info);

/// True for the MyST directives that show code in their argument's
/// language: code-cell, code-block, code, sourcecode, jupyter-execute.
bool is_myst_code_directive(std::string_view name);

/// The MyST directive an info string opens, lowercased ("{note}" gives
/// "note", "{code-cell} ipython3" gives "code-cell"); "" when it opens none
/// (knitr's "{python label, echo=TRUE}" is a chunk, not a directive).
std::string myst_directive(std::string_view info);

/// The role of a code block with this info string.
FenceRole fence_role(std::string_view info);

/// The title a fence's info gives its block (`title="Output"` of Docusaurus,
/// MkDocs Material, Starlight); "" when it gives none.
std::string fence_title(std::string_view info);

/// A fence's opening line: its character, length, indentation and info string.
struct Fence {
  char mark = '`';
  std::size_t length = 0;
  std::size_t indent = 0;
  std::string info;
};

/// The fence `line` opens (three or more backticks or tildes after spaces;
/// a backtick fence's info holds no backtick); nullopt for any other line.
std::optional<Fence> opening_fence(std::string_view line);

/// Whether `line` closes `fence`: as many of its marks or more, alone.
bool closes_fence(std::string_view line, const Fence& fence);

}  // namespace guidecheck
