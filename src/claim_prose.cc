#include "claim_prose.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "claim_text.h"
#include "claims.h"

namespace guidecheck {
namespace {

using Tok = ClaimTokenKind;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Share of the claim's words (two characters or more, when it has such) that
// the output also contains, allowing one typo in words of four or more.
double shared_words(const std::vector<ClaimToken>& claim, const std::vector<ClaimToken>& actual) {
  std::vector<std::string> words;
  std::vector<std::string> short_words;
  for (const ClaimToken& t : claim) {
    if (t.kind != Tok::kWord && t.kind != Tok::kNumber) continue;
    (t.text.size() >= 2 ? words : short_words).push_back(ascii_lower(t.text));
  }
  if (words.empty()) words = std::move(short_words);
  if (words.empty()) return 0;
  std::unordered_set<std::string> printed;
  for (const ClaimToken& t : actual)
    if (t.kind == Tok::kWord || t.kind == Tok::kNumber || t.kind == Tok::kClassRepr) printed.insert(ascii_lower(t.text));
  std::size_t shared = 0;
  std::size_t budget = 200'000;
  for (const std::string& w : words) {
    if (printed.count(w) != 0) {
      ++shared;
      continue;
    }
    if (w.size() < 4) continue;
    for (const std::string& p : printed) {
      if (budget == 0) break;
      --budget;
      if (p.size() >= 4 && one_edit_apart(w, p)) {
        ++shared;
        break;
      }
    }
  }
  return static_cast<double>(shared) / static_cast<double>(words.size());
}

bool is_value_word(std::string_view w) {
  return w == "True" || w == "False" || w == "None" || w == "nan" || w == "NaN" || w == "inf";
}

// "second row" or "last row, second-to-last column" beside a statement
// that prints `[4 5 6 7]` or `10`: two words or more, and nothing else,
// about output that holds no word at all names what it shows.
bool words_about_bare_values(const std::vector<ClaimToken>& claim, const std::vector<ClaimToken>& actual) {
  std::size_t words = 0;
  for (const ClaimToken& t : claim) {
    if (t.kind == Tok::kWord) {
      if (is_value_word(t.text)) return false;
      ++words;
    } else if (t.kind == Tok::kNumber || t.kind == Tok::kClassRepr || t.kind == Tok::kEllipsis ||
               (t.kind == Tok::kPunct && std::string_view("[]{}()<>'\"=").find(t.text) != std::string_view::npos)) {
      return false;
    }
  }
  return words >= 2 && std::none_of(actual.begin(), actual.end(), [](const ClaimToken& t) {
           return (t.kind == Tok::kWord && !is_value_word(t.text)) || t.kind == Tok::kClassRepr;
         });
}

// What a comment shows rather than says: brackets, quotes, numbers, reprs.
bool looks_like_value(std::string_view text, const std::vector<ClaimToken>& tokens, bool printed_something) {
  if (text.empty()) return false;
  const char first = text.front();
  if (std::string_view("[{(<'\"").find(first) != std::string_view::npos || is_digit(first)) return true;
  if ((first == '-' || first == '+' || first == '~') && text.size() > 1 && is_digit(text[1])) return true;
  if (text.substr(0, kAlmostEqual.size()) == kAlmostEqual) return true;
  if (text.find_first_of("=[{<") != std::string_view::npos) return true;
  bool only_values = true;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const ClaimToken& t = tokens[k];
    if (t.kind == Tok::kArrow || t.kind == Tok::kClassRepr) return true;
    // `Vector(4, 6)` is a repr; `O(n)` is complexity prose.
    if (t.kind == Tok::kWord && k + 1 < tokens.size() && tokens[k + 1].kind == Tok::kPunct &&
        tokens[k + 1].text == "(" && t.text != "O")
      return true;
    if (t.kind == Tok::kWord && !is_value_word(t.text)) only_values = false;
  }
  if (only_values) return true;
  const bool one_token = text.find(' ') == std::string_view::npos && text.find('\n') == std::string_view::npos;
  return one_token && printed_something;
}

bool every_line_reads_as_prose(std::string_view text) {
  const std::vector<std::string_view> lines = text.empty() ? std::vector<std::string_view>{} : split_lines(text);
  return !lines.empty() &&
         std::all_of(lines.begin(), lines.end(), [](std::string_view l) { return looks_like_prose(l); });
}

}  // namespace

ClaimComparison judge_unmatched_claim(std::string_view claim_text, const std::vector<ClaimToken>& claim_tokens,
                                      std::string_view actual_text, const std::vector<ClaimToken>& actual_tokens,
                                      bool looks_like_prose) {
  const bool printed_something = !actual_text.empty();
  if (looks_like_value(claim_text, claim_tokens, printed_something))
    return {ClaimVerdict::kMismatch, printed_something ? "" : "nothing was printed"};
  const bool prose = looks_like_prose || every_line_reads_as_prose(claim_text) || !printed_something ||
                     words_about_bare_values(claim_tokens, actual_tokens);
  if (prose && !claim_text.empty() && shared_words(claim_tokens, actual_tokens) < 0.5)
    return {ClaimVerdict::kProse, printed_something ? "describes the output" : "describes the code"};
  return {ClaimVerdict::kMismatch, ""};
}

}  // namespace guidecheck
