#include "static_site_tags.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

TEST(StaticSiteTagsTest, JekyllAndHugoHighlightTagsBecomeFencesLineForLine) {
  EXPECT_EQ(highlight_tags_as_fences({"{% highlight python linenos %}", "print(1)", "{% endhighlight %}"}),
            (Lines{"```python", "print(1)", "```"}));
  EXPECT_EQ(highlight_tags_as_fences({"  {%- highlight text -%}", "1", "{%- endhighlight -%}"}),
            (Lines{"```text", "1", "```"}));
  EXPECT_EQ(highlight_tags_as_fences({"{{< highlight python \"linenos=table,hl_lines=2\" >}}", "x = 1", "print(x)",
                                      "{{< /highlight >}}"}),
            (Lines{"```python", "x = 1", "print(x)", "```"}));
  EXPECT_EQ(highlight_tags_as_fences({"{{% highlight \"pycon\" %}}", ">>> 1", "1", "{{% /highlight %}}"}),
            (Lines{"```pycon", ">>> 1", "1", "```"}));
}

// Liquid's raw tags render as nothing, in a highlight block or out of one;
// a fence the code itself shows gets a longer fence around it.
TEST(StaticSiteTagsTest, RawTagsVanishAndFencesInsideGetALongerOne) {
  EXPECT_EQ(highlight_tags_as_fences({"{% raw %}", "{% highlight python %}", "{% raw %}", "print(f'{{1}}')",
                                      "{% endraw %}", "{% endhighlight %}", "{% endraw %}"}),
            (Lines{"", "```python", "", "print(f'{{1}}')", "", "```", ""}));
  EXPECT_EQ(highlight_tags_as_fences({"{% highlight markdown %}", "```python", "x", "```", "{% endhighlight %}"}),
            (Lines{"````markdown", "```python", "x", "```", "````"}));
}

TEST(StaticSiteTagsTest, FoldingTagsShowTheirSummary) {
  EXPECT_EQ(highlight_tags_as_fences({"{% details Click to see the output %}", "", "```text", "1", "```", "",
                                      "{% enddetails %}", "{% spoiler Answer %}", "{% endspoiler %}"}),
            (Lines{"Click to see the output", "", "```text", "1", "```", "", "", "Answer", ""}));
  EXPECT_EQ(highlight_tags_as_fences({"{% detailsx %}", "{% endcollapsible %}"}), (Lines{"{% detailsx %}", ""}));
}

// A tag without its closing tag, a tag in prose and tags a fence shows (a
// post about Jekyll itself) stay as written.
TEST(StaticSiteTagsTest, UnpairedTagsAndTagsInsideFencesStayAsTheyAre) {
  const Lines unpaired = {"{% highlight python %}", "print(1)"};
  EXPECT_EQ(highlight_tags_as_fences(unpaired), unpaired);
  const Lines shown = {"```liquid", "{% highlight python %}", "print(1)", "{% endhighlight %}", "```"};
  EXPECT_EQ(highlight_tags_as_fences(shown), shown);
  const Lines prose = {"Wrap code in {% highlight python %} tags.", "{% include footer.html %}"};
  EXPECT_EQ(highlight_tags_as_fences(prose), prose);
}

}  // namespace
}  // namespace guidecheck
