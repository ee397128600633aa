#pragma once
// A bound on the processes of the runs that holds for root too.
// RLIMIT_NPROC is not enforced for real root (the kernel exempts it), so
// under root the zygote moves into a pids cgroup of its own, which its runs
// inherit at fork (nothing per run: no cgroup is made or joined on the hot
// path), and keeps `pids.max` at one bound per live run. cgroup v1 (a `pids`
// hierarchy) and v2 (the unified one) both work.

#include <cstdint>
#include <optional>
#include <string>

namespace guidecheck {

class ProcessBound {
 public:
  /// Moves the calling process into a new group `guidecheck-<random>` below
  /// its pids cgroup, bounded to itself alone; nullopt with *why_not ("no
  /// pids cgroup is mounted"). Empty groups that killed zygotes left behind
  /// are removed on the way.
  static std::optional<ProcessBound> enter(std::string* why_not);

  ProcessBound(ProcessBound&& other) noexcept;
  ProcessBound& operator=(ProcessBound&& other) noexcept;
  /// Moves the process back to the group it came from and removes its own.
  ~ProcessBound();

  /// The bound for `live_runs` runs at once: the caller plus
  /// `per_run` tasks for each. False with *err.
  bool allow_runs(int live_runs, uint64_t per_run, std::string* err);

  /// The cgroup directory of the group.
  const std::string& directory() const { return group_; }

 private:
  ProcessBound(std::string parent, std::string group) : parent_(std::move(parent)), group_(std::move(group)) {}

  std::string parent_;  ///< the group the process came from
  std::string group_;   ///< empty once moved from
};

}  // namespace guidecheck
