#pragma once
// Hand-edited TOML files (directives, errata): optional, errors at file:line.

#include <string>

#include <toml++/toml.h>

namespace guidecheck {

/// Parses TOML text; false with *err = "path:line: reason" on a syntax error.
bool parse_toml(const std::string& text, const std::string& path, toml::table* table, std::string* err);

/// Reads a file that may be absent: *exists is false (and the call true)
/// when there is no such file; false with *err when it exists but cannot be
/// read.
bool read_optional_file(const std::string& path, std::string* text, bool* exists, std::string* err);

}  // namespace guidecheck
