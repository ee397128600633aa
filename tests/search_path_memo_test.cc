#include "search_path_memo.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "atomic_file.h"
#include "embedded_python.h"
#include "temp_dir.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

// A made-up interpreter: a stdlib and a site directory with a .pth file, a
// sitecustomize, and a user site directory that does not exist yet.
class SearchPathMemoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(temp_.file("lib"));
    fs::create_directories(temp_.file("site"));
    std::ofstream(temp_.file("python3")) << "an executable";
    std::ofstream(temp_.file("site/extra.pth")) << "/opt/extra\n";
    std::ofstream(temp_.file("lib/sitecustomize.py")) << "\n";
    facts_.search_path = {temp_.file("lib"), temp_.file("site"), "/opt/extra"};
    facts_.site_dirs = {temp_.file("site"), temp_.file("user-site")};
    facts_.inputs = {temp_.file("python3"), temp_.file("pyvenv.cfg"), temp_.file("lib/sitecustomize.py")};
    let_changes_settle();
  }

  // The memo is not written while a change is a few ms old (its time could
  // be shared with a later one): the fixture's must be older than that.
  static void let_changes_settle() { std::this_thread::sleep_for(std::chrono::milliseconds(60)); }

  std::vector<std::string> search_path() {
    return remembered_search_path(temp_.file("memo"), "/usr/bin/python3 3.11.2 (test build)", [this] {
      ++asked_;
      return facts_;
    });
  }

  // Asks once after `change`, then remembers again.
  void expect_asked_again_after(const std::function<void()>& change, const char* what) {
    ASSERT_EQ(search_path(), facts_.search_path);
    ASSERT_EQ(search_path(), facts_.search_path);
    const int before = asked_;
    change();
    let_changes_settle();
    EXPECT_EQ(search_path(), facts_.search_path) << what;
    EXPECT_EQ(asked_, before + 1) << what;
    search_path();
    EXPECT_EQ(asked_, before + 1) << what << ": remembered again";
  }

  TempDir temp_{"search_path_memo_test"};
  SearchPathFacts facts_;
  int asked_ = 0;
};

TEST_F(SearchPathMemoTest, ASecondCheckHasThePathWithoutAskingTheInterpreter) {
  EXPECT_EQ(search_path(), facts_.search_path);
  EXPECT_EQ(search_path(), facts_.search_path);
  EXPECT_EQ(search_path(), facts_.search_path);
  EXPECT_EQ(asked_, 1);
}

TEST_F(SearchPathMemoTest, AnythingThatCanSteerSitePyMakesItAskAgain) {
  expect_asked_again_after([&] { std::ofstream(temp_.file("site/new.pth")) << "/opt/new\n"; }, "a new .pth file");
  expect_asked_again_after([&] { std::ofstream(temp_.file("site/extra.pth")) << "/opt/other\n"; },
                           "a .pth file rewritten in place, to the same size");
  expect_asked_again_after([&] { fs::create_directories(temp_.file("user-site")); }, "the user site directory appears");
  expect_asked_again_after([&] { std::ofstream(temp_.file("user-site/mine.pth")) << "/opt/mine\n"; },
                           "a .pth file in a site directory that was absent at first");
  expect_asked_again_after([&] { std::ofstream(temp_.file("lib/sitecustomize.py")) << "import sys\n"; },
                           "sitecustomize edited");
  expect_asked_again_after([&] { std::ofstream(temp_.file("lib/usercustomize.py")) << "\n"; },
                           "a module added to an entry of the path");
  expect_asked_again_after([&] { std::ofstream(temp_.file("pyvenv.cfg")) << "home = /usr/bin\n"; },
                           "a virtual environment's pyvenv.cfg appears");
  expect_asked_again_after([&] { std::ofstream(temp_.file("python3")) << "another executable"; },
                           "the executable replaced");
}

TEST_F(SearchPathMemoTest, ADifferentHomeOrInterpreterBuildAsksAgain) {
  const char* home = getenv("HOME");
  const std::string saved = home ? home : "";
  expect_asked_again_after([&] { setenv("HOME", temp_.file("elsewhere").c_str(), 1); },
                           "site.py finds the user's directory from HOME");
  if (home) setenv("HOME", saved.c_str(), 1); else unsetenv("HOME");
  search_path();

  const int before = asked_;
  remembered_search_path(temp_.file("memo"), "/usr/bin/python3 3.11.9 (another build)", [this] { ++asked_; return facts_; });
  EXPECT_EQ(asked_, before + 1);
}

TEST_F(SearchPathMemoTest, AMemoCutOrGarbledIsOnlyAQuestion) {
  search_path();
  std::string text, err;
  ASSERT_TRUE(read_file(temp_.file("memo"), &text, &err)) << err;
  ASSERT_NE(text.find("entry " + temp_.file("site")), std::string::npos);
  for (const std::string& damaged : {text.substr(0, text.find("entry ")), text.substr(0, text.size() / 2),
                                     std::string("not a memo\n"), std::string()}) {
    std::ofstream(temp_.file("memo"), std::ios::trunc) << damaged;
    const int before = asked_;
    EXPECT_EQ(search_path(), facts_.search_path);
    EXPECT_EQ(asked_, before + 1) << "memo:\n" << damaged;
  }
}

TEST_F(SearchPathMemoTest, WhatJustChangedOrIsNotWholeIsNotRemembered) {
  std::ofstream(temp_.file("site/now.pth")) << "/opt/now\n";
  search_path();
  search_path();
  EXPECT_EQ(asked_, 2) << "a change a few ms old could share its time with the next one";
  let_changes_settle();
  facts_.whole = false;
  search_path();
  search_path();
  EXPECT_EQ(asked_, 4);
  EXPECT_FALSE(fs::exists(temp_.file("memo")));
}

TEST(InterpreterSearchPathFactsTest, NameTheExecutableAndSitePysDirectories) {
  const SearchPathFacts facts = interpreter_search_path_facts();
  EXPECT_TRUE(facts.whole);
  EXPECT_EQ(facts.search_path, interpreter_search_path());
  EXPECT_NE(std::find(facts.inputs.begin(), facts.inputs.end(), GUIDECHECK_PYTHON_EXECUTABLE), facts.inputs.end());
  EXPECT_TRUE(std::any_of(facts.site_dirs.begin(), facts.site_dirs.end(), [&](const std::string& dir) {
    return std::find(facts.search_path.begin(), facts.search_path.end(), dir) != facts.search_path.end();
  })) << "an existing site directory is on the path";
}

}  // namespace
}  // namespace guidecheck
