#include "chunk_options.h"

#include <algorithm>
#include <array>

namespace guidecheck {
namespace {

std::string lowered_without_blanks(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool is_false_word(std::string_view value) {
  static constexpr std::array<std::string_view, 5> kFalse = {"false", "f", "no", "off", "0"};
  return std::find(kFalse.begin(), kFalse.end(), value) != kFalse.end();
}

// The value given to `key` in "key: value" or "key=value" at the start of
// `text` (blanks gone, lowercased); nullopt when `text` sets another key.
std::optional<std::string_view> value_of(std::string_view text, std::string_view key) {
  if (!text.starts_with(key) || text.size() == key.size()) return std::nullopt;
  const char sign = text[key.size()];
  if (sign != ':' && sign != '=') return std::nullopt;
  return text.substr(key.size() + 1);
}

// knitr's header options after the language and label: `{python load, eval=FALSE, echo=TRUE}`.
bool knitr_says_no_eval(std::string_view info) {
  const std::size_t open = info.find('{'), close = info.find('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  const std::string options = lowered_without_blanks(info.substr(open + 1, close - open - 1));
  std::size_t start = 0;
  while (start <= options.size()) {
    std::size_t end = options.find(',', start);
    if (end == std::string::npos) end = options.size();
    if (auto value = value_of(std::string_view(options).substr(start, end - start), "eval"); value && is_false_word(*value))
      return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> unevaluated_reason(std::string_view info, const std::vector<std::string>& options,
                                              const std::vector<std::string>& lines) {
  if (knitr_says_no_eval(info)) return "not run: the chunk says eval=FALSE";
  for (const std::string& line : lines) {
    const std::string text = lowered_without_blanks(line);
    if (text.empty()) continue;
    if (!text.starts_with("#|")) break;  // Quarto's options open the chunk
    if (auto value = value_of(std::string_view(text).substr(2), "eval"); value && is_false_word(*value))
      return "not run: the chunk says eval: false";
  }
  for (const std::string& line : options)
    if (line.find("skip-execution") != std::string::npos) return "not run: the cell is tagged skip-execution";
  return std::nullopt;
}

}  // namespace guidecheck
