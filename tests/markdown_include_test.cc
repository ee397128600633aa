#include "markdown_include.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

TEST(MarkdownIncludeTest, OneLineIncludes) {
  for (const Lines& lines : {Lines{"--8<-- \"examples/deep_merge.py\""}, Lines{"--8<-- 'x.py'"},
                             Lines{";--8<-- \"x.py\""}, Lines{"-8<- \"x.py\""}, Lines{"  --8<--   \"x.py:3:5\"  "},
                             Lines{"", "--8<-- \"a.py\"", "", "--8<-- \"b.py\"", ""},
                             Lines{"--8<-- \"https://example.com/raw/app.py\""}})
    EXPECT_TRUE(is_snippets_include(lines)) << lines.size() << " " << lines[0];
}

TEST(MarkdownIncludeTest, TheBlockForm) {
  EXPECT_TRUE(is_snippets_include({"--8<--", "examples/a.py", "examples/b.py", "--8<--"}));
  EXPECT_TRUE(is_snippets_include({"", "--8<--", "a.py", "", ";skipped.py", "--8<--", ""}));
  EXPECT_TRUE(is_snippets_include({"--8<-- \"header.py\"", "--8<--", "a.py", "--8<--"}));
}

TEST(MarkdownIncludeTest, CodeIsNoInclude) {
  for (const Lines& lines : {Lines{}, Lines{"", "  "}, Lines{"x = 1"}, Lines{"--8<-- \"a.py\"", "print(result)"},
                             Lines{"--8<--", "a.py"},  // the block never closes
                             Lines{"--8<--\"a.py\""}, Lines{"--8<-- a.py"}, Lines{"--8<-- \"a.py\" extra"},
                             Lines{"8<-- \"a.py\""}, Lines{"x = 1  # --8<-- \"a.py\""}, Lines{"print('--8<--')"}})
    EXPECT_FALSE(is_snippets_include(lines)) << (lines.empty() ? "" : lines[0]);
}

}  // namespace
}  // namespace guidecheck
