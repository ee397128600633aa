#include "output_block_claim.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

Sample sample_on_lines(std::vector<int> guide_lines) {
  Sample sample;
  sample.guide_lines = std::move(guide_lines);
  sample.first_line = sample.guide_lines.front();
  sample.last_line = sample.guide_lines.back();
  return sample;
}

TEST(OutputBlockClaimTest, ClaimsEverythingPrintedUpToTheSamplesLastLine) {
  Sample sample = sample_on_lines({3, 4, 5});
  const std::vector<std::string> lines = {"1", "", "2"};
  Claim claim = output_block_claim(sample, lines, 8);
  EXPECT_EQ(claim.kind, ClaimKind::kOutput);
  EXPECT_EQ(claim.form, ClaimForm::kOutputBlock);
  EXPECT_EQ(claim.text, "1\n\n2");
  EXPECT_EQ(claim.guide_line, 8);
  EXPECT_EQ(claim.last_guide_line, 10);
  EXPECT_EQ(claim.anchor_line, 5);
  EXPECT_EQ(claim.since_line, 0);  // from the start

  add_claim(sample, claim);
  EXPECT_EQ(sample.last_line, 10);
  ASSERT_EQ(sample.claims.size(), 1u);
}

// A second block after more code (a continued sample, a transcript run
// again) claims only what was printed since the first block.
TEST(OutputBlockClaimTest, ASecondBlockClaimsWhatWasPrintedSinceTheFirst) {
  Sample sample = sample_on_lines({3, 4});
  add_claim(sample, output_block_claim(sample, std::vector<std::string>{"a"}, 6));
  sample.guide_lines.push_back(9);
  Claim second = output_block_claim(sample, std::vector<std::string>{"b"}, 11);
  EXPECT_EQ(second.since_line, 4);
  EXPECT_EQ(second.anchor_line, 9);
}

}  // namespace
}  // namespace guidecheck
