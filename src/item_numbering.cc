#include "item_numbering.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "python_lexer.h"

namespace guidecheck {
namespace {

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

std::string two_digits(int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

}  // namespace

std::optional<std::pair<int, std::string_view>> match_item_heading(std::string_view s) {
  std::size_t i = 0;
  bool prefixed = false;
  if (s.size() > 8 && (s.substr(0, 8) == "Question" || s.substr(0, 8) == "QUESTION")) {
    i = 8;
    prefixed = true;
  } else if (!s.empty() && (s[0] == 'Q' || s[0] == 'q') && s.size() > 1 && is_ascii_digit(s[1])) {
    i = 1;
    prefixed = true;
  }
  while (prefixed && i < s.size() && (s[i] == ' ' || s[i] == '#')) ++i;
  const std::size_t digits_start = i;
  while (i < s.size() && is_ascii_digit(s[i]) && i - digits_start < 5) ++i;
  if (i == digits_start || (i < s.size() && is_ascii_digit(s[i]))) return std::nullopt;
  const int number = std::stoi(std::string(s.substr(digits_start, i - digits_start)));
  if (number <= 0) return std::nullopt;
  if (i < s.size() && (s[i] == '.' || s[i] == ')' || s[i] == ':')) {
    ++i;
  } else if (!prefixed) {
    return std::nullopt;
  }
  if (i >= s.size() || (s[i] != ' ' && s[i] != '\t')) return std::nullopt;
  const std::string_view title = strip_leading(s.substr(i));
  if (std::none_of(title.begin(), title.end(), [](char c) { return is_ascii_alpha(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return std::make_pair(number, title);
}

std::vector<GuideItem> find_items(const std::vector<std::string_view>& lines, const std::vector<LineClass>& classes,
                                  DiagnosticSink* diagnostics) {
  std::vector<GuideItem> items;
  struct Candidate {
    int number;
    int line;
    std::string_view title;
    int weight;
  };
  std::vector<Candidate> candidates;
  const int n = static_cast<int>(lines.size());
  for (int i = 0; i < n; ++i) {
    if (classes[i] != LineClass::kProse) continue;
    const auto heading = match_item_heading(strip_trailing(lines[i]));
    if (!heading || heading->first > 100000) continue;
    candidates.push_back({heading->first, i, heading->second, 1});
  }
  if (candidates.empty()) return items;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    Candidate& c = candidates[k];
    if (!c.title.empty() && c.title.back() == '?') ++c.weight;
    // Steps of a list sit on consecutive lines; questions have answers between them.
    const bool previous_adjacent = k > 0 && candidates[k - 1].line + 1 == c.line;
    const bool next_adjacent = k + 1 < candidates.size() && candidates[k + 1].line == c.line + 1;
    if (!previous_adjacent && !next_adjacent) ++c.weight;
  }
  // Weighted longest strictly increasing subsequence, O(n log n) with a
  // Fenwick tree of prefix maxima over the distinct numbers.
  std::vector<int> numbers;
  for (const Candidate& c : candidates) numbers.push_back(c.number);
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  const std::size_t m = numbers.size();
  std::vector<std::pair<long, int>> tree(m + 1, {0, -1});  // (best weight, candidate index)
  std::vector<long> best(candidates.size());
  std::vector<int> parent(candidates.size(), -1);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::size_t rank = static_cast<std::size_t>(
        std::lower_bound(numbers.begin(), numbers.end(), candidates[k].number) - numbers.begin());
    std::pair<long, int> prefix{0, -1};
    for (std::size_t r = rank; r > 0; r -= r & (~r + 1)) prefix = std::max(prefix, tree[r]);
    best[k] = prefix.first + candidates[k].weight;
    parent[k] = prefix.second;
    for (std::size_t r = rank + 1; r <= m; r += r & (~r + 1))
      tree[r] = std::max(tree[r], std::make_pair(best[k], static_cast<int>(k)));
  }
  int end = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
  std::vector<int> chosen;
  for (int k = end; k >= 0; k = parent[static_cast<std::size_t>(k)]) chosen.push_back(k);
  std::reverse(chosen.begin(), chosen.end());
  std::size_t next = 0;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& c = candidates[k];
    if (next < chosen.size() && static_cast<std::size_t>(chosen[next]) == k) {
      items.push_back({c.number, c.line + 1, std::string(c.title)});
      ++next;
    } else if (c.title.back() == '?') {
      diagnostics->add(c.line + 1, "item-order",
                       "numbered heading " + std::to_string(c.number) + " is out of order; not taken as an item");
    }
  }
  return items;
}

void assign_run_ids(const std::vector<GuideItem>& items, std::vector<CodeRun>* runs, DiagnosticSink* diagnostics) {
  std::size_t item = 0;
  int unnumbered = 0;
  std::unordered_map<int, int> per_item;
  const CodeRun* previous = nullptr;
  for (CodeRun& run : *runs) {
    while (item < items.size() && items[item].line < run.first_line) ++item;
    run.item = item == 0 ? 0 : items[item - 1].number;
    if (run.item == 0) {
      run.id = "s" + two_digits(++unnumbered);
    } else {
      const int count = ++per_item[run.item];
      run.id = "q" + two_digits(run.item) + (count == 1 ? "" : "-" + std::to_string(count));
      if (count > 1 && previous && previous->item == run.item && previous->last_line + 2 == run.first_line)
        diagnostics->add(run.first_line - 1, "split",
                         "prose line splits item " + std::to_string(run.item) + " into " + previous->id + " and " +
                             run.id);
    }
    previous = &run;
  }
}

}  // namespace guidecheck
