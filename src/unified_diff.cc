#include "unified_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace guidecheck {
namespace {

// One side of the comparison: its lines (each keeping its '\n', so a last
// line without one never equals a line with one) and an id per line, equal
// ids meaning equal lines.
struct Side {
  std::vector<std::string_view> lines;
  std::vector<int> ids;
  // changed[i + 1] is line i's flag; one always-zero sentinel at each end,
  // which the GNU boundary shifting below relies on.
  std::vector<char> changed;
  bool changed_at(std::ptrdiff_t i) const { return changed[static_cast<size_t>(i + 1)] != 0; }
  void set_changed(std::ptrdiff_t i, bool value) { changed[static_cast<size_t>(i + 1)] = value ? 1 : 0; }
  std::ptrdiff_t size() const { return static_cast<std::ptrdiff_t>(lines.size()); }
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    size_t length = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

// Lower bound on P for the middle parts: every line value occurring more
// often on one side must be deleted or inserted that many extra times.
long long estimated_cost(const std::vector<int>& a, const std::vector<int>& b, int id_count) {
  std::vector<long long> balance(static_cast<size_t>(id_count), 0);
  for (int id : a) ++balance[static_cast<size_t>(id)];
  for (int id : b) --balance[static_cast<size_t>(id)];
  long long deletions = 0;
  for (long long count : balance) deletions += std::max(count, 0LL);
  long long m = static_cast<long long>(a.size());
  long long n = static_cast<long long>(b.size());
  // Deletions from the shorter side in the shorter-vs-longer script.
  long long p = m <= n ? deletions : deletions - (m - n);
  return (m + n) * (p + 1);
}

// Marks the lines of old/new[begin, end) that a minimal edit script deletes or
// inserts.
void mark_changes(Side& old_side, Side& new_side, std::ptrdiff_t old_begin, std::ptrdiff_t old_end,
                  std::ptrdiff_t new_begin, std::ptrdiff_t new_end, int id_count) {
  std::vector<int> a(old_side.ids.begin() + old_begin, old_side.ids.begin() + old_end);
  std::vector<int> b(new_side.ids.begin() + new_begin, new_side.ids.begin() + new_end);
  auto mark_all = [&] {
    for (std::ptrdiff_t i = old_begin; i < old_end; ++i) old_side.set_changed(i, true);
    for (std::ptrdiff_t i = new_begin; i < new_end; ++i) new_side.set_changed(i, true);
  };
  if (a.empty() || b.empty()) return mark_all();
  // Nothing in common: replacing one block by the other is the minimal script,
  // found without running the search at all.
  std::vector<char> in_a(static_cast<size_t>(id_count), 0);
  for (int id : a) in_a[static_cast<size_t>(id)] = 1;
  if (std::none_of(b.begin(), b.end(), [&](int id) { return in_a[static_cast<size_t>(id)] != 0; })) {
    return mark_all();
  }
  if (estimated_cost(a, b, id_count) > kMaxDiffCost) return mark_all();

  dtl::Diff<int> diff(a, b);
  diff.compose();
  // Walk the script in order instead of trusting its line numbers: when the
  // search hits dtl's coordinate cap it restarts on the remaining lines, and
  // from the second restart on the recorded indices are offset wrongly
  // (Debian's dtl 1.20 assigns the offset, `ox = x_idx - 1`, instead of
  // adding to it). The elements themselves stay right, and are checked here.
  std::ptrdiff_t i = old_begin;
  std::ptrdiff_t j = new_begin;
  bool consistent = true;
  for (const auto& [id, info] : diff.getSes().getSequence()) {
    const bool deletes = info.type != dtl::SES_ADD;
    const bool inserts = info.type != dtl::SES_DELETE;
    if ((deletes && (i >= old_end || old_side.ids[static_cast<size_t>(i)] != id)) ||
        (inserts && (j >= new_end || new_side.ids[static_cast<size_t>(j)] != id))) {
      consistent = false;
      break;
    }
    if (info.type == dtl::SES_DELETE) old_side.set_changed(i, true);
    if (info.type == dtl::SES_ADD) new_side.set_changed(j, true);
    if (deletes) ++i;
    if (inserts) ++j;
  }
  if (!consistent || i != old_end || j != new_end) {
    std::fill(old_side.changed.begin(), old_side.changed.end(), 0);
    std::fill(new_side.changed.begin(), new_side.changed.end(), 0);
    mark_all();
  }
}

// Port of GNU diffutils' shift_boundaries (analyze.c): slides each run of
// changes down as far as equal lines allow, merging it with neighbouring
// runs, then back up to line up with a run of changes in the other file.
// Among equally short edit scripts this picks the one GNU diff prints.
void shift_boundaries(Side& side, const Side& other) {
  const std::vector<int>& equivs = side.ids;
  auto eq = [&](std::ptrdiff_t x, std::ptrdiff_t y) {
    return equivs[static_cast<size_t>(x)] == equivs[static_cast<size_t>(y)];
  };
  std::ptrdiff_t i = 0;
  std::ptrdiff_t j = 0;
  const std::ptrdiff_t i_end = side.size();
  for (;;) {
    // Find the start of the next run of changes, tracking the corresponding
    // point in the other file.
    while (i < i_end && !side.changed_at(i)) {
      while (other.changed_at(j++)) {
      }
      i++;
    }
    if (i == i_end) break;
    std::ptrdiff_t start = i;
    while (side.changed_at(++i)) {
    }
    while (other.changed_at(j)) j++;

    std::ptrdiff_t run_length = 0;
    std::ptrdiff_t corresponding = 0;
    do {
      run_length = i - start;
      // Move the run back while the previous unchanged line matches the last
      // changed one, merging with earlier runs.
      while (start != 0 && eq(start - 1, i - 1)) {
        side.set_changed(--start, true);
        side.set_changed(--i, false);
        while (side.changed_at(start - 1)) start--;
        while (other.changed_at(--j)) {
        }
      }
      corresponding = other.changed_at(j - 1) ? i : i_end;
      // Then forward while the first changed line matches the next unchanged
      // one, merging with later runs; with no merge this leaves the run as
      // far down as it goes.
      while (i != i_end && eq(start, i)) {
        side.set_changed(start++, false);
        side.set_changed(i++, true);
        while (side.changed_at(i)) i++;
        while (other.changed_at(++j)) corresponding = i;
      }
    } while (run_length != i - start);

    // Move the merged run back to line up with a run in the other file.
    while (corresponding < i) {
      side.set_changed(--start, true);
      side.set_changed(--i, false);
      while (other.changed_at(--j)) {
      }
    }
  }
}

// A maximal run of changes: old lines [old_begin, old_end) replaced by new
// lines [new_begin, new_end).
struct Change {
  std::ptrdiff_t old_begin, old_end, new_begin, new_end;
};

std::vector<Change> collect_changes(const Side& old_side, const Side& new_side) {
  std::vector<Change> changes;
  std::ptrdiff_t i = 0;
  std::ptrdiff_t j = 0;
  while (i < old_side.size() || j < new_side.size()) {
    if (old_side.changed_at(i) || new_side.changed_at(j)) {
      Change change{i, i, j, j};
      while (old_side.changed_at(i)) ++i;
      while (new_side.changed_at(j)) ++j;
      change.old_end = i;
      change.new_end = j;
      changes.push_back(change);
    } else {
      ++i;
      ++j;
    }
  }
  return changes;
}

// GNU's range format: "start,count", "start" alone for one line, and for an
// empty range the line before it with ",0".
void append_range(std::string& out, std::ptrdiff_t begin, std::ptrdiff_t end) {
  std::ptrdiff_t count = end - begin;
  if (count == 0) {
    out += std::to_string(begin) + ",0";
  } else if (count == 1) {
    out += std::to_string(begin + 1);
  } else {
    out += std::to_string(begin + 1) + "," + std::to_string(count);
  }
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_label, std::string_view new_label, int context) {
  if (old_text == new_text) return {};
  const std::ptrdiff_t ctx = std::max(context, 0);

  Side old_side;
  Side new_side;
  old_side.lines = split_lines(old_text);
  new_side.lines = split_lines(new_text);
  std::unordered_map<std::string_view, int> ids;
  for (Side* side : {&old_side, &new_side}) {
    side->ids.reserve(side->lines.size());
    for (std::string_view line : side->lines) {
      side->ids.push_back(ids.try_emplace(line, static_cast<int>(ids.size())).first->second);
    }
    side->changed.assign(side->lines.size() + 2, 0);
  }

  // The common leading and trailing lines never change; searching only the
  // middle keeps the usual "few edits in a big file" case cheap.
  std::ptrdiff_t prefix = 0;
  while (prefix < old_side.size() && prefix < new_side.size() &&
         old_side.ids[static_cast<size_t>(prefix)] == new_side.ids[static_cast<size_t>(prefix)]) {
    ++prefix;
  }
  std::ptrdiff_t suffix = 0;
  while (suffix < old_side.size() - prefix && suffix < new_side.size() - prefix &&
         old_side.ids[static_cast<size_t>(old_side.size() - 1 - suffix)] ==
             new_side.ids[static_cast<size_t>(new_side.size() - 1 - suffix)]) {
    ++suffix;
  }
  mark_changes(old_side, new_side, prefix, old_side.size() - suffix, prefix, new_side.size() - suffix,
               static_cast<int>(ids.size()));
  shift_boundaries(old_side, new_side);
  shift_boundaries(new_side, old_side);

  std::vector<Change> changes = collect_changes(old_side, new_side);
  if (changes.empty()) return {};

  std::string out;
  out += "--- ";
  out += old_label;
  out += "\n+++ ";
  out += new_label;
  out += "\n";
  for (size_t first = 0; first < changes.size();) {
    // GNU joins the next change into this hunk when at most 2 * context
    // unchanged lines separate them, so their context lines touch or overlap.
    size_t last = first;
    while (last + 1 < changes.size() && changes[last + 1].old_begin - changes[last].old_end <= 2 * ctx) {
      ++last;
    }
    std::ptrdiff_t old_begin = std::max<std::ptrdiff_t>(changes[first].old_begin - ctx, 0);
    std::ptrdiff_t new_begin = changes[first].new_begin - (changes[first].old_begin - old_begin);
    std::ptrdiff_t old_end = std::min(changes[last].old_end + ctx, old_side.size());
    std::ptrdiff_t new_end = changes[last].new_end + (old_end - changes[last].old_end);

    out += "@@ -";
    append_range(out, old_begin, old_end);
    out += " +";
    append_range(out, new_begin, new_end);
    out += " @@\n";
    std::ptrdiff_t i = old_begin;
    for (size_t c = first; c <= last; ++c) {
      const Change& change = changes[c];
      for (; i < change.old_begin; ++i) append_line(out, ' ', old_side.lines[static_cast<size_t>(i)]);
      for (std::ptrdiff_t k = change.old_begin; k < change.old_end; ++k) {
        append_line(out, '-', old_side.lines[static_cast<size_t>(k)]);
      }
      for (std::ptrdiff_t k = change.new_begin; k < change.new_end; ++k) {
        append_line(out, '+', new_side.lines[static_cast<size_t>(k)]);
      }
      i = change.old_end;
    }
    for (; i < old_end; ++i) append_line(out, ' ', old_side.lines[static_cast<size_t>(i)]);
    first = last + 1;
  }
  return out;
}

}  // namespace guidecheck
