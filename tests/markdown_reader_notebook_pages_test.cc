// Pages that notebooks and literate documents are written in: MyST
// notebooks (code-cell directives, admonition fences) and Quarto or knitr
// documents (`{python}` chunks, `## ` before output, chunk options).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "continuation.h"
#include "markdown_reader.h"

namespace guidecheck {
namespace {

using Strings = std::vector<std::string>;

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "page.md";
  Extraction extraction = read_markdown_guide(text, options);
  link_continuations(&extraction.samples);
  return extraction;
}

Strings claims_of(const Sample& sample) {
  Strings out;
  for (const Claim& c : sample.claims)
    out.push_back(std::to_string(c.guide_line) + "-" + std::to_string(c.last_guide_line) + " [" + c.text + "]");
  return out;
}

TEST(NotebookPagesTest, MystCodeCellsLoseTheirOptionsAndKeepTheirLines) {
  const Extraction e = read(
      "```{code-cell} ipython3\n"  // 1
      ":tags: [hide-input]\n"
      "print(6 * 7)\n"              // 3
      "```\n"
      "\n"
      "```{code-block} text\n"
      "42\n"                        // 7
      "```\n"
      "\n"
      "```{code-cell} ipython3\n"  // 10
      "---\n"
      "tags: [raises-exception]\n"
      "---\n"
      "[].pop()\n"                  // 14
      "```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].source, "print(6 * 7)\n");
  EXPECT_EQ(e.samples[0].first_line, 3);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"7-7 [42]"});
  EXPECT_EQ(e.samples[1].source, "[].pop()\n");
  EXPECT_EQ(e.samples[1].first_line, 14);
}

// A cell that ends in a value, then a cell that reads like a repr: the
// second runs, as every code cell does; it is no output of the first.
TEST(NotebookPagesTest, ACodeCellIsNeverTheOutputOfTheCellBefore) {
  const Extraction e = read(
      "```{code-cell} ipython3\n"
      "import statistics\n"
      "data = [1, 2, 3]\n"
      "print(len(data))  # 3\n"
      "sum(data)  # 6\n"
      "```\n"
      "\n"
      "```{code-cell} ipython3\n"
      "statistics.quantiles(data, n=4)  # [1.0, 2.0, 3.0]\n"  // 9
      "```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[1].source, "statistics.quantiles(data, n=4)  # [1.0, 2.0, 3.0]\n");
  for (const Claim& claim : e.samples[0].claims) EXPECT_NE(claim.guide_line, 9);
}

TEST(NotebookPagesTest, ACellTaggedSkipExecutionIsNoSample) {
  const Extraction e = read(
      "```{code-cell} ipython3\n"
      ":tags: [skip-execution]\n"
      "import missing_package\n"  // 3
      "```\n");
  EXPECT_TRUE(e.samples.empty());
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_NE(e.diagnostics[0].find("page.md:3: not run: the cell is tagged skip-execution"), std::string::npos)
      << e.diagnostics[0];
}

TEST(NotebookPagesTest, AMystAdmonitionFenceHoldsMarkdown) {
  const Extraction e = read(
      "````{note}\n"
      ":class: dropdown\n"
      "Folding is stricter than lowering:\n"
      "\n"
      "```python\n"
      "print('Straße'.casefold())\n"  // 6
      "```\n"
      "\n"
      "```text\n"
      "strasse\n"                      // 10
      "```\n"
      "````\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].first_line, 6);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"10-10 [strasse]"});
}

TEST(NotebookPagesTest, QuartoChunksWithOptionsAndKnitrOutput) {
  const Extraction e = read(
      "```{python}\n"
      "#| label: total\n"
      "total = sum([4, 5, 7])\n"
      "print(total)\n"
      "```\n"
      "\n"
      "```\n"
      "## 16\n"  // 8: the claim keeps knitr's prefix; comparing drops it
      "```\n"
      "\n"
      "```{python, eval=FALSE}\n"
      "total = read_till_export()\n"  // 12
      "```\n"
      "\n"
      "```{python}\n"
      "#| eval: false\n"
      "total = read_till_export()\n"  // 17
      "```\n"
      "\n"
      "```{python}\n"
      "#| collapse: true\n"
      "total * 2\n"
      "## 32\n"  // 23: a value knitr shows inside the chunk
      "```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"8-8 [## 16]"});
  EXPECT_EQ(claims_of(e.samples[1]), Strings{"23-23 [32]"});
  ASSERT_EQ(e.diagnostics.size(), 2u);
  EXPECT_NE(e.diagnostics[0].find("page.md:12: not run: the chunk says eval=FALSE"), std::string::npos);
  EXPECT_NE(e.diagnostics[1].find("page.md:16: not run: the chunk says eval: false"), std::string::npos);
}

}  // namespace
}  // namespace guidecheck
