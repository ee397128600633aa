// Output a scraped guide shows with no label at all: the page had the code
// in one box and what it prints in the next, and the scrape kept neither
// box nor label.
//
//   print(inventory["pears"])
//   4
//   {'apples': 12, 'pears': 4}
//   Deliveries arrive. Assigning to a new key adds it:
//
// Part of the guide parser: after classification (and after labelled output,
// guide_parser_shown_output.cc), the lines right after a complete statement
// of code that prints are output while each one shows a value and nothing
// else: a literal (`4`, `{'a': 1}`, `-40.0`), a repr whose arguments are
// literals (`Item('apple', qty=12)`, `array([1, 2])`, not `len(x)`), a
// word the code never names, `name: 91`, `dtype: int64`, or a line that is not Python and
// not prose (`3 4`, `Total: 12 EUR`). A phrase of words alone is output
// when more output follows it; at the end of output it may be the last
// line or the page's next heading, which the judge tells apart (the
// reader marks it tentative). After a line of output, a line shaped like an
// assignment that the code prints (`score = 93.456` after
// `print("score =", score)`) is output too, unless other code follows it. A trailing bare expression of a script shows
// nothing, so taking one for output loses nothing that runs. The output
// ends as labelled output does: at code again, at prose, at a blank line.

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "candidate_unit.h"
#include "claims.h"
#include "line_classifier.h"
#include "printed_fragments.h"
#include "python_lexer.h"
#include "shown_output_lines.h"

namespace guidecheck {
namespace {

using Token = PythonLexer::Token;
using TokenKind = PythonLexer::TokenKind;

bool is_value_name(std::string_view name) {
  return name == "True" || name == "False" || name == "None" || name == "nan" || name == "inf" || name == "Ellipsis";
}

// Builtins no repr shows as a call: a repr shows a type's or a class's
// call (`Item(...)`, `array(...)`, `range(0, 3)`), never `divmod(17, 5)`,
// `len(xs)`, `int("ff", 16)` (an int prints as digits) or `zip()` (whose
// objects print as `<zip object at ...>`).
bool is_builtin_function(std::string_view name) {
  static constexpr std::string_view kFunctions[] = {
      "zip",  "map",   "filter", "enumerate", "reversed", "int",    "float", "str",  "bool",
      "list", "dict",  "tuple",  "complex",   "object",   "type",
      "abs",     "all",   "any",  "ascii",   "bin",     "callable", "chr",     "divmod",     "eval",
      "exec",    "format", "getattr", "globals", "hasattr", "hash",   "hex",     "id",         "input",
      "isinstance", "issubclass", "iter", "len", "locals", "max",   "min",     "next",       "oct",
      "open",    "ord",   "pow",  "print",   "repr",    "round",    "setattr", "sorted",     "sum",  "vars"};
  return std::find(std::begin(kFunctions), std::end(kFunctions), name) != std::end(kFunctions);
}

// A value alone: every name in it is a value word, a called type or
// function (`Item(`, `array(`), a keyword argument (`qty=`), part of a
// dotted path (`datetime.date(`) or a word the sample's code never names.
// `1 / 0`, `2 ** 10`: an operator between spaces is code (PEP 8's habit);
// printed values write `5/2` or `-3`.
bool has_spaced_operator(std::string_view line, const std::vector<Token>& tokens) {
  static constexpr std::string_view kOperators[] = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"};
  for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
    if (std::find(std::begin(kOperators), std::end(kOperators), tokens[k].text) == std::end(kOperators)) continue;
    const std::size_t at = static_cast<std::size_t>(tokens[k].text.data() - line.data());
    const std::size_t end = at + tokens[k].text.size();
    if (at > 0 && line[at - 1] == ' ' && end < line.size() && line[end] == ' ') return true;
  }
  return false;
}

bool shows_a_value(const std::vector<Token>& tokens, const CodeNames& names) {
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::kName)
    return !names.used.count(std::string(tokens[0].text));
  // `ada: 91` and a Series' `dtype: float64` parse as annotations, but no
  // code annotates with a number or a type it never names.
  if (tokens.size() >= 3 && tokens[0].kind == TokenKind::kName && tokens[1].text == ":")
    return std::all_of(tokens.begin() + 2, tokens.end(), [&](const Token& t) {
      return t.kind == TokenKind::kNumber || t.text == "-" || t.text == "+" ||
             (tokens.size() == 3 && t.kind == TokenKind::kName && !names.used.count(std::string(t.text)));
    });
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::kKeyword && !is_value_name(t.text)) return false;
    if (t.kind != TokenKind::kName || is_value_name(t.text)) continue;
    const std::string_view next = k + 1 < tokens.size() ? tokens[k + 1].text : std::string_view();
    const bool dotted = next == "." || (k > 0 && tokens[k - 1].text == ".");
    if (next == "(" && !dotted && is_builtin_function(t.text)) return false;
    // A name the sample's code never uses could only fail: a word of
    // output (`a ['apple', 'apricot']` from `print(letter, group)`).
    const bool free_word = !names.used.count(std::string(t.text));
    if (next != "(" && next != "=" && !dotted && !free_word) return false;
  }
  return true;
}

constexpr int kMaxBlankLinesBefore = 2;

// What the code since the last prose or output holds, kept line by line
// so that a long run of code costs linear time.
struct Region {
  CodeNames names;
  std::vector<std::string> fragments;
  PythonLexer fragment_lexer;
  std::vector<std::string> printed_starts;  // printed_line_starts
  bool prints = false;

  void add(std::string_view line, const CodeNames& line_names) {
    names.used.insert(line_names.used.begin(), line_names.used.end());
    names.bound.insert(line_names.bound.begin(), line_names.bound.end());
    add_printed_fragments(line, &fragment_lexer, &fragments);
    if (line.find("print(") == std::string_view::npos) return;
    prints = true;
    for (std::string& start : printed_line_starts({line})) printed_starts.push_back(std::move(start));
  }
};

}  // namespace

void mark_unlabelled_output(const std::vector<std::string_view>& lines, std::vector<LineClass>* classes) {
  std::vector<LineClass>& c = *classes;
  const int n = static_cast<int>(lines.size());
  Region region;
  // Code again is judged by every name the guide's code uses (`x.append(4)`
  // on a list of an earlier sample), a free word by the region's names.
  CodeNames all_names;
  PythonLexer lexer;
  bool statement_open = false;  // the last code line left a bracket or string open
  std::vector<Token> tokens;
  for (int i = 0; i < n; ++i) {
    if (!is_code_class(c[i]) && c[i] != LineClass::kComment && c[i] != LineClass::kBlank) {
      region = Region();
      lexer = PythonLexer();
      statement_open = false;
      continue;
    }
    if (!is_code_class(c[i])) continue;
    const CodeNames line_names = names_of({lines[i]});
    region.add(lines[i], line_names);
    all_names.used.insert(line_names.used.begin(), line_names.used.end());
    all_names.bound.insert(line_names.bound.begin(), line_names.bound.end());
    tokens.clear();
    statement_open = lexer.next(lines[i], &tokens).continued;
    const std::string_view line = strip_trailing(lines[i]);
    if (statement_open || line.empty() || line.back() == ':' || i + 1 >= n || !region.prints) continue;

    const CodeNames& names = region.names;
    const std::vector<std::string>& fragments = region.fragments;
    // A scrape that keeps the page's blank lines puts one between the code's
    // box and the output's.
    int start = i;
    while (start + 1 < n && lines[start + 1].empty() && start - i < kMaxBlankLinesBefore) ++start;
    // After a line of output, `score = 93.456` that the code prints
    // (`print("score =", x)`) is more of it, unless other code follows it.
    auto printed_assignment = [&](int k) {
      if (k - 1 <= start || !reads_as_printed_assignment(lines[k], region.printed_starts)) return false;
      const int next = k + 1;
      return next == n || lines[next].empty() || !is_code_again(lines[next], c[next], all_names) ||
             reads_as_printed_assignment(lines[next], region.printed_starts);
    };
    // A phrase of words alone ("city temp rain") is output when it shows
    // what the code prints or heads more output (a table's header), not
    // when it is the page's next heading.
    enum class Shown { kNo, kYes, kIfMoreFollows };
    auto shown = [&](int k) {
      if (lines[k].empty() || c[k] == LineClass::kComment || c[k] == LineClass::kSession) return Shown::kNo;
      if (is_choice_line(lines, static_cast<std::size_t>(k))) return Shown::kNo;
      if (c[k] == LineClass::kOutput || c[k] == LineClass::kOutputLabel || c[k] == LineClass::kAside) return Shown::kNo;
      if (is_code_class(c[k])) {
        if (is_code_again(lines[k], c[k], all_names)) return printed_assignment(k) ? Shown::kYes : Shown::kNo;
        std::vector<Token> line_tokens;
        PythonLexer line_lexer;
        if (line_lexer.next(lines[k], &line_tokens).continued) return Shown::kNo;
        if (has_spaced_operator(lines[k], line_tokens)) return Shown::kNo;
        return shows_a_value(line_tokens, names) ? Shown::kYes : Shown::kNo;
      }
      if (is_prose_again(lines[k], fragments)) return Shown::kNo;
      std::vector<Token> line_tokens;
      PythonLexer line_lexer;
      line_lexer.next(lines[k], &line_tokens);
      if (names_functions(line_tokens)) return Shown::kNo;  // `zip()`: the next section's heading
      if (is_phrase_of_words(lines[k]) && !shows_printed_fragment(lines[k], fragments)) return Shown::kIfMoreFollows;
      return Shown::kYes;
    };
    int last = start;
    while (last + 1 < n) {
      const Shown next = shown(last + 1);
      if (next == Shown::kYes) {
        ++last;
      } else if (next == Shown::kIfMoreFollows && last + 2 < n && shown(last + 2) == Shown::kYes) {
        last += 2;
      } else if (next == Shown::kIfMoreFollows && last > start && (last + 2 >= n || !is_code_class(c[last + 2]))) {
        ++last;  // the output's last line, or the page's next heading: the judge decides (tentative lines)
      } else {
        break;
      }
    }
    if (last == start) continue;
    for (int k = start + 1; k <= last; ++k) c[k] = LineClass::kOutput;
    region = Region();
    lexer = PythonLexer();
    i = last;
  }
}

}  // namespace guidecheck
