#include "python_literal.h"

#include <fmt/format.h>

namespace guidecheck {

std::string python_bytes_literal(const std::string& text) {
  std::string out = "b'";
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') out += static_cast<char>(c);
    else out += fmt::format("\\x{:02x}", c);
  }
  return out + "'";
}

}  // namespace guidecheck
