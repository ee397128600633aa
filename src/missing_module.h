#pragma once
// A sample that stops at an import of a module this machine does not have
// (`import seaborn`, or a placeholder such as `import module_name`): the
// guide is not wrong, the machine lacks what it needs, as with an unmet
// `requires` directive. A misspelt import (`import colections`) is the
// guide's own error and is told apart.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// The top-level module that a run's final error says is missing:
/// "ModuleNotFoundError: No module named 'seaborn'" -> "seaborn". nullopt
/// for any other ending, and for a missing submodule ('numpy.fake'), whose
/// package is installed.
std::optional<std::string> missing_top_level_module(std::string_view stderr_text);

/// The optional dependency that a library's ImportError says is missing,
/// when `importable` lacks it: pandas' "Missing optional dependency
/// 'tabulate'.", "matplotlib is required for plotting ...", "Install
/// openpyxl ...". The message must ask for the name (required, install,
/// dependency, missing); "cannot import name 'x' from 'm'" is the sample's
/// own error. nullopt for any other ending.
std::optional<std::string> missing_optional_dependency(std::string_view stderr_text,
                                                       const std::vector<std::string>& importable);

/// The name among `importable` that `name` looks like a misspelling of: the
/// same but for case, or one letter added, dropped or changed (names of
/// six letters or more). nullopt when none.
std::optional<std::string> misspelt_module(std::string_view name, const std::vector<std::string>& importable);

}  // namespace guidecheck
