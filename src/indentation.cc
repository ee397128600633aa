#include "indentation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "embedded_python.h"
#include "indentation_search.h"
#include "layout_penalty.h"
#include "logical_lines.h"
#include "python_lexer.h"
#include "statement_analysis.h"

// How it works. Every logical statement gets a level. A beam search walks
// the statements in order: after a line ending in ':' the next statement is
// one level deeper; otherwise it stays or closes any number of blocks. Each
// choice pays penalties for what it would mean: Python rejects it (an else
// with nothing to pair with: 1000), no author writes it (code after return,
// a name used where it is not defined: 40; a method outside its class: 30),
// the program would misbehave (endless recursion: 20; a loop that runs once:
// 12), or it goes against habit (closing a block: 1; a loop going on with a
// statement that ignores its variables: 1.5). The cheapest complete layouts
// are rendered and compiled by CPython: the first that compiles is the
// answer, the next ones are the alternatives, and rivals within
// IndentationOptions::uncertain_gap make a decision uncertain.
//
// The pieces: logical_lines (lines -> statements and tokens),
// statement_analysis (what each statement is, names read and bound),
// indentation_search and layout_rules (the search and its penalties), and
// this file (compiling candidates, alternatives, uncertain decisions).

namespace guidecheck {
namespace {

// From statement levels to line levels, text, and reports.

struct Scanned {
  std::vector<LineScan> lines;
  std::vector<Stmt> stmts;
  StatementAnalyzer names;
};

void scan_sample(const std::vector<std::string>& lines, Scanned* out) {
  LogicalLines logical = split_logical_lines(lines);
  out->lines = std::move(logical.lines);
  out->stmts.reserve(logical.statements.size());
  for (const RawStatement& r : logical.statements) out->stmts.push_back(out->names.analyze(r));
  link_decorators(&out->stmts);
}

std::vector<int> path_levels(const State& st, std::size_t count) {
  std::vector<int> levels(count, 0);
  std::size_t i = count;
  for (const PathNode* p = st.path.get(); p && i > 0; p = p->prev.get()) levels[--i] = p->level;
  return levels;
}

std::vector<int> line_levels(const std::vector<LineScan>& scans, const std::vector<int>& stmt_levels) {
  std::vector<int> levels(scans.size(), 0);
  for (std::size_t i = 0; i < scans.size(); ++i) {
    const LineScan& ls = scans[i];
    const int base = ls.stmt >= 0 && ls.stmt < static_cast<int>(stmt_levels.size()) ? stmt_levels[ls.stmt] : 0;
    levels[i] = base + (ls.kind == LineKind::kContinuation ? ls.offset : 0);
  }
  return levels;
}

std::string render_scanned(const std::vector<std::string>& lines, const std::vector<LineScan>& scans,
                           const std::vector<int>& levels) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view content = strip_leading(lines[i]);
    const LineKind kind = scans[i].kind;
    // Inside a multi-line string leading whitespace is content, and an
    // empty line gets none (no trailing whitespace).
    if (kind != LineKind::kBlank && kind != LineKind::kStringContinuation && !content.empty()) {
      const int level = i < levels.size() ? std::max(0, levels[i]) : 0;
      out.append(static_cast<std::size_t>(level) * 4, ' ');
    }
    if (kind != LineKind::kBlank) out.append(content);
    out += '\n';
  }
  return out;
}

// Sums of penalties per feature and name from statement `from` on.
std::map<std::pair<Feature, int>, double> penalties_from(const NotePtr& notes, int from) {
  std::map<std::pair<Feature, int>, double> sums;
  for (const Note* n = notes.get(); n; n = n->prev.get()) {
    if (n->stmt >= from) sums[{n->feature, n->name}] += n->cost;
  }
  return sums;
}

std::string explain(const StatementAnalyzer& names, const State& best, const State& alt, int from, int best_level,
                    int alt_level) {
  auto b = penalties_from(best.notes, from);
  auto a = penalties_from(alt.notes, from);
  std::vector<std::pair<double, std::string>> against;
  std::vector<std::pair<double, std::string>> paid;
  std::map<std::pair<Feature, int>, double> diff = a;
  for (auto& [key, cost] : b) diff[key] -= cost;
  for (auto& [key, d] : diff) {
    if (d > 0.05) against.emplace_back(d, describe(key.first, names.name(key.second)));
    if (d < -0.05) paid.emplace_back(-d, describe(key.first, names.name(key.second)));
  }
  auto by_cost = [](const auto& x, const auto& y) { return x.first > y.first; };
  std::stable_sort(against.begin(), against.end(), by_cost);
  std::stable_sort(paid.begin(), paid.end(), by_cost);
  std::string reason = fmt::format("level {} also compiles", alt_level);
  if (!against.empty()) {
    reason += " but ";
    for (std::size_t i = 0; i < std::min<std::size_t>(2, against.size()); ++i) {
      if (i) reason += " and ";
      reason += against[i].second;
    }
  }
  reason += fmt::format(" (+{:.1f}); level {} chosen", std::max(0.0, alt.cost - best.cost), best_level);
  if (!paid.empty()) reason += " although " + paid.front().second;
  return reason;
}

// A layout the search found: its final state (penalty, notes) and each
// statement's level.
struct Layout {
  const State* state;
  std::vector<int> stmt_levels;
};

int first_difference(const std::vector<int>& a, const std::vector<int>& b) {
  int d = 0;
  while (d < static_cast<int>(a.size()) && a[d] == b[d]) ++d;
  return d;
}

// Each alternative revisits one decision of the best layout; when two of
// them are unsure, both may be wrong at once (a nested block closed twice:
// `back` one level out, `outside` two). Proposes, for each pair of unsure
// departures, the earlier one's levels up to the later one's statement and
// the later one's from there on. Their penalty is the sum of both
// departures; levels are statement levels and first_difference a statement
// index (the caller maps both to lines). Only layouts `compiles` accepts.
template <typename Compiles>
std::vector<IndentationLayout> combine_unsure_departures(const std::vector<Layout>& compiled, int n,
                                                         const IndentationOptions& options, Compiles compiles) {
  std::vector<IndentationLayout> combined;
  const Layout& best = compiled.front();
  std::vector<const Layout*> unsure;
  for (std::size_t k = 1; k < compiled.size(); ++k)
    if (compiled[k].state->cost - best.state->cost < options.uncertain_gap) unsure.push_back(&compiled[k]);
  auto known = [&](const std::vector<int>& levels) {
    return std::any_of(compiled.begin(), compiled.end(), [&](const Layout& c) { return c.stmt_levels == levels; }) ||
           std::any_of(combined.begin(), combined.end(),
                       [&](const IndentationLayout& c) { return c.levels == levels; });
  };
  for (const Layout* early : unsure) {
    const int d1 = first_difference(early->stmt_levels, best.stmt_levels);
    for (const Layout* late : unsure) {
      if (static_cast<int>(combined.size()) >= options.max_combinations) return combined;
      const int d2 = first_difference(late->stmt_levels, best.stmt_levels);
      if (d2 <= d1 || d2 >= n) continue;
      std::vector<int> levels(early->stmt_levels.begin(), early->stmt_levels.begin() + d2);
      levels.insert(levels.end(), late->stmt_levels.begin() + d2, late->stmt_levels.end());
      if (known(levels) || !compiles(levels)) continue;
      IndentationLayout layout;
      layout.score = early->state->cost + late->state->cost - best.state->cost;
      layout.first_difference = d1;
      layout.levels = std::move(levels);
      combined.push_back(std::move(layout));
    }
  }
  return combined;
}

}  // namespace

IndentationResult recover_indentation(const std::vector<std::string>& lines, const IndentationOptions& options) {
  IndentationResult result;
  Scanned scanned;
  scan_sample(lines, &scanned);
  const auto& stmts = scanned.stmts;
  if (stmts.empty()) {
    result.levels = line_levels(scanned.lines, {});
    return result;
  }
  const int n = static_cast<int>(stmts.size());
  if (n > options.max_statements) {
    result.ok = false;
    result.levels = line_levels(scanned.lines, std::vector<int>(stmts.size(), 0));
    result.error_line = stmts[static_cast<std::size_t>(std::max(0, options.max_statements))].first_line;
    result.error = fmt::format("cannot recover indentation: sample too long ({} statements, the limit is {})", n,
                               options.max_statements);
    return result;
  }
  // The beam shrinks with the sample so hostile input stays linear.
  const int width = std::clamp(6000 / n, 4, std::max(4, options.beam_width));
  IndentationSearch search(stmts, scanned.names, width);
  std::vector<State> finals = search.run();

  std::vector<Layout> candidates;  // distinct layouts, most plausible first
  for (const State& st : finals) {
    std::vector<int> levels = path_levels(st, stmts.size());
    const bool seen = std::any_of(candidates.begin(), candidates.end(),
                                  [&](const Layout& c) { return c.stmt_levels == levels; });
    if (!seen) candidates.push_back(Layout{&st, std::move(levels)});
  }
  auto compile_error = [&](const Layout& c) {
    ++result.compile_calls;
    return compile_check(render_scanned(lines, scanned.lines, line_levels(scanned.lines, c.stmt_levels)),
                         options.filename);
  };
  std::optional<CompileError> best_error;
  std::size_t next = 0;
  const Layout* chosen = nullptr;
  for (; next < candidates.size() && result.compile_calls < options.max_compiles && !chosen; ++next) {
    auto error = compile_error(candidates[next]);
    if (!error) {
      chosen = &candidates[next];
    } else if (!best_error) {
      best_error = error;
    }
  }
  if (!chosen) {
    result.ok = false;
    result.levels = line_levels(scanned.lines, candidates.front().stmt_levels);
    result.score = candidates.front().state->cost;
    const int line = best_error ? best_error->line : 0;
    result.error_line = std::clamp(line - 1, 0, std::max(0, static_cast<int>(lines.size()) - 1));
    result.error = "cannot recover indentation: " +
                   (best_error ? best_error->message : std::string("no layout found within the search limits"));
    return result;
  }
  const Layout& best = *chosen;
  auto difference_from_best = [&](const Layout& c) { return first_difference(c.stmt_levels, best.stmt_levels); };
  // Alternatives: first the most plausible layout departing at each
  // statement, so every open decision gets its best rival; then the rest.
  std::vector<std::size_t> order;
  std::vector<char> decision_taken(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t i = next; i < candidates.size(); ++i) {
    const int d = difference_from_best(candidates[i]);
    if (!decision_taken[d]) {
      decision_taken[d] = 1;
      order.push_back(i);
    }
  }
  for (std::size_t i = next; i < candidates.size(); ++i) {
    if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
  }
  std::vector<Layout> compiled = {best};
  const std::size_t wanted = static_cast<std::size_t>(std::max(0, options.max_alternatives)) + 1;
  // Layouts the model already knows Python rejects are not worth a compile
  // (unless the model was wrong about the best one too).
  const bool trust_model = best.state->cost < kImpossibleCost;
  for (std::size_t i : order) {
    if (compiled.size() >= wanted || result.compile_calls >= options.max_compiles) break;
    if (trust_model && candidates[i].state->cost >= kImpossibleCost) continue;
    if (!compile_error(candidates[i])) compiled.push_back(candidates[i]);
  }
  std::stable_sort(compiled.begin() + 1, compiled.end(),
                   [](const Layout& a, const Layout& b) { return a.state->cost < b.state->cost; });
  std::vector<IndentationLayout> combined =
      combine_unsure_departures(compiled, n, options, [&](const std::vector<int>& stmt_levels) {
        return result.compile_calls < options.max_compiles && !compile_error(Layout{best.state, stmt_levels});
      });
  result.levels = line_levels(scanned.lines, best.stmt_levels);
  result.score = best.state->cost;
  std::map<int, UncertainDecision> uncertain;
  for (std::size_t k = 1; k < compiled.size(); ++k) {
    const Layout& alt = compiled[k];
    const int d = difference_from_best(alt);
    IndentationLayout layout;
    layout.levels = line_levels(scanned.lines, alt.stmt_levels);
    layout.score = alt.state->cost;
    layout.first_difference = d < n ? stmts[d].first_line : -1;
    result.alternatives.push_back(std::move(layout));
    if (d >= n || alt.state->cost - best.state->cost >= options.uncertain_gap) continue;
    UncertainDecision& u = uncertain[d];
    const double gap = std::max(0.0, alt.state->cost - best.state->cost);
    if (u.levels.empty()) {
      u.line = stmts[d].first_line;
      u.levels.push_back(best.stmt_levels[d]);
      u.margin = gap;
    }
    u.margin = std::min(u.margin, gap);
    if (contains(u.levels, alt.stmt_levels[d])) continue;
    u.levels.push_back(alt.stmt_levels[d]);
    const std::string why =
        explain(scanned.names, *best.state, *alt.state, d, best.stmt_levels[d], alt.stmt_levels[d]);
    u.reason += (u.reason.empty() ? "" : "; ") + why;
  }
  for (auto& [index, decision] : uncertain) result.uncertain.push_back(std::move(decision));
  for (IndentationLayout& layout : combined) {
    layout.first_difference = stmts[layout.first_difference].first_line;
    layout.levels = line_levels(scanned.lines, layout.levels);
    result.alternatives.push_back(std::move(layout));
  }
  std::stable_sort(result.alternatives.begin(), result.alternatives.end(),
                   [](const IndentationLayout& a, const IndentationLayout& b) { return a.score < b.score; });
  return result;
}

std::string render(const std::vector<std::string>& lines, const std::vector<int>& levels) {
  return render_scanned(lines, split_logical_lines(lines).lines, levels);
}

}  // namespace guidecheck
