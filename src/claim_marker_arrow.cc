// An arrow before the value, as in `print(fib(30))  # => 832040` (Ruby's
// habit, common in Python posts too), `# -> [1, 2]`, `# ==> True`,
// `# --> 4`, or a sign: `# → 42`, `# ⇒ 'abc'`, `# ➜ 3`. The arrow
// comes first in the comment; whitespace may or may not follow it
// (`#=>5`). Arrows inside a value (`# a -> b`) are not markers: the
// comparison reads them as line breaks (claim_compare.h, "arrows").

#include <array>
#include <optional>
#include <string_view>

namespace guidecheck {
namespace {

std::optional<std::string_view> after_arrow(std::string_view comment, std::string_view arrow) {
  std::string_view s = comment;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (s.substr(0, arrow.size()) != arrow) return std::nullopt;
  s.remove_prefix(arrow.size());
  // "# ->>" or "# =>=" are something else; "# -1" never gets here.
  if (!s.empty() && (s.front() == '>' || s.front() == '=' || s.front() == '-')) return std::nullopt;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The first of `arrows` (longest first) that opens the comment.
template <std::size_t N>
std::optional<std::string_view> after_any_arrow(std::string_view comment, const std::array<std::string_view, N>& arrows) {
  for (std::string_view arrow : arrows)
    if (std::optional<std::string_view> text = after_arrow(comment, arrow)) return text;
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> match_fat_arrow_marker(std::string_view comment) {
  static constexpr std::array<std::string_view, 2> kArrows = {"==>", "=>"};
  return after_any_arrow(comment, kArrows);
}
std::optional<std::string_view> match_thin_arrow_marker(std::string_view comment) {
  static constexpr std::array<std::string_view, 2> kArrows = {"-->", "->"};
  return after_any_arrow(comment, kArrows);
}
std::optional<std::string_view> match_arrow_sign_marker(std::string_view comment) {
  static constexpr std::array<std::string_view, 7> kArrows = {
      "\xE2\x86\x92" /* → */, "\xE2\x87\x92" /* ⇒ */, "\xE2\x9F\xB9" /* ⟹ */, "\xE2\x9F\xB6" /* ⟶ */,
      "\xE2\x9E\x9C" /* ➜ */, "\xE2\x9E\x9E" /* ➞ */, "\xE2\x86\xA6" /* ↦ */};
  return after_any_arrow(comment, kArrows);
}

}  // namespace guidecheck
