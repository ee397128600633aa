#include "snippet_manifest.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

Sample with_id(const std::string& id, int first_line = 1) {
  Sample sample;
  sample.id = id;
  sample.first_line = first_line;
  return sample;
}

TEST(ManifestTest, FindFollowsTheSamplesAsTheyChange) {
  Manifest manifest;
  EXPECT_EQ(manifest.find("q01"), nullptr);
  manifest.samples = {with_id("q01"), with_id("q02"), with_id("q03")};
  ASSERT_NE(manifest.find("q02"), nullptr);
  EXPECT_EQ(manifest.find("q02"), &manifest.samples[1]);
  EXPECT_EQ(manifest.find("q04"), nullptr);
  // Added, removed, renamed in place, reordered: the answer is the vector's.
  manifest.samples.push_back(with_id("q04"));
  EXPECT_EQ(manifest.find("q04"), &manifest.samples[3]);
  manifest.samples.erase(manifest.samples.begin());
  EXPECT_EQ(manifest.find("q01"), nullptr);
  EXPECT_EQ(manifest.find("q03"), &manifest.samples[1]);
  manifest.samples[0].id = "q09";
  EXPECT_EQ(manifest.find("q02"), nullptr);
  EXPECT_EQ(manifest.find("q09"), &manifest.samples[0]);
  std::swap(manifest.samples[0], manifest.samples[2]);
  EXPECT_EQ(manifest.find("q09"), &manifest.samples[2]);
  EXPECT_EQ(manifest.find("q04"), &manifest.samples[0]);
  // The first of two entries with one id.
  manifest.samples = {with_id("a", 1), with_id("b", 2), with_id("a", 3)};
  ASSERT_NE(manifest.find("a"), nullptr);
  EXPECT_EQ(manifest.find("a")->first_line, 1);
}

}  // namespace
}  // namespace guidecheck
