#pragma once
// Base64 for the exact bytes beside a report's text (RFC 4648).

#include <string>
#include <string_view>

namespace guidecheck {

/// `bytes` in standard base64 (RFC 4648 section 4: the alphabet A-Z a-z 0-9
/// + /, padded with '=' to a multiple of four, no line breaks).
std::string base64_encode(std::string_view bytes);

}  // namespace guidecheck
