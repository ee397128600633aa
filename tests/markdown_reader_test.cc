#include "markdown_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "continuation.h"

namespace guidecheck {
namespace {

using Strings = std::vector<std::string>;
using Lines = std::vector<int>;

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "guide.md";
  // As read_guide_text does for every reader: continuations are linked after.
  Extraction extraction = read_markdown_guide(text, options);
  link_continuations(&extraction.samples);
  return extraction;
}

// One line per claim, so a failure shows every field.
std::string show(const Claim& c) {
  return std::to_string(c.guide_line) + "-" + std::to_string(c.last_guide_line) + " " +
         std::string(to_string(c.kind)) + " " + std::string(to_string(c.form)) + " @" +
         std::to_string(c.anchor_line) + " since " + std::to_string(c.since_line) + " [" + c.text + "]";
}

Strings claims_of(const Sample& sample) {
  Strings out;
  for (const Claim& c : sample.claims) out.push_back(show(c));
  return out;
}

Strings ids(const Extraction& e) {
  Strings out;
  for (const Sample& s : e.samples) out.push_back(s.id);
  return out;
}

TEST(MarkdownReaderTest, EveryPythonTagWithBothFences) {
  for (const char* tag : {"python", "py", "python3", "py3", "ipython", "Python", "python title=\"x.py\"", "{.python}"}) {
    for (const char* fence : {"```", "~~~"}) {
      const std::string text = std::string("Intro\n\n") + fence + tag + "\nx = 1\nprint(x)\n" + fence + "\n";
      const Extraction e = read(text);
      ASSERT_EQ(e.samples.size(), 1u) << tag << fence;
      const Sample& s = e.samples[0];
      EXPECT_EQ(s.id, "s01");
      EXPECT_EQ(s.source, "x = 1\nprint(x)\n");
      EXPECT_EQ(s.guide_lines, (Lines{4, 5}));
      EXPECT_EQ(s.first_line, 4);
      EXPECT_EQ(s.last_line, 5);
      EXPECT_EQ(s.style, SampleStyle::kScript);
      EXPECT_EQ(s.item, 0);
      EXPECT_TRUE(s.path.empty());
      EXPECT_TRUE(s.generated_hash.empty());
      EXPECT_TRUE(s.error.empty());
      EXPECT_TRUE(e.diagnostics.empty());
    }
  }
}

TEST(MarkdownReaderTest, OtherLanguagesAreNeverSamples) {
  for (const char* tag : {"text", "output", "console", "shell", "bash", "sh", "json", "toml", "yaml", "javascript"}) {
    const Extraction e = read(std::string("```") + tag + "\nx = 1\nprint(x)\n```\n");
    EXPECT_TRUE(e.samples.empty()) << tag;
    EXPECT_TRUE(e.diagnostics.empty()) << tag;
  }
}

TEST(MarkdownReaderTest, UntaggedBlocksAreSamplesOnlyWhenCode) {
  const Extraction e = read(
      "```\nname = 'Ada'\nprint(name)\n```\n\n"
      "Some prose.\n\n"
      "```\nHello, World!\n```\n\n"
      "Prose again.\n\n"
      "```\n[1, 2, 3]\n```\n\n"
      "Prose.\n\n"
      "```\nproject/\n  main.py\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "name = 'Ada'\nprint(name)\n");
  EXPECT_TRUE(e.diagnostics.empty());
}

TEST(MarkdownReaderTest, IndentedCodeBlocks) {
  const Extraction e = read("Para\n\n    total = 0\n    for i in range(3):\n        total += i\n    print(total)\n\nEnd\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "total = 0\nfor i in range(3):\n    total += i\nprint(total)\n");
  EXPECT_EQ(e.samples[0].guide_lines, (Lines{3, 4, 5, 6}));
}

TEST(MarkdownReaderTest, FenceInsideListItem) {
  const Extraction e = read("1. Define it:\n\n   ```python\n   def f():\n       return 1\n   ```\n\n2. Done\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "def f():\n    return 1\n");
  EXPECT_EQ(e.samples[0].guide_lines, (Lines{4, 5}));
}

TEST(MarkdownReaderTest, BlankEdgesDroppedAndCommonIndentationRemoved) {
  const Extraction e = read("```python\n\n    if True:\n        print(1)\n\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "if True:\n    print(1)\n");
  EXPECT_EQ(e.samples[0].guide_lines, (Lines{3, 4}));
  EXPECT_EQ(e.samples[0].first_line, 3);
  EXPECT_EQ(e.samples[0].last_line, 4);
}

TEST(MarkdownReaderTest, LineNumbersWithCrlf) {
  const Extraction e = read(
      "# Title\r\n\r\nText\r\n\r\n```python\r\nx = 1\r\n\r\nprint(x)\r\n```\r\n\r\nOutput:\r\n\r\n```\r\n1\r\n```\r\n");
  ASSERT_EQ(e.samples.size(), 1u);
  const Sample& s = e.samples[0];
  EXPECT_EQ(s.source, "x = 1\n\nprint(x)\n");
  EXPECT_EQ(s.guide_lines, (Lines{6, 7, 8}));
  EXPECT_EQ(claims_of(s), Strings{"14-14 output output-block @8 since 0 [1]"});
  EXPECT_EQ(s.last_line, 14);
}

TEST(MarkdownReaderTest, OutputBlockAfterEveryLabel) {
  for (const char* label : {"Output:", "Output", "**Output:**", "Result:", "This prints:", "Prints:", "which prints:",
                            "Expected output:", "*Output*", "#### Output", "Running it gives:"}) {
    const Extraction e = read(std::string("```python\nprint(1 + 1)\n```\n\n") + label + "\n\n```\n2\n```\n");
    ASSERT_EQ(e.samples.size(), 1u) << label;
    EXPECT_EQ(claims_of(e.samples[0]), Strings{"8-8 output output-block @2 since 0 [2]"}) << label;
    EXPECT_EQ(e.samples[0].first_line, 2);
    EXPECT_EQ(e.samples[0].last_line, 8);
    EXPECT_TRUE(e.samples[0].notes.empty()) << label;
  }
}

TEST(MarkdownReaderTest, OutputTaggedBlockRightAfterTheCode) {
  for (const char* tag : {"text", "output", "console", "none", "plain", "stdout", "out"}) {
    const Extraction e = read(std::string("```python\nfor i in range(2):\n    print(i)\n```\n```") + tag +
                              "\n0\n1\n\n```\n");
    ASSERT_EQ(e.samples.size(), 1u) << tag;
    EXPECT_EQ(claims_of(e.samples[0]), Strings{"6-7 output output-block @3 since 0 [0\n1]"}) << tag;
    EXPECT_EQ(e.samples[0].last_line, 7);
  }
}

TEST(MarkdownReaderTest, ProseBetweenCodeAndBlockIsNoOutput) {
  for (const char* prose : {"Now something else.", "## Next section"}) {
    const Extraction e = read(std::string("```python\nprint(2)\n```\n\n") + prose + "\n\n```text\n2\n```\n");
    ASSERT_EQ(e.samples.size(), 1u) << prose;
    EXPECT_TRUE(e.samples[0].claims.empty()) << prose;
    EXPECT_EQ(e.samples[0].last_line, 2);
  }
}

TEST(MarkdownReaderTest, ABlockAfterALeadInIsOutputOnlyWhenItAgrees) {
  // "Given the input:" may introduce data, "Two lines come out:" output:
  // every line of the block is tentative, so only agreement counts.
  for (const char* lead_in : {"Given the input:", "Two lines come out of that call:"}) {
    const Extraction e = read(std::string("```python\nprint(2)\n```\n\n") + lead_in + "\n\n```text\n2\n```\n");
    ASSERT_EQ(e.samples.size(), 1u) << lead_in;
    ASSERT_EQ(e.samples[0].claims.size(), 1u) << lead_in;
    EXPECT_EQ(e.samples[0].claims[0].tentative_lines, 1) << lead_in;
  }
  // Not after code that cannot print, nor for a block that is code.
  Extraction e = read("```python\nx = 2\n```\n\nThe data:\n\n```text\n2\n```\n");
  EXPECT_TRUE(e.samples[0].claims.empty());
  e = read("```python\nprint(2)\n```\n\nThen:\n\n```\ny = 3\n```\n");
  EXPECT_TRUE(e.samples[0].claims.empty());
}

TEST(MarkdownReaderTest, UntaggedOutputBlocks) {
  // Text that is not Python: output.
  Extraction e = read("```python\nprint('Hello, World!')\n```\n\n```\nHello, World!\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"6-6 output output-block @2 since 0 [Hello, World!]"});
  EXPECT_TRUE(e.samples[0].notes.empty());

  // Values that compile, after code that prints: output, with a note.
  e = read("```python\nprint([1, 2, 3])\n```\n\n```\n[1, 2, 3]\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"6-6 output output-block @2 since 0 [[1, 2, 3]]"});
  EXPECT_EQ(e.samples[0].notes,
            Strings{"guide.md:6: untagged block read as the output of the code above: it only shows values"});

  // The same values after code that prints nothing: neither output nor code.
  e = read("```python\nx = [1, 2, 3]\n```\n\n```\n[1, 2, 3]\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_TRUE(e.samples[0].claims.empty());

  // The code that prints may be a sample it continues.
  e = read(
      "```python\nfrom collections import namedtuple\nPoint = namedtuple('Point', 'x y')\n\ndef show(p):\n"
      "    print(p)\n```\n\nUse it:\n\n```python\nshow(Point(1, 2))\n```\n\n```\nPoint(x=1, y=2)\n```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[1].continues, Strings{"s01"});
  EXPECT_EQ(claims_of(e.samples[1]), Strings{"16-16 output output-block @12 since 0 [Point(x=1, y=2)]"});
}

TEST(MarkdownReaderTest, UntaggedCodeAfterASampleIsTheNextSample) {
  Extraction e = read("```python\nprint(1)\n```\n\n```\ny = 2\nprint(y)\n```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_TRUE(e.samples[0].claims.empty());
  EXPECT_EQ(e.samples[1].source, "y = 2\nprint(y)\n");

  // A call of a function the guide defined is code, though it looks like a repr.
  e = read("```python\ndef greet(name):\n    print(name)\n```\n\n```\ngreet('Bob')\n```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[1].source, "greet('Bob')\n");
  EXPECT_EQ(e.samples[1].continues, Strings{"s01"});

  // A transcript of another program is not the sample's output...
  e = read("```python\nprint('hi')\n```\n\n```\n$ ls\napp.py\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_TRUE(e.samples[0].claims.empty());
  // ...but one that runs the script is.
  e = read("```python\nprint('hi')\n```\n\n```\n$ python app.py\nhi\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].text, "hi");
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 7);
}

TEST(MarkdownReaderTest, ATranscriptIsTheOutputOfTheSampleSavedUnderItsName) {
  const Extraction e = read(
      "Save this as `greet.py`:\n\n"                     // 1
      "```python\nprint('hello')\n```\n\n"               // 3-5
      "And this one as `count.py`:\n\n"                  // 7
      "```python\nprint(3)\n```\n\n"                     // 9-11
      "Run the first one:\n\n"                           // 13
      "```console\n$ python greet.py\nhello\n```\n\n"     // 15-18
      "```bash\n$ python3 count.py\n```\n\n"              // 20-22: prints nothing shown...
      "and you should see\n\n"                           // 24
      "```\n4\n```\n");                                  // 26-28: ...but this block is its output
  ASSERT_EQ(e.samples.size(), 2u);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].text, "hello");
  ASSERT_EQ(e.samples[1].claims.size(), 1u);
  EXPECT_EQ(e.samples[1].claims[0].text, "4");
  EXPECT_EQ(e.samples[1].claims[0].guide_line, 27);
}

TEST(MarkdownReaderTest, ATranscriptsOutputExtendsTheSamplesLines) {
  // Like any other output block, the transcript's output is part of what
  // the sample spans.
  const Extraction e = read(
      "```py\n"                   // 1
      "print('hi')\n"             // 2
      "```\n"                     // 3
      "\n"                        // 4
      "```console\n"              // 5
      "$ python receipt.py\n"     // 6
      "hi\n"                      // 7
      "there\n"                   // 8
      "```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"7-8 output output-block @2 since 0 [hi\nthere]"});
  EXPECT_EQ(e.samples[0].first_line, 2);
  EXPECT_EQ(e.samples[0].last_line, 8);
}

TEST(MarkdownReaderTest, ALeadInWithoutAColonThatNamesOutput) {
  for (const char* lead_in : {"which prints", "This prints", "Running it gives", "The output is",
                              "Running it results in", "It displays the following",
                              "It will produce the following output \xE2\x88\x92", "The output is as follows."}) {
    const Extraction e = read(std::string("```py\nprint(1 + 1)\n```\n\n") + lead_in + "\n\n```text\n2\n```\n");
    ASSERT_EQ(e.samples.size(), 1u) << lead_in;
    EXPECT_EQ(claims_of(e.samples[0]), Strings{"8-8 output output-block @2 since 0 [2]"}) << lead_in;
    EXPECT_EQ(e.samples[0].claims[0].tentative_lines, 0) << lead_in;
  }
  // Prose that names output in passing, then a block of something else.
  const Extraction e = read(
      "```py\nprint(1 + 1)\n```\n\n"
      "The output of a script depends on the data it reads, so the test below feeds it a file that returns\n\n"
      "```text\nname,count\nfig,3\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_TRUE(e.samples[0].claims.empty());
}

TEST(MarkdownReaderTest, OutputInACodeSpanAfterALeadIn) {
  for (const char* paragraph : {"This prints `2`.", "Output: `2`", "**Output:** `2`", "which gives `2`",
                                "The result is\n`2`."}) {
    const Extraction e = read(std::string("```py\nprint(1 + 1)\n```\n\n") + paragraph + "\n");
    ASSERT_EQ(e.samples.size(), 1u) << paragraph;
    const int line = std::string(paragraph).find('\n') == std::string::npos ? 5 : 6;
    EXPECT_EQ(claims_of(e.samples[0]), Strings{std::to_string(line) + "-" + std::to_string(line) +
                                               " output output-block @2 since 0 [2]"})
        << paragraph;
    EXPECT_TRUE(e.samples[0].claims[0].shown_inline);
    EXPECT_EQ(e.samples[0].claims[0].tentative_lines, 0) << paragraph;
  }
  // A bare name may be a variable the sentence talks about: it counts where it agrees.
  const Extraction name = read("```py\ntotal = 2\nprint(total)\n```\n\nThis prints `total`.\n");
  ASSERT_EQ(name.samples[0].claims.size(), 1u);
  EXPECT_EQ(name.samples[0].claims[0].tentative_lines, 1);
  // No lead-in, more words after the span, or two spans: no claim.
  for (const char* paragraph : {"Note `2`.", "This prints `2` because of addition.", "It prints `2` or `3`.",
                                "Set `x` first."}) {
    const Extraction e = read(std::string("```py\nprint(1 + 1)\n```\n\n") + paragraph + "\n");
    ASSERT_EQ(e.samples.size(), 1u) << paragraph;
    EXPECT_TRUE(e.samples[0].claims.empty()) << paragraph;
  }
}

TEST(MarkdownReaderTest, SnippetsIncludesAreNotRun) {
  const Extraction e = read(
      "```python\n"                             // 1
      "print('x')\n"                            // 2
      "```\n"                                   // 3
      "\n"                                      // 4
      "```text\n"                               // 5: its output, kept in a file
      "--8<-- \"out/x.txt\"\n"                  // 6
      "```\n"                                   // 7
      "\n"                                      // 8
      "```python\n"                             // 9
      "\n"                                      // 10
      "--8<-- \"examples/deep_merge.py\"\n"     // 11
      "```\n"                                   // 12
      "\n"                                      // 13
      "```py\n"                                 // 14
      "--8<--\n"                                // 15
      "a.py\n"                                  // 16
      "b.py\n"                                  // 17
      "--8<--\n"                                // 18
      "```\n"                                   // 19
      "\n"                                      // 20
      "```\n"                                   // 21
      ";--8<-- 'c.py'\n"                        // 22
      "```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_TRUE(e.samples[0].claims.empty());
  EXPECT_EQ(e.diagnostics,
            (Strings{"guide.md:11: not run: a snippets include (`--8<--`), the file it names is not in the guide",
                     "guide.md:15: not run: a snippets include (`--8<--`), the file it names is not in the guide"}));
}

TEST(MarkdownReaderTest, SamplesInAdmonitionsAndContentTabs) {
  const Extraction e = read(
      "!!! note\n"                              // 1
      "    Keys become strings:\n"              // 2
      "\n"                                      // 3
      "    ```pycon\n"                          // 4
      "    >>> import json\n"                   // 5
      "    >>> json.loads('{\"1\": 1}')\n"      // 6
      "    {'1': 1}\n"                          // 7
      "    ```\n"                               // 8
      "\n"                                      // 9
      "=== \"zip\"\n"                           // 10
      "\n"                                      // 11
      "    ```python\n"                         // 12
      "    for a, b in zip(\"ab\", [1, 2]):\n"  // 13
      "        print(f\"{a}:{b}\")\n"           // 14
      "    ```\n"                               // 15
      "\n"                                      // 16
      "    ```text title=\"Output\"\n"          // 17
      "    a:1\n"                               // 18
      "    b:2\n"                               // 19
      "    ```\n"                               // 20
      "\n"                                      // 21
      "=== \"enumerate\"\n"                     // 22
      "\n"                                      // 23
      "    ```python\n"                         // 24
      "    for i, a in enumerate(\"ab\"):\n"    // 25
      "        print(i, a)  # 0 a\n"            // 26
      "    ```\n"                               // 27
      "\n"                                      // 28
      "???+ warning \"Order\"\n"                // 29
      "    !!! tip\n"                           // 30
      "        ```python\n"                     // 31
      "        print(sorted({3, 1}))  # => [1, 3]\n"  // 32
      "        ```\n");                         // 33
  ASSERT_EQ(e.samples.size(), 4u);
  const Sample& session = e.samples[0];
  EXPECT_EQ(session.style, SampleStyle::kSession);
  EXPECT_EQ(session.guide_lines, (Lines{5, 6}));
  ASSERT_EQ(session.claims.size(), 1u);
  EXPECT_EQ(session.claims[0].guide_line, 7);
  EXPECT_EQ(session.claims[0].text, "{'1': 1}");

  const Sample& zipped = e.samples[1];
  EXPECT_EQ(zipped.source, "for a, b in zip(\"ab\", [1, 2]):\n    print(f\"{a}:{b}\")\n");
  EXPECT_EQ(zipped.guide_lines, (Lines{13, 14}));
  EXPECT_EQ(claims_of(zipped), Strings{"18-19 output output-block @14 since 0 [a:1\nb:2]"});
  EXPECT_EQ(zipped.last_line, 19);

  // The next tab's title ends the previous sample: its code is a sample.
  const Sample& enumerated = e.samples[2];
  EXPECT_EQ(enumerated.guide_lines, (Lines{25, 26}));
  EXPECT_EQ(claims_of(enumerated), Strings{"26-26 output trailing @26 since 0 [0 a]"});

  const Sample& nested = e.samples[3];
  EXPECT_EQ(nested.source, "print(sorted({3, 1}))  # => [1, 3]\n");
  EXPECT_EQ(nested.guide_lines, Lines{32});
  EXPECT_EQ(claims_of(nested), Strings{"32-32 output trailing @32 since 0 [[1, 3]]"});
}

TEST(MarkdownReaderTest, ATabTitledOutputHoldsTheOutputOfTheTabBefore) {
  const Extraction e = read(
      "=== \"Code\"\n"             // 1
      "    ```python\n"            // 2
      "    print(6 * 7)\n"         // 3
      "    ```\n"                  // 4
      "=== \"Output\"\n"           // 5
      "    ```\n"                  // 6
      "    42\n"                   // 7
      "    ```\n");                // 8
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"7-7 output output-block @3 since 0 [42]"});
}

TEST(MarkdownReaderTest, AnIndentedBlockUnderNoOpenerIsStillAnIndentedBlock) {
  // Four spaces after a paragraph: CommonMark's indented code block, fence
  // lines and all; it does not compile, so it is no sample.
  const Extraction e = read("A paragraph.\n\n    ```python\n    print(1)\n    ```\n");
  EXPECT_TRUE(e.samples.empty());
}

TEST(MarkdownReaderTest, LabelledPythonBlockThatIsNotCodeIsOutput) {
  const Extraction e = read("```python\nprint({'a': 1})\n```\n\nOutput:\n\n```python\n{'a': 1}\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), Strings{"8-8 output output-block @2 since 0 [{'a': 1}]"});
  EXPECT_EQ(e.samples[0].notes.size(), 1u);
}

TEST(MarkdownReaderTest, NonCompilingPythonBlockIsSkippedWithANote) {
  const Extraction e = read(
      "```python\nx = 1\nif x\n    print(x)\n```\n\n"
      "```python\nreturn 1\n```\n\n"
      "```python\nprint('ok')\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].id, "s01");
  EXPECT_EQ(e.samples[0].source, "print('ok')\n");
  EXPECT_EQ(e.diagnostics, (Strings{"guide.md:3: not run: does not compile: expected ':'",
                                    "guide.md:8: not run: does not compile: 'return' outside function"}));
}

TEST(MarkdownReaderTest, SyntaxTemplateIsSkippedWithANote) {
  Extraction e = read("```python\nmap(function, iterable)\n```\n");
  EXPECT_TRUE(e.samples.empty());
  EXPECT_EQ(e.diagnostics,
            Strings{"guide.md:2: not run: 'function' is defined by no sample before it (a syntax template)"});

  // An error the guide claims is meant to be seen; a comment alone is not code.
  e = read("```python\nprint(undefined)  # NameError: name 'undefined' is not defined\n```\n\n```python\n# TODO\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.diagnostics, Strings{"guide.md:6: not run: only comments"});

  // The same call runs once the guide defined its names.
  e = read("```python\ndef function(x):\n    return x\niterable = [1]\n```\n\n```python\nmap(function, iterable)\n```\n");
  EXPECT_EQ(ids(e), (Strings{"s01", "s02"}));
  EXPECT_EQ(e.samples[1].continues, Strings{"s01"});
  EXPECT_TRUE(e.diagnostics.empty());
}

TEST(MarkdownReaderTest, HeadingsThatArePythonKeywordsAreNotSamples) {
  const Extraction e = read("# import\n\n## class\n\nfor example:\n\n### def main():\n\n```python\nprint(1)\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].first_line, 10);
}

TEST(MarkdownReaderTest, ClaimsInComments) {
  const Extraction e = read(
      "Lists:\n\n```python\nnums = [3, 1, 2]\nprint(sorted(nums))  # [1, 2, 3]\n    \nprint(len(nums))\n# 3\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"5-5 output trailing @5 since 0 [[1, 2, 3]]",
                                              "8-8 output block @7 since 0 [3]"}));
  EXPECT_EQ(e.samples[0].last_line, 8);
}

TEST(MarkdownReaderTest, CommentClaimsAndAnOutputBlock) {
  const Extraction e = read("```python\nprint(1)  # 1\nprint(2)\n```\nOutput:\n```\n1\n2\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"2-2 output trailing @2 since 0 [1]",
                                              "7-8 output output-block @3 since 0 [1\n2]"}));
}

TEST(MarkdownReaderTest, ContinuationIds) {
  const Extraction e = read(
      "```python\nimport math\n\nclass Circle:\n    def __init__(self, r):\n        self.r = r\n```\n\n"
      "```python\nc = Circle(2)\n```\n\n"
      "```python\nprint(math.pi * c.r ** 2)\n```\n\n"
      "```python\nprint(len([1, 2]))\n```\n\n"
      "```python\nc = c.r + 1\nprint(c)\n```\n");
  ASSERT_EQ(ids(e), (Strings{"s01", "s02", "s03", "s04", "s05"}));
  EXPECT_TRUE(e.samples[0].continues.empty());
  EXPECT_EQ(e.samples[1].continues, Strings{"s01"});
  EXPECT_EQ(e.samples[2].continues, (Strings{"s01", "s02"}));
  EXPECT_TRUE(e.samples[3].continues.empty());  // builtins only
  EXPECT_EQ(e.samples[4].continues, (Strings{"s01", "s02"}));  // reads c before rebinding it
}

TEST(MarkdownReaderTest, ContinuationsFollowChangesInPlace) {
  const Extraction e = read(
      "```python\nfruits = ['apple']\n```\n\n"
      "```python\nprint(fruits[0])\n```\n\n"
      "```python\nfruits.append('kiwi')\n```\n\n"
      "```python\nprint(len(fruits))  # 2\n```\n");
  ASSERT_EQ(e.samples.size(), 4u);
  EXPECT_EQ(e.samples[1].continues, Strings{"s01"});
  EXPECT_EQ(e.samples[2].continues, Strings{"s01"});
  EXPECT_EQ(e.samples[3].continues, (Strings{"s01", "s03"}));
}

TEST(MarkdownReaderTest, ReplSessions) {
  Extraction e = read("```pycon\n>>> 1 + 1\n2\n```\n\n```python\n>>> x = 3\n>>> x\n3\n```\n\n```\n>>> x * 2\n6\n```\n");
  ASSERT_EQ(e.samples.size(), 3u);
  for (const Sample& s : e.samples) EXPECT_EQ(s.style, SampleStyle::kSession) << s.id;
  EXPECT_EQ(e.samples[0].source, "1 + 1\n");
  EXPECT_EQ(e.samples[0].guide_lines, Lines{2});
  EXPECT_EQ(e.samples[0].last_line, 3);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].anchor_line, 2);
  EXPECT_EQ(e.samples[0].claims[0].text, "2");
  EXPECT_EQ(e.samples[1].source, "x = 3\nx\n");
  EXPECT_EQ(e.samples[2].continues, Strings{"s02"});

  // A session's echo is its claim: a block after it is not its output.
  e = read("```pycon\n>>> print(1)\n1\n```\n\n```text\n1\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].claims.size(), 1u);
}

TEST(MarkdownReaderTest, PytestFiles) {
  const Extraction e = read("```python\ndef add(a, b):\n    return a + b\n\ndef test_add():\n    assert add(1, 2) == 3\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_TRUE(e.samples[0].pytest_file);
  EXPECT_FALSE(read("```python\nprint(1)\n```\n").samples[0].pytest_file);
}

TEST(MarkdownReaderTest, IdsArePaddedToTheCount) {
  std::string guide;
  for (int k = 0; k < 100; ++k) guide += "```python\nprint(" + std::to_string(k) + ")\n```\n\nText.\n\n";
  const Extraction e = read(guide);
  ASSERT_EQ(e.samples.size(), 100u);
  EXPECT_EQ(e.samples.front().id, "s001");
  EXPECT_EQ(e.samples[41].id, "s042");
  EXPECT_EQ(e.samples.back().id, "s100");
}

TEST(MarkdownReaderTest, HostileInputNeverCrashes) {
  std::vector<std::string> inputs = {
      "",
      "\n\n\n",
      std::string("```python\nx = 1\0\n```\n", 21),
      std::string("\0\0\0```\0\n", 8),
      "```python\nprint('\xff\xfe')\n```\n",
      "```python\n" + std::string(1 << 20, 'x') + "\n```\n",
      std::string(1 << 20, 'a'),
      std::string(5000, '>') + " ```python\nx = 1\n",
      std::string(3000, '-') + " x",
      "```python\n" + std::string(500, '(') + std::string(500, ')') + "\n```\n",
      "```python\n" + std::string(200, '[') + "\n```\n",
      "```python\nx = 1\n",  // unclosed at the end
      "```\n```\n```\n",
      "```pycon\n```\n",
      "```pycon\nno prompt\n```\n",
      "!!! note\n",
      "=== \"unclosed\n    x\n",
  };
  // Containers nested thousands deep, each line one level deeper.
  std::string nested;
  for (int depth = 0; depth < 500; ++depth) nested += std::string(4 * static_cast<std::size_t>(depth), ' ') + "!!! note\n";
  nested += std::string(2000, ' ') + "```python\n" + std::string(2000, ' ') + "print(1)\n";
  inputs.push_back(nested);
  std::mt19937 random(42);
  for (int k = 0; k < 20; ++k) {
    std::string bytes(2000, '\0');
    for (char& c : bytes) c = static_cast<char>(random() % 256);
    inputs.push_back(bytes);
    // Random bytes inside fences, so the code path sees them too.
    inputs.push_back("```python\n" + bytes + "\n```\n\n```\n" + bytes + "\n```\n");
  }
  for (const std::string& input : inputs) {
    const Extraction e = read(input);
    for (const Sample& s : e.samples) {
      EXPECT_FALSE(s.source.empty());
      EXPECT_EQ(s.source.back(), '\n');
      EXPECT_EQ(static_cast<std::size_t>(std::count(s.source.begin(), s.source.end(), '\n')), s.guide_lines.size());
      EXPECT_LE(s.first_line, s.last_line);
    }
  }
  const Extraction huge = read("```python\nx = '" + std::string(1 << 20, 'y') + "'\nprint(len(x))\n```\n");
  ASSERT_EQ(huge.samples.size(), 1u);
  EXPECT_EQ(huge.samples[0].guide_lines, (Lines{2, 3}));
}

TEST(MarkdownReaderTest, ANotebookCellsOutputFollowsIt) {
  // nbconvert's Markdown: a cell ending in an expression, and what it showed
  // as an indented block or as IPython's `Out[n]:` in a fence.
  const Extraction e = read(
      "# Notebook\n"                 // 1
      "\n"                            // 2
      "```python\n"                   // 3
      "orders = [1, 2, 3]\n"          // 4
      "len(orders)\n"                 // 5
      "```\n"                         // 6
      "\n"                            // 7
      "    3\n"                       // 8
      "\n"                            // 9
      "```python\n"                   // 10
      "orders[::-1]\n"                // 11
      "```\n"                         // 12
      "\n"                            // 13
      "```\n"                         // 14
      "Out[2]: [3, 2, 1]\n"           // 15
      "```\n"                         // 16
      "\n"                            // 17
      "```python\n"                   // 18
      "total = sum(orders)\n"         // 19
      "```\n"                         // 20
      "\n"                            // 21
      "    6\n");                     // 22
  ASSERT_EQ(e.samples.size(), 3u) << ids(e).size();
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"8-8 output output-block @5 since 0 [3]"}));
  EXPECT_EQ(claims_of(e.samples[1]), (Strings{"15-15 output output-block @11 since 0 [[3, 2, 1]]"}));
  // A cell that neither prints nor ends in a value shows nothing: an
  // indented block after it is the page's own.
  EXPECT_TRUE(e.samples[2].claims.empty());
}

TEST(MarkdownReaderTest, AQuoteAfterCodeIsItsOutput) {
  const Extraction e = read(
      "```python\n"                 // 1
      "print(6.0)\n"                // 2
      "```\n"                       // 3
      "\n"                          // 4
      "*Output*\n"                  // 5
      "\n"                          // 6
      "> 6.0\n"                     // 7
      "\n"                          // 8
      "```python\n"                 // 9
      "print('x')\n"                // 10
      "```\n"                       // 11
      "\n"                          // 12
      "> x\n"                       // 13: no label, but a printed line: judged
      "\n"                          // 14
      "> print('never run')\n"      // 15: quoted code is no sample
      "\n"                          // 16
      "```python\n"                 // 17
      "print(sorted([2, 1]))\n"     // 18
      "```\n"                       // 19
      "\n"                          // 20
      "> Note that sorted returns a new list every time.\n");  // 21: a remark
  ASSERT_EQ(e.samples.size(), 3u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"7-7 output output-block @2 since 0 [6.0]"}));
  EXPECT_EQ(e.samples[0].claims[0].tentative_lines, 0);
  EXPECT_EQ(claims_of(e.samples[1]), (Strings{"13-13 output output-block @10 since 0 [x]"}));
  EXPECT_EQ(e.samples[1].claims[0].tentative_lines, 0);
  ASSERT_EQ(e.samples[2].claims.size(), 1u);
  EXPECT_EQ(e.samples[2].claims[0].tentative_lines, 1);  // judged only where it agrees
}

TEST(MarkdownReaderTest, ATableOfCallsAfterCodeClaimsWhatEachPrinted) {
  const Extraction e = read(
      "```python\n"                          // 1
      "xs = [3, 1, 2]\n"                     // 2
      "print(sorted(xs))\n"                  // 3
      "print(max(xs))\n"                     // 4
      "```\n"                                // 5
      "\n"                                   // 6
      "| Call | Prints |\n"                   // 7
      "|---|---|\n"                          // 8
      "| `sorted(xs)` | `[1, 2, 3]` |\n"      // 9
      "| `max(xs)` | `3` |\n"                // 10
      "\n"                                   // 11
      "```python\n"                          // 12
      "print(len('abc'))\n"                  // 13
      "```\n"                                // 14
      "\n"                                   // 15
      "| Function | What it does |\n"        // 16: prose, no claim
      "|---|---|\n"                          // 17
      "| `len('abc')` | `3` |\n"             // 18
      "\n"                                   // 19
      "| call | prints |\n"                   // 20: after prose, not after the code: its own session
      "|---|---|\n"                          // 21
      "| `len('abc')` | `3` |\n");            // 22
  ASSERT_EQ(e.samples.size(), 3u);
  EXPECT_EQ(claims_of(e.samples[0]),
            (Strings{"9-9 output trailing @3 since 0 [[1, 2, 3]]", "10-10 output trailing @4 since 0 [3]"}));
  EXPECT_EQ(e.samples[0].last_line, 10);
  EXPECT_TRUE(e.samples[1].claims.empty());
  EXPECT_EQ(e.samples[2].style, SampleStyle::kSession);
  EXPECT_EQ(claims_of(e.samples[2]), (Strings{"22-22 output block @22 since 0 [3]"}));
}

TEST(MarkdownReaderTest, AScriptKeepsTheFileNameThePageSavesItAs) {
  const Extraction e = read(
      "Save this as `greet.py`:\n\n```python\ndef greet(n):\n    return n\n```\n\n"
      "Then, in the folder that holds `greet.py`:\n\n```pycon\n>>> from greet import greet\n>>> greet(1)\n1\n```\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].saved_as, "greet.py");
  EXPECT_EQ(e.samples[1].saved_as, "");  // a session is typed, never saved
}

TEST(MarkdownReaderTest, ATableAfterAnOutputLabelIsTheOutputDrawn) {
  const Extraction e = read(
      "```python\n"                          // 1
      "scores = {'Alice': 93, 'Bob': 87}\n"  // 2
      "print(scores)\n"                      // 3
      "```\n"                                // 4
      "\n"                                   // 5
      "Output:\n"                            // 6
      "\n"                                   // 7
      "|   | name  | score |\n"               // 8
      "|---|-------|------:|\n"               // 9
      "| 0 | Alice | 93    |\n"               // 10
      "| 1 | Bob   | 87    |\n");             // 11
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"8-11 output output-block @3 since 0 [name  score\n0  Alice  93\n1  Bob  87]"}));
  EXPECT_TRUE(e.samples[0].claims[0].shown_as_table);
}

TEST(MarkdownReaderTest, ATableThatIsItsOwnCodeIsASession) {
  const Extraction e = read(
      "```python\n"                                  // 1
      "s = 'Hi'\n"                                   // 2
      "```\n"                                        // 3
      "\n"                                           // 4
      "| Expression | Result | Notes |\n"            // 5
      "|---|---|---|\n"                              // 6
      "| `s.lower()` | `'hi'` | |\n"                  // 7: uses the sample above
      "| `x = [3, 1]; x.sort(); x` | [1, 3] | in place |\n"  // 8: plain text result
      "| `y = 2` | | |\n"                             // 9: runs, claims nothing
      "\n"                                           // 10
      "| Signature | Returns |\n"                     // 11: no code column: no sample
      "|---|---|\n"                                  // 12
      "| `str.split(sep=None)` | a list |\n");        // 13
  ASSERT_EQ(e.samples.size(), 2u);
  const Sample& table = e.samples[1];
  EXPECT_EQ(table.style, SampleStyle::kSession);
  EXPECT_EQ(table.source, "s.lower()\nx = [3, 1]; x.sort(); x\ny = 2\n");
  EXPECT_EQ(table.guide_lines, (std::vector<int>{7, 8, 9}));
  EXPECT_EQ(claims_of(table), (Strings{"7-7 output block @7 since 0 ['hi']", "8-8 output block @8 since 0 [[1, 3]]"}));
  EXPECT_TRUE(table.claims[0].shown_inline);
  EXPECT_TRUE(table.claims[1].shown_inline);
  EXPECT_EQ(table.continues, (Strings{"s01"}));
}


// Documentation sites label output in their own ways: a tab of Docusaurus'
// `<Tabs>` labelled "Output" after the tab that holds the code; a fence
// titled "Output" whatever its language.
TEST(MarkdownReaderTest, OutputTabsAndOutputTitlesLabelTheBlockAfterTheCode) {
  const Extraction tabs = read(
      "<Tabs>\n"                                          // 1
      "  <TabItem value=\"py\" label=\"Python\" default>\n"  // 2
      "\n"                                                // 3
      "```python title=\"sum.py\"\n"                        // 4
      "print(sum([1, 2]))\n"                              // 5
      "```\n"                                             // 6
      "\n"                                                // 7
      "  </TabItem>\n"                                    // 8
      "  <TabItem value=\"out\" label=\"Output\">\n"        // 9
      "\n"                                                // 10
      "```text\n"                                         // 11
      "3\n"                                               // 12
      "```\n"                                             // 13
      "\n"                                                // 14
      "  </TabItem>\n"                                    // 15
      "</Tabs>\n");
  ASSERT_EQ(tabs.samples.size(), 1u);
  EXPECT_EQ(claims_of(tabs.samples[0]), (Strings{"12-12 output output-block @5 since 0 [3]"}));

  const Extraction titled = read("```python\nprint('/usr/local/bin')\n```\n\n```bash title=\"Output\"\n/usr/local/bin\n```\n");
  ASSERT_EQ(titled.samples.size(), 1u);
  EXPECT_EQ(claims_of(titled.samples[0]), (Strings{"6-6 output output-block @2 since 0 [/usr/local/bin]"}));
  // Untitled, a bash block is a command to type, not output.
  const Extraction command = read("```python\nprint(1)\n```\n\n```bash\n./run.sh\n```\n");
  ASSERT_EQ(command.samples.size(), 1u);
  EXPECT_TRUE(command.samples[0].claims.empty());
}

// A path alone is what pathlib prints; in an output block it is output.
TEST(MarkdownReaderTest, APathAloneInAnOutputBlockIsOutput) {
  const Extraction e = read("```python\nprint('/etc/hosts')\n```\n\n```text\n/etc/hosts\n```\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"6-6 output output-block @2 since 0 [/etc/hosts]"}));
}

// Jekyll's and Hugo's highlight tags hold code as a fence does; Docusaurus'
// magic comments direct the display, they claim nothing.
TEST(MarkdownReaderTest, HighlightTagsHoldSamplesAndDisplayCommentsClaimNothing) {
  const Extraction e = read(
      "{% highlight python linenos %}\n"  // 1
      "x = 2\n"                          // 2
      "# highlight-next-line\n"          // 3
      "print(x * 3)\n"                   // 4
      "{% endhighlight %}\n"             // 5
      "\n"                               // 6
      "{{< highlight text >}}\n"         // 7
      "6\n"                              // 8
      "{{< /highlight >}}\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "x = 2\n# highlight-next-line\nprint(x * 3)\n");
  EXPECT_EQ(claims_of(e.samples[0]), (Strings{"8-8 output output-block @4 since 0 [6]"}));
}

// MkDocs Material's code annotations: the numbered list after code whose
// lines carry `# (1)!` anchors explains them, and the output follows it.
// Without anchors, a list between code and a block ends the sample.
TEST(MarkdownReaderTest, AnAnnotationListStandsBetweenCodeAndItsOutput) {
  const std::string list_then_output = "1.  The radius.\n\n```text\n6\n```\n";
  const Extraction annotated = read("``` { .python .annotate }\nr = 2  # (1)!\nprint(r * 3)\n```\n\n" + list_then_output);
  ASSERT_EQ(annotated.samples.size(), 1u);
  EXPECT_EQ(claims_of(annotated.samples[0]), (Strings{"9-9 output output-block @3 since 0 [6]"}));
  const Extraction plain = read("```python\nr = 2\nprint(r * 3)\n```\n\n" + list_then_output);
  ASSERT_EQ(plain.samples.size(), 1u);
  EXPECT_TRUE(plain.samples[0].claims.empty());
}

}  // namespace
}  // namespace guidecheck
