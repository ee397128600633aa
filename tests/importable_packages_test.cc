#include "importable_packages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "embedded_python.h"
#include "temp_dir.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

TEST(ImportablePackagesTest, InstallingOrRemovingAPackageChangesTheDigest) {
  TempDir temp("importable_packages_test");
  const std::string site = temp.file("site"), other = temp.file("other");
  fs::create_directories(site);
  fs::create_directories(other);
  const std::vector<std::string> path = {"", site, temp.file("missing"), other};
  const std::string empty = importable_packages_digest(path);
  EXPECT_EQ(importable_packages_digest(path), empty) << "the same directories give the same digest";

  fs::create_directories(temp.path() / "site" / "numpy-1.24.2.dist-info");
  const std::string installed = importable_packages_digest(path);
  EXPECT_NE(installed, empty);
  fs::rename(temp.path() / "site" / "numpy-1.24.2.dist-info", temp.path() / "site" / "numpy-2.0.0.dist-info");
  EXPECT_NE(importable_packages_digest(path), installed) << "an upgrade";
  fs::remove(temp.path() / "site" / "numpy-2.0.0.dist-info");
  std::ofstream(temp.file("other/module.py")) << "x = 1\n";
  EXPECT_NE(importable_packages_digest(path), empty) << "a module in another directory of the path";
  EXPECT_NE(importable_packages_digest({other, site}), importable_packages_digest({site, other}))
      << "the order of the path decides which module an import finds";
}

TEST(ImportablePackagesTest, TheInterpretersPathHoldsTheStandardLibrary) {
  const std::vector<std::string> path = interpreter_search_path();
  EXPECT_TRUE(std::any_of(path.begin(), path.end(), [](const std::string& entry) {
    return fs::exists(fs::path(entry) / "json" / "__init__.py");
  }));
}

}  // namespace
}  // namespace guidecheck
