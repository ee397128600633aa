#include "claim_compare.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "claim_prose.h"
#include "claim_rule_addresses.h"
#include "claim_rule_numpy_scalars.h"
#include "claim_rule_pandas_value_counts.h"
#include "claim_rule_pytest_session.h"
#include "claim_rule_set_order.h"
#include "claim_rule_string_repr.h"
#include "claim_rule_traceback.h"
#include "claim_text.h"
#include "claim_tokens.h"
#include "claims.h"

namespace guidecheck {
namespace {

using Tok = ClaimTokenKind;

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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool agrees(const ClaimComparison& c) { return c.verdict == ClaimVerdict::kMatch || c.verdict == ClaimVerdict::kEquivalent; }

// The claim read another way agreed (`after`): equivalent by `rule`, then
// by the rules that made the other reading agree.
ClaimComparison equivalent_by(std::string_view rule, const ClaimComparison& after) {
  return {ClaimVerdict::kEquivalent, after.rule.empty() ? std::string(rule) : std::string(rule) + "+" + after.rule};
}

// Its lines; none for an empty text.
std::vector<std::string_view> lines_of(std::string_view text) {
  return text.empty() ? std::vector<std::string_view>{} : split_lines(text);
}

// Whether claimed number `c` stands for printed number `a`; adds the rule used.
// Inside a numpy array, trailing zeros are numpy's formatting (`1.` for 1.0)
// rather than a rule of their own.
bool numbers_agree(const ClaimToken& c, const ClaimToken& a, bool in_array, unsigned* rules) {
  switch (compare_numbers(c, a)) {
    case NumberAgreement::kDiffer:
      return false;
    case NumberAgreement::kSame:
      return true;
    case NumberAgreement::kTrailingZeros:
      if (!in_array) *rules |= kFewerDigits;
      return true;
    case NumberAgreement::kFewerDigits:
      *rules |= kFewerDigits;
      return true;
    case NumberAgreement::kApproximately:
      *rules |= kApproximately;
      return true;
  }
  return false;
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
  ArrayParser(const std::vector<ClaimToken>& tokens, std::size_t end, bool commas, std::size_t* steps)
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
    const ClaimToken& t = tokens_[i];
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

  const std::vector<ClaimToken>& tokens_;
  std::size_t end_;
  bool commas_;
  std::size_t* steps_;
};

bool has_comma(const std::vector<ClaimToken>& tokens, std::size_t begin, std::size_t end) {
  return std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                     tokens.begin() + static_cast<std::ptrdiff_t>(end),
                     [](const ClaimToken& t) { return t.kind == Tok::kPunct && t.text == ","; });
}

class Matcher {
 public:
  Matcher(const std::vector<ClaimToken>& claim, const std::vector<ClaimToken>& actual)
      : claim_(claim), actual_(actual) {
    std::size_t start = 0;
    for (std::size_t k = 0; k < claim_.size(); ++k) {
      if (claim_[k].kind != Tok::kEllipsis) continue;
      pieces_.emplace_back(start, k);
      start = k + 1;
    }
    pieces_.emplace_back(start, claim_.size());
    // `...` alone claims nothing.
    substance_ = std::any_of(claim_.begin(), claim_.end(), [](const ClaimToken& t) {
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
    const bool open_start = cb > 0 && claim_[cb - 1].kind == Tok::kEllipsis;
    const bool open_end = ce < claim_.size() && claim_[ce].kind == Tok::kEllipsis;
    // Doctest's ELLIPSIS works on characters: a word or number touching `...`
    // may be the start or end of a printed one (`0x...` for `0x7f3a2c1d3e50`).
    auto part_of = [&](const ClaimToken& c, const ClaimToken& a) {
      const auto is_text = [](const ClaimToken& t) { return t.kind == Tok::kWord || t.kind == Tok::kNumber; };
      if (c.approx || !is_text(c) || !is_text(a)) return false;
      return (open_end && ci + 1 == ce && a.text.starts_with(c.text)) ||
             (open_start && ci == cb && a.text.ends_with(c.text));
    };
    while (ci < ce) {
      if (++steps_ > kMaxSteps) return std::nullopt;
      const ClaimToken& c = claim_[ci];
      if (c.kind == Tok::kLineQuote) {
        if (aj < ae && actual_[aj].kind == Tok::kPunct && actual_[aj].text == c.text)
          ++aj;
        else
          used |= kQuotes;
        ++ci;
        continue;
      }
      if (aj >= ae) return std::nullopt;
      const ClaimToken& a = actual_[aj];
      if (c.kind == Tok::kPunct && c.text == "[" && a.kind == Tok::kPunct && a.text == "[") {
        if (const auto ends = numpy_array(ci, ce, aj, ae, &used)) {
          std::tie(ci, aj) = *ends;
          continue;
        }
      }
      if (c.kind == Tok::kNumber && a.kind == Tok::kNumber) {
        if (!numbers_agree(c, a, false, &used) && !part_of(c, a)) return std::nullopt;
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
      } else if (is_quote(c) && is_quote(a) && c.text != a.text && !string_holds(aj, c.text)) {
        used |= kQuotes;  // {"a": 1} written for {'a': 1}: JSON's quotes for a repr's
      } else if ((c.kind != a.kind || c.text != a.text || c.approx) && !part_of(c, a)) {
        return std::nullopt;
      }
      ++ci;
      ++aj;
    }
    *rules |= used;
    return aj;
  }

  // Whether the printed string that the quote actual_[at] opens or closes
  // holds `quote`: then "it's" written as 'it's' is no literal at all.
  bool string_holds(std::size_t at, std::string_view quote) const {
    std::size_t line_start = at;
    while (line_start > 0 && actual_[line_start - 1].kind != Tok::kNewline) --line_start;
    std::size_t before = 0;
    for (std::size_t k = line_start; k < at; ++k) before += actual_[k].text == actual_[at].text;
    const bool opens = before % 2 == 0;
    std::size_t k = at;
    while (true) {
      if (opens ? ++k >= actual_.size() : k-- == 0) return false;
      if (actual_[k].kind == Tok::kNewline || actual_[k].text == actual_[at].text) return false;
      if (actual_[k].text == quote) return true;
    }
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
      const ClaimToken& x = claim_[c.begin + k];
      const ClaimToken& y = actual_[a.begin + k];
      if (x.kind != y.kind || x.text != y.text || x.approx) return false;
    }
    return true;
  }

  const std::vector<ClaimToken>& claim_;
  const std::vector<ClaimToken>& actual_;
  std::vector<std::pair<std::size_t, std::size_t>> pieces_;  // claim ranges between ellipses
  bool substance_ = false;
  std::size_t steps_ = 0;
};

// The claim with each arrow (and the blanks around it) made a line break.
std::vector<ClaimToken> arrows_as_lines(const std::vector<ClaimToken>& claim) {
  std::vector<ClaimToken> out;
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

std::size_t count_lines(const std::vector<ClaimToken>& tokens) {
  if (tokens.empty()) return 0;
  return 1 + static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(),
                                                    [](const ClaimToken& t) { return t.kind == Tok::kNewline; }));
}

// A line of a table's body rather than a header: two fields or more, one with a digit.
bool is_data_line(std::string_view line) {
  return line.find(' ') != std::string_view::npos && std::any_of(line.begin(), line.end(), is_digit);
}


// Doctest's ELLIPSIS, character by character: `...` or `…` in `claim`
// stands for any text, also inside a word (`abab…abab`), which the token
// matcher cannot split. Both texts with blanks collapsed.
bool matches_as_doctest_ellipsis(const std::string& claim, const std::string& actual) {
  std::vector<std::string_view> pieces;
  std::string_view rest = claim;
  for (;;) {
    const std::size_t dots = rest.find("...");
    const std::size_t sign = rest.find(kUnicodeEllipsis);
    const std::size_t at = std::min(dots, sign);
    if (at == std::string_view::npos) break;
    pieces.push_back(rest.substr(0, at));
    rest.remove_prefix(at + (at == dots ? 3 : kUnicodeEllipsis.size()));
  }
  pieces.push_back(rest);
  const bool substance = std::any_of(pieces.begin(), pieces.end(), [](std::string_view piece) {
    return std::any_of(piece.begin(), piece.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  });
  if (pieces.size() < 2 || !substance) return false;  // `...` alone claims nothing
  std::string_view text = actual;
  if (!text.starts_with(pieces.front()) || text.size() < pieces.front().size() + pieces.back().size()) return false;
  text.remove_prefix(pieces.front().size());
  if (!text.ends_with(pieces.back())) return false;
  text.remove_suffix(pieces.back().size());
  for (std::size_t k = 1; k + 1 < pieces.size(); ++k) {
    const std::size_t at = text.find(pieces[k]);
    if (at == std::string_view::npos) return false;
    text.remove_prefix(at + pieces[k].size());
  }
  return true;
}

// The claim with every line break that falls inside brackets made a blank:
// a repr the author wrapped (`Counter({'the': 3, 'and': 2,` / `'cat': 1})`).
// Empty when no break is inside brackets, or one is outside them.
std::string unwrapped(std::string_view claimed) {
  std::string out(claimed);
  int depth = 0;
  bool wrapped = false;
  char quote = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const char c = out[k];
    if (quote) {
      if (c == '\\') ++k;
      else if (c == quote || c == '\n') quote = 0;  // a repr's strings never span lines
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(' || c == '[' || c == '{') ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    else if (c == '\n') {
      if (depth == 0) return {};
      out[k] = ' ';
      wrapped = true;
    }
  }
  return wrapped ? out : std::string();
}

// The prefix a rendered page puts before every line of a chunk's output:
// knitr's `## `, reprex's `#> `. Its length when every non-blank line of
// `text` carries the same one, else 0.
std::size_t output_line_prefix(std::string_view text) {
  std::string_view prefix;
  for (std::string_view line : lines_of(text)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.size() < 2 || line[0] != '#' || (line[1] != '#' && line[1] != '>')) return 0;
    if (line.size() > 2 && line[2] != ' ') return 0;  // "##x" is no prefix
    if (prefix.empty()) prefix = line.substr(0, 2);
    else if (line.substr(0, 2) != prefix) return 0;
  }
  return prefix.size();
}

// `text` without the output line prefix of `length` characters (and the
// space after it) on each line.
std::string without_line_prefix(std::string_view text, std::size_t length) {
  std::string out;
  for (std::string_view line : lines_of(text)) {
    if (line.size() >= length && line[0] == '#') line.remove_prefix(line.size() > length ? length + 1 : length);
    out.append(line).push_back('\n');
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace

ClaimComparison compare_claim(std::string_view claimed, std::string_view actual, bool looks_like_prose) {
  if (std::optional<ClaimComparison> strings = compare_string_reprs(claimed, actual)) return *strings;
  const std::string claim_text = collapse_line_blanks(claimed);
  const std::string actual_text = collapse_line_blanks(actual);
  if (claim_text == actual_text) return {ClaimVerdict::kMatch, ""};
  if (std::optional<ClaimComparison> sets = compare_set_orders(claimed, actual)) return *sets;
  if (std::optional<ClaimComparison> session = compare_pytest_sessions(claimed, actual)) return *session;
  if (claimed.size() > kMaxClaimBytes || actual.size() > kMaxActualBytes)
    return {ClaimVerdict::kMismatch, "too long to compare by rule"};
  // Output the page shows behind knitr's `## ` (the run printed no such prefix).
  if (const std::size_t prefix = output_line_prefix(claimed); prefix > 0 && output_line_prefix(actual) == 0) {
    ClaimComparison bare = compare_claim(without_line_prefix(claimed, prefix), actual, looks_like_prose);
    return agrees(bare) ? equivalent_by("output-prefix", bare) : bare;
  }
  // A value NumPy 2 shows with its type (`np.float64(2.5)`), printed bare by NumPy 1.
  if (const std::optional<std::string> bare = without_numpy2_scalar_reprs(claimed))
    if (ClaimComparison values = compare_claim(*bare, actual, looks_like_prose); agrees(values))
      return equivalent_by("numpy2-scalars", values);
  // pandas 2's value_counts() (`Name: count`, the column's name above the rows).
  if (const std::optional<std::string> counts = as_pandas1_value_counts(claimed, actual))
    if (ClaimComparison values = compare_claim(*counts, actual, looks_like_prose); agrees(values))
      return equivalent_by("pandas2-value-counts", values);
  if (std::optional<ClaimComparison> traceback = compare_traceback(claimed, actual)) return *traceback;
  if (std::optional<ClaimComparison> addresses = compare_addresses(claimed, actual, looks_like_prose)) return *addresses;

  const std::vector<ClaimToken> actual_tokens = tokenize_claim_text(actual_text, TextSide::kOutput);
  const std::vector<ClaimToken> claim_tokens = tokenize_claim_text(claim_text, TextSide::kClaim);
  std::vector<ClaimToken> quoted_claim = claim_tokens;
  mark_line_quotes(quoted_claim);
  Matcher matcher(quoted_claim, actual_tokens);

  unsigned rules = 0;
  if (!claim_text.empty() && matcher.match(0, actual_tokens.size(), &rules))
    return {rules == 0 ? ClaimVerdict::kMatch : ClaimVerdict::kEquivalent, rule_names(rules)};

  const std::size_t actual_lines = count_lines(actual_tokens);
  const bool has_arrow =
      std::any_of(claim_tokens.begin(), claim_tokens.end(), [](const ClaimToken& t) { return t.kind == Tok::kArrow; });
  if (has_arrow && actual_lines >= 2) {
    std::vector<ClaimToken> parts = arrows_as_lines(claim_tokens);
    if (count_lines(parts) == actual_lines) {
      mark_line_quotes(parts);
      Matcher part_matcher(parts, actual_tokens);
      rules = kArrows;
      if (part_matcher.match(0, actual_tokens.size(), &rules)) return {ClaimVerdict::kEquivalent, rule_names(rules)};
    }
  }

  if (matches_as_doctest_ellipsis(claim_text, actual_text)) return {ClaimVerdict::kEquivalent, "ellipsis"};
  // A string's value echoed with its quotes, shown without them (`HELLO` for 'HELLO').
  if (actual_text.size() >= 2 && (actual_text.front() == '\'' || actual_text.front() == '"') &&
      actual_text.back() == actual_text.front() && actual_text.find('\n') == std::string::npos &&
      std::string_view(actual_text).substr(1, actual_text.size() - 2) == claim_text &&
      claim_text.find_first_of("'\"\\") == std::string::npos)
    return {ClaimVerdict::kEquivalent, "quotes"};

  // A repr printed on one line that the guide wrapped inside its brackets.
  if (actual_lines == 1) {
    if (const std::string joined = unwrapped(claimed); !joined.empty()) {
      if (const ClaimComparison one_line = compare_claim(joined, actual, looks_like_prose); agrees(one_line))
        return equivalent_by("wrapped", one_line);
    }
  }

  const std::vector<std::string_view> claim_lines = lines_of(claim_text);
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

  return judge_unmatched_claim(claim_text, claim_tokens, actual_text, actual_tokens, looks_like_prose);
}

}  // namespace guidecheck
