#include "preload_routing.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

using Modules = std::vector<std::string>;
const Modules kPreload = {"numpy", "pandas", "pytest"};

RunSpec sample(const std::string& source, SnippetMode mode = SnippetMode::kScript) {
  RunSpec spec;
  spec.source = source;
  spec.mode = mode;
  return spec;
}

TEST(PreloadRoutingTest, ImportStatementsNameTheirTopLevelModules) {
  EXPECT_EQ(imported_modules("import os\nimport numpy as np, pandas.api.types as t\n"),
            (Modules{"os", "numpy", "pandas"}));
  EXPECT_EQ(imported_modules("from collections.abc import Mapping\nfrom . import sibling\n"),
            (Modules{"collections"}));
  EXPECT_EQ(imported_modules("def f():\n    import json\n    return json\nx = 1; import csv  # data\n"),
            (Modules{"json", "csv"}));
  EXPECT_EQ(imported_modules("from numpy import (\n    array,\n)\n"), (Modules{"numpy"}));
  EXPECT_EQ(imported_modules("print('no imports here')\nimportant = 1\nfromage = 2\n"), Modules{});
}

TEST(PreloadRoutingTest, OnlySamplesThatImportAPreloadedModuleGoToTheLoadedZygote) {
  EXPECT_TRUE(wants_preloaded(sample("import pandas as pd\nprint(pd.__version__)\n"), kPreload));
  EXPECT_TRUE(wants_preloaded(sample("from numpy.linalg import norm\n"), kPreload));
  EXPECT_FALSE(wants_preloaded(sample("import json\nprint(json.dumps([1]))\n"), kPreload));
  EXPECT_FALSE(wants_preloaded(sample("print(sum(range(10)))\n"), kPreload));
  // A pytest file needs pytest whatever it imports.
  EXPECT_TRUE(wants_preloaded(sample("def test_one():\n    assert 1\n", SnippetMode::kPytest), kPreload));
  // The code it continues counts too.
  RunSpec continued = sample("print(df.shape)\n");
  continued.prelude = "import pandas as pd\ndf = pd.DataFrame()\n";
  EXPECT_TRUE(wants_preloaded(continued, kPreload));
  // Nothing preloaded: nothing wants it.
  EXPECT_FALSE(wants_preloaded(sample("import numpy\n"), Modules{}));
  // A preloaded submodule holds its package: "unittest.mock" is imported
  // whatever part of unittest the sample names; a longer name is another module.
  EXPECT_TRUE(wants_preloaded(sample("from unittest import TestCase\n"), Modules{"unittest.mock"}));
  EXPECT_TRUE(wants_preloaded(sample("import concurrent.futures\n"), Modules{"concurrent.futures"}));
  EXPECT_FALSE(wants_preloaded(sample("import jsonschema\n"), Modules{"json"}));
}

TEST(PreloadRoutingTest, CommonModulesArePreloadedOnlyWhereSeveralRunsImportThem) {
  const Modules candidates = {"json", "csv", "fractions"};
  auto runs = [](std::initializer_list<const char*> sources) {
    std::vector<Modules> wanted;
    for (const char* source : sources) wanted.push_back(modules_wanted(sample(source)));
    return wanted;
  };
  // json: three runs, csv: two, fractions: one (paid once either way).
  EXPECT_EQ(worth_preloading(runs({"import json\n", "import json, csv\n", "import json\n", "import csv\n",
                                   "import fractions\n", "print(1)\n"}),
                             candidates, kPreload),
            (Modules{"json", "csv"}));
  // Three runs would go there: too few to pay for a zygote's start.
  EXPECT_EQ(worth_preloading(runs({"import json\n", "import json\n", "import csv\nimport json\n"}), candidates,
                             kPreload),
            Modules{});
  // Runs that go to the loaded zygote do not count.
  EXPECT_EQ(worth_preloading(runs({"import json\n", "import json\n", "import json\nimport pandas\n",
                                   "import pandas, json\n"}),
                             candidates, kPreload),
            Modules{});
  EXPECT_EQ(worth_preloading(runs({"import json\n", "import json\n", "import json\n", "import json\n"}), Modules{},
                             kPreload),
            Modules{});
}

TEST(PreloadRoutingTest, TheLoadedZygoteHoldsOnlyWhatTheRunsImport) {
  auto runs = [](std::initializer_list<const char*> sources) {
    std::vector<Modules> wanted;
    for (const char* source : sources) wanted.push_back(modules_wanted(sample(source)));
    return wanted;
  };
  EXPECT_EQ(imported_preloads(runs({"import pandas as pd\n", "print(1)\n"}), kPreload), Modules{"pandas"});
  EXPECT_EQ(imported_preloads(runs({"import numpy\n", "import pytest\n"}), kPreload), (Modules{"numpy", "pytest"}));
  std::vector<Modules> pytest_file = {modules_wanted(sample("def test_one():\n    assert 1\n", SnippetMode::kPytest))};
  EXPECT_EQ(imported_preloads(pytest_file, kPreload), Modules{"pytest"});
  EXPECT_EQ(imported_preloads(runs({"import json\n"}), kPreload), Modules{});
}

TEST(PreloadRoutingTest, TheCommonModulesAreNeitherHeldAlreadyNorThePreloadedOnes) {
  const Modules& common = common_stdlib_modules();
  ASSERT_FALSE(common.empty());
  // The slim zygote holds these already (the test below asks it for the
  // rest); the loaded one holds the others.
  for (const char* held : {"os", "sys", "collections", "io", "numpy", "pandas", "pytest"})
    EXPECT_EQ(std::count(common.begin(), common.end(), held), 0) << held;
}

}  // namespace
}  // namespace guidecheck

namespace guidecheck {
namespace {

// Real zygotes: a sample that imports a preloaded module finds it already
// imported (the loaded zygote); one that imports a common module finds that
// one imported but not the loaded zygote's (the middle one); one that imports
// nothing finds neither (the slim one); all in one run() under one scheduler.
TEST(PreloadRoutingRunnerTest, EachSampleRunsInTheZygoteItsImportsAskFor) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("preload_routing_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto spec = [&](const std::string& name, const std::string& code) {
    std::ofstream(dir / name) << code;
    RunSpec s;
    s.id = name;
    s.path = (dir / name).string();
    s.source = code;
    s.timeout_s = 30;
    return s;
  };
  ZygoteOptions options;
  options.program = GUIDECHECK_BINARY;
  options.preload = {"json"};  // preloaded modules that start fast
  PreloadRoutingRunner runner(options, {"csv", "fractions"}, 2);
  // What each run finds imported before its own imports run: fractions,
  // which four runs import, is in the common zygote; csv, which one other
  // run imports, is not.
  const std::string held = "import sys\nheld = [m in sys.modules for m in ('json', 'csv', 'fractions')]\n";
  std::vector<RunSpec> specs = {spec("loaded.py", held + "import json, csv\nprint(held)\n"),
                                spec("slim.py", held + "print(held)\n"),
                                spec("reads_csv.py", held + "import csv\nprint(held)\n")};
  for (int i = 0; i < 4; ++i)
    specs.push_back(spec("common" + std::to_string(i) + ".py", held + "import fractions\nprint(held)\n"));
  std::vector<RunOutcome> outcomes = runner.run(specs);
  fs::remove_all(dir);
  ASSERT_EQ(outcomes.size(), 7u);
  const char* expected[] = {"[True, False, False]\n", "[False, False, False]\n", "[False, False, False]\n",
                            "[False, False, True]\n"};
  for (size_t i = 0; i < outcomes.size(); ++i)
    EXPECT_EQ(outcomes[i].stdout_text, expected[std::min<size_t>(i, 3)])
        << specs[i].id << ": " << outcomes[i].stderr_text << outcomes[i].error;
  // A check whose runs import json but never xml: the loaded zygote holds json only.
  ZygoteOptions json_and_xml = options;
  json_and_xml.preload = {"json", "xml.dom.minidom"};
  PreloadRoutingRunner partial(json_and_xml, {}, 2);
  fs::create_directories(dir);
  std::vector<RunOutcome> loaded_only =
      partial.run({spec("json_only.py", "import sys\nimport json\nprint('xml.dom.minidom' in sys.modules)\n")});
  fs::remove_all(dir);
  ASSERT_EQ(loaded_only.size(), 1u);
  EXPECT_EQ(loaded_only[0].stdout_text, "False\n") << loaded_only[0].stderr_text << loaded_only[0].error;
  // The middle zygote's modules are part of the runs' identity (the result cache's key).
  EXPECT_NE(runner.interpreter_identity(), PreloadRoutingRunner(options, {}, 2).interpreter_identity());

  // The common modules are worth a zygote: a slim run finds none of them
  // imported.
  std::string names;
  for (const std::string& module : common_stdlib_modules()) names += "'" + module + "', ";
  ZygoteOptions nothing_loaded = options;
  nothing_loaded.preload = {};
  PreloadRoutingRunner slim_only(nothing_loaded, {}, 2);
  fs::create_directories(dir);
  std::vector<RunOutcome> slim = slim_only.run(
      {spec("slim_modules.py", "import sys\nprint([m for m in (" + names + ") if m in sys.modules])\n")});
  fs::remove_all(dir);
  ASSERT_EQ(slim.size(), 1u);
  EXPECT_EQ(slim[0].stdout_text, "[]\n") << slim[0].stderr_text << slim[0].error;
}

}  // namespace
}  // namespace guidecheck
