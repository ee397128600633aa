#include "claim_tokens.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {
namespace {

// Indexed by ClaimTokenKind, in its order.
constexpr std::array<std::string_view, 9> kShownKind = {"W:", "N:", "_", "NL", "P:", "E:", "A:", "C:", "Q:"};

std::string show(const std::vector<ClaimToken>& tokens) {
  std::string out;
  for (const ClaimToken& t : tokens) {
    if (!out.empty()) out += ' ';
    if (t.approx) out += '~';
    out += kShownKind[static_cast<std::size_t>(t.kind)];
    if (t.kind != ClaimTokenKind::kSpace && t.kind != ClaimTokenKind::kNewline) out += t.text;
  }
  return out;
}

// "N:-1 P:, _ ~N:2": kind and text of each token, `~` for approx, spaces as `_`, newlines as NL.
std::string tokens(std::string_view text, TextSide side = TextSide::kOutput) {
  return show(tokenize_claim_text(text, side));
}

std::string quotes_marked(std::string_view text) {
  std::vector<ClaimToken> t = tokenize_claim_text(text, TextSide::kClaim);
  mark_line_quotes(t);
  return show(t);
}

// --- collapse_line_blanks -----------------------------------------------------

TEST(ClaimTokensTest, CollapsesBlanksAndDropsEmptyLines) {
  EXPECT_EQ(collapse_line_blanks("  a \t b\n\n c \n"), "a b\nc");
  EXPECT_EQ(collapse_line_blanks("a\r\nb\f\v"), "a\nb");
  EXPECT_EQ(collapse_line_blanks("\n \n\t\n"), "");
  EXPECT_EQ(collapse_line_blanks(""), "");
}

// --- numbers -----------------------------------------------------------------

TEST(ClaimTokensTest, IntegersFractionsAndExponentsAreOneNumber) {
  EXPECT_EQ(tokens("42 3.14 1e-05 2.5E+3 7e3"), "N:42 _ N:3.14 _ N:1e-05 _ N:2.5E+3 _ N:7e3");
}

TEST(ClaimTokensTest, NumpyTrailingPointBelongsToTheNumber) {
  EXPECT_EQ(tokens("[1. 2.]"), "P:[ N:1. _ N:2. P:]");
  EXPECT_EQ(tokens("1.e-05"), "N:1.e-05");
  EXPECT_EQ(tokens("1.,2.;3.:4."), "N:1. P:, N:2. P:; N:3. P:: N:4.");
  // A sentence's full stop before a word is not a fraction.
  EXPECT_EQ(tokens("1.x"), "N:1 P:. W:x");
}

TEST(ClaimTokensTest, ExponentNeedsDigits) {
  EXPECT_EQ(tokens("2e"), "N:2 W:e");
  EXPECT_EQ(tokens("3e+ 4e-x"), "N:3 W:e P:+ _ N:4 W:e P:- W:x");
}

TEST(ClaimTokensTest, SignStartsANumberOnlyWhereAValueStarts) {
  EXPECT_EQ(tokens("[-1, +2]"), "P:[ N:-1 P:, _ N:+2 P:]");
  EXPECT_EQ(tokens("x = -2"), "W:x _ P:= _ N:-2");
  EXPECT_EQ(tokens("{'a':-3}"), "P:{ P:' W:a P:' P:: N:-3 P:}");
  EXPECT_EQ(tokens("-0.5"), "N:-0.5");
  EXPECT_EQ(tokens("5-3"), "N:5 P:- N:3");
  EXPECT_EQ(tokens("a-1"), "W:a P:- N:1");
  EXPECT_EQ(tokens("- x"), "P:- _ W:x");
}

TEST(ClaimTokensTest, HexIsAZeroThenAWord) {
  EXPECT_EQ(tokens("0x1f"), "N:0 W:x1f");
  EXPECT_EQ(tokens("0xFF"), "N:0 W:xFF");
}

TEST(ClaimTokensTest, DigitsInsideAWordStayInTheWord) { EXPECT_EQ(tokens("x1 item_2"), "W:x1 _ W:item_2"); }

TEST(ClaimTokensTest, ApproximateMarkerOnlyInAClaim) {
  EXPECT_EQ(tokens("~56 bytes", TextSide::kClaim), "~N:56 _ W:bytes");
  EXPECT_EQ(tokens("\xe2\x89\x88"
                   "0.5",
                   TextSide::kClaim),
            "~N:0.5");
  EXPECT_EQ(tokens("~-5", TextSide::kClaim), "~N:-5");
  EXPECT_EQ(tokens("~56 bytes", TextSide::kOutput), "P:~ N:56 _ W:bytes");
  // Not at a value start, or not before a number: plain punctuation.
  EXPECT_EQ(tokens("a~5", TextSide::kClaim), "W:a P:~ N:5");
  EXPECT_EQ(tokens("~x", TextSide::kClaim), "P:~ W:x");
}

// --- other tokens --------------------------------------------------------------

TEST(ClaimTokensTest, EllipsesAndArrows) {
  EXPECT_EQ(tokens("a -> b \xe2\x86\x92 c ... d\xe2\x80\xa6"),
            "W:a _ A:-> _ W:b _ A:\xe2\x86\x92 _ W:c _ E:... _ W:d E:\xe2\x80\xa6");
  EXPECT_EQ(tokens("x -> -1"), "W:x _ A:-> _ N:-1");
}

TEST(ClaimTokensTest, ClassReprKeepsTheDottedName) {
  EXPECT_EQ(tokens("(<class '__main__.DogCat'>, <class 'object'>)"), "P:( C:__main__.DogCat P:, _ C:object P:)");
  EXPECT_EQ(tokens("<class 'a b'>"), "P:< W:class _ P:' W:a _ W:b P:' P:>");
}

TEST(ClaimTokensTest, NonAsciiBytesAreWordBytes) {
  EXPECT_EQ(tokens("caf\xc3\xa9 \xe2\x82\xac"
                   "5"),
            "W:caf\xc3\xa9 _ W:\xe2\x82\xac"
            "5");
  EXPECT_EQ(tokens("a\nb"), "W:a NL W:b");
}

// --- quotes --------------------------------------------------------------------

TEST(ClaimTokensTest, LineInMatchingQuotesIsMarked) {
  EXPECT_EQ(quotes_marked("\"Hello\""), "Q:\" W:Hello Q:\"");
  EXPECT_EQ(quotes_marked("'a b'\n'c'"), "Q:' W:a _ W:b Q:' NL Q:' W:c Q:'");
  EXPECT_EQ(quotes_marked("x\n'3.5'"), "W:x NL Q:' N:3.5 Q:'");
}

TEST(ClaimTokensTest, QuotesThatDoNotWrapTheLineStay) {
  EXPECT_EQ(quotes_marked("'it's'"), "P:' W:it P:' W:s P:'");
  EXPECT_EQ(quotes_marked("'a' and 'b'"), "P:' W:a P:' _ W:and _ P:' W:b P:'");
  EXPECT_EQ(quotes_marked("\"a'"), "P:\" W:a P:'");
  EXPECT_EQ(quotes_marked("''"), "P:' P:'");
  EXPECT_EQ(quotes_marked("['a']"), "P:[ P:' W:a P:' P:]");
}

TEST(ClaimTokensTest, IsQuote) {
  EXPECT_TRUE(is_quote({ClaimTokenKind::kPunct, "'"}));
  EXPECT_TRUE(is_quote({ClaimTokenKind::kPunct, "\""}));
  EXPECT_FALSE(is_quote({ClaimTokenKind::kPunct, "`"}));
  EXPECT_FALSE(is_quote({ClaimTokenKind::kLineQuote, "'"}));
}

// --- decimals ------------------------------------------------------------------

TEST(ClaimTokensTest, ParsesDecimalParts) {
  const std::optional<Decimal> d = parse_decimal("-3.14");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->negative);
  EXPECT_EQ(d->integer, "3");
  EXPECT_TRUE(d->point);
  EXPECT_EQ(d->fraction, "14");
  EXPECT_EQ(d->exponent, 0);

  const std::optional<Decimal> numpy = parse_decimal("1.");
  ASSERT_TRUE(numpy);
  EXPECT_TRUE(numpy->point);
  EXPECT_EQ(numpy->fraction, "");

  const std::optional<Decimal> plus = parse_decimal("+2");
  ASSERT_TRUE(plus);
  EXPECT_FALSE(plus->negative);
  EXPECT_FALSE(plus->point);
  EXPECT_EQ(plus->integer, "2");
}

TEST(ClaimTokensTest, AnExponentMakesAFloat) {
  const std::optional<Decimal> small = parse_decimal("1e-05");
  ASSERT_TRUE(small);
  EXPECT_TRUE(small->point);
  EXPECT_EQ(small->integer, "1");
  EXPECT_EQ(small->exponent, -5);
  ASSERT_TRUE(parse_decimal("2.5E+3"));
  EXPECT_EQ(parse_decimal("2.5E+3")->exponent, 3);
  EXPECT_EQ(parse_decimal("2.5E+3")->fraction, "5");
}

TEST(ClaimTokensTest, RejectsWhatIsNotOneDecimal) {
  for (std::string_view text : {"", "-", ".5", "1.2.3", "1e", "1e+", "1e5x", "0x1f", "12a", "--1"})
    EXPECT_FALSE(parse_decimal(text)) << text;
}

// claimed (a claim's token) against printed (an output's token).
NumberAgreement agree(std::string_view claimed, std::string_view printed) {
  const std::vector<ClaimToken> c = tokenize_claim_text(claimed, TextSide::kClaim);
  const std::vector<ClaimToken> a = tokenize_claim_text(printed, TextSide::kOutput);
  EXPECT_EQ(c.size(), 1u) << claimed;
  EXPECT_EQ(a.size(), 1u) << printed;
  if (c.size() != 1 || a.size() != 1) return NumberAgreement::kDiffer;
  return compare_numbers(c[0], a[0]);
}

TEST(ClaimTokensTest, SameTextIsSame) {
  EXPECT_EQ(agree("3", "3"), NumberAgreement::kSame);
  EXPECT_EQ(agree("1e-05", "1e-05"), NumberAgreement::kSame);
  EXPECT_EQ(agree("-2.50", "-2.50"), NumberAgreement::kSame);
}

TEST(ClaimTokensTest, TrailingZerosOfAFloat) {
  EXPECT_EQ(agree("1.50", "1.5"), NumberAgreement::kTrailingZeros);
  EXPECT_EQ(agree("1.", "1.0"), NumberAgreement::kTrailingZeros);
  EXPECT_EQ(agree("1.0", "1."), NumberAgreement::kTrailingZeros);
  EXPECT_EQ(agree("2.50e-3", "2.5e-3"), NumberAgreement::kTrailingZeros);
}

TEST(ClaimTokensTest, FewerDigitsTruncatedOrRoundedHalfUp) {
  EXPECT_EQ(agree("3.14", "3.14159"), NumberAgreement::kFewerDigits);  // truncated
  EXPECT_EQ(agree("0.6667", "0.6666666666666666"), NumberAgreement::kFewerDigits);
  EXPECT_EQ(agree("0.67", "0.665"), NumberAgreement::kFewerDigits);  // half up
  EXPECT_EQ(agree("10.0", "9.996"), NumberAgreement::kFewerDigits);  // carry into the integer
  EXPECT_EQ(agree("1.00", "0.999"), NumberAgreement::kFewerDigits);
  EXPECT_EQ(agree("-1.2", "-1.23"), NumberAgreement::kFewerDigits);
  EXPECT_EQ(agree("3.15", "3.14159"), NumberAgreement::kDiffer);     // neither
  EXPECT_EQ(agree("0.66", "0.665"), NumberAgreement::kFewerDigits);  // truncated
  EXPECT_EQ(agree("0.68", "0.665"), NumberAgreement::kDiffer);
}

TEST(ClaimTokensTest, NumbersThatDiffer) {
  EXPECT_EQ(agree("3", "3.0"), NumberAgreement::kDiffer);  // an integer claim
  EXPECT_EQ(agree("3.0", "3"), NumberAgreement::kDiffer);
  EXPECT_EQ(agree("-1.5", "1.5"), NumberAgreement::kDiffer);
  EXPECT_EQ(agree("0.00001", "1e-05"), NumberAgreement::kDiffer);  // exponents differ
  EXPECT_EQ(agree("3.", "3.14"), NumberAgreement::kDiffer);        // every decimal rounded away
  EXPECT_EQ(agree("3.142", "3.14"), NumberAgreement::kDiffer);     // more digits than printed
  EXPECT_EQ(agree("4", "5"), NumberAgreement::kDiffer);
}

TEST(ClaimTokensTest, ApproximateWithinTenPercent) {
  EXPECT_EQ(agree("~56", "52"), NumberAgreement::kApproximately);
  EXPECT_EQ(agree("~56", "56"), NumberAgreement::kApproximately);  // never kSame
  EXPECT_EQ(agree("~56", "61.6"), NumberAgreement::kApproximately);
  EXPECT_EQ(agree("\xe2\x89\x88"
                  "0.5",
                  "0.52"),
            NumberAgreement::kApproximately);
  EXPECT_EQ(agree("~-5", "-5.3"), NumberAgreement::kApproximately);
  EXPECT_EQ(agree("~56", "48"), NumberAgreement::kDiffer);
  EXPECT_EQ(agree("~56", "62"), NumberAgreement::kDiffer);
  EXPECT_EQ(agree("~0", "0.001"), NumberAgreement::kDiffer);
  EXPECT_EQ(agree("~0", "0"), NumberAgreement::kApproximately);
}

}  // namespace
}  // namespace guidecheck
