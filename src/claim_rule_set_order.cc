#include "claim_rule_set_order.h"

#include <algorithm>
#include <vector>

#include "claim_text.h"
#include "claim_tokens.h"

namespace guidecheck {
namespace {

// Past the closing bracket or quote that matches the one at `at`; npos when
// nothing closes it.
std::size_t past_closing(std::string_view text, std::size_t at) {
  const char open = text[at];
  if (open == '\'' || open == '"') {
    for (std::size_t k = at + 1; k < text.size(); ++k) {
      if (text[k] == '\\') ++k;
      else if (text[k] == open) return k + 1;
      else if (text[k] == '\n') return std::string_view::npos;
    }
    return std::string_view::npos;
  }
  const char close = open == '{' ? '}' : open == '[' ? ']' : ')';
  for (std::size_t k = at + 1; k < text.size();) {
    const char c = text[k];
    if (c == close) return k + 1;
    if (c == ']' || c == '}' || c == ')') return std::string_view::npos;  // mismatched
    if (c == '{' || c == '[' || c == '(' || c == '\'' || c == '"') {
      const std::size_t end = past_closing(text, k);
      if (end == std::string_view::npos) return end;
      k = end;
      continue;
    }
    ++k;
  }
  return std::string_view::npos;
}

// `inner` (between braces) split at its top-level commas, and whether a
// top-level ':' makes it a dict. Empty parts when it does not parse.
struct BraceContent {
  std::vector<std::string_view> parts;
  bool dict = false;
  bool parsed = true;
};

BraceContent split_top_level(std::string_view inner) {
  BraceContent content;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= inner.size();) {
    if (k == inner.size() || inner[k] == ',') {
      content.parts.push_back(trim_blanks(inner.substr(start, k - start)));
      start = ++k;
      continue;
    }
    const char c = inner[k];
    if (c == ':') content.dict = true;
    if (c == '{' || c == '[' || c == '(' || c == '\'' || c == '"') {
      const std::size_t end = past_closing(inner, k);
      if (end == std::string_view::npos) {
        content.parsed = false;
        return content;
      }
      k = end;
      continue;
    }
    ++k;
  }
  return content;
}

// Depth-bounded: a hostile claim of ten thousand braces costs nothing much.
std::string in_order(std::string_view text, int depth) {
  std::string out;
  for (std::size_t k = 0; k < text.size();) {
    const char c = text[k];
    if ((c == '\'' || c == '"') && depth < 64) {
      const std::size_t end = past_closing(text, k);
      if (end != std::string_view::npos) {
        out.append(text.substr(k, end - k));
        k = end;
        continue;
      }
    }
    if (c != '{' || depth >= 64) {
      out += c;
      ++k;
      continue;
    }
    const std::size_t end = past_closing(text, k);
    if (end == std::string_view::npos) {
      out += c;
      ++k;
      continue;
    }
    BraceContent content = split_top_level(text.substr(k + 1, end - k - 2));
    if (!content.parsed) {
      out.append(text.substr(k, end - k));
      k = end;
      continue;
    }
    std::vector<std::string> parts;
    for (std::string_view part : content.parts) parts.push_back(in_order(part, depth + 1));
    if (!content.dict) std::sort(parts.begin(), parts.end());
    out += '{';
    for (std::size_t p = 0; p < parts.size(); ++p) out += (p ? ", " : "") + parts[p];
    out += '}';
    k = end;
  }
  return out;
}

}  // namespace

std::string with_sets_in_order(std::string_view text) { return in_order(text, 0); }

std::optional<ClaimComparison> compare_set_orders(std::string_view claimed, std::string_view actual) {
  if (claimed.find('{') == std::string_view::npos || actual.find('{') == std::string_view::npos) return std::nullopt;
  const std::string claim = collapse_line_blanks(with_sets_in_order(claimed));
  if (claim != collapse_line_blanks(with_sets_in_order(actual))) return std::nullopt;
  return ClaimComparison{ClaimVerdict::kEquivalent, "set-order"};
}

}  // namespace guidecheck
