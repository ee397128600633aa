#include "typed_input.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Answers = std::vector<TypedAnswer>;

Sample sample_with(const std::string& source, const std::string& claimed) {
  Sample sample;
  sample.source = source;
  Claim claim;
  claim.kind = ClaimKind::kOutput;
  claim.form = ClaimForm::kOutputBlock;
  claim.text = claimed;
  sample.claims.push_back(claim);
  return sample;
}

TEST(TypedInputTest, TheRestOfALineAfterAPromptIsWhatWasTyped) {
  const Sample sample = sample_with("name = input('Enter your name: ')\nlast = input(\"Last name: \")\nprint(name)\n",
                                    "Enter your name: Alice\nLast name: Smith\nAlice");
  EXPECT_EQ(typed_answers(sample), (Answers{{"Enter your name: ", "Alice"}, {"Last name: ", "Smith"}}));
  EXPECT_EQ(typed_stdin(typed_answers(sample)), "Alice\nSmith\n");
}

TEST(TypedInputTest, APromptInALoopAnswersEveryTimeItIsShown) {
  const Sample sample = sample_with("while (w := input('> ')) != 'quit':\n    print(w.upper())\n", "> hi\nHI\n> quit");
  EXPECT_EQ(typed_answers(sample), (Answers{{"> ", "hi"}, {"> ", "quit"}}));
}

TEST(TypedInputTest, APageThatDroppedThePromptsTrailingBlankStillShowsTheAnswer) {
  const Sample sample = sample_with("n = int(input('Number: '))\nprint(n * 2)\n", "Number:7\n14");
  EXPECT_EQ(typed_answers(sample), (Answers{{"Number: ", "7"}}));
}

TEST(TypedInputTest, NothingToTypeWithoutALiteralPromptOrAShownAnswer) {
  EXPECT_TRUE(typed_answers(sample_with("x = input()\nprint(x)\n", "hello")).empty());
  EXPECT_TRUE(typed_answers(sample_with("x = input(f'{n}: ')\nprint(x)\n", "3: a")).empty());
  EXPECT_TRUE(typed_answers(sample_with("x = input('Name: ')\nprint(x)\n", "Hello")).empty());
  EXPECT_TRUE(typed_answers(sample_with("x = raw_input('Name: ')\n", "Name: Bo")).empty());
}

TEST(TypedInputTest, TheEchoGoesBackAfterEachPromptInStdoutPiecesAndStatements) {
  RunOutcome outcome;
  outcome.stdout_text = "Name: Age: Hi Bo, 31\n";
  outcome.pieces = {{1, "Name: ", 1}, {2, "Age: ", 2}, {3, "Hi Bo, 31\n", 3}};
  outcome.statements = {{1, 1, true, "Name: "}, {2, 2, true, "Age: "}, {3, 3, true, "Hi Bo, 31\n"}};
  echo_typed_input({{"Name: ", "Bo"}, {"Age: ", "30"}}, &outcome);
  EXPECT_EQ(outcome.stdout_text, "Name: Bo\nAge: 30\nHi Bo, 31\n");
  EXPECT_EQ(outcome.pieces[0].bytes, "Name: Bo\n");
  EXPECT_EQ(outcome.pieces[1].bytes, "Age: 30\n");
  EXPECT_EQ(outcome.statements[1].stdout_text, "Age: 30\n");
}

TEST(TypedInputTest, APromptTheRunNeverShowedEndsTheEcho) {
  RunOutcome outcome;
  outcome.stdout_text = "Name: ";
  echo_typed_input({{"Name: ", "Bo"}, {"Age: ", "30"}}, &outcome);
  EXPECT_EQ(outcome.stdout_text, "Name: Bo\n");
}

}  // namespace
}  // namespace guidecheck
