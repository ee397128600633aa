#include "output_label.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "output_words.h"
#include "utf8.h"

namespace guidecheck {
namespace {

constexpr std::size_t kMaxLabelWords = 12;     // with a colon
constexpr std::size_t kMaxOpenLeadInWords = 8;  // without one, or telling what you will see

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Output, and verbs of showing it in the third person or past: "gives"
// names output, "give" may be an instruction.
constexpr std::array<std::string_view, 4> kOutputNouns = {"output", "outputs", "result", "results"};
constexpr std::array<std::string_view, 15> kShowingVerbs = {
    "prints",   "printed",  "outputs", "outputted", "gives",    "shows",   "shown",   "displays",
    "displayed", "returns", "returned", "produces", "produced", "yields",  "results"};
// A base form names output only after a subject or modal: "you should see",
// "this will print"; "Print the total:" asks for code.
constexpr std::array<std::string_view, 9> kBaseVerbs = {"print", "show",    "display", "return", "give",
                                                         "produce", "see", "get",     "output"};
constexpr std::array<std::string_view, 11> kSubjects = {"will", "would", "should", "ll",    "must", "might",
                                                         "may",  "can",   "could",  "you",   "we"};
// What may trail an unfinished lead-in: "prints the following", "is below".
constexpr std::array<std::string_view, 17> kTrailing = {"the",  "following", "as",      "follows", "below",
                                                         "this", "these",     "here",    "something", "similar",
                                                         "like", "out",       "exactly", "then",    "me",
                                                         "us",   "you"};
// What joins the noun to the output that follows: "The output is".
constexpr std::array<std::string_view, 14> kCopulas = {"is",    "are",  "was",   "were",   "be",
                                                        "looks", "look", "reads", "will",   "should",
                                                        "es",    "ist",  "est",   "\xC3\xA9" /* é */};

// Bytes of UTF-8 sequences are letters too: "résultat", "Ausgabe", "输出".
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<std::string> lowercase_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_letter(c)) {
      word += lower(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The text after the last sentence end ("Sets have no order. Sorting
// gives:" leads in with its last sentence).
std::string_view last_sentence(std::string_view text) {
  for (std::size_t k = text.size(); k-- > 1;) {
    const char c = text[k - 1];
    if ((c == '.' || c == '!' || c == '?') && (text[k] == ' ' || text[k] == '\n')) return trim(text.substr(k));
  }
  return text;
}

bool is_bare_label(const std::vector<std::string>& words) {
  static constexpr std::array<std::string_view, 8> kBare = {"output", "outputs", "out",    "result",
                                                            "results", "prints", "printed", "console"};
  static constexpr std::array<std::string_view, 3> kQualifiers = {"expected", "sample", "example"};
  if (words.size() == 1) return one_of(kBare, words[0]) || is_foreign_output_noun(words[0]);
  return words.size() == 2 && one_of(kQualifiers, words[0]) && (words[1] == "output" || words[1] == "result");
}

bool names_output(const std::vector<std::string>& words) {
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (one_of(kOutputNouns, words[k]) || one_of(kShowingVerbs, words[k]) || is_foreign_output_noun(words[k]) ||
        is_foreign_showing_verb(words[k]))
      return true;
    if (k > 0 && one_of(kBaseVerbs, words[k]) && one_of(kSubjects, words[k - 1])) return true;
  }
  return false;
}

// "Show output", "Click to see the output": a collapsed block's title (an
// HTML `<summary>`) or a link that reveals the output, every word a call to
// look or a filler, the last the noun. "The output" alone is no call.
bool calls_to_see_output(const std::vector<std::string>& words) {
  static constexpr std::array<std::string_view, 10> kLook = {"show", "see",    "view", "hide", "reveal",
                                                             "expand", "toggle", "click", "tap", "open"};
  static constexpr std::array<std::string_view, 10> kFiller = {"to",  "the",      "here",   "me",      "full",
                                                               "all", "expected", "sample", "example", "program"};
  if (words.size() < 2 || words.size() > kMaxOpenLeadInWords || !one_of(kOutputNouns, words.back())) return false;
  bool looks = false;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (one_of(kLook, words[k])) looks = true;
    else if (!one_of(kFiller, words[k])) return false;
  }
  return looks;
}

// "which prints", "Running it gives the following", "The output is": the
// words stop where the output starts.
bool breaks_off_before_output(std::vector<std::string> words) {
  const std::size_t all = words.size();
  while (!words.empty() && one_of(kTrailing, words.back())) words.pop_back();
  if (words.empty()) return false;
  if (words.size() < all && is_bare_label(words)) return true;  // "Output below"
  const std::string& last = words.back();
  const std::string_view before = words.size() >= 2 ? std::string_view(words[words.size() - 2]) : std::string_view();
  if ((one_of(kShowingVerbs, last) && last != "results") || is_foreign_showing_verb(last)) return true;
  if (one_of(kBaseVerbs, last) && one_of(kSubjects, before)) return true;
  if (last == "in" && (before == "results" || before == "result")) return true;  // "results in"
  std::size_t copulas = 0;
  while (!words.empty() && one_of(kCopulas, words.back())) {
    words.pop_back();
    ++copulas;
  }
  return copulas > 0 && !words.empty() && (one_of(kOutputNouns, words.back()) || is_foreign_output_noun(words.back()));
}

// Ends like a finished sentence; "This prints..." still leads on.
bool ends_sentence(std::string_view text) {
  if (text.ends_with("...") || text.ends_with("\xE2\x80\xA6")) return false;  // "…"
  const char c = text.back();
  return c == '.' || c == '!' || c == '?' || c == ';';
}

// A dash or arrow that some sites end a lead-in with instead of a colon
// ("It will produce the following output −"): the text without it, or
// nothing when there is none.
std::optional<std::string_view> without_trailing_dash(std::string_view text) {
  for (std::string_view dash : {"\xE2\x88\x92" /* − */, "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */,
                                "\xE2\x86\x92" /* → */, "->", "-"}) {
    if (!text.ends_with(dash)) continue;
    std::string_view rest = trim(text.substr(0, text.size() - dash.size()));
    // "-" alone joins words ("read-only -"); only a dash set apart counts.
    if (rest.size() + dash.size() < text.size()) return rest;
  }
  return std::nullopt;
}

// "The output is as follows.", "It prints the following.": a finished
// sentence that still points ahead at what comes next.
bool points_ahead(const std::vector<std::string>& words) {
  const std::string& last = words.back();
  return last == "follows" || last == "following" || last == "below";
}

// "Click to see the output 👀": a pictograph (U+1F300 to U+1FAFF) or a
// sign (U+2600 to U+27BF) after the words, with its variation selector,
// says nothing about them.
std::string_view without_trailing_pictographs(std::string_view text) {
  for (;;) {
    text = trim(text);
    const auto byte = [&](std::size_t from_end) { return static_cast<unsigned char>(text[text.size() - from_end]); };
    if (text.ends_with("\xEF\xB8\x8F")) {
      text.remove_suffix(3);
    } else if (text.size() >= 4 && leading_pictograph_length(text.substr(text.size() - 4)) == 4) {
      text.remove_suffix(4);
    } else if (text.size() >= 3 && byte(3) == 0xE2 && byte(2) >= 0x98 && byte(2) <= 0x9E) {
      text.remove_suffix(3);
    } else {
      return text;
    }
  }
}

}  // namespace

bool is_output_label(std::string_view text) {
  text = last_sentence(without_trailing_pictographs(trim(text)));
  if (text.empty()) return false;
  bool colon = text.back() == ':';
  if (text.ends_with(kFullWidthColon)) {  // "输出："
    text.remove_suffix(kFullWidthColon.size());
    colon = true;
  }
  if (text.empty()) return false;
  if (auto rest = without_trailing_dash(text); rest && !rest->empty()) {
    text = *rest;
    colon = true;
  }
  const std::vector<std::string> words = lowercase_words(text);
  if (words.empty()) return false;
  if (is_bare_label(words) || calls_to_see_output(words)) return true;
  const auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  if (words.size() <= kMaxOpenLeadInWords && has("you") && (has("see") || has("get"))) return true;
  if (colon) return words.size() <= kMaxLabelWords && names_output(words);
  if (ends_sentence(text))
    return text.back() == '.' && words.size() <= kMaxLabelWords && points_ahead(words) &&
           breaks_off_before_output(words);
  return words.size() <= kMaxOpenLeadInWords && breaks_off_before_output(words);
}

}  // namespace guidecheck
