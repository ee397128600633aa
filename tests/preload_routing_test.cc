#include "preload_routing.h"

#include <unistd.h>

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
}

}  // namespace
}  // namespace guidecheck

namespace guidecheck {
namespace {

// Real zygotes: a sample that imports a preloaded module finds it already
// imported (the loaded zygote); one that imports nothing runs where it is
// not (the slim one); both in one run() under one scheduler.
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
  options.preload = {"json"};  // a preloaded module that starts fast
  PreloadRoutingRunner runner(options, 2);
  std::vector<RunOutcome> outcomes =
      runner.run({spec("loaded.py", "import sys\nbefore = 'json' in sys.modules\nimport json\nprint(before)\n"),
                  spec("slim.py", "import sys\nprint('json' in sys.modules)\n")});
  fs::remove_all(dir);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].stdout_text, "True\n") << outcomes[0].stderr_text << outcomes[0].error;
  EXPECT_EQ(outcomes[1].stdout_text, "False\n") << outcomes[1].stderr_text << outcomes[1].error;
}

}  // namespace
}  // namespace guidecheck
