#pragma once
// The lexical layer under claim_compare: a claimed or printed text as the
// tokens its rules compare (words, numbers, reprs, arrows, ellipses), and
// how a claimed number stands for a printed one, digit by digit.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

inline constexpr std::string_view kUnicodeArrow = "\xe2\x86\x92";     // →
inline constexpr std::string_view kUnicodeEllipsis = "\xe2\x80\xa6";  // …
inline constexpr std::string_view kAlmostEqual = "\xe2\x89\x88";      // ≈

/// `text` as a reader compares it: each line trimmed, runs of blanks
/// (space, tab, CR, FF, VT) collapsed to one space, empty lines dropped, no
/// trailing newline. "  a \t b\n\n c \n" is "a b\nc".
std::string collapse_line_blanks(std::string_view text);

enum class ClaimTokenKind {
  kWord,       // letters, digits, '_' and non-ASCII bytes: `Alice`, `x1f`, `café`
  kNumber,     // see tokenize_claim_text
  kSpace,      // one ' '
  kNewline,    // one '\n'
  kPunct,      // any other single byte: `[`, `,`, `'`
  kEllipsis,   // `...` or `…`
  kArrow,      // `->` or `→`
  kClassRepr,  // `<class 'pkg.Name'>`
  kLineQuote,  // only from mark_line_quotes
};

/// One token; `text` views the tokenized string, which must outlive it.
struct ClaimToken {
  ClaimTokenKind kind = ClaimTokenKind::kPunct;
  std::string_view text;  // for kClassRepr: the dotted class name
  bool approx = false;    // a claimed `~56` or `≈56`; text is then `56`
};

/// Which side of a comparison a text is; only a claim has `~56`.
enum class TextSide { kClaim, kOutput };

/// Splits `text` (normally collapse_line_blanks's result) into tokens that
/// cover it byte for byte, except that a claim's `~`/`≈` marker is folded
/// into its number and a class repr keeps only the name.
///
/// A number is digits with an optional fraction and exponent: `42`, `3.14`,
/// `1e-05`, `2.5E+3`, and numpy's `1.` and `1.e-05` (a point followed by a
/// blank, a closing bracket, `,;:`, the end or an exponent). A leading `-`
/// or `+` belongs to it only where a value starts (at the start or after a
/// blank or one of `([{,=:`): `[-1` and `x = -2` are numbers, `5-3` is
/// `5`, `-`, `3`. There are no hex literals: `0x1f` is `0` then the word
/// `x1f`. For kClaim, `~56` and `≈56` at a value start are one approximate
/// number. Never throws.
std::vector<ClaimToken> tokenize_claim_text(std::string_view text, TextSide side);

/// True for a kPunct `"` or `'`.
bool is_quote(const ClaimToken& token);

/// Marks the quotes of every line wholly in matching quotes (`"Hello"`,
/// `'a b'`, at least one token inside, that quote not repeated inside) as
/// kLineQuote, so they may stand for nothing when print shows the bare
/// string. Other tokens are untouched.
void mark_line_quotes(std::vector<ClaimToken>& tokens);

/// A decimal number split into its parts; views the parsed text.
struct Decimal {
  bool negative = false;
  std::string_view integer;   // the digits before the point, never empty
  bool point = false;         // a float: has a point or an exponent
  std::string_view fraction;  // the digits after the point, maybe empty
  long exponent = 0;
};

/// `text` (a whole kNumber token, sign included) as a Decimal, or nullopt
/// when it is not exactly one: `-3.14`, `1.`, `1e-05` (point, exponent -5),
/// `+2` parse; `.5`, `1.2.3`, `1e`, `0x1f` do not.
std::optional<Decimal> parse_decimal(std::string_view text);

/// How a claimed number stands for a printed one.
enum class NumberAgreement {
  kDiffer,
  kSame,           // the same text
  kTrailingZeros,  // floats, the same digits once trailing zeros go: 1.50 for 1.5, 1. for 1.0
  kFewerDigits,    // fewer decimals (one at least), the printed one truncated
                   // or rounded half up: 3.14 for 3.14159, 0.6667 for 0.66666
  kApproximately,  // an approx claim within 10 % of it: ~56 for 52
};

/// Compares kNumber tokens `claimed` and `printed`. A claim without a point
/// or exponent claims an integer and must be printed as is (3 is not 3.0);
/// signs and exponents must agree (0.00001 is not 1e-05); rounding away
/// every decimal (`3.` for 3.14) differs. An approx claim is compared by
/// value only and is never kSame.
NumberAgreement compare_numbers(const ClaimToken& claimed, const ClaimToken& printed);

}  // namespace guidecheck
