// A Markdown table of calls and what they print: which rows claim what, on
// which statement of the code above it.
#include "call_output_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

MarkdownTableCell code(const std::string& text) { return {text, true}; }
MarkdownTableCell words(const std::string& text) { return {text, false}; }

MarkdownTable table(std::vector<MarkdownTableCell> header, std::vector<std::vector<MarkdownTableCell>> rows) {
  MarkdownTable t;
  t.header = {20, std::move(header)};
  int line = 22;
  for (auto& cells : rows) t.rows.push_back({line++, std::move(cells)});
  return t;
}

// Each claim as "guide line @anchor [text]".
std::vector<std::string> shown(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const Claim& c : claims) {
    EXPECT_TRUE(c.shown_inline);
    EXPECT_EQ(c.form, ClaimForm::kTrailing);
    EXPECT_EQ(c.kind, ClaimKind::kOutput);
    out.push_back(std::to_string(c.guide_line) + " @" + std::to_string(c.anchor_line) + " [" + c.text + "]");
  }
  return out;
}

const std::vector<std::string> kCode = {
    "from functools import reduce",       // guide line 10
    "prices = [3, 5, 2, 8]",              // 11
    "print(reduce(max, prices))",         // 12
    "print(reduce(lambda acc, p: acc + p,",  // 13
    "             prices, 100))",         // 14
    "total = sum(prices)",                // 15: prints nothing
    "len(prices)",                        // 16: a bare expression
};
const std::vector<int> kLines = {10, 11, 12, 13, 14, 15, 16};

TEST(CallOutputTableTest, HeadersNameTheCallAndItsOutput) {
  auto columns = [](std::vector<std::string> names) {
    MarkdownTableRow header;
    for (auto& name : names) header.cells.push_back(words(name));
    const CallOutputColumns c = call_output_columns(header);
    return std::to_string(c.call) + "," + std::to_string(c.output);
  };
  EXPECT_EQ(columns({"call", "prints"}), "0,1");
  EXPECT_EQ(columns({"Expression", "Result"}), "0,1");
  EXPECT_EQ(columns({"#", "Input", "Notes", "Output"}), "1,3");
  EXPECT_EQ(columns({"Function call", "What it returns"}), "0,1");
  EXPECT_EQ(columns({"Prints", "Call"}), "-1,-1");     // the output before the call
  EXPECT_EQ(columns({"Method", "Description"}), "-1,-1");
  EXPECT_EQ(columns({"Recall", "Outputs"}), "-1,-1");  // whole words only
}

TEST(CallOutputTableTest, EachRowClaimsWhatItsStatementPrinted) {
  const MarkdownTable t = table({words("call"), words("prints")},
                                {{code("reduce(max, prices)"), code("8")},
                                 {code("reduce(lambda acc, p: acc + p, ...)"), code("118")},  // elided
                                 {code("len( prices )"), code("4")}});
  EXPECT_EQ(shown(call_output_table_claims(t, kCode, kLines)),
            (std::vector<std::string>{"22 @12 [8]", "23 @13 [118]", "24 @16 [4]"}));
}

TEST(CallOutputTableTest, RowsThatAreProseOrNameNoPrintingStatementClaimNothing) {
  const MarkdownTable t = table({words("Expression"), words("Value")},
                                {{code("sum(prices)"), code("18")},      // only assigned: nothing printed
                                 {words("the largest"), code("8")},      // prose
                                 {code("reduce(max, prices)"), words("eight")},
                                 {code("min(prices)"), code("2")}});     // not in the code
  EXPECT_TRUE(call_output_table_claims(t, kCode, kLines).empty());
  const MarkdownTable described = table({words("Function"), words("Description")},
                                        {{code("reduce(max, prices)"), code("8")}});
  EXPECT_TRUE(call_output_table_claims(described, kCode, kLines).empty());
}

TEST(CallOutputTableTest, ARepeatedCallClaimsTheNextStatementInOrder) {
  const std::vector<std::string> code_lines = {"xs = [1]", "print(len(xs))", "xs.append(2)", "print(len(xs))"};
  const MarkdownTable t = table({words("call"), words("output")},
                                {{code("len(xs)"), code("1")}, {code("len(xs)"), code("2")}});
  EXPECT_EQ(shown(call_output_table_claims(t, code_lines, {1, 2, 3, 4})),
            (std::vector<std::string>{"22 @2 [1]", "23 @4 [2]"}));
}

}  // namespace
}  // namespace guidecheck
