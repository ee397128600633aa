#include "indentation_search.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace guidecheck {

std::uint64_t IndentationSearch::signature(const State& st) {
  std::uint64_t h = 1469598103934665603ULL ^ static_cast<std::uint64_t>(st.level);
  for (const Frame* f = st.top.get(); f; f = f->parent.get()) {
    h = (h ^ static_cast<std::uint64_t>(f->header + 2)) * 1099511628211ULL;
    h = (h ^ static_cast<std::uint64_t>(f->last_compound)) * 1099511628211ULL;
  }
  return h;
}

// Closes a block before statement `before`: the rules price it, its names
// pass to the enclosing block, and the if/try chain it belongs to learns
// whether control leaves.
FramePtr IndentationSearch::close_frame(const FramePtr& frame, int before, Costs* costs) const {
  const Frame& f = *frame;
  rules_.score_closing(f, before, costs);
  auto parent = std::make_shared<Frame>(*f.parent);
  if (f.owner != Owner::kDef && f.owner != Owner::kClass) {
    // Names bound in a closed block stay bound in the enclosing scope;
    // `except ... as e` names are deleted when the handler ends.
    const bool loop = f.owner == Owner::kFor || f.owner == Owner::kWhile;
    for (const Binding& b : f.bindings) {
      if (b.flags & kExceptAs) continue;
      // Loop targets and names first bound inside a loop belong to it.
      const bool loop_local =
          (b.flags & (kLoopVar | kClosedLoopVar)) || (loop && rules_.first_store(b.name) > f.header);
      const std::uint8_t flags = loop_local ? kClosedLoopVar : kPlain;
      auto existing = std::find_if(parent->bindings.begin(), parent->bindings.end(),
                                   [&](const Binding& x) { return x.name == b.name; });
      if (existing == parent->bindings.end()) {
        parent->bindings.push_back(Binding{b.name, b.level, flags});
      } else if (flags == kPlain) {
        existing->flags = kPlain;
      }
    }
  }
  const bool continues_chain = f.owner == Owner::kElif || f.owner == Owner::kElse || is_handler(f.owner) ||
                               f.owner == Owner::kElseOfTry || f.owner == Owner::kFinally ||
                               f.owner == Owner::kElseOfLoop;
  if (f.owner == Owner::kFinally || f.owner == Owner::kElseOfLoop) {
    // finally adds no way out; a loop's else does not make the loop exit
  } else if (continues_chain) {
    parent->chain_exits = parent->chain_exits && f.ends_in_exit;
  } else {
    parent->chain_exits = f.ends_in_exit && (f.owner == Owner::kIf || f.owner == Owner::kTry || f.owner == Owner::kWith);
    parent->chain_has_else = false;
  }
  if (f.owner == Owner::kElse) parent->chain_has_else = true;
  const bool try_chain = f.owner == Owner::kTry || is_handler(f.owner) || f.owner == Owner::kElseOfTry ||
                         f.owner == Owner::kFinally;
  parent->ends_in_exit = parent->chain_exits && (try_chain || parent->chain_has_else || f.owner == Owner::kWith);
  parent->direct_exit = false;
  parent->last_compound = f.owner;
  parent->last_assign = -1;
  parent->chain_len = std::max(f.sibling_max, f.stmt_count);
  return parent;
}

void IndentationSearch::expand(const State& st, int s, std::vector<State>* out) const {
  const Stmt& stmt = stmts_[s];
  if (st.last < 0) {
    out->push_back(place(st, s, 0, true, 0));
    return;
  }
  const Stmt& prev = stmts_[st.last];
  if (prev.opens_block) {
    out->push_back(place(st, s, st.level + 1, true, 0));
    return;
  }
  if (prev.decorator) {
    out->push_back(place(st, s, st.level, true, 0));
    return;
  }
  std::vector<int> levels;
  const int cur = st.level;
  if (stmt.clause != Clause::kNone) {
    // Only levels where the clause pairs with something; innermost first.
    for (int L = cur; L >= 0; --L) {
      bool fits = false;
      if (stmt.clause == Clause::kCase) {
        const Frame* f = frame_at(st.top.get(), L);
        fits = f && f->owner == Owner::kMatch;
      } else {
        Owner ended = Owner::kNone;
        if (L == cur) {
          ended = st.top->last_compound;
        } else if (const Frame* f = frame_at(st.top.get(), L + 1)) {
          ended = f->owner;
        }
        Owner resolved;
        fits = clause_fits(stmt.clause, ended, &resolved);
      }
      if (fits) levels.push_back(L);
    }
    for (std::size_t r = 0; r < levels.size(); ++r) out->push_back(place(st, s, levels[r], false, 3.0 * r));
    if (!levels.empty()) return;
    levels.clear();
  }
  // Deep nesting only comes from hostile input; cap the fan-out there.
  constexpr int kMaxFanOut = 16;
  for (int L = cur; L >= 0; --L) {
    if (cur - L < kMaxFanOut || L == 0) levels.push_back(L);
  }
  for (int L : levels) out->push_back(place(st, s, L, false, 0));
}

State IndentationSearch::place(const State& st, int s, int L, bool forced, double clause_cost) const {
  Costs c(st.notes, s);
  Placement p{stmts_[s], s, st.last >= 0 ? &stmts_[st.last] : nullptr, st.level, L, forced, st.top.get(), st.top,
              nullptr, stmts_[s].compound};
  bool after_endless_loop = false;
  while (p.top->level > L && p.top->parent) {
    const Frame* closing = p.top.get();
    if (closing->owner == Owner::kWhile && stmts_[closing->header].cond_true &&
        !rules_.breaks_between(closing->header, s)) {
      // Nothing after `while True:` runs unless a break leaves it, so the
      // statement must be outside the function that holds the loop.
      after_endless_loop = after_endless_loop || scope_frame(closing)->level <= L;
    }
    p.top = close_frame(p.top, s, &c);
  }
  if (after_endless_loop) c.add(Feature::kAfterEndlessLoop, 30);
  p.scope = scope_frame(p.top.get());
  rules_.score(&p, clause_cost, &c);
  return record(st, p, c);
}

// Records the statement in its block and opens the block it starts.
State IndentationSearch::record(const State& before, const Placement& p, const Costs& c) const {
  const Stmt& S = p.S;
  auto frame = std::make_shared<Frame>(*p.top);
  if (S.clause == Clause::kNone) {
    ++frame->stmt_count;
    frame->chain_len = 0;
    frame->direct_exit = S.is_return || S.is_raise || S.is_break;
    frame->ends_in_exit = frame->direct_exit;
  }
  for (int id : S.stores) {
    auto existing = std::find_if(frame->bindings.begin(), frame->bindings.end(),
                                 [&](const Binding& x) { return x.name == id; });
    if (existing == frame->bindings.end()) {
      frame->bindings.push_back(Binding{id, p.L, kPlain});
    } else {
      existing->flags = kPlain;
    }
  }
  frame->last_assign = (S.assigned_plain >= 0 && frame->scope == Scope::kFunction) ? S.assigned_plain : -1;
  frame->last_compound = (S.compound != Owner::kNone && !S.opens_block) ? p.resolved : Owner::kNone;
  if (S.is_def) frame->has_def = true;
  // `if x is None: x = []` and `if n > best: best = n` set one value and
  // end; an absence test is the stronger sign.
  if (frame->stmt_count == 1 && frame->owner == Owner::kIf && S.is_assignment && S.target_base >= 0 &&
      contains(stmts_[frame->header].guard_names, S.target_base)) {
    frame->guard_weight = stmts_[frame->header].absence_test ? 4.0 : 1.0;
  }
  FramePtr placed = frame;
  if (S.opens_block) {
    auto body = std::make_shared<Frame>();
    body->parent = placed;
    body->level = p.L + 1;
    body->owner = p.resolved;
    body->scope = p.resolved == Owner::kDef     ? Scope::kFunction
                  : p.resolved == Owner::kClass ? Scope::kClass
                                                : frame->scope;
    body->header = p.s;
    for (int id : S.body_binds) body->bindings.push_back(Binding{id, p.L + 1, S.body_flag});
    body->sibling_max = S.clause != Clause::kNone ? frame->chain_len : 0;
    placed = body;
  }
  State child;
  child.top = placed;
  child.level = p.L;
  child.last = p.s;
  child.cost = before.cost + c.total();
  child.path = std::make_shared<const PathNode>(PathNode{before.path, p.L});
  child.notes = c.notes();
  return child;
}

State IndentationSearch::finish(const State& st) const {
  const int n = static_cast<int>(stmts_.size());
  Costs c(st.notes, n - 1);
  FramePtr top = st.top;
  while (top->parent) top = close_frame(top, n, &c);
  if (top->last_compound == Owner::kTry) c.add(Feature::kImpossible, kImpossibleCost);
  if (n > 0 && stmts_.back().opens_block) c.add(Feature::kImpossible, kImpossibleCost);
  State done = st;
  done.top = top;
  done.cost += c.total();
  done.notes = c.notes();
  return done;
}

std::vector<State> IndentationSearch::run() {
  auto module = std::make_shared<Frame>();
  State start;
  start.top = module;
  std::vector<State> beam = {start};
  std::vector<State> children;
  constexpr std::size_t kPerSignature = 3;
  for (int s = 0; s < static_cast<int>(stmts_.size()); ++s) {
    children.clear();
    for (const State& st : beam) expand(st, s, &children);
    std::stable_sort(children.begin(), children.end(),
                     [](const State& a, const State& b) { return a.cost < b.cost; });
    // Keep the best few of each block structure first, so one structure
    // cannot crowd out the others; then fill up with the best of the rest.
    beam.clear();
    std::unordered_map<std::uint64_t, std::size_t> per_signature;
    std::vector<char> taken(children.size(), 0);
    for (std::size_t k = 0; k < children.size() && beam.size() < static_cast<std::size_t>(beam_width_); ++k) {
      if (++per_signature[signature(children[k])] > kPerSignature) continue;
      taken[k] = 1;
      beam.push_back(children[k]);
    }
    for (std::size_t k = 0; k < children.size() && beam.size() < static_cast<std::size_t>(beam_width_); ++k) {
      if (!taken[k]) beam.push_back(children[k]);
    }
    std::stable_sort(beam.begin(), beam.end(), [](const State& a, const State& b) { return a.cost < b.cost; });
  }
  std::vector<State> done;
  done.reserve(beam.size());
  for (const State& st : beam) done.push_back(finish(st));
  std::vector<std::vector<int>> levels(done.size());
  for (std::size_t i = 0; i < done.size(); ++i) {
    for (const PathNode* p = done[i].path.get(); p; p = p->prev.get()) levels[i].push_back(p->level);
    std::reverse(levels[i].begin(), levels[i].end());
    // Samples show output: a print nobody calls means the demo code was
    // swallowed by a function body.
    Costs c(done[i].notes, 0);
    for (int s : rules_.unreachable_prints(levels[i])) {
      c.set_stmt(s);
      c.add(Feature::kUnreachableOutput, 6);
    }
    done[i].cost += c.total();
    done[i].notes = c.notes();
  }
  // Equal penalties: the layout that keeps blocks open longer wins, as the
  // per-statement prior does.
  std::vector<std::size_t> order(done.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (done[a].cost < done[b].cost - 1e-9) return true;
    if (done[b].cost < done[a].cost - 1e-9) return false;
    return levels[a] > levels[b];
  });
  std::vector<State> sorted;
  sorted.reserve(done.size());
  for (std::size_t i : order) sorted.push_back(std::move(done[i]));
  return sorted;
}

}  // namespace guidecheck
