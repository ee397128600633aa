#include "errata.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ErrataTest, MarksTheListedMismatchAndReportsStaleEntries) {
  Errata errata;
  std::string err;
  ASSERT_TRUE(parse_errata("[[erratum]]\nsample = \"q43\"\nline = 695\nclaimed = \"0 1\"\nreason = \"no newline\"\n"
                           "[[erratum]]\nsample = \"q43\"\nline = 700\nreason = \"fixed since\"\n",
                           "errata.toml", &errata, &err))
      << err;
  SampleResult result;
  result.sample.id = "q43";
  result.claims.push_back({695, ClaimKind::kOutput, "0 1", "", "0 1 0", ClaimVerdict::kMismatch, "", false, ""});
  result.claims.push_back({700, ClaimKind::kOutput, "5", "", "5", ClaimVerdict::kMatch, "", false, ""});
  auto stale = apply_errata(errata, &result);
  EXPECT_TRUE(result.claims[0].known_erratum);
  EXPECT_EQ(result.claims[0].erratum_reason, "no newline");
  EXPECT_FALSE(result.claims[1].known_erratum);
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0]->guide_line, 700);
  EXPECT_EQ(stale[0]->file_line, 6);
}

TEST(ErrataTest, AChangedClaimNoLongerMatchesItsErratum) {
  Errata errata;
  std::string err;
  ASSERT_TRUE(parse_errata("[[erratum]]\nsample = \"q1\"\nline = 3\nclaimed = \"old\"\nreason = \"r\"\n", "e", &errata, &err));
  SampleResult result;
  result.sample.id = "q1";
  result.claims.push_back({3, ClaimKind::kOutput, "new", "", "x", ClaimVerdict::kMismatch, "", false, ""});
  EXPECT_EQ(apply_errata(errata, &result).size(), 1u);
  EXPECT_FALSE(result.claims[0].known_erratum);
}

TEST(ErrataTest, ErrorsNameFileAndLine) {
  Errata errata;
  std::string err;
  EXPECT_FALSE(parse_errata("[[erratum]]\nsample = \"q1\"\nline = 3\nwhy = \"x\"\n", "errata.toml", &errata, &err));
  EXPECT_EQ(err, "errata.toml:4: unknown erratum key 'why' (known: sample, line, claimed, reason)");
  EXPECT_FALSE(parse_errata("[[erratum]]\nsample = \"q1\"\nline = 3\n", "errata.toml", &errata, &err));
  EXPECT_EQ(err, "errata.toml:1: an erratum needs sample, line and reason");
  EXPECT_FALSE(parse_errata("[[erratum]]\nsample = \"q1\"\nline = -3\nreason = \"r\"\n", "errata.toml", &errata, &err));
  EXPECT_EQ(err, "errata.toml:3: erratum line must be the claim's guide line");
}

}  // namespace
}  // namespace guidecheck
