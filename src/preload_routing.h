#pragma once
// Which zygote a run goes to. Forking a zygote that holds numpy, pandas and
// pytest costs milliseconds of kernel time (its page tables are copied and
// torn down); a sample that imports none of them does not pay for that: it
// runs in a slim zygote beside the loaded one. The choice is a static scan of
// the sample's imports; a sample that imports pandas indirectly (through a
// module of its own, or importlib) still works in the slim one, only slower.

#include <memory>
#include <string>
#include <vector>

#include "runner.h"
#include "scheduler.h"
#include "zygote.h"

namespace guidecheck {

/// The top-level modules `source` names in its import statements
/// (`import a.b, c as d` -> a, c; `from e.f import g` -> e), at any
/// indentation; relative imports are not counted.
std::vector<std::string> imported_modules(const std::string& source);

/// True when `spec` should run where `preload` is loaded: it imports one of
/// them (its prelude included), or runs under pytest and pytest is one.
bool wants_preloaded(const RunSpec& spec, const std::vector<std::string>& preload);

/// Runs each spec in the loaded zygote or the slim one (no preload), each
/// started on first use, both under one scheduler: the slim runs go on
/// while the loaded zygote is still importing its modules.
class PreloadRoutingRunner : public Runner {
 public:
  /// `idle_extra`: runs beyond `jobs` while cores sit idle (ZygoteRunner::fill_idle_cores).
  PreloadRoutingRunner(const ZygoteOptions& loaded, int jobs, int idle_extra = 0);
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) override;
  std::string interpreter_identity() const override { return loaded_.interpreter_identity(); }

 private:
  std::vector<std::string> preload_;
  int jobs_;
  int idle_extra_;
  LazyZygoteRunner loaded_;
  LazyZygoteRunner slim_;
};

}  // namespace guidecheck
