#include "idle_cores.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace guidecheck {
namespace {

using namespace std::chrono_literals;

// A /proc/stat text in which each allowed core has `idle` idle and `iowait`
// iowait ticks, and core 4095 (never allowed) a great many.
std::string stat_text(unsigned long long idle, unsigned long long iowait) {
  std::string text = "cpu  1 2 3 999999 5 6 7 0 0 0\n";
  for (int cpu : allowed_cpus()) text += fmt::format("cpu{} 10 0 10 {} {} 0 0 0 0 0\n", cpu, idle, iowait);
  text += "cpu4095 0 0 0 888888 0 0 0 0 0 0\nintr 12345\nctxt 999\n";
  return text;
}

TEST(IdleCoresTest, SumsIdleAndIowaitOfTheAllowedCoresOnly) {
  const std::vector<int> cpus = allowed_cpus();
  ASSERT_FALSE(cpus.empty());
  EXPECT_EQ(idle_ticks(stat_text(100, 5), cpus), 105 * cpus.size());
  EXPECT_EQ(idle_ticks("cpu  1 2 3 4\nintr 1\n", cpus), std::nullopt);  // the total line is not a core
  EXPECT_EQ(idle_ticks("", cpus), std::nullopt);
  EXPECT_EQ(idle_ticks("cpu0 1 2 3 40\n", {0}), 40u);  // an old kernel without iowait
}

class FakeMachine {
 public:
  IdleCores meter() {
    return IdleCores([this] { return stat_text(idle_, 0); }, [this] { return now_; });
  }
  // `seconds` pass with every allowed core idle for `fraction` of them.
  void pass(double seconds, double fraction) {
    now_ += std::chrono::duration_cast<IdleCores::Clock::duration>(std::chrono::duration<double>(seconds));
    idle_ += static_cast<unsigned long long>(seconds * fraction * static_cast<double>(sysconf(_SC_CLK_TCK)));
  }

 private:
  IdleCores::Clock::time_point now_{};
  unsigned long long idle_ = 1000;
};

TEST(IdleCoresTest, AnswersOncePerWindowFromWhatTheCoresDid) {
  FakeMachine machine;
  IdleCores idle = machine.meter();
  EXPECT_FALSE(idle.idle_for(100ms, 0.75));  // the first reading only starts a window
  machine.pass(0.05, 1.0);
  EXPECT_FALSE(idle.idle_for(100ms, 0.75));  // within the window: no answer yet
  machine.pass(0.05, 1.0);
  EXPECT_TRUE(idle.idle_for(100ms, 0.75));  // a whole window of idle cores
  EXPECT_FALSE(idle.idle_for(100ms, 0.75));  // and that answer started the next window
  machine.pass(0.2, 0.0);
  EXPECT_FALSE(idle.idle_for(100ms, 0.75));  // busy cores
}

TEST(IdleCoresTest, OneIdleCoreIsEnoughWhateverTheirNumber) {
  const double cores = static_cast<double>(allowed_cpus().size());
  FakeMachine machine;
  IdleCores idle = machine.meter();
  idle.idle_for(100ms, 0.75);
  machine.pass(0.1, 0.8 / cores);  // 0.8 of one core idle, spread over all of them
  EXPECT_TRUE(idle.idle_for(100ms, 0.75));
  machine.pass(0.1, 0.7 / cores);
  EXPECT_FALSE(idle.idle_for(100ms, 0.75));
}

TEST(IdleCoresTest, NoProcStatMeansNeverIdle) {
  IdleCores::Clock::time_point now{};
  IdleCores idle([] { return std::string(); }, [&] { return now; });
  for (int i = 0; i < 3; ++i) {
    now += 1s;
    EXPECT_FALSE(idle.idle_for(100ms, 0.0));
  }
}

}  // namespace
}  // namespace guidecheck
