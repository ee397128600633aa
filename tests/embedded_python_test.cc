#include "embedded_python.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(EmbeddedPythonTest, AcceptsValidModule) {
  EXPECT_FALSE(compile_check("def f():\n    return 1\nprint(f())\n").has_value());
}

TEST(EmbeddedPythonTest, ReportsReturnOutsideFunctionWithLine) {
  auto error = compile_check("x = 1\nreturn x\n");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->line, 2);
  EXPECT_EQ(error->message, "'return' outside function");
}

TEST(EmbeddedPythonTest, ReportsIndentationError) {
  auto error = compile_check("def f():\nreturn 1\n");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->line, 2);
  EXPECT_NE(error->message.find("indent"), std::string::npos);
}

TEST(EmbeddedPythonTest, SurvivesNulBytesAndInvalidUtf8) {
  EXPECT_TRUE(compile_check(std::string("x = 1\0\n", 7)).has_value());
  EXPECT_TRUE(compile_check("x = '\xff'\n").has_value());
}

}  // namespace
}  // namespace guidecheck
