// The reST reader on the test guides of tests/guides: the samples a
// maintainer counts, and every output block and trailing claim of the
// answer key on its lines.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "rst_reader.h"

namespace guidecheck {
namespace {

void expect_matches_key(const std::string& name) {
  const std::string path = std::string(GUIDECHECK_SOURCE_DIR) + "/tests/guides/" + name;
  std::ifstream guide_file(path, std::ios::binary), key_file(path + ".key.json");
  ASSERT_TRUE(guide_file && key_file) << path;
  std::stringstream text;
  text << guide_file.rdbuf();
  nlohmann::json key = nlohmann::json::parse(key_file);
  ReadOptions options;
  options.filename = name;
  Extraction extraction = read_rst_guide(text.str(), options);
  EXPECT_EQ(extraction.samples.size(), key["samples"].get<std::size_t>());
  std::set<std::pair<int, int>> found;
  for (const Sample& sample : extraction.samples)
    for (const Claim& claim : sample.claims) found.insert({claim.guide_line, claim.last_guide_line});
  for (const auto& claim : key["claims"]) {
    const std::string kind = claim["kind"];
    if (kind != "block" && kind != "trailing") continue;  // REPL claims: repl_session's
    const int line = claim["line"];
    const int last = claim.value("last_line", line);
    EXPECT_TRUE(found.count({line, last})) << name << ": no claim on lines " << line << "-" << last;
  }
  EXPECT_TRUE(extraction.diagnostics.empty()) << extraction.diagnostics.front();
}

TEST(RstReaderGuidesTest, TheCodeBlocksGuideMatchesItsKey) { expect_matches_key("rst_codeblocks.rst"); }
TEST(RstReaderGuidesTest, TheDoctestGuideMatchesItsKey) { expect_matches_key("rst_doctest.rst"); }

}  // namespace
}  // namespace guidecheck
