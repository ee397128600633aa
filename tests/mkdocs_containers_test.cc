#include "mkdocs_containers.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

TEST(MkdocsContainersTest, OpenersAndTheirTitles) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"!!! note", "note"},
      {"!!! warning \"Sets have no order\"", "Sets have no order"},
      {"!!! note inline end \"Side\"", "Side"},
      {"!!! danger highlight", "danger"},
      {"!!!note", "note"},
      {"!!! tip \"\"", ""},
      {"??? tip", "tip"},
      {"??? tip \"Why not a dict comprehension?\"", "Why not a dict comprehension?"},
      {"???+ example", "example"},
      {"??? \"Only a title\"", "Only a title"},
      {"=== \"zip\"", "zip"},
      {"===+ \"Selected\"", "Selected"},
      {"===! \"New set\"", "New set"},
      {"=== \"a \"quoted\" word\"  ", "a \"quoted\" word"},
  };
  for (const auto& [line, title] : cases) {
    const std::optional<std::string> got = container_title(line);
    ASSERT_TRUE(got.has_value()) << line;
    EXPECT_EQ(*got, title) << line;
  }
}

TEST(MkdocsContainersTest, LinesThatOpenNothing) {
  for (const char* line : {"", "note", " !!! note", "    !!! note", "!!!", "!!! ", "!!! note: read this",
                           "!!! note \"unclosed", "!!! note \"title\" trailing", "!!!! note", "===", "=======",
                           "=== zip", "===\"zip\"", "=== tab \"zip\"", "??", "?? tip", "==="})
    EXPECT_FALSE(container_title(line).has_value()) << line;
}

TEST(MkdocsContainersTest, TheBodyRunsWhileLinesAreIndentedOrBlank) {
  const std::vector<std::string> lines = {
      "!!! note",        // 0
      "    text",        // 1
      "",                // 2
      "\tcode by tab",   // 3
      "        deeper",  // 4
      "",                // 5
      "",                // 6
      "   three spaces", // 7
  };
  EXPECT_EQ(container_body_end(lines, 0), 5u);  // the blank lines after it are not its
  EXPECT_EQ(container_body_end({"!!! note", "after"}, 0), 1u);
  EXPECT_EQ(container_body_end({"!!! note"}, 0), 1u);
  EXPECT_EQ(container_body_end({"=== \"a\"", "", "    x", "", "=== \"b\""}, 0), 3u);
}

TEST(MkdocsContainersTest, OneLevelOfIndentationComesOff) {
  EXPECT_EQ(without_container_indent("    text"), "text");
  EXPECT_EQ(without_container_indent("        nested"), "    nested");
  EXPECT_EQ(without_container_indent("\tby tab"), "by tab");
  EXPECT_EQ(without_container_indent("  \tmixed"), "mixed");
  EXPECT_EQ(without_container_indent("\t\ttwo tabs"), "\ttwo tabs");
  EXPECT_EQ(without_container_indent(""), "");
  EXPECT_EQ(without_container_indent("  "), "");
}

}  // namespace
}  // namespace guidecheck
