#include "distribution_version.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "embedded_python.h"
#include "temp_dir.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

class DistributionVersionTest : public ::testing::Test {
 protected:

  std::string dir(const std::string& name) {
    fs::create_directories(base_ / name);
    return (base_ / name).string();
  }
  void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  TempDir temp_{"distribution_version_test"};
  const fs::path& base_ = temp_.path();
};

TEST(DistributionNameTest, NormalisesAsPep503) {
  EXPECT_EQ(normalized_distribution_name("Typing.Extensions"), "typing_extensions");
  EXPECT_EQ(normalized_distribution_name("ruamel--yaml_clib"), "ruamel_yaml_clib");
  EXPECT_EQ(normalized_distribution_name("pandas"), "pandas");
}

TEST(MetadataVersionTest, ReadsTheVersionHeaderOnly) {
  EXPECT_EQ(metadata_version("Metadata-Version: 2.1\nName: pytest\nVersion: 7.2.1\nSummary: x\n"), "7.2.1");
  EXPECT_EQ(metadata_version("Name: x\r\nversion:  1.0 \r\n"), "1.0");
  // "Version:" in the description, after the headers, is not the version.
  EXPECT_EQ(metadata_version("Name: x\n\nVersion: 9.9\n"), std::nullopt);
  EXPECT_EQ(metadata_version("Name: x\nMetadata-Version: 2.1\n"), std::nullopt);
}

TEST_F(DistributionVersionTest, FindsDistInfoEggInfoDirectoryAndEggInfoFile) {
  const std::string site = dir("site");
  write(base_ / "site/Typing_Extensions-4.4.0.dist-info/METADATA", "Name: typing_extensions\nVersion: 4.4.0\n");
  write(base_ / "site/pandas-1.5.3.egg-info/PKG-INFO", "Name: pandas\nVersion: 1.5.3\n");
  write(base_ / "site/six-1.16.0.egg-info", "Metadata-Version: 1.1\nName: six\nVersion: 1.16.0\n");
  EXPECT_EQ(distribution_version("typing-extensions", {site}), "4.4.0");
  EXPECT_EQ(distribution_version("Pandas", {site}), "1.5.3");
  EXPECT_EQ(distribution_version("six", {site}), "1.16.0");
  EXPECT_EQ(distribution_version("numpy", {site}), std::nullopt);
  // A name that only begins like another's is not it.
  EXPECT_EQ(distribution_version("pand", {site}), std::nullopt);
}

TEST_F(DistributionVersionTest, TheFirstDirectoryOnThePathWins) {
  const std::string first = dir("first"), second = dir("second");
  write(base_ / "second/numpy-1.24.2.dist-info/METADATA", "Name: numpy\nVersion: 1.24.2\n");
  EXPECT_EQ(distribution_version("numpy", {"", (base_ / "missing").string(), first, second}), "1.24.2");
  write(base_ / "first/numpy-2.0.0.dist-info/METADATA", "Name: numpy\nVersion: 2.0.0\n");
  EXPECT_EQ(distribution_version("numpy", {first, second}), "2.0.0");
}

TEST_F(DistributionVersionTest, AnEntryWithoutAVersionIsPassedOver) {
  const std::string site = dir("site");
  write(base_ / "site/broken-1.0.dist-info/RECORD", "");
  EXPECT_EQ(distribution_version("broken", {site}), std::nullopt);
}

// The same answers as importlib.metadata, for what this machine has.
TEST(InstalledVersionTest, AgreesWithImportlibMetadata) {
  for (const char* name : {"pytest", "numpy", "pandas", "no-such-distribution-here"}) {
    const std::string command = std::string(GUIDECHECK_PYTHON_EXECUTABLE) +
                                " -c \"import importlib.metadata as m, sys\ntry: print(m.version(sys.argv[1]))\n"
                                "except m.PackageNotFoundError: print('-')\" " + name;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    ASSERT_TRUE(pipe);
    std::array<char, 128> buffer{};
    std::string expected;
    while (fgets(buffer.data(), buffer.size(), pipe.get())) expected += buffer.data();
    while (!expected.empty() && expected.back() == '\n') expected.pop_back();
    const std::optional<std::string> found = installed_version(name);
    EXPECT_EQ(found.value_or("-"), expected) << name;
  }
}

}  // namespace
}  // namespace guidecheck
