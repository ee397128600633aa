#pragma once
// Which earlier samples of a guide a sample continues (a tutorial that
// defines a list in one block, appends to it in the next and prints it in a
// third): for each name it needs, the latest earlier sample that wrote it
// (bound it, or changed it in place), and whatever that one continues.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace guidecheck {

/// More continued samples than a guide could mean; only the latest are kept.
constexpr std::size_t kMaxContinued = 200;

/// Fed the samples in guide order.
class SampleContinuations {
 public:
  /// Records sample number `count()` and returns the numbers of the earlier
  /// samples it continues, transitively, in guide order (at most
  /// kMaxContinued, the latest). `needs`: names it reads before (or without)
  /// binding them; `binds`: names it binds at module level; `changes`:
  /// names it changes in place (`xs.append(4)`, `d["k"] = 1`).
  std::vector<std::size_t> add(const std::vector<std::string>& binds, const std::vector<std::string>& needs,
                               const std::vector<std::string>& changes = {});

  /// Records more code of the last sample (a block the page says continues
  /// it): what it needs joins what that sample continues, what it binds or
  /// changes is that sample's. Nothing when no sample was recorded.
  void extend_last(const std::vector<std::string>& binds, const std::vector<std::string>& needs,
                   const std::vector<std::string>& changes = {});

  /// True when an earlier sample binds `name`.
  bool bound_before(const std::string& name) const { return bound_.count(name) != 0; }

  /// Samples recorded so far.
  std::size_t count() const { return continued_.size(); }

 private:
  // The latest writer's own continuations include every earlier writer of
  // the name (it read the name to change it), so one writer per name is enough.
  std::unordered_map<std::string, std::size_t> writer_;
  std::unordered_set<std::string> bound_;
  std::vector<std::vector<std::size_t>> continued_;  // per sample, sorted

  // The samples that `needs` continue, transitively, sorted, at most kMaxContinued.
  std::vector<std::size_t> writers_of(const std::vector<std::string>& needs) const;
  void record_writes(std::size_t sample, const std::vector<std::string>& binds, const std::vector<std::string>& changes);
};

}  // namespace guidecheck
