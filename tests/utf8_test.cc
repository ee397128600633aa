#include "utf8.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(Utf8Test, ValidTextIsUnchanged) {
  std::string text = "plain, caf\xc3\xa9, \xe2\x82\xac, \xf0\x9f\x90\x8d";
  EXPECT_TRUE(is_valid_utf8(text));
  EXPECT_EQ(escape_invalid_utf8(text), text);
}

TEST(Utf8Test, InvalidBytesAreEscaped) {
  EXPECT_EQ(escape_invalid_utf8("a\xff" "b"), "a\\xffb");
  EXPECT_EQ(escape_invalid_utf8("\xc3"), "\\xc3");                  // truncated sequence
  EXPECT_EQ(escape_invalid_utf8("\xc0\xaf"), "\\xc0\\xaf");         // overlong
  EXPECT_EQ(escape_invalid_utf8("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // surrogate
  EXPECT_EQ(escape_invalid_utf8("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // > U+10FFFF
  EXPECT_TRUE(is_valid_utf8(escape_invalid_utf8("\x80\x81\xfe")));
}

}  // namespace
}  // namespace guidecheck
