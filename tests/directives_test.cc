#include "directives.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

bool parse(const std::string& text, Directives* d, std::string* err) {
  return parse_directives(text, "snippets/guidecheck.toml", d, err);
}

TEST(DirectivesTest, ParsesEveryDirective) {
  Directives d;
  std::string err;
  ASSERT_TRUE(parse("[q42]\nstdin = \"7\\n\"\nprelude = '''\ndef f(): pass\n'''\ntimeout = 5\n"
                    "requires = [\"pandas>=2.1\"]\npytest = true\n[q08]\nskip = \"shell commands only\"\n",
                    &d, &err))
      << err;
  const SnippetDirectives& q42 = d.of("q42");
  EXPECT_EQ(q42.stdin_text, "7\n");
  EXPECT_EQ(q42.prelude, "def f(): pass\n");
  EXPECT_EQ(q42.timeout_s, 5.0);
  ASSERT_EQ(q42.requirements.size(), 1u);
  EXPECT_EQ(q42.requirements[0].package, "pandas");
  EXPECT_EQ(q42.requirements[0].op, ">=");
  EXPECT_EQ(q42.pytest, true);
  EXPECT_EQ(q42.line, 1);
  EXPECT_EQ(d.of("q08").skip, "shell commands only");
  EXPECT_FALSE(d.of("q99").skip.has_value());
}

TEST(DirectivesTest, ContinuesForcesOrForbidsAContinuation) {
  Directives d;
  std::string err;
  ASSERT_TRUE(parse("[s03]\ncontinues = \"s01\"\n[s04]\ncontinues = [\"s01\", \"s02\"]\n[s05]\ncontinues = false\n",
                    &d, &err))
      << err;
  EXPECT_EQ(d.of("s03").continues, std::vector<std::string>{"s01"});
  EXPECT_EQ(d.of("s04").continues, (std::vector<std::string>{"s01", "s02"}));
  EXPECT_EQ(d.of("s05").continues, std::vector<std::string>{});
  EXPECT_FALSE(d.of("s06").continues.has_value());
  EXPECT_FALSE(parse("[s03]\ncontinues = true\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:2: [s03] continues must be false, a sample id, or a list of sample ids");
  EXPECT_FALSE(parse("[s03]\ncontinues = [1]\n", &d, &err));
}

TEST(DirectivesTest, UnknownKeyNamesFileAndLine) {
  Directives d;
  std::string err;
  EXPECT_FALSE(parse("[q01]\ntimeout = 3\nstdn = \"x\"\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:3: [q01] unknown directive 'stdn' (known: stdin, prelude, timeout, requires, "
                 "pytest, skip, continues, network, writable, env)");
}

TEST(DirectivesTest, BadValuesNameFileAndLine) {
  Directives d;
  std::string err;
  EXPECT_FALSE(parse("[q01]\n\ntimeout = -1\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:3: [q01] timeout must be a number of seconds above 0 and at most 86400");
  EXPECT_FALSE(parse("[q01]\npytest = \"yes\"\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:2: [q01] pytest must be true or false");
  EXPECT_FALSE(parse("[q01]\nrequires = [\"pandas\"]\n", &d, &err));
  EXPECT_NE(err.find(":2: [q01] requires: 'pandas' is not of the form"), std::string::npos);
  EXPECT_FALSE(parse("q01 = 3\n", &d, &err));
  EXPECT_NE(err.find(":1: 'q01' must be a table"), std::string::npos);
}

// Values that parse but mean nothing: a timeout that is not finite or is
// absurdly long, a version that is not a version, a variable that is not a
// name. Each one names its file and line.
TEST(DirectivesTest, NonsenseValuesAreRefused) {
  Directives d;
  std::string err;
  for (const char* timeout : {"nan", "inf", "1e300", "0"}) {
    EXPECT_FALSE(parse(std::string("[q01]\ntimeout = ") + timeout + "\n", &d, &err)) << timeout;
    EXPECT_EQ(err, "snippets/guidecheck.toml:2: [q01] timeout must be a number of seconds above 0 and at most 86400");
  }
  EXPECT_FALSE(parse("[q01]\nrequires = [\"pandas>=banana\"]\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:2: [q01] requires: 'pandas>=banana' is not of the form package>=version");
  EXPECT_FALSE(parse("[q01]\nenv = [\"1BAD\"]\n", &d, &err));
  EXPECT_NE(err.find(":2: [q01] env must be a list of names or NAME=value strings ('1BAD' is neither)"),
            std::string::npos)
      << err;
  EXPECT_FALSE(parse("[q01]\nnetwork = \"yes\"\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:2: [q01] network must be true or false");
  EXPECT_FALSE(parse("[q01]\nwritable = \"out\"\n", &d, &err));
  EXPECT_EQ(err, "snippets/guidecheck.toml:2: [q01] writable must be a list of paths");
}

TEST(DirectivesTest, SandboxDirectivesAreRead) {
  Directives d;
  std::string err;
  ASSERT_TRUE(parse("[q01]\nnetwork = true\nwritable = [\"out\"]\nenv = [\"TOKEN\", \"MODE=test\"]\n", &d, &err))
      << err;
  EXPECT_TRUE(d.of("q01").network);
  EXPECT_EQ(d.of("q01").writable, std::vector<std::string>{"out"});
  EXPECT_EQ(d.of("q01").env, (std::vector<std::string>{"TOKEN", "MODE=test"}));
  EXPECT_FALSE(d.of("q02").network);
}

TEST(DirectivesTest, HugeVersionNumbersCompareWithoutOverflow) {
  EXPECT_EQ(compare_versions("1.5.3", "99999999999999999999999.0"), -1);
  EXPECT_EQ(compare_versions("100000000000000000000001", "99999999999999999999999"), 1);
  EXPECT_EQ(compare_versions("01.2", "1.2"), 0);
}

TEST(DirectivesTest, SyntaxErrorNamesFileAndLine) {
  Directives d;
  std::string err;
  EXPECT_FALSE(parse("[q01]\ntimeout = \n", &d, &err));
  EXPECT_EQ(err.rfind("snippets/guidecheck.toml:2:", 0), 0u) << err;
}

TEST(DirectivesTest, MissingFileMeansNoDirectives) {
  Directives d;
  std::string err;
  EXPECT_TRUE(load_directives("/nonexistent/guidecheck.toml", &d, &err)) << err;
  EXPECT_TRUE(d.by_id.empty());
}

TEST(DirectivesTest, AnExistingButUnreadableFileIsAnError) {
  Directives d;
  std::string err;
  // A directory where the file should be: it exists, it cannot be read.
  EXPECT_FALSE(load_directives(GUIDECHECK_TEST_FIXTURES, &d, &err));
  EXPECT_EQ(err.rfind(GUIDECHECK_TEST_FIXTURES, 0), 0u) << err;
}

TEST(DirectivesTest, ComparesVersionsNumerically) {
  EXPECT_LT(compare_versions("1.5.3", "2.1"), 0);
  EXPECT_GT(compare_versions("1.10", "1.9"), 0);
  EXPECT_EQ(compare_versions("2.1", "2.1.0"), 0);
  EXPECT_LT(compare_versions("2.0rc1", "2.0"), 0);
}

TEST(DirectivesTest, ExplainsUnmetRequirements) {
  Requirement r;
  ASSERT_TRUE(parse_requirement("pandas>=2.1", &r));
  EXPECT_EQ(unmet_reason(r, "1.5.3"), "requires pandas>=2.1, found 1.5.3");
  EXPECT_EQ(unmet_reason(r, "2.2.0"), "");
  EXPECT_EQ(unmet_reason(r, std::nullopt), "requires pandas>=2.1, which is not installed");
  ASSERT_TRUE(parse_requirement("numpy != 1.24.2", &r));
  EXPECT_EQ(unmet_reason(r, "1.24.2"), "requires numpy != 1.24.2, found 1.24.2");
}

}  // namespace
}  // namespace guidecheck
