#include "myst_directives.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

TEST(MystDirectivesTest, OptionLinesAndTheBlankLinesAfterThem) {
  EXPECT_EQ(directive_option_lines(Lines{":tags: [hide-input]", "print(1)"}), 1u);
  EXPECT_EQ(directive_option_lines(Lines{":caption: slug.py", ":linenos:", ":emphasize-lines: 5", "", "import re"}), 4u);
  EXPECT_EQ(directive_option_lines(Lines{"---", "tags: [raises-exception]", "---", "1/0"}), 3u);
  EXPECT_EQ(directive_option_lines(Lines{"print(1)"}), 0u);
  EXPECT_EQ(directive_option_lines(Lines{"", "print(1)"}), 0u);
  // Code that happens to start like an option is none: `:` then a word then `:`.
  EXPECT_EQ(directive_option_lines(Lines{"::", "x"}), 0u);
  EXPECT_EQ(directive_option_lines(Lines{": not an option", "x"}), 0u);
  // An unclosed `---` is no options block.
  EXPECT_EQ(directive_option_lines(Lines{"---", "x = 1"}), 0u);
}

TEST(MystDirectivesTest, ContainersHoldMarkdown) {
  for (const char* name : {"note", "tip", "warning", "admonition", "dropdown", "tab-item", "seealso", "prf:example"})
    EXPECT_TRUE(is_myst_container(name)) << name;
  for (const char* name : {"code-cell", "code-block", "math", "mermaid", "figure", "python", "eval-rst", ""})
    EXPECT_FALSE(is_myst_container(name)) << name;
}

}  // namespace
}  // namespace guidecheck
