#pragma once
// The rules of the indentation search: what placing one statement at one
// level would mean, priced with the penalties of layout_penalty.h. Each
// choice pays for what it would mean: Python rejects it, no author writes it
// (code after return, a method outside its class), the program would
// misbehave (endless recursion, a loop that runs once), or it goes against
// habit (closing a block, a loop going on with a statement that ignores its
// variables).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "block_frame.h"
#include "layout_penalty.h"
#include "statement_analysis.h"

namespace guidecheck {

/// One candidate level for one statement, with what the rules need.
struct Placement {
  const Stmt& S;
  int s;
  const Stmt* prev;
  int cur;              ///< level of the previous statement
  int L;                ///< candidate level
  bool forced;          ///< the block structure allows no other level
  const Frame* before;  ///< the innermost block the previous statement left open
  FramePtr top;         ///< the block at level L once the blocks left are closed
  const Frame* scope;   ///< innermost def, class or module around it
  Owner resolved;       ///< the statement's kind, clauses resolved (else of what)
};

/// Prices placements of the statements of one sample. Facts that do not
/// depend on the layout are computed once, indexed so the search stays
/// linear on long samples.
class LayoutRules {
 public:
  LayoutRules(const std::vector<Stmt>& stmts, const StatementAnalyzer& names);

  /// Pays for placing p->S at level p->L; sets p->resolved for clauses.
  /// `clause_cost` is what pairing a clause with an outer statement costs.
  void score(Placement* p, double clause_cost, Costs* c) const;
  /// Pays for closing block `f` before statement `before`.
  void score_closing(const Frame& f, int before, Costs* c) const;
  /// Statements that print but never run in a complete layout (statement
  /// levels): inside functions that nothing executed refers to.
  std::vector<int> unreachable_prints(const std::vector<int>& levels) const;

  /// The first statement binding `name`, INT_MAX when none does.
  int first_store(int name) const { return first_store_[name]; }
  /// Whether a break statement lies in the body after `header`, before `s`.
  bool breaks_between(int header, int s) const { return break_prefix_[s] > break_prefix_[header + 1]; }

 private:
  void precompute();
  void score_structure(Placement* p, double clause_cost, Costs* c) const;
  void score_block_ends(const Placement& p, Costs* c) const;
  void score_definitions(const Placement& p, Costs* c) const;
  void score_names(const Placement& p, Costs* c) const;
  void score_flow(const Placement& p, Costs* c) const;
  void score_cues(const Placement& p, Costs* c) const;
  const Binding* lookup(const Frame* top, int name) const;
  bool bound_within(const Frame* top, const Frame* until, int name, int* level = nullptr) const;
  bool related_to_block(const Frame* block, int s) const;
  // Whether a sorted list of statement indices has one strictly between.
  static bool occurs_between(const std::vector<int>& at, int after, int before) {
    auto it = std::upper_bound(at.begin(), at.end(), after);
    return it != at.end() && *it < before;
  }

  const std::vector<Stmt>& stmts_;
  const StatementAnalyzer& names_;
  std::vector<int> first_store_;     // per name: first statement binding it
  std::vector<int> while_progress_;  // per while header: first statement that can end the loop
  std::vector<bool> used_later_;     // per def or class: a later statement reads its name
  std::vector<int> declarations_;    // global / nonlocal statements
  std::vector<int> declared_used_;   // per declaration: first later statement assigning a declared name
  std::vector<std::vector<int>> stores_at_;  // per name: statements binding it, in order
  std::vector<std::vector<int>> loads_at_;   // per name: statements reading it, in order
  std::vector<int> break_prefix_;    // break statements before each index
};

}  // namespace guidecheck
