#pragma once
// A notebook cell's or a Quarto/knitr chunk's own say on whether it runs:
//
//   ```{python}           ```{python load, eval=FALSE}     ```{code-cell} ipython3
//   #| eval: false                                          :tags: [skip-execution]
//
// Such a block is shown to be read, never run: no sample.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Why a code block is never run by its own options, nullopt when it runs:
/// Quarto's `#| eval: false` among the `#|` lines that open `lines`,
/// knitr's `eval=FALSE` in the fence's `info`, or MyST's `skip-execution`
/// tag among the directive's `options` (myst_directives.h).
std::optional<std::string> unevaluated_reason(std::string_view info, const std::vector<std::string>& options,
                                              const std::vector<std::string>& lines);

}  // namespace guidecheck
