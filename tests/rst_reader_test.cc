// The reST reader: which blocks are samples, which are their output, and on
// exactly which guide lines each one stands.
#include "rst_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>

namespace guidecheck {
namespace {

// The guide's lines, line k + 1 being lines[k].
std::string guide(std::initializer_list<std::string_view> lines) {
  std::string text;
  for (std::string_view line : lines) text.append(line).append("\n");
  return text;
}

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "guide.rst";
  return read_rst_guide(text, options);
}

std::vector<int> range(int first, int last) {
  std::vector<int> lines;
  for (int line = first; line <= last; ++line) lines.push_back(line);
  return lines;
}

const Claim* output_block(const Sample& sample) {
  auto it = std::find_if(sample.claims.begin(), sample.claims.end(),
                         [](const Claim& c) { return c.form == ClaimForm::kOutputBlock; });
  return it == sample.claims.end() ? nullptr : &*it;
}

TEST(RstReaderTest, CodeBlockDirectivesAreSamplesOnTheirExactLines) {
  Extraction extraction = read(guide({
      "Title",                         // 1
      "=====",                         // 2
      "",                              // 3
      ".. code-block:: python",        // 4
      "   :linenos:",                  // 5
      "   :caption: Squares",          // 6
      "",                              // 7
      "   def square(x):",             // 8
      "       return x * x",           // 9
      "",                              // 10
      "   total = square(3)",          // 11
      "",                              // 12
      "Some prose.",                   // 13
      "",                              // 14
      ".. code:: python3",             // 15
      "",                              // 16
      "   x = 1",                      // 17
      "",                              // 18
      "More prose.",                   // 19
      "",                              // 20
      ".. sourcecode:: py",            // 21
      "",                              // 22
      "   y = 2",                      // 23
  }));
  ASSERT_EQ(extraction.samples.size(), 3u);
  const Sample& first = extraction.samples[0];
  EXPECT_EQ(first.id, "s01");
  EXPECT_EQ(first.source, "def square(x):\n    return x * x\n\ntotal = square(3)\n");
  EXPECT_EQ(first.guide_lines, range(8, 11));
  EXPECT_EQ(first.first_line, 8);
  EXPECT_EQ(first.last_line, 11);
  EXPECT_EQ(first.style, SampleStyle::kScript);
  EXPECT_TRUE(first.claims.empty());
  EXPECT_EQ(extraction.samples[1].id, "s02");
  EXPECT_EQ(extraction.samples[1].source, "x = 1\n");
  EXPECT_EQ(extraction.samples[1].guide_lines, std::vector<int>{17});
  EXPECT_EQ(extraction.samples[2].id, "s03");
  EXPECT_EQ(extraction.samples[2].source, "y = 2\n");
  EXPECT_EQ(extraction.samples[2].guide_lines, std::vector<int>{23});
  EXPECT_TRUE(extraction.diagnostics.empty());
}

TEST(RstReaderTest, ALiteralBlockIsASampleWhenItCompilesAndDoesMoreThanShowValues) {
  Extraction extraction = read(guide({
      "Define a function::",  // 1
      "",                     // 2
      "    def f(a):",        // 3
      "        return a + 1", // 4
      "",                     // 5
      "Install it::",         // 6
      "",                     // 7
      "    pip install foo",  // 8
      "",                     // 9
      "A tree::",             // 10
      "",                     // 11
      "    project/",         // 12
      "      main.py",        // 13
      "",                     // 14
      "A list of values::",   // 15
      "",                     // 16
      "    [1, 2, 3]",        // 17
      "",                     // 18
      ".. code-block:: bash", // 19
      "",                     // 20
      "   x = 1",             // 21
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_EQ(extraction.samples[0].source, "def f(a):\n    return a + 1\n");
  EXPECT_EQ(extraction.samples[0].guide_lines, range(3, 4));
}

TEST(RstReaderTest, HighlightSetsTheLanguageOfLaterLiteralBlocks) {
  Extraction extraction = read(guide({
      ".. highlight:: python",  // 1
      "",                       // 2
      "Values::",               // 3
      "",                       // 4
      "    [1, 2, 3]",          // 5
      "",                       // 6
      "Broken::",               // 7
      "",                       // 8
      "    def f(:",            // 9
      "",                       // 10
      ".. highlight:: text",    // 11
      "",                       // 12
      "Not Python now::",       // 13
      "",                       // 14
      "    x = 1",              // 15
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_EQ(extraction.samples[0].source, "[1, 2, 3]\n");
  EXPECT_EQ(extraction.samples[0].guide_lines, std::vector<int>{5});
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_EQ(extraction.diagnostics[0].rfind("guide.rst:9: not run: does not compile", 0), 0u)
      << extraction.diagnostics[0];
}

TEST(RstReaderTest, APythonBlockThatDoesNotCompileIsNotRunAndSaysWhy) {
  Extraction extraction = read(guide({
      ".. code-block:: python",  // 1
      "",                        // 2
      "   x = 1",                // 3
      "   print(x",              // 4
      "   y = 2",                // 5
  }));
  EXPECT_TRUE(extraction.samples.empty());
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_NE(extraction.diagnostics[0].find("not run: does not compile"), std::string::npos);
  EXPECT_EQ(extraction.diagnostics[0].rfind("guide.rst:", 0), 0u);
}

struct IntroCase {
  std::string intro;      // the paragraph between code and output; empty: none
  std::string directive;  // how the output block opens
};

TEST(RstReaderTest, AnOutputBlockAfterASampleIsOneClaimWhateverItsIntroduction) {
  const std::vector<IntroCase> cases = {
      {"Output::", ""},
      {"This prints::", ""},
      {"The output is:", ".. code-block:: text"},
      {"Result:", ".. code-block:: none"},
      {"**Output:**", ".. code-block:: console"},
      {"It gives the following result:", ".. code-block:: output"},
      {"which prints", ".. code-block:: text"},  // a lead-in without a colon (output_label.h)
      {"Running it gives", ".. code-block:: text"},
      {"The output is", ".. code-block:: none"},
      {"", ".. code-block:: text"},
      {"", ".. code-block::"},
      {"", "::"},
  };
  for (const IntroCase& c : cases) {
    std::vector<std::string> lines = {
        ".. code-block:: python",  // 1
        "",                        // 2
        "   print('a b')",         // 3
        "   print(2)",             // 4
        "",                        // 5
    };
    if (!c.intro.empty()) lines.insert(lines.end(), {c.intro, ""});
    if (!c.directive.empty()) lines.insert(lines.end(), {c.directive, ""});
    const int first = static_cast<int>(lines.size()) + 1;
    lines.insert(lines.end(), {"    a b", "      indented", "    2", "", "After."});
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    SCOPED_TRACE(text);
    Extraction extraction = read(text);
    ASSERT_EQ(extraction.samples.size(), 1u);
    const Sample& sample = extraction.samples[0];
    EXPECT_EQ(sample.guide_lines, range(3, 4));
    ASSERT_EQ(sample.claims.size(), 1u);
    const Claim& claim = sample.claims[0];
    EXPECT_EQ(claim.form, ClaimForm::kOutputBlock);
    EXPECT_EQ(claim.kind, ClaimKind::kOutput);
    EXPECT_EQ(claim.guide_line, first);
    EXPECT_EQ(claim.last_guide_line, first + 2);
    EXPECT_EQ(claim.text, "a b\n  indented\n2");
    EXPECT_EQ(claim.anchor_line, 4);
    EXPECT_EQ(claim.since_line, 0);
    EXPECT_EQ(sample.first_line, 3);
    EXPECT_EQ(sample.last_line, first + 2);
  }
}

TEST(RstReaderTest, ABlockAfterProseThatIsNoLabelIsNotOutput) {
  Extraction extraction = read(guide({
      ".. code-block:: python",                                          // 1
      "",                                                                // 2
      "   print(1)",                                                     // 3
      "",                                                                // 4
      "Going the other way, loads gives you back dicts, never tuples:",  // 5
      "",                                                                // 6
      ".. code-block:: python",                                          // 7
      "",                                                                // 8
      "   print(2)",                                                     // 9
      "",                                                                // 10
      "A file it reads::",                                               // 11
      "",                                                                // 12
      "    [section]",                                                   // 13
      "    key = some value",                                            // 14
      "",                                                                // 15
      "Then run:",                                                       // 16
      "",                                                                // 17
      ".. code-block:: bash",                                            // 18
      "",                                                                // 19
      "   python script.py",                                             // 20
  }));
  ASSERT_EQ(extraction.samples.size(), 2u);
  EXPECT_TRUE(extraction.samples[0].claims.empty());
  EXPECT_EQ(extraction.samples[1].guide_lines, std::vector<int>{9});
  EXPECT_TRUE(extraction.samples[1].claims.empty());
}

// "Élodie : 15.5/20" compiles (a bare annotation), yet after an output
// label such lines are what the code printed.
TEST(RstReaderTest, KeyValueLinesAfterALabelAreOutput) {
  Extraction extraction = read(guide({
      ".. code-block:: python",                       // 1
      "",                                             // 2
      "   for name, mark in {'Ana': 15}.items():",    // 3
      "       print(f'{name} : {mark}/20')",          // 4
      "",                                             // 5
      "Ce code affiche :",                            // 6
      "",                                             // 7
      "::",                                           // 8
      "",                                             // 9
      "   Ana : 15/20",                               // 10
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  ASSERT_EQ(extraction.samples[0].claims.size(), 1u);
  EXPECT_EQ(extraction.samples[0].claims[0].guide_line, 10);
  EXPECT_EQ(extraction.samples[0].claims[0].text, "Ana : 15/20");
}

TEST(RstReaderTest, ProseThatNamesOutputInPassingIsNoLeadIn) {
  Extraction extraction = read(guide({
      ".. code-block:: python",  // 1
      "",                        // 2
      "   print(1)",             // 3
      "",                        // 4
      "The output of a script depends on the data it reads, so the test below feeds it a file that returns",
      "",                        // 6
      ".. code-block:: text",    // 7
      "",                        // 8
      "   name,count",           // 9
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_TRUE(extraction.samples[0].claims.empty());
}

TEST(RstReaderTest, ALabelMakesReprsOutputButAnInstructionDoesNot) {
  Extraction extraction = read(guide({
      ".. code-block:: python",        // 1
      "",                              // 2
      "   print(Point(1, 2))",         // 3
      "",                              // 4
      "Output:",                       // 5
      "",                              // 6
      ".. code-block:: python",        // 7
      "",                              // 8
      "   Point(x=1, y=2)",            // 9
      "",                              // 10
      ".. code-block:: python",        // 11
      "",                              // 12
      "   total = 3",                  // 13
      "",                              // 14
      "Print the total::",             // 15
      "",                              // 16
      "    print(total)",              // 17
      "",                              // 18
      ".. code-block:: python",        // 19
      "",                              // 20
      "   main()",                     // 21
      "",                              // 22
      "You should see:",               // 23
      "",                              // 24
      ".. code-block:: console",       // 25
      "",                              // 26
      "   $ python demo.py",           // 27
      "   started",                    // 28
  }));
  ASSERT_EQ(extraction.samples.size(), 4u);
  const Claim* repr = output_block(extraction.samples[0]);
  ASSERT_NE(repr, nullptr);
  EXPECT_EQ(repr->guide_line, 9);
  EXPECT_EQ(repr->text, "Point(x=1, y=2)");
  EXPECT_EQ(extraction.samples[0].notes.size(), 1u);
  EXPECT_EQ(extraction.samples[1].guide_lines, std::vector<int>{13});
  EXPECT_TRUE(extraction.samples[1].claims.empty());
  EXPECT_EQ(extraction.samples[2].guide_lines, std::vector<int>{17});
  EXPECT_EQ(extraction.samples[3].guide_lines, std::vector<int>{21});
  const Claim* console = output_block(extraction.samples[3]);
  ASSERT_NE(console, nullptr);
  EXPECT_EQ(console->guide_line, 28);
  EXPECT_EQ(console->last_guide_line, 28);
  EXPECT_EQ(console->text, "started");
}

TEST(RstReaderTest, AnUntaggedBlockOfCodeRightAfterASampleIsTheNextSample) {
  Extraction extraction = read(guide({
      ".. code-block:: python",  // 1
      "",                        // 2
      "   x = 1",                // 3
      "",                        // 4
      "::",                      // 5
      "",                        // 6
      "   print(x + 1)",         // 7
      "",                        // 8
      "::",                      // 9
      "",                        // 10
      "   2",                    // 11
  }));
  ASSERT_EQ(extraction.samples.size(), 2u);
  EXPECT_TRUE(extraction.samples[0].claims.empty());
  EXPECT_EQ(extraction.samples[1].guide_lines, std::vector<int>{7});
  const Claim* claim = output_block(extraction.samples[1]);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->guide_line, 11);
  EXPECT_EQ(claim->text, "2");
}

TEST(RstReaderTest, OnlyTheFirstBlockAfterASampleIsItsOutput) {
  Extraction extraction = read(guide({
      ".. code-block:: python",  // 1
      "",                        // 2
      "   print(1)",             // 3
      "",                        // 4
      "Output::",                // 5
      "",                        // 6
      "   1",                    // 7
      "",                        // 8
      "Output::",                // 9
      "",                        // 10
      "   1",                    // 11
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  ASSERT_EQ(extraction.samples[0].claims.size(), 1u);
  EXPECT_EQ(extraction.samples[0].claims[0].guide_line, 7);
  EXPECT_EQ(extraction.samples[0].last_line, 7);
}

TEST(RstReaderTest, CommentsInTheCodeAreClaimsOnTheirGuideLines) {
  Extraction extraction = read(guide({
      "Try::",                                // 1
      "",                                     // 2
      "   with open(__file__) as f:",         // 3
      "       print(2 + 2)  # 4",             // 4
      "   print(len('abc'))",                 // 5
      "   # 3",                               // 6
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  const Sample& sample = extraction.samples[0];
  EXPECT_EQ(sample.source, "with open(__file__) as f:\n    print(2 + 2)  # 4\nprint(len('abc'))\n# 3\n");
  ASSERT_GE(sample.claims.size(), 1u);
  EXPECT_EQ(sample.claims[0].form, ClaimForm::kTrailing);
  EXPECT_EQ(sample.claims[0].guide_line, 4);
  EXPECT_EQ(sample.claims[0].anchor_line, 4);
  EXPECT_EQ(sample.claims[0].text, "4");
  ASSERT_EQ(sample.claims.size(), 2u);
  EXPECT_EQ(sample.claims[1].form, ClaimForm::kBlock);
  EXPECT_EQ(sample.claims[1].guide_line, 6);
  EXPECT_EQ(sample.claims[1].anchor_line, 5);
}

TEST(RstReaderTest, DoctestBlocksDirectivesAndPromptedPythonBlocksAreSessions) {
  Extraction extraction = read(guide({
      "A doctest block:",          // 1
      "",                          // 2
      ">>> x = 1",                 // 3
      ">>> x + 1",                 // 4
      "2",                         // 5
      "",                          // 6
      ".. doctest::",              // 7
      "",                          // 8
      "   >>> def f():",           // 9
      "   ...     return 3",       // 10
      "   >>> f()",                // 11
      "   3",                      // 12
      "",                          // 13
      ".. code-block:: python",    // 14
      "",                          // 15
      "   >>> 'a' * 2",            // 16
      "   'aa'",                   // 17
      "",                          // 18
      ".. code-block:: pycon",     // 19
      "",                          // 20
      "   >>> len([])",            // 21
      "   0",                      // 22
      "",                          // 23
      "A literal one::",           // 24
      "",                          // 25
      "    >>> 1 + 1",             // 26
      "    2",                     // 27
  }));
  ASSERT_EQ(extraction.samples.size(), 5u);
  const std::vector<std::pair<int, int>> spans = {{3, 5}, {9, 12}, {16, 17}, {21, 22}, {26, 27}};
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const Sample& sample = extraction.samples[k];
    SCOPED_TRACE(sample.id);
    EXPECT_EQ(sample.style, SampleStyle::kSession);
    EXPECT_EQ(sample.first_line, spans[k].first);
    EXPECT_EQ(sample.last_line, spans[k].second);
    ASSERT_FALSE(sample.guide_lines.empty());
    EXPECT_EQ(sample.guide_lines.front(), spans[k].first);
    EXPECT_FALSE(sample.pytest_file);
  }
  EXPECT_NE(extraction.samples[1].source.find("def f():\n    return 3\n"), std::string::npos);
  EXPECT_EQ(extraction.samples[1].guide_lines, (std::vector<int>{9, 10, 11}));
}

TEST(RstReaderTest, TestcodeIsASampleAndTestoutputItsOutput) {
  Extraction extraction = read(guide({
      ".. testsetup::",               // 1
      "",                             // 2
      "   import math",               // 3
      "",                             // 4
      ".. testcode::",                // 5
      "   :hide:",                    // 6
      "",                             // 7
      "   print(math.floor(2.5))",    // 8
      "",                             // 9
      "Some words in between.",       // 10
      "",                             // 11
      ".. testoutput::",              // 12
      "   :options: +ELLIPSIS",       // 13
      "",                             // 14
      "   2",                         // 15
      "",                             // 16
      ".. testcode:: other",          // 17
      "",                             // 18
      "   print('other')",            // 19
      "",                             // 20
      ".. testcode::",                // 21
      "",                             // 22
      "   print('default')",          // 23
      "",                             // 24
      ".. testoutput:: other",        // 25
      "",                             // 26
      "   other",                     // 27
      "",                             // 28
      ".. testoutput:: other",        // 29
      "",                             // 30
      "   again",                     // 31
  }));
  ASSERT_EQ(extraction.samples.size(), 3u);  // the testsetup is setup, no sample
  const Sample& testcode = extraction.samples[0];
  EXPECT_EQ(testcode.setup, "import math\n");
  EXPECT_EQ(testcode.guide_lines, std::vector<int>{8});
  ASSERT_EQ(testcode.claims.size(), 1u);
  EXPECT_EQ(testcode.claims[0].form, ClaimForm::kOutputBlock);
  EXPECT_EQ(testcode.claims[0].guide_line, 15);
  EXPECT_EQ(testcode.claims[0].last_guide_line, 15);
  EXPECT_EQ(testcode.claims[0].anchor_line, 8);
  EXPECT_EQ(testcode.claims[0].text, "2");
  EXPECT_FALSE(testcode.claims[0].normalize_whitespace);  // +ELLIPSIS only
  EXPECT_EQ(testcode.last_line, 15);
  const Claim* other = output_block(extraction.samples[1]);
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->guide_line, 27);
  EXPECT_EQ(other->text, "other");
  EXPECT_EQ(output_block(extraction.samples[2]), nullptr);
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_EQ(extraction.diagnostics[0].rfind("guide.rst:31: testoutput without a testcode", 0), 0u)
      << extraction.diagnostics[0];
}

TEST(RstReaderTest, ATestsetupIsTheSetupOfTheSamplesOfItsGroupAfterIt) {
  Extraction extraction = read(guide({
      ".. testcode::",                // 1: before any setup
      "",                             // 2
      "   print(1)",                  // 3
      "",                             // 4
      ".. testsetup::",               // 5: the default group's: the page's
      "",                             // 6
      "   import math",               // 7
      "",                             // 8
      ".. testsetup:: money",         // 9
      "",                             // 10
      "   from decimal import Decimal",  // 11
      "",                             // 12
      ".. testsetup:: *",             // 13: every group's
      "",                             // 14
      "   import random",             // 15
      "   random.seed(7)",            // 16
      "",                             // 17
      ".. testcode::",                // 18
      "",                             // 19
      "   print(math.pi > 3)",        // 20
      "",                             // 21
      ".. testcode:: money",          // 22
      "",                             // 23
      "   print(Decimal('0.1'))",     // 24
      "",                             // 25
      ">>> math.floor(random.random())",  // 26: a doctest block is in the default group
      "0",                            // 27
      "",                             // 28
      ".. code-block:: python",       // 29: and so is a code block
      "",                             // 30
      "   print(math.e > 2)",         // 31
  }));
  ASSERT_EQ(extraction.samples.size(), 5u);
  EXPECT_EQ(extraction.samples[0].setup, "");
  EXPECT_EQ(extraction.samples[1].setup, "import math\nimport random\nrandom.seed(7)\n");
  EXPECT_EQ(extraction.samples[2].setup, "from decimal import Decimal\nimport random\nrandom.seed(7)\n");
  EXPECT_EQ(extraction.samples[3].style, SampleStyle::kSession);
  EXPECT_EQ(extraction.samples[3].setup, extraction.samples[1].setup);
  EXPECT_EQ(extraction.samples[4].setup, extraction.samples[1].setup);
  EXPECT_EQ(extraction.samples[4].guide_lines, std::vector<int>{31});
}

TEST(RstReaderTest, ATestsetupThatDoesNotCompileIsNoSetup) {
  Extraction extraction = read(guide({
      ".. testsetup::",    // 1
      "",                  // 2
      "   import (",       // 3
      "",                  // 4
      ".. testcode::",     // 5
      "",                  // 6
      "   print(2)",       // 7
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_EQ(extraction.samples[0].setup, "");
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_EQ(extraction.diagnostics[0].rfind("guide.rst:3: testsetup not run: does not compile", 0), 0u)
      << extraction.diagnostics[0];
}

TEST(RstReaderTest, TestoutputsNormalizeWhitespaceOptionMarksItsClaim) {
  Extraction extraction = read(guide({
      ".. testcode::",                                       // 1
      "",                                                    // 2
      "   print(['Jan', 'Mar', 'May'])",                     // 3
      "",                                                    // 4
      ".. testoutput::",                                     // 5
      "   :options: +ELLIPSIS, +NORMALIZE_WHITESPACE",       // 6
      "",                                                    // 7
      "   ['Jan', 'Mar',",                                   // 8
      "    'May']",                                          // 9
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  ASSERT_EQ(extraction.samples[0].claims.size(), 1u);
  EXPECT_TRUE(extraction.samples[0].claims[0].normalize_whitespace);
  EXPECT_EQ(extraction.samples[0].claims[0].text, "['Jan', 'Mar',\n 'May']");
}

TEST(RstReaderTest, ADoctestDirectivesOptionsHoldForEachExample) {
  Extraction extraction = read(guide({
      ".. doctest::",                                   // 1
      "   :options: +IGNORE_EXCEPTION_DETAIL",          // 2
      "",                                               // 3
      "   >>> from decimal import Decimal",             // 4
      "   >>> Decimal('1,5')",                          // 5
      "   Traceback (most recent call last):",          // 6
      "   InvalidOperation: [<class 'ConversionSyntax'>]",  // 7
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  ASSERT_EQ(extraction.samples[0].claims.size(), 1u);
  EXPECT_TRUE(extraction.samples[0].claims[0].ignore_exception_detail);
  EXPECT_FALSE(extraction.samples[0].claims[0].normalize_whitespace);
}

TEST(RstReaderTest, CodeNestedInNotesListsAndQuotesIsFoundButNotInComments) {
  Extraction extraction = read(guide({
      ".. note::",                        // 1
      "",                                 // 2
      "   A note:",                       // 3
      "",                                 // 4
      "   .. code-block:: python",        // 5
      "",                                 // 6
      "      print('note')",              // 7
      "",                                 // 8
      "   Output::",                      // 9
      "",                                 // 10
      "      note",                       // 11
      "",                                 // 12
      "- An item::",                      // 13
      "",                                 // 14
      "     a = 1",                       // 15
      "",                                 // 16
      "- .. tip::",                       // 17
      "",                                 // 18
      "     .. code:: python",            // 19
      "",                                 // 20
      "        b = 2",                    // 21
      "",                                 // 22
      "..",                               // 23
      "   A comment::",                   // 24
      "",                                 // 25
      "      commented = 1",              // 26
      "",                                 // 27
      ".. tab:: Sphinx extension",        // 28
      "",                                 // 29
      "   .. sourcecode:: python",        // 30
      "",                                 // 31
      "      c = 3",                      // 32
      "",                                 // 33
      "Term",                             // 34
      "   A definition::",                // 35
      "",                                 // 36
      "      d = 4",                      // 37
  }));
  ASSERT_EQ(extraction.samples.size(), 5u);
  EXPECT_EQ(extraction.samples[0].source, "print('note')\n");
  EXPECT_EQ(extraction.samples[0].guide_lines, std::vector<int>{7});
  const Claim* claim = output_block(extraction.samples[0]);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->guide_line, 11);
  EXPECT_EQ(claim->text, "note");
  EXPECT_EQ(extraction.samples[1].source, "a = 1\n");
  EXPECT_EQ(extraction.samples[1].guide_lines, std::vector<int>{15});
  EXPECT_EQ(extraction.samples[2].source, "b = 2\n");
  EXPECT_EQ(extraction.samples[2].guide_lines, std::vector<int>{21});
  EXPECT_EQ(extraction.samples[3].source, "c = 3\n");
  EXPECT_EQ(extraction.samples[3].guide_lines, std::vector<int>{32});
  EXPECT_EQ(extraction.samples[4].source, "d = 4\n");
  EXPECT_EQ(extraction.samples[4].guide_lines, std::vector<int>{37});
}

TEST(RstReaderTest, CodeInATableCellIsNotReadAndSaysSo) {
  Extraction extraction = read(guide({
      "+-----------------+-----+",  // 1
      "| Code::          | b   |",  // 2
      "|                 |     |",  // 3
      "|     x = 1       |     |",  // 4
      "+-----------------+-----+",  // 5
      "",                           // 6
      "After::",                    // 7
      "",                           // 8
      "    y = 2",                  // 9
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_EQ(extraction.samples[0].guide_lines, std::vector<int>{9});
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_NE(extraction.diagnostics[0].find("is not read"), std::string::npos) << extraction.diagnostics[0];
}

TEST(RstReaderTest, AnOutputBlockOutsideTheSamplesContainerIsNotItsOutput) {
  Extraction extraction = read(guide({
      "Section one",             // 1
      "===========",             // 2
      "",                        // 3
      ".. code-block:: python",  // 4
      "",                        // 5
      "   print(1)",             // 6
      "",                        // 7
      "Section two",             // 8
      "===========",             // 9
      "",                        // 10
      ".. code-block:: text",    // 11
      "",                        // 12
      "   1",                    // 13
  }));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_TRUE(extraction.samples[0].claims.empty());
}

TEST(RstReaderTest, TabsAndCarriageReturnsKeepLinesAndIndentation) {
  Extraction extraction = read(
      "Intro\x0c line\r\n\r\nCode::\r\n\r\n\tif True:\r\n\t    x = 1\r\n\r\nOutput\xe2\x80\xa8::\r\n\r\n\tdone\r\n");
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_EQ(extraction.samples[0].source, "if True:\n    x = 1\n");
  EXPECT_EQ(extraction.samples[0].guide_lines, range(5, 6));
  const Claim* claim = output_block(extraction.samples[0]);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->guide_line, 10);
  EXPECT_EQ(claim->text, "done");
}

TEST(RstReaderTest, AMalformedFileGivesWhatItCanAndNeverCrashes) {
  const std::vector<std::string> inputs = {
      "",
      std::string("\0\0\0::\n\n   \0x = 1\n", 17),
      "\xff\xfe\x80 invalid utf-8 ::\n\n    y = '\xff'\n",
      ".. code-block:: python",
      ".. code-block:: python\n   :linenos:",
      ".. testoutput::\n\n   orphan\n",
      ".. doctest::\n\n   no prompt here\n",
      ".. |sub| code-block:: python\n\n   x = 1\n",
      ".. code-block:: python\n\n   print(1)\n\n.. code-block:: text\n\n",
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    Extraction extraction = read(input);
    for (const Sample& sample : extraction.samples) {
      EXPECT_FALSE(sample.source.empty());
      EXPECT_TRUE(sample.claims.empty());
    }
  }
  Extraction unterminated = read(".. code-block:: python\n\n   def f(:\n\n.. code-block:: python\n\n   x = 1");
  ASSERT_EQ(unterminated.samples.size(), 1u);
  EXPECT_EQ(unterminated.samples[0].source, "x = 1\n");
  EXPECT_EQ(unterminated.samples[0].guide_lines, std::vector<int>{7});
  ASSERT_EQ(unterminated.diagnostics.size(), 1u);
  EXPECT_EQ(unterminated.diagnostics[0].rfind("guide.rst:3: not run: does not compile", 0), 0u)
      << unterminated.diagnostics[0];
  // Nesting deeper than docutils' recursion allows: one diagnostic, no samples.
  std::string deep;
  for (int k = 0; k < 1500; ++k) deep += std::string(static_cast<std::size_t>(2 * k), ' ') + "- x\n";
  Extraction extraction = read(deep);
  EXPECT_TRUE(extraction.samples.empty());
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_EQ(extraction.diagnostics[0].rfind("guide.rst: cannot read as reStructuredText: RecursionError", 0), 0u)
      << extraction.diagnostics[0];
}

TEST(RstReaderTest, AModuleLevelTestFunctionMakesAPytestFile) {
  Extraction extraction =
      read(guide({".. code-block:: python", "", "   def test_add():", "       assert 1 + 1 == 2"}));
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_TRUE(extraction.samples[0].pytest_file);
}

// A table that is its own code: "Expression | Result" with inline literals,
// as a list-table (each cell on a line of its own) or a simple table.
TEST(RstReaderTest, ATableOfExpressionsAndResultsIsASession) {
  const Extraction e = read(guide({
      ".. list-table:: Formats",          // 1
      "   :header-rows: 1",
      "",
      "   * - Expression",
      "     - Result",                     // 5
      "   * - ``format(5, \"08b\")``",
      "     - ``'00000101'``",             // 7
      "   * - ``len('abc')``",
      "     - ``3``",                      // 9
      "",
      "=============  ======",            // 11
      "Operation      Notes",
      "=============  ======",
      "``x + y``      sum",                // 14: a note, not code with its result
      "=============  ======",
  }));
  ASSERT_EQ(e.samples.size(), 1u);
  const Sample& sample = e.samples[0];
  EXPECT_EQ(sample.style, SampleStyle::kSession);
  EXPECT_EQ(sample.source, "format(5, \"08b\")\nlen('abc')\n");
  EXPECT_EQ(sample.guide_lines, (std::vector<int>{6, 8}));
  ASSERT_EQ(sample.claims.size(), 2u);
  EXPECT_EQ(sample.claims[0].guide_line, 7);
  EXPECT_EQ(sample.claims[0].anchor_line, 6);
  EXPECT_EQ(sample.claims[0].text, "'00000101'");
  EXPECT_EQ(sample.claims[1].guide_line, 9);
}

// The Python docs' tables name an operation and describe its result in
// words: no session, so ``x + y`` never runs without an x.
TEST(RstReaderTest, ATableThatDescribesResultsInWordsIsNoSession) {
  const Extraction e = read(guide({
      "+-------------+------------------+",
      "| Operation   | Result           |",
      "+=============+==================+",
      "| ``x + y``   | sum of *x* and   |",
      "|             | *y*              |",
      "+-------------+------------------+",
      "| ``abs(x)``  | absolute value   |",
      "+-------------+------------------+",
  }));
  EXPECT_TRUE(e.samples.empty());
}

TEST(RstReaderTest, TheReaderIsRegisteredForRstAndRestFiles) {
  std::string err;
  EXPECT_EQ(guide_format_for("guide.rst", "", &err)->name, "rst");
  EXPECT_EQ(guide_format_for("GUIDE.REST", "", &err)->name, "rst");
  EXPECT_EQ(guide_format_named("rst")->read, &read_rst_guide);
}

}  // namespace
}  // namespace guidecheck
