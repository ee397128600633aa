#include "output_protocol.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

const std::string kMarker = std::string("\0\x1bGC", 4) + "0123456789abcdef";

std::string frame(const std::string& payload, const std::string& segments) {
  return kMarker + "P" + std::to_string(payload.size()) + ";" + segments + "\n" + payload;
}

TEST(OutputProtocolTest, MarkersAreRandomAndStartWithNul) {
  std::string a = make_run_marker(), b = make_run_marker();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_EQ(a[0], '\0');
  EXPECT_NE(a, b);
}

TEST(OutputProtocolTest, PlainBytesGoToTheCurrentStatement) {
  StdoutDemux demux(kMarker, 1024);
  demux.feed(kMarker + "T1-1,2-4\n" + kMarker + "S2\nhello\n");
  demux.finish();
  EXPECT_EQ(demux.text(), "hello\n");
  ASSERT_EQ(demux.pieces().size(), 1u);
  EXPECT_EQ(demux.pieces()[0].line, 2);
  ASSERT_EQ(demux.statements().size(), 2u);
  EXPECT_FALSE(demux.statements()[0].ran);
  EXPECT_TRUE(demux.statements()[1].ran);
  EXPECT_EQ(demux.statements()[1].end_line, 4);
}

TEST(OutputProtocolTest, FramedBytesFollowTheirLedgerNotTheCurrentStatement) {
  StdoutDemux demux(kMarker, 1024);
  // Statement 1 printed "a\n" (still buffered), statement 2 wrote "b\n" to
  // fd 1 directly, then the buffer flushed "a\nc\n" from statements 1 and 3.
  demux.feed(kMarker + "S1\n" + kMarker + "S2\nb\n" + kMarker + "S3\n" + frame("a\nc\n", "1:2,3:2"));
  demux.finish();
  EXPECT_EQ(demux.text(), "b\na\nc\n");
  ASSERT_EQ(demux.pieces().size(), 3u);
  EXPECT_EQ(demux.pieces()[0].line, 2);
  EXPECT_EQ(demux.pieces()[1].line, 1);
  EXPECT_EQ(demux.pieces()[2].line, 3);
}

TEST(OutputProtocolTest, FramedBytesCarryTheInnerLineThatWroteThem) {
  StdoutDemux demux(kMarker, 1024);
  // A `with` on lines 4-6 printed "a\n" from line 5, "b\n" from line 6 and
  // "c\n" from line 6 again; a segment without a source line is unknown.
  demux.feed(kMarker + "S4\n" + frame("a\nb\nc\nd\n", "4:2:5,4:2:6,4:2:6,4:2"));
  demux.feed("direct\n");
  demux.finish();
  EXPECT_EQ(demux.text(), "a\nb\nc\nd\ndirect\n");
  ASSERT_EQ(demux.pieces().size(), 3u);
  EXPECT_EQ(demux.pieces()[0].line, 4);
  EXPECT_EQ(demux.pieces()[0].source_line, 5);
  EXPECT_EQ(demux.pieces()[0].bytes, "a\n");
  EXPECT_EQ(demux.pieces()[1].source_line, 6);
  EXPECT_EQ(demux.pieces()[1].bytes, "b\nc\n");  // same statement and line: one piece
  EXPECT_EQ(demux.pieces()[2].source_line, 0);   // unknown, and fd writes have none
  EXPECT_EQ(demux.pieces()[2].bytes, "d\ndirect\n");
}

TEST(OutputProtocolTest, SegmentsWithTooManyFieldsAreOutput) {
  StdoutDemux demux(kMarker, 1024);
  std::string bad = frame("x\n", "1:2:3:4");
  demux.feed(bad);
  demux.finish();
  EXPECT_EQ(demux.text(), bad);
}

TEST(OutputProtocolTest, AnySplitOfTheStreamGivesTheSameResult) {
  std::string stream = kMarker + "T1-1\n" + kMarker + "S1\nxy" + frame("payload\n", "1:8") + "tail" + kMarker +
                       "C4242\n" + kMarker + "X0,1500,2048,1,900\n";
  for (size_t chunk = 1; chunk <= 7; ++chunk) {
    StdoutDemux demux(kMarker, 1024);
    for (size_t i = 0; i < stream.size(); i += chunk) demux.feed(stream.substr(i, chunk));
    demux.finish();
    EXPECT_EQ(demux.text(), "xypayload\ntail") << "chunk " << chunk;
    EXPECT_EQ(demux.snippet_pid(), 4242);
    ASSERT_TRUE(demux.exit_record().has_value());
    EXPECT_EQ(demux.exit_record()->micros, 1500);
    EXPECT_EQ(demux.exit_record()->leftovers_killed, 1);
    EXPECT_EQ(demux.exit_record()->cpu_micros, 900);
  }
}

TEST(OutputProtocolTest, ForeignMarkersAndPartialPrefixesAreOutput) {
  std::string other = std::string("\0\x1bGC", 4) + "ffffffffffffffff" + "S9\n";
  StdoutDemux demux(kMarker, 1024);
  demux.feed(other + std::string("\0\x1bG", 3));
  demux.finish();
  EXPECT_EQ(demux.text(), other + std::string("\0\x1bG", 3));
}

TEST(OutputProtocolTest, MalformedRecordIsKeptAsOutput) {
  StdoutDemux demux(kMarker, 1024);
  demux.feed(kMarker + "Snot-a-number\nrest");
  demux.finish();
  EXPECT_EQ(demux.text(), kMarker + "Snot-a-number\nrest");
}

TEST(OutputProtocolTest, CapTruncatesButRecordsStillParse) {
  StdoutDemux demux(kMarker, 10);
  demux.feed(std::string(100, 'x') + kMarker + "X0,1,2,0,0\n" + std::string(100, 'y'));
  demux.finish();
  EXPECT_EQ(demux.text(), std::string(10, 'x'));
  EXPECT_TRUE(demux.truncated());
  EXPECT_TRUE(demux.exit_record().has_value());
}

TEST(OutputProtocolTest, QuitRecordCarriesExitCodeAndTimings) {
  StdoutDemux demux(kMarker, 100);
  demux.feed("out\n" + kMarker + "Q3,2500,40960,1800\n");
  demux.finish();
  ASSERT_TRUE(demux.quit_record().has_value());
  EXPECT_EQ(demux.quit_record()->exit_code, 3);
  EXPECT_EQ(demux.quit_record()->micros, 2500);
  EXPECT_EQ(demux.quit_record()->max_rss_kb, 40960);
  EXPECT_EQ(demux.quit_record()->cpu_micros, 1800);
  EXPECT_FALSE(demux.exit_record().has_value());
  EXPECT_EQ(demux.text(), "out\n");
}

TEST(OutputProtocolTest, ErrorRecordsAccumulate) {
  StdoutDemux demux(kMarker, 10);
  demux.feed(kMarker + "Ecannot fork: out of memory\n");
  demux.finish();
  EXPECT_EQ(demux.error(), "cannot fork: out of memory");
  EXPECT_EQ(demux.text(), "");
}

}  // namespace
}  // namespace guidecheck
