#include "claim_rule_addresses.h"

#include <cctype>
#include <string>

namespace guidecheck {
namespace {

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// `text` with every memory address (`0x7f3a2c1d3e50`: six hex digits or
// more) as `0x…`, and IPython's form of an object without a repr of its own
// (`<__main__.Point at 0x…>`) for Python's (`<__main__.Point object at
// 0x…>`). *addresses counts the addresses.
std::string masked_addresses(std::string_view text, int* addresses) {
  std::string masked;
  *addresses = 0;
  for (std::size_t k = 0; k < text.size();) {
    std::size_t digits = 0;
    if (text.substr(k).starts_with("0x"))
      while (k + 2 + digits < text.size() && is_hex_digit(text[k + 2 + digits])) ++digits;
    if (digits < 6 || (k > 0 && (std::isalnum(static_cast<unsigned char>(text[k - 1])) || text[k - 1] == '_'))) {
      masked += text[k++];
      continue;
    }
    if (masked.ends_with(" object at ") && masked.rfind('<') != std::string::npos &&
        masked.find_first_of(" \n", masked.rfind('<')) == masked.size() - std::string_view(" object at ").size())
      masked.erase(masked.size() - std::string_view("object at ").size(), std::string_view("object ").size());
    masked += "0x\u2026";
    ++*addresses;
    k += 2 + digits;
  }
  return masked;
}

}  // namespace

std::optional<ClaimComparison> compare_addresses(std::string_view claimed, std::string_view actual,
                                                 bool looks_like_prose) {
  int claimed_addresses = 0, printed_addresses = 0;
  const std::string masked = masked_addresses(claimed, &claimed_addresses);
  if (claimed_addresses == 0) return std::nullopt;
  const std::string printed = masked_addresses(actual, &printed_addresses);
  if (printed_addresses == 0) return std::nullopt;
  const ClaimComparison same = compare_claim(masked, printed, looks_like_prose);
  if (same.verdict != ClaimVerdict::kMatch && same.verdict != ClaimVerdict::kEquivalent) return std::nullopt;
  return ClaimComparison{ClaimVerdict::kEquivalent, same.rule.empty() ? "addresses" : "addresses+" + same.rule};
}

}  // namespace guidecheck
