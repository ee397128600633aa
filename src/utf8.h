#pragma once
// Making arbitrary bytes safe for JSON and XML reports.

#include <string>
#include <string_view>

namespace guidecheck {

/// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);
/// `text` with every byte that is not part of valid UTF-8 written as the
/// four characters "\xNN", so reports keep the information and stay valid.
std::string escape_invalid_utf8(std::string_view text);

}  // namespace guidecheck
