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

TEST(ShellTranscriptTest, ModulesAndOtherProgramsAreNoRunOfTheSample) {
  EXPECT_TRUE(script_runs_shown({"$ python -m http.server", "Serving"}, 1).empty());
  // What the shell would expand or redirect makes another program of it.
  EXPECT_TRUE(script_runs_shown({"$ python app.py $HOME", "hi"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ python app.py > out.txt"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ cat data.txt | python app.py", "hi"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ ./app.sh", "hi"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"python app.py", "hi"}, 1).empty());  // no prompt: not a transcript
  const std::vector<ScriptRunShown> silent = script_runs_shown({"$ python3.11 app.py"}, 7);
  ASSERT_EQ(silent.size(), 1u);
  EXPECT_EQ(silent[0].first_output_line, 0);
  EXPECT_TRUE(silent[0].output.empty());
}

// Arguments as the shell splits them, and text piped in by echo or printf.
TEST(ShellTranscriptTest, ArgumentsAndPipedInputAreTheRunsOwn) {
  const std::vector<ScriptRunShown> runs = script_runs_shown(
      {"$ python3 add.py 3 '4 5'", "7", "$ echo 'a b' | python3 words.py", "2", "$ printf 'x\\ny\\n' | python3 words.py",
       "2"},
      1);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].script, "add.py");
  EXPECT_EQ(runs[0].args, (std::vector<std::string>{"3", "4 5"}));
  EXPECT_EQ(runs[1].stdin_text, "a b\n");
  EXPECT_EQ(runs[1].script, "words.py");
  EXPECT_EQ(runs[2].stdin_text, "x\ny\n");
  // Stdin from /dev/null is every run's: no redirect; any other file is one.
  const std::vector<ScriptRunShown> null_stdin =
      script_runs_shown({"$ python3 ask.py < /dev/null", "none", "$ python3 ask.py < answers.txt", "yes"}, 1);
  ASSERT_EQ(null_stdin.size(), 1u);
  EXPECT_EQ(null_stdin[0].script, "ask.py");
  EXPECT_EQ(null_stdin[0].stdin_text, std::nullopt);
}

// The prompts of other shells and systems, and the Windows launcher.
TEST(ShellTranscriptTest, PromptsOfOtherShellsAndSystems) {
  for (const char* command : {"ana@box:~/code$ python3 app.py", "~/code$ python3 app.py", "(venv) $ python app.py",
                              "PS C:\\Users\\ana\\code> python app.py", "C:\\Users\\ana\\code>py -3.11 app.py",
                              "root@box:/srv# python3 app.py", "(.venv) ana@box:~$ python app.py"}) {
    const std::vector<ScriptRunShown> runs = script_runs_shown({command, "hi"}, 1);
    ASSERT_EQ(runs.size(), 1u) << command;
    EXPECT_EQ(runs[0].script, "app.py") << command;
    EXPECT_EQ(runs[0].output, std::vector<std::string>{"hi"}) << command;
  }
  // A script made executable runs as python3 would run it.
  const std::vector<ScriptRunShown> executable = script_runs_shown({"$ ./app.py --loud", "HI"}, 1);
  ASSERT_EQ(executable.size(), 1u);
  EXPECT_EQ(executable[0].script, "app.py");
  EXPECT_EQ(executable[0].args, std::vector<std::string>{"--loud"});
  // Output that only looks like a prompt's end is output.
  const std::vector<ScriptRunShown> runs = script_runs_shown({"$ python3 app.py", "50% done", "# 3 left"}, 1);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].output, (std::vector<std::string>{"50% done", "# 3 left"}));
}

TEST(ShellTranscriptTest, ARunWithArgumentsIsASampleOfItsOwn) {
  Sample script;
  script.source = "import sys\nprint(sys.argv[1:], sys.stdin.read())\n";
  script.guide_lines = {3, 4};
  script.first_line = 3;
  script.last_line = 4;
  const std::vector<ScriptRunShown> runs = script_runs_shown({"$ echo hi | python3 app.py caf\xc3\xa9", "out"}, 8);
  ASSERT_EQ(runs.size(), 1u);
  const std::optional<Sample> run = script_run_sample(runs[0], script, "guide.md");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->source, script.source);
  EXPECT_EQ(run->setup,
            "__import__('sys').argv[:] = [b'app.py'.decode(), b'caf\\xc3\\xa9'.decode()]\n"
            "__import__('sys').stdin = __import__('io').StringIO(b'hi\\x0a'.decode())\n");
  ASSERT_EQ(run->claims.size(), 1u);
  EXPECT_EQ(run->claims[0].guide_line, 9);
  // Without arguments or input the run claims on the script itself.
  EXPECT_FALSE(script_run_sample(script_runs_shown({"$ python3 app.py", "out"}, 8)[0], script, "guide.md"));
}

TEST(ShellTranscriptTest, APytestRunShowsItsSession) {
  const std::vector<ScriptRunShown> runs =
      script_runs_shown({"$ pytest -q", "...F  [100%]", "1 failed, 3 passed in 0.02s", "",
                         "$ python -m pytest -v --tb=short tests/test_queue.py", "4 passed in 0.01s"},
                        10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_TRUE(runs[0].pytest);
  EXPECT_EQ(runs[0].script, "");  // no file named: the test file before the transcript
  EXPECT_EQ(runs[0].command, "pytest -q");
  EXPECT_EQ(runs[0].first_output_line, 11);
  EXPECT_EQ(runs[0].output, (std::vector<std::string>{"...F  [100%]", "1 failed, 3 passed in 0.02s"}));
  EXPECT_EQ(runs[1].script, "test_queue.py");
  EXPECT_FALSE(script_runs_shown({"$ python app.py", "hi"}, 1).front().pytest);
}

TEST(ShellTranscriptTest, APytestRunThatPicksAmongTheTestsIsNoRunOfTheSample) {
  EXPECT_TRUE(script_runs_shown({"$ pytest -k empty", "1 passed, 5 deselected in 0.01s"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ pytest --deselect=test_a.py::test_x", "5 passed"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ pytest --lf", "1 failed in 0.01s"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ pytest test_a.py test_b.py", "9 passed in 0.02s"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ pytest test_a.py::test_one", "1 passed in 0.01s"}, 1).empty());
}

TEST(ShellTranscriptTest, APytestRunClaimsOnlyATestFilesOutput) {
  const std::vector<ScriptRunShown> runs = script_runs_shown({"$ pytest -q", "2 passed in 0.01s"}, 1);
  ASSERT_EQ(runs.size(), 1u);
  Sample code_under_test;
  code_under_test.guide_lines = {1};
  add_script_run_claim(code_under_test, Claim{}, runs[0], "guide.md");
  EXPECT_TRUE(code_under_test.claims.empty());
  Sample tests = code_under_test;
  tests.pytest_file = true;
  add_script_run_claim(tests, Claim{}, runs[0], "guide.md");
  EXPECT_EQ(tests.claims.size(), 1u);
}

// `python3 -c '...'`: the code, unquoted as the shell would, is a sample
// of its own whose output the transcript shows.
TEST(ShellTranscriptTest, AOneLinerIsASampleOfItsOwn) {
  const std::vector<ScriptRunShown> runs = script_runs_shown(
      {"$ python3 -c 'import json; print(json.dumps({\"a\": 1}))'", "{\"a\": 1}", "",
       "$ python -c \"print(\\\"hi\\\")\"", "hi"},
      30);
  ASSERT_EQ(runs.size(), 2u);
  ASSERT_TRUE(runs[0].one_liner);
  EXPECT_EQ(*runs[0].one_liner, "import json; print(json.dumps({\"a\": 1}))");
  EXPECT_EQ(runs[0].command_line, 30);
  EXPECT_EQ(*runs[1].one_liner, "print(\"hi\")");
  const std::optional<Sample> sample = one_liner_sample(runs[0], "howto.rst");
  ASSERT_TRUE(sample);
  EXPECT_EQ(sample->source, "import json; print(json.dumps({\"a\": 1}))\n");
  EXPECT_EQ(sample->guide_lines, (std::vector<int>{30}));
  ASSERT_EQ(sample->claims.size(), 1u);
  EXPECT_EQ(sample->claims[0].guide_line, 31);
  EXPECT_EQ(sample->claims[0].text, "{\"a\": 1}");
  // Arguments after the code, or code the shell would expand: no sample.
  EXPECT_TRUE(script_runs_shown({"$ python3 -c 'import sys; print(sys.argv)' a b", "['-c', 'a', 'b']"}, 1).empty());
  EXPECT_TRUE(script_runs_shown({"$ python3 -c \"print($HOME)\"", "/root"}, 1).empty());
  // Shown without output: nothing to judge.
  const std::vector<ScriptRunShown> silent = script_runs_shown({"$ python3 -c 'x = 1'"}, 1);
  ASSERT_EQ(silent.size(), 1u);
  EXPECT_FALSE(one_liner_sample(silent[0], "howto.rst"));
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
