#pragma once
// Compiles the guide's candidate statements (units) with CPython, many per
// compile_check call, caching verdicts by wrapped text: a guide repeats
// idioms, and a 50 MB guide repeats everything. Part of the guide parser.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "candidate_unit.h"

namespace guidecheck {

/// A real guide has a handful of distinct lines that pass the lexical filter
/// but do not compile (the bundled one has 1); this bounds hostile input.
constexpr std::size_t kMaxFailedCompiles = 50000;

/// Judges units by compiling them, each wrapped so that it compiles alone
/// when it is code (inside a function and a loop; an else after an if...).
class UnitCompiler {
 public:
  /// Sets the verdict of units[k] for each k in `which` that has none yet.
  /// Batches grow while they compile and shrink after a failure, so a guide
  /// full of near-code costs about one compile per line, not one per batch.
  void judge(std::vector<Unit>& units, const std::vector<std::size_t>& which);

  /// True once so many distinct lines looked like Python yet failed to
  /// compile that the input is not a guide; later candidates are not compiled.
  bool exhausted() const { return failures_ >= kMaxFailedCompiles; }

 private:
  struct Pending {
    std::string text;                // wrapped at indentation 2
    std::vector<std::size_t> units;  // units with this text
    Verdict verdict;
  };

  bool compile_cached(std::string source);
  std::size_t compile_batch(std::vector<Pending>& pending, std::size_t from, std::size_t count);
  bool compile_alone(const std::string& wrapped);

  std::unordered_map<std::string, bool> cache_;
  std::size_t failures_ = 0;
};

}  // namespace guidecheck
