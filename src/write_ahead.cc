#include "write_ahead.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "fd.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace guidecheck {
namespace {

// Larger mappings are address space reserved ahead (allocator arenas), not
// state a run's setup writes; scanning them would cost more than it saves.
constexpr size_t kMaxMappingBytes = size_t{64} << 20;

constexpr uint64_t kPagePresent = uint64_t{1} << 63;
constexpr uint64_t kPageExclusive = uint64_t{1} << 56;

size_t page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

// The armed probe child's state (see WrittenPagesReport::arm).
struct Armed {
  std::vector<PageRange> mappings;
  WrittenPagesReport* report = nullptr;
};
Armed* g_armed = nullptr;

// Whether the kernel takes process_madvise(MADV_POPULATE_WRITE) from a
// process about itself: -1 not asked (then each write_ahead tries), else 0
// or 1, as learn_write_ahead_batching found in the zygote before its forks.
int g_kernel_batches = -1;

// Every range in as few calls as the kernel takes: process_madvise on this
// process (Linux 6.13 lets a process give itself any advice) takes up to
// IOV_MAX ranges a call; a call a range costs about a fifth more. False when
// a call fails or stops short (a kernel that refuses the advice there, a
// range no longer writable): the caller then goes range by range.
bool write_ahead_in_batches(const std::vector<PageRange>& ranges) {
  UniqueFd self(static_cast<int>(syscall(SYS_pidfd_open, getpid(), 0)));
  if (!self) return false;
  std::vector<struct iovec> batch;
  batch.reserve(std::min<size_t>(ranges.size(), IOV_MAX));
  for (size_t i = 0; i < ranges.size(); i += IOV_MAX) {
    batch.clear();
    size_t bytes = 0;
    for (size_t k = i; k < std::min(ranges.size(), i + IOV_MAX); ++k) {
      batch.push_back({reinterpret_cast<void*>(ranges[k].start), ranges[k].length});
      bytes += ranges[k].length;
    }
    const long advised = syscall(SYS_process_madvise, self.get(), batch.data(), batch.size(), MADV_POPULATE_WRITE, 0);
    if (advised < 0 || static_cast<size_t>(advised) != bytes) return false;
  }
  return true;
}

}  // namespace

struct WrittenPagesReport::Area {
  size_t count;
  PageRange ranges[kMaxRanges];
};

std::vector<PageRange> private_writable_mappings() {
  std::vector<PageRange> mappings;
  FILE* maps = std::fopen("/proc/self/maps", "re");
  if (!maps) return mappings;
  char line[4096];
  while (std::fgets(line, sizeof line, maps)) {
    unsigned long start = 0, end = 0;
    char perms[8] = {};
    if (std::sscanf(line, "%lx-%lx %7s", &start, &end, perms) != 3) continue;
    if (perms[0] != 'r' || perms[1] != 'w' || perms[3] != 'p') continue;
    if (end <= start || end - start > kMaxMappingBytes) continue;
    mappings.push_back({start, end - start});
  }
  std::fclose(maps);
  return mappings;
}

std::vector<PageRange> pages_written_since_fork(const std::vector<PageRange>& mappings, size_t max_pages) {
  std::vector<PageRange> written;
  UniqueFd pagemap(open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC));
  if (!pagemap) return written;
  const size_t page = page_size();
  size_t pages_taken = 0;
  std::vector<uint64_t> entries;
  for (const PageRange& mapping : mappings) {
    const size_t pages = mapping.length / page;
    entries.assign(pages, 0);
    const off_t offset = static_cast<off_t>(mapping.start / page * sizeof(uint64_t));
    const ssize_t got = pread(pagemap.get(), entries.data(), pages * sizeof(uint64_t), offset);
    if (got <= 0) continue;
    const size_t known = static_cast<size_t>(got) / sizeof(uint64_t);
    for (size_t i = 0; i < known && pages_taken < max_pages; ++i) {
      if ((entries[i] & (kPagePresent | kPageExclusive)) != (kPagePresent | kPageExclusive)) continue;
      const uintptr_t address = mapping.start + i * page;
      if (!written.empty() && written.back().start + written.back().length == address)
        written.back().length += page;
      else
        written.push_back({address, page});
      ++pages_taken;
    }
  }
  return written;
}

size_t page_count(const std::vector<PageRange>& ranges) {
  size_t pages = 0;
  for (const PageRange& range : ranges) pages += range.length / page_size();
  return pages;
}

void learn_write_ahead_batching() {
  // One page that is surely mapped, writable and present: the one holding
  // this variable. Populating it costs nothing; only the answer counts.
  static volatile char in_data = 1;
  in_data = 1;
  const uintptr_t page = reinterpret_cast<uintptr_t>(&in_data) / page_size() * page_size();
  g_kernel_batches = write_ahead_in_batches({{page, page_size()}}) ? 1 : 0;
}

void write_ahead(const std::vector<PageRange>& ranges) {
  if (ranges.empty() || (g_kernel_batches != 0 && write_ahead_in_batches(ranges))) return;
  for (const PageRange& range : ranges) {
    if (madvise(reinterpret_cast<void*>(range.start), range.length, MADV_POPULATE_WRITE) == 0) continue;
    if (errno == EINVAL) return;  // the kernel predates it (or the range is no longer one we may write)
  }
}

WrittenPagesReport::WrittenPagesReport() {
  void* memory = mmap(nullptr, sizeof(Area), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory != MAP_FAILED) {
    area_ = static_cast<Area*>(memory);
    area_->count = 0;
  }
}

WrittenPagesReport::~WrittenPagesReport() {
  if (area_) munmap(area_, sizeof(Area));
}

void WrittenPagesReport::arm(std::vector<PageRange> mappings_at_fork) {
  if (!area_) return;
  // Lives until the probe child exits.
  g_armed = new Armed{std::move(mappings_at_fork), this};
}

std::vector<PageRange> WrittenPagesReport::ranges() const {
  if (!area_) return {};
  const size_t count = std::min(area_->count, kMaxRanges);
  return std::vector<PageRange>(area_->ranges, area_->ranges + count);
}

void report_written_pages() {
  if (!g_armed) return;
  WrittenPagesReport::Area* area = g_armed->report->area_;
  std::vector<PageRange> written = pages_written_since_fork(g_armed->mappings, WrittenPagesReport::kMaxPages);
  const size_t count = std::min(written.size(), WrittenPagesReport::kMaxRanges);
  std::copy(written.begin(), written.begin() + static_cast<long>(count), area->ranges);
  area->count = count;
}

}  // namespace guidecheck
