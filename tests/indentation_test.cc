#include "indentation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// What the scrape did to the guide: every line lost its leading whitespace.
std::vector<std::string> flatten(const std::string& text) {
  std::vector<std::string> lines = split_lines(text);
  for (auto& line : lines) line.erase(0, line.find_first_not_of(" \t"));
  for (auto& line : lines) {
    if (line.find_first_not_of(" \t") == std::string::npos) line.clear();
  }
  return lines;
}

std::string fixture(const std::string& name) {
  return read_file(std::filesystem::path(GUIDECHECK_TEST_FIXTURES) / "indentation" / (name + ".py"));
}

std::string describe(const IndentationResult& r, const std::vector<std::string>& lines) {
  std::string out = r.ok ? "" : "error: " + r.error + " at line " + std::to_string(r.error_line) + "\n";
  out += render(lines, r.levels);
  for (const auto& u : r.uncertain) out += "uncertain line " + std::to_string(u.line) + ": " + u.reason + "\n";
  return out;
}

bool among_alternatives(const IndentationResult& r, const std::vector<std::string>& lines, const std::string& want) {
  return std::any_of(r.alternatives.begin(), r.alternatives.end(),
                     [&](const IndentationLayout& a) { return render(lines, a.levels) == want; });
}

class GuideSampleTest : public testing::TestWithParam<std::string> {};

TEST_P(GuideSampleTest, RecoversIntendedLayoutFirst) {
  const std::string want = fixture(GetParam());
  const auto lines = flatten(want);
  const IndentationResult r = recover_indentation(lines);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(render(lines, r.levels), want) << describe(r, lines);
}

INSTANTIATE_TEST_SUITE_P(Guide, GuideSampleTest,
                         testing::Values("q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11",
                                         "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q20", "q21", "q22",
                                         "q23", "q24", "q25", "q26", "q27", "q28", "q29", "q30", "q31", "q32",
                                         "q33", "q34", "q35", "q36", "q37", "q38", "q39", "q40", "q41", "q42",
                                         "q43", "q44", "q45", "q46", "q47", "q48", "q49", "q50"));

}  // namespace
}  // namespace guidecheck
