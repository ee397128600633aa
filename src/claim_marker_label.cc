// Output labels in comments, the most common convention of blog posts:
//
//   print(counter())        print(a); print(b)        print(fib(30))  # prints 832040
//   # Output: 3             # Output: 1
//                           #         2
//
// A label is a word that names output (`Output`, `Out`, `Outputs`,
// `Result`, `Prints`, `stdout`, optionally after `Expected`, `Sample`...)
// and a colon (or an arrow: `# Output -> 3`); Jupyter's `Out[3]:` too. The verbs (`prints`, `outputs`, and
// for an expression's value `returns`, `gives`, `evaluates to`) also work
// without the colon ("# prints abab", "f(2)  # returns 4") unless a phrase
// follows rather than a value ("# prints the sorted list" describes the
// output, "# Outputs vary by platform" is a sentence). A label alone
// ("# Output:", "# Output", reST's "Output::") introduces the lines after it.
// A quiz's "Answer:" labels too, unless it picks a choice ("Answer: B").

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "claim_text.h"
#include "claims.h"
#include "output_words.h"

namespace guidecheck {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// After a verb in another language, what a program prints rather than
// words about it: "# affiche Bonjour, Élodie !" (punctuation inside), not
// "# affiche la liste triée" or "# выведет список слов".
bool reads_as_printed_text(std::string_view text) {
  return text.find_first_of(",!?:;()[]{}'\"=") != std::string_view::npos;
}

// Removes `word` (any case) from the front of *s when a non-letter follows it.
bool take_word(std::string_view* s, std::string_view word) {
  if (s->size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower((*s)[i]) != word[i]) return false;
  if (s->size() > word.size()) {
    const char next = lower((*s)[word.size()]);
    if (next >= 'a' && next <= 'z') return false;
  }
  s->remove_prefix(word.size());
  return true;
}

void skip_blanks(std::string_view* s) {
  while (!s->empty() && is_blank(s->front())) s->remove_prefix(1);
}

// Words that start a description of the output, not the output itself.
bool starts_a_phrase(std::string_view value) {
  static constexpr std::array<std::string_view, 46> kPhraseWords = {
      "the",  "a",    "an",    "each",   "every", "all",   "its",   "their", "nothing", "out",    "to",     "in",
      "on",   "for",  "with",  "only",   "both",  "it",    "this",  "that",  "these",   "those",  "whatever", "if",
      "when", "how",  "what",  "which",  "as",    "at",    "from",  "into",  "and",     "twice",  "are",    "is",
      "can",  "will", "may",   "should", "must",  "vary",  "differ", "depend", "look",  "appear"};
  std::size_t end = 0;
  while (end < value.size() && !is_blank(value[end]) && value[end] != ',' && value[end] != ':') ++end;
  std::string word;
  for (char c : value.substr(0, end)) word += lower(c);
  return std::find(kPhraseWords.begin(), kPhraseWords.end(), word) != kPhraseWords.end();
}

// "B", "b)", "(c)", "D. TypeError", "Option B": a multiple-choice pick.
bool names_a_choice(std::string_view value) {
  std::string_view rest = value;
  if (take_word(&rest, "option") || take_word(&rest, "choice")) skip_blanks(&rest);
  if (!rest.empty() && rest.front() == '(') rest.remove_prefix(1);
  if (rest.empty() || lower(rest.front()) < 'a' || lower(rest.front()) > 'f') return false;
  rest.remove_prefix(1);
  return rest.empty() || rest.front() == ')' || rest.front() == '.' || is_blank(rest.front());
}

}  // namespace

std::optional<std::string_view> match_label_marker(std::string_view comment) {
  std::string_view s = comment;
  skip_blanks(&s);
  const bool capitalized = !s.empty() && s.front() >= 'A' && s.front() <= 'Z';
  // "Expected output:", "Sample output:", "Console output:"...
  for (std::string_view qualifier : {"expected", "sample", "example", "actual", "program", "console"}) {
    std::string_view rest = s;
    if (take_word(&rest, qualifier)) {
      skip_blanks(&rest);
      s = rest;
      break;
    }
  }
  std::string_view label;
  for (std::string_view word :
       {"outputs", "output", "out", "results", "result", "prints", "printed", "stdout", "returns", "gives", "answer"}) {
    if (take_word(&s, word)) {
      label = word;
      break;
    }
  }
  if (label.empty()) {  // "# Salida: 42", "# Ausgabe: 3", "# 输出：42"
    std::size_t end = 0;
    while (end < s.size() && !is_blank(s[end]) && s[end] != ':' && !s.substr(end).starts_with(kFullWidthColon)) ++end;
    std::string word;
    for (char c : s.substr(0, end)) word += lower(c);
    if (end > 0 && (is_foreign_output_noun(word) || is_foreign_showing_verb(word))) {
      label = "foreign";
      s.remove_prefix(end);
      skip_blanks(&s);
      // With a colon ("Sortie : 5", with the French space before it); a
      // verb also before one whole literal ("# devuelve 'hola'", "# imprime
      // 5"), as "# returns 4" in English, never before words ("5 veces").
      if (s.starts_with(kFullWidthColon)) return trim(s.substr(kFullWidthColon.size()));
      if (is_cjk_output_topic(word) && !trim(s).empty()) return trim(s);  // "結果は 10": the result is 10
      if (is_foreign_showing_verb(word) && (is_one_literal(trim(s)) || reads_as_printed_text(trim(s))))
        return trim(s);
      if (!s.starts_with(':') || s.starts_with("::")) return s.starts_with("::") && trim(s.substr(2)).empty()
                                                              ? std::optional<std::string_view>(std::string_view())
                                                              : std::nullopt;
      return trim(s.substr(1));
    }
  }
  if (label.empty()) {  // "# evaluates to 42"
    std::string_view rest = s;
    if (take_word(&rest, "evaluates")) {
      skip_blanks(&rest);
      if (take_word(&rest, "to")) {
        label = "evaluates to";
        s = rest;
      }
    }
  }
  if (label.empty()) return std::nullopt;
  if (label == "out" && !s.empty() && s.front() == '[') {  // Jupyter's Out[3]:
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos || close < 2) return std::nullopt;
    if (!std::all_of(s.begin() + 1, s.begin() + static_cast<long>(close), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    s.remove_prefix(close + 1);
  }
  skip_blanks(&s);
  // An expression's value is named, never introduced: "# Returns:" heads a
  // description of a function more often than output.
  const bool names_a_value = label == "returns" || label == "gives" || label == "evaluates to";
  if (names_a_value) {
    if (!s.empty() && s.front() == ':') s.remove_prefix(1);
    skip_blanks(&s);
    if (trim(s).empty() || starts_a_phrase(s) || looks_like_prose(trim(s))) return std::nullopt;
    return trim(s);
  }
  // A quiz's "Answer: {1: 'yes'}" shows what the code prints; "Answer: B" picks a choice.
  if (label == "answer" && (s.empty() || s.front() != ':' || names_a_choice(trim(s.substr(1)))))
    return std::nullopt;
  if (s.empty()) return s;  // the label alone
  // "# Output -> True", "#Output->{...}": an arrow stands for the colon.
  for (std::string_view arrow : {"->", "=>", "\xE2\x86\x92"})
    if (s.substr(0, arrow.size()) == arrow) return trim(s.substr(arrow.size()));
  if (s.front() == ':') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == ':') {  // reST's "Output::": a literal block follows
      s.remove_prefix(1);
      return trim(s).empty() ? std::optional<std::string_view>(trim(s)) : std::nullopt;
    }
    return trim(s);
  }
  // Without a colon only a verb labels, and only a value (not a phrase)
  // after it; "Prints the list" and "Outputs vary" open sentences.
  const bool verb = label == "prints" || label == "outputs";
  if (verb && is_blank(s.data()[-1]) && !starts_a_phrase(s) && (!capitalized || !looks_like_prose(trim(s))))
    return trim(s);
  return std::nullopt;
}

}  // namespace guidecheck
