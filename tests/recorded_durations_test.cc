#include "recorded_durations.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(RecordedDurationsTest, RoundsToTwoSignificantDigitsAndAtLeastTenMilliseconds) {
  EXPECT_DOUBLE_EQ(rounded_duration(2.1937), 2.2);
  EXPECT_DOUBLE_EQ(rounded_duration(0.018484), 0.018);
  EXPECT_DOUBLE_EQ(rounded_duration(13.7), 14);
  EXPECT_DOUBLE_EQ(rounded_duration(0.0012), 0.01);
  EXPECT_DOUBLE_EQ(rounded_duration(0), 0.01);
}

TEST(RecordedDurationsTest, AFigureChangesOnlyWhenTheTimeMovedMoreThanTwofold) {
  const Durations recorded = {{"q1", 0.2}, {"q2", 0.2}, {"q3", 0.2}, {"gone", 1.0}};
  const Durations measured = {{"q1", 0.31}, {"q2", 0.45}, {"q3", 0.07}, {"new", 0.0123}, {"tiny", 0.0009}};
  const Durations revised = revise_recorded_durations(recorded, measured, {"q1", "q2", "q3", "new", "q4", "tiny"});
  const Durations expected = {{"q1", 0.2}, {"q2", 0.45}, {"q3", 0.07}, {"new", 0.012}, {"tiny", 0.01}};
  EXPECT_EQ(revised, expected) << "noise kept out, real changes in, a sample no longer there dropped";
}

TEST(RecordedDurationsTest, AFigureNotMeasuredThisTimeIsKept) {
  // `update --filter q1` ran q1 alone: the others keep their figures.
  const Durations revised = revise_recorded_durations({{"q1", 1.0}, {"q2", 3.0}}, {{"q1", 0.1}}, {"q1", "q2"});
  const Durations expected = {{"q1", 0.1}, {"q2", 3.0}};
  EXPECT_EQ(revised, expected);
}

TEST(RecordedDurationsTest, FormatsOneSampleALineInIdOrderAndParsesItBack) {
  const Durations durations = {{"q10", 0.5}, {"q2", 2.2}, {"q9", 0.01}};
  const std::string text = format_recorded_durations(durations);
  EXPECT_EQ(text, "{\n \"q2\": 2.2,\n \"q9\": 0.01,\n \"q10\": 0.5\n}\n");
  std::string err;
  EXPECT_EQ(parse_recorded_durations(text, &err), durations);
  EXPECT_EQ(format_recorded_durations({}), "{}\n");
}

TEST(RecordedDurationsTest, BadTextNamesItsLine) {
  std::string err;
  EXPECT_FALSE(parse_recorded_durations("{\n \"q1\": 1,\n<<<<<<< HEAD\n}\n", &err));
  EXPECT_EQ(err, "3: not JSON");
  EXPECT_FALSE(parse_recorded_durations("{\n \"q1\": 1,\n \"q2\": \"slow\"\n}\n", &err));
  EXPECT_EQ(err, "3: q2: expected seconds, got \"slow\"");
  EXPECT_FALSE(parse_recorded_durations("[1, 2]\n", &err));
  EXPECT_EQ(err, "1: expected an object of seconds by sample id");
  EXPECT_FALSE(parse_recorded_durations("{\"q1\": -1}", &err));
}

}  // namespace
}  // namespace guidecheck
