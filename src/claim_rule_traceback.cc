#include "claim_rule_traceback.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "claim_text.h"
#include "claim_tokens.h"

namespace guidecheck {
namespace {

constexpr std::string_view kHeader = "Traceback (most recent call last):";

// The lines as compared: blanks collapsed, empty lines dropped.
std::vector<std::string> collapsed(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end) {
  std::vector<std::string> out;
  for (std::size_t k = begin; k < end; ++k) {
    std::string line = collapse_line_blanks(lines[k]);
    if (!line.empty()) out.push_back(std::move(line));
  }
  return out;
}

// A traceback split at its headers: what was printed before the first one,
// and the raw lines after the last one (a chain's final exception).
struct Traceback {
  std::vector<std::string> before;
  std::vector<std::string_view> after;
};

// IPython's header names the exception first, with no colon:
// `KeyError                 Traceback (most recent call last)`.
bool is_ipython_header(const std::string& line) {
  constexpr std::string_view kTail = " Traceback (most recent call last)";
  if (line.size() <= kTail.size() || line.compare(line.size() - kTail.size(), kTail.size(), kTail) != 0) return false;
  const std::string_view name(line.data(), line.size() - kTail.size());
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

// The rule of dashes IPython draws above its header.
bool is_rule(std::string_view line) {
  return line.size() >= 10 && std::all_of(line.begin(), line.end(), [](char c) { return c == '-'; });
}

std::optional<Traceback> find_traceback(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::size_t first = lines.size(), last = lines.size();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string line = collapse_line_blanks(lines[k]);
    if (line == kHeader) {
      if (first == lines.size()) first = k;
    } else if (is_ipython_header(line)) {
      if (first == lines.size()) first = k > 0 && is_rule(collapse_line_blanks(lines[k - 1])) ? k - 1 : k;
    } else {
      continue;
    }
    last = k;
  }
  if (first == lines.size()) return std::nullopt;
  return Traceback{collapsed(lines, 0, first), {lines.begin() + static_cast<std::ptrdiff_t>(last) + 1, lines.end()}};
}

// IPython writes an exception without a message as `StopIteration: `,
// Python as `StopIteration`: the same line.
std::vector<std::string> without_empty_messages(std::vector<std::string> lines) {
  for (std::string& line : lines)
    if (line.ends_with(':') && line.find_first_of(" :") == line.size() - 1) line.pop_back();
  return lines;
}

// The exception lines of a printed traceback: after the stack, whose lines
// Python always indents (`  File ...`, the source line, its carets).
std::vector<std::string> exception_lines(const std::vector<std::string_view>& after) {
  std::size_t k = 0;
  while (k < after.size() && (after[k].empty() || after[k].front() == ' ' || after[k].front() == '\t')) ++k;
  return without_empty_messages(collapsed(after, k, after.size()));
}

// Whether `lines` ends with `tail`.
bool ends_with(const std::vector<std::string>& lines, const std::vector<std::string>& tail) {
  return lines.size() >= tail.size() &&
         std::equal(tail.begin(), tail.end(), lines.end() - static_cast<std::ptrdiff_t>(tail.size()));
}

// `pandas.errors.IntCastingNaNError: msg` -> `IntCastingNaNError: msg`: the
// name IPython (and many a page) gives an exception outside the builtins.
std::string without_module(std::string line) {
  const std::size_t colon = line.find(':');
  const std::string_view name = std::string_view(line).substr(0, colon);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || name.find(' ') != std::string_view::npos) return line;
  return line.substr(dot + 1);
}

}  // namespace

bool is_ipython_traceback_header(std::string_view line) { return is_ipython_header(collapse_line_blanks(line)); }

std::string without_exception_detail(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::size_t header = lines.size();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string line = collapse_line_blanks(lines[k]);
    if (line == kHeader) header = k;
  }
  if (header == lines.size()) return std::string(text);
  std::string out;
  bool cut = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    // The first unindented line after the stack: the exception's.
    if (!cut && k > header && !line.empty() && line.front() != ' ' && line.front() != '\t') {
      line = line.substr(0, line.find(':'));
      if (const std::size_t dot = line.rfind('.'); dot != std::string_view::npos) line.remove_prefix(dot + 1);
      cut = true;
    }
    if (k > 0) out += '\n';
    out += line;
  }
  return out;
}

std::optional<ClaimComparison> compare_traceback(std::string_view claimed, std::string_view actual) {
  const std::optional<Traceback> printed = find_traceback(actual);
  const std::optional<Traceback> shown = find_traceback(claimed);
  const std::vector<std::string> exception = printed ? exception_lines(printed->after) : std::vector<std::string>{};
  if (shown) {
    // The claim's stack may be elided or lost its indentation in a scrape:
    // only its last lines must be the printed exception lines.
    const std::vector<std::string> after = without_empty_messages(collapsed(shown->after, 0, shown->after.size()));
    if (!exception.empty() && shown->before == printed->before && ends_with(after, exception))
      return ClaimComparison{ClaimVerdict::kEquivalent, "traceback"};
    // The exception named without its module, the message the same.
    std::vector<std::string> unqualified = exception;
    for (std::string& line : unqualified) line = without_module(std::move(line));
    if (!exception.empty() && unqualified != exception && shown->before == printed->before &&
        ends_with(after, unqualified))
      return ClaimComparison{ClaimVerdict::kEquivalent, "traceback+exception-type"};
    return ClaimComparison{ClaimVerdict::kMismatch, ""};
  }
  if (exception.empty()) return std::nullopt;
  // `ValueError: bad` alone (after whatever was printed before it).
  std::vector<std::string> expected = printed->before;
  expected.insert(expected.end(), exception.begin(), exception.end());
  const std::vector<std::string_view> claim_lines = split_lines(claimed);
  if (collapsed(claim_lines, 0, claim_lines.size()) == expected)
    return ClaimComparison{ClaimVerdict::kEquivalent, "traceback"};
  return std::nullopt;
}

}  // namespace guidecheck
