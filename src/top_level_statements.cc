#include "top_level_statements.h"

#include <string>

#include "logical_lines.h"

namespace guidecheck {
namespace {

// PEP 263: a comment naming the encoding on the first or second line.
bool declares_encoding(const std::vector<std::string>& lines) {
  for (size_t i = 0; i < lines.size() && i < 2; ++i) {
    const std::string_view line = strip_leading(lines[i]);
    if (line.empty() || line[0] != '#') {
      if (!line.empty()) return false;  // code: the second line no longer counts
      continue;
    }
    for (std::string_view key : {"coding:", "coding="})
      if (line.find(key) != std::string_view::npos) return true;
  }
  return false;
}

// Python's physical lines, without their line ends.
std::vector<std::string> physical_lines(std::string_view source) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view line = source.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

// At the margin: a form feed resets Python's column count, so it is no indent.
bool at_margin(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '\f') ++i;
  return i == line.size() || (line[i] != ' ' && line[i] != '\t');
}

bool continues_compound(const RawStatement& statement) {
  if (statement.tokens.empty() || statement.tokens[0].kind != PythonLexer::TokenKind::kKeyword) return false;
  const std::string& word = statement.tokens[0].text;
  return word == "else" || word == "elif" || word == "except" || word == "finally";
}

bool starts_with_word(const RawStatement& statement, std::string_view first, std::string_view second) {
  return statement.tokens.size() >= 2 && statement.tokens[0].text == first && statement.tokens[1].text == second;
}

// `if x: a(); b()` is one statement: the ';' is in its body.
bool opens_compound(const RawStatement& statement) {
  if (statement.tokens.empty() || statement.tokens[0].kind != PythonLexer::TokenKind::kKeyword) return false;
  for (std::string_view word : {"if", "while", "for", "with", "def", "class", "async", "try"})
    if (statement.tokens[0].text == word) return true;
  return false;
}

bool is_bare_string(const RawStatement& statement) {
  for (const StatementToken& token : statement.tokens) {
    if (token.kind != PythonLexer::TokenKind::kString || token.fstring) return false;
    const size_t quote = token.text.find_first_of("'\"");
    if (token.text.substr(0, quote).find_first_of("bB") != std::string::npos) return false;
  }
  return !statement.tokens.empty();
}

bool joins_statements(const RawStatement& statement) {
  for (const StatementToken& token : statement.tokens)
    if (token.depth == 0 && token.kind == PythonLexer::TokenKind::kOperator && token.text == ";") return true;
  return false;
}

}  // namespace

std::optional<std::vector<TopLevelStatement>> top_level_statements(std::string_view source) {
  if (source.find('\0') != std::string_view::npos || source.substr(0, 3) == "\xEF\xBB\xBF") return std::nullopt;
  // A lone CR ends a line for Python (old Mac files), not for these lines.
  for (size_t cr = source.find('\r'); cr != std::string_view::npos; cr = source.find('\r', cr + 1))
    if (cr + 1 == source.size() || source[cr + 1] != '\n') return std::nullopt;
  const std::vector<std::string> lines = physical_lines(source);
  if (declares_encoding(lines)) return std::nullopt;
  std::vector<TopLevelStatement> statements;
  bool decorating = false;  // the statement so far is decorators: the def or class comes next
  for (const RawStatement& statement : split_logical_lines(lines).statements) {
    // Simple statements joined by ';' are one ast statement each.
    const bool top = at_margin(lines[statement.first_line]) && !continues_compound(statement);
    if (top && joins_statements(statement) && !opens_compound(statement)) return std::nullopt;
    if (top && !decorating) {
      const std::string& first = statement.tokens.empty() ? std::string() : statement.tokens[0].text;
      statements.push_back({statement.first_line + 1, statement.last_line + 1,
                            starts_with_word(statement, "from", "__future__"), is_bare_string(statement),
                            first == "global" || first == "nonlocal"});
    } else if (statements.empty()) {
      return std::nullopt;  // not a module CPython compiles
    } else {
      statements.back().last_line = statement.last_line + 1;
    }
    if (top) decorating = !statement.tokens.empty() && statement.tokens[0].text == "@";
  }
  return statements;
}

}  // namespace guidecheck
