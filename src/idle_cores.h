#pragma once
// Whether the cores this process may run on have lately been idle. A run
// that sleeps or waits (asyncio.sleep, time.sleep, a socket) holds a -j
// slot while its core does nothing; when -j is left to guidecheck, the
// scheduler starts another run in such a slot, as `make -l` reads the load.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace guidecheck {

/// Idle time of the cores in this process's affinity mask, from a
/// /proc/stat text: the sum of idle and iowait ticks over their `cpuN`
/// lines. nullopt when the text holds none of them.
std::optional<unsigned long long> idle_ticks(const std::string& proc_stat, const std::vector<int>& cpus);

/// The cores (numbers) this process may run on.
std::vector<int> allowed_cpus();

class IdleCores {
 public:
  using Clock = std::chrono::steady_clock;
  /// `read_stat` gives /proc/stat's text (tests pass their own, and their clock).
  explicit IdleCores(std::function<std::string()> read_stat = {}, std::function<Clock::time_point()> now = {});

  /// True when, over a window of at least `window` that ends now, the
  /// allowed cores sat idle for at least `cores` cores' worth of that time.
  /// Each answer after a full window starts the next one; within a window
  /// the answer is false (nothing is read).
  bool idle_for(std::chrono::milliseconds window, double cores);

 private:
  std::function<std::string()> read_stat_;
  std::function<Clock::time_point()> now_;
  std::vector<int> cpus_;
  std::optional<unsigned long long> ticks_;  ///< at the window's start
  Clock::time_point started_;
  long ticks_per_second_;
};

}  // namespace guidecheck
