// reST pages whose code the documentation build runs: jupyter-sphinx's
// cells and kernels, and the IPython directive's pseudo-decorators.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "continuation.h"
#include "rst_reader.h"

namespace guidecheck {
namespace {

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "guide.rst";
  Extraction extraction = read_rst_guide(text, options);
  link_continuations(&extraction.samples);
  return extraction;
}

TEST(RstReaderExecutedDocsTest, JupyterCellsAreSamplesAndAKernelStartsAfresh) {
  Extraction e = read(
      ".. jupyter-execute::\n"           // 1
      "\n"                               // 2
      "   total = 2\n"                   // 3
      "\n"                               // 4
      ".. jupyter-execute::\n"           // 5
      "   :raises: ValueError\n"         // 6
      "\n"                               // 7
      "   int('x')\n"                    // 8
      "\n"                               // 9
      ".. jupyter-kernel:: python3\n"    // 10
      "\n"                               // 11
      ".. jupyter-execute::\n"           // 12
      "\n"                               // 13
      "   print(total)\n");              // 14
  ASSERT_EQ(e.samples.size(), 3u);
  EXPECT_EQ(e.samples[0].first_line, 3);
  // The error the cell raises by design is its claim.
  ASSERT_EQ(e.samples[1].claims.size(), 1u);
  EXPECT_EQ(e.samples[1].claims[0].kind, ClaimKind::kError);
  EXPECT_EQ(e.samples[1].claims[0].guide_line, 6);
  EXPECT_EQ(e.samples[1].claims[0].anchor_line, 8);
  EXPECT_EQ(e.samples[1].claims[0].text, "ValueError");
  // A new kernel knows nothing of the cells before it.
  EXPECT_TRUE(e.samples[2].fresh_namespace);
  EXPECT_TRUE(e.samples[2].continues.empty());
}

TEST(RstReaderExecutedDocsTest, ACellThatMayRaiseAnythingIsNotRun) {
  Extraction e = read(
      ".. jupyter-execute::\n"  // 1
      "   :raises:\n"           // 2
      "\n"                      // 3
      "   risky()\n");          // 4
  EXPECT_TRUE(e.samples.empty());
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_NE(e.diagnostics[0].find("guide.rst:4: not run: the cell raises by design"), std::string::npos)
      << e.diagnostics[0];
}

TEST(RstReaderExecutedDocsTest, IPythonPseudoDecoratorsAreNoCode) {
  Extraction e = read(
      ".. ipython::\n"                      // 1
      "\n"                                  // 2
      "   @doctest\n"                       // 3
      "   In [1]: 1 + 1\n"                  // 4
      "   Out[1]: 2\n"                      // 5
      "\n"                                  // 6
      ".. ipython::\n"                      // 7
      "\n"                                  // 8
      "   @verbatim\n"                      // 9
      "   In [2]: fetch('https://x')\n"     // 10
      "   Out[2]: 200\n");                  // 11
  ASSERT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.samples[0].style, SampleStyle::kSession);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].guide_line, 5);
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_NE(e.diagnostics[0].find("not run: shown as typed (@verbatim)"), std::string::npos) << e.diagnostics[0];
}

}  // namespace
}  // namespace guidecheck
