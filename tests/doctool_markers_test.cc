// Pages written for other doc-testing tools (Sybil, pytest-codeblocks,
// phmdoctest) read as those tools read them: what they skip is not run,
// what they hide runs, what they mark as output is output.
#include "doctool_markers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "continuation.h"
#include "markdown_reader.h"
#include "rst_reader.h"

namespace guidecheck {
namespace {

std::optional<DoctoolMarkerKind> kind_of(std::string_view comment) {
  std::optional<DoctoolMarker> marker = doctool_marker(comment);
  return marker ? std::optional<DoctoolMarkerKind>(marker->kind) : std::nullopt;
}

TEST(DoctoolMarkersTest, EachToolsMarkersAreRead) {
  EXPECT_EQ(kind_of(" skip: next "), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("skip: next \"needs a server\""), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("skip: next if(sys.platform == 'win32')"), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("skip: start"), DoctoolMarkerKind::kSkipStart);
  EXPECT_EQ(kind_of("skip: end"), DoctoolMarkerKind::kSkipEnd);
  EXPECT_EQ(kind_of(" invisible-code-block: python\nx = 1\n"), DoctoolMarkerKind::kInvisibleCode);
  EXPECT_EQ(kind_of("pytest-codeblocks:skip"), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("pytest-codeblocks: skipif(sys.version_info < (3, 9))"), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("pytest.mark.skip"), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("pytest-codeblocks:cont"), DoctoolMarkerKind::kContinues);
  EXPECT_EQ(kind_of("pytest-codeblocks:expected-output"), DoctoolMarkerKind::kExpectedOutput);
  EXPECT_EQ(kind_of("phmdoctest-skip"), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("phmdoctest-mark.skip"), DoctoolMarkerKind::kSkipNext);
  EXPECT_EQ(kind_of("phmdoctest-mark.skipif<3.8"), DoctoolMarkerKind::kSkipNext);
  // Not markers: a remark, namespace arrangements, code in another language.
  EXPECT_EQ(kind_of("TODO: skip the next part once the API is stable"), std::nullopt);
  EXPECT_EQ(kind_of("phmdoctest-setup"), std::nullopt);
  EXPECT_EQ(kind_of("pytest-codeblocks:importorskip(tomli_w)"), std::nullopt);
  EXPECT_EQ(kind_of("invisible-code-block: bash"), std::nullopt);
}

TEST(DoctoolMarkersTest, SkipNextIsTakenUpAndARangeLastsToItsEnd) {
  DoctoolMarkers markers;
  EXPECT_EQ(markers.skip_reason(), std::nullopt);
  markers.read_comment("skip: next", 0);
  EXPECT_EQ(markers.skip_reason(), "not run: the page skips it (skip: next)");
  EXPECT_EQ(markers.skip_reason(), std::nullopt);
  markers.read_comment("skip: start", 0);
  EXPECT_TRUE(markers.skip_reason());
  EXPECT_TRUE(markers.skip_reason());
  markers.read_comment("skip: end", 0);
  EXPECT_EQ(markers.skip_reason(), std::nullopt);
  markers.read_comment("just a note", 0);
  EXPECT_EQ(markers.skip_reason(), std::nullopt);
}

TEST(DoctoolMarkersTest, InvisibleCodeIsTheLinesAfterTheMarker) {
  EXPECT_EQ(invisible_code_lines(" invisible-code-block: python\nrows = [1, 2]\n\nprint(rows)"),
            (std::vector<std::string>{"rows = [1, 2]", "", "print(rows)"}));
  EXPECT_EQ(invisible_code_lines("skip: next"), std::nullopt);
}

Extraction read_markdown(const std::string& text) {
  ReadOptions options;
  options.filename = "guide.md";
  Extraction extraction = read_markdown_guide(text, options);
  link_continuations(&extraction.samples);
  return extraction;
}

TEST(DoctoolMarkersTest, AMarkdownPageForSybil) {
  Extraction e = read_markdown(
      "<!-- invisible-code-block: python\n"  // 1
      "rows = [3, 1, 2]\n"                   // 2
      "-->\n"                                // 3
      "\n"                                   // 4
      "```python\n"                          // 5
      "print(sorted(rows))\n"                // 6
      "```\n"                                // 7
      "\n"                                   // 8
      "<!-- skip: next -->\n"                // 9
      "```python\n"                          // 10
      "print(open('/srv/data.csv').read())\n"  // 11
      "```\n");                              // 12
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].first_line, 2);
  EXPECT_EQ(e.samples[0].source, "rows = [3, 1, 2]\n");
  EXPECT_EQ(e.samples[1].first_line, 6);
  EXPECT_EQ(e.samples[1].continues, std::vector<std::string>{e.samples[0].id});
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_NE(e.diagnostics[0].find("guide.md:11: not run: the page skips it (skip: next)"), std::string::npos)
      << e.diagnostics[0];
}

TEST(DoctoolMarkersTest, AMarkdownPageForPytestCodeblocks) {
  Extraction e = read_markdown(
      "```python\n"                                // 1
      "total = 2\n"                                // 2
      "print(total)\n"                             // 3
      "```\n"                                      // 4
      "\n"                                         // 5
      "<!--pytest-codeblocks:cont-->\n"            // 6
      "```python\n"                                // 7
      "print(total * 10)\n"                        // 8
      "```\n"                                      // 9
      "\n"                                         // 10
      "<!--pytest-codeblocks:expected-output-->\n"  // 11
      "```\n"                                      // 12
      "2\n"                                        // 13
      "20\n"                                       // 14
      "```\n");                                    // 15
  // One sample of both blocks; the output fence is the output of both.
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "total = 2\nprint(total)\nprint(total * 10)\n");
  EXPECT_EQ(e.samples[0].guide_lines, (std::vector<int>{2, 3, 8}));
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 13);
  EXPECT_EQ(e.samples[0].claims[0].text, "2\n20");
}

TEST(DoctoolMarkersTest, AReStructuredTextPageForSybil) {
  ReadOptions options;
  options.filename = "guide.rst";
  Extraction e = read_rst_guide(
      ".. invisible-code-block: python\n"  // 1
      "\n"                                 // 2
      "    rows = [3, 1, 2]\n"             // 3
      "\n"                                 // 4
      ".. skip: start\n"                   // 5
      "\n"                                 // 6
      ".. code-block:: python\n"           // 7
      "\n"                                 // 8
      "    rows = fetch_rows()\n"          // 9
      "\n"                                 // 10
      ".. skip: end\n"                     // 11
      "\n"                                 // 12
      ">>> sorted(rows)\n"                 // 13
      "[1, 2, 3]\n",                       // 14
      options);
  link_continuations(&e.samples);
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].first_line, 3);
  EXPECT_EQ(e.samples[1].first_line, 13);
  EXPECT_EQ(e.samples[1].continues, std::vector<std::string>{e.samples[0].id});
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_NE(e.diagnostics[0].find("guide.rst:9: not run: the page skips it (skip: start)"), std::string::npos)
      << e.diagnostics[0];
}

TEST(DoctoolMarkersTest, ClearNamespaceStartsAfresh) {
  Extraction e = read_markdown(
      "```python\n"                    // 1
      "rows = [1]\n"                   // 2
      "```\n"                          // 3
      "\n"                             // 4
      "<!-- clear-namespace -->\n"     // 5
      "\n"                             // 6
      "```python\n"                    // 7
      "rows = [2]\n"                   // 8
      "print(rows)\n"                  // 9
      "```\n"                          // 10
      "\n"                             // 11
      "```python\n"                    // 12
      "print(len(rows))\n"             // 13
      "```\n");                        // 14
  ASSERT_EQ(e.samples.size(), 3u);
  EXPECT_TRUE(e.samples[1].fresh_namespace);
  EXPECT_TRUE(e.samples[1].continues.empty());
  // Later samples continue within the new namespace only.
  EXPECT_EQ(e.samples[2].continues, std::vector<std::string>{e.samples[1].id});
}

}  // namespace
}  // namespace guidecheck
