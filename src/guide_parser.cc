#include "guide_parser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <utility>

#include "embedded_python.h"

namespace guidecheck {
namespace {

using TokenKind = PythonLineLexer::TokenKind;
using Token = PythonLineLexer::Token;

// ---------------------------------------------------------------------------
// Characters

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when invalid.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t* code_point) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t length = 0;
  char32_t cp = 0;
  if (c < 0x80) {
    *code_point = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  *code_point = cp;
  return length;
}

// Control characters other than tab and form feed; CR inside a line would
// be a line break to CPython and shift every line number after it.
bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\f') || c == 0x7F;
  });
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = decode_utf8(s, i, &cp);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// Non-ASCII characters that can never appear in Python source outside
// strings and comments, but often do in scraped prose.
bool is_unicode_punctuation(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x23FF) ||
         (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
         cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

bool is_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",   "True",  "and",      "as",       "assert", "async", "await",  "break",
      "class", "continue", "def", "del",      "elif",     "else",   "except", "finally", "for",
      "from",  "global", "if",    "import",   "in",       "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise", "return",   "try",      "while",  "with",  "yield"};
  return std::binary_search(kKeywords.begin(), kKeywords.end(), word);
}

bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c | 0x20);
  return lower == "r" || lower == "u" || lower == "f" || lower == "b" || lower == "br" || lower == "rb" ||
         lower == "fr" || lower == "rf";
}

// Leading whitespace as a scrape leaves it: ASCII blanks and NBSP.
std::string_view strip_leading(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;
    } else {
      break;
    }
  }
  return s.substr(i);
}

std::string_view strip_trailing(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\f' || s.back() == '\v'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------
// PythonLineLexer

void PythonLineLexer::reset() {
  brackets_.clear();
  quote_ = 0;
  triple_ = false;
  backslash_ = false;
  has_previous_ = false;
  logical_tokens_ = 0;
  soft_keyword_start_ = false;
}

std::string PythonLineLexer::closers() const {
  std::string out;
  if (quote_ != 0) out.append(triple_ ? 3 : 1, quote_);
  for (auto it = brackets_.rbegin(); it != brackets_.rend(); ++it)
    out += *it == '(' ? ')' : *it == '[' ? ']' : '}';
  return out;
}

PythonLineLexer::Line PythonLineLexer::next(std::string_view line, std::vector<Token>* tokens) {
  Line out;
  out.continued = open();
  if (!out.continued) {
    has_previous_ = false;
    logical_tokens_ = 0;
    soft_keyword_start_ = false;
  }
  backslash_ = false;

  auto add = [&](TokenKind kind, std::string_view text) {
    const bool atom = kind == TokenKind::kName || kind == TokenKind::kNumber || kind == TokenKind::kString;
    if (atom && has_previous_) {
      const bool previous_atom = previous_ == TokenKind::kName || previous_ == TokenKind::kNumber ||
                                 previous_ == TokenKind::kString || previous_ == TokenKind::kClose;
      // Adjacent strings concatenate; `match x`, `case 1`, `type X` start soft-keyword statements.
      const bool allowed = (kind == TokenKind::kString && previous_ == TokenKind::kString) ||
                           (logical_tokens_ == 1 && soft_keyword_start_);
      if (previous_atom && !allowed) out.plausible = false;
    }
    if (logical_tokens_ == 0)
      soft_keyword_start_ = kind == TokenKind::kName && (text == "match" || text == "case" || text == "type");
    previous_ = kind;
    has_previous_ = true;
    ++logical_tokens_;
    if (tokens) tokens->push_back({kind, text});
  };

  // Scans a string body from `i`; returns the offset after the closing quote,
  // or npos when the line ends first (*escaped_newline when a backslash ends it).
  auto scan_string = [&](std::size_t i, char quote, bool triple, bool* escaped_newline) {
    *escaped_newline = false;
    while (i < line.size()) {
      const char c = line[i];
      if (c == '\\') {
        if (i + 1 >= line.size()) {
          *escaped_newline = true;
          return std::string_view::npos;
        }
        i += 2;
        continue;
      }
      if (c == quote) {
        if (!triple) return i + 1;
        if (i + 2 < line.size() && line[i + 1] == quote && line[i + 2] == quote) return i + 3;
      }
      ++i;
    }
    return std::string_view::npos;
  };

  std::size_t i = 0;
  if (quote_ != 0) {
    out.has_code = true;
    bool escaped = false;
    const std::size_t end = scan_string(0, quote_, triple_, &escaped);
    if (end == std::string_view::npos) {
      if (!triple_ && !escaped) {
        out.plausible = false;  // unterminated single-quoted string
        quote_ = 0;
      }
      if (tokens) tokens->push_back({TokenKind::kString, line});
      out.continues = open();
      return out;
    }
    if (tokens) tokens->push_back({TokenKind::kString, line.substr(0, end)});
    quote_ = 0;
    i = end;
  }

  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\t' || c == '\f') {
      ++i;
      continue;
    }
    if (c == '#') {
      out.comment = i;
      break;
    }
    out.has_code = true;
    const std::size_t start = i;

    if (c == '\\') {
      if (i + 1 == line.size()) {
        backslash_ = true;
      } else {
        out.plausible = false;
      }
      ++i;
      continue;
    }

    // Identifiers, keywords and prefixed strings.
    bool is_identifier_start = c == '_' || is_ascii_alpha(c);
    char32_t cp = 0;
    std::size_t length = 1;
    if (c >= 0x80) {
      length = decode_utf8(line, i, &cp);
      if (length == 0) {
        out.plausible = false;
        ++i;
        continue;
      }
      if (is_unicode_punctuation(cp)) {
        out.plausible = false;
        i += length;
        continue;
      }
      is_identifier_start = true;
    }
    if (is_identifier_start) {
      i += length;
      while (i < line.size()) {
        const auto d = static_cast<unsigned char>(line[i]);
        if (d == '_' || is_ascii_alpha(d) || is_ascii_digit(d)) {
          ++i;
        } else if (d >= 0x80) {
          const std::size_t n = decode_utf8(line, i, &cp);
          if (n == 0 || is_unicode_punctuation(cp)) break;
          i += n;
        } else {
          break;
        }
      }
      const std::string_view word = line.substr(start, i - start);
      if (i < line.size() && (line[i] == '"' || line[i] == '\'') && is_string_prefix(word)) {
        // fall through to the string scanner with the prefix included
      } else {
        add(is_keyword(word) ? TokenKind::kKeyword : TokenKind::kName, word);
        continue;
      }
    }

    if (line[i] == '"' || line[i] == '\'') {
      const char quote = line[i];
      const bool triple = i + 2 < line.size() && line[i + 1] == quote && line[i + 2] == quote;
      bool escaped = false;
      const std::size_t end = scan_string(i + (triple ? 3 : 1), quote, triple, &escaped);
      if (end == std::string_view::npos) {
        add(TokenKind::kString, line.substr(start));
        if (triple || escaped) {
          quote_ = quote;
          triple_ = triple;
        } else {
          out.plausible = false;  // unterminated single-quoted string: an apostrophe in prose
        }
        i = line.size();
        break;
      }
      add(TokenKind::kString, line.substr(start, end - start));
      i = end;
      continue;
    }

    if (is_ascii_digit(c) || (c == '.' && i + 1 < line.size() && is_ascii_digit(line[i + 1]))) {
      bool valid = true;
      if (c == '0' && i + 1 < line.size() && std::string_view("xXoObB").find(line[i + 1]) != std::string_view::npos) {
        const char base = static_cast<char>(line[i + 1] | 0x20);
        i += 2;
        std::size_t digits = 0;
        while (i < line.size()) {
          const char d = line[i];
          const bool ok = d == '_' || (base == 'x' ? (is_ascii_digit(d) || ((d | 0x20) >= 'a' && (d | 0x20) <= 'f'))
                                       : base == 'o' ? (d >= '0' && d <= '7')
                                                     : (d == '0' || d == '1'));
          if (!ok) break;
          ++digits;
          ++i;
        }
        valid = digits > 0;
      } else {
        while (i < line.size() && (is_ascii_digit(line[i]) || line[i] == '_')) ++i;
        if (i < line.size() && line[i] == '.') {
          ++i;
          while (i < line.size() && (is_ascii_digit(line[i]) || line[i] == '_')) ++i;
        }
        if (i < line.size() && (line[i] == 'e' || line[i] == 'E')) {
          std::size_t k = i + 1;
          if (k < line.size() && (line[k] == '+' || line[k] == '-')) ++k;
          if (k < line.size() && is_ascii_digit(line[k])) {
            i = k;
            while (i < line.size() && (is_ascii_digit(line[i]) || line[i] == '_')) ++i;
          }
        }
        if (i < line.size() && (line[i] == 'j' || line[i] == 'J')) ++i;
      }
      // "2nd", "3rd", "10x": Python says "invalid decimal literal".
      if (i < line.size()) {
        const auto d = static_cast<unsigned char>(line[i]);
        if (d == '_' || is_ascii_alpha(d) || is_ascii_digit(d) || d >= 0x80) valid = false;
      }
      if (!valid) out.plausible = false;
      add(TokenKind::kNumber, line.substr(start, i - start));
      continue;
    }

    if (c == '(' || c == '[' || c == '{') {
      brackets_ += static_cast<char>(c);
      add(TokenKind::kOpen, line.substr(i, 1));
      ++i;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      const char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (brackets_.empty() || brackets_.back() != expected) out.plausible = false;
      if (!brackets_.empty()) brackets_.pop_back();
      add(TokenKind::kClose, line.substr(i, 1));
      ++i;
      continue;
    }
    if (c == '.' && line.substr(i, 3) == "...") {
      add(TokenKind::kOperator, line.substr(i, 3));
      i += 3;
      continue;
    }
    if (c == '!') {
      if (i + 1 < line.size() && line[i + 1] == '=') {
        add(TokenKind::kOperator, line.substr(i, 2));
        i += 2;
      } else {
        out.plausible = false;
        ++i;
      }
      continue;
    }
    if (c == '-' && i + 1 < line.size() && line[i + 1] == '>') {
      add(TokenKind::kOperator, line.substr(i, 2));
      i += 2;
      continue;
    }
    if (std::string_view("+-*/%@&|^~<>=.:,;").find(static_cast<char>(c)) != std::string_view::npos) {
      add(TokenKind::kOperator, line.substr(i, 1));
      ++i;
      continue;
    }
    // '$', '?', '`', control characters, NUL.
    out.plausible = false;
    ++i;
  }
  out.continues = open();
  return out;
}

// ---------------------------------------------------------------------------
// parse_guide

std::string format_diagnostic(std::string_view filename, const Diagnostic& diagnostic) {
  std::string out(filename);
  if (diagnostic.line > 0) out += ":" + std::to_string(diagnostic.line);
  out += ": ";
  out += diagnostic.message;
  return out;
}

namespace {

constexpr std::size_t kMaxCodeLineBytes = 10000;  // longer lines are data or prose, never compiled
constexpr int kMaxStatementLines = 200;           // a bracket left open longer than this is not followed
constexpr std::size_t kMaxStatementBytes = 100000;
constexpr std::size_t kMaxReopenDepth = 8;        // brackets reopened to judge a continuation line alone
constexpr std::size_t kMaxBatchUnits = 64;
// A real guide has a handful of distinct lines that pass the lexical filter
// but do not compile (the bundled one has 1); this bounds hostile input.
constexpr std::size_t kMaxFailedCompiles = 50000;
constexpr std::size_t kUnitsPerWindow = 4096;   // units judged together; bounds memory on huge guides
constexpr std::size_t kMaxDiagnosticsPerKind = 20;
constexpr std::size_t kMaxDiagnostics = 300;
// Compiled sources are synthetic (wrapped, batched): a warning CPython prints
// while compiling must not name a guide line it is not about.
constexpr std::string_view kCompileFilename = "<guidecheck line check>";

// kWeak: compiles but reads like prose, kept only inside a run.
// kOpener: a statement whose bracket never closes; may start a run, never ends one.
enum class LineClass : std::uint8_t { kBlank, kComment, kCode, kWeak, kOpener, kProse };

// What a candidate statement needs around it to compile on its own.
enum class Shape : std::uint8_t {
  kPlain,
  kAfterIf,    // else / elif
  kAfterTry,   // except / finally
  kTry,        // try: needs a handler
  kCase,       // case: needs a match
  kMatch,      // match: needs a case
  kDecorator,  // @...: needs a definition
};

// Where it compiles: most statements together in one plain function (a
// batch); the others alone.
enum class Context : std::uint8_t {
  kBatch,
  kAsync,      // await / async / global: alone, in an async function
  kGenerator,  // yield from: alone, in a plain function
  kModule,     // from __future__ / import *: alone, at module level
  kNonlocal,   // nonlocal: judged by its tokens alone
};

enum class Verdict : std::uint8_t { kUnknown, kCode, kNotCode };

// A statement candidate: one physical line or a bracketed group of them.
struct Unit {
  int first = 0;  // 0-based guide line indexes
  int last = 0;
  std::string source;  // comments removed, lines joined by '\n'
  Shape shape = Shape::kPlain;
  Context context = Context::kBatch;
  bool needs_body = false;
  bool weak = false;       // compiles, but reads like prose
  bool decorator = false;  // starts with '@'
  bool dangling = false;   // closers were appended
  Verdict verdict = Verdict::kUnknown;
};

struct UnitFeatures {
  Shape shape = Shape::kPlain;
  Context context = Context::kBatch;
  bool needs_body = false;
  bool strong_prose = false;
  bool weak = false;
  bool decorator = false;
};

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

// "12. Explain inheritance", "Q3) What is...", "Question 7: ..." -> 12, 3, 7.
std::optional<std::pair<int, std::string_view>> match_item_heading(std::string_view s) {
  std::size_t i = 0;
  bool prefixed = false;
  if (s.size() > 8 && (s.substr(0, 8) == "Question" || s.substr(0, 8) == "QUESTION")) {
    i = 8;
    prefixed = true;
  } else if (!s.empty() && (s[0] == 'Q' || s[0] == 'q') && s.size() > 1 && is_ascii_digit(s[1])) {
    i = 1;
    prefixed = true;
  }
  while (prefixed && i < s.size() && (s[i] == ' ' || s[i] == '#')) ++i;
  const std::size_t digits_start = i;
  while (i < s.size() && is_ascii_digit(s[i]) && i - digits_start < 5) ++i;
  if (i == digits_start || (i < s.size() && is_ascii_digit(s[i]))) return std::nullopt;
  const int number = std::stoi(std::string(s.substr(digits_start, i - digits_start)));
  if (number <= 0) return std::nullopt;
  if (i < s.size() && (s[i] == '.' || s[i] == ')' || s[i] == ':')) {
    ++i;
  } else if (!prefixed) {
    return std::nullopt;
  }
  if (i >= s.size() || (s[i] != ' ' && s[i] != '\t')) return std::nullopt;
  const std::string_view title = strip_leading(s.substr(i));
  if (std::none_of(title.begin(), title.end(), [](char c) { return is_ascii_alpha(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return std::make_pair(number, title);
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
        if (t.text == "=" || t.text == ":" || t.text == "@" || t.text == "..." || t.text == "->") return false;
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
    if (depth == 0 && t.kind == TokenKind::kOperator && t.text == "=") has_top_equals = true;
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
  } else if (first.kind == TokenKind::kOperator && w == "@") {
    f.shape = Shape::kDecorator;
    f.decorator = true;
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind != TokenKind::kKeyword) continue;
    const bool next_is = k + 1 < tokens.size();
    if ((t.text == "import" && next_is && tokens[k + 1].text == "*") ||
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
  if (first.kind == TokenKind::kName && is_capitalized_word(w) && tokens[1].text == ":" && !has_top_equals &&
      !f.needs_body) {
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

bool has_comment_text(std::string_view line, std::size_t comment) {
  return comment != std::string_view::npos && !strip_leading(strip_trailing(line.substr(comment + 1))).empty();
}

std::string indent(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

// The unit as it would compile at indentation `base`, inside a function and a loop.
std::string wrap(const Unit& unit, int base) {
  const std::string in = indent(base);
  const std::string body = unit.needs_body ? "\n" + indent(base + 1) + "pass" : "";
  switch (unit.shape) {
    case Shape::kAfterIf:
      return in + "if 1:\n" + in + " pass\n" + in + unit.source + body;
    case Shape::kAfterTry:
      return in + "try:\n" + in + " pass\n" + in + unit.source + body;
    case Shape::kTry:
      return in + unit.source + body + "\n" + in + "finally:\n" + in + " pass";
    case Shape::kCase:
      return in + "match 1:\n" + in + " " + unit.source + (unit.needs_body ? "\n" + indent(base + 2) + "pass" : "");
    case Shape::kMatch:
      return in + unit.source + "\n" + in + " case _:\n" + in + "  pass";
    case Shape::kDecorator:
      return in + unit.source + "\n" + in + "def _():\n" + in + " pass";
    case Shape::kPlain:
      break;
  }
  return in + unit.source + body;
}

int count_lines(std::string_view s) { return 1 + static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// Compiles candidate units, many per compile_check call, caching verdicts by
// wrapped text (a guide repeats idioms; a 50 MB guide repeats everything).
class UnitCompiler {
 public:
  UnitCompiler() = default;

  /// True once so many distinct lines looked like Python yet failed to
  /// compile that the input is not a guide; later candidates are not compiled.
  bool exhausted() const { return failures_ >= kMaxFailedCompiles; }

  void judge(std::vector<Unit>& units, const std::vector<std::size_t>& which) {
    // Units are grouped by wrapped text, so each distinct text compiles once.
    std::vector<Pending> pending;
    std::unordered_map<std::string, std::size_t> pending_index;
    for (std::size_t index : which) {
      Unit& unit = units[index];
      if (unit.verdict != Verdict::kUnknown) continue;
      if (unit.context == Context::kNonlocal) {
        unit.verdict = Verdict::kCode;
        continue;
      }
      if (!valid_utf8(unit.source)) {
        unit.verdict = Verdict::kNotCode;
        continue;
      }
      if (unit.context != Context::kBatch) {
        std::string source = unit.context == Context::kModule  ? wrap(unit, 0)
                             : unit.context == Context::kAsync ? "async def _gc():\n while 1:\n" + wrap(unit, 2)
                                                               : "def _gc():\n while 1:\n" + wrap(unit, 2);
        if (exhausted() && !cache_.count(source)) {
          unit.verdict = Verdict::kNotCode;
          continue;
        }
        unit.verdict = compile_cached(std::move(source)) ? Verdict::kCode : Verdict::kNotCode;
        if (unit.verdict == Verdict::kNotCode) ++failures_;
        continue;
      }
      std::string text = wrap(unit, 2);
      if (auto hit = cache_.find(text); hit != cache_.end()) {
        unit.verdict = hit->second ? Verdict::kCode : Verdict::kNotCode;
        continue;
      }
      auto [it, inserted] = pending_index.try_emplace(text, pending.size());
      if (inserted) pending.push_back({std::move(text), {}, Verdict::kUnknown});
      pending[it->second].units.push_back(index);
    }
    // Batches grow while they compile and shrink after a failure, so a guide
    // full of near-code costs about one compile per line, not one per batch.
    std::size_t size = kMaxBatchUnits / 2;
    std::size_t next = 0;
    while (next < pending.size()) {
      if (exhausted()) {
        for (; next < pending.size(); ++next) pending[next].verdict = Verdict::kNotCode;
        break;
      }
      const std::size_t count = std::min(size, pending.size() - next);
      const std::size_t consumed = compile_batch(pending, next, count);
      size = consumed == count ? std::min(kMaxBatchUnits, size * 2) : std::max<std::size_t>(1, size / 2);
      next += consumed;
    }
    for (Pending& p : pending) {
      cache_[p.text] = p.verdict == Verdict::kCode;
      for (std::size_t index : p.units) units[index].verdict = p.verdict;
    }
  }

 private:
  struct Pending {
    std::string text;                 // wrapped at indentation 2
    std::vector<std::size_t> units;   // units with this text
    Verdict verdict;
  };

  bool compile_cached(std::string source) {
    auto hit = cache_.find(source);
    if (hit != cache_.end()) return hit->second;
    const bool ok = !compile_check(source + "\n", kCompileFilename).has_value();
    cache_.emplace(std::move(source), ok);
    return ok;
  }

  // Compiles pending texts [from, from + count) together; returns how many
  // were decided (all of them, or up to and including the first that failed).
  std::size_t compile_batch(std::vector<Pending>& pending, std::size_t from, std::size_t count) {
    std::string source = "def _gc():\n while 1:\n";
    int line = 3;
    std::vector<std::pair<int, int>> spans;
    for (std::size_t k = 0; k < count; ++k) {
      const std::string& text = pending[from + k].text;
      const int lines = count_lines(text);
      spans.emplace_back(line, line + lines - 1);
      line += lines;
      source += text;
      source += '\n';
    }
    auto decide = [&](std::size_t k, bool ok) {
      pending[from + k].verdict = ok ? Verdict::kCode : Verdict::kNotCode;
      if (!ok) ++failures_;
    };
    const std::optional<CompileError> error = compile_check(source, kCompileFilename);
    if (!error) {
      for (std::size_t k = 0; k < count; ++k) decide(k, true);
      return count;
    }
    std::size_t culprit = count;
    for (std::size_t k = 0; k < count; ++k)
      if (error->line >= spans[k].first && error->line <= spans[k].second) culprit = k;
    if (culprit == count) {
      // No line to blame: judge the first text alone and go on.
      decide(0, count == 1 ? false : compile_alone(pending[from].text));
      return 1;
    }
    for (std::size_t k = 0; k < culprit; ++k) decide(k, true);
    if (count == 1 || culprit == 0) {
      decide(culprit, false);
      return culprit + 1;
    }
    // Confirm alone: an error can surface one line late ("expected an
    // indented block" is reported on the line after the header).
    const bool alone = compile_alone(pending[from + culprit].text);
    decide(culprit, alone);
    if (alone) decide(culprit - 1, compile_alone(pending[from + culprit - 1].text));
    return culprit + 1;
  }

  bool compile_alone(const std::string& wrapped) {
    return !compile_check("def _gc():\n while 1:\n" + wrapped + "\n", kCompileFilename).has_value();
  }

  std::unordered_map<std::string, bool> cache_;
  std::size_t failures_ = 0;
};

// Collects diagnostics, at most a few of each kind.
class DiagnosticSink {
 public:
  void add(int line, std::string kind, std::string message) {
    std::size_t& count = per_kind_[kind];
    if (++count > kMaxDiagnosticsPerKind || diagnostics_.size() >= kMaxDiagnostics) {
      ++dropped_;
      return;
    }
    diagnostics_.push_back({line, std::move(message)});
  }
  std::vector<Diagnostic> finish() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    if (dropped_ > 0)
      diagnostics_.push_back({0, std::to_string(dropped_) + " more diagnostics of the same kinds not shown"});
    return std::move(diagnostics_);
  }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::unordered_map<std::string, std::size_t> per_kind_;
  std::size_t dropped_ = 0;
};

// Text that reopens what `closers` would close, so a continuation line can
// be judged on its own: "_(" for a parenthesis (calls take keywords), "[",
// "{", and the quotes of a string.
std::string reopeners(std::string_view closers) {
  std::string out;
  for (auto it = closers.rbegin(); it != closers.rend(); ++it) {
    if (*it == ')') out += "_(";
    if (*it == ']') out += '[';
    if (*it == '}') out += '{';
    if (*it == '"' || *it == '\'') out += *it;
  }
  return out;
}

class GuideParser {
 public:
  GuideParser(std::string_view text, std::string_view filename) : text_(text) {
    result_.filename = std::string(filename);
  }

  ParsedGuide run() {
    split_lines();
    classify();
    build_runs();
    find_items();
    assign_ids();
    if (compiler_.exhausted())
      diagnostics_.add(0, "exhausted", "more than " + std::to_string(kMaxFailedCompiles) +
                                           " lines look like Python but do not compile; later ones were not compiled");
    if (result_.runs.empty() && !lines_.empty()) diagnostics_.add(0, "no-code", "no code samples found");
    result_.diagnostics = diagnostics_.finish();
    return std::move(result_);
  }

 private:
  void split_lines() {
    std::string_view rest = text_;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      std::string_view line = rest.substr(0, newline);
      if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
        ++result_.crlf_lines;
      }
      lines_.push_back(line);
      if (newline == std::string_view::npos) break;
      rest.remove_prefix(newline + 1);
    }
    result_.line_count = static_cast<int>(lines_.size());
    stripped_.reserve(lines_.size());
    for (std::string_view line : lines_) stripped_.push_back(strip_leading(line));
    classes_.assign(lines_.size(), LineClass::kProse);
  }

  // A unit for lines [first, last]: `parts` are their code without comments,
  // `tokens` what the lexer saw in them.
  Unit make_unit(int first, int last, std::string_view first_text, const std::vector<std::string_view>& parts,
                 const std::vector<Token>& tokens, bool single_line, bool commented, bool* strong_prose) {
    Unit unit;
    unit.first = first;
    unit.last = last;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) unit.source += '\n';
      unit.source += parts[k];
    }
    const UnitFeatures f = features_of(first_text, tokens, single_line, commented);
    unit.shape = f.shape;
    unit.context = f.context;
    unit.needs_body = f.needs_body;
    unit.weak = f.weak;
    unit.decorator = f.decorator;
    *strong_prose = f.strong_prose;
    return unit;
  }

  // Lexes `text` as one statement from a clean state: the unit, or nothing
  // when Python could never accept it. Appends closers when it stays open.
  std::optional<Unit> single_line_unit(int index, std::string_view text) {
    PythonLineLexer lexer;
    std::vector<Token> tokens;
    const PythonLineLexer::Line lexed = lexer.next(text, &tokens);
    if (!lexed.plausible || !lexed.has_code) return std::nullopt;
    std::string_view code = strip_trailing(text.substr(0, lexed.comment));
    std::string closed;
    bool dangling = false;
    if (lexer.open()) {
      const std::string closers = lexer.closers();
      closed = std::string(code) + closers;
      // Re-lex so that the shape and the body rule see the closed statement.
      PythonLineLexer again;
      tokens.clear();
      const PythonLineLexer::Line relexed = again.next(closed, &tokens);
      if (!relexed.plausible || again.open()) return std::nullopt;
      code = closed;
      dangling = true;
    }
    bool strong_prose = false;
    Unit unit = make_unit(index, index, text, {code}, tokens, true, has_comment_text(text, lexed.comment),
                          &strong_prose);
    if (strong_prose) return std::nullopt;
    unit.dangling = dangling;
    return unit;
  }

  void classify() {
    std::vector<Unit> units;
    std::vector<Token> tokens;
    std::vector<std::string_view> parts;
    // Following open brackets costs at most a few passes over the guide.
    std::size_t budget = 4 * text_.size() + (1u << 20);
    const int n = static_cast<int>(lines_.size());
    for (int i = 0; i < n;) {
      if (units.size() + unclosed_.size() >= kUnitsPerWindow) {
        judge_window(units);
        units.clear();
      }
      const std::string_view s = stripped_[i];
      if (s.empty()) {
        classes_[i++] = LineClass::kBlank;
        continue;
      }
      if (s.size() > kMaxCodeLineBytes) {
        diagnostics_.add(i + 1, "long", "line longer than " + std::to_string(kMaxCodeLineBytes) +
                                            " bytes; not treated as code");
        ++i;
        continue;
      }
      if (has_control_characters(s) || !valid_utf8(s)) {
        diagnostics_.add(i + 1, "binary", "line holds control characters or invalid UTF-8; not treated as code");
        ++i;
        continue;
      }
      if (s[0] == '#') {
        classes_[i++] = LineClass::kComment;
        continue;
      }
      PythonLineLexer lexer;
      tokens.clear();
      parts.clear();
      PythonLineLexer::Line lexed = lexer.next(s, &tokens);
      if (!lexed.plausible) {
        ++i;
        continue;
      }
      parts.push_back(strip_trailing(s.substr(0, lexed.comment)));
      const bool first_comment = has_comment_text(s, lexed.comment);
      int last = i;
      bool closed = !lexer.open();
      bool plausible = true;
      std::size_t bytes = s.size();
      while (!closed && last + 1 < n && last + 1 - i < kMaxStatementLines && bytes < kMaxStatementBytes &&
             budget > 0) {
        const std::string_view t = stripped_[last + 1];
        if (t.size() > kMaxCodeLineBytes || has_control_characters(t) || !valid_utf8(t)) break;
        ++last;
        bytes += t.size() + 1;
        budget = budget > t.size() ? budget - t.size() - 1 : 0;
        lexed = lexer.next(t, &tokens);
        parts.push_back(lexed.comment == std::string_view::npos ? t : strip_trailing(t.substr(0, lexed.comment)));
        if (!lexed.plausible) {
          plausible = false;
          break;
        }
        closed = !lexer.open();
      }
      if (closed && plausible) {
        bool strong_prose = false;
        Unit unit = make_unit(i, last, s, parts, tokens, last == i, first_comment, &strong_prose);
        if (!strong_prose) units.push_back(std::move(unit));
        i = last + 1;
        continue;
      }
      // The bracket never closes in a way Python accepts: the lines it
      // swallowed are judged one by one (the line that broke it is not one).
      const int end = plausible ? last : last - 1;
      if (end > i) {
        diagnostics_.add(i + 1, "unclosed", "bracket or string opened here is still open at line " +
                                                std::to_string(end + 1) + "; lines judged one by one");
        unclosed_.emplace_back(i, end);
        i = end + 1;
        continue;
      }
      if (std::optional<Unit> unit = single_line_unit(i, s)) units.push_back(std::move(*unit));
      ++i;
    }
    judge_window(units);
    check_decorators();
  }

  // Compiles a window of units and marks the lines of those that are code.
  void judge_window(std::vector<Unit>& units) {
    std::vector<std::size_t> all(units.size());
    for (std::size_t k = 0; k < units.size(); ++k) all[k] = k;
    compiler_.judge(units, all);

    // Groups that do not compile as a whole: judge their lines one by one,
    // each from a clean state and, for continuation lines, with its brackets reopened.
    std::vector<std::pair<int, int>> ranges;
    ranges.swap(unclosed_);
    for (const Unit& unit : units) {
      if (unit.verdict == Verdict::kCode || unit.first == unit.last) continue;
      diagnostics_.add(unit.first + 1, "group",
                       "statement over lines " + std::to_string(unit.first + 1) + "-" + std::to_string(unit.last + 1) +
                           " does not compile as a whole; its lines are judged one by one");
      ranges.emplace_back(unit.first, unit.last);
    }
    std::vector<Unit> retry;
    for (const auto& [first, last] : ranges) {
      PythonLineLexer lexer;
      for (int k = first; k <= last; ++k) {
        const std::string_view t = stripped_[k];
        // Deeper nesting than this is a run of unclosed openers, not a literal.
        const std::string closers = lexer.closers();
        const std::string reopen = closers.size() <= kMaxReopenDepth ? reopeners(closers) : std::string();
        lexer.next(t);
        if (t.empty()) {
          classes_[k] = LineClass::kBlank;
          continue;
        }
        if (t[0] == '#') {
          classes_[k] = LineClass::kComment;
          continue;
        }
        if (std::optional<Unit> alone = single_line_unit(k, t)) retry.push_back(std::move(*alone));
        if (!reopen.empty()) {
          if (std::optional<Unit> inside = single_line_unit(k, reopen + std::string(t))) {
            inside->weak = false;
            inside->dangling = false;
            inside->decorator = false;
            retry.push_back(std::move(*inside));
          }
        }
      }
    }
    std::vector<std::size_t> retry_all(retry.size());
    for (std::size_t k = 0; k < retry.size(); ++k) retry_all[k] = k;
    compiler_.judge(retry, retry_all);

    // A line accepted by either fallback variant takes the stronger class.
    auto rank = [](LineClass c) {
      return c == LineClass::kCode ? 3 : c == LineClass::kOpener ? 2 : c == LineClass::kWeak ? 1 : 0;
    };
    auto apply = [&](const Unit& unit) {
      if (unit.verdict != Verdict::kCode) return;
      const LineClass c = unit.weak ? LineClass::kWeak : unit.dangling ? LineClass::kOpener : LineClass::kCode;
      for (int k = unit.first; k <= unit.last; ++k)
        if (rank(c) > rank(classes_[k])) classes_[k] = c;
    };
    for (const Unit& unit : units) apply(unit);
    for (const Unit& unit : retry) apply(unit);

    for (const Unit& unit : units)
      if (unit.decorator && unit.verdict == Verdict::kCode) decorators_.emplace_back(unit.first, unit.last);
  }

  // A decorator must be followed by a definition or another decorator.
  void check_decorators() {
    const int n = static_cast<int>(lines_.size());
    for (const auto& [first, last] : decorators_) {
      int k = last + 1;
      while (k < n && (classes_[k] == LineClass::kBlank || classes_[k] == LineClass::kComment)) ++k;
      bool followed = false;
      if (k < n && classes_[k] == LineClass::kCode) {
        const std::string_view t = stripped_[k];
        followed = t.substr(0, 4) == "def " || t.substr(0, 6) == "class " || t.substr(0, 10) == "async def " ||
                   t.substr(0, 1) == "@";
      }
      if (!followed) {
        for (int j = first; j <= last; ++j) classes_[j] = LineClass::kWeak;
        diagnostics_.add(first + 1, "decorator", "decorator line not followed by a definition");
      }
    }
  }

  // Hashtags ("#python #interview") and Markdown headings ("## Setup") alone
  // are page furniture, not a sample.
  static bool is_furniture_comment(std::string_view s) {
    if (s.size() < 2 || s[1] == '#') return true;
    return s.size() >= 2 && s[1] != ' ' && s[1] != '\t' && s[1] != '!';
  }

  void build_runs() {
    const int n = static_cast<int>(lines_.size());
    for (int i = 0; i < n;) {
      if (classes_[i] == LineClass::kProse) {
        ++i;
        continue;
      }
      int j = i;
      while (j + 1 < n && classes_[j + 1] != LineClass::kProse) ++j;
      int first = i;
      int last = j;
      i = j + 1;
      // Blank lines and prose-like code at the edges belong to the prose around.
      auto trimmable = [&](int k) { return classes_[k] == LineClass::kBlank || classes_[k] == LineClass::kWeak; };
      while (last >= first && (trimmable(last) || classes_[last] == LineClass::kOpener)) --last;
      while (first <= last && trimmable(first)) ++first;
      if (first > last) continue;
      bool has_code = false;
      bool all_furniture = true;
      for (int k = first; k <= last; ++k) {
        if (classes_[k] != LineClass::kComment && classes_[k] != LineClass::kBlank) has_code = true;
        if (classes_[k] == LineClass::kComment && !is_furniture_comment(stripped_[k])) all_furniture = false;
      }
      if (!has_code && all_furniture) continue;
      CodeRun run;
      run.first_line = first + 1;
      run.last_line = last + 1;
      for (int k = first; k <= last; ++k) {
        run.lines.emplace_back(stripped_[k]);
        run.guide_lines.push_back(k + 1);
        if (classes_[k] == LineClass::kWeak || classes_[k] == LineClass::kOpener)
          doubtful_lines_.emplace_back(k, result_.runs.size());
      }
      if (!has_code) comment_only_.push_back(result_.runs.size());
      result_.runs.push_back(std::move(run));
    }
  }

  // Numbered headings become items when their numbers rise through the
  // guide: the heaviest increasing sequence wins, so a numbered list inside
  // an answer ("1. Install", "2. Run") does not reset the numbering.
  void find_items() {
    struct Candidate {
      int number;
      int line;
      std::string_view title;
      int weight;
    };
    std::vector<Candidate> candidates;
    const int n = static_cast<int>(lines_.size());
    for (int i = 0; i < n; ++i) {
      if (classes_[i] != LineClass::kProse) continue;
      const auto heading = match_item_heading(strip_trailing(stripped_[i]));
      if (!heading || heading->first > 100000) continue;
      candidates.push_back({heading->first, i, heading->second, 1});
    }
    if (candidates.empty()) return;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      Candidate& c = candidates[k];
      if (!c.title.empty() && c.title.back() == '?') ++c.weight;
      // Steps of a list sit on consecutive lines; questions have answers between them.
      const bool previous_adjacent = k > 0 && candidates[k - 1].line + 1 == c.line;
      const bool next_adjacent = k + 1 < candidates.size() && candidates[k + 1].line == c.line + 1;
      if (!previous_adjacent && !next_adjacent) ++c.weight;
    }
    // Weighted longest strictly increasing subsequence, O(n log n) with a
    // Fenwick tree of prefix maxima over the distinct numbers.
    std::vector<int> numbers;
    for (const Candidate& c : candidates) numbers.push_back(c.number);
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    const std::size_t m = numbers.size();
    std::vector<std::pair<long, int>> tree(m + 1, {0, -1});  // (best weight, candidate index)
    std::vector<long> best(candidates.size());
    std::vector<int> parent(candidates.size(), -1);
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const std::size_t rank = static_cast<std::size_t>(
          std::lower_bound(numbers.begin(), numbers.end(), candidates[k].number) - numbers.begin());
      std::pair<long, int> prefix{0, -1};
      for (std::size_t r = rank; r > 0; r -= r & (~r + 1)) prefix = std::max(prefix, tree[r]);
      best[k] = prefix.first + candidates[k].weight;
      parent[k] = prefix.second;
      for (std::size_t r = rank + 1; r <= m; r += r & (~r + 1))
        tree[r] = std::max(tree[r], std::make_pair(best[k], static_cast<int>(k)));
    }
    int end = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
    std::vector<int> chosen;
    for (int k = end; k >= 0; k = parent[static_cast<std::size_t>(k)]) chosen.push_back(k);
    std::reverse(chosen.begin(), chosen.end());
    std::size_t next = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const Candidate& c = candidates[k];
      if (next < chosen.size() && static_cast<std::size_t>(chosen[next]) == k) {
        result_.items.push_back({c.number, c.line + 1, std::string(c.title)});
        ++next;
      } else if (c.title.back() == '?') {
        diagnostics_.add(c.line + 1, "item-order",
                         "numbered heading " + std::to_string(c.number) + " is out of order; not taken as an item");
      }
    }
  }

  static std::string two_digits(int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

  void assign_ids() {
    std::size_t item = 0;
    int unnumbered = 0;
    std::unordered_map<int, int> per_item;
    const CodeRun* previous = nullptr;
    for (CodeRun& run : result_.runs) {
      while (item < result_.items.size() && result_.items[item].line < run.first_line) ++item;
      run.item = item == 0 ? 0 : result_.items[item - 1].number;
      if (run.item == 0) {
        run.id = "s" + two_digits(++unnumbered);
      } else {
        const int count = ++per_item[run.item];
        run.id = "q" + two_digits(run.item) + (count == 1 ? "" : "-" + std::to_string(count));
        if (count > 1 && previous && previous->item == run.item && previous->last_line + 2 == run.first_line)
          diagnostics_.add(run.first_line - 1, "split",
                           "prose line splits item " + std::to_string(run.item) + " into " + previous->id + " and " +
                               run.id);
      }
      previous = &run;
    }
    for (const auto& [line, index] : doubtful_lines_) {
      if (classes_[line] == LineClass::kOpener)
        diagnostics_.add(line + 1, "opener",
                         "bracket never closed; kept in sample " + result_.runs[index].id + " as if closed");
      else
        diagnostics_.add(line + 1, "weak", "kept in sample " + result_.runs[index].id + " although it reads like prose");
    }
    for (std::size_t index : comment_only_) {
      const CodeRun& run = result_.runs[index];
      diagnostics_.add(run.first_line, "comment-only", "sample " + run.id + " holds only comments");
    }
  }

  std::string_view text_;
  UnitCompiler compiler_;
  ParsedGuide result_;
  DiagnosticSink diagnostics_;
  std::vector<std::string_view> lines_;
  std::vector<std::string_view> stripped_;
  std::vector<LineClass> classes_;
  std::vector<std::pair<int, std::size_t>> doubtful_lines_;  // weak or opener lines in runs: line, run index
  std::vector<std::size_t> comment_only_;
  std::vector<std::pair<int, int>> decorators_;  // lines of decorator units that compiled
  std::vector<std::pair<int, int>> unclosed_;    // line ranges of statements that never closed
};

}  // namespace

ParsedGuide parse_guide(std::string_view text, std::string_view filename) {
  return GuideParser(text, filename).run();
}

}  // namespace guidecheck
