#include "heap_packing.h"

#include <Python.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <pybind11/embed.h>

#include "embedded_python.h"

namespace guidecheck {
namespace {

namespace py = pybind11;

// Objects made and dropped leave free blocks scattered in both allocators;
// after take_free_blocks none is left for the next allocation to reuse.
TEST(HeapPackingTest, TakesEveryFreeBlockOfBothAllocators) {
  ASSERT_FALSE(compile_check("x = 1\n").has_value());  // the interpreter is up
  py::gil_scoped_acquire gil;
  {
    py::list garbage;
    for (int i = 0; i < 5000; ++i) {
      garbage.append(py::make_tuple(i, py::str(std::string(static_cast<size_t>(i % 700), 'x'))));
    }
    for (int i = 0; i < 5000; i += 2) garbage[static_cast<size_t>(i)] = py::none();
  }
  std::optional<size_t> before = python_free_blocks();
  if (!before) GTEST_SKIP() << "this interpreter does not report its allocator's statistics";
  EXPECT_GT(*before, 0u);
  constexpr size_t kMapped = size_t{128} << 10;  // malloc maps requests this large afresh
  const size_t malloc_before = malloc_free_bytes(kMapped);

  take_free_blocks();

  EXPECT_EQ(python_free_blocks(), size_t{0});
  // What is left is what reading malloc's own report freed again.
  EXPECT_LT(malloc_free_bytes(kMapped), std::min(malloc_before, size_t{64} << 10));
}

}  // namespace
}  // namespace guidecheck
