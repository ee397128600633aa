#include "idle_cores.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace guidecheck {

std::optional<unsigned long long> idle_ticks(const std::string& proc_stat, const std::vector<int>& cpus) {
  std::istringstream in(proc_stat);
  std::string line;
  std::optional<unsigned long long> total;
  while (std::getline(in, line)) {
    // "cpu3 user nice system idle iowait irq softirq steal ..."; "cpu " is the sum.
    if (line.rfind("cpu", 0) != 0 || line.size() < 4 || line[3] < '0' || line[3] > '9') continue;
    std::istringstream fields(line.substr(3));
    int cpu = -1;
    unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0;
    if (!(fields >> cpu >> user >> nice >> system >> idle)) continue;
    if (!(fields >> iowait)) iowait = 0;
    if (std::find(cpus.begin(), cpus.end(), cpu) == cpus.end()) continue;
    total = total.value_or(0) + idle + iowait;
  }
  return total;
}

std::vector<int> allowed_cpus() {
  std::vector<int> cpus;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  return cpus;
}

IdleCores::IdleCores(std::function<std::string()> read_stat, std::function<Clock::time_point()> now)
    : read_stat_(std::move(read_stat)),
      now_(std::move(now)),
      cpus_(allowed_cpus()),
      ticks_per_second_(std::max(1L, sysconf(_SC_CLK_TCK))) {
  if (!read_stat_) read_stat_ = [] {
    std::ifstream in("/proc/stat");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  if (!now_) now_ = [] { return Clock::now(); };
}

bool IdleCores::idle_for(std::chrono::milliseconds window, double cores) {
  const Clock::time_point now = now_();
  if (ticks_ && now - started_ < window) return false;
  std::optional<unsigned long long> ticks = idle_ticks(read_stat_(), cpus_);
  if (!ticks) return false;  // no /proc/stat: never more than -j
  const bool first = !ticks_;
  const unsigned long long before = ticks_.value_or(0);
  const double seconds = std::chrono::duration<double>(now - started_).count();
  ticks_ = ticks;
  started_ = now;
  if (first || *ticks < before || seconds <= 0) return false;
  return static_cast<double>(*ticks - before) / static_cast<double>(ticks_per_second_) >= cores * seconds;
}

}  // namespace guidecheck
