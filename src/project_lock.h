#pragma once
// One writer at a time: `update`, `extract` and `--write-guide` hold an
// exclusive lock on the snippets directory while they run.

#include <functional>
#include <optional>
#include <string>

#include "fd.h"

namespace guidecheck {

/// An exclusive flock(2) on a directory, released when the object goes (or
/// the process dies: the kernel drops it). Locking the directory itself
/// leaves no lock file in the project.
class ProjectLock {
 public:
  /// Locks `dir` (created if missing). When another process holds it,
  /// calls `on_wait` once and blocks until it is free. std::nullopt with
  /// *err = "dir: reason" when the directory cannot be opened, or
  /// "dir: interrupted while waiting for another guidecheck" on a signal.
  static std::optional<ProjectLock> acquire(const std::string& dir, const std::function<void()>& on_wait,
                                            std::string* err);

 private:
  explicit ProjectLock(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;
};

}  // namespace guidecheck
