#pragma once
// The zygote's heaps, packed before the first fork. After a fork every page
// the zygote wrote is shared with each run, and a run that writes one byte
// of a page gets a copy of the whole page (about 3 us on these VMs). Both
// allocators hand out their free blocks first, and the zygote leaves them
// scattered over hundreds of its pages; so the zygote takes them all, for
// good, and a run's new objects fill fresh memory side by side instead.

#include <cstddef>
#include <optional>

namespace guidecheck {

/// Takes every free block of CPython's small-object allocator (the blocks
/// free in its partly used pools) and every free chunk of the C library's
/// malloc (its per-thread cache and its bins) below the size malloc maps
/// afresh (128 KiB): asked for one that large, it would map new memory, and
/// a run's small allocations split such a chunk side by side anyway. The
/// memory stays taken until the process exits. Call with the GIL held, in the zygote, last before it
/// forks its runs.
void take_free_blocks();

/// How many blocks CPython's small-object allocator has free in its partly
/// used pools, by its own statistics; nullopt when it cannot say (another
/// allocator, or an interpreter that does not export them). GIL held.
std::optional<size_t> python_free_blocks();

/// Bytes free in the C library's main heap, in its bins, in chunks smaller
/// than `bound` (its top chunk and per-thread cache aside).
size_t malloc_free_bytes(size_t bound);

}  // namespace guidecheck
