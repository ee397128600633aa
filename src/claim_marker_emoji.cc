// An emoji before the value, as casual posts write it: `print(a)  # 👉 2`,
// `x == y  # ✅ True`, `# ❌ False`, `# ➡️ 42`, `# 😱 [1, 3]`. The sign comes first in the
// comment. The same signs label code too ("# ❌ Bad: builds a new string",
// "# ✅ Good:"): a phrase ending in a colon, or ending the comment, after
// them is such a label, and lowercase words alone ("# ✅ works great") a
// remark: no output.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "utf8.h"

namespace guidecheck {
namespace {

constexpr std::string_view kVariationSelector = "\xEF\xB8\x8F";  // U+FE0F after ➡ or ✔

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// "Bad: builds...", "Good:", "Wrong", "Better - use join": a word that
// judges the code around it, then a colon or nothing.
bool labels_code(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kJudgements = {
      "bad", "good", "wrong", "right", "better", "worse", "best", "avoid", "do", "don't", "correct", "incorrect"};
  std::size_t end = 0;
  while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z') ||
                               text[end] == '\''))
    ++end;
  std::string word;
  for (char c : text.substr(0, end)) word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  bool judgement = false;
  for (std::string_view j : kJudgements) judgement = judgement || word == j;
  if (!judgement) return false;
  std::string_view rest = text.substr(end);
  while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
  return rest.empty() || rest.front() == ':' || rest.front() == '-';
}

// "works great", "raises an error here": lowercase words alone, no
// digits, quotes, brackets, commas or signs; a remark on the code, which
// a value ("True", "[1, 2]", "red, green, blue") never reads like.
bool reads_as_remark(std::string_view text) {
  if (text.empty() || !(text.front() >= 'a' && text.front() <= 'z') || text.find(' ') == std::string_view::npos)
    return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'' || c == '.' || c == '!'))
      return false;
  return true;
}

}  // namespace

std::optional<std::string_view> match_emoji_marker(std::string_view comment) {
  static constexpr std::array<std::string_view, 7> kSigns = {
      "\xF0\x9F\x91\x89" /* 👉 */, "\xE2\x9E\xA1" /* ➡ */, "\xE2\x9C\x85" /* ✅ */, "\xE2\x9D\x8C" /* ❌ */,
      "\xE2\x9C\x94" /* ✔ */,     "\xE2\x9C\x93" /* ✓ */, "\xE2\x9C\x97" /* ✗ */};
  std::string_view s = comment;
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  bool signed_ = false;
  for (std::string_view sign : kSigns) {
    if (!s.starts_with(sign)) continue;
    s.remove_prefix(sign.size());
    signed_ = true;
    break;
  }
  if (!signed_) {
    // Any pictograph may lead a value, as the signs above do.
    const std::size_t length = leading_pictograph_length(s);
    if (length == 0) return std::nullopt;
    s.remove_prefix(length);
  }
  if (s.starts_with(kVariationSelector)) s.remove_prefix(kVariationSelector.size());
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  if (s.empty() || s.back() == ':' || labels_code(s) || reads_as_remark(s)) return std::nullopt;
  return s;
}

}  // namespace guidecheck
