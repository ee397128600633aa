#include "claim_markers.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace guidecheck {
namespace {

TEST(ClaimMarkersTest, ChevronMarksOutput) {
  auto marked = marked_output("> [1, 2]");
  ASSERT_TRUE(marked);
  EXPECT_EQ(marked->text, "[1, 2]");
  EXPECT_EQ(marked->marker->name, "pytest-examples #>");
  EXPECT_EQ(marked->marker->written_prefix, "> ");
}

TEST(ClaimMarkersTest, ChevronKeepsIndentationAfterItsOneSpace) {
  EXPECT_EQ(marked_output(">    a  b  ")->text, "   a  b");
  EXPECT_EQ(marked_output(">")->text, "");
}

TEST(ClaimMarkersTest, OrdinaryCommentsAreNotMarked) {
  EXPECT_FALSE(marked_output(" [1, 2]"));
  EXPECT_FALSE(marked_output(" > a quotation"));
  EXPECT_FALSE(marked_output(">> nested quote"));
  EXPECT_FALSE(marked_output(""));
}

TEST(ClaimMarkersTest, LabelsMarkTheirValue) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {" Output: 3", "3"},          {"output:1", "1"},          {" outputs: x", "x"},
      {" Out: HELLO, SAM!", "HELLO, SAM!"}, {" Out[12]: 42", "42"},   {" prints abab", "abab"},
      {" Prints: [8, 8]", "[8, 8]"}, {" printed: ok ", "ok"},    {" Expected output: 4", "4"},
      {" Sample Output: a b", "a b"}, {" Result: None", "None"}, {" stdout: done", "done"},
      {" Prints 832040", "832040"}, {" Output -> True", "True"}, {"Output->{'a': 1}", "{'a': 1}"},
      {" Result => 3", "3"},
      {" Output:", ""},              {" Output", ""},            {" OUTPUT :", ""},
  };
  for (const auto& [comment, value] : cases) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
    EXPECT_EQ(marked->marker->placement, MarkerPlacement::kFirstLine) << comment;
    EXPECT_EQ(marked->marker->scope, MarkerScope::kSincePreviousClaim) << comment;
  }
}

TEST(ClaimMarkersTest, AQuizAnswerLabelsWhatTheCodePrintsButNotAChoice) {
  for (const char* comment : {" Answer: {'a': 10, 'b': 2}", "Answer: 3"}) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_NE(marked->text.find_first_of("{3"), std::string_view::npos) << comment;
  }
  for (const char* comment : {" Answer: B", "Answer: b)", "Answer: (c)", "Answer: D. TypeError", "Answer: Option A",
                              " Answer the question below", " Answers vary"})
    EXPECT_FALSE(marked_output(comment)) << comment;
}

TEST(ClaimMarkersTest, VerbsNameAnExpressionsValue) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {" returns '  1,999.50 EUR'", "'  1,999.50 EUR'"}, {" Returns: 4", "4"}, {" gives [1, 2]", "[1, 2]"},
      {" evaluates to True", "True"}, {" returns None", "None"}};
  for (const auto& [comment, value] : cases) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
  }
  for (const char* comment : {" returns the total", " Returns:", " returns", " gives up after three tries",
                              " Returns a list of users", " evaluates lazily", " returned 3"})
    EXPECT_FALSE(marked_output(comment)) << comment;
}

TEST(ClaimMarkersTest, PhrasesAndOtherWordsAreNoLabels) {
  for (const char* comment : {" prints the sorted list", " prints each item on its own line", " printed twice",
                              " output of the loop", " Out of range", " Outcome: 3", " Results are cached",
                              " Outputs are lists", " Prints a greeting", " Prints Hello to the user", " prints-x", " Out[a]: 1", " Output:: 1", " the output: 3"})
    EXPECT_FALSE(marked_output(comment)) << comment;
}

TEST(ClaimMarkersTest, ArrowsMarkTheValueAfterThem) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {" => 832040", "832040"}, {"=>5", "5"}, {" -> [1, 2]", "[1, 2]"}, {" \xE2\x86\x92 42", "42"}, {" =>", ""},
      {" ==> True", "True"},    {" --> 4", "4"}, {" \xE2\x87\x92 'abc'", "'abc'"}, {" \xE2\x9E\x9C 3", "3"}};
  for (const auto& [comment, value] : cases) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
    EXPECT_EQ(marked->marker->placement, MarkerPlacement::kFirstLine) << comment;
    EXPECT_EQ(marked->marker->scope, MarkerScope::kStatement) << comment;
  }
  for (const char* comment : {" -1", " ->> x", " a -> b", " ===> x", " ---> x", " >= 3", " <=> x"}) EXPECT_FALSE(marked_output(comment)) << comment;
}

TEST(ClaimMarkersTest, EmojiMarkTheValueAfterThem) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {" \xF0\x9F\x91\x89 2 1", "2 1"}, {" \xE2\x9C\x85 True", "True"}, {" \xE2\x9D\x8C False", "False"},
      {" \xE2\x9E\xA1\xEF\xB8\x8F 42", "42"}, {" \xE2\x9D\x8C TypeError: bad operand", "TypeError: bad operand"},
      {" \xF0\x9F\x91\x89 red, green, blue", "red, green, blue"},
      {" \xF0\x9F\x98\xB1 [1, 2, 3]", "[1, 2, 3]"} /* 😱 */, {" \xF0\x9F\x8E\x89 Done!", "Done!"} /* 🎉 */};
  for (const auto& [comment, value] : cases) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
    EXPECT_EQ(marked->marker->scope, MarkerScope::kStatement) << comment;
  }
  // The same signs label code: a judgement, a phrase ending in a colon, or nothing.
  for (const char* comment : {" \xE2\x9D\x8C Bad: builds a new string", " \xE2\x9C\x85 Good:", " \xE2\x9C\x85",
                              " \xE2\x9C\x85 Better - use join", " \xE2\x9C\x85 Works on every version:",
                              " \xE2\x9C\x85 works great", " \xE2\x9D\x8C raises an error here",
                              " \xF0\x9F\x94\xA5 Hot path:", " \xF0\x9F\x98\xB1 surprising but true"})
    EXPECT_FALSE(marked_output(comment)) << comment;
}

TEST(ClaimMarkersTest, LabelsInOtherLanguagesNeedTheirColon) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {" Salida: 42", "42"}, {" resultado: [1, 2]", "[1, 2]"}, {" Ausgabe: 3", "3"}, {" Sortie : 5", "5"},
      {" \xE8\xBE\x93\xE5\x87\xBA\xEF\xBC\x9A" "42", "42"} /* 输出：42 */, {" Salida:", ""}};
  for (const auto& [comment, value] : cases) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
  }
  for (const char* comment : {" salida del programa", " Ausgabe folgt unten", " Sortie du programme"})
    EXPECT_FALSE(marked_output(comment)) << comment;
}

// A cheatsheet's `#:` before a value; Sphinx's `#:` before words documents
// an attribute and is no marker.
TEST(ClaimMarkersTest, AColonTouchingTheHashBeforeAValue) {
  for (const auto& [comment, value] : std::vector<std::pair<const char*, const char*>>{
           {": [2, 3, 4]", "[2, 3, 4]"}, {": 0", "0"}, {":'Q'", "'Q'"}, {": Card(rank='Q')", "Card(rank='Q')"},
           {": None", "None"}, {": -1.5", "-1.5"}}) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
  }
  for (const char* comment : {": Seconds before a retry", ": None of these", ": the default", " : 3"})
    EXPECT_FALSE(marked_output(comment) && marked_output(comment)->marker->name == "#: colon") << comment;
}

// A verb may go without its colon before a value no sentence starts with,
// as "# returns 4" does in English; never before words.
TEST(ClaimMarkersTest, AForeignVerbBeforeAValueNeedsNoColon) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {" devuelve 'desconocida'", "'desconocida'"}, {" imprime 5", "5"}, {" retorna [1, 2]", "[1, 2]"},
      {" affiche None", "None"}, {" affiche Bonjour, Élodie !", "Bonjour, Élodie !"},
      {" выведет {'кот': 3}", "{'кот': 3}"}};
  for (const auto& [comment, value] : cases) {
    auto marked = marked_output(comment);
    ASSERT_TRUE(marked) << comment;
    EXPECT_EQ(marked->text, value) << comment;
  }
  for (const char* comment : {" imprime el total", " devuelve Nones", " muestra la lista", " salida 5", " imprime 5 veces",
                              " affiche la liste triée"})
    EXPECT_FALSE(marked_output(comment)) << comment;
}

TEST(ClaimMarkersTest, OutputLabelsOfPlainLines) {
  EXPECT_EQ(output_label_value("Output: 42"), "42");
  EXPECT_EQ(output_label_value("Expected Output:"), "");
  EXPECT_EQ(output_label_value("Output::"), "");  // reST: a literal block follows
  EXPECT_FALSE(output_label_value("Outputs vary by platform."));
  EXPECT_FALSE(output_label_value("Example:"));
}

TEST(ClaimMarkersTest, EveryConventionHasAWrittenPrefix) {
  for (const ClaimMarker& marker : claim_markers()) {
    EXPECT_FALSE(marker.written_prefix.empty()) << marker.name;
    // What --write-guide writes is read back as the same convention.
    auto marked = marked_output(std::string(marker.written_prefix) + "7");
    ASSERT_TRUE(marked) << marker.name;
    EXPECT_EQ(marked->marker, &marker);
    EXPECT_EQ(marked->text, "7");
  }
}

}  // namespace
}  // namespace guidecheck
