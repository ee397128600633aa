#pragma once
// Copy-on-write pages, written ahead. After a fork every private page of
// the zygote is shared read-only with the run, and each page the run then
// writes costs a page fault: about 20 us on these VMs, twice that when two
// runs fault at once. A run's own setup (its streams, __main__, compiling,
// the interpreter's caches) writes much the same few hundred pages every
// time, so the zygote learns them once, from a probe run, and every run asks
// the kernel to copy them all at once (MADV_POPULATE_WRITE, Linux 5.14),
// about a quarter of the cost of faulting them in one by one. Where the
// kernel lacks it, nothing changes.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace guidecheck {

struct PageRange {
  uintptr_t start = 0;
  size_t length = 0;
};

/// This process's private writable mappings (what a fork shares
/// copy-on-write), leaving out any larger than a bound (reserved arenas).
std::vector<PageRange> private_writable_mappings();

/// The pages within `mappings` this process has written since it was
/// forked: present and mapped by it alone (pagemap's "exclusive" bit), as
/// coalesced ranges, at most `max_pages` of them.
std::vector<PageRange> pages_written_since_fork(const std::vector<PageRange>& mappings, size_t max_pages);

/// How many pages `ranges` cover.
size_t page_count(const std::vector<PageRange>& ranges);

/// Asks the kernel once whether it takes the advice write_ahead gives in
/// batches (process_madvise, Linux 6.13 and later). In the zygote, before
/// its forks: every run then knows, and a run on an older kernel makes no
/// call that fails.
void learn_write_ahead_batching();

/// Copies `ranges` in now, in batches of ranges where the kernel takes them
/// (process_madvise), else in one call per range. Ranges no longer mapped
/// are passed over; a kernel without MADV_POPULATE_WRITE ends it quietly.
void write_ahead(const std::vector<PageRange>& ranges);

/// Shared memory that a probe child fills with the pages its run wrote, for
/// the zygote to read after the child has exited.
class WrittenPagesReport {
 public:
  WrittenPagesReport();
  ~WrittenPagesReport();
  WrittenPagesReport(const WrittenPagesReport&) = delete;
  WrittenPagesReport& operator=(const WrittenPagesReport&) = delete;

  /// In the probe child, before its run: remember the mappings as forked,
  /// so that the run's end (`report_written_pages`) fills this report.
  void arm(std::vector<PageRange> mappings_at_fork);
  /// What the child reported (empty if it reported nothing).
  std::vector<PageRange> ranges() const;

  static constexpr size_t kMaxRanges = 4096;
  static constexpr size_t kMaxPages = 8192;  // 32 MiB: a bound on each run's extra copying

 private:
  friend void report_written_pages();
  struct Area;
  Area* area_ = nullptr;
};

/// At the end of a run: fills the armed report, if this process is a probe
/// child; does nothing in every other run.
void report_written_pages();

}  // namespace guidecheck
