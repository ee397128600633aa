#include "page_widgets.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(PageWidgetsTest, ButtonsATutorialSiteLeavesInACopyOfItsPage) {
  for (const char* line : {"Run Code", "run code", "  Try it Yourself \xC2\xBB  ", "Try it Yourself", "Show Answer",
                           "Hide Solution", "Copy code", "Copied!", "\xE2\x96\xB6 Run", "Open in Colab"})
    EXPECT_TRUE(is_page_widget(line)) << line;
}

// What ends a copied page's last output: its navigation and ad slots.
TEST(PageWidgetsTest, NavigationAndAdvertisementsAreWidgetsToo) {
  for (const char* line : {"Open Compiler", "Print Page", "Previous Page", "Next Page", "Advertisements",
                           "ADVERTISEMENT", "\xE2\x9D\xAE Previous Next \xE2\x9D\xAF"})
    EXPECT_TRUE(is_page_widget(line)) << line;
  for (const char* line : {"Next", "Previous", "Page 2", "Next page of results: 3"})
    EXPECT_FALSE(is_page_widget(line)) << line;
}

TEST(PageWidgetsTest, HeadingsProseAndOutputAreNone) {
  // One word could head a section ("Copy"), and output may say anything longer.
  for (const char* line : {"Copy", "Run", "Output", "Run Code to see the result", "print('Run Code')", "", "Answer"})
    EXPECT_FALSE(is_page_widget(line)) << line;
}

}  // namespace
}  // namespace guidecheck
