#include "resource_limits.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace guidecheck {

std::optional<uint64_t> parse_size(std::string_view text) {
  std::string s(text);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  if (s.empty()) return std::nullopt;
  // Accept B, KB, KiB, K (any case).
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  if (s.size() > 1 && lower(s.back()) == 'b') s.pop_back();
  if (s.size() > 1 && lower(s.back()) == 'i') s.pop_back();
  double multiplier = 1;
  if (!s.empty() && std::isalpha(static_cast<unsigned char>(s.back()))) {
    switch (lower(s.back())) {
      case 'k': multiplier = 1024.0; break;
      case 'm': multiplier = 1024.0 * 1024; break;
      case 'g': multiplier = 1024.0 * 1024 * 1024; break;
      case 't': multiplier = 1024.0 * 1024 * 1024 * 1024; break;
      default: return std::nullopt;
    }
    s.pop_back();
  }
  if (s.empty()) return std::nullopt;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(value) || value <= 0) return std::nullopt;
  double bytes = value * multiplier;
  if (bytes > 1.8e19) return std::nullopt;
  return static_cast<uint64_t>(bytes);
}

namespace {

uint64_t g_remembered_mapped_bytes = 0;

uint64_t mapped_bytes() {
  if (g_remembered_mapped_bytes) return g_remembered_mapped_bytes;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long pages = 0;
  if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
  std::fclose(f);
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

void remember_mapped_bytes() {
  g_remembered_mapped_bytes = 0;
  g_remembered_mapped_bytes = mapped_bytes();
}

bool apply_snippet_limits(uint64_t memory_bytes, std::string* err) {
  struct rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  if (memory_bytes == 0) return true;
  uint64_t total = mapped_bytes() + memory_bytes;
  // Never above the hard limit we were given (`ulimit -v` for a non-root
  // user): asking for more fails, and every run would exit 126.
  struct rlimit current{};
  if (getrlimit(RLIMIT_AS, &current) == 0 && current.rlim_max != RLIM_INFINITY)
    total = std::min<uint64_t>(total, current.rlim_max);
  struct rlimit as{total, total};
  if (setrlimit(RLIMIT_AS, &as) != 0) {
    *err = std::string("setrlimit(RLIMIT_AS): ") + strerror(errno);
    return false;
  }
  return true;
}

long peak_rss_kb() {
  FILE* f = std::fopen("/proc/self/status", "re");
  if (!f) return 0;
  char line[256];
  long kb = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "VmHWM: %ld", &kb) == 1) break;
  std::fclose(f);
  return kb;
}

long long cpu_micros_of(const struct rusage& usage) {
  auto micros = [](const struct timeval& t) { return static_cast<long long>(t.tv_sec) * 1000000 + t.tv_usec; };
  return micros(usage.ru_utime) + micros(usage.ru_stime);
}

ProcessUsage process_usage() {
  ProcessUsage used;
  struct rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0) {
    used.cpu_micros += cpu_micros_of(usage);
    used.peak_rss_kb = usage.ru_maxrss;
  }
  if (getrusage(RUSAGE_CHILDREN, &usage) == 0) used.cpu_micros += cpu_micros_of(usage);
  return used;
}

}  // namespace guidecheck
