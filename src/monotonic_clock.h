#pragma once
// Microseconds on the monotonic clock, for run durations.

#include <time.h>

namespace guidecheck {

inline long long monotonic_micros() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

}  // namespace guidecheck
