#include "logical_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

std::vector<LineKind> kinds(const LogicalLines& logical) {
  std::vector<LineKind> out;
  for (const LineScan& scan : logical.lines) out.push_back(scan.kind);
  return out;
}

std::vector<int> offsets(const LogicalLines& logical) {
  std::vector<int> out;
  for (const LineScan& scan : logical.lines) out.push_back(scan.offset);
  return out;
}

std::vector<std::string> texts(const RawStatement& statement) {
  std::vector<std::string> out;
  for (const StatementToken& token : statement.tokens) out.push_back(token.text);
  return out;
}

TEST(LogicalLinesTest, CommentsAndBlanksBelongToTheNextStatement) {
  const LogicalLines logical = split_logical_lines({"x = f(1,", "2)", "# note", "", "y = 3", "# end"});
  EXPECT_EQ(kinds(logical), (std::vector<LineKind>{LineKind::kStatement, LineKind::kContinuation, LineKind::kComment,
                                                   LineKind::kBlank, LineKind::kStatement, LineKind::kComment}));
  ASSERT_EQ(logical.statements.size(), 2u);
  EXPECT_EQ(logical.statements[0].first_line, 0);
  EXPECT_EQ(logical.statements[0].last_line, 1);
  EXPECT_FALSE(logical.statements[0].comment_before);
  EXPECT_TRUE(logical.statements[1].comment_before);
  EXPECT_EQ(logical.lines[2].stmt, 1);
  EXPECT_EQ(logical.lines[3].stmt, 1);
  EXPECT_EQ(logical.lines[5].stmt, -1);
}

TEST(LogicalLinesTest, ContinuationsHangOneLevelPerLineWithABracketOpen) {
  const LogicalLines logical = split_logical_lines({"d = {", "'a': [", "1,", "],", "}", "total = 1 + \\", "2"});
  EXPECT_EQ(offsets(logical), (std::vector<int>{0, 1, 2, 1, 0, 0, 1}));
  // Two brackets opened on one line hang one level.
  EXPECT_EQ(offsets(split_logical_lines({"f([", "1,", "])"})), (std::vector<int>{0, 1, 0}));
}

TEST(LogicalLinesTest, TokensCarryTheirBracketDepth) {
  const LogicalLines logical = split_logical_lines({"f(a, [b])"});
  std::vector<int> depths;
  for (const StatementToken& token : logical.statements[0].tokens) depths.push_back(token.depth);
  EXPECT_EQ(depths, (std::vector<int>{0, 0, 1, 1, 1, 2, 1, 0}));
}

TEST(LogicalLinesTest, AStringSpanningLinesIsOneToken) {
  const LogicalLines logical = split_logical_lines({"s = \"\"\"a", "  b # not a comment", "\"\"\" + f'{x}'"});
  EXPECT_EQ(kinds(logical), (std::vector<LineKind>{LineKind::kStatement, LineKind::kStringContinuation,
                                                   LineKind::kStringContinuation}));
  ASSERT_EQ(logical.statements.size(), 1u);
  EXPECT_EQ(texts(logical.statements[0]),
            (std::vector<std::string>{"s", "=", "\"\"\"a\nb # not a comment\n\"\"\"", "+", "f'{x}'"}));
  EXPECT_FALSE(logical.statements[0].tokens[2].fstring);
  EXPECT_TRUE(logical.statements[0].tokens[4].fstring);
}

TEST(LogicalLinesTest, AStringStillOpenAtTheEndIsNoToken) {
  const LogicalLines logical = split_logical_lines({"s = '''abc", "def"});
  ASSERT_EQ(logical.statements.size(), 1u);
  EXPECT_EQ(texts(logical.statements[0]), (std::vector<std::string>{"s", "="}));
}

TEST(LogicalLinesTest, LeadingNbspIsIgnored) {
  const LogicalLines logical = split_logical_lines({"\xC2\xA0\xC2\xA0x = 1", "\xC2\xA0"});
  EXPECT_EQ(kinds(logical), (std::vector<LineKind>{LineKind::kStatement, LineKind::kBlank}));
  EXPECT_EQ(texts(logical.statements[0]), (std::vector<std::string>{"x", "=", "1"}));
}

}  // namespace
}  // namespace guidecheck
