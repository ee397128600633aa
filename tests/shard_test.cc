#include "shard.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ShardTest, ParsesKOverNAndRefusesTheRest) {
  std::string err;
  auto spec = parse_shard("2/3", &err);
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->index, 2);
  EXPECT_EQ(spec->count, 3);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "1/1001", "-1/2", "1/2/3", "", "1 /2"}) {
    EXPECT_FALSE(parse_shard(bad, &err)) << bad;
    EXPECT_EQ(err, std::string("--shard: expected K/N with 1 <= K <= N <= 1000, got '") + bad + "'");
  }
}

TEST(ShardTest, EverySampleIsInExactlyOneShardAndTheLoadIsBalanced) {
  std::vector<ShardSample> samples;
  for (int i = 0; i < 40; ++i) samples.push_back({"q" + std::to_string(i), i == 7 ? 10.0 : 0.5});
  std::vector<int> owners(samples.size(), 0);
  std::vector<double> load(3, 0);
  std::string partition;
  for (int k = 1; k <= 3; ++k) {
    ShardPlan plan = plan_shards(samples, {k, 3});
    if (k == 1) partition = plan.partition;
    EXPECT_EQ(plan.partition, partition) << "every shard computes the same partition";
    for (size_t i = 0; i < samples.size(); ++i)
      if (plan.mine[i]) {
        ++owners[i];
        load[k - 1] += samples[i].duration_s;
      }
  }
  for (int owner_count : owners) EXPECT_EQ(owner_count, 1);
  // The 10 s sample fills one shard; the 39 short ones go to the other two.
  std::sort(load.begin(), load.end());
  EXPECT_DOUBLE_EQ(load[2], 10.0);
  EXPECT_NEAR(load[0], load[1], 0.5);
}

TEST(ShardTest, ThePartitionDependsOnTheDurations) {
  std::vector<ShardSample> samples = {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 0}};
  std::vector<ShardSample> other = {{"a", 1}, {"b", 2}, {"c", 0.1}, {"d", 0}};
  EXPECT_EQ(plan_shards(samples, {1, 2}).partition, plan_shards(samples, {2, 2}).partition);
  EXPECT_NE(plan_shards(samples, {1, 2}).partition, plan_shards(other, {1, 2}).partition);
}

TEST(ShardTest, EachRunCountsItsStart) {
  // One 0.05 s sample against a hundred of a millisecond: by their own
  // times alone the hundred would weigh 0.1 s; with each run's start they
  // weigh 0.6 s, so they are split across both shards.
  std::vector<ShardSample> samples = {{"long", 0.05}};
  for (int i = 0; i < 100; ++i) samples.push_back({"s" + std::to_string(i), 0.001});
  ShardPlan plan = plan_shards(samples, {1, 2});
  int short_ones_here = 0;
  for (size_t i = 1; i < samples.size(); ++i) short_ones_here += plan.mine[i];
  const int long_here = plan.mine[0];
  // 0.655 s in all: the long one's shard takes 45 short ones, the other 55
  // (by their own times alone: 25 and 75).
  EXPECT_NEAR(short_ones_here + 10 * long_here, 55, 2) << (long_here ? "with the long one" : "without it");
}

}  // namespace
}  // namespace guidecheck
