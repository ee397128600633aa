#include "python_lexer.h"

#include <algorithm>
#include <array>

namespace guidecheck {
namespace {

using TokenKind = PythonLexer::TokenKind;

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_identifier_byte(unsigned char c) { return c == '_' || is_ascii_alpha(c) || is_ascii_digit(c) || c >= 0x80; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

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

// Non-ASCII characters that can never appear in Python source outside
// strings and comments, but often do in scraped prose.
bool is_unicode_punctuation(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x23FF) ||
         (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
         cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

// Whether Python accepts every non-ASCII character of an identifier.
bool valid_identifier(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    if (static_cast<unsigned char>(word[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = decode_utf8(word, i, &cp);
    if (length == 0 || is_unicode_punctuation(cp)) return false;
    i += length;
  }
  return true;
}

bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c | 0x20);
  return lower == "r" || lower == "u" || lower == "f" || lower == "b" || lower == "br" || lower == "rb" ||
         lower == "fr" || lower == "rf";
}

// Python's operators, longest first so that `**=` is not read as `**`, `=`.
// `<>` only parses under `from __future__ import barry_as_FLUFL`, but the
// tokenizer knows it.
constexpr std::array<std::string_view, 4> kOperators3 = {"**=", "//=", ">>=", "<<="};
constexpr std::array<std::string_view, 20> kOperators2 = {"**", "//", "<<", ">>", "<=", ">=", "==",
                                                          "!=", "->", ":=", "+=", "-=", "*=", "/=",
                                                          "%=", "&=", "|=", "^=", "@=", "<>"};
constexpr std::string_view kOperators1 = "+-*/%@&|^~<>=.:,;";

// Length of the operator at line[i], 0 when there is none.
std::size_t operator_length(std::string_view line, std::size_t i) {
  const std::string_view rest = line.substr(i);
  for (std::string_view op : kOperators3)
    if (rest.substr(0, 3) == op) return 3;
  if (rest.substr(0, 3) == "...") return 3;
  for (std::string_view op : kOperators2)
    if (rest.substr(0, 2) == op) return 2;
  return kOperators1.find(rest[0]) != std::string_view::npos ? 1 : 0;
}

// Scans a string body from `i`; returns the offset after the closing quote,
// or npos when the line ends first (*escaped_newline when a backslash ends it).
std::size_t scan_string(std::string_view line, std::size_t i, char quote, bool triple, bool* escaped_newline) {
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
}

}  // namespace

bool is_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",   "True",  "and",      "as",       "assert", "async", "await",  "break",
      "class", "continue", "def", "del",      "elif",     "else",   "except", "finally", "for",
      "from",  "global", "if",    "import",   "in",       "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise", "return",   "try",      "while",  "with",  "yield"};
  return std::binary_search(kKeywords.begin(), kKeywords.end(), word);
}

bool is_soft_keyword(std::string_view word) { return word == "match" || word == "case" || word == "type"; }

std::string_view strip_leading(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_blank(s[i])) {
      ++i;
    } else if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;
    } else {
      break;
    }
  }
  return s.substr(i);
}

std::string_view strip_trailing(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool has_equals_sign(const PythonLexer::Token& token) {
  return token.kind == TokenKind::kOperator && token.text != "!=" && token.text.find('=') != std::string_view::npos;
}

void PythonLexer::reset() {
  brackets_.clear();
  line_ = -1;
  quote_ = 0;
  triple_ = false;
  backslash_ = false;
  has_previous_ = false;
  logical_tokens_ = 0;
  soft_keyword_start_ = false;
}

std::string PythonLexer::closers() const {
  std::string out;
  if (quote_ != 0) out.append(triple_ ? 3 : 1, quote_);
  for (auto it = brackets_.rbegin(); it != brackets_.rend(); ++it)
    out += it->bracket == '(' ? ')' : it->bracket == '[' ? ']' : '}';
  return out;
}

void PythonLexer::add(TokenKind kind, std::string_view text, Line* out, std::vector<Token>* tokens) {
  // Keywords are not atoms: `x if y else z`, `not x`, `True or False`.
  const bool atom = kind == TokenKind::kName || kind == TokenKind::kNumber || kind == TokenKind::kString;
  if (atom && has_previous_) {
    const bool previous_atom = previous_ == TokenKind::kName || previous_ == TokenKind::kNumber ||
                               previous_ == TokenKind::kString || previous_ == TokenKind::kClose;
    // Adjacent strings concatenate; `match x`, `case 1`, `type X` start soft-keyword statements.
    const bool allowed = (kind == TokenKind::kString && previous_ == TokenKind::kString) ||
                         (logical_tokens_ == 1 && soft_keyword_start_);
    if (previous_atom && !allowed) out->plausible = false;
  }
  if (logical_tokens_ == 0) soft_keyword_start_ = kind == TokenKind::kName && is_soft_keyword(text);
  previous_ = kind;
  has_previous_ = true;
  ++logical_tokens_;
  if (tokens) tokens->push_back({kind, text});
}

// A number at line[i] (a digit, or '.' and a digit); returns the offset after it.
std::size_t PythonLexer::lex_number(std::string_view line, std::size_t i, Line* out) const {
  bool valid = true;
  if (line[i] == '0' && i + 1 < line.size() && std::string_view("xXoObB").find(line[i + 1]) != std::string_view::npos) {
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
  if (i < line.size() && is_identifier_byte(static_cast<unsigned char>(line[i]))) valid = false;
  if (!valid) out->plausible = false;
  return i;
}

PythonLexer::Line PythonLexer::next(std::string_view line, std::vector<Token>* tokens) {
  Line out;
  ++line_;
  out.continued = open();
  if (!out.continued) {
    has_previous_ = false;
    logical_tokens_ = 0;
    soft_keyword_start_ = false;
  }
  backslash_ = false;
  auto invalid = [&](std::string_view text) {
    out.plausible = false;
    if (tokens) tokens->push_back({TokenKind::kInvalid, text});
  };

  std::size_t i = 0;
  if (quote_ != 0) {
    out.has_code = true;
    bool escaped = false;
    const std::size_t end = scan_string(line, 0, quote_, triple_, &escaped);
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
    // Not whitespace to Python, but harmless to the token stream: a CR left
    // by CRLF text must not turn `if x:` into something else.
    if (c == '\v' || c == '\r' || c == '\n') {
      out.plausible = false;
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
      // Only blanks after it: a continuation Python would reject, but the
      // statement plainly goes on (a scrape leaves trailing blanks).
      if (line.find_first_not_of(" \t\f\v\r\n", i + 1) == std::string_view::npos) {
        backslash_ = true;
        if (i + 1 != line.size()) out.plausible = false;
        break;
      }
      invalid(line.substr(i, 1));
      ++i;
      continue;
    }

    // Identifiers, keywords and prefixed strings.
    if (c == '_' || is_ascii_alpha(c) || c >= 0x80) {
      while (i < line.size() && is_identifier_byte(static_cast<unsigned char>(line[i]))) ++i;
      const std::string_view word = line.substr(start, i - start);
      if (!valid_identifier(word)) out.plausible = false;
      if (i < line.size() && (line[i] == '"' || line[i] == '\'') && is_string_prefix(word)) {
        // fall through to the string scanner with the prefix included
      } else {
        add(is_keyword(word) ? TokenKind::kKeyword : TokenKind::kName, word, &out, tokens);
        continue;
      }
    }

    if (line[i] == '"' || line[i] == '\'') {
      const char quote = line[i];
      const bool triple = i + 2 < line.size() && line[i + 1] == quote && line[i + 2] == quote;
      bool escaped = false;
      const std::size_t end = scan_string(line, i + (triple ? 3 : 1), quote, triple, &escaped);
      if (end == std::string_view::npos) {
        add(TokenKind::kString, line.substr(start), &out, tokens);
        if (triple || escaped) {
          quote_ = quote;
          triple_ = triple;
        } else {
          out.plausible = false;  // unterminated single-quoted string: an apostrophe in prose
        }
        break;
      }
      add(TokenKind::kString, line.substr(start, end - start), &out, tokens);
      i = end;
      continue;
    }

    if (is_ascii_digit(c) || (c == '.' && i + 1 < line.size() && is_ascii_digit(line[i + 1]))) {
      i = lex_number(line, i, &out);
      add(TokenKind::kNumber, line.substr(start, i - start), &out, tokens);
      continue;
    }

    if (c == '(' || c == '[' || c == '{') {
      brackets_.push_back({static_cast<char>(c), line_});
      add(TokenKind::kOpen, line.substr(i, 1), &out, tokens);
      ++i;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      const char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (brackets_.empty() || brackets_.back().bracket != expected) out.plausible = false;
      if (!brackets_.empty()) brackets_.pop_back();
      add(TokenKind::kClose, line.substr(i, 1), &out, tokens);
      ++i;
      continue;
    }
    if (const std::size_t length = operator_length(line, i); length > 0) {
      add(TokenKind::kOperator, line.substr(i, length), &out, tokens);
      i += length;
      continue;
    }
    // '$', '?', '`', a '!' without '=', control characters, NUL.
    invalid(line.substr(i, 1));
    ++i;
  }
  out.continues = open();
  return out;
}

}  // namespace guidecheck
