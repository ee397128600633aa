#include "result_cache.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include <gtest/gtest.h>

#include "outcome_codec.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

// Answers every spec with `make(spec)` and counts what it ran.
class ScriptedRunner : public Runner {
 public:
  std::function<RunOutcome(const RunSpec&)> make = [](const RunSpec& spec) {
    RunOutcome outcome;
    outcome.status = RunStatus::kOk;
    outcome.exit_code = 0;
    outcome.stdout_text = "ran " + spec.source;
    return outcome;
  };
  int ran = 0;
  std::vector<std::string> prepared;  ///< ids of the specs prepare() was told of
  void prepare(const std::vector<RunSpec>& specs) override {
    for (const RunSpec& spec : specs) prepared.push_back(spec.id);
  }
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress) override {
    std::vector<RunOutcome> outcomes;
    for (size_t i = 0; i < specs.size(); ++i) {
      ++ran;
      outcomes.push_back(make(specs[i]));
      if (progress) progress(i, outcomes.back());
    }
    return outcomes;
  }
  std::string interpreter_identity() const override { return "python=test"; }
};

class ResultCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("result_cache_test_" + std::to_string(getpid()));
    fs::create_directories(root_ / "snippets");
  }
  void TearDown() override { fs::remove_all(root_); }

  RunSpec spec(const std::string& id, const std::string& source) {
    std::string path = (root_ / "snippets" / (id + ".py")).string();
    std::ofstream(path) << source;
    RunSpec spec;
    spec.id = id;
    spec.path = path;
    spec.source = source;
    return spec;
  }
  // One run of `specs` through a fresh caching runner over `inner`.
  std::vector<RunOutcome> run(ScriptedRunner& inner, const std::vector<RunSpec>& specs) {
    CachingRunner cached(inner, {(root_ / "cache").string()});
    return cached.run(specs);
  }

  fs::path root_;
};

TEST_F(ResultCacheTest, AnUnchangedRunIsAnsweredFromTheCacheByteForByte) {
  ScriptedRunner inner;
  inner.make = [](const RunSpec&) {
    RunOutcome outcome;
    outcome.status = RunStatus::kError;
    outcome.exit_code = 1;
    outcome.stdout_text = std::string("a\0b\xff\n", 5);
    outcome.stderr_text = "Traceback\n";
    outcome.duration_s = 0.25;
    outcome.statements.push_back({1, 2, true, std::string("a\0b\xff\n", 5)});
    outcome.pieces.push_back({1, "a", 2});
    return outcome;
  };
  std::vector<RunSpec> specs = {spec("q1", "print(1)\n")};
  std::vector<RunOutcome> first = run(inner, specs);
  std::vector<RunOutcome> second = run(inner, specs);
  EXPECT_EQ(inner.ran, 1);
  EXPECT_FALSE(first[0].cached);
  ASSERT_TRUE(second[0].cached);
  EXPECT_EQ(second[0].status, RunStatus::kError);
  EXPECT_EQ(second[0].exit_code, 1);
  EXPECT_EQ(second[0].stdout_text, first[0].stdout_text);
  EXPECT_EQ(second[0].stderr_text, "Traceback\n");
  EXPECT_EQ(second[0].duration_s, 0.25);
  ASSERT_EQ(second[0].statements.size(), 1u);
  EXPECT_EQ(second[0].statements[0].stdout_text, first[0].stdout_text);
  ASSERT_EQ(second[0].pieces.size(), 1u);
  EXPECT_EQ(second[0].pieces[0].source_line, 2);
}

TEST_F(ResultCacheTest, OnlyRunsTheCacheCannotAnswerArePreparedFor) {
  ScriptedRunner inner;
  RunSpec seen = spec("q1", "print(1)\n");
  run(inner, {seen});
  RunSpec unseen = spec("q2", "print(2)\n");
  RunSpec outside = spec("q3", "print(3)\n");
  outside.sandbox.network = true;  // never stored, so never answered
  CachingRunner cached(inner, {(root_ / "cache").string()});
  cached.prepare({seen, unseen, outside});
  EXPECT_EQ(inner.prepared, (std::vector<std::string>{"q2", "q3"}));
  inner.prepared.clear();
  cached.prepare({seen});  // all answered: nothing to start
  EXPECT_TRUE(inner.prepared.empty());
  EXPECT_EQ(inner.ran, 1);  // preparing runs nothing
}

TEST_F(ResultCacheTest, WhatCanChangeTheOutcomeChangesTheKey) {
  ScriptedRunner inner;
  RunSpec base = spec("q1", "print(1)\n");
  run(inner, {base});
  RunSpec other_source = spec("q1", "print(2)\n");
  RunSpec other_timeout = base;
  other_timeout.timeout_s = 5;
  RunSpec other_env = base;
  other_env.sandbox.env = {"MODE=test"};
  RunSpec other_mode = base;
  other_mode.mode = SnippetMode::kSession;
  run(inner, {other_source, other_timeout, other_env, other_mode});
  EXPECT_EQ(inner.ran, 5);
}

// What a sample imports from its own directory is part of its key; the
// other samples there are not: editing one sample re-runs that one only.
TEST_F(ResultCacheTest, OnlyTheFilesASampleImportsFromItsDirectoryChangeItsKey) {
  ScriptedRunner inner;
  spec("helper", "from shapes import Square\n");
  spec("shapes", "class Square: pass\n");
  RunSpec importer = spec("q1", "import helper\nprint(helper.Square)\n");
  RunSpec plain = spec("q2", "import json\nprint(2)\n");
  RunSpec dynamic = spec("q3", "import importlib\nprint(importlib.import_module('helper'))\n");
  run(inner, {importer, plain, dynamic});
  EXPECT_EQ(inner.ran, 3);
  // Another sample changed: nothing it imports, only the dynamic one runs again.
  spec("q4", "print(4)\n");
  run(inner, {importer, plain, dynamic});
  EXPECT_EQ(inner.ran, 4);
  // What q1 imports through helper changed.
  spec("shapes", "class Square:\n    side = 2\n");
  run(inner, {importer, plain});
  EXPECT_EQ(inner.ran, 5);
  // A file that shadows what q2 imports appeared.
  spec("json", "print('not the real json')\n");
  run(inner, {importer, plain});
  EXPECT_EQ(inner.ran, 6);
  // A package directory counts as the module.
  RunSpec package_user = spec("q5", "import tools.text\n");
  run(inner, {package_user});
  fs::create_directories(root_ / "snippets" / "tools");
  std::ofstream(root_ / "snippets" / "tools" / "text.py") << "X = 1\n";
  run(inner, {package_user});
  EXPECT_EQ(inner.ran, 8);
  run(inner, {importer, plain, package_user});
  EXPECT_EQ(inner.ran, 8);
}

TEST_F(ResultCacheTest, RunsThatDidNotEndOnTheirOwnOrReachOutsideAreNeverStored) {
  ScriptedRunner inner;
  std::vector<std::function<void(RunOutcome&)>> spoil = {
      [](RunOutcome& o) { o.status = RunStatus::kTimeout; },
      [](RunOutcome& o) { o.status = RunStatus::kCrashed; },
      [](RunOutcome& o) { o.stdout_truncated = true; },
      [](RunOutcome& o) { o.interrupted = true; },
      [](RunOutcome& o) { o.leftovers_killed = 2; },
      [](RunOutcome& o) { o.error = "cannot fork"; },
  };
  for (size_t k = 0; k < spoil.size(); ++k) {
    inner.make = [&, k](const RunSpec& s) {
      RunOutcome outcome;
      outcome.status = RunStatus::kOk;
      outcome.stdout_text = s.source;
      spoil[k](outcome);
      return outcome;
    };
    RunSpec s = spec("q" + std::to_string(k), "print(" + std::to_string(k) + ")\n");
    run(inner, {s});
    run(inner, {s});
  }
  EXPECT_EQ(inner.ran, static_cast<int>(2 * spoil.size()));

  inner = ScriptedRunner();
  RunSpec network = spec("n", "print('net')\n");
  network.sandbox.network = true;
  RunSpec writable = spec("w", "print('w')\n");
  writable.sandbox.writable = {root_.string()};
  run(inner, {network, writable});
  run(inner, {network, writable});
  EXPECT_EQ(inner.ran, 4);
}

TEST_F(ResultCacheTest, ACorruptEntryIsAMissAndAForgottenOneRunsAgain) {
  ScriptedRunner inner;
  RunSpec s = spec("q1", "print(1)\n");
  run(inner, {s});
  for (const auto& entry : fs::recursive_directory_iterator(root_ / "cache"))
    if (entry.is_regular_file()) std::ofstream(entry.path(), std::ios::trunc) << "\xa1garbage";
  EXPECT_FALSE(run(inner, {s})[0].cached);
  EXPECT_EQ(inner.ran, 2);
  EXPECT_TRUE(run(inner, {s})[0].cached);  // stored again
  {
    CachingRunner cached(inner, {(root_ / "cache").string()});
    cached.forget(s);
  }
  EXPECT_FALSE(run(inner, {s})[0].cached);
  EXPECT_EQ(inner.ran, 3);
}

TEST_F(ResultCacheTest, TrimmingRemovesTheLeastRecentlyUsedFirst) {
  fs::path dir = root_ / "trim";
  fs::create_directories(dir / "ab");
  auto now = fs::file_time_type::clock::now();
  for (int i = 0; i < 10; ++i) {
    fs::path entry = dir / "ab" / ("e" + std::to_string(i));
    std::ofstream(entry) << std::string(1000, 'x');
    fs::last_write_time(entry, now - std::chrono::minutes(10 - i));  // e9 the most recent
  }
  trim_result_cache(dir.string(), 5000);
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir / "ab")) left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"e6", "e7", "e8", "e9"}));
}

TEST(OutcomeCodecTest, BytesThatAreNotAnOutcomeDecodeToNothing) {
  EXPECT_FALSE(decode_outcome(""));
  EXPECT_FALSE(decode_outcome("not cbor at all"));
  RunOutcome outcome;
  outcome.stdout_text = "x";
  std::string bytes = encode_outcome(outcome);
  EXPECT_TRUE(decode_outcome(bytes));
  EXPECT_FALSE(decode_outcome(bytes.substr(0, bytes.size() / 2)));
}

}  // namespace
}  // namespace guidecheck
