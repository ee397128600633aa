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

// A library's ImportError for an optional dependency that this machine
// lacks names it; an ImportError of the sample's own, or one naming what is
// installed, does not.
TEST(MissingModuleTest, AnOptionalDependencyALibraryAsksForIsFound) {
  const std::vector<std::string> importable = {"numpy", "pandas", "math"};
  auto missing = [&](const std::string& last) {
    return missing_optional_dependency("Traceback (most recent call last):\n  File \"x.py\", line 1\n" + last + "\n",
                                       importable);
  };
  EXPECT_EQ(missing("ImportError: Missing optional dependency 'tabulate'.  Use pip or conda to install tabulate."),
            "tabulate");
  EXPECT_EQ(missing("ImportError: matplotlib is required for plotting when the default backend \"matplotlib\" is "
                    "selected."),
            "matplotlib");
  EXPECT_EQ(missing("ImportError: Install openpyxl to read Excel files"), "openpyxl");
  EXPECT_EQ(missing("ImportError: cannot import name 'sqrtt' from 'math' (unknown location)"), std::nullopt);
  EXPECT_EQ(missing("ImportError: attempted relative import with no known parent package"), std::nullopt);
  EXPECT_EQ(missing("ImportError: numpy is required"), std::nullopt) << "installed";
  EXPECT_EQ(missing("ValueError: matplotlib is required"), std::nullopt);
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
