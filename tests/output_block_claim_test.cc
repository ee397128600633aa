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

TEST(OutputBlockClaimTest, PrintedLinesThenATracebackAreTwoClaims) {
  Sample sample = sample_on_lines({3, 4});
  const std::vector<std::string> lines = {"x 1", "Traceback (most recent call last):", "  File \"a.py\", line 4",
                                          "ValueError: too many values to unpack (expected 2)"};
  add_claim(sample, output_block_claim(sample, lines, 7));
  split_trailing_tracebacks(sample);
  ASSERT_EQ(sample.claims.size(), 2u);
  EXPECT_EQ(sample.claims[0].text, "x 1");
  EXPECT_EQ(sample.claims[0].guide_line, 7);
  EXPECT_EQ(sample.claims[0].last_guide_line, 7);
  EXPECT_EQ(sample.claims[0].since_line, 0);
  EXPECT_EQ(sample.claims[1].text.substr(0, 9), "Traceback");
  EXPECT_EQ(sample.claims[1].guide_line, 8);
  EXPECT_EQ(sample.claims[1].last_guide_line, 10);
  EXPECT_EQ(sample.claims[1].since_line, sample.claims[1].anchor_line);  // nothing printed
  // A traceback alone, or a block whose lines are not the guide's one for one, stays whole.
  Sample alone = sample_on_lines({3});
  add_claim(alone, output_block_claim(alone, {lines.begin() + 1, lines.end()}, 5));
  Sample html = sample_on_lines({3});
  add_claim(html, output_block_claim(html, lines, 5));
  html.claims[0].shown_as_html = true;
  split_trailing_tracebacks(alone);
  split_trailing_tracebacks(html);
  EXPECT_EQ(alone.claims.size(), 1u);
  EXPECT_EQ(html.claims.size(), 1u);
}

}  // namespace
}  // namespace guidecheck
