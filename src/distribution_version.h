#pragma once
// The installed version of a distribution, found as importlib.metadata finds
// it (the first `name-*.dist-info` or `name-*.egg-info` on the search path,
// its METADATA or PKG-INFO's Version header), without importing
// importlib.metadata: that import alone costs a check about 50 ms, and the
// `requires` directive needs only this one header.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// A distribution name as the metadata directories spell it (PEP 503):
/// lower case, each run of '-', '_' and '.' one '_'. "Typing.Extensions"
/// -> "typing_extensions".
std::string normalized_distribution_name(std::string_view name);

/// The value of the first `Version:` header of a core metadata text (the
/// headers end at the first blank line); nullopt without one.
std::optional<std::string> metadata_version(std::string_view metadata);

/// The version of `distribution` in the first directory of `search_path`
/// that holds its metadata; nullopt when none does.
std::optional<std::string> distribution_version(std::string_view distribution,
                                                const std::vector<std::string>& search_path);

}  // namespace guidecheck
