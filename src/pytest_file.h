#pragma once
// Is a sample a pytest test file?

#include <string_view>

namespace guidecheck {

/// True when the code defines module-level test_* functions (pytest's
/// collection rule), which a plain run would define and never call.
bool looks_like_pytest_file(std::string_view source);

}  // namespace guidecheck
