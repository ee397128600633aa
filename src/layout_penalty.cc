#include "layout_penalty.h"

#include <fmt/format.h>

namespace guidecheck {

std::string describe(Feature f, const std::string& name) {
  switch (f) {
    case Feature::kImpossible: return "Python would reject it";
    case Feature::kDedent: return "it closes a block";
    case Feature::kDeadCode: return "it would be unreachable after return/raise/break/continue";
    case Feature::kAfterPass: return "it would follow 'pass' in the same block";
    case Feature::kOuterClause: return "the clause would pair with an outer statement";
    case Feature::kMethodOutsideClass: return fmt::format("method '{}' would sit outside a class", name);
    case Feature::kFunctionInClass: return fmt::format("function '{}' has no self but would sit in a class", name);
    case Feature::kNestedFunction: return fmt::format("function '{}' would be nested in a block", name);
    case Feature::kNestedClass: return fmt::format("class '{}' would be nested in a block", name);
    case Feature::kNestedImport: return "the import would sit inside a block";
    case Feature::kNestedMainGuard: return "the __main__ guard would sit inside a block";
    case Feature::kNameNotVisible: return fmt::format("'{}' would not be defined there", name);
    case Feature::kLoopVariableAfterLoop: return fmt::format("loop variable '{}' would be used after its loop", name);
    case Feature::kClassSelfReference: return fmt::format("class '{}' would be used inside its own body", name);
    case Feature::kRecursionConstant:
      return fmt::format("'{}' would call itself with constant arguments (endless recursion)", name);
    case Feature::kRecursion: return fmt::format("'{}' would call itself", name);
    case Feature::kSelfReference: return fmt::format("'{}' would refer to itself inside its own body", name);
    case Feature::kLoopTerminal: return "the loop would end after its first iteration";
    case Feature::kDeadStore: return fmt::format("the value assigned to '{}' would never be used", name);
    case Feature::kGuardContinues: return "a one-line initialisation guard would go on";
    case Feature::kReturnDeep: return "the return would sit deeper than the value it returns";
    case Feature::kClassBodyAfterMethods: return "a class attribute would follow the methods";
    case Feature::kClassBodyStatement: return "a plain statement would run in a class body";
    case Feature::kInfiniteWhile: return "a while loop would never change its condition";
    case Feature::kCommentBreak: return "a block would go on across a comment break";
    case Feature::kLoopUnrelated: return "a loop or with block would go on without using its names";
    case Feature::kFunctionUnrelated: return "a function would go on without using its locals";
    case Feature::kBranchLonger: return "a branch would grow longer than its siblings";
    case Feature::kSiblingSplit: return "a run of similar statements would be split";
    case Feature::kSelfInstance:
      return fmt::format("a '{}' would be created with constant arguments inside its own method", name);
    case Feature::kUnreachableOutput: return "a print would sit in code the sample never runs";
    case Feature::kRedundantContinue: return "'continue' would be the last thing its loop does";
    case Feature::kBranchShorter: return "a branch would end shorter than its siblings";
    case Feature::kUnusedGlobal: return "a global declaration would have no assignment after it";
    case Feature::kAfterEndlessLoop: return "it would follow a 'while True' loop that never breaks";
    case Feature::kElseAfterLeaving: return "an 'else' would follow an if that always leaves";
    case Feature::kJumpInFinally: return "a return/break/continue would sit in 'finally'";
    case Feature::kCounterOutsideLoop: return fmt::format("local '{}' would be updated outside any loop", name);
  }
  return "";
}

}  // namespace guidecheck
