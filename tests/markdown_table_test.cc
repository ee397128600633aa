// Pipe tables as plain CommonMark leaves them: a paragraph's lines.
#include "markdown_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "markdown_blocks.h"

namespace guidecheck {
namespace {

// Each cell as "text" or "`code`".
std::vector<std::string> cells(const MarkdownTableRow& row) {
  std::vector<std::string> out;
  for (const MarkdownTableCell& cell : row.cells) out.push_back(cell.code ? "`" + cell.text + "`" : cell.text);
  return out;
}

std::optional<MarkdownTable> table_in(const std::string& markdown) {
  for (const MarkdownBlock& block : read_markdown_blocks(markdown))
    if (block.table) return block.table;
  return std::nullopt;
}

TEST(MarkdownTableTest, AParagraphOfPipeRowsIsATable) {
  const std::optional<MarkdownTable> table = table_in(
      "Intro.\n"
      "\n"
      "| call | *prints* |\n"                      // 3
      "|------|:--------:|\n"
      "| `len(xs)` | `3` |\n"                      // 5
      "| `f(a \\| b)` | `'a|b'` |\n"               // a pipe in a code span, escaped or not
      "| prose **here** | `1` and `2` |\n"
      "| `xs` |\n");                                // 8: a missing cell is empty
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->header.line, 3);
  EXPECT_EQ(cells(table->header), (std::vector<std::string>{"call", "prints"}));
  ASSERT_EQ(table->rows.size(), 4u);
  EXPECT_EQ(table->rows[0].line, 5);
  EXPECT_EQ(cells(table->rows[0]), (std::vector<std::string>{"`len(xs)`", "`3`"}));
  EXPECT_EQ(cells(table->rows[1]), (std::vector<std::string>{"`f(a | b)`", "`'a|b'`"}));
  EXPECT_EQ(cells(table->rows[2]), (std::vector<std::string>{"prose here", "1 and 2"}));
  EXPECT_EQ(cells(table->rows[3]), (std::vector<std::string>{"`xs`", ""}));
  EXPECT_EQ(table->rows[3].line, 8);
}

TEST(MarkdownTableTest, OuterPipesAreOptionalAndALeadInMayPrecedeTheHeader) {
  const std::optional<MarkdownTable> table = table_in(
      "Each call prints:\n"
      "Expression | Result\n"   // 2
      "--- | ---\n"
      "`2 ** 10` | `1024`\n");
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->header.line, 2);
  EXPECT_EQ(cells(table->header), (std::vector<std::string>{"Expression", "Result"}));
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(cells(table->rows[0]), (std::vector<std::string>{"`2 ** 10`", "`1024`"}));
}

TEST(MarkdownTableTest, ParagraphsThatAreNoTableHaveNone) {
  EXPECT_FALSE(table_in("a | b\nc | d\n").has_value());               // no delimiter row
  EXPECT_FALSE(table_in("| a | b |\n|---|\n").has_value());          // the delimiter row has fewer cells
  EXPECT_FALSE(table_in("x | y\n--- | -x-\n").has_value());          // not a delimiter row
  EXPECT_FALSE(table_in("Title\n---\n").has_value());                // a setext heading
  EXPECT_FALSE(table_in("Use `a | b` for a union.\n").has_value());
}

}  // namespace
}  // namespace guidecheck
