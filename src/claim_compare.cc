#include "claim_compare.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claims.h"

namespace guidecheck {
namespace {

// Beyond these sizes only the whitespace-collapsed comparison runs: rules
// exist for what a guide shows in a comment, not for megabytes of output.
constexpr std::size_t kMaxClaimBytes = 64 * 1024;
constexpr std::size_t kMaxActualBytes = 1024 * 1024;
// Token comparisons one claim may spend (ellipsis and excerpt searches).
constexpr std::size_t kMaxSteps = 4'000'000;
constexpr int kMaxNesting = 32;

// Rule bits, in the order their names are reported.
enum Rule : unsigned {
  kArrows = 1u << 0,
  kExcerpt = 1u << 1,
  kQuotes = 1u << 2,
  kNumpyArray = 1u << 3,
  kFewerDigits = 1u << 4,
  kApproximately = 1u << 5,
  kEllipsis = 1u << 6,
  kClassNames = 1u << 7,
};
constexpr std::array<std::string_view, 8> kRuleNames = {"arrows",       "excerpt",       "quotes",   "numpy-array",
                                                        "fewer-digits", "approximately", "ellipsis", "class-names"};

std::string rule_names(unsigned rules) {
  std::string out;
  for (std::size_t k = 0; k < kRuleNames.size(); ++k) {
    if ((rules & (1u << k)) == 0) continue;
    if (!out.empty()) out += '+';
    out += kRuleNames[k];
  }
  return out;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }

constexpr std::string_view kUnicodeArrow = "\xe2\x86\x92";     // →
constexpr std::string_view kUnicodeEllipsis = "\xe2\x80\xa6";  // …
constexpr std::string_view kAlmostEqual = "\xe2\x89\x88";      // ≈

bool at(std::string_view s, std::size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

// Each line trimmed with blank runs collapsed to one space; empty lines dropped.
std::string normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t line_start = 0;
  bool pending_space = false;
  for (char c : text) {
    if (c == '\n') {
      pending_space = false;
      if (out.size() > line_start) {
        out += '\n';
        line_start = out.size();
      }
    } else if (is_blank(c)) {
      pending_space = out.size() > line_start;
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  if (text.empty()) return lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

enum class Tok { kWord, kNumber, kSpace, kNewline, kPunct, kEllipsis, kArrow, kClassRepr, kLineQuote };

struct Token {
  Tok kind = Tok::kPunct;
  std::string_view text;  // for kClassRepr: the dotted class name
  bool approx = false;    // a claimed `~56`
};

bool is_word_byte(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (is_alpha(c) || is_digit(c) || c == '_') return true;
  return is_high(c) && !at(s, i, kUnicodeArrow) && !at(s, i, kUnicodeEllipsis) && !at(s, i, kAlmostEqual);
}

// Length of the number starting at s[i] (an optional sign, digits, a
// fraction, an exponent), or 0.
std::size_t number_length(std::string_view s, std::size_t i) {
  std::size_t k = i;
  if (k < s.size() && (s[k] == '-' || s[k] == '+')) ++k;
  const std::size_t digits_start = k;
  while (k < s.size() && is_digit(s[k])) ++k;
  if (k == digits_start) return 0;
  if (k < s.size() && s[k] == '.') {
    if (k + 1 < s.size() && is_digit(s[k + 1])) {
      ++k;
      while (k < s.size() && is_digit(s[k])) ++k;
    } else if (k + 1 == s.size() || std::string_view(" \n]),;:").find(s[k + 1]) != std::string_view::npos ||
               ((s[k + 1] == 'e' || s[k + 1] == 'E') && k + 2 < s.size() &&
                (is_digit(s[k + 2]) || s[k + 2] == '-' || s[k + 2] == '+'))) {
      ++k;  // numpy's `1.` and `1.e-05`
    }
  }
  if (k + 1 < s.size() && (s[k] == 'e' || s[k] == 'E')) {
    std::size_t e = k + 1;
    if (e < s.size() && (s[e] == '-' || s[e] == '+')) ++e;
    const std::size_t exp_digits = e;
    while (e < s.size() && is_digit(s[e])) ++e;
    if (e > exp_digits) k = e;
  }
  return k - i;
}

// A sign belongs to a number only where a value starts: `[-1`, `x = -2`, not `5-3`.
bool sign_can_start(std::string_view s, std::size_t i) {
  return i == 0 || std::string_view(" \n([{,=:").find(s[i - 1]) != std::string_view::npos;
}

std::vector<Token> tokenize(std::string_view s, bool claim) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      out.push_back({Tok::kNewline, s.substr(i, 1)});
      ++i;
      continue;
    }
    if (c == ' ') {
      out.push_back({Tok::kSpace, s.substr(i, 1)});
      ++i;
      continue;
    }
    if (claim && sign_can_start(s, i) && (c == '~' || at(s, i, kAlmostEqual))) {
      const std::size_t marker = c == '~' ? 1 : kAlmostEqual.size();
      if (const std::size_t n = number_length(s, i + marker); n > 0) {
        out.push_back({Tok::kNumber, s.substr(i + marker, n), true});
        i += marker + n;
        continue;
      }
    }
    if (at(s, i, "...")) {
      out.push_back({Tok::kEllipsis, s.substr(i, 3)});
      i += 3;
      continue;
    }
    if (at(s, i, kUnicodeEllipsis)) {
      out.push_back({Tok::kEllipsis, s.substr(i, kUnicodeEllipsis.size())});
      i += kUnicodeEllipsis.size();
      continue;
    }
    if (at(s, i, "->") || at(s, i, kUnicodeArrow)) {
      const std::size_t n = c == '-' ? 2 : kUnicodeArrow.size();
      out.push_back({Tok::kArrow, s.substr(i, n)});
      i += n;
      continue;
    }
    if (at(s, i, "<class '")) {
      std::size_t k = i + 8;
      while (k < s.size() && k < i + 8 + 512 && (is_alpha(s[k]) || is_digit(s[k]) || s[k] == '_' || s[k] == '.')) ++k;
      if (k > i + 8 && at(s, k, "'>")) {
        out.push_back({Tok::kClassRepr, s.substr(i + 8, k - i - 8)});
        i = k + 2;
        continue;
      }
    }
    const bool starts_number = is_digit(c) || ((c == '-' || c == '+') && sign_can_start(s, i));
    if (starts_number) {
      if (const std::size_t n = number_length(s, i); n > 0) {
        out.push_back({Tok::kNumber, s.substr(i, n)});
        i += n;
        continue;
      }
    }
    if (is_word_byte(s, i)) {
      std::size_t k = i;
      while (k < s.size() && is_word_byte(s, k)) ++k;
      out.push_back({Tok::kWord, s.substr(i, k - i)});
      i = k;
      continue;
    }
    out.push_back({Tok::kPunct, s.substr(i, 1)});
    ++i;
  }
  return out;
}

bool is_quote(const Token& t) { return t.kind == Tok::kPunct && (t.text == "\"" || t.text == "'"); }

// A claimed line wholly in matching quotes (`"Hello"`) gets its quotes marked,
// so they may stand for nothing when print shows the bare string.
void mark_line_quotes(std::vector<Token>& tokens) {
  std::size_t begin = 0;
  while (begin < tokens.size()) {
    std::size_t end = begin;
    while (end < tokens.size() && tokens[end].kind != Tok::kNewline) ++end;
    if (end - begin >= 3 && is_quote(tokens[begin]) && tokens[end - 1].kind == Tok::kPunct &&
        tokens[end - 1].text == tokens[begin].text) {
      const bool inner_quote = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin) + 1,
                                           tokens.begin() + static_cast<std::ptrdiff_t>(end) - 1, [&](const Token& t) {
                                             return t.kind == Tok::kPunct && t.text == tokens[begin].text;
                                           });
      if (!inner_quote) {
        tokens[begin].kind = Tok::kLineQuote;
        tokens[end - 1].kind = Tok::kLineQuote;
      }
    }
    begin = end + 1;
  }
}

// A printed or claimed decimal number, split into its parts.
struct Decimal {
  bool negative = false;
  std::string_view integer;
  bool point = false;
  std::string_view fraction;
  long exponent = 0;
};

std::optional<Decimal> parse_decimal(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  const std::size_t int_start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  d.integer = text.substr(int_start, i - int_start);
  if (d.integer.empty()) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    d.point = true;
    const std::size_t frac_start = ++i;
    while (i < text.size() && is_digit(text[i])) ++i;
    d.fraction = text.substr(frac_start, i - frac_start);
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    d.point = true;  // 1e-05 is a float
    ++i;
    if (i < text.size() && text[i] == '+') ++i;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), d.exponent);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return d;
  }
  if (i != text.size()) return std::nullopt;
  return d;
}

std::string_view strip_trailing_zeros(std::string_view digits) {
  while (!digits.empty() && digits.back() == '0') digits.remove_suffix(1);
  return digits;
}

std::string_view strip_leading_zeros(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

std::optional<double> to_double(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Whether claimed number `c` stands for printed number `a`; adds the rule used.
// Inside a numpy array, trailing zeros are numpy's formatting (`1.` for 1.0)
// rather than a rule of their own.
bool numbers_agree(const Token& c, const Token& a, bool in_array, unsigned* rules) {
  if (c.approx) {
    const std::optional<double> claimed = to_double(c.text);
    const std::optional<double> printed = to_double(a.text);
    if (!claimed || !printed || !std::isfinite(*claimed) || !std::isfinite(*printed)) return false;
    if (std::fabs(*claimed - *printed) > 0.1 * std::fabs(*claimed) * (1 + 1e-12)) return false;
    *rules |= kApproximately;
    return true;
  }
  if (c.text == a.text) return true;
  const std::optional<Decimal> cd = parse_decimal(c.text);
  const std::optional<Decimal> ad = parse_decimal(a.text);
  // A number written without a point claims an integer: it must be printed as is.
  if (!cd || !ad || !cd->point || !ad->point) return false;
  if (cd->negative != ad->negative || cd->exponent != ad->exponent) return false;
  if (cd->integer == ad->integer && strip_trailing_zeros(cd->fraction) == strip_trailing_zeros(ad->fraction)) {
    if (!in_array) *rules |= kFewerDigits;
    return true;
  }
  // Rounding away every decimal (`3.` for 3.14159) claims too little to count.
  if (cd->fraction.empty() || cd->fraction.size() >= ad->fraction.size()) return false;
  if (cd->integer == ad->integer && ad->fraction.substr(0, cd->fraction.size()) == cd->fraction) {
    *rules |= kFewerDigits;  // truncated
    return true;
  }
  // Rounded half up on the printed digits, with the carry.
  std::string rounded = std::string(ad->integer) + std::string(ad->fraction.substr(0, cd->fraction.size()));
  if (ad->fraction[cd->fraction.size()] >= '5') {
    std::size_t k = rounded.size();
    while (k > 0 && rounded[k - 1] == '9') rounded[--k] = '0';
    if (k == 0)
      rounded.insert(rounded.begin(), '1');
    else
      ++rounded[k - 1];
  }
  const std::string claimed = std::string(cd->integer) + std::string(cd->fraction);
  if (strip_leading_zeros(rounded) != strip_leading_zeros(claimed)) return false;
  *rules |= kFewerDigits;
  return true;
}

bool class_name_matches(std::string_view claimed, std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return claimed == dotted || (dot != std::string_view::npos && claimed == dotted.substr(dot + 1));
}

// An element tree of a bracketed list: a Python list (commas) or a numpy
// array (blanks).
struct Node {
  bool is_list = false;
  std::size_t begin = 0, end = 0;  // token range of a scalar
  std::vector<Node> kids;
};

class ArrayParser {
 public:
  /// `steps` is the caller's work counter: each element costs one step, and
  /// parsing fails once it passes kMaxSteps.
  ArrayParser(const std::vector<Token>& tokens, std::size_t end, bool commas, std::size_t* steps)
      : tokens_(tokens), end_(end), commas_(commas), steps_(steps) {}

  // Parses the list opening at `i`; returns it and the index after its `]`.
  std::optional<std::pair<Node, std::size_t>> list(std::size_t i, int depth) {
    if (depth > kMaxNesting || !is_punct(i, "[")) return std::nullopt;
    Node node;
    node.is_list = true;
    i = skip_blanks(i + 1);
    if (is_punct(i, "]")) return std::make_pair(std::move(node), i + 1);
    while (true) {
      std::optional<std::pair<Node, std::size_t>> kid = element(i, depth);
      if (!kid) return std::nullopt;
      node.kids.push_back(std::move(kid->first));
      i = kid->second;
      const std::size_t after = skip_blanks(i);
      if (is_punct(after, "]")) return std::make_pair(std::move(node), after + 1);
      if (commas_) {
        if (!is_punct(after, ",")) return std::nullopt;
        i = skip_blanks(after + 1);
      } else {
        if (after == i) return std::nullopt;  // numpy separates elements by blanks
        i = after;
      }
    }
  }

 private:
  std::optional<std::pair<Node, std::size_t>> element(std::size_t i, int depth) {
    if (i >= end_ || ++*steps_ > kMaxSteps) return std::nullopt;
    if (is_punct(i, "[")) return list(i, depth + 1);
    const Token& t = tokens_[i];
    Node scalar;
    scalar.begin = i;
    if (t.kind == Tok::kNumber || t.kind == Tok::kWord || t.kind == Tok::kEllipsis) {
      scalar.end = i + 1;
      return std::make_pair(scalar, i + 1);
    }
    if (is_quote(t)) {  // 'a' in ['a' 'b']
      for (std::size_t k = i + 1; k < end_ && tokens_[k].kind != Tok::kNewline; ++k) {
        if (tokens_[k].kind == Tok::kPunct && tokens_[k].text == t.text) {
          scalar.end = k + 1;
          return std::make_pair(scalar, k + 1);
        }
      }
    }
    return std::nullopt;
  }

  bool is_punct(std::size_t i, std::string_view p) const {
    return i < end_ && tokens_[i].kind == Tok::kPunct && tokens_[i].text == p;
  }
  std::size_t skip_blanks(std::size_t i) const {
    while (i < end_ && (tokens_[i].kind == Tok::kSpace || tokens_[i].kind == Tok::kNewline)) ++i;
    return i;
  }

  const std::vector<Token>& tokens_;
  std::size_t end_;
  bool commas_;
  std::size_t* steps_;
};

bool has_comma(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
  return std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                     tokens.begin() + static_cast<std::ptrdiff_t>(end),
                     [](const Token& t) { return t.kind == Tok::kPunct && t.text == ","; });
}

class Matcher {
 public:
  Matcher(const std::vector<Token>& claim, const std::vector<Token>& actual) : claim_(claim), actual_(actual) {
    std::size_t start = 0;
    for (std::size_t k = 0; k < claim_.size(); ++k) {
      if (claim_[k].kind != Tok::kEllipsis) continue;
      pieces_.emplace_back(start, k);
      start = k + 1;
    }
    pieces_.emplace_back(start, claim_.size());
    // `...` alone claims nothing.
    substance_ = std::any_of(claim_.begin(), claim_.end(), [](const Token& t) {
      return t.kind == Tok::kWord || t.kind == Tok::kNumber || t.kind == Tok::kClassRepr;
    });
  }

  /// Whether the whole claim stands for all of actual[ab, ae), with `...`
  /// standing for any tokens. Adds the rules used to *rules on success.
  bool match(std::size_t ab, std::size_t ae, unsigned* rules) {
    unsigned used = 0;
    if (pieces_.size() == 1) {
      const std::optional<std::size_t> end = piece(0, claim_.size(), ab, ae, &used);
      if (!end || *end != ae) return false;
      *rules |= used;
      return true;
    }
    if (!substance_) return false;
    std::optional<std::size_t> pos = piece(pieces_.front().first, pieces_.front().second, ab, ae, &used);
    if (!pos) return false;
    // Earliest placement of each middle piece leaves the most room for the rest.
    for (std::size_t p = 1; p + 1 < pieces_.size(); ++p) {
      std::optional<std::size_t> found;
      for (std::size_t s = *pos; s <= ae && !found && !exhausted(); ++s)
        found = piece(pieces_[p].first, pieces_[p].second, s, ae, &used);
      if (!found) return false;
      pos = found;
    }
    const auto [lb, le] = pieces_.back();
    if (lb < le) {
      bool found = false;
      for (std::size_t s = *pos; s <= ae && !found && !exhausted(); ++s) {
        unsigned last_used = 0;
        const std::optional<std::size_t> end = piece(lb, le, s, ae, &last_used);
        if (end && *end == ae) {
          found = true;
          used |= last_used;
        }
      }
      if (!found) return false;
    }
    *rules |= used | kEllipsis;
    return true;
  }

  /// True once the step budget is spent: every later match fails.
  bool exhausted() const { return steps_ > kMaxSteps; }

 private:
  // Matches claim[cb, ce) (no ellipsis inside) from actual[ab]; returns the
  // end of what it consumed.
  std::optional<std::size_t> piece(std::size_t cb, std::size_t ce, std::size_t ab, std::size_t ae, unsigned* rules) {
    unsigned used = 0;
    std::size_t ci = cb;
    std::size_t aj = ab;
    while (ci < ce) {
      if (++steps_ > kMaxSteps) return std::nullopt;
      const Token& c = claim_[ci];
      if (c.kind == Tok::kLineQuote) {
        if (aj < ae && actual_[aj].kind == Tok::kPunct && actual_[aj].text == c.text)
          ++aj;
        else
          used |= kQuotes;
        ++ci;
        continue;
      }
      if (aj >= ae) return std::nullopt;
      const Token& a = actual_[aj];
      if (c.kind == Tok::kPunct && c.text == "[" && a.kind == Tok::kPunct && a.text == "[") {
        if (const auto ends = numpy_array(ci, ce, aj, ae, &used)) {
          std::tie(ci, aj) = *ends;
          continue;
        }
      }
      if (c.kind == Tok::kNumber && a.kind == Tok::kNumber) {
        if (!numbers_agree(c, a, false, &used)) return std::nullopt;
        ++ci;
        ++aj;
        // `~56 bytes` for a line that prints 56: the unit is the claim's.
        if (c.approx && (aj == ae || actual_[aj].kind == Tok::kNewline)) {
          while (ci < ce && (claim_[ci].kind == Tok::kSpace || claim_[ci].kind == Tok::kWord ||
                             (claim_[ci].kind == Tok::kPunct && (claim_[ci].text == "%" || claim_[ci].text == "/"))))
            ++ci;
        }
        continue;
      }
      if (c.kind == Tok::kWord && a.kind == Tok::kClassRepr && class_name_matches(c.text, a.text)) {
        used |= kClassNames;
      } else if (c.kind != a.kind || c.text != a.text || c.approx) {
        return std::nullopt;
      }
      ++ci;
      ++aj;
    }
    *rules |= used;
    return aj;
  }

  // A claimed Python list at claim[ci] for a printed numpy array at actual[aj].
  std::optional<std::pair<std::size_t, std::size_t>> numpy_array(std::size_t ci, std::size_t ce, std::size_t aj,
                                                                 std::size_t ae, unsigned* rules) {
    auto claimed = ArrayParser(claim_, ce, true, &steps_).list(ci, 0);
    if (!claimed || !has_comma(claim_, ci, claimed->second)) return std::nullopt;
    auto printed = ArrayParser(actual_, ae, false, &steps_).list(aj, 0);
    if (!printed || has_comma(actual_, aj, printed->second)) return std::nullopt;
    unsigned used = kNumpyArray;
    if (!same_elements(claimed->first, printed->first, &used)) return std::nullopt;
    *rules |= used;
    return std::make_pair(claimed->second, printed->second);
  }

  bool same_elements(const Node& c, const Node& a, unsigned* rules) {
    if (++steps_ > kMaxSteps) return false;
    if (c.is_list != a.is_list) return false;
    if (c.is_list) {
      if (c.kids.size() != a.kids.size()) return false;
      for (std::size_t k = 0; k < c.kids.size(); ++k)
        if (!same_elements(c.kids[k], a.kids[k], rules)) return false;
      return true;
    }
    if (c.end - c.begin == 1 && a.end - a.begin == 1 && claim_[c.begin].kind == Tok::kNumber &&
        actual_[a.begin].kind == Tok::kNumber)
      return numbers_agree(claim_[c.begin], actual_[a.begin], true, rules);
    if (c.end - c.begin != a.end - a.begin) return false;
    for (std::size_t k = 0; k < c.end - c.begin; ++k) {
      const Token& x = claim_[c.begin + k];
      const Token& y = actual_[a.begin + k];
      if (x.kind != y.kind || x.text != y.text || x.approx) return false;
    }
    return true;
  }

  const std::vector<Token>& claim_;
  const std::vector<Token>& actual_;
  std::vector<std::pair<std::size_t, std::size_t>> pieces_;  // claim ranges between ellipses
  bool substance_ = false;
  std::size_t steps_ = 0;
};

// The claim with each arrow (and the blanks around it) made a line break.
std::vector<Token> arrows_as_lines(const std::vector<Token>& claim) {
  std::vector<Token> out;
  for (std::size_t k = 0; k < claim.size(); ++k) {
    if (claim[k].kind == Tok::kArrow) {
      while (!out.empty() && out.back().kind == Tok::kSpace) out.pop_back();
      out.push_back({Tok::kNewline, "\n"});
      while (k + 1 < claim.size() && claim[k + 1].kind == Tok::kSpace) ++k;
      continue;
    }
    out.push_back(claim[k]);
  }
  return out;
}

std::size_t count_lines(const std::vector<Token>& tokens) {
  if (tokens.empty()) return 0;
  return 1 + static_cast<std::size_t>(
                 std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Tok::kNewline; }));
}

// A line of a table's body rather than a header: two fields or more, one with a digit.
bool is_data_line(std::string_view line) {
  return line.find(' ') != std::string_view::npos && std::any_of(line.begin(), line.end(), is_digit);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// At most one substitution, insertion or deletion apart.
bool one_edit_apart(std::string_view x, std::string_view y) {
  if (x.size() > y.size()) std::swap(x, y);
  if (y.size() - x.size() > 1) return false;
  std::size_t i = 0;
  while (i < x.size() && x[i] == y[i]) ++i;
  if (x.size() == y.size()) return x.substr(i + 1) == y.substr(i + 1);
  return x.substr(i) == y.substr(i + 1);
}

// Share of the claim's words (two characters or more, when it has such) that
// the output also contains, allowing one typo in words of four or more.
double shared_words(const std::vector<Token>& claim, const std::vector<Token>& actual) {
  std::vector<std::string> words;
  std::vector<std::string> short_words;
  for (const Token& t : claim) {
    if (t.kind != Tok::kWord && t.kind != Tok::kNumber) continue;
    (t.text.size() >= 2 ? words : short_words).push_back(lower(t.text));
  }
  if (words.empty()) words = std::move(short_words);
  if (words.empty()) return 0;
  std::unordered_set<std::string> printed;
  for (const Token& t : actual)
    if (t.kind == Tok::kWord || t.kind == Tok::kNumber || t.kind == Tok::kClassRepr) printed.insert(lower(t.text));
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

// What a comment shows rather than says: brackets, quotes, numbers, reprs.
bool looks_like_value(std::string_view text, const std::vector<Token>& tokens, bool printed_something) {
  if (text.empty()) return false;
  const char first = text.front();
  if (std::string_view("[{(<'\"").find(first) != std::string_view::npos || is_digit(first)) return true;
  if ((first == '-' || first == '+' || first == '~') && text.size() > 1 && is_digit(text[1])) return true;
  if (at(text, 0, kAlmostEqual)) return true;
  if (text.find_first_of("=[{<") != std::string_view::npos) return true;
  bool only_values = true;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
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

bool every_line_reads_as_prose(const std::vector<std::string_view>& lines) {
  return !lines.empty() &&
         std::all_of(lines.begin(), lines.end(), [](std::string_view l) { return looks_like_prose(l); });
}

}  // namespace

ClaimComparison compare_claim(std::string_view claimed, std::string_view actual, bool looks_like_prose) {
  const std::string claim_text = normalize(claimed);
  const std::string actual_text = normalize(actual);
  if (claim_text == actual_text) return {ClaimVerdict::kMatch, ""};
  if (claimed.size() > kMaxClaimBytes || actual.size() > kMaxActualBytes)
    return {ClaimVerdict::kMismatch, "too long to compare by rule"};

  const std::vector<Token> actual_tokens = tokenize(actual_text, false);
  const std::vector<Token> claim_tokens = tokenize(claim_text, true);
  std::vector<Token> quoted_claim = claim_tokens;
  mark_line_quotes(quoted_claim);
  Matcher matcher(quoted_claim, actual_tokens);

  unsigned rules = 0;
  if (!claim_text.empty() && matcher.match(0, actual_tokens.size(), &rules))
    return {rules == 0 ? ClaimVerdict::kMatch : ClaimVerdict::kEquivalent, rule_names(rules)};

  const std::size_t actual_lines = count_lines(actual_tokens);
  const bool has_arrow =
      std::any_of(claim_tokens.begin(), claim_tokens.end(), [](const Token& t) { return t.kind == Tok::kArrow; });
  if (has_arrow && actual_lines >= 2) {
    std::vector<Token> parts = arrows_as_lines(claim_tokens);
    if (count_lines(parts) == actual_lines) {
      mark_line_quotes(parts);
      Matcher part_matcher(parts, actual_tokens);
      rules = kArrows;
      if (part_matcher.match(0, actual_tokens.size(), &rules)) return {ClaimVerdict::kEquivalent, rule_names(rules)};
    }
  }

  const std::vector<std::string_view> claim_lines = split_lines(claim_text);
  if (claim_lines.size() >= 2 && actual_lines > claim_lines.size() &&
      std::any_of(claim_lines.begin(), claim_lines.end(), is_data_line)) {
    // Token ranges of the printed lines.
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t begin = 0;
    for (std::size_t k = 0; k <= actual_tokens.size(); ++k) {
      if (k == actual_tokens.size() || actual_tokens[k].kind == Tok::kNewline) {
        lines.emplace_back(begin, k);
        begin = k + 1;
      }
    }
    const std::size_t n = claim_lines.size();
    for (std::size_t s = 0; s + n <= lines.size() && !matcher.exhausted(); ++s) {
      rules = kExcerpt;
      if (matcher.match(lines[s].first, lines[s + n - 1].second, &rules))
        return {ClaimVerdict::kEquivalent, rule_names(rules)};
    }
  }

  const bool printed_something = !actual_text.empty();
  if (looks_like_value(claim_text, claim_tokens, printed_something))
    return {ClaimVerdict::kMismatch, printed_something ? "" : "nothing was printed"};
  const bool prose = looks_like_prose || every_line_reads_as_prose(claim_lines) || !printed_something;
  if (prose && !claim_text.empty() && shared_words(claim_tokens, actual_tokens) < 0.5)
    return {ClaimVerdict::kProse, printed_something ? "describes the output" : "describes the code"};
  return {ClaimVerdict::kMismatch, ""};
}

}  // namespace guidecheck
