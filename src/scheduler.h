#pragma once
// The host's only poll loop: runs snippets through a zygote, -j at a time,
// longest first, with deadlines and Ctrl-C handling.

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "runner.h"
#include "zygote.h"

namespace guidecheck {

/// The order in which the scheduler starts `specs` (indices into it): the
/// longest expected_duration_s first, so the slowest run does not start
/// last and hold up the end. Runs with no known duration (0) come after
/// every known one; ties keep their order in `specs`.
std::vector<size_t> start_order(const std::vector<RunSpec>& specs);

/// Which of a runner's zygotes the spec at an index of run()'s specs runs
/// in (an index into the zygotes).
using ZygoteChooser = std::function<size_t(size_t spec_index)>;

class ZygoteRunner : public Runner {
 public:
  ZygoteRunner(Zygote& zygote, int jobs) : zygotes_{&zygote}, jobs_(jobs < 1 ? 1 : jobs) {}
  /// Several zygotes under the one poll loop: each spec runs in
  /// `zygotes[choose(spec)]`, all of them at once within `jobs`.
  ZygoteRunner(std::vector<Zygote*> zygotes, ZygoteChooser choose, int jobs)
      : zygotes_(std::move(zygotes)), choose_(std::move(choose)), jobs_(jobs < 1 ? 1 : jobs) {}
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) override;
  std::string interpreter_identity() const override { return zygote_identity(zygotes_.front()->options()); }

  /// Up to `extra` runs beyond -j while the cores sit idle (runs that sleep
  /// or wait hold their slots): for a -j that guidecheck chose, never for
  /// one the user gave. `cores_idle` answers whether they are idle now
  /// (default: IdleCores over /proc/stat); tests pass their own.
  void fill_idle_cores(int extra, std::function<bool()> cores_idle = {}) {
    idle_extra_ = extra;
    cores_idle_ = std::move(cores_idle);
  }

  /// Set by SIGINT/SIGTERM (see install_interrupt_handlers): running
  /// snippets are killed, the rest are reported as not run.
  static std::atomic<bool>& interrupted();
  /// The signal that interrupted (SIGINT, SIGTERM, SIGHUP or SIGQUIT); 0: none.
  static std::atomic<int>& interrupt_signal();
  static void install_interrupt_handlers();

 private:
  std::vector<Zygote*> zygotes_;
  ZygoteChooser choose_;  ///< empty: the first zygote
  int jobs_;
  int idle_extra_ = 0;
  std::function<bool()> cores_idle_;
};

/// The directories of the runs' files, absolute, each once, at most a few
/// (the zygote lists them for every run: ZygoteOptions::import_dirs).
std::vector<std::string> script_directories(const std::vector<RunSpec>& specs);

/// A ZygoteRunner whose zygote starts on first use: the second opinion that
/// `check` and `update` ask for (another hash seed, another moment) only
/// when outputs need it.
class LazyZygoteRunner : public Runner {
 public:
  LazyZygoteRunner(ZygoteOptions options, int jobs) : options_(std::move(options)), jobs_(jobs) {}
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) override;
  std::string interpreter_identity() const override { return zygote_identity(options_); }
  void prepare(const std::vector<RunSpec>& specs) override {
    if (!specs.empty()) start(specs);
  }
  /// Starts the zygote now unless it runs already (it initialises in the
  /// background); false with the reason in the outcomes of the next run when
  /// it cannot start. The zygote lists the directories of `specs`' files
  /// (script_directories, ZygoteOptions::import_dirs).
  bool start(const std::vector<RunSpec>& specs);
  /// The zygote once started (null before, or when it could not start), and why not.
  Zygote* zygote() const { return zygote_.get(); }
  const std::string& start_error() const { return start_error_; }

 private:
  ZygoteOptions options_;
  std::string start_error_;
  int jobs_;
  std::unique_ptr<Zygote> zygote_;
};

}  // namespace guidecheck
