#include "sample_continuations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Names = std::vector<std::string>;
using Indices = std::vector<std::size_t>;

TEST(SampleContinuationsTest, ContinuesTheLatestBinderAndWhatItContinues) {
  SampleContinuations c;
  EXPECT_EQ(c.add({"Dog"}, {}), Indices{});
  EXPECT_EQ(c.add({"rex"}, {"Dog"}), Indices{0});
  EXPECT_EQ(c.add({"total"}, {}), Indices{});
  EXPECT_EQ(c.add({}, {"rex", "total", "undefined"}), (Indices{0, 1, 2}));
  EXPECT_EQ(c.add({"Dog"}, {}), Indices{});       // redefines Dog
  EXPECT_EQ(c.add({}, {"Dog"}), Indices{4});      // the latest Dog
  EXPECT_TRUE(c.bound_before("rex"));
  EXPECT_FALSE(c.bound_before("undefined"));
  EXPECT_EQ(c.count(), 6u);
}

TEST(SampleContinuationsTest, ChangesInPlaceAreWrites) {
  SampleContinuations c;
  EXPECT_EQ(c.add({"fruits"}, {}), Indices{});
  EXPECT_EQ(c.add({}, {"fruits"}), Indices{0});                   // only reads
  EXPECT_EQ(c.add({}, {"fruits"}, {"fruits"}), Indices{0});       // fruits.append(...)
  EXPECT_EQ(c.add({}, {"fruits"}), (Indices{0, 2}));              // sees the append
  EXPECT_EQ(c.add({"fruits"}, {}), Indices{});                    // a new list
  EXPECT_EQ(c.add({}, {"fruits"}), Indices{4});
  EXPECT_FALSE(c.bound_before("other"));
  c.add({}, {}, {"other"});
  EXPECT_FALSE(c.bound_before("other"));  // changed, never defined
}

TEST(SampleContinuationsTest, LongChainsKeepTheLatest) {
  SampleContinuations c;
  Indices last;
  for (int k = 0; k < 300; ++k) last = c.add({"x"}, k == 0 ? Names{} : Names{"x"});
  ASSERT_EQ(last.size(), kMaxContinued);
  EXPECT_EQ(last.back(), 298u);
  EXPECT_EQ(last.front(), 298u - kMaxContinued + 1);
}

}  // namespace
}  // namespace guidecheck
