#include "printed_fragments.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "claim_text.h"

namespace guidecheck {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_char(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '_'; }


// A piece is text meant to be read: it has a space or punctuation, or its
// literal is a template (`f"Hello {name}"`). A plain word ("salary", "Alice")
// is a key or a data value more often than printed text.
void add_piece(std::string_view piece, bool templated, std::vector<std::string>* out) {
  while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t')) piece.remove_prefix(1);
  while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\t')) piece.remove_suffix(1);
  if (piece.size() < 3 || !std::any_of(piece.begin(), piece.end(), is_letter)) return;
  const bool readable = templated || !std::all_of(piece.begin(), piece.end(), is_word_char);
  if (readable) out->push_back(ascii_lower(piece));
}

// The content of one string token (or the part of a string on one line),
// cut where the program fills in or escapes something.
void split_literal(std::string_view token, std::vector<std::string>* out) {
  std::size_t start = 0;
  while (start < token.size() && start < 2 && is_letter(token[start])) ++start;  // prefix: f, rb...
  if (start == token.size() || (token[start] != '"' && token[start] != '\'')) start = 0;  // the rest of a string
  while (start < token.size() && (token[start] == '"' || token[start] == '\'')) ++start;
  std::size_t end = token.size();
  while (end > start && (token[end - 1] == '"' || token[end - 1] == '\'')) --end;
  const std::string_view content = token.substr(start, end - start);
  const bool templated = content.find_first_of("{%\\") != std::string_view::npos;
  std::size_t piece = 0;
  std::size_t i = 0;
  auto cut = [&](std::size_t at, std::size_t resume) {
    add_piece(content.substr(piece, at - piece), templated, out);
    piece = resume;
    i = resume;
  };
  while (i < content.size()) {
    const char c = content[i];
    if (c == '{') {
      // A replacement field (f-string or str.format) up to its closing brace.
      const std::size_t close = content.find('}', i);
      cut(i, close == std::string_view::npos ? content.size() : close + 1);
    } else if (c == '}') {
      cut(i, i + 1);
    } else if (c == '\\' && i + 1 < content.size()) {
      cut(i, i + 2);
    } else if (c == '%' && i + 1 < content.size()) {
      // printf-style: %s, %5.2f, %(name)s
      std::size_t k = i + 1;
      if (content[k] == '(') {
        const std::size_t close = content.find(')', k);
        k = close == std::string_view::npos ? content.size() : close + 1;
      }
      while (k < content.size() && std::string_view("-+ #0123456789.*").find(content[k]) != std::string_view::npos) ++k;
      cut(i, std::min(content.size(), k + 1));
    } else {
      ++i;
    }
  }
  add_piece(content.substr(std::min(piece, content.size())), templated, out);
}

// Whether `fragment` occurs in `text` at `at` with no word character
// joined to either end of it.
bool whole_words_at(std::string_view text, std::size_t at, std::size_t size) {
  const bool before = at == 0 || !is_word_char(text[at - 1]) || !is_word_char(text[at]);
  const bool after = at + size >= text.size() || !is_word_char(text[at + size]) || !is_word_char(text[at + size - 1]);
  return before && after;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The expression and `=` of a self-documenting replacement field that
// opens `text` (`score = ` of `{score = } pts`, `x=` of `{x=!r:>6}`): an `=`
// outside brackets and strings, not part of `==`, `!=`, `<=`, `>=`, with
// only blanks, a conversion or a format spec after it. Empty for any other.
std::string_view self_documenting_head(std::string_view text) {
  std::size_t equals = std::string_view::npos;
  int depth = 0;
  char quote = 0;
  for (std::size_t k = 1; k < text.size(); ++k) {
    const char c = text[k];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == '}' || (depth == 0 && (c == ':' || (c == '!' && (k + 1 >= text.size() || text[k + 1] != '='))))) {
      // The field ends, or its conversion or format spec starts.
      if (equals == std::string_view::npos || !trimmed(text.substr(equals + 1, k - equals - 1)).empty()) return {};
      return trimmed(text.substr(1, equals));
    } else if (c == '=' && depth == 0 && equals == std::string_view::npos) {
      const bool compares = std::string_view("=!<>").find(text[k - 1]) != std::string_view::npos ||
                            (k + 1 < text.size() && text[k + 1] == '=');
      if (!compares) equals = k;
    }
  }
  return {};
}

// How the text a string literal token writes begins (printed_line_starts).
std::string_view literal_start(std::string_view token) {
  std::size_t open = 0;
  while (open < token.size() && open < 2 && is_letter(token[open])) ++open;
  const std::string_view prefix = token.substr(0, open);
  if (open == token.size() || (token[open] != '"' && token[open] != '\'')) return {};
  const bool triple = token.substr(open, 3) == std::string(3, token[open]);
  std::string_view content = token.substr(open + (triple ? 3 : 1));
  while (!content.empty() && content.back() == token[open]) content.remove_suffix(1);
  if (prefix.find_first_of("fF") != std::string_view::npos && content.starts_with('{') && !content.starts_with("{{"))
    return self_documenting_head(content);
  return trimmed(content.substr(0, content.find_first_of("{%\\")));
}

}  // namespace

std::vector<std::string> printed_line_starts(const std::vector<std::string_view>& code) {
  std::vector<std::string> starts;
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  for (std::string_view line : code) {
    tokens.clear();
    if (!lexer.next(line, &tokens).plausible) lexer.reset();
    for (std::size_t k = 0; k + 2 < tokens.size(); ++k) {
      const bool method = k > 0 && tokens[k - 1].text == ".";  // `console.print(`: another print
      if (method || tokens[k].text != "print" || tokens[k + 1].text != "(" ||
          tokens[k + 2].kind != PythonLexer::TokenKind::kString)
        continue;
      const std::string_view start = literal_start(tokens[k + 2].text);
      if (std::any_of(start.begin(), start.end(), is_letter)) starts.emplace_back(start);
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

void add_printed_fragments(std::string_view line, PythonLexer* lexer, std::vector<std::string>* fragments) {
  std::vector<PythonLexer::Token> tokens;
  const PythonLexer::Line lexed = lexer->next(line, &tokens);
  if (!lexed.plausible) lexer->reset();
  for (const auto& token : tokens)
    if (token.kind == PythonLexer::TokenKind::kString) split_literal(token.text, fragments);
}

std::vector<std::string> printed_fragments(const std::vector<std::string_view>& code) {
  std::vector<std::string> out;
  PythonLexer lexer;
  for (std::string_view line : code) add_printed_fragments(line, &lexer, &out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool shows_printed_fragment(std::string_view raw, const std::vector<std::string>& fragments) {
  const std::string text = ascii_lower(raw);
  for (const std::string& fragment : fragments) {
    if (text.compare(0, fragment.size(), fragment) == 0 && whole_words_at(text, 0, fragment.size())) return true;
    // A printed paragraph wrapped over several lines: a line of it.
    if (text.size() >= 12 && text.find(' ') != std::string::npos) {
      const std::size_t at = fragment.find(text);
      if (at != std::string::npos && whole_words_at(fragment, at, text.size())) return true;
    }
    if (fragment.size() < 6 || fragment.find(' ') == std::string::npos) continue;
    for (std::size_t at = text.find(fragment); at != std::string::npos; at = text.find(fragment, at + 1))
      if (whole_words_at(text, at, fragment.size())) return true;
  }
  return false;
}

std::size_t printed_words_shown(std::string_view text, const std::vector<std::string>& fragments) {
  auto words_of = [](std::string_view s) {
    std::set<std::string> words;
    std::string word;
    for (char c : s) {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        continue;
      }
      if (word.size() >= 3) words.insert(word);
      word.clear();
    }
    if (word.size() >= 3) words.insert(word);
    return words;
  };
  std::set<std::string> printed;
  for (const std::string& fragment : fragments) printed.merge(words_of(fragment));
  std::size_t shown = 0;
  for (const std::string& word : words_of(text)) shown += printed.count(word);
  return shown;
}

}  // namespace guidecheck
