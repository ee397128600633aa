#include "python_lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {
namespace {

using Kind = PythonLexer::TokenKind;

// The tokens of one line lexed from a clean state, as "kind:text" pairs.
std::vector<std::string> tokens_of(std::string_view line) {
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  lexer.next(line, &tokens);
  std::vector<std::string> out;
  for (const auto& t : tokens) {
    static const char* const kNames[] = {"name", "kw", "num", "str", "op", "open", "close", "bad"};
    out.push_back(std::string(kNames[static_cast<int>(t.kind)]) + ":" + std::string(t.text));
  }
  return out;
}

bool plausible(std::string_view line) {
  PythonLexer lexer;
  return lexer.next(line).plausible;
}

using Tokens = std::vector<std::string>;

TEST(PythonLexerTest, KeywordsAreHardKeywordsOnly) {
  EXPECT_TRUE(is_keyword("if"));
  EXPECT_TRUE(is_keyword("None"));
  EXPECT_TRUE(is_keyword("await"));
  EXPECT_TRUE(is_keyword("nonlocal"));
  EXPECT_FALSE(is_keyword("match"));
  EXPECT_FALSE(is_keyword("print"));
  EXPECT_FALSE(is_keyword("If"));
  EXPECT_EQ(tokens_of("if x is not None:"), (Tokens{"kw:if", "name:x", "kw:is", "kw:not", "kw:None", "op::"}));
}

TEST(PythonLexerTest, SoftKeywordsAreNamesThatMayStartAStatement) {
  EXPECT_TRUE(is_soft_keyword("match"));
  EXPECT_TRUE(is_soft_keyword("case"));
  EXPECT_TRUE(is_soft_keyword("type"));
  EXPECT_FALSE(is_soft_keyword("_"));
  EXPECT_EQ(tokens_of("match point:"), (Tokens{"name:match", "name:point", "op::"}));
  EXPECT_TRUE(plausible("match point:"));
  EXPECT_TRUE(plausible("case _:"));
  EXPECT_TRUE(plausible("case Point(x=0):"));
  EXPECT_TRUE(plausible("type Vector = list[float]"));
  EXPECT_FALSE(plausible("print x"));
  EXPECT_FALSE(plausible("_ x"));
  // Only the first two tokens of a statement may be adjacent names.
  EXPECT_FALSE(plausible("match point other:"));
}

TEST(PythonLexerTest, OperatorsAreWhole) {
  EXPECT_EQ(tokens_of("x **= 2"), (Tokens{"name:x", "op:**=", "num:2"}));
  EXPECT_EQ(tokens_of("a!=b<=c"), (Tokens{"name:a", "op:!=", "name:b", "op:<=", "name:c"}));
  EXPECT_EQ(tokens_of("def f() -> int: ..."),
            (Tokens{"kw:def", "name:f", "open:(", "close:)", "op:->", "name:int", "op::", "op:..."}));
  EXPECT_EQ(tokens_of("(n := 10)"), (Tokens{"open:(", "name:n", "op::=", "num:10", "close:)"}));
}

TEST(PythonLexerTest, EqualsSignGroupsAssignmentsAndComparisonsButNotInequality) {
  auto equals = [](std::string_view text) { return has_equals_sign({Kind::kOperator, text}); };
  EXPECT_TRUE(equals("="));
  EXPECT_TRUE(equals("+="));
  EXPECT_TRUE(equals(":="));
  EXPECT_TRUE(equals("=="));
  EXPECT_TRUE(equals("<="));
  EXPECT_FALSE(equals("!="));
  EXPECT_FALSE(equals("->"));
  EXPECT_FALSE(has_equals_sign({Kind::kString, "'='"}));
}

TEST(PythonLexerTest, NumbersFollowPythonsGrammar) {
  EXPECT_EQ(tokens_of("0x1F + 1_000 + 1e-5j + .5"),
            (Tokens{"num:0x1F", "op:+", "num:1_000", "op:+", "num:1e-5j", "op:+", "num:.5"}));
  EXPECT_EQ(tokens_of("0x1F.bit_length()"), (Tokens{"num:0x1F", "op:.", "name:bit_length", "open:(", "close:)"}));
  EXPECT_TRUE(plausible("caf\xC3\xA9 = 0x1F + 1_000 + 1e-5j"));
  EXPECT_FALSE(plausible("Finish 2nd"));
  EXPECT_FALSE(plausible("x = 0x"));
  EXPECT_FALSE(plausible("x = 0b102"));
}

TEST(PythonLexerTest, StringsKeepPrefixAndQuotes) {
  EXPECT_EQ(tokens_of("s = rb'\\x00' + f\"{x!r}\""),
            (Tokens{"name:s", "op:=", "str:rb'\\x00'", "op:+", "str:f\"{x!r}\""}));
  EXPECT_TRUE(plausible("s = 'a' 'b' f\"{c}\""));
  // An f-string is read like a plain string: a '#' inside is not a comment.
  PythonLexer lexer;
  EXPECT_EQ(lexer.next("print(f\"{x:#x}\") # 0x1").comment, 17u);
  // An apostrophe in prose is an unterminated string Python rejects.
  EXPECT_FALSE(plausible("Python's core types"));
}

TEST(PythonLexerTest, FindsTheCommentAfterStrings) {
  PythonLexer lexer;
  EXPECT_EQ(lexer.next("print(\"#\") # out").comment, 11u);
  lexer.reset();
  EXPECT_EQ(lexer.next("s = 'it''s' # two strings").comment, 12u);
  lexer.reset();
  const PythonLexer::Line only = lexer.next("# only a comment");
  EXPECT_EQ(only.comment, 0u);
  EXPECT_FALSE(only.has_code);
  lexer.reset();
  EXPECT_EQ(lexer.next("x = r'\\'#' #c").comment, 11u);
  EXPECT_TRUE(plausible("print(a != b) # it's fine in a comment"));
}

TEST(PythonLexerTest, FollowsTripleQuotedStringsAcrossLines) {
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  const auto first = lexer.next("s = \"\"\"a # not a comment", &tokens);
  EXPECT_EQ(first.comment, std::string_view::npos);
  EXPECT_TRUE(first.continues);
  EXPECT_TRUE(lexer.in_string());
  EXPECT_EQ(lexer.closers(), "\"\"\"");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[2].text, "\"\"\"a # not a comment");  // this line's part of the string
  tokens.clear();
  const auto middle = lexer.next("# still inside the string", &tokens);
  EXPECT_TRUE(middle.continued);
  EXPECT_TRUE(middle.has_code);
  EXPECT_EQ(middle.comment, std::string_view::npos);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, Kind::kString);
  tokens.clear();
  const auto last = lexer.next("\"\"\" # a real comment", &tokens);
  EXPECT_EQ(last.comment, 4u);
  EXPECT_FALSE(last.continues);
  EXPECT_FALSE(lexer.in_string());
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "\"\"\"");
}

TEST(PythonLexerTest, BackslashContinuesASingleQuotedString) {
  PythonLexer lexer;
  EXPECT_TRUE(lexer.next("s = 'abc\\").continues);
  EXPECT_TRUE(lexer.in_string());
  const auto next = lexer.next("def'");
  EXPECT_TRUE(next.continued);
  EXPECT_TRUE(next.plausible);
  EXPECT_FALSE(next.continues);
  // Without the backslash the string never ends: not Python.
  lexer.reset();
  const auto open = lexer.next("s = 'abc");
  EXPECT_FALSE(open.plausible);
  EXPECT_FALSE(open.continues);
}

TEST(PythonLexerTest, TracksBracketsAndBackslashes) {
  PythonLexer lexer;
  EXPECT_TRUE(lexer.next("d = f(x, [1, {").continues);
  EXPECT_EQ(lexer.closers(), "}])");
  ASSERT_EQ(lexer.open_brackets().size(), 3u);
  EXPECT_EQ(lexer.open_brackets()[0].bracket, '(');
  EXPECT_EQ(lexer.open_brackets()[0].line, 0);
  EXPECT_TRUE(lexer.next("\"a\": (1,").continues);
  ASSERT_EQ(lexer.open_brackets().size(), 4u);
  EXPECT_EQ(lexer.open_brackets()[3].line, 1);
  EXPECT_TRUE(lexer.next(")}]").continues);
  EXPECT_FALSE(lexer.next(")").continues);
  EXPECT_TRUE(lexer.next("total = 1 + \\").continues);
  EXPECT_TRUE(lexer.after_backslash());
  const auto next = lexer.next("2");
  EXPECT_TRUE(next.continued);
  EXPECT_FALSE(next.continues);
  EXPECT_FALSE(plausible("x = (1]"));
}

TEST(PythonLexerTest, BackslashBeforeTrailingBlanksContinuesButPythonRejectsIt) {
  PythonLexer lexer;
  const auto line = lexer.next("total = 1 + \\  ");
  EXPECT_TRUE(line.continues);
  EXPECT_FALSE(line.plausible);
  EXPECT_EQ(tokens_of("a \\ b"), (Tokens{"name:a", "bad:\\", "name:b"}));
}

TEST(PythonLexerTest, RejectsWhatPythonNeverAccepts) {
  EXPECT_FALSE(plausible("Numeric types: int"));
  EXPECT_FALSE(plausible("12. Explain inheritance"));
  EXPECT_FALSE(plausible("O(n) \xE2\x80\x94 Linear"));
  EXPECT_FALSE(plausible("print(x) y"));
  EXPECT_FALSE(plausible("What is it?"));
  EXPECT_FALSE(plausible("cost = $5"));
  EXPECT_FALSE(plausible("if not! x:"));
  EXPECT_TRUE(plausible("x = 1 if y else 2"));
  EXPECT_TRUE(plausible("print(not True or False)"));
  EXPECT_EQ(tokens_of("a ? b"), (Tokens{"name:a", "bad:?", "name:b"}));
  EXPECT_EQ(tokens_of("x!"), (Tokens{"name:x", "bad:!"}));
}

TEST(PythonLexerTest, UnicodePunctuationStaysInItsWordButIsRejected) {
  // "O(n)—Linear": one name, as Python reads it, and an invalid character.
  EXPECT_EQ(tokens_of("a\xE2\x80\x94" "b"), (Tokens{"name:a\xE2\x80\x94" "b"}));
  EXPECT_FALSE(plausible("a\xE2\x80\x94" "b"));
  EXPECT_FALSE(plausible("x = \xE2\x80\x9Cquoted\xE2\x80\x9D"));
  EXPECT_FALSE(plausible("x = 1\xFF"));  // invalid UTF-8
  EXPECT_TRUE(plausible("\xCF\x80 = 3.14"));
}

TEST(PythonLexerTest, NbspIsLeadingWhitespaceButNotCode) {
  EXPECT_EQ(strip_leading("\xC2\xA0\xC2\xA0 \tx = 1"), "x = 1");
  EXPECT_EQ(strip_leading("\f\vx"), "x");
  EXPECT_EQ(strip_leading("x =\xC2\xA0" "1"), "x =\xC2\xA0" "1");
  EXPECT_EQ(strip_leading("\xC2\xA1x"), "\xC2\xA1x");
  EXPECT_EQ(strip_trailing("x = 1 \t"), "x = 1");
  EXPECT_FALSE(plausible("x =\xC2\xA0" "1"));
  EXPECT_TRUE(plausible("x = '\xC2\xA0'"));
}

TEST(PythonLexerTest, StrayCarriageReturnIsSkippedButRejected) {
  EXPECT_EQ(tokens_of("if x:\r"), (Tokens{"kw:if", "name:x", "op::"}));
  EXPECT_FALSE(plausible("if x:\r"));
  PythonLexer lexer;
  EXPECT_FALSE(lexer.next("\r").has_code);
}

TEST(PythonLexerTest, ResetForgetsAnOpenStatement) {
  PythonLexer lexer;
  lexer.next("x = [1,");
  EXPECT_TRUE(lexer.open());
  lexer.reset();
  EXPECT_FALSE(lexer.open());
  EXPECT_FALSE(lexer.next("2]").continued);
}

}  // namespace
}  // namespace guidecheck
