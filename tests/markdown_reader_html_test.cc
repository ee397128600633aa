// The Markdown reader on raw HTML: output a `<details>` block hides after
// the code (a `<pre>`, or a fence inside it), and a bare `<pre>`.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "markdown_reader.h"

namespace guidecheck {
namespace {

using Strings = std::vector<std::string>;
using Lines = std::vector<int>;

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "guide.md";
  return read_markdown_guide(text, options);
}

// One line per claim: lines, anchor and text.
Strings claims_of(const Sample& sample) {
  Strings out;
  for (const Claim& c : sample.claims)
    out.push_back(std::to_string(c.guide_line) + "-" + std::to_string(c.last_guide_line) + " @" +
                  std::to_string(c.anchor_line) + (c.shown_as_html ? " html" : "") + " [" + c.text + "]");
  return out;
}

TEST(MarkdownReaderHtmlTest, PreInDetailsIsTheOutputOfTheSampleBefore) {
  const Extraction e = read(
      "Intro\n"                                       // 1
      "\n"                                            // 2
      "```python\n"                                   // 3
      "print(8080 + 1)\n"                             // 4
      "print('<a> & \"b\"')\n"                        // 5
      "```\n"                                         // 6
      "\n"                                            // 7
      "<details><summary>Show output</summary>\n"     // 8
      "<pre>\n"                                       // 9
      "8080\n"                                        // 10
      "&lt;a&gt; &amp; &quot;b&quot;\n"               // 11
      "</pre>\n"                                      // 12
      "</details>\n");                                // 13
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"10-11 @5 html [8080\n<a> & \"b\"]"}));
  EXPECT_EQ(e.samples[0].last_line, 11);
}

TEST(MarkdownReaderHtmlTest, FenceInDetailsAfterABlankLine) {
  for (const char* summary : {"Output", "<b>Result</b>", "Click to see the output", "Show output"}) {
    const Extraction e = read(std::string("```python\n"  // 1
                                          "print(1)\n"   // 2
                                          "```\n"        // 3
                                          "\n"           // 4
                                          "<details>\n"  // 5
                                          "<summary>") +
                              summary +
                              "</summary>\n"  // 6
                              "\n"            // 7
                              "```text\n"     // 8
                              "1\n"           // 9
                              "```\n"         // 10
                              "\n"            // 11
                              "</details>\n");
    ASSERT_EQ(e.samples.size(), 1u) << summary;
    EXPECT_EQ(claims_of(e.samples[0]), (Strings{"9-9 @2 [1]"})) << summary;
  }
}

TEST(MarkdownReaderHtmlTest, FenceInDetailsWithoutBlankLinesIsInsideTheHtmlBlock) {
  const Extraction e = read(
      "```python\n"                  // 1
      "print(1)\n"                   // 2
      "print(2)\n"                   // 3
      "```\n"                        // 4
      "\n"                           // 5
      "<details>\n"                  // 6
      "<summary>Output</summary>\n"  // 7
      "```\n"                        // 8
      "1\n"                          // 9
      "2\n"                          // 10
      "```\n"                        // 11
      "</details>\n");               // 12
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"9-10 @3 [1\n2]"}));
}

TEST(MarkdownReaderHtmlTest, ABlankLineInsideTheOutputDoesNotCutIt) {
  const Extraction pre = read(
      "```python\n"                                // 1
      "print('a\\n\\nb')\n"                        // 2
      "```\n"                                      // 3
      "\n"                                         // 4
      "<details><summary>Output</summary>\n"       // 5
      "<pre>\n"                                    // 6
      "a\n"                                        // 7
      "\n"                                         // 8
      "b\n"                                        // 9
      "</pre>\n"                                   // 10
      "</details>\n"                               // 11
      "\n"                                         // 12
      "```python\n"                                // 13
      "print(3)\n"                                 // 14
      "```\n");                                    // 15
  ASSERT_EQ(pre.samples.size(), 2u);
  EXPECT_EQ(claims_of(pre.samples[0]), (Strings{"7-9 @2 html [a\n\nb]"}));
  EXPECT_EQ(pre.samples[1].guide_lines, (Lines{14}));

  // Without the HTML block read whole, the closing fence would open a
  // block swallowing the rest of the page.
  const Extraction fence = read(
      "```python\n"                  // 1
      "print('a\\n\\nb')\n"          // 2
      "```\n"                        // 3
      "\n"                           // 4
      "<details>\n"                  // 5
      "<summary>Output</summary>\n"  // 6
      "```\n"                        // 7
      "a\n"                          // 8
      "\n"                           // 9
      "b\n"                          // 10
      "```\n"                        // 11
      "</details>\n"                 // 12
      "\n"                           // 13
      "```python\n"                  // 14
      "print(3)\n"                   // 15
      "```\n");                      // 16
  ASSERT_EQ(fence.samples.size(), 2u);
  EXPECT_EQ(claims_of(fence.samples[0]), (Strings{"8-10 @2 [a\n\nb]"}));
  EXPECT_EQ(fence.samples[1].guide_lines, (Lines{15}));
}

TEST(MarkdownReaderHtmlTest, DetailsThatHideNoOutputStayWhatTheyWere) {
  // A solution is code to run, not the output of the exercise.
  const Extraction solution = read(
      "```python\n"                    // 1
      "print(1)\n"                     // 2
      "```\n"                          // 3
      "\n"                             // 4
      "<details>\n"                    // 5
      "<summary>Solution</summary>\n"  // 6
      "\n"                             // 7
      "```python\n"                    // 8
      "[1, 2]\n"                       // 9
      "```\n"                          // 10
      "\n"                             // 11
      "</details>\n");                 // 12
  ASSERT_EQ(solution.samples.size(), 2u);
  EXPECT_TRUE(solution.samples[0].claims.empty());
  EXPECT_EQ(solution.samples[1].guide_lines, (Lines{9}));

  const Extraction hint = read(
      "```python\n"
      "print(1)\n"
      "```\n"
      "\n"
      "<details><summary>Hint</summary>\n"
      "<pre>\n"
      "use a dict\n"
      "</pre>\n"
      "</details>\n");
  ASSERT_EQ(hint.samples.size(), 1u);
  EXPECT_TRUE(hint.samples[0].claims.empty());
}

TEST(MarkdownReaderHtmlTest, BarePreAfterAnOutputLabel) {
  const Extraction e = read(
      "```python\n"           // 1
      "print(type(1))\n"      // 2
      "```\n"                 // 3
      "\n"                    // 4
      "This prints:\n"        // 5
      "\n"                    // 6
      "<pre>\n"               // 7
      "&lt;class 'int'&gt;\n"  // 8
      "</pre>\n");            // 9
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"8-8 @2 html [<class 'int'>]"}));
}

// A notebook exported with nbconvert: the cell prints, then shows its last
// value, a DataFrame, as the HTML pandas wrote (a blank line inside the
// `<style>` cuts the HTML block for CommonMark).
TEST(MarkdownReaderHtmlTest, ANotebookCellsPrintedTextAndItsDataFrameTable) {
  const Extraction e = read(
      "```python\n"
      "import pandas as pd\n"
      "frame = pd.DataFrame({'days': [15, 21]})\n"
      "print(len(frame), 'loans')\n"
      "frame\n"                                // 5
      "```\n"
      "\n"
      "    2 loans\n"                           // 8
      "\n"
      "\n"
      "<div>\n"
      "<style scoped>\n"
      "    .dataframe tbody tr th {\n"
      "        vertical-align: top;\n"
      "    }\n"
      "\n"
      "    .dataframe thead th {\n"
      "        text-align: right;\n"
      "    }\n"
      "</style>\n"
      "<table border=\"1\" class=\"dataframe\">\n"  // 21
      "  <thead><tr><th></th><th>days</th></tr></thead>\n"
      "  <tbody><tr><th>0</th><td>15</td></tr><tr><th>1</th><td>21</td></tr></tbody>\n"
      "</table>\n"
      "</div>\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"8-8 @5 [2 loans]", "21-23 @5 html [days\n0  15\n1  21]"}));
  EXPECT_EQ(e.samples[0].claims[0].since_line, 0);
  EXPECT_EQ(e.samples[0].claims[1].since_line, 5);  // the value alone
}

// Both outputs indented: CommonMark joins them into one block across the
// blank lines nbconvert puts between them.
TEST(MarkdownReaderHtmlTest, ANotebookCellsTwoIndentedOutputsAreTwoClaims) {
  const Extraction e = read(
      "```python\n"
      "avg = 18.9\n"
      "print(f'average: {avg}')\n"
      "[15.75, 22.0]\n"  // 4
      "```\n"
      "\n"
      "    average: 18.9\n"  // 7
      "\n"
      "\n"
      "\n"
      "    [15.75, 22.0]\n");  // 11
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"7-7 @4 [average: 18.9]", "11-11 @4 [[15.75, 22.0]]"}));
  EXPECT_EQ(e.samples[0].claims[1].since_line, 4);
}

TEST(MarkdownReaderHtmlTest, CodeInRawHtmlIsNoSample) {
  // The page does not render it as code: no sample, as before.
  EXPECT_TRUE(read("<pre>\nprint(1)\n</pre>\n").samples.empty());
  EXPECT_TRUE(read("<div>\n```python\nprint(1)\n```\n</div>\n").samples.empty());
  // Other HTML between a sample and a block still parts them.
  const Extraction e = read("```python\nprint(1)\n```\n\n<div align=\"center\">\n```\n1\n```\n</div>\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_TRUE(e.samples[0].claims.empty());
}

// A blog's export: code in `<pre><code class="language-python">`, its
// entities decoded, is a sample; the `<pre>` after an "Output:" paragraph
// is its output. A `<pre>` without a language stays text.
TEST(MarkdownReaderHtmlTest, PreWithAPythonClassIsCode) {
  const Extraction e = read(
      "<pre><code class=\"language-python\">name = &quot;Ada&quot;\n"  // 1
      "print(f&quot;{name!r} &lt; {len(name)}&quot;)</code></pre>\n"      // 2
      "\n"                                                                // 3
      "Output:\n"                                                         // 4
      "\n"                                                                // 5
      "<pre>\n"                                                           // 6
      "&#39;Ada&#39; &lt; 3\n"                                            // 7
      "</pre>\n"                                                          // 8
      "\n"                                                                // 9
      "<pre>print(1)</pre>\n");                                           // 10
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "name = \"Ada\"\nprint(f\"{name!r} < {len(name)}\")\n");
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"7-7 @2 html ['Ada' < 3]"}));
}

}  // namespace
}  // namespace guidecheck
