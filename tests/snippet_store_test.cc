#include "snippet_store.h"

#include <stdlib.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

// ---- id_less ----

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end(), id_less);
  return ids;
}

TEST(IdLessTest, DigitRunsCompareAsNumbers) {
  EXPECT_TRUE(id_less("q2", "q10"));
  EXPECT_TRUE(id_less("q10", "q100"));
  EXPECT_TRUE(id_less("q99", "q100"));
  EXPECT_FALSE(id_less("q100", "q11"));
  EXPECT_TRUE(id_less("q11", "q100"));
}

TEST(IdLessTest, APartOfAnItemFollowsTheItemAndPrecedesTheNext) {
  EXPECT_TRUE(id_less("q10", "q10-2"));
  EXPECT_TRUE(id_less("q10-2", "q10-10"));
  EXPECT_TRUE(id_less("q10-10", "q11"));
  EXPECT_FALSE(id_less("q11", "q10-2"));
}

TEST(IdLessTest, IsIrreflexiveAndTellsLeadingZerosApart) {
  EXPECT_FALSE(id_less("q10", "q10"));
  EXPECT_FALSE(id_less("", ""));
  // Equal as numbers: byte order decides, so neither is "equivalent" to the other.
  EXPECT_TRUE(id_less("q02", "q2"));
  EXPECT_FALSE(id_less("q2", "q02"));
  EXPECT_TRUE(id_less("q02", "q3"));
  EXPECT_TRUE(id_less("q2", "q03"));
}

TEST(IdLessTest, LettersAndPrefixesCompareByteByByte) {
  EXPECT_TRUE(id_less("q", "q1"));
  EXPECT_TRUE(id_less("", "q"));
  EXPECT_TRUE(id_less("q10", "s01"));
  EXPECT_TRUE(id_less("Z1", "a1"));
  EXPECT_TRUE(id_less("q1-2", "q1a"));  // '-' sorts before 'a'
  EXPECT_TRUE(id_less("q1", "qa"));     // a digit sorts before a letter...
  EXPECT_TRUE(id_less("q-", "q1"));     // ...and after '-'
}

TEST(IdLessTest, HugeNumbersDoNotOverflow) {
  EXPECT_TRUE(id_less("q99999999999999999999", "q100000000000000000000"));
  EXPECT_TRUE(id_less("q18446744073709551616", "q18446744073709551617"));
}

TEST(IdLessTest, SortsIdsInNaturalOrder) {
  EXPECT_THAT(sorted({"q100", "q11", "q10-2", "s01", "q2", "q10", "q10-10", "q02", "q9"}),
              ElementsAre("q02", "q2", "q9", "q10", "q10-2", "q10-10", "q11", "q100", "s01"));
}

TEST(IdLessTest, IsAStrictTotalOrder) {
  // std::sort needs a strict weak ordering; a total one gives the same list
  // whatever the input order. Checked on every triple of a small id set.
  std::vector<std::string> ids = {"",     "q",    "q0",  "q00",  "q1",  "q01",  "q1-2", "q1-10", "q1a",
                                  "q2",   "q10",  "q010", "q10-", "q-",  "qa",   "s1",   "1",     "01",
                                  "a1b2", "a1b10", "a01b2", "q1.5", "q1.10"};
  for (const auto& a : ids) {
    EXPECT_FALSE(id_less(a, a)) << a;
    for (const auto& b : ids) {
      if (a != b) {
        EXPECT_NE(id_less(a, b), id_less(b, a)) << a << " vs " << b;
      }
      for (const auto& c : ids) {
        if (id_less(a, b) && id_less(b, c)) {
          EXPECT_TRUE(id_less(a, c)) << a << " < " << b << " < " << c;
        }
      }
    }
  }
  std::mt19937 rng(7);
  std::vector<std::string> expected = sorted(ids);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(ids.begin(), ids.end(), rng);
    EXPECT_EQ(sorted(ids), expected);
  }
}

// ---- SnippetStore on disk ----

class SnippetStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_ / "snippets");
    fs::create_directories(dir_ / "expected");
  }

  void touch(const fs::path& path) { std::ofstream(path) << "print(1)\n"; }

  SnippetStore store() const {
    return SnippetStore((dir_ / "snippets").string(), (dir_ / "expected").string(), (dir_ / ".guidecheck").string());
  }

  TempDir temp_{"snippet_store_test"};
  const fs::path& dir_ = temp_.path();
};

TEST_F(SnippetStoreTest, ListsSnippetsInNaturalIdOrder) {
  for (const char* id : {"q100", "q11", "q10-2", "q2", "q10", "s01"}) touch(dir_ / "snippets" / (std::string(id) + ".py"));
  touch(dir_ / "snippets" / "notes.txt");
  touch(dir_ / "snippets" / ".hidden.py");
  std::vector<Sample> snippets;
  std::string err;
  ASSERT_TRUE(store().list(&snippets, &err)) << err;
  std::vector<std::string> ids;
  for (const auto& snippet : snippets) ids.push_back(snippet.id);
  EXPECT_THAT(ids, ElementsAre("q2", "q10", "q10-2", "q11", "q100", "s01"));
  EXPECT_EQ(snippets[4].path, (dir_ / "snippets" / "q100.py").string());
}

TEST_F(SnippetStoreTest, ListsStaleExpectedOutputsInNaturalIdOrder) {
  touch(dir_ / "snippets" / "q10.py");
  for (const char* id : {"q100", "q10", "q11", "q9", "q10-2"}) touch(dir_ / "expected" / (std::string(id) + ".out"));
  std::vector<Sample> snippets;
  std::string err;
  ASSERT_TRUE(store().list(&snippets, &err)) << err;
  EXPECT_THAT(store().stale_expected(snippets), ElementsAre("q9", "q10-2", "q11", "q100"));
}

TEST_F(SnippetStoreTest, MissingSnippetsDirectoryIsAnError) {
  SnippetStore missing((dir_ / "nope").string(), (dir_ / "expected").string(), (dir_ / ".guidecheck").string());
  std::vector<Sample> snippets;
  std::string err;
  EXPECT_FALSE(missing.list(&snippets, &err));
  EXPECT_EQ(err.rfind((dir_ / "nope").string() + ": cannot read the snippets directory: ", 0), 0u) << err;
}

TEST_F(SnippetStoreTest, DurationsAreMergedIntoTheRememberedOnes) {
  EXPECT_TRUE(store().load_durations().empty());
  store().save_durations({{"q1", 1.5}, {"q2", 0.25}});
  store().save_durations({{"q2", 3.0}, {"q3", 0.5}});
  std::map<std::string, double> durations = store().load_durations();
  EXPECT_EQ(durations, (std::map<std::string, double>{{"q1", 1.5}, {"q2", 3.0}, {"q3", 0.5}}));
}

// CPU time is kept beside the duration where a run measured it; a file
// written before it was kept (bare seconds) still gives its durations.
TEST_F(SnippetStoreTest, CpuTimeIsRememberedBesideTheDuration) {
  store().save_durations({{"q1", 1.0}, {"q2", 0.5}}, {{"q1", 0.02}});
  EXPECT_EQ(store().load_durations(), (std::map<std::string, double>{{"q1", 1.0}, {"q2", 0.5}}));
  EXPECT_EQ(store().load_run_times().cpu_seconds, (std::map<std::string, double>{{"q1", 0.02}}));

  std::filesystem::create_directories(dir_ / ".guidecheck");
  std::ofstream(dir_ / ".guidecheck" / "durations.json") << R"({"q1": 2.5, "q2": {"seconds": 1, "cpu_seconds": -1}})";
  EXPECT_EQ(store().load_durations(), (std::map<std::string, double>{{"q1", 2.5}, {"q2", 1.0}}));
  EXPECT_TRUE(store().load_run_times().cpu_seconds.empty()) << "no CPU time in a bare figure, none below zero";
}

}  // namespace
}  // namespace guidecheck
