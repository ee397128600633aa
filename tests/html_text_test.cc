#include "html_text.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(HtmlTextTest, DecodesTheReferencesPagesUse) {
  EXPECT_EQ(decode_html_entities("&lt;class &#39;int&#39;&gt;"), "<class 'int'>");
  EXPECT_EQ(decode_html_entities("a &amp;&amp; b, &quot;x&quot;, &apos;y&#x27;"), "a && b, \"x\", 'y'");
  EXPECT_EQ(decode_html_entities("a&nbsp;&nbsp;1"), "a  1");
  EXPECT_EQ(decode_html_entities("&#233;t&#xE9;"), "\xC3\xA9t\xC3\xA9");
}

TEST(HtmlTextTest, LeavesWhatIsNoKnownReferenceAsWritten) {
  EXPECT_EQ(decode_html_entities("AT&T & co"), "AT&T & co");
  EXPECT_EQ(decode_html_entities("&copy2 &lt &#; &#x; &#12"), "&copy2 &lt &#; &#x; &#12");
  EXPECT_EQ(decode_html_entities("&#0;"), "\xEF\xBF\xBD");
}

TEST(HtmlTextTest, StripsInlineTagsButKeepsOtherAngleBrackets) {
  EXPECT_EQ(strip_inline_tags("<code class=\"language-text\">x = 1</code>"), "x = 1");
  EXPECT_EQ(strip_inline_tags("<b>bold</b> <SPAN title='a>b'>s</SPAN><br/>"), "bold s");
  EXPECT_EQ(strip_inline_tags("<class 'int'> <__main__.Foo object> a < b"), "<class 'int'> <__main__.Foo object> a < b");
  EXPECT_EQ(strip_inline_tags("<codec> <b"), "<codec> <b");
}

TEST(HtmlTextTest, ShownTextStripsBeforeDecoding) {
  // An escaped tag is text: it survives.
  EXPECT_EQ(html_shown_text("<code>&lt;code&gt; &amp;lt;</code>"), "<code> &lt;");
}

TEST(HtmlTextTest, EscapingIsUndoneByDecoding) {
  const std::string text = "<Foo a=\"1\"> & 'b' > 2";
  EXPECT_EQ(escape_html_text(text), "&lt;Foo a=\"1\"&gt; &amp; 'b' &gt; 2");
  EXPECT_EQ(decode_html_entities(escape_html_text(text)), text);
}

}  // namespace
}  // namespace guidecheck
