#pragma once
// The result cache, in the manner of ccache: a run whose key was seen before
// is answered from disk instead of being run. The key is everything that
// can change the outcome: the run's identity (source, stdin, mode, prelude,
// limits, sandbox settings, the interpreter, its preload set and hash seed,
// the packages it can import, guidecheck's version) and the files beside
// the sample that it imports (local_imports.h). Only the outcome is kept: claims and
// expected/ are judged afresh on every check.
//
// Safety: an entry is written atomically and read defensively (a corrupt
// one is a miss), so concurrent checks share a cache; a run that timed out,
// crashed, was interrupted or cut short, or that may reach outside (network,
// writable paths), is never stored; a run the judge finds unstable is
// forgotten (Runner::forget).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "local_imports.h"
#include "runner.h"

namespace guidecheck {

struct ResultCacheSettings {
  std::string dir;                       ///< e.g. .guidecheck/results
  uint64_t max_bytes = uint64_t{256} << 20;  ///< least recently used entries go first beyond it
};

class CachingRunner : public Runner {
 public:
  CachingRunner(Runner& inner, ResultCacheSettings settings);
  /// Trims the cache to its bound.
  ~CachingRunner() override;

  /// Outcomes from the cache where it has them (RunOutcome::cached), the
  /// rest from the inner runner, stored when they may be reused.
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) override;
  /// Passes on the runs the cache cannot answer.
  void prepare(const std::vector<RunSpec>& specs) override;
  std::string interpreter_identity() const override { return inner_.interpreter_identity(); }
  void forget(const RunSpec& spec) override;

 private:
  std::string entry_path(const RunSpec& spec);

  Runner& inner_;
  ResultCacheSettings settings_;
  std::string interpreter_;  ///< the inner runner's identity and the importable packages, once
  LocalImports local_imports_;
};

/// Removes the least recently used entries under `dir` until they take at
/// most `max_bytes`.
void trim_result_cache(const std::string& dir, uint64_t max_bytes);

}  // namespace guidecheck
