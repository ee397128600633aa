#pragma once
// Base64 for the exact bytes beside a report's text (RFC 4648).

#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

/// `bytes` in standard base64 (RFC 4648 section 4: the alphabet A-Z a-z 0-9
/// + /, padded with '=' to a multiple of four, no line breaks).
std::string base64_encode(std::string_view bytes);

/// The bytes `text` encodes; nullopt when it is not standard padded base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace guidecheck
