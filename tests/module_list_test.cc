#include "module_list.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(ModuleListTest, SplitsOnCommasAndDropsEmptyNames) {
  EXPECT_EQ(split_module_list("numpy,pandas,pytest"), (std::vector<std::string>{"numpy", "pandas", "pytest"}));
  EXPECT_EQ(split_module_list(",json,,os.path,"), (std::vector<std::string>{"json", "os.path"}));
  EXPECT_TRUE(split_module_list("").empty());
}

TEST(ModuleListTest, JoinedListsSplitBackWhole) {
  const std::vector<std::string> modules = {"numpy", "pandas"};
  EXPECT_EQ(join_module_list(modules), "numpy,pandas");
  EXPECT_EQ(split_module_list(join_module_list(modules)), modules);
  EXPECT_EQ(join_module_list({}), "");
}

}  // namespace
}  // namespace guidecheck
