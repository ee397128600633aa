#include "snippet_writer.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

TEST(RelayoutLikeTest, AChangedLineKeepsTheIndentationOfTheLineItReplaces) {
  EXPECT_EQ(relayout_like("def f():\n    return 1  # 2\n", Lines{"def f():", "return 1  # 1"}),
            "def f():\n    return 1  # 1\n");
  EXPECT_EQ(relayout_like("if a:\n    print(1)\n    # 2\n    y()\n", Lines{"if a:", "print(1)", "# 1", "y()"}),
            "if a:\n    print(1)\n    # 1\n    y()\n");
}

TEST(RelayoutLikeTest, AnAddedLineTakesTheIndentationOfTheNextUnchangedLine) {
  EXPECT_EQ(relayout_like("for i in r:\n    print(i)\n# 0\nx = 1\n",
                          Lines{"for i in r:", "print(i)", "# 0", "# 1", "x = 1"}),
            "for i in r:\n    print(i)\n# 0\n# 1\nx = 1\n");
  // A block that grows where it was replaced: the first new line takes the
  // replaced line's place, the others follow the next unchanged line.
  EXPECT_EQ(relayout_like("class A:\n    def f(self):\n        g()\n        # a\n        h()\n",
                          Lines{"class A:", "def f(self):", "g()", "# b", "# c", "h()"}),
            "class A:\n    def f(self):\n        g()\n        # b\n        # c\n        h()\n");
}

TEST(RelayoutLikeTest, RemovedLinesGoAndBlankLinesStayBlank) {
  EXPECT_EQ(relayout_like("if a:\n    x()\n    # 1\n    # 2\n\n    y()\n", Lines{"if a:", "x()", "# 1", "", "y()"}),
            "if a:\n    x()\n    # 1\n\n    y()\n");
}

TEST(SaveExtractionTest, AGuideWithoutSamplesIsRefused) {
  Extraction empty;
  SnippetWriteOutcome outcome =
      save_extraction(empty, "empty.txt", "/nonexistent/snippets", ExistingLayouts::kKeepHandFixes);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.error, "empty.txt: no code samples found; /nonexistent/snippets left as it was");
}

}  // namespace
}  // namespace guidecheck
