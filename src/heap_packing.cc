#include "heap_packing.h"

#include <Python.h>
#include <dlfcn.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

// One row of CPython's allocator statistics: a size class and its free blocks.
struct SizeClassFree {
  unsigned block_size = 0;
  size_t free_blocks = 0;
};

// CPython's own statistics (sys._debugmallocstats), exported but not public:
// looked up, so that an interpreter without them only misses the packing.
std::optional<std::vector<SizeClassFree>> python_allocator_rows() {
  using MallocStats = int (*)(FILE*);
  auto malloc_stats = reinterpret_cast<MallocStats>(dlsym(RTLD_DEFAULT, "_PyObject_DebugMallocStats"));
  if (!malloc_stats) return std::nullopt;
  char* text = nullptr;
  size_t length = 0;
  FILE* stats = open_memstream(&text, &length);
  if (!stats) return std::nullopt;
  const bool known = malloc_stats(stats) != 0;  // 0: another allocator
  std::fclose(stats);
  std::string table = known && text ? std::string(text, length) : "";
  std::free(text);
  if (!known) return std::nullopt;
  // Rows of "class size pools blocks-in-use free-blocks" follow the header.
  std::vector<SizeClassFree> rows;
  for (size_t at = 0; at < table.size();) {
    const size_t end = std::min(table.find('\n', at), table.size());
    unsigned size_class = 0;
    SizeClassFree row;
    size_t pools = 0, used = 0;
    if (std::sscanf(table.c_str() + at, "%u %u %zu %zu %zu", &size_class, &row.block_size, &pools, &used,
                    &row.free_blocks) == 5 &&
        row.block_size > 0)
      rows.push_back(row);
    at = end + 1;
  }
  return rows;
}

void take_python_free_blocks() {
  if (auto rows = python_allocator_rows())
    for (const SizeClassFree& row : *rows)
      for (size_t k = 0; k < row.free_blocks; ++k) PyObject_Malloc(row.block_size);  // taken for good
}

// Kept in sight: the compiler may drop a malloc whose result goes unused.
void take_chunk(size_t request) {
  static std::vector<void*>* kept = [] {
    auto* chunks = new std::vector<void*>();
    chunks->reserve(size_t{1} << 16);  // never grown: growing would free the old array
    return chunks;
  }();
  if (void* chunk = std::malloc(request); chunk && kept->size() < kept->capacity()) kept->push_back(chunk);
}

// The size malloc maps afresh (M_MMAP_THRESHOLD's default): asked for a
// chunk this large it maps new memory instead of taking a free one.
constexpr size_t kMappedChunk = size_t{128} << 10;

// One bin of the main heap's free chunks, as malloc_info reports it:
// <size from="F" to="T" total="B" count="N"/>, sizes with the flag bits.
struct FreeChunks {
  size_t from = 0, to = 0, total = 0, count = 0;
};

// The main heap's (the first <heap>: the zygote has no other thread, so no
// other arena) bins that hold free chunks.
std::vector<FreeChunks> main_heap_free_chunks() {
  char* text = nullptr;
  size_t length = 0;
  FILE* info = open_memstream(&text, &length);
  if (!info) return {};
  const bool known = malloc_info(0, info) == 0;
  std::fclose(info);
  std::string xml = known && text ? std::string(text, length) : "";
  std::free(text);
  xml.resize(std::min(xml.find("</heap>"), xml.size()));
  std::vector<FreeChunks> bins;
  for (size_t at = xml.find("<size "); at != std::string::npos; at = xml.find("<size ", at + 1)) {
    FreeChunks bin;
    if (std::sscanf(xml.c_str() + at, "<size from=\"%zu\" to=\"%zu\" total=\"%zu\" count=\"%zu\"", &bin.from,
                    &bin.to, &bin.total, &bin.count) == 4 &&
        bin.count > 0)
      bins.push_back(bin);
  }
  return bins;
}

void take_malloc_free_chunks() {
  // The per-thread cache (up to 7 chunks of each small size) is missing from
  // malloc_info's report: emptied by asking for them.
  for (size_t request = 24; request <= 1032; request += 16)
    for (int k = 0; k < 7; ++k) take_chunk(request);
  // Then the bins. A lone chunk is taken whole; from a range, the smallest
  // size may split a larger chunk, so look again. Chunks malloc would map
  // afresh are left: a run's small allocations split them side by side.
  for (int pass = 0; pass < 16; ++pass) {
    size_t taken = 0;
    for (const FreeChunks& bin : main_heap_free_chunks()) {
      const size_t chunk = std::max<size_t>((bin.count == 1 ? bin.total : bin.from) & ~size_t{7}, 4 * sizeof(size_t));
      if (chunk >= kMappedChunk) continue;
      for (size_t k = 0; k < bin.count; ++k) take_chunk(chunk - sizeof(size_t));  // a chunk's header is one word
      taken += bin.count;
    }
    if (taken == 0) return;
  }
}

}  // namespace

void take_free_blocks() {
  take_python_free_blocks();
  take_malloc_free_chunks();
}

std::optional<size_t> python_free_blocks() {
  auto rows = python_allocator_rows();
  if (!rows) return std::nullopt;
  size_t free_blocks = 0;
  for (const SizeClassFree& row : *rows) free_blocks += row.free_blocks;
  return free_blocks;
}

size_t malloc_free_bytes(size_t bound) {
  size_t free_bytes = 0;
  for (const FreeChunks& bin : main_heap_free_chunks())
    if (bin.to < bound) free_bytes += bin.total;
  return free_bytes;
}

}  // namespace guidecheck
