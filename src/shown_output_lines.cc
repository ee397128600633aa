#include "shown_output_lines.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "claim_text.h"
#include "claims.h"
#include "item_numbering.h"
#include "printed_fragments.h"
#include "python_lexer.h"

namespace guidecheck {

bool is_code_class(LineClass c) { return c == LineClass::kCode || c == LineClass::kWeak || c == LineClass::kOpener; }

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

bool reads_as_printed_assignment(std::string_view line, const std::vector<std::string>& starts) {
  if (starts.empty()) return false;
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  lexer.next(line, &tokens);
  int depth = 0;
  for (const auto& token : tokens) {
    if (token.kind == PythonLexer::TokenKind::kOpen) ++depth;
    if (token.kind == PythonLexer::TokenKind::kClose) --depth;
    if (depth != 0 || !has_equals_sign(token) || token.text == "==" || token.text == "<=" || token.text == ">=" ||
        token.text == "!=")
      continue;
    const std::string_view head = strip_trailing(line.substr(0, token.text.data() + token.text.size() - line.data()));
    // The start is the head, or goes on after a blank (`x = 5 points`).
    return std::any_of(starts.begin(), starts.end(), [&](const std::string& start) {
      return start.starts_with(head) && (start.size() == head.size() || start[head.size()] == ' ');
    });
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

bool is_section_heading(std::string_view line) {
  const std::string_view text = strip_leading(strip_trailing(line));
  const auto digit = [&](std::size_t at) { return std::isdigit(static_cast<unsigned char>(text[at])) != 0; };
  std::size_t k = 0, dots = 0;
  while (k < text.size() && (digit(k) || (text[k] == '.' && k > 0 && digit(k - 1)))) {
    if (text[k] == '.') ++dots;
    ++k;
  }
  const bool numbered = dots >= 1 && k > 0 && (digit(k - 1) || dots >= 2);
  if (!numbered || k >= text.size() || text[k] != ' ') return false;
  const std::string_view title = strip_leading(text.substr(k));
  return !title.empty() && std::isupper(static_cast<unsigned char>(title.front())) && word_count(title) >= 2 &&
         is_phrase_of_words(title) && title.find_first_of(":?!.,") == std::string_view::npos;
}

bool is_prose_again(std::string_view line, const std::vector<std::string>& fragments) {
  if (match_item_heading(strip_trailing(line))) return true;
  if (shows_printed_fragment(line, fragments)) return false;
  if (is_section_heading(line)) return true;
  if (is_complexity_note(line)) return true;
  const std::size_t words = word_count(line);
  if (words >= 4 && looks_like_prose(line)) return true;
  const std::string_view text = strip_trailing(line);
  if (text.empty()) return false;
  // A phrase that leads into the next block ("re.split is handy when the
  // delimiters vary:"), not an exception's message (`KeyError: 'x'`).
  if (text.starts_with("Traceback (")) return false;
  const std::string_view first_word = text.substr(0, text.find(' '));
  const bool exception_message = first_word.ends_with(':') && names_exception(first_word);
  if (words >= 4 && text.back() == ':' && !exception_message) return true;
  // A long sentence, even one that names code ("With axis=0 the operation..."),
  // or in parentheses ("(The close() line keeps Python quiet.)").
  std::string_view sentence = text;
  while (sentence.size() > 1 && (sentence.back() == ')' || sentence.back() == '"')) sentence.remove_suffix(1);
  return words >= 10 && (sentence.back() == '.' || sentence.back() == '?' || sentence.back() == '!');
}

bool is_complexity_note(std::string_view line) {
  std::string_view text = strip_leading(strip_trailing(line));
  bool named = false;
  for (std::string_view label : {"Time Complexity", "Space Complexity", "Auxiliary Space"})
    if (text.size() >= label.size() && ascii_lower(text.substr(0, label.size())) == ascii_lower(label)) {
      text.remove_prefix(label.size());
      named = true;
      break;
    }
  if (!named) return false;
  while (!text.empty() && (text.front() == ' ' || text.front() == ':' || text.front() == '-' || text.front() == '=')) text.remove_prefix(1);
  return text.starts_with("O(") || text.starts_with("\xCE\x98(") /* Θ( */;
}

bool names_exception(std::string_view line) {
  std::size_t k = 0;
  while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_' || line[k] == '.'))
    ++k;
  return k > 0 && std::isupper(static_cast<unsigned char>(line[0])) && (k == line.size() || line[k] == ':');
}

bool is_phrase_of_words(std::string_view line) {
  if (line == "True" || line == "False" || line == "None") return false;
  if (!line.empty() && (line.front() == '\'' || line.front() == '"')) return false;  // a str's repr
  bool letter = false;
  for (char c : line) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      letter = true;
      continue;
    }
    if (c != ' ' && c != '-' && c != '\'' && c != ':' && c != '?' && c != ',' && c != '.' && c != '!') return false;
  }
  return letter;
}

bool is_traceback_frame(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  return start != std::string_view::npos && line.substr(start).starts_with("File \"") &&
         line.find("\", line ") != std::string_view::npos;
}

namespace {

// The letter of a choice ("A) x", "(b) x", "C. x"), lowercased; 0 for none.
char choice_letter(std::string_view line) {
  if (line.starts_with('(')) line.remove_prefix(1);
  if (line.size() < 3) return 0;
  const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(line[0])));
  if (letter < 'a' || letter > 'f' || (line[1] != ')' && line[1] != '.') || line[2] != ' ') return 0;
  return letter;
}

}  // namespace

bool is_choice_line(const std::vector<std::string_view>& lines, std::size_t k) {
  const char letter = choice_letter(lines[k]);
  if (letter == 0) return false;
  return (k > 0 && choice_letter(lines[k - 1]) == letter - 1) ||
         (k + 1 < lines.size() && choice_letter(lines[k + 1]) == letter + 1);
}

}  // namespace guidecheck
