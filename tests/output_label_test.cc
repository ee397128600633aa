#include "output_label.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

TEST(OutputLabelTest, LabelsThatIntroduceOutput) {
  for (const char* label : {"Output:", "Output", "output", "Result:", "Result", "This prints:", "Prints:",
                            "which prints:", "Expected output:", "Expected output", "Sample output",
                            "The code above returns:", "Running it gives:", "It displays the following:",
                            "This produces:", "  Outputs:  ", "When you run this, the output is:",
                            "You should see:", "and you'll get", "Running this will print:",
                            "Click to see the output \xF0\x9F\x91\x80" /* 👀 */, "Output: \xE2\x9C\xA8\xEF\xB8\x8F" /* ✨️ */})
    EXPECT_TRUE(is_output_label(label)) << label;
}

TEST(OutputLabelTest, LabelsInOtherLanguages) {
  for (const char* label : {"Salida:", "**Resultado:**", "La salida es:", "Esto imprime:", "Ausgabe", "Ausgabe:",
                            "Das Ergebnis ist:", "Sortie :", "Ce code affiche :", "On obtient :", "Sa\xC3\xAD" "da:",
                            "\xE8\xBE\x93\xE5\x87\xBA\xEF\xBC\x9A" /* 输出： */,
                            "\xE5\xAE\x9F\xE8\xA1\x8C\xE7\xB5\x90\xE6\x9E\x9C" /* 実行結果 */,
                            "\xD0\x92\xD1\x8B\xD0\xB2\xD0\xBE\xD0\xB4:" /* Вывод: */})
    EXPECT_TRUE(is_output_label(label)) << label;
  for (const char* text : {"Ejemplo:", "Hinweis:", "Remarque :", "La salida depende de la entrada."})
    EXPECT_FALSE(is_output_label(text)) << text;
}

TEST(OutputLabelTest, ParagraphsThatAreNotLabels) {
  for (const char* text : {"", "Given the input:", "Next, define a class:", "The output", "Here is some output.",
                           "Prints the list", "Try it:", "Print the total:", "Now print it:",
                           "This is a much longer sentence that happens to mention output and keeps going on and on:"})
    EXPECT_FALSE(is_output_label(text)) << text;
}

TEST(OutputLabelTest, LeadInsWithoutAColonThatBreakOffWhereTheOutputStarts) {
  for (const char* text : {"which prints", "This prints", "Running it gives", "The output is", "and the result is",
                           "Running it results in", "It displays", "The script outputs", "which prints...",
                           "This prints the following", "The output looks like this", "The result will be",
                           "Here the function returns", "and this will print", "Output below", "which gives me",
                           "and it shows us"})
    EXPECT_TRUE(is_output_label(text)) << text;
}

TEST(OutputLabelTest, SentencesThatOnlyMentionOutputAreNoLeadIns) {
  for (const char* text : {
           "This prints nothing.", "which prints the list", "The function returns a list of names.",
           "The output is sorted", "Results vary", "It returns None, so nothing is shown.",
           // Long prose that names output in passing.
           "The output of the function depends on the locale, which is why the test below pins it to C and prints",
           "Sets have no order, so what a set prints depends on the hash of its items and the output is"})
    EXPECT_FALSE(is_output_label(text)) << text;
}

TEST(OutputLabelTest, CallsToLookAtTheOutputAsACollapsedBlockTitlesIt) {
  for (const char* text : {"Show output", "Click to see the output", "View the result", "Show/hide output",
                           "Expand to see the full output", "Click here to view the expected output"})
    EXPECT_TRUE(is_output_label(text)) << text;
  for (const char* text : {"Solution", "Hint", "Show solution", "Show the code", "Click to expand",
                           "Show me how the output is built", "See the docs for the result"})
    EXPECT_FALSE(is_output_label(text)) << text;
}

TEST(OutputLabelTest, TheLastSentenceOfAParagraphLeadsIn) {
  EXPECT_TRUE(is_output_label("Sets have no order. Sorting them first gives:"));
  EXPECT_TRUE(is_output_label("The template is filled in twice, which prints"));
  EXPECT_TRUE(is_output_label("Both calls are made with the same template. Running it gives"));
  EXPECT_FALSE(is_output_label("Running it gives a dict. Keys are strings."));
  EXPECT_FALSE(is_output_label("It prints the total. Then define a class:"));
}

TEST(OutputLabelTest, ADashOrArrowEndsALabelAsAColonDoes) {
  for (const char* text : {"It will produce the following output \xE2\x88\x92",
                           "When the above code is executed, it produces the following result \xE2\x88\x92",
                           "Output \xE2\x80\x94", "This prints ->", "Result -"})
    EXPECT_TRUE(is_output_label(text)) << text;
  for (const char* text : {"Print the total \xE2\x88\x92", "Next, define a class \xE2\x80\x94", "read-only -",
                           "\xE2\x86\x92"})
    EXPECT_FALSE(is_output_label(text)) << text;
}

TEST(OutputLabelTest, AFinishedSentenceThatPointsAheadLeadsIn) {
  for (const char* text : {"The output is as follows.", "The above program prints the following.",
                           "The result is shown below.", "Running it, we get the following."})
    EXPECT_TRUE(is_output_label(text)) << text;
  for (const char* text : {"This prints nothing.", "The output is explained below.", "See the following.",
                           "The function returns a list, as the example below shows."})
    EXPECT_FALSE(is_output_label(text)) << text;
}

}  // namespace
}  // namespace guidecheck
