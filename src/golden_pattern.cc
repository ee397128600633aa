#include "golden_pattern.h"

#include <cctype>
#include <vector>

namespace guidecheck {
namespace {

enum class Kind { kNumber, kWord, kOther, kNumberSlot, kWordSlot };

struct Token {
  Kind kind;
  std::string_view text;
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// Splits into numbers (1, -2.5, 1e-3, 0x7fa3), words, placeholders and
// single other characters.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    if (s.substr(i, kNumberPlaceholder.size()) == kNumberPlaceholder) {
      tokens.push_back({Kind::kNumberSlot, s.substr(i, kNumberPlaceholder.size())});
      i += kNumberPlaceholder.size();
      continue;
    }
    if (s.substr(i, kWordPlaceholder.size()) == kWordPlaceholder) {
      tokens.push_back({Kind::kWordSlot, s.substr(i, kWordPlaceholder.size())});
      i += kWordPlaceholder.size();
      continue;
    }
    size_t start = i;
    bool prev_word = i > 0 && is_word_char(s[i - 1]);
    if (is_digit(s[i]) || (s[i] == '-' && i + 1 < s.size() && is_digit(s[i + 1]) && !prev_word)) {
      if (s[i] == '-') ++i;
      if (s[i] == '0' && i + 1 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
      } else {
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
          ++i;
          while (i < s.size() && is_digit(s[i])) ++i;
        }
        if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E') &&
            (is_digit(s[i + 1]) || ((s[i + 1] == '-' || s[i + 1] == '+') && i + 2 < s.size() && is_digit(s[i + 2])))) {
          i += 2;
          while (i < s.size() && is_digit(s[i])) ++i;
        }
      }
      tokens.push_back({Kind::kNumber, s.substr(start, i - start)});
    } else if (is_word_char(s[i])) {
      while (i < s.size() && is_word_char(s[i])) ++i;
      tokens.push_back({Kind::kWord, s.substr(start, i - start)});
    } else {
      ++i;
      tokens.push_back({Kind::kOther, s.substr(start, 1)});
    }
  }
  return tokens;
}

bool is_duration_unit(std::string_view unit) {
  static const char* const kUnits[] = {"s", "ms", "us", "ns", "sec", "secs", "second", "seconds", "msec"};
  for (const char* u : kUnits)
    if (unit == u) return true;
  return false;
}

// A number directly followed by a time unit ("0.2314s", "12 ms", "3 seconds").
bool is_duration(const std::vector<Token>& tokens, size_t i) {
  if (tokens[i].kind != Kind::kNumber) return false;
  size_t j = i + 1;
  if (j < tokens.size() && tokens[j].kind == Kind::kOther && tokens[j].text == " ") ++j;
  // The number and the unit may be one word token: "0.01s" splits as 0.01 + s.
  return j < tokens.size() && tokens[j].kind == Kind::kWord && is_duration_unit(tokens[j].text);
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

bool token_matches(const Token& pattern, const Token& actual) {
  switch (pattern.kind) {
    case Kind::kNumberSlot: return actual.kind == Kind::kNumber;
    case Kind::kWordSlot: return actual.kind == Kind::kWord || actual.kind == Kind::kNumber;
    default: return pattern.kind == actual.kind && pattern.text == actual.text;
  }
}

}  // namespace

std::optional<std::string> stable_pattern(std::string_view first, std::string_view second, int* first_line) {
  std::vector<std::string_view> a = split_lines(first), b = split_lines(second);
  if (a.size() != b.size()) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    *first_line = static_cast<int>(n) + 1;
    return std::nullopt;
  }
  std::string pattern;
  for (size_t line = 0; line < a.size(); ++line) {
    std::vector<Token> ta = tokenize(a[line]), tb = tokenize(b[line]);
    if (ta.size() != tb.size()) {
      *first_line = static_cast<int>(line) + 1;
      return std::nullopt;
    }
    for (size_t i = 0; i < ta.size(); ++i) {
      const Token &x = ta[i], &y = tb[i];
      bool number_like = (x.kind == Kind::kNumber || x.kind == Kind::kNumberSlot) &&
                         (y.kind == Kind::kNumber || y.kind == Kind::kNumberSlot);
      if (number_like && (x.text != y.text || is_duration(ta, i) || x.kind == Kind::kNumberSlot)) {
        pattern += kNumberPlaceholder;
      } else if (x.kind == y.kind && x.text == y.text) {
        pattern += x.text;
      } else if ((x.kind == Kind::kWord || x.kind == Kind::kNumber || x.kind == Kind::kWordSlot) &&
                 (y.kind == Kind::kWord || y.kind == Kind::kNumber || y.kind == Kind::kWordSlot)) {
        pattern += kWordPlaceholder;
      } else {
        *first_line = static_cast<int>(line) + 1;
        return std::nullopt;
      }
    }
  }
  return pattern;
}

bool matches_pattern(std::string_view pattern, std::string_view output) {
  if (pattern == output) return true;
  if (!has_placeholders(pattern)) return false;
  std::vector<Token> p = tokenize(pattern), o = tokenize(output);
  if (p.size() != o.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (!token_matches(p[i], o[i])) return false;
  return true;
}

bool has_placeholders(std::string_view pattern) {
  return pattern.find(kNumberPlaceholder) != std::string_view::npos ||
         pattern.find(kWordPlaceholder) != std::string_view::npos;
}

}  // namespace guidecheck
