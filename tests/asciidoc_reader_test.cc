#include "asciidoc_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "chapter.adoc";
  return read_asciidoc_guide(text, options);
}

TEST(AsciidocReaderTest, AListingItsCalloutsAndTheLiteralBlockAfterIt) {
  const Extraction e = read(
      "== Strings\n"                   // 1
      "\n"
      "[source,python]\n"
      "----\n"
      "raw = '  hi  '\n"               // 5
      "print(raw.strip())   <1>\n"
      "print(len(raw))  # <2>\n"
      "----\n"
      "<1> strips both ends\n"
      "<2> the padded length\n"        // 10
      "\n"
      ".Output\n"
      "....\n"
      "hi\n"                           // 14
      "6\n"
      "....\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].source, "raw = '  hi  '\nprint(raw.strip())\nprint(len(raw))\n");
  EXPECT_EQ(e.samples[0].guide_lines, (std::vector<int>{5, 6, 7}));
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 14);
  EXPECT_EQ(e.samples[0].claims[0].text, "hi\n6");
}

TEST(AsciidocReaderTest, SessionsIncludesAndOtherLanguages) {
  const Extraction e = read(
      "[source,pycon]\n"
      "----\n"
      ">>> 2 + 2\n"
      "4\n"                            // 4
      "----\n"
      "\n"
      "[source,python]\n"
      "----\n"
      "include::code/app.py[tags=main]\n"  // 9: not run
      "----\n"
      "\n"
      "[source,bash]\n"
      "----\n"
      "pip install requests\n"
      "----\n");
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].style, SampleStyle::kSession);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 4);
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_NE(e.diagnostics[0].find("chapter.adoc:9: not run: an include"), std::string::npos);
}

TEST(AsciidocReaderTest, ABlockTitledOutputFollowsItsScriptPastAParagraph) {
  const Extraction e = read(
      "[source,python]\n"
      "----\n"
      "print(1 + 1)\n"
      "----\n"
      "\n"
      "Line 1 adds two numbers.\n"      // 6: prose about the script
      "\n"
      ".Output\n"
      "....\n"
      "2\n"                             // 10
      "....\n"
      "\n"
      "[source,python]\n"
      "----\n"
      "print(3)\n"
      "----\n"
      "\n"
      "[source,bash]\n"
      "----\n"
      "ls\n"
      "----\n"
      "\n"
      ".Output\n"                       // another block came between: no claim
      "....\n"
      "3\n"
      "....\n");
  ASSERT_EQ(e.samples.size(), 2u);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 10);
  EXPECT_TRUE(e.samples[1].claims.empty());
}

TEST(AsciidocReaderTest, AScriptNamedByItsTitleAndTheTranscriptThatRunsIt) {
  const Extraction e = read(
      ".countdown.py\n"
      "[source,python]\n"
      "----\n"
      "for n in (2, 1):\n"
      "    print(n)\n"
      "----\n"
      "\n"
      "Run it from a terminal:\n"
      "\n"
      "[source,console]\n"
      "----\n"
      "$ python3 countdown.py\n"
      "2\n"                             // 13
      "1\n"
      "----\n"
      "\n"
      "This paragraph mentions other.py.\n"  // no lead-in: names nothing
      "\n"
      "[source,python]\n"
      "----\n"
      "import countdown\n"
      "----\n");
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].saved_as, "countdown.py");
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 13);
  EXPECT_EQ(e.samples[0].claims[0].text, "2\n1");
  EXPECT_EQ(e.samples[1].saved_as, "");
}

}  // namespace
}  // namespace guidecheck
