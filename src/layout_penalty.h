#pragma once
// The penalties of the indentation search: what a layout would mean that
// Python rejects (an else with nothing to pair with: 1000), no author writes
// (code after return, a name used where it is not defined: 40), or goes
// against habit (closing a block: 1), and the words that explain them when a
// decision stays uncertain.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace guidecheck {

/// The penalty of a layout Python rejects.
constexpr double kImpossibleCost = 1000;

/// What a penalty is for.
enum class Feature : std::uint8_t {
  kImpossible, kDedent, kDeadCode, kAfterPass, kOuterClause, kMethodOutsideClass, kFunctionInClass,
  kNestedFunction, kNestedClass, kNestedImport, kNestedMainGuard, kNameNotVisible,
  kLoopVariableAfterLoop, kClassSelfReference, kRecursionConstant, kRecursion, kSelfReference,
  kLoopTerminal, kDeadStore, kGuardContinues, kReturnDeep, kClassBodyAfterMethods,
  kClassBodyStatement, kInfiniteWhile, kCommentBreak, kLoopUnrelated, kFunctionUnrelated,
  kBranchLonger, kSiblingSplit, kSelfInstance, kUnreachableOutput, kRedundantContinue, kBranchShorter,
  kUnusedGlobal, kAfterEndlessLoop, kElseAfterLeaving, kJumpInFinally, kCounterOutsideLoop
};

/// Why a layout pays for `f`, e.g. "'divide' would call itself"; `name` is
/// the name the penalty is about, when there is one.
std::string describe(Feature f, const std::string& name);

/// One penalty a partial layout paid. The notes of a layout are a list
/// shared between the search states that extend it.
struct Note {
  std::shared_ptr<const Note> prev;
  int stmt;  ///< the statement whose placement paid
  Feature feature;
  int name;  ///< the name it is about, -1 when none
  double cost;
};
using NotePtr = std::shared_ptr<const Note>;

/// The penalties of one step of the search, added to a layout's notes.
class Costs {
 public:
  Costs(NotePtr notes, int stmt) : notes_(std::move(notes)), stmt_(stmt) {}
  /// Pays `cost` (nothing when it is not positive) for `f`.
  void add(Feature f, double cost, int name = -1) {
    if (cost <= 0) return;
    total_ += cost;
    notes_ = std::make_shared<const Note>(Note{notes_, stmt_, f, name, cost});
  }
  /// Sum of what this step paid.
  double total() const { return total_; }
  /// The layout's notes, this step's included.
  NotePtr notes() const { return notes_; }
  /// The statement later penalties are noted for.
  void set_stmt(int stmt) { stmt_ = stmt; }

 private:
  NotePtr notes_;
  int stmt_;
  double total_ = 0;
};

}  // namespace guidecheck
