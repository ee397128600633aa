#include "fence_info.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(FenceInfoTest, LanguageIsTheFirstWord) {
  EXPECT_EQ(fence_language("python"), "python");
  EXPECT_EQ(fence_language("Python title=\"x.py\""), "python");
  EXPECT_EQ(fence_language("{.python .numberLines}"), "python");
  EXPECT_EQ(fence_language("{python}"), "python");
  EXPECT_EQ(fence_language("py:main.py"), "py");
  EXPECT_EQ(fence_language("python3,linenums"), "python3");
  EXPECT_EQ(fence_language(""), "");
  EXPECT_EQ(fence_language("{python revenue, echo=TRUE}"), "python");  // knitr
}

// Pandoc's attribute braces (MkDocs Material and Quarto take them too): the
// first class is the language, wherever it stands among them.
TEST(FenceInfoTest, TheFirstClassInAttributeBracesIsTheLanguage) {
  EXPECT_EQ(fence_language("{ .python .annotate }"), "python");
  EXPECT_EQ(fence_language("{#listing-2 .Python}"), "python");
  EXPECT_EQ(fence_language("{ .text }"), "text");
  EXPECT_EQ(fence_role("{ .python .annotate }"), FenceRole::kPython);
  EXPECT_EQ(fence_role("{ .pycon }"), FenceRole::kSession);
  EXPECT_EQ(fence_language("{python echo=TRUE, fig.cap='a.b'}"), "python");  // knitr: no class
  EXPECT_EQ(fence_language("{code-cell} ipython3"), "ipython3");            // MyST: no class
}

TEST(FenceInfoTest, MystCodeDirectivesNameTheLanguageAfterTheBraces) {
  EXPECT_EQ(fence_language("{code-cell} ipython3"), "ipython3");
  EXPECT_EQ(fence_language("{code-cell}"), "python");
  EXPECT_EQ(fence_language("{code-block} text"), "text");
  EXPECT_EQ(fence_language("{code} python"), "python");
  EXPECT_EQ(fence_language("{note}"), "note");
  EXPECT_EQ(fence_role("{code-cell} python3"), FenceRole::kPython);
  EXPECT_EQ(fence_role("{code-block} text"), FenceRole::kOutput);
  EXPECT_EQ(fence_role("{code-block} yaml"), FenceRole::kOther);
  EXPECT_EQ(fence_role("{note}"), FenceRole::kOther);
  EXPECT_EQ(myst_directive("{note}"), "note");
  EXPECT_EQ(myst_directive("{code-cell} ipython3"), "code-cell");
  EXPECT_EQ(myst_directive("{prf:theorem}"), "prf:theorem");
  EXPECT_EQ(myst_directive("{python label, echo=TRUE}"), "");
  EXPECT_EQ(myst_directive("{.python}"), "");
  EXPECT_EQ(myst_directive("python"), "");
}

TEST(FenceInfoTest, Roles) {
  for (const char* info : {"python", "py", "python3", "py3", "ipython", "ipython3", "PY", "python hl_lines=\"2\""})
    EXPECT_EQ(fence_role(info), FenceRole::kPython) << info;
  for (const char* info : {"pycon", "pycon3", "python-console", "python-repl"})
    EXPECT_EQ(fence_role(info), FenceRole::kSession) << info;
  EXPECT_EQ(fence_role(""), FenceRole::kUntagged);
  EXPECT_EQ(fence_role("  "), FenceRole::kUntagged);
  for (const char* info : {"text", "output", "console", "none", "plain", "plaintext", "txt", "stdout", "out",
                           "shell-session", "sh-session", "pytb", "stderr", "terminal"})
    EXPECT_EQ(fence_role(info), FenceRole::kOutput) << info;
  for (const char* info : {"shell", "bash", "sh", "json", "toml", "yaml", "pythonic", "{}", "c++", "!"})
    EXPECT_EQ(fence_role(info), FenceRole::kOther) << info;
}


TEST(FenceInfoTest, TitleAttribute) {
  EXPECT_EQ(fence_title("bash title=\"Output\""), "Output");
  EXPECT_EQ(fence_title("python title='app.py' showLineNumbers"), "app.py");
  EXPECT_EQ(fence_title("{ .python .annotate title=\"perm.py\" }"), "perm.py");
  EXPECT_EQ(fence_title("text title=Output"), "Output");
  EXPECT_EQ(fence_title("python subtitle=\"x\""), "");
  EXPECT_EQ(fence_title("python"), "");
}

}  // namespace
}  // namespace guidecheck
