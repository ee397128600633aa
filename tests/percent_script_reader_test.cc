#include "percent_script_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "notebook.py";
  return read_percent_script(text, options);
}

TEST(PercentScriptReaderTest, CodeCellsAreSamplesAndProseCellsAreNot) {
  const Extraction e = read(
      "# ---\n"                        // 1: jupytext's header, comments only
      "# jupyter: {}\n"
      "# ---\n"
      "\n"
      "# %% [markdown]\n"              // 5
      "# Counting words:\n"
      "# %%\n"                         // 7
      "words = 'a b a'.split()\n"      // 8
      "print(len(words))  # 3\n"
      "\n"
      "# %% Tally\n"                   // 11
      "for w in sorted(set(words)):\n"  // 12
      "    print(w)\n"
      "# Output:\n"
      "# a\n"                          // 15
      "# b\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].id, "s01");
  EXPECT_EQ(e.samples[0].source, "words = 'a b a'.split()\nprint(len(words))  # 3\n");
  EXPECT_EQ(e.samples[0].guide_lines, (std::vector<int>{8, 9}));
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].text, "3");
  EXPECT_EQ(e.samples[1].source, "for w in sorted(set(words)):\n    print(w)\n# Output:\n# a\n# b\n");
  ASSERT_EQ(e.samples[1].claims.size(), 1u);
  EXPECT_EQ(e.samples[1].claims[0].text, "a\nb");
  EXPECT_EQ(e.samples[1].claims[0].guide_line, 15);
}

// A markdown cell right after a code cell may show its output: "Output:"
// then a block indented by four spaces (in comments), or a fence.
TEST(PercentScriptReaderTest, AMarkdownCellShowingTheOutputOfTheCellBefore) {
  const Extraction e = read(
      "# %%\n"
      "print([1, 2])\n"
      "print(3)\n"
      "\n"
      "# %% [markdown]\n"
      "# Output:\n"                  // 6
      "#\n"
      "#     [1, 2]\n"               // 8
      "#     3\n"
      "#\n"
      "# Prose goes on here.\n"
      "\n"
      "# %% [markdown]\n"
      "# Output:\n"                  // not after a code cell: no claim
      "#\n"
      "#     4\n"
      "\n"
      "# %%\n"
      "print(5)\n"
      "# %% [markdown]\n"
      "# The result:\n"
      "# ```\n"
      "# 5\n"                        // 23
      "# ```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 8);
  EXPECT_EQ(e.samples[0].claims[0].text, "[1, 2]\n3");
  ASSERT_EQ(e.samples[1].claims.size(), 1u);
  EXPECT_EQ(e.samples[1].claims[0].guide_line, 23);
  EXPECT_EQ(e.samples[1].claims[0].text, "5");
}

TEST(PercentScriptReaderTest, AScriptWithoutMarkersIsOneSample) {
  const Extraction e = read("import math\nprint(math.floor(2.5))  # 2\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].guide_lines, (std::vector<int>{1, 2}));
  EXPECT_TRUE(read("# only a comment\n").samples.empty());
}

}  // namespace
}  // namespace guidecheck
