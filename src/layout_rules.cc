#include "layout_rules.h"

#include <climits>
#include <string>
#include <unordered_map>

namespace guidecheck {

LayoutRules::LayoutRules(const std::vector<Stmt>& stmts, const StatementAnalyzer& names)
    : stmts_(stmts), names_(names) {
  precompute();
}

// Facts about the sample that do not depend on the layout, indexed so the
// search stays linear on long samples.
void LayoutRules::precompute() {
  const int n = static_cast<int>(stmts_.size());
  const auto names = static_cast<size_t>(names_.size());
  std::vector<std::vector<int>> changes(names);  // per name: statements binding or mutating it, in order
  std::vector<int> last_load(names, -1);
  stores_at_.assign(names, {});
  loads_at_.assign(names, {});
  for (int i = 0; i < n; ++i) {
    const Stmt& st = stmts_[i];
    for (const auto* ids : {&st.stores, &st.body_binds}) {
      for (int id : *ids) {
        if (stores_at_[id].empty() || stores_at_[id].back() != i) stores_at_[id].push_back(i);
      }
    }
    for (const auto* ids : {&st.stores, &st.body_binds, &st.mutated}) {
      for (int id : *ids) {
        if (changes[id].empty() || changes[id].back() != i) changes[id].push_back(i);
      }
    }
    for (int id : st.loads) {
      last_load[id] = i;
      loads_at_[id].push_back(i);
    }
  }
  auto next_in = [&](const std::vector<int>& at, int after) {
    auto it = std::upper_bound(at.begin(), at.end(), after);
    return it == at.end() ? n : *it;
  };
  first_store_.assign(names, INT_MAX);
  for (size_t id = 0; id < names; ++id) {
    if (!stores_at_[id].empty()) first_store_[id] = stores_at_[id].front();
  }
  used_later_.assign(static_cast<size_t>(n), false);
  declared_used_.assign(static_cast<size_t>(n), n);
  while_progress_.assign(static_cast<size_t>(n), n);
  break_prefix_.assign(static_cast<size_t>(n) + 1, 0);
  std::vector<int> next_exit(static_cast<size_t>(n) + 1, n);
  std::vector<int> next_yield(static_cast<size_t>(n) + 1, n);
  for (int i = n - 1; i >= 0; --i) {
    next_exit[i] = stmts_[i].exits ? i : next_exit[i + 1];
    next_yield[i] = stmts_[i].has_yield ? i : next_yield[i + 1];
  }
  for (int i = 0; i < n; ++i) {
    const Stmt& st = stmts_[i];
    break_prefix_[i + 1] = break_prefix_[i] + (st.has_break ? 1 : 0);
    if (st.name >= 0) used_later_[i] = last_load[st.name] > i;
    if (!st.declared.empty()) {
      declarations_.push_back(i);
      for (int id : st.declared) declared_used_[i] = std::min(declared_used_[i], next_in(changes[id], i));
    }
    if (st.compound == Owner::kWhile) {
      int progress = next_exit[std::min(i + 1, n)];
      if (st.cond_true) progress = std::min(progress, next_yield[std::min(i + 1, n)]);
      if (!st.cond_true) {
        for (int id : st.cond_names) progress = std::min(progress, next_in(changes[id], i));
      }
      while_progress_[i] = progress;
    }
  }
}

const Binding* LayoutRules::lookup(const Frame* top, int name) const {
  bool crossed_function = false;
  for (const Frame* f = top; f; f = f->parent.get()) {
    // Class bodies are not visible from the methods inside them.
    const bool visible = !(f->scope == Scope::kClass && crossed_function);
    if (visible) {
      for (const Binding& b : f->bindings) {
        if (b.name == name) return &b;
      }
    }
    if (f->owner == Owner::kDef) crossed_function = true;
  }
  return nullptr;
}

bool LayoutRules::bound_within(const Frame* top, const Frame* until, int name, int* level) const {
  bool found = false;
  for (const Frame* f = top; f; f = f->parent.get()) {
    for (const Binding& b : f->bindings) {
      if (b.name != name) continue;
      if (level && (!found || b.level < *level)) *level = b.level;
      found = true;
    }
    if (f == until) break;
  }
  return found;
}

// Does statement s work with the block's own names: its loop variables or
// `as` targets, its counters, names first bound inside it, or (in loops)
// an accumulator it updates?
bool LayoutRules::related_to_block(const Frame* block, int s) const {
  const Stmt& h = stmts_[block->header];
  const Stmt& S = stmts_[s];
  if (S.augmented && block->owner != Owner::kWith) return true;
  for (int id : S.loads) {
    if (contains(h.body_binds, id) || contains(h.counters, id)) return true;
    if (occurs_between(stores_at_[id], block->header, s) && !lookup(block->parent.get(), id)) return true;
  }
  return false;
}

void LayoutRules::score_closing(const Frame& f, int before, Costs* costs) const {
  if (f.owner == Owner::kWhile && while_progress_[f.header] >= before) costs->add(Feature::kInfiniteWhile, 10);
  if (f.last_compound == Owner::kTry) costs->add(Feature::kImpossible, kImpossibleCost);
  if (f.owner == Owner::kDef) {
    // `global x` promises an assignment to x in the same function.
    for (int g : declarations_) {
      if (g > f.header && g < before && declared_used_[g] >= before) costs->add(Feature::kUnusedGlobal, 6);
    }
  }
  // A loop whose body always leaves through a compound statement (a try
  // that returns, whose handlers raise) runs once.
  if ((f.owner == Owner::kFor || f.owner == Owner::kWhile) && f.ends_in_exit && !f.direct_exit) {
    costs->add(Feature::kLoopTerminal, 12);
  }
}

void LayoutRules::score(Placement* p, double clause_cost, Costs* c) const {
  score_structure(p, clause_cost, c);
  score_block_ends(*p, c);
  score_definitions(*p, c);
  score_names(*p, c);
  score_flow(*p, c);
  score_cues(*p, c);
}

// What Python itself requires: clauses pair with the statement that just
// ended at their level; return, await and break need their surroundings.
void LayoutRules::score_structure(Placement* p, double clause_cost, Costs* c) const {
  const Stmt& S = p->S;
  const Frame* top = p->top.get();
  if (S.clause == Clause::kCase) {
    if (top->owner != Owner::kMatch) c->add(Feature::kImpossible, kImpossibleCost);
  } else if (S.clause != Clause::kNone) {
    if (!clause_fits(S.clause, top->last_compound, &p->resolved)) c->add(Feature::kImpossible, kImpossibleCost);
    // `for ...: if found: break` then `else:` is the for-else idiom; an
    // `else` after an if whose body just left the loop is pointless.
    const Frame* loop = innermost_loop(p->before);
    const bool for_else = p->prev && p->prev->is_break && loop && p->resolved == Owner::kElseOfLoop &&
                          loop->level == p->L + 1;
    if (!for_else) c->add(Feature::kOuterClause, clause_cost + (p->resolved == Owner::kElseOfLoop ? 2.0 : 0.0));
    if (p->prev && (p->prev->is_break || p->prev->is_continue) && p->resolved == Owner::kElse && p->L == p->cur - 1) {
      c->add(Feature::kElseAfterLeaving, 2);
    }
  } else {
    if (top->last_compound == Owner::kTry) c->add(Feature::kImpossible, kImpossibleCost);
    if (top->owner == Owner::kMatch) c->add(Feature::kImpossible, kImpossibleCost);
  }
  const Frame* scope = p->scope;
  if (S.needs_function && scope->owner != Owner::kDef) c->add(Feature::kImpossible, kImpossibleCost);
  if (S.needs_async && !(scope->owner == Owner::kDef && stmts_[scope->header].is_async_def)) {
    c->add(Feature::kImpossible, kImpossibleCost);
  }
  if (S.needs_loop && !innermost_loop(top)) c->add(Feature::kImpossible, kImpossibleCost);
}

// Where blocks end: staying is the default, and some statements cannot be
// followed by more of the same block.
void LayoutRules::score_block_ends(const Placement& p, Costs* c) const {
  if (p.forced || !p.prev) return;
  const Stmt& S = p.S;
  const Stmt& prev = *p.prev;
  if (p.L < p.cur) {
    c->add(Feature::kDedent, 1.0 + 0.3 * (p.cur - p.L - 1));
    if (prev.sibling_key >= 0 && prev.sibling_key == S.sibling_key) c->add(Feature::kSiblingSplit, 0.8);
    const Frame* left = p.before;
    if ((left->owner == Owner::kElif || left->owner == Owner::kElse) && left->stmt_count < left->sibling_max) {
      c->add(Feature::kBranchShorter, 0.8);
    }
  } else {
    if (prev.terminator) c->add(Feature::kDeadCode, 40);
    if (prev.is_pass) c->add(Feature::kAfterPass, 15);
  }
  // `continue` skips the rest of the loop body, so something must follow
  // it inside the loop.
  if (prev.is_continue) {
    const Frame* loop = innermost_loop(p.before);
    if (loop && p.L < loop->level) c->add(Feature::kRedundantContinue, 6);
  }
}

// Definitions an author would not write (a closure nobody uses, a class
// inside a loop) cost more than the uncertainty threshold.
void LayoutRules::score_definitions(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const bool direct_class = p.top->owner == Owner::kClass;
  int target = -1;
  if (S.decorator && !(p.prev && p.prev->decorator)) target = S.decorated;
  if ((S.is_def || S.is_class) && !S.has_decorators) target = p.s;
  if (target >= 0) {
    const Stmt& T = stmts_[target];
    if (T.is_def && T.method_like) {
      if (!direct_class) c->add(Feature::kMethodOutsideClass, 30, T.name);
    } else if (T.is_def && p.L > 0) {
      if (direct_class || p.scope->owner == Owner::kClass) {
        c->add(Feature::kFunctionInClass, 30, T.name);
      } else if (p.scope->owner == Owner::kDef) {
        c->add(Feature::kNestedFunction, used_later_[target] ? 3 : 30, T.name);
      } else {
        c->add(Feature::kNestedFunction, 6, T.name);
      }
    } else if (T.is_class && p.L > 0) {
      c->add(Feature::kNestedClass, direct_class ? 2 : 30, T.name);
    }
  }
  if (S.is_import && p.L > 0) c->add(Feature::kNestedImport, 3);
  if (S.is_main_guard && p.L > 0) c->add(Feature::kNestedMainGuard, 20);
}

// Names are read where they are defined, and not inside their own
// definition: a class is not complete inside its body, and a function that
// calls itself with constant arguments never ends.
void LayoutRules::score_names(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const Frame* top = p.top.get();
  for (int id : S.loads) {
    const Binding* b = lookup(top, id);
    if (!b) {
      if (first_store_[id] < p.s && !names_.declared_global(id)) c->add(Feature::kNameNotVisible, 40, id);
    } else if (b->flags & kClosedLoopVar) {
      c->add(Feature::kLoopVariableAfterLoop, 3, id);
    }
  }
  auto uses_locals_of = [&](const Call& call, const Frame* function) {
    return std::any_of(call.args.begin(), call.args.end(),
                       [&](int a) { return bound_within(top, function, a); });
  };
  bool crossed_function = false;
  const Frame* method = nullptr;
  for (const Frame* f = top; f; f = f->parent.get()) {
    const int cname = f->owner == Owner::kClass ? stmts_[f->header].name : -1;
    if (cname >= 0 && !crossed_function && contains(S.loads, cname)) c->add(Feature::kClassSelfReference, 40, cname);
    if (cname >= 0 && crossed_function && !S.is_return) {
      // `p = Point(1, 2)` inside Point's own method is demo code that lost
      // its dedent (or endless recursion from __init__).
      for (const Call& call : S.calls) {
        if (call.name == cname && !uses_locals_of(call, method)) c->add(Feature::kSelfInstance, 20, cname);
      }
    }
    if (f->owner != Owner::kDef) continue;
    method = f;
    crossed_function = true;
    const int fname = stmts_[f->header].name;
    if (fname < 0 || !contains(S.loads, fname)) continue;
    auto call = std::find_if(S.calls.begin(), S.calls.end(), [&](const Call& x) { return x.name == fname; });
    if (call == S.calls.end()) {
      c->add(Feature::kSelfReference, 8, fname);
    } else if (uses_locals_of(*call, f)) {
      c->add(Feature::kRecursion, 1, fname);
    } else {
      c->add(Feature::kRecursionConstant, 20, fname);
    }
  }
}

// Control flow that runs but makes no sense.
void LayoutRules::score_flow(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const Frame* top = p.top.get();
  const Frame* scope = p.scope;
  const bool in_loop_body = top->owner == Owner::kFor || top->owner == Owner::kWhile;
  if ((S.is_return || S.is_break || S.is_raise) && in_loop_body) c->add(Feature::kLoopTerminal, 12);
  if (S.augmented && S.target_base >= 0 && contains(S.stores, S.target_base) && scope->owner == Owner::kDef &&
      bound_within(top, scope, S.target_base) && !innermost_loop(top)) {
    // `steps += 1` on a local: counters and accumulators live in loops.
    c->add(Feature::kCounterOutsideLoop, 2, S.target_base);
  }
  if ((S.is_return || S.is_break || S.is_continue) && top->owner == Owner::kFinally) {
    c->add(Feature::kJumpInFinally, 8);
  }
  if ((S.is_return || S.is_raise) && !p.forced && p.L == p.cur && top->last_assign >= 0 &&
      !contains(S.loads, top->last_assign)) {
    c->add(Feature::kDeadStore, 8, top->last_assign);
  }
  if (top->guard_weight > 0 && top->stmt_count == 1 && S.clause == Clause::kNone && !S.terminator && !S.is_pass) {
    c->add(Feature::kGuardContinues, top->guard_weight);
  }
  if (S.is_return && !S.loads.empty() && scope->owner == Owner::kDef) {
    // `return order` belongs where `order` was built, usually after loops.
    int built = -1;
    for (int id : S.loads) {
      int level = 0;
      if (bound_within(top, scope, id, &level)) built = std::max(built, level);
    }
    if (built >= 0 && p.L > built) c->add(Feature::kReturnDeep, 2.0 * (p.L - built));
  }
  if (top->owner == Owner::kClass && S.clause == Clause::kNone) {
    const bool definition = S.is_def || S.is_class || S.decorator || S.is_pass || S.is_docstring || S.is_ellipsis;
    if (!definition) {
      if (S.is_assignment || S.is_import) {
        if (top->has_def) c->add(Feature::kClassBodyAfterMethods, 6);
      } else {
        c->add(Feature::kClassBodyStatement, 8);
      }
    }
  }
}

// Weak cues for where a block ends when nothing stronger decides.
void LayoutRules::score_cues(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const Frame* top = p.top.get();
  if (p.forced || S.clause != Clause::kNone) return;
  const bool plain = !S.terminator && !S.is_pass && !S.decorator && !S.is_def && !S.is_class;
  if (plain) {
    // Loop bodies and `with ... as x:` bodies work with their own names.
    for (const Frame* f = top; f && f != p.scope; f = f->parent.get()) {
      const bool with_target = f->owner == Owner::kWith && !stmts_[f->header].body_binds.empty();
      if (f->owner == Owner::kFor || f->owner == Owner::kWhile || with_target) {
        // `while True:` bodies have no loop variable to relate to.
        const bool endless = f->owner == Owner::kWhile && stmts_[f->header].cond_true;
        if (!endless && !related_to_block(f, p.s)) c->add(Feature::kLoopUnrelated, 1.5);
        break;
      }
    }
    // Literal initialisations (`total = 0`) are function business; a call
    // of globals only (`p = Point(1, 2)`) reads like demo code.
    // Handlers and finally blocks clean up with whatever is at hand.
    const bool literal_assignment = S.is_assignment && S.loads.empty();
    const bool handler = is_handler(top->owner) || top->owner == Owner::kFinally;
    if (p.scope->owner == Owner::kDef && !S.is_import && !literal_assignment && !handler) {
      // Related: a local, or a global the function already works with.
      const bool uses_local = std::any_of(S.loads.begin(), S.loads.end(), [&](int id) {
        return bound_within(top, p.scope, id) || occurs_between(loads_at_[id], p.scope->header, p.s);
      });
      const bool sibling = p.prev && p.L == p.cur && p.prev->sibling_key >= 0 && p.prev->sibling_key == S.sibling_key;
      if (!uses_local && !sibling) c->add(Feature::kFunctionUnrelated, 1.2);
    }
  }
  // A comment between statements often starts a new top-level section,
  // unless the outermost block is a definition whose body it annotates.
  const Frame* outer_block = frame_at(top, 1);
  if (S.comment_before && p.cur > 0 && p.L > 0 && outer_block && outer_block->owner != Owner::kDef &&
      outer_block->owner != Owner::kClass) {
    c->add(Feature::kCommentBreak, 2.5);
  }
  // Branches of one if statement tend to be about as long; so do the
  // handlers of a top-level try (in functions they often add a return).
  const bool module_handler = (is_handler(top->owner) || top->owner == Owner::kElseOfTry) &&
                              p.scope->owner == Owner::kModule && !S.terminator;
  const bool branch = top->owner == Owner::kElif || top->owner == Owner::kElse || module_handler;
  if (branch && top->sibling_max > 0 &&
      top->stmt_count >= top->sibling_max) {
    c->add(Feature::kBranchLonger, 1.5);
  }
}

// Statements that print but never run: inside functions that nothing
// executed refers to (by name, method name, or a class's dunder methods).
std::vector<int> LayoutRules::unreachable_prints(const std::vector<int>& levels) const {
  const int n = static_cast<int>(stmts_.size());
  std::vector<int> parent(n, -1);
  std::vector<int> def_of(n, -1);
  std::vector<int> headers;  // headers[k]: the statement whose body is level k + 1
  for (int i = 0; i < n; ++i) {
    const int L = levels[i];
    if (static_cast<int>(headers.size()) > L) headers.resize(L);
    parent[i] = L > 0 && static_cast<int>(headers.size()) >= L ? headers[L - 1] : -1;
    if (parent[i] >= 0) def_of[i] = stmts_[parent[i]].is_def ? parent[i] : def_of[parent[i]];
    if (stmts_[i].opens_block) {
      headers.resize(std::min<size_t>(headers.size(), static_cast<size_t>(L)));
      while (static_cast<int>(headers.size()) < L) headers.push_back(-1);
      headers.push_back(i);
    }
  }
  std::unordered_map<int, std::vector<int>> defs_by_name;
  std::unordered_map<int, std::vector<int>> dunders_by_class;
  std::vector<std::vector<int>> members(n);
  std::vector<int> work;
  for (int i = 0; i < n; ++i) {
    if (stmts_[i].is_def && stmts_[i].name >= 0) {
      defs_by_name[stmts_[i].name].push_back(i);
      const std::string& nm = names_.name(stmts_[i].name);
      if (parent[i] >= 0 && stmts_[parent[i]].is_class && nm.size() > 4 && nm.rfind("__", 0) == 0) {
        dunders_by_class[stmts_[parent[i]].name].push_back(i);
      }
    }
    if (def_of[i] >= 0) {
      members[def_of[i]].push_back(i);
    } else {
      work.push_back(i);
    }
  }
  std::vector<char> executed(n, 0);
  std::vector<char> reached(n, 0);
  auto reach = [&](int d) {
    if (reached[d]) return;
    reached[d] = 1;
    for (int m : members[d]) work.push_back(m);
  };
  while (!work.empty()) {
    const int i = work.back();
    work.pop_back();
    if (executed[i]) continue;
    executed[i] = 1;
    for (const auto* refs : {&stmts_[i].loads, &stmts_[i].attrs}) {
      for (int id : *refs) {
        if (auto it = defs_by_name.find(id); it != defs_by_name.end()) {
          for (int d : it->second) reach(d);
        }
        if (auto it = dunders_by_class.find(id); it != dunders_by_class.end()) {
          for (int d : it->second) reach(d);
        }
      }
    }
  }
  std::vector<int> silent;
  for (int i = 0; i < n; ++i) {
    if (stmts_[i].prints && !executed[i]) silent.push_back(i);
  }
  return silent;
}

}  // namespace guidecheck
