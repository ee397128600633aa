// Readers are chosen from one table: by extension, or by --guide-format.
#include "guide_reader.h"

#include <gtest/gtest.h>

#include <set>

namespace guidecheck {
namespace {

TEST(GuideReadersTest, TheExtensionPicksTheReaderAndUnknownOnesAreScrapedText) {
  std::string err;
  EXPECT_EQ(guide_format_for("guide.txt", "", &err)->name, "text");
  EXPECT_EQ(guide_format_for("notes.unknown", "", &err)->name, "text");
  EXPECT_EQ(guide_format_for("README", "", &err)->name, "text");
  EXPECT_TRUE(err.empty()) << err;
}

// Markdown with more in it: MDX (Docusaurus), Quarto, R Markdown.
TEST(GuideReadersTest, MarkdownDialectsAreReadAsMarkdown) {
  std::string err;
  for (const char* name : {"intro.mdx", "analysis.qmd", "report.Rmd", "notes.markdown"})
    EXPECT_EQ(guide_format_for(name, "", &err)->name, "markdown") << name;
}

TEST(GuideReadersTest, TheOverrideWinsAndAnUnknownNameIsAnErrorNamingTheOption) {
  std::string err;
  EXPECT_EQ(guide_format_for("guide.md", "text", &err)->name, "text");
  EXPECT_EQ(guide_format_for("guide.txt", "nonsense", &err), nullptr);
  EXPECT_NE(err.find("--guide-format"), std::string::npos) << err;
  EXPECT_NE(err.find("nonsense"), std::string::npos) << err;
}

TEST(GuideReadersTest, EveryFormatHasAReaderAndUniqueNamesAndExtensions) {
  std::set<std::string_view> names, extensions;
  for (const auto& format : guide_formats()) {
    EXPECT_NE(format.read, nullptr) << format.name;
    EXPECT_TRUE(names.insert(format.name).second) << format.name;
    for (auto extension : format.extensions) {
      EXPECT_EQ(extension.front(), '.') << extension;
      EXPECT_TRUE(extensions.insert(extension).second) << extension;
    }
  }
}

TEST(GuideReadersTest, ReadingAMissingFileIsAnError) {
  Extraction extraction;
  std::string err;
  EXPECT_FALSE(read_guide_file("/nonexistent/guide.txt", "", nullptr, RunSettings{}, &extraction, &err));
  EXPECT_NE(err.find("/nonexistent/guide.txt"), std::string::npos) << err;
}

}  // namespace
}  // namespace guidecheck
