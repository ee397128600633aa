#pragma once
// A list of module names as command lines carry it: "numpy,pandas,pytest"
// (`--preload` of `check` and of the zygote it starts).

#include <string>
#include <vector>

namespace guidecheck {

/// The names between commas; empty names (",," or a trailing comma) are dropped.
std::vector<std::string> split_module_list(const std::string& text);

/// The names joined with commas.
std::string join_module_list(const std::vector<std::string>& modules);

}  // namespace guidecheck
