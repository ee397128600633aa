#pragma once
// What a Markdown code block's info string (```python title="x.py") says
// the block holds: Python to run, a REPL session, output, or anything else.

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
/// "```Python title=x.py" gives "python", "```py:main.py" gives "py".
std::string fence_language(std::string_view info);

/// The role of a code block with this info string.
FenceRole fence_role(std::string_view info);

}  // namespace guidecheck
