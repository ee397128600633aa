#include "claim_rule_string_repr.h"

#include "claim_text.h"

namespace guidecheck {
namespace {

// The text of a one-line str repr ('[ab  ]', "it is"), without its quotes;
// nullopt for anything else, and for a repr with escapes or quotes inside
// (whose text would need decoding).
std::optional<std::string_view> string_repr_text(std::string_view text) {
  text = trim_blanks(text);
  if (text.size() < 2 || (text.front() != '\'' && text.front() != '"') || text.back() != text.front()) return std::nullopt;
  text = text.substr(1, text.size() - 2);
  if (text.find_first_of("'\"\\\n") != std::string_view::npos) return std::nullopt;
  return text;
}

}  // namespace

// A claimed str repr against a printed one in the same quotes: their text
// must be the same, blanks and digits included ('[ab   ]' is not '[ab    ]',
// '1.00000e+06' not '1.000000e+06').
std::optional<ClaimComparison> compare_string_reprs(std::string_view claimed, std::string_view actual) {
  const std::optional<std::string_view> claim = string_repr_text(claimed), printed = string_repr_text(actual);
  if (!claim || !printed) return std::nullopt;
  // 'Lorem ipsum...': an elision, which the ellipsis rule reads.
  if (claim->find("...") != std::string_view::npos || claim->find("\xE2\x80\xA6") != std::string_view::npos)
    return std::nullopt;
  // Other quotes: a repr (Python's are in single quotes) that the guide
  // wrote in double ones is the same string; text printed in double quotes
  // is no repr, and the general comparison decides.
  if (trim_blanks(claimed).front() != trim_blanks(actual).front()) {
    if (trim_blanks(actual).front() != '\'' || *claim != *printed) return std::nullopt;
    return ClaimComparison{ClaimVerdict::kEquivalent, "quotes"};
  }
  if (*claim != *printed) return ClaimComparison{ClaimVerdict::kMismatch, ""};
  return ClaimComparison{ClaimVerdict::kMatch, ""};
}

}  // namespace guidecheck
