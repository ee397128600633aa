#pragma once
// A rule of compare_claim (claim_compare.h): pandas 2 names what
// `value_counts()` gives `count` (`proportion` when normalized) and shows
// the counted column's name as the index's, on a line of its own above the
// rows; pandas 1 names the Series after the column and shows no index name:
//
//   pandas 2                      pandas 1
//   fruit                         apple     3
//   apple     3                   banana    2
//   banana    2                   Name: fruit, dtype: int64
//   Name: count, dtype: int64
//
// (a DataFrame's value_counts() has no name at all in pandas 1). A guide
// written against pandas 2 claims the same counts.

#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

/// `claimed` as pandas 1 would print it, Series by Series (each up to its
/// `dtype:` footer line, as many as `actual` prints): a claimed Series that
/// ends like pandas 2's value_counts() (`Name: count, dtype: ...` or `Name:
/// proportion, ...`), where the printed one ends like pandas 1's (`Name:
/// <column>, dtype: ...` with the same dtype, or `dtype: ...` alone), gets
/// the printed footer, and loses the index name line above its rows when
/// that is the column's name. nullopt when no Series changes.
std::optional<std::string> as_pandas1_value_counts(std::string_view claimed, std::string_view actual);

}  // namespace guidecheck
