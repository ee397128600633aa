// check and update against a fake runner: the comparison and file logic,
// without processes.
#include "command_check.h"
#include "command_update.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

class FakeRunner : public Runner {
 public:
  std::map<std::string, RunOutcome> outcomes;  // by snippet id
  std::vector<std::string> ran;
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress&) override {
    std::vector<RunOutcome> result;
    for (const auto& spec : specs) {
      ran.push_back(spec.id);
      result.push_back(outcomes.at(spec.id));
    }
    return result;
  }
};

RunOutcome ok(const std::string& stdout_text) {
  RunOutcome outcome;
  outcome.status = RunStatus::kOk;
  outcome.exit_code = 0;
  outcome.stdout_text = stdout_text;
  return outcome;
}

class CommandCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("guidecheck-command-test-" + std::to_string(getpid()));
    fs::create_directories(root_ / "snippets");
    options_.project.snippets_dir = (root_ / "snippets").string();
    options_.project.expected_dir = (root_ / "expected").string();
    options_.project.cache_dir = (root_ / "cache").string();
    for (const char* id : {"a1", "a2", "b1"}) std::ofstream(root_ / "snippets" / (std::string(id) + ".py")) << "pass\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path root_;
  CheckCommandOptions options_;
  FakeRunner runner_;
};

TEST_F(CommandCheckTest, UpdateWritesExpectedThenChangesNothing) {
  runner_.outcomes = {{"a1", ok("one\n")}, {"a2", ok("two\n")}, {"b1", ok("")}};
  UpdateOutcome first = update_expected({options_}, runner_, runner_);
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.written, 3);
  EXPECT_EQ(slurp(root_ / "expected" / "a1.out"), "one\n");
  auto mtime = fs::last_write_time(root_ / "expected" / "a1.out");
  UpdateOutcome second = update_expected({options_}, runner_, runner_);
  EXPECT_EQ(second.written, 0);
  EXPECT_EQ(second.unchanged, 3);
  EXPECT_EQ(fs::last_write_time(root_ / "expected" / "a1.out"), mtime);
}

TEST_F(CommandCheckTest, UpdateRefusesToBlessAFailingRun) {
  runner_.outcomes = {{"a1", ok("one\n")}, {"a2", ok("two\n")}, {"b1", ok("")}};
  update_expected({options_}, runner_, runner_);
  RunOutcome broken = ok("partial\n");
  broken.status = RunStatus::kError;
  broken.exit_code = 1;
  runner_.outcomes["a1"] = broken;
  UpdateOutcome outcome = update_expected({options_}, runner_, runner_);
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.refused, 1);
  EXPECT_EQ(slurp(root_ / "expected" / "a1.out"), "one\n");
  ASSERT_FALSE(outcome.messages.empty());
  EXPECT_NE(outcome.messages[0].find("refused a1: exited with 1"), std::string::npos);
}

TEST_F(CommandCheckTest, UpdateRemovesExpectedOfDeletedSnippetsOnlyWithoutFilter) {
  runner_.outcomes = {{"a1", ok("one\n")}, {"a2", ok("two\n")}, {"b1", ok("")}};
  update_expected({options_}, runner_, runner_);
  fs::remove(root_ / "snippets" / "b1.py");
  options_.run.filter = "a";
  EXPECT_EQ(update_expected({options_}, runner_, runner_).removed, 0);
  EXPECT_TRUE(fs::exists(root_ / "expected" / "b1.out"));
  options_.run.filter.clear();
  EXPECT_EQ(update_expected({options_}, runner_, runner_).removed, 1);
  EXPECT_FALSE(fs::exists(root_ / "expected" / "b1.out"));
}

TEST_F(CommandCheckTest, CheckPassesFailsAndDiffs) {
  runner_.outcomes = {{"a1", ok("one\n")}, {"a2", ok("two\n")}, {"b1", ok("")}};
  update_expected({options_}, runner_, runner_);
  runner_.outcomes["a2"] = ok("TWO\n");
  CheckOutcome outcome = check_snippets(options_, runner_, runner_);
  EXPECT_EQ(outcome.exit_code, 1);
  ASSERT_EQ(outcome.report.samples.size(), 3u);
  EXPECT_EQ(outcome.report.samples[0].verdict, SnippetVerdict::kPassed);
  EXPECT_EQ(outcome.report.samples[1].verdict, SnippetVerdict::kFailed);
  EXPECT_NE(outcome.report.samples[1].golden_diff.find("-two\n+TWO\n"), std::string::npos);
  EXPECT_EQ(summary_line(outcome.report.counts), "2 passed, 1 failed");
}

TEST_F(CommandCheckTest, CheckFailsWithoutApprovedOutputOrOnCrash) {
  RunOutcome crashed = ok("");
  crashed.status = RunStatus::kCrashed;
  crashed.signal = 11;
  runner_.outcomes = {{"a1", ok("one\n")}, {"a2", crashed}, {"b1", ok("")}};
  std::ofstream((fs::create_directories(root_ / "expected"), root_ / "expected" / "a2.out")) << "";
  std::ofstream(root_ / "expected" / "b1.out") << "";
  CheckOutcome outcome = check_snippets(options_, runner_, runner_);
  EXPECT_EQ(outcome.report.samples[0].verdict, SnippetVerdict::kFailed);
  EXPECT_NE(outcome.report.samples[0].problems[0].find("no approved output"), std::string::npos);
  EXPECT_EQ(outcome.report.samples[1].problems[0], "crashed with signal 11 (SIGSEGV)");
  EXPECT_EQ(outcome.report.samples[2].verdict, SnippetVerdict::kPassed);
}

TEST_F(CommandCheckTest, FilterSelectsByIdAndRejectsBadPatterns) {
  runner_.outcomes = {{"a1", ok("")}, {"a2", ok("")}, {"b1", ok("")}};
  options_.run.filter = "^a";
  check_snippets(options_, runner_, runner_);
  EXPECT_EQ(runner_.ran, (std::vector<std::string>{"a1", "a2"}));
  options_.run.filter = "a(";
  CheckOutcome outcome = check_snippets(options_, runner_, runner_);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.error.find("invalid pattern"), std::string::npos);
}

TEST_F(CommandCheckTest, MissingSnippetsDirectoryIsAConfigurationError) {
  options_.project.snippets_dir = (root_ / "nope").string();
  CheckOutcome outcome = check_snippets(options_, runner_, runner_);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.error.find("nope: cannot read the snippets directory"), std::string::npos);
}

TEST_F(CommandCheckTest, DurationsAreRememberedForTheNextSchedule) {
  RunOutcome slow = ok("");
  slow.duration_s = 1.5;
  runner_.outcomes = {{"a1", slow}, {"a2", ok("")}, {"b1", ok("")}};
  check_snippets(options_, runner_, runner_);
  auto durations = options_.project.store().load_durations();
  EXPECT_DOUBLE_EQ(durations["a1"], 1.5);
}

TEST_F(CommandCheckTest, CpuTimeIsRememberedWhereARunMeasuredIt) {
  RunOutcome waiting = ok("");
  waiting.duration_s = 1.5;
  waiting.cpu_s = 0.03;
  runner_.outcomes = {{"a1", waiting}, {"a2", ok("")}, {"b1", ok("")}};
  check_snippets(options_, runner_, runner_);
  auto cpu_seconds = options_.project.store().load_run_times().cpu_seconds;
  EXPECT_EQ(cpu_seconds, (std::map<std::string, double>{{"a1", 0.03}})) << "a2 and b1 measured none";
}

}  // namespace
}  // namespace guidecheck
