// Telling a module this machine lacks from a misspelt import.
#include "missing_module.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(MissingModuleTest, ReadsTheTopLevelNameFromTheFinalError) {
  EXPECT_EQ(missing_top_level_module("Traceback (most recent call last):\n  File \"s.py\", line 1, in <module>\n"
                                     "    import seaborn as sns\nModuleNotFoundError: No module named 'seaborn'\n"),
            "seaborn");
  EXPECT_EQ(missing_top_level_module("ModuleNotFoundError: No module named 'module_name'\n\n"), "module_name");
}

TEST(MissingModuleTest, ASubmoduleOrAnotherErrorIsNoMissingPackage) {
  // numpy is there; its submodule is not: the guide's error.
  EXPECT_EQ(missing_top_level_module("ModuleNotFoundError: No module named 'numpy.fake'\n"), std::nullopt);
  EXPECT_EQ(missing_top_level_module("ImportError: cannot import name 'x' from 'os'\n"), std::nullopt);
  EXPECT_EQ(missing_top_level_module("ValueError: No module named 'seaborn'\n"), std::nullopt);
  // Only the last line counts: an import error handled earlier is no reason.
  EXPECT_EQ(missing_top_level_module("ModuleNotFoundError: No module named 'ujson'\nKeyError: 'id'\n"),
            std::nullopt);
  EXPECT_EQ(missing_top_level_module(""), std::nullopt);
}

TEST(MissingModuleTest, AMisspellingOfAnImportableModuleIsFound) {
  const std::vector<std::string> importable = {"collections", "itertools", "numpy", "http", "json", "types"};
  EXPECT_EQ(misspelt_module("colections", importable), "collections");
  EXPECT_EQ(misspelt_module("itertool", importable), "itertools");
  EXPECT_EQ(misspelt_module("Numpy", importable), "numpy");  // case alone, at any length
  // Short names one letter apart are as often two real packages.
  EXPECT_EQ(misspelt_module("httpx", importable), std::nullopt);
  EXPECT_EQ(misspelt_module("ujson", importable), std::nullopt);
  EXPECT_EQ(misspelt_module("typer", importable), std::nullopt);
  EXPECT_EQ(misspelt_module("seaborn", importable), std::nullopt);
}

}  // namespace
}  // namespace guidecheck
