#pragma once
// Which zygote a run goes to. Forking a zygote that holds numpy, pandas and
// pytest costs milliseconds of kernel time (its page tables are copied and
// torn down); a sample that imports none of them does not pay for that. Nor
// does a sample that imports nothing pay for the standard library's common
// modules, which cost a fresh interpreter 2 to 60 ms each to import. So there
// are up to three zygotes, lightest first: a slim one, one that also holds
// those common modules, and the loaded one; a sample goes to the heaviest
// whose modules it imports. The choice is a static scan of the sample's
// imports; a sample that imports pandas indirectly (through a module of its
// own, or importlib) still works in a lighter one, only slower.

#include <memory>
#include <string>
#include <vector>

#include "imported_modules.h"
#include "runner.h"
#include "scheduler.h"
#include "zygote.h"

namespace guidecheck {

/// What a run needs imported: the modules its code (prelude included)
/// names, and pytest when it runs under pytest.
std::vector<std::string> modules_wanted(const RunSpec& spec);

/// True when `spec` should run where `preload` is loaded: it imports one of
/// them (its prelude included; `unittest.mock` stands for `unittest`), or
/// runs under pytest and pytest is one.
bool wants_preloaded(const RunSpec& spec, const std::vector<std::string>& preload);

/// Standard-library modules that guides often import and that a fresh
/// interpreter does not hold: each costs milliseconds to import, and
/// importing it has no effect a sample could see but its presence in
/// sys.modules (no output, no thread, nothing read from the environment).
/// Left out: what the slim zygote holds already (os, io, collections, ...),
/// what costs nearly nothing (math, itertools), and network clients
/// (urllib.request, http.client), which samples rarely import. asyncio
/// brings ssl in: OpenSSL reseeds its generator in a forked process, as
/// every preforking server relies on.
const std::vector<std::string>& common_stdlib_modules();

/// Of `candidates`, the modules worth a zygote of their own for runs that
/// each want `wanted[i]` (modules_wanted):
/// those that two runs or more import (one import is paid once either way),
/// and only if at least `kMinRunsForCommonZygote` runs would go there (a
/// zygote's own start, about 50 ms of CPU here, is what four runs' imports of
/// such modules save). Runs for the loaded zygote (`loaded`) do not count.
std::vector<std::string> worth_preloading(const std::vector<std::vector<std::string>>& wanted,
                                          const std::vector<std::string>& candidates,
                                          const std::vector<std::string>& loaded);
constexpr size_t kMinRunsForCommonZygote = 4;

/// Of `preload`, the modules that some of the runs import (`wanted`, one
/// modules_wanted per run): all the loaded
/// zygote needs to hold for them (a re-check that runs only pytest files
/// need not import pandas).
std::vector<std::string> imported_preloads(const std::vector<std::vector<std::string>>& wanted,
                                           const std::vector<std::string>& preload);

/// Runs each spec in the heaviest zygote whose modules it imports: the
/// loaded zygote (those of `loaded.preload` that the runs import, see
/// imported_preloads); a zygote with the common modules that the runs
/// import often (`common`, see worth_preloading); else a slim one (no
/// preload). What each zygote holds is decided by the first run() that
/// needs it. Each starts on first use, all under one scheduler: the slim
/// runs go on while the loaded zygote is still importing its modules.
class PreloadRoutingRunner : public Runner {
 public:
  /// `idle_extra`: runs beyond `jobs` while cores sit idle (ZygoteRunner::fill_idle_cores).
  PreloadRoutingRunner(const ZygoteOptions& loaded, std::vector<std::string> common, int jobs, int idle_extra = 0);
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) override;
  /// Chooses the zygotes these runs need and starts them.
  void prepare(const std::vector<RunSpec>& specs) override;
  /// The loaded zygote's identity, and which modules the common one may hold.
  std::string interpreter_identity() const override { return identity_; }

 private:
  enum Tier { kSlim, kCommon, kLoaded, kTiers };
  /// Each run's imports, and each run's tier (the loaded and common
  /// zygotes' modules chosen on the first call, from these runs).
  std::vector<Tier> choose_tiers(const std::vector<RunSpec>& specs);
  Tier tier_for(const std::vector<std::string>& wanted) const;
  LazyZygoteRunner* zygote_of(Tier tier) const;

  ZygoteOptions loaded_options_;
  std::vector<std::string> common_candidates_;
  std::vector<std::string> loaded_modules_;  ///< chosen on the first run() that imports any of them
  std::vector<std::string> common_modules_;  ///< chosen on the first run() that makes it worth it
  int jobs_;
  int idle_extra_;
  std::string identity_;
  std::unique_ptr<LazyZygoteRunner> slim_, common_, loaded_;
};

}  // namespace guidecheck
