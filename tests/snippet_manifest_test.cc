#include "snippet_manifest.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

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

// The claims of one sample, saved in a manifest file and loaded again.
std::vector<Claim> through_the_file(const std::vector<Claim>& claims) {
  TempDir dir("snippet_manifest_test");
  Manifest manifest;
  manifest.guide = "guide.md";
  Sample sample = with_id("s01");
  sample.claims = claims;
  manifest.samples = {sample};
  const std::string path = dir.file("manifest.json");
  std::string err;
  EXPECT_TRUE(save_manifest(path, manifest, &err)) << err;
  Manifest loaded;
  bool exists = false;
  EXPECT_TRUE(load_manifest(path, &loaded, &exists, &err)) << err;
  return loaded.samples.empty() ? std::vector<Claim>{} : loaded.samples[0].claims;
}

TEST(ManifestTest, ClaimsKeepTheirDoctestOptionsThroughTheFile) {
  Claim flagged, plain;
  flagged.text = "{'x': 0,\n 'y': 1}";
  flagged.normalize_whitespace = true;
  plain.text = "3";
  const std::vector<Claim> loaded = through_the_file({flagged, plain});
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_TRUE(loaded[0].normalize_whitespace);
  EXPECT_FALSE(loaded[1].normalize_whitespace);
}

TEST(ManifestTest, ClaimsKeepWhetherTheGuideShowsThemAsHtml) {
  Claim html, plain;
  html.form = plain.form = ClaimForm::kOutputBlock;
  html.text = "<class 'int'>";
  html.shown_as_html = true;
  plain.text = "3";
  const std::vector<Claim> loaded = through_the_file({html, plain});
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_TRUE(loaded[0].shown_as_html);
  EXPECT_FALSE(loaded[1].shown_as_html);
}

TEST(ManifestTest, ClaimsKeepWhetherTheGuideShowsThemInACodeSpan) {
  Claim span, plain;
  span.form = plain.form = ClaimForm::kOutputBlock;
  span.text = plain.text = "42";
  span.shown_inline = true;
  const std::vector<Claim> loaded = through_the_file({span, plain});
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_TRUE(loaded[0].shown_inline);
  EXPECT_FALSE(loaded[1].shown_inline);
}

TEST(ManifestTest, ASamplesSetupIsKeptThroughTheFile) {
  TempDir dir("snippet_manifest_test");
  Manifest manifest;
  manifest.guide = "guide.rst";
  manifest.samples = {with_id("s01"), with_id("s02")};
  manifest.samples[1].setup = "import math\nRELEASE = 3\n";
  const std::string path = dir.file("manifest.json");
  std::string err;
  ASSERT_TRUE(save_manifest(path, manifest, &err)) << err;
  Manifest loaded;
  bool exists = false;
  ASSERT_TRUE(load_manifest(path, &loaded, &exists, &err)) << err;
  ASSERT_EQ(loaded.samples.size(), 2u);
  EXPECT_EQ(loaded.samples[0].setup, "");
  EXPECT_EQ(loaded.samples[1].setup, "import math\nRELEASE = 3\n");
}

}  // namespace
}  // namespace guidecheck
