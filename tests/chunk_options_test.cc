#include "chunk_options.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

using Lines = std::vector<std::string>;

TEST(ChunkOptionsTest, QuartoEvalFalseAmongTheOpeningOptionLines) {
  EXPECT_EQ(unevaluated_reason("{python}", {}, Lines{"#| label: load", "#| eval: false", "x = 1"}),
            "not run: the chunk says eval: false");
  EXPECT_TRUE(unevaluated_reason("{python}", {}, Lines{"#|eval:False", "x = 1"}));
  EXPECT_FALSE(unevaluated_reason("{python}", {}, Lines{"#| eval: true", "x = 1"}));
  EXPECT_FALSE(unevaluated_reason("{python}", {}, Lines{"#| echo: false", "x = 1"}));
  // Options open the chunk: a comment further down is the code's own.
  EXPECT_FALSE(unevaluated_reason("python", {}, Lines{"x = 1", "#| eval: false"}));
  EXPECT_FALSE(unevaluated_reason("python", {}, Lines{"#| evaluate: false", "x = 1"}));
}

TEST(ChunkOptionsTest, KnitrEvalFalseInTheFenceHeader) {
  EXPECT_EQ(unevaluated_reason("{python load, eval=FALSE}", {}, Lines{"x = 1"}), "not run: the chunk says eval=FALSE");
  EXPECT_TRUE(unevaluated_reason("{python, echo=TRUE, eval = F}", {}, Lines{"x = 1"}));
  EXPECT_FALSE(unevaluated_reason("{python revenue, echo=TRUE}", {}, Lines{"x = 1"}));
  EXPECT_FALSE(unevaluated_reason("{python, eval=TRUE}", {}, Lines{"x = 1"}));
  EXPECT_FALSE(unevaluated_reason("{python, evaluate=FALSE}", {}, Lines{"x = 1"}));
}

TEST(ChunkOptionsTest, MystSkipExecutionTag) {
  EXPECT_EQ(unevaluated_reason("{code-cell} ipython3", Lines{":tags: [skip-execution]"}, Lines{"%pip install x"}),
            "not run: the cell is tagged skip-execution");
  EXPECT_TRUE(unevaluated_reason("{code-cell}", Lines{"---", "tags: [hide-input, skip-execution]", "---"}, Lines{"x"}));
  EXPECT_FALSE(unevaluated_reason("{code-cell}", Lines{":tags: [raises-exception]"}, Lines{"1/0"}));
}

}  // namespace
}  // namespace guidecheck
