#pragma once
// Sizes on the command line and the rlimits of a snippet process.

#include <sys/resource.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

/// Parses "512M", "2G", "1.5G", "300k", "1048576" (bytes; K/M/G/T are
/// powers of 1024, an optional trailing "B"/"iB" is accepted).
std::optional<uint64_t> parse_size(std::string_view text);

/// Limits the calling process: `memory_bytes` of address space on top of what
/// it already maps (a forked child of the zygote starts with the
/// interpreter's pages; the limit is about what the snippet adds), no core
/// dumps. Returns false with *err set if the kernel refuses.
bool apply_snippet_limits(uint64_t memory_bytes, std::string* err);

/// In the zygote, once it is ready: measures what it maps, for
/// apply_snippet_limits in every child it forks to take instead of reading
/// it again (what the zygote maps later, a few pages, is nothing to a limit
/// given in megabytes).
void remember_mapped_bytes();

/// This process's peak resident set (VmHWM), in KiB; 0 when unknown.
long peak_rss_kb();

struct ProcessUsage {
  /// CPU time (user and system) of this process and of the children it has
  /// waited for, in microseconds: what a run cost the cores, pool workers
  /// included.
  long long cpu_micros = 0;
  /// This process's peak resident set, in KiB (getrusage's: for a process
  /// forked and never exec'd, its own).
  long peak_rss_kb = 0;
};

/// What this process has used so far.
ProcessUsage process_usage();

/// User plus system time of `usage`, in microseconds.
long long cpu_micros_of(const struct rusage& usage);

}  // namespace guidecheck
