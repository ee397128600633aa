// Output a scraped guide shows as plain lines after the code, below a line
// such as `Output:` (the page's fences are gone):
//
//   print(m.group(0))
//   Output:
//   Order 66
//   Note that the pattern ...
//
// Part of the guide parser: after classification, the label and the output
// lines are marked so that they stay with the sample (not code, not prose).
// The output ends at a blank line, at a line that is plainly code again (a
// statement no output looks like: `def`, `x = 1`, `print(...)`, a comment,
// a call of a function the code defined or of a method of one of its names:
// `greet("Bob")`, `words.append("kiwi")`), or at prose: a numbered heading,
// or a phrase of four words or more that no string literal of the code
// prints. Reprs such as `Point(x=3, y=4)` or `deque([1])` stay output.
// Limit: other expression statements right after the output read as output.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "claim_markers.h"
#include "claims.h"
#include "item_numbering.h"
#include "line_classifier.h"
#include "printed_fragments.h"
#include "python_lexer.h"

namespace guidecheck {
namespace {

// The code read back from a label for its literals and names: enough for
// any sample, and a bound on the work for a guide full of labels.
constexpr int kMaxCodeLines = 400;

bool is_code_class(LineClass c) { return c == LineClass::kCode || c == LineClass::kWeak || c == LineClass::kOpener; }

// The names the code before the output binds (`def f`, `x = ...`) and uses.
struct CodeNames {
  std::unordered_set<std::string> bound;
  std::unordered_set<std::string> used;
};

CodeNames names_of(const std::vector<std::string_view>& code) {
  CodeNames names;
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  for (std::string_view line : code) {
    tokens.clear();
    const bool continued = lexer.next(line, &tokens).continued;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].kind != PythonLexer::TokenKind::kName) continue;
      names.used.emplace(tokens[k].text);
      const bool defined = k > 0 && (tokens[k - 1].text == "def");
      const bool assigned = k == 0 && !continued && k + 1 < tokens.size() && tokens[k + 1].text == "=";
      if (defined || assigned) names.bound.emplace(tokens[k].text);
    }
  }
  return names;
}

// A line that is code again: a statement that printed output never looks like.
bool is_code_again(std::string_view line, LineClass c, const CodeNames& names) {
  if (line.front() == '#') return true;
  if (!is_code_class(c)) return false;
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  lexer.next(line, &tokens);
  if (tokens.empty()) return false;
  const PythonLexer::Token& head = tokens.front();
  static constexpr std::array<std::string_view, 6> kValueKeywords = {"None", "True", "False", "not", "lambda", "await"};
  if (head.kind == PythonLexer::TokenKind::kKeyword &&
      std::find(kValueKeywords.begin(), kValueKeywords.end(), head.text) == kValueKeywords.end())
    return true;  // def, for, import, return...
  if (head.text == "@") return true;
  if (head.text == "print" && tokens.size() > 1 && tokens[1].text == "(") return true;
  // `greet("Bob")`, `counter()`, `words.append("kiwi")`; a repr names a
  // class (`Point(x=3, y=4)`) or a type the code only imports (`deque([1])`).
  if (head.kind == PythonLexer::TokenKind::kName && tokens.size() > 1) {
    const std::string name(head.text);
    const bool lowercase = head.text.front() >= 'a' && head.text.front() <= 'z';
    if (tokens[1].text == "(" && lowercase && names.bound.count(name)) return true;
    if (tokens[1].text == "." && names.used.count(name)) return true;
  }
  // An assignment at depth 0 (`x = 1`, `total += n`), not a comparison.
  int depth = 0;
  for (const auto& token : tokens) {
    if (token.kind == PythonLexer::TokenKind::kOpen) ++depth;
    if (token.kind == PythonLexer::TokenKind::kClose) --depth;
    if (depth == 0 && has_equals_sign(token) && token.text != "==" && token.text != "<=" && token.text != ">=")
      return true;
  }
  return false;
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool blank = c == ' ' || c == '\t';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

bool is_prose_again(std::string_view line, const std::vector<std::string>& fragments) {
  if (match_item_heading(strip_trailing(line))) return true;
  if (shows_printed_fragment(line, fragments)) return false;
  return word_count(line) >= 4 && looks_like_prose(line);
}

}  // namespace

void mark_shown_output(const std::vector<std::string_view>& lines, std::vector<LineClass>* classes) {
  std::vector<LineClass>& c = *classes;
  const int n = static_cast<int>(lines.size());
  for (int i = 0; i < n; ++i) {
    if (c[i] == LineClass::kBlank || c[i] == LineClass::kComment) continue;
    const std::optional<std::string_view> value = output_label_value(lines[i]);
    // Outside comments only a label with a colon: "Prints a greeting" is prose.
    if (!value) continue;
    const std::size_t colon = lines[i].find(':');
    if (colon == std::string_view::npos || lines[i].data() + colon >= value->data()) continue;
    // Only right after code: the code of the sample so far, for its literals.
    int p = i - 1;
    while (p >= 0 && c[p] == LineClass::kBlank) --p;
    if (p < 0 || (!is_code_class(c[p]) && c[p] != LineClass::kComment)) continue;
    std::vector<std::string_view> code;
    for (int k = p; k >= 0 && k > p - kMaxCodeLines && c[k] != LineClass::kProse && c[k] != LineClass::kOutput; --k)
      if (is_code_class(c[k])) code.push_back(lines[k]);
    if (code.empty()) continue;
    std::reverse(code.begin(), code.end());
    const std::vector<std::string> fragments = printed_fragments(code);
    const CodeNames names = names_of(code);
    // "Output: a list of squares" describes; "Output: 42" shows.
    if (!value->empty() && is_prose_again(*value, fragments)) continue;

    int j = i + 1;
    if (value->empty())
      while (j < n && lines[j].empty()) ++j;
    int last = value->empty() ? -1 : i;
    for (; j < n && !lines[j].empty(); ++j) {
      if (output_label_value(lines[j]) || is_code_again(lines[j], c[j], names) || is_prose_again(lines[j], fragments)) break;
      last = j;
    }
    if (last < 0) continue;
    for (int k = i; k <= last; ++k) c[k] = lines[k].empty() ? LineClass::kOutputLabel : LineClass::kOutput;
    if (value->empty()) c[i] = LineClass::kOutputLabel;
    i = last;
  }
}

}  // namespace guidecheck
