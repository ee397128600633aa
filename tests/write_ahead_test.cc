#include "write_ahead.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace guidecheck {
namespace {

const size_t kPage = static_cast<size_t>(sysconf(_SC_PAGESIZE));

// A private anonymous mapping of `pages` pages, every page written (as the
// zygote's heap is before it forks).
char* touched_mapping(size_t pages) {
  void* memory = mmap(nullptr, pages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return nullptr;
  char* bytes = static_cast<char*>(memory);
  for (size_t i = 0; i < pages; ++i) bytes[i * kPage] = 1;
  return bytes;
}

long minor_faults() {
  struct rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

// Forks; the child checks that the kernel has MADV_POPULATE_WRITE, runs
// `setup`, then writes a byte to each of `pages` and counts the page faults
// that took. The count; nullopt where the kernel lacks it.
std::optional<long> faults_writing(char* any_page, const std::function<void()>& setup,
                                   const std::vector<char*>& pages) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    if (madvise(any_page, kPage, 23 /* MADV_POPULATE_WRITE */) != 0) _exit(3);  // kernel lacks it
    setup();
    long before = minor_faults();
    for (char* page : pages) *page = 5;
    long faults = minor_faults() - before;
    (void)!write(pipe_fds[1], &faults, sizeof faults);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  long faults = -1;
  const bool lacks = WIFEXITED(status) && WEXITSTATUS(status) == 3;
  if (!lacks && read(pipe_fds[0], &faults, sizeof faults) != static_cast<ssize_t>(sizeof faults)) faults = -1;
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  if (lacks) return std::nullopt;
  return faults;
}

TEST(WriteAheadTest, ListsPrivateWritableMappings) {
  char* bytes = touched_mapping(4);
  ASSERT_NE(bytes, nullptr);
  const auto start = reinterpret_cast<uintptr_t>(bytes);
  std::vector<PageRange> mappings = private_writable_mappings();
  EXPECT_TRUE(std::any_of(mappings.begin(), mappings.end(), [&](const PageRange& m) {
    return m.start <= start && start + 4 * kPage <= m.start + m.length;
  }));
  // Read-only memory is nothing a run could copy.
  mprotect(bytes, 4 * kPage, PROT_READ);
  mappings = private_writable_mappings();
  EXPECT_FALSE(std::any_of(mappings.begin(), mappings.end(),
                           [&](const PageRange& m) { return m.start <= start && start < m.start + m.length; }));
  munmap(bytes, 4 * kPage);
}

TEST(WriteAheadTest, AProbeChildReportsExactlyThePagesItWrote) {
  char* bytes = touched_mapping(10);
  ASSERT_NE(bytes, nullptr);
  const auto start = reinterpret_cast<uintptr_t>(bytes);
  WrittenPagesReport report;
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    report.arm({{start, 10 * kPage}});  // as the zygote's mappings at the fork
    bytes[2 * kPage] = 2;
    bytes[3 * kPage + 7] = 2;
    bytes[7 * kPage] = 2;
    (void)bytes[5 * kPage];  // read only: still shared
    report_written_pages();
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  std::vector<PageRange> ranges = report.ranges();
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(ranges[0].start, start + 2 * kPage);
  EXPECT_EQ(ranges[0].length, 2 * kPage);  // pages 2 and 3, coalesced
  EXPECT_EQ(ranges[1].start, start + 7 * kPage);
  EXPECT_EQ(ranges[1].length, kPage);
  munmap(bytes, 10 * kPage);
}

TEST(WriteAheadTest, AnUnarmedRunReportsNothing) {
  WrittenPagesReport report;
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    report_written_pages();
    _exit(0);
  }
  waitpid(pid, nullptr, 0);
  EXPECT_TRUE(report.ranges().empty());
}

TEST(WriteAheadTest, WrittenAheadPagesTakeNoFaultWhenWritten) {
  const size_t pages = 64;
  char* bytes = touched_mapping(pages);
  ASSERT_NE(bytes, nullptr);
  const auto start = reinterpret_cast<uintptr_t>(bytes);
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  for (bool ahead : {false, true}) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      if (ahead) {
        write_ahead({{start, pages * kPage}});
        if (madvise(bytes, kPage, 23 /* MADV_POPULATE_WRITE */) != 0) _exit(3);  // kernel lacks it
      }
      long before = minor_faults();
      for (size_t i = 0; i < pages; ++i) bytes[i * kPage] = 3;
      long faults = minor_faults() - before;
      (void)!write(pipe_fds[1], &faults, sizeof faults);
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (ahead && WIFEXITED(status) && WEXITSTATUS(status) == 3) GTEST_SKIP() << "no MADV_POPULATE_WRITE (Linux < 5.14)";
    long faults = -1;
    ASSERT_EQ(read(pipe_fds[0], &faults, sizeof faults), static_cast<ssize_t>(sizeof faults));
    if (ahead)
      EXPECT_EQ(faults, 0) << "pages written ahead faulted again";
    else
      EXPECT_GE(faults, static_cast<long>(pages)) << "each shared page should fault once when written";
  }
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  munmap(bytes, pages * kPage);
}

// Learned once in the zygote, inherited by its runs: batched where the
// kernel takes it, range by range where not, the pages come in either way.
TEST(WriteAheadTest, WhatTheZygoteLearnsOfBatchingServesItsRuns) {
  const size_t pages = 16;
  char* bytes = touched_mapping(pages);
  ASSERT_NE(bytes, nullptr);
  learn_write_ahead_batching();
  // Every other page, so that there are several ranges to batch.
  std::vector<PageRange> ranges;
  std::vector<char*> written;
  for (size_t i = 1; i < pages; i += 2) {
    ranges.push_back({reinterpret_cast<uintptr_t>(bytes + i * kPage), kPage});
    written.push_back(bytes + i * kPage);
  }
  std::optional<long> faults = faults_writing(bytes, [&] { write_ahead(ranges); }, written);
  munmap(bytes, pages * kPage);
  if (!faults) GTEST_SKIP() << "no MADV_POPULATE_WRITE (Linux < 5.14)";
  EXPECT_EQ(*faults, 0);
}

TEST(WriteAheadTest, RangesNoLongerMappedArePassedOver) {
  char* gone = touched_mapping(2);
  char* kept = touched_mapping(4);
  ASSERT_NE(gone, nullptr);
  ASSERT_NE(kept, nullptr);
  const auto gone_start = reinterpret_cast<uintptr_t>(gone);
  munmap(gone, 2 * kPage);
  // The first range is gone: the second is still written ahead.
  std::optional<long> faults = faults_writing(
      kept, [&] { write_ahead({{gone_start, 2 * kPage}, {reinterpret_cast<uintptr_t>(kept), 4 * kPage}}); },
      {kept, kept + kPage, kept + 2 * kPage, kept + 3 * kPage});
  munmap(kept, 4 * kPage);
  if (!faults) GTEST_SKIP() << "no MADV_POPULATE_WRITE (Linux < 5.14)";
  EXPECT_EQ(*faults, 0);
}

}  // namespace
}  // namespace guidecheck
