#include "claim_tokens.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace guidecheck {
namespace {

using Tok = ClaimTokenKind;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool at(std::string_view s, std::size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

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

}  // namespace

std::string collapse_line_blanks(std::string_view text) {
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

std::vector<ClaimToken> tokenize_claim_text(std::string_view s, TextSide side) {
  const bool claim = side == TextSide::kClaim;
  std::vector<ClaimToken> out;
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

bool is_quote(const ClaimToken& t) { return t.kind == Tok::kPunct && (t.text == "\"" || t.text == "'"); }

void mark_line_quotes(std::vector<ClaimToken>& tokens) {
  std::size_t begin = 0;
  while (begin < tokens.size()) {
    std::size_t end = begin;
    while (end < tokens.size() && tokens[end].kind != Tok::kNewline) ++end;
    if (end - begin >= 3 && is_quote(tokens[begin]) && tokens[end - 1].kind == Tok::kPunct &&
        tokens[end - 1].text == tokens[begin].text) {
      const bool inner_quote =
          std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin) + 1,
                      tokens.begin() + static_cast<std::ptrdiff_t>(end) - 1,
                      [&](const ClaimToken& t) { return t.kind == Tok::kPunct && t.text == tokens[begin].text; });
      if (!inner_quote) {
        tokens[begin].kind = Tok::kLineQuote;
        tokens[end - 1].kind = Tok::kLineQuote;
      }
    }
    begin = end + 1;
  }
}

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

NumberAgreement compare_numbers(const ClaimToken& c, const ClaimToken& a) {
  if (c.approx) {
    const std::optional<double> claimed = to_double(c.text);
    const std::optional<double> printed = to_double(a.text);
    if (!claimed || !printed || !std::isfinite(*claimed) || !std::isfinite(*printed)) return NumberAgreement::kDiffer;
    if (std::fabs(*claimed - *printed) > 0.1 * std::fabs(*claimed) * (1 + 1e-12)) return NumberAgreement::kDiffer;
    return NumberAgreement::kApproximately;
  }
  if (c.text == a.text) return NumberAgreement::kSame;
  const std::optional<Decimal> cd = parse_decimal(c.text);
  const std::optional<Decimal> ad = parse_decimal(a.text);
  // A number written without a point claims an integer: it must be printed as is.
  if (!cd || !ad || !cd->point || !ad->point) return NumberAgreement::kDiffer;
  if (cd->negative != ad->negative || cd->exponent != ad->exponent) return NumberAgreement::kDiffer;
  if (cd->integer == ad->integer && strip_trailing_zeros(cd->fraction) == strip_trailing_zeros(ad->fraction))
    return NumberAgreement::kTrailingZeros;
  // Rounding away every decimal (`3.` for 3.14159) claims too little to count.
  if (cd->fraction.empty() || cd->fraction.size() >= ad->fraction.size()) return NumberAgreement::kDiffer;
  if (cd->integer == ad->integer && ad->fraction.substr(0, cd->fraction.size()) == cd->fraction)
    return NumberAgreement::kFewerDigits;  // truncated
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
  if (strip_leading_zeros(rounded) != strip_leading_zeros(claimed)) return NumberAgreement::kDiffer;
  return NumberAgreement::kFewerDigits;
}

}  // namespace guidecheck
