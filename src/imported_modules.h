#pragma once
// A static scan of the modules a sample imports: enough to route it to a
// zygote that holds them (preload_routing.h) and to know which files beside
// it its run depends on (local_imports.h). Imports made at run time
// (importlib, __import__) are not seen.

#include <string>
#include <vector>

#include "runner.h"

namespace guidecheck {

/// The top-level modules `source` names in its import statements
/// (`import a.b, c as d` -> a, c; `from e.f import g` -> e), at any
/// indentation; relative imports are not counted.
std::vector<std::string> imported_modules(const std::string& source);

/// What a run's code imports: its prelude's modules (the code it
/// continues), then its source's.
std::vector<std::string> imported_modules(const RunSpec& spec);

}  // namespace guidecheck
