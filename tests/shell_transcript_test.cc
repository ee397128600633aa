#include "shell_transcript.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ShellTranscriptTest, ARunOfAScriptShowsWhatItPrinted) {
  const std::vector<std::string> lines = {"$ python3 inventory.py", "3 items", "total: 16.25", "",
                                          "$ pip install rich",     "Successfully installed rich",
                                          "% python -u tools/report.py", "done", ""};
  const std::vector<ScriptRunShown> runs = script_runs_shown(lines, 40);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].script, "inventory.py");
  EXPECT_EQ(runs[0].first_output_line, 41);
  EXPECT_EQ(runs[0].output, (std::vector<std::string>{"3 items", "total: 16.25"}));
  EXPECT_EQ(runs[1].script, "report.py");  // directories dropped; pip's output is nobody's claim
  EXPECT_EQ(runs[1].output, (std::vector<std::string>{"done"}));
}

TEST(ShellTranscriptTest, ArgumentsModulesAndOtherProgramsAreNoRunOfTheSample) {
  EXPECT_TRUE(script_runs_shown({"$ python app.py --verbose", "chatty"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ python -m http.server", "Serving"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ ./app.py", "hi"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"python app.py", "hi"}, 1).empty());  // no prompt: not a transcript
  const std::vector<ScriptRunShown> silent = script_runs_shown({"$ python3.11 app.py"}, 7);
  ASSERT_EQ(silent.size(), 1u);
  EXPECT_EQ(silent[0].first_output_line, 0);
  EXPECT_TRUE(silent[0].output.empty());
}

TEST(ShellTranscriptTest, TheScriptNameAParagraphOrCommentMentions) {
  EXPECT_EQ(script_name_in("Save it as inventory.py, then run it."), "inventory.py");
  EXPECT_EQ(script_name_in("Save this as app/main.py."), "main.py");
  EXPECT_EQ(script_name_in("# file: count.py"), "count.py");
  EXPECT_EQ(script_name_in("first a.py, then b.py"), "b.py");
  EXPECT_EQ(script_name_in("Python is fun. Run it."), std::nullopt);
  EXPECT_EQ(script_name_in("the .py suffix"), std::nullopt);
}

}  // namespace
}  // namespace guidecheck
