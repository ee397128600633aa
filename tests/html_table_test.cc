#include "html_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

TEST(HtmlTableTest, OnlyPandasTablesAreDataFrames) {
  EXPECT_TRUE(is_dataframe_table_tag("<table border=\"1\" class=\"dataframe\">"));
  EXPECT_TRUE(is_dataframe_table_tag("<TABLE class='dataframe table-striped'>"));
  EXPECT_FALSE(is_dataframe_table_tag("<table>"));
  EXPECT_FALSE(is_dataframe_table_tag("<table class=\"docutils\">"));
  EXPECT_FALSE(is_dataframe_table_tag("<tablet class=\"dataframe\">"));
}

TEST(HtmlTableTest, RowsReadAsTheLinesTheFramePrints) {
  const std::string html =
      "<table border=\"1\" class=\"dataframe\">\n"
      "  <thead>\n"
      "    <tr style=\"text-align: right;\">\n"
      "      <th></th>\n      <th>title</th>\n      <th>days</th>\n"
      "    </tr>\n"
      "    <tr>\n      <th>branch</th>\n      <th></th>\n      <th></th>\n    </tr>\n"  // a named index
      "  </thead>\n"
      "  <tbody>\n"
      "    <tr>\n      <th>North</th>\n      <td>Dune &amp; <b>Emma</b></td>\n      <td>15</td>\n    </tr>\n"
      "    <tr><th>South</th><td>NaN</td><td>21</td></tr>\n"
      "  </tbody>\n"
      "</table>\n"
      "<p>not the table's</p>\n";
  EXPECT_EQ(html_table_rows(html), (Lines{"title  days", "branch", "North  Dune & Emma  15", "South  NaN  21"}));
}

TEST(HtmlTableTest, AnEmptyTableHasNoRows) {
  EXPECT_TRUE(html_table_rows("<table class=\"dataframe\"></table>").empty());
  EXPECT_TRUE(html_table_rows("<table class=\"dataframe\"><tr><th></th></tr></table>").empty());
}

}  // namespace
}  // namespace guidecheck
