// How often each sample runs per command, counted through a fake runner:
// at most twice per check and per update, --write-guide included (once,
// plus the determinism probe).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "command_check.h"
#include "command_extract.h"
#include "command_update.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

// Every run prints "real" from one statement covering the whole sample, so
// every output claim below is a mismatch: the most work a command can do.
class CountingRunner : public Runner {
 public:
  std::map<std::string, int> runs;  // by spec id
  std::vector<RunSpec> specs_seen;
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress&) override {
    std::vector<RunOutcome> outcomes;
    for (const auto& spec : specs) {
      ++runs[spec.id];
      specs_seen.push_back(spec);
      RunOutcome outcome;
      outcome.status = RunStatus::kOk;
      outcome.exit_code = 0;
      outcome.stdout_text = "real\n";
      outcome.statements.push_back({1, 1000, true, "real\n"});
      outcome.pieces.push_back({1, "real\n"});
      outcomes.push_back(outcome);
    }
    return outcomes;
  }
  int max_runs_of_a_sample() const {
    int most = 0;
    for (const auto& [id, count] : runs)
      if (id.find(' ') == std::string::npos) most = std::max(most, count);
    return most;
  }
};

class RunCountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("guidecheck-run-count-" + std::to_string(getpid()));
    fs::create_directories(root_);
    guide_ = (root_ / "guide.txt").string();
    std::ofstream(guide_) << "Counting guide\n"
                             "1. Printing\n"
                             "print(\"real\") # claimed\n"
                             "2. Errors\n"
                             "d = {}\n"
                             "# d[\"k\"] # KeyError: 'k'\n"
                             "print(\"x\") # x\n";
    options_.project.snippets_dir = (root_ / "snippets").string();
    options_.project.expected_dir = (root_ / "expected").string();
    options_.project.cache_dir = (root_ / "cache").string();
    ExtractOutcome extracted = extract_command({guide_, "", options_.project, {}}, nullptr);
    ASSERT_EQ(extracted.exit_code, 0) << extracted.error;
    ASSERT_EQ(extracted.samples, 2);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string guide_text() const {
    std::ifstream in(guide_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path root_;
  std::string guide_;
  PlanOptions options_;
  CountingRunner runner_;
};

TEST_F(RunCountTest, CheckRunsASampleAtMostTwice) {
  CheckOutcome outcome = check_snippets(options_, runner_, runner_);
  ASSERT_EQ(outcome.exit_code, 1) << outcome.error;
  EXPECT_EQ(runner_.runs.at("q01"), 2) << "a mismatch gets a second opinion";
  EXPECT_LE(runner_.max_runs_of_a_sample(), 2);
}

TEST_F(RunCountTest, UpdateRunsEachSampleExactlyTwice) {
  UpdateOutcome outcome = update_expected({options_, false}, runner_, runner_);
  ASSERT_NE(outcome.exit_code, 2) << outcome.error;
  EXPECT_EQ(runner_.runs.at("q01"), 2);
  EXPECT_EQ(runner_.runs.at("q02"), 2);
  EXPECT_EQ(runner_.runs.size(), 2u) << "no error-claim variant runs without --write-guide";
}

TEST_F(RunCountTest, WriteGuideRunsEachSampleAtMostTwiceAndCorrectsTheClaims) {
  UpdateOutcome outcome = update_expected({options_, true}, runner_, runner_);
  ASSERT_NE(outcome.exit_code, 2) << outcome.error;
  EXPECT_EQ(runner_.max_runs_of_a_sample(), 2);
  for (const auto& [id, count] : runner_.runs) {
    if (id.find(' ') != std::string::npos) {
      EXPECT_EQ(count, 1) << id;
    }
  }
  EXPECT_EQ(outcome.claims_rewritten, 2);
  std::string guide = guide_text();
  EXPECT_NE(guide.find("print(\"real\") # real\n"), std::string::npos) << guide;
  EXPECT_NE(guide.find("print(\"x\") # real\n"), std::string::npos) << guide;
  // The snippets were stored again from the corrected guide.
  std::ifstream snippet(root_ / "snippets" / "q01.py");
  std::string first_line;
  std::getline(snippet, first_line);
  EXPECT_EQ(first_line, "print(\"real\") # real");
}

// Candidate layouts run within the user's limits, not a fixed 3 s of their own.
TEST_F(RunCountTest, CandidateLayoutsRunWithinTimeoutAndMemoryLimit) {
  std::ofstream(guide_) << "Slow guide\n"
                           "1. Counting\n"
                           "import time\n"
                           "for i in range(5):\n"
                           "print(i, end=\" \")\n"
                           "if i == 2:\n"
                           "time.sleep(30)\n"
                           "# 0 1 2 3 4\n";
  fs::remove_all(root_ / "snippets");
  ExtractCommandOptions options{guide_, "", options_.project, {}};
  options.run.timeout_s = 0.5;
  options.run.memory_limit = 123u << 20;
  ExtractOutcome extracted = extract_command(options, &runner_);
  ASSERT_NE(extracted.exit_code, 2) << extracted.error;
  ASSERT_FALSE(runner_.specs_seen.empty()) << "the guide's layout is uncertain: candidates must run";
  for (const RunSpec& spec : runner_.specs_seen) {
    // The most plausible layout gets the whole bound; its alternatives at
    // most 20 times what it took, and never more than the bound.
    if (spec.id.find("layout 1") != std::string::npos)
      EXPECT_EQ(spec.timeout_s, 0.5) << spec.id;
    else
      EXPECT_EQ(spec.timeout_s, 0.25) << spec.id << " (the first took 0 s here)";
    EXPECT_EQ(spec.memory_limit, 123u << 20) << spec.id;
    EXPECT_FALSE(spec.source.empty()) << spec.id;
  }
}

}  // namespace
}  // namespace guidecheck
