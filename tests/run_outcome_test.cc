#include "run_outcome.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace guidecheck {
namespace {

using nlohmann::json;

RunOutcome ran(const std::string& stdout_text) {
  RunOutcome outcome;
  outcome.status = RunStatus::kOk;
  outcome.exit_code = 0;
  outcome.stdout_text = stdout_text;
  outcome.statements.push_back({1, 1, true, stdout_text});
  return outcome;
}

TEST(RunOutcomeTest, ValidOutputHasNoBase64) {
  RunOutcome outcome = ran("caf\xc3\xa9 \\xff\n");
  outcome.stderr_text = "warning\n";
  json j = json::parse(to_json(outcome).dump());
  EXPECT_EQ(j["stdout"], "caf\xc3\xa9 \\xff\n");
  EXPECT_EQ(j["stderr"], "warning\n");
  EXPECT_FALSE(j.contains("stdout_base64"));
  EXPECT_FALSE(j.contains("stderr_base64"));
  EXPECT_FALSE(j["statements"][0].contains("stdout_base64"));
}

TEST(RunOutcomeTest, InvalidBytesBecomeReplacementCharactersAndExactBase64) {
  RunOutcome outcome = ran("raw \xff\xfe half \xe2\x82 end\n");
  outcome.stderr_text = "err \x80";
  outcome.error = "cannot \xff";
  json j = json::parse(to_json(outcome).dump());
  EXPECT_EQ(j["stdout"], "raw \xef\xbf\xbd\xef\xbf\xbd half \xef\xbf\xbd end\n");
  EXPECT_EQ(j["stdout_base64"], "cmF3IP/+IGhhbGYg4oIgZW5kCg==");
  EXPECT_EQ(j["stderr"], "err \xef\xbf\xbd");
  EXPECT_EQ(j["stderr_base64"], "ZXJyIIA=");
  EXPECT_EQ(j["statements"][0]["stdout"], j["stdout"]);
  EXPECT_EQ(j["statements"][0]["stdout_base64"], j["stdout_base64"]);
  EXPECT_EQ(j["error"], "cannot \xef\xbf\xbd");
}

TEST(RunOutcomeTest, LiteralEscapeTextAndTheByteItNamesDiffer) {
  json literal = to_json(ran("\\xff\n"));
  json byte = to_json(ran("\xff\n"));
  EXPECT_NE(literal.dump(), byte.dump());
  EXPECT_EQ(literal["stdout"], "\\xff\n");
  EXPECT_FALSE(literal.contains("stdout_base64"));
  EXPECT_EQ(byte["stdout"], "\xef\xbf\xbd\n");
  EXPECT_EQ(byte["stdout_base64"], "/wo=");
}

}  // namespace
}  // namespace guidecheck
