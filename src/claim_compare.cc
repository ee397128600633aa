#include "claim_compare.h"

namespace guidecheck {
namespace {

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

}  // namespace

ClaimComparison compare_claim(std::string_view claimed, std::string_view actual, bool looks_like_prose) {
  if (collapse(claimed) == collapse(actual)) return {ClaimVerdict::kMatch, ""};
  if (looks_like_prose) return {ClaimVerdict::kProse, "describes the output"};
  return {ClaimVerdict::kMismatch, ""};
}

}  // namespace guidecheck
