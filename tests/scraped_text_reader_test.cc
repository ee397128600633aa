// The scraped-text reader returns samples whose code is already laid out,
// error-claim statements included: nothing is guessed again later.
#include "scraped_text_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace guidecheck {
namespace {

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "guide.txt";
  return read_scraped_text(text, options);
}

TEST(ScrapedTextReaderTest, TheSampleIsLaidOutWithItsGuideLines) {
  Extraction extraction = read("Intro.\n\ndef twice(x):\nreturn 2 * x\nprint(twice(4)) # 8\n");
  ASSERT_EQ(extraction.samples.size(), 1u);
  const Sample& sample = extraction.samples[0];
  EXPECT_EQ(sample.source, "def twice(x):\n    return 2 * x\nprint(twice(4)) # 8\n");
  EXPECT_EQ(sample.guide_lines, (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(sample.first_line, 3);
  EXPECT_EQ(sample.last_line, 5);
  ASSERT_EQ(sample.claims.size(), 1u);
  EXPECT_EQ(sample.claims[0].text, "8");
  EXPECT_FALSE(sample.pytest_file);
}

TEST(ScrapedTextReaderTest, ACommentedOutStatementOfAnErrorClaimIsLaidOutAtReadTime) {
  Extraction extraction = read(
      "Abstract methods.\n\n"
      "class Base:\n"
      "def validate(self):\n"
      "raise NotImplementedError\n"
      "# class Bad(Base): # TypeError: Bad must implement validate()\n"
      "# def other(self):\n"
      "# return 1\n"
      "print(Base)\n");
  ASSERT_EQ(extraction.samples.size(), 1u);
  const Sample& sample = extraction.samples[0];
  auto error = std::find_if(sample.claims.begin(), sample.claims.end(),
                            [](const Claim& c) { return c.kind == ClaimKind::kError; });
  ASSERT_NE(error, sample.claims.end());
  EXPECT_EQ(error->statement, "class Bad(Base):\n    def other(self):\n        return 1");
}

TEST(ScrapedTextReaderTest, AModuleLevelTestFunctionMakesAPytestFile) {
  Extraction extraction = read("Tests.\n\ndef test_add():\nassert 1 + 1 == 2\n");
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_TRUE(extraction.samples[0].pytest_file);
}

// Output lines run into the page's next heading when no blank line is
// kept; a short line of words over a sentence of prose counts only where
// it agrees. A value there is judged as shown.
TEST(ScrapedTextReaderTest, AHeadingOverTheNextParagraphEndsOutputTentatively) {
  const Extraction heading = read(
      "squares = {n: n * n for n in range(1, 3)}\nprint(squares)\nOutput\n{1: 1, 2: 4}\n"
      "fromkeys() and setdefault()\ndict.fromkeys() creates a dictionary with one value for every key.\n");
  ASSERT_EQ(heading.samples.size(), 1u);
  ASSERT_EQ(heading.samples[0].claims.size(), 1u);
  EXPECT_EQ(heading.samples[0].claims[0].tentative_lines, 1);
  const Extraction value = read(
      "import re\nprint(re.sub(r\"\\d\", \"#\", \"a1\"))\nprint(1)\nOutput:\n1\na#\n"
      "The pattern replaced every digit with a hash sign.\n");
  ASSERT_EQ(value.samples.size(), 1u);
  ASSERT_EQ(value.samples[0].claims.size(), 1u);
  EXPECT_EQ(value.samples[0].claims[0].tentative_lines, 0);
}

// `print(n)  # -2` after a flattened loop: a layout that prints the claim
// among other lines agrees in part; one that prints only it agrees whole.
TEST(ScrapedTextReaderTest, AClaimThatIsAllItsStatementPrintedAgreesWhole) {
  Claim claim;
  claim.guide_line = claim.last_guide_line = claim.anchor_line = 12;
  claim.text = "-2";
  RunOutcome in_loop, after_loop;
  in_loop.statements = {{1, 1, true, ""}, {2, 4, true, "7\n4\n1\n-2\n"}};
  after_loop.statements = {{1, 1, true, ""}, {2, 3, true, ""}, {4, 4, true, "-2\n"}};
  const std::vector<int> guide_lines = {9, 10, 11, 12};
  const ClaimAgreement part = count_agreeing_claims({claim}, guide_lines, in_loop);
  const ClaimAgreement whole = count_agreeing_claims({claim}, guide_lines, after_loop);
  EXPECT_EQ(part.claims, 1);
  EXPECT_EQ(part.whole, 0);
  EXPECT_EQ(whole.claims, 1);
  EXPECT_EQ(whole.whole, 1);
  EXPECT_GT(whole, part);
}

// A notebook page copied as text: a cell's code starts on its `In [n]:`
// prompt's line (or after the prompt alone) and goes on without one; the
// `Out[n]:` value is its output. An IPython session (every input behind a
// prompt, the line after it output) stays a session.
TEST(ScrapedTextReaderTest, NotebookCellsAreCodeAfterTheirPrompts) {
  Extraction notebook = read(
      "Word lengths\n"                            // 1
      "\n"                                        // 2
      "In [1]: import statistics\n"               // 3
      "from collections import Counter\n"         // 4
      "\n"                                        // 5
      "In [2]: def double(n):\n"                  // 6
      "    return 2 * n\n"                        // 7
      "double(21)\n"                              // 8
      "Out[2]: 42\n");                            // 9
  // Cells with no prose between them are one sample, as one namespace.
  ASSERT_EQ(notebook.samples.size(), 1u);
  EXPECT_EQ(notebook.samples[0].source,
            "import statistics\nfrom collections import Counter\n\ndef double(n):\n    return 2 * n\ndouble(21)\n");
  EXPECT_EQ(notebook.samples[0].style, SampleStyle::kScript);
  ASSERT_EQ(notebook.samples[0].claims.size(), 1u);
  EXPECT_EQ(notebook.samples[0].claims[0].text, "42");

  Extraction session = read("In [1]: xs = [3, 1]\n\nIn [2]: print(sorted(xs))\n[1, 3]\n\nIn [3]: len(xs)\nOut[3]: 2\n");
  ASSERT_FALSE(session.samples.empty());
  for (const Sample& sample : session.samples) EXPECT_EQ(sample.style, SampleStyle::kSession) << sample.source;
}

}  // namespace
}  // namespace guidecheck
