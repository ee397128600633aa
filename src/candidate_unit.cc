#include "candidate_unit.h"

#include <algorithm>
#include <array>

#include "item_numbering.h"

namespace guidecheck {
namespace {

using TokenKind = PythonLexer::TokenKind;
using Token = PythonLexer::Token;

bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// An operator beginning with `c`: `*` matches `**` and `*=` as well, as it
// did when operators were lexed one character at a time.
bool starts_with(const Token& t, char c) { return t.kind == TokenKind::kOperator && t.text[0] == c; }

bool is_capitalized_word(std::string_view w) {
  if (w.size() < 2 || !is_ascii_upper(static_cast<unsigned char>(w[0]))) return false;
  return std::any_of(w.begin() + 1, w.end(), [](char c) { return is_ascii_lower(static_cast<unsigned char>(c)); });
}

// A bullet as a scrape leaves it: "- item", "• item", "– item".
bool starts_with_bullet(std::string_view s) {
  for (std::string_view bullet : {"- ", "+ ", "* ", "\xE2\x80\xA2", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xC2\xB7 "})
    if (s.substr(0, bullet.size()) == bullet) return true;
  return false;
}

// An expression statement that calls, assigns, annotates, decorates nothing.
bool effect_free(const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    switch (t.kind) {
      case TokenKind::kKeyword:
        if (t.text != "True" && t.text != "False" && t.text != "None" && t.text != "and" && t.text != "or" &&
            t.text != "not" && t.text != "in" && t.text != "is")
          return false;
        break;
      case TokenKind::kOpen:
        if (t.text == "(") return false;
        break;
      case TokenKind::kOperator:
        if (has_equals_sign(t) || t.text == ":" || t.text == "@" || t.text == "..." || t.text == "->") return false;
        break;
      case TokenKind::kString:
        if (t.text.find("\"\"\"") != std::string_view::npos || t.text.find("'''") != std::string_view::npos)
          return false;
        break;
      default:
        break;
    }
  }
  return true;
}

// Builtins that, called without an argument, raise TypeError or build an
// empty value no statement would compute for nothing.
bool needs_an_argument(std::string_view name) {
  static constexpr std::array<std::string_view, 37> kNeedArguments = {
      "abs",  "all",   "any",     "chr",  "divmod",     "enumerate", "filter", "format",    "getattr", "hash",
      "hasattr", "id", "isinstance", "iter", "len",    "map",       "max",    "min",       "next",    "open",
      "ord",  "pow",   "repr",    "reversed", "round",  "setattr",   "sorted", "zip",       "dict",    "list",
      "set",  "tuple", "str",     "int",  "float",      "bool",      "frozenset"};
  return std::find(kNeedArguments.begin(), kNeedArguments.end(), name) != kNeedArguments.end();
}

bool is_builtin_type(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kTypes = {"dict", "list",  "str",   "set",      "tuple",
                                                             "int",  "float", "bytes", "frozenset"};
  return std::find(kTypes.begin(), kTypes.end(), name) != kTypes.end();
}

}  // namespace

bool names_functions(const std::vector<PythonLexer::Token>& tokens) {
  std::size_t k = 0;
  while (true) {
    if (k >= tokens.size() || tokens[k].kind != TokenKind::kName) return false;
    bool raises = needs_an_argument(tokens[k].text);
    if (k + 2 < tokens.size() && tokens[k + 1].text == "." && tokens[k + 2].kind == TokenKind::kName) {
      raises = is_builtin_type(tokens[k].text);
      k += 2;
    }
    if (!raises || k + 1 >= tokens.size() || tokens[k + 1].text != "(") return false;
    k += 2;
    // Keywords whose value is `...`, then the closing parenthesis.
    while (k + 2 < tokens.size() && tokens[k].kind == TokenKind::kName && tokens[k + 1].text == "=" &&
           tokens[k + 2].text == "...") {
      k += 3;
      if (k < tokens.size() && tokens[k].text == ",") ++k;
    }
    if (k >= tokens.size() || tokens[k].text != ")") return false;
    if (++k == tokens.size()) return true;
    const std::string_view joint = tokens[k].text;
    if (joint != "/" && joint != "," && joint != "and" && joint != "or") return false;
    ++k;
  }
}

UnitFeatures features_of(std::string_view first_line, const std::vector<Token>& tokens, bool single_line,
                         bool commented) {
  UnitFeatures f;
  if (tokens.empty()) return f;
  // The last token outside brackets decides whether a block body follows.
  int depth = 0;
  const Token* last_top = nullptr;
  bool has_top_equals = false;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kOpen) ++depth;
    if (t.kind == TokenKind::kClose) depth = std::max(0, depth - 1);
    if (depth == 0) last_top = &t;
    if (depth == 0 && has_equals_sign(t)) has_top_equals = true;
  }
  f.needs_body = last_top && last_top->kind == TokenKind::kOperator && last_top->text == ":";

  const Token& first = tokens.front();
  const std::string_view w = first.text;
  if (first.kind == TokenKind::kKeyword) {
    if (w == "else" || w == "elif") f.shape = Shape::kAfterIf;
    if (w == "except" || w == "finally") f.shape = Shape::kAfterTry;
    if (w == "try") f.shape = Shape::kTry;
  } else if (first.kind == TokenKind::kName && f.needs_body && tokens.size() > 2) {
    if (w == "case") f.shape = Shape::kCase;
    if (w == "match") f.shape = Shape::kMatch;
  } else if (first.kind == TokenKind::kOperator && w[0] == '@') {  // `@=` too, as when operators were single characters
    f.shape = Shape::kDecorator;
    f.decorator = true;
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind != TokenKind::kKeyword) continue;
    const bool next_is = k + 1 < tokens.size();
    if ((t.text == "import" && next_is && starts_with(tokens[k + 1], '*')) ||
        (t.text == "from" && k == 0 && next_is && tokens[k + 1].text == "__future__")) {
      f.context = Context::kModule;
      break;
    }
    if (t.text == "nonlocal") f.context = Context::kNonlocal;
    if ((t.text == "await" || t.text == "async" || t.text == "global") && f.context != Context::kNonlocal)
      f.context = Context::kAsync;
    if (t.text == "yield" && next_is && tokens[k + 1].text == "from" && f.context == Context::kBatch)
      f.context = Context::kGenerator;
  }

  if (!single_line) return f;
  // Textual features of prose that happens to compile.
  if (starts_with_bullet(first_line) || match_item_heading(first_line)) {
    f.strong_prose = true;
    return f;
  }
  // "Conclusion", "Summary": a heading, not a name shown on its own.
  if (tokens.size() == 1 && first.kind == TokenKind::kName && is_capitalized_word(w)) {
    f.strong_prose = true;
    return f;
  }
  // "Output: 42", "Note: important": a label, not an annotated name.
  if (first.kind == TokenKind::kName && is_capitalized_word(w) && starts_with(tokens[1], ':') && !has_top_equals &&
      !f.needs_body) {
    f.strong_prose = true;
    return f;
  }
  if (names_functions(tokens)) {
    f.strong_prose = true;
    return f;
  }
  // "Numbers and randomness", "Swapping and unpacking": a heading of words
  // that happen to be joined by a keyword operator, computing nothing.
  if (first.kind == TokenKind::kName && is_capitalized_word(w) && tokens.size() >= 3 &&
      std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return t.kind == TokenKind::kName ||
               (t.kind == TokenKind::kKeyword && (t.text == "and" || t.text == "or" || t.text == "not" || t.text == "in"));
      })) {
    f.strong_prose = true;
    return f;
  }
  // "Mark as complete", "Save as draft": a button's words. Alone on a line,
  // `name as name` compiles only inside a bracketed import or `with`.
  if (tokens.size() == 3 && first.kind == TokenKind::kName && is_capitalized_word(w) &&
      tokens[1].kind == TokenKind::kKeyword && tokens[1].text == "as" && tokens[2].kind == TokenKind::kName) {
    f.strong_prose = true;
    return f;
  }
  // "Summary (optional)": PEP 8 code never puts a space before a call's parenthesis.
  if (first.kind == TokenKind::kName && is_capitalized_word(w) && tokens.size() > 1 &&
      tokens[1].kind == TokenKind::kOpen && first_line.size() > w.size() && first_line[w.size()] == ' ')
    f.weak = true;
  // "x", "42", "-_g", "A%b": valid, but a statement with no effect and no
  // comment showing its value is more likely a fragment of prose or data.
  if (!commented && effect_free(tokens)) f.weak = true;
  return f;
}

}  // namespace guidecheck
