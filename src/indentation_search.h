#pragma once
// The beam search of indentation recovery. Every logical statement gets a
// level, walking the statements in order: after a line ending in ':' the next
// statement is one level deeper; otherwise it stays or closes any number of
// blocks. Each choice pays the penalties of LayoutRules; the cheapest
// partial layouts of each block structure are kept.

#include <cstdint>
#include <memory>
#include <vector>

#include "block_frame.h"
#include "layout_penalty.h"
#include "layout_rules.h"
#include "statement_analysis.h"

namespace guidecheck {

/// The levels chosen so far, last statement first; shared between states.
struct PathNode {
  std::shared_ptr<const PathNode> prev;
  int level;
};

/// A partial (or, after the search, complete) layout.
struct State {
  FramePtr top;      ///< innermost open block
  int level = 0;     ///< level of the last statement placed
  int last = -1;     ///< last statement placed
  double cost = 0;   ///< penalties paid so far
  std::shared_ptr<const PathNode> path;
  NotePtr notes;     ///< what the penalties were for
};

/// Searches layouts of one sample's statements.
class IndentationSearch {
 public:
  /// `beam_width`: partial layouts kept after each statement.
  IndentationSearch(const std::vector<Stmt>& stmts, const StatementAnalyzer& names, int beam_width)
      : stmts_(stmts), rules_(stmts, names), beam_width_(beam_width) {}

  /// The complete layouts the beam kept, most plausible first: by penalty,
  /// then (equal penalties) the one keeping blocks open longer.
  std::vector<State> run();

 private:
  void expand(const State& st, int s, std::vector<State>* out) const;
  State place(const State& st, int s, int level, bool forced, double clause_cost) const;
  State record(const State& before, const Placement& p, const Costs& c) const;
  FramePtr close_frame(const FramePtr& frame, int before, Costs* costs) const;
  State finish(const State& st) const;
  static std::uint64_t signature(const State& st);

  const std::vector<Stmt>& stmts_;
  LayoutRules rules_;
  int beam_width_;
};

}  // namespace guidecheck
