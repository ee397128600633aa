#include "claim_rule_pandas_value_counts.h"

#include <vector>

#include <re2/re2.h>

#include "claim_text.h"

namespace guidecheck {
namespace {

// A Series as printed: its lines up to and including its footer (`Name: x,
// dtype: int64` or `dtype: int64`).
struct SeriesText {
  std::vector<std::string_view> rows;
  std::string_view footer;
};

const RE2& footer_pattern() {
  static const RE2 footer(R"((?:Name: (.+), )?(?:Length: \d+, )?dtype: (\S+))");
  return footer;
}

// The text cut after each footer line; nullopt when it does not end with one.
std::optional<std::vector<SeriesText>> series_of(std::string_view text) {
  std::vector<SeriesText> series(1);
  for (std::string_view line : split_lines(text)) {
    const std::string_view trimmed = trim_blanks(line);
    if (RE2::FullMatch(trimmed, footer_pattern())) {
      series.back().footer = trimmed;
      series.emplace_back();
    } else if (!trimmed.empty() || !series.back().rows.empty()) {
      series.back().rows.push_back(line);
    }
  }
  if (!series.back().rows.empty() || series.size() < 2) return std::nullopt;
  series.pop_back();
  return series;
}

// One claimed Series as pandas 1 would print the counts `actual` shows;
// nullopt when the claim is no pandas 2 value_counts() of the same dtype.
std::optional<std::string> as_pandas1(const SeriesText& claimed, const SeriesText& actual) {
  static const RE2 pandas2(R"(Name: (?:count|proportion), dtype: (\S+))");
  std::string claim_dtype, column, actual_dtype;
  if (!RE2::FullMatch(claimed.footer, pandas2, &claim_dtype) ||
      !RE2::FullMatch(actual.footer, footer_pattern(), &column, &actual_dtype) || claim_dtype != actual_dtype ||
      column == "count" || column == "proportion")
    return std::nullopt;
  std::size_t first = 0;
  // The index name line pandas 2 puts above the rows: the column's name.
  if (!column.empty() && !claimed.rows.empty() && trim_blanks(claimed.rows.front()) == column &&
      claimed.rows.size() > actual.rows.size())
    first = 1;
  std::string out;
  for (std::size_t k = first; k < claimed.rows.size(); ++k) out.append(claimed.rows[k]) += '\n';
  out.append(actual.footer) += '\n';
  return out;
}

}  // namespace

std::optional<std::string> as_pandas1_value_counts(std::string_view claimed, std::string_view actual) {
  if (claimed.find("Name: count") == std::string_view::npos &&
      claimed.find("Name: proportion") == std::string_view::npos)
    return std::nullopt;
  const std::optional<std::vector<SeriesText>> claim_series = series_of(claimed);
  const std::optional<std::vector<SeriesText>> actual_series = series_of(actual);
  if (!claim_series || !actual_series || claim_series->size() != actual_series->size()) return std::nullopt;
  std::string out;
  bool changed = false;
  for (std::size_t k = 0; k < claim_series->size(); ++k) {
    const SeriesText& claim = (*claim_series)[k];
    if (std::optional<std::string> counts = as_pandas1(claim, (*actual_series)[k])) {
      out += *counts;
      changed = true;
      continue;
    }
    for (std::string_view row : claim.rows) out.append(row) += '\n';
    out.append(claim.footer) += '\n';
  }
  if (!changed) return std::nullopt;
  out.pop_back();
  return out;
}

}  // namespace guidecheck
