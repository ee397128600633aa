#include "call_output_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "logical_lines.h"
#include "python_lexer.h"

namespace guidecheck {
namespace {

using TokenKind = PythonLexer::TokenKind;

constexpr std::array<std::string_view, 12> kCallWords = {"call",      "calls",    "expression", "expressions",
                                                         "input",     "code",     "statement",  "statements",
                                                         "example",   "operation", "command",   "snippet"};
constexpr std::array<std::string_view, 15> kOutputWords = {
    "prints", "printed", "output", "outputs", "result", "results", "value",    "values",
    "returns", "returned", "gives", "shows",  "displays", "evaluates", "yields"};

template <std::size_t N>
bool names_one_of(std::string_view header, const std::array<std::string_view, N>& words) {
  std::string word;
  auto matches = [&] { return !word.empty() && std::find(words.begin(), words.end(), word) != words.end(); };
  for (char c : header) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (matches()) return true;
    word.clear();
  }
  return matches();
}

// Text without blanks: `reduce(mul, prices)` and `reduce(mul,prices)` are one call.
std::string compact(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n') out += c;
  return out;
}

// The pieces of a call cell around its elisions (`reduce(f, ...)`).
std::vector<std::string> call_pieces(const std::string& call) {
  std::string text = compact(call);
  for (std::size_t at = text.find("\xE2\x80\xA6"); at != std::string::npos; at = text.find("\xE2\x80\xA6", at))
    text.replace(at, 3, "...");
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t at = text.find("..."); at != std::string::npos; at = text.find("...", start)) {
    if (at > start) pieces.push_back(text.substr(start, at - start));
    start = at + 3;
  }
  if (start < text.size()) pieces.push_back(text.substr(start));
  return pieces;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `statement` holds the pieces in order, starting and ending at a word's
// edge (`x` is not in `xs`, `count(` not in `items.count(`).
bool holds_call(const std::string& statement, const std::vector<std::string>& pieces) {
  if (pieces.empty()) return false;
  const std::string& head = pieces.front();
  for (std::size_t first = statement.find(head); first != std::string::npos; first = statement.find(head, first + 1)) {
    if (first > 0 && is_word_char(head.front()) && (is_word_char(statement[first - 1]) || statement[first - 1] == '.'))
      continue;
    std::size_t end = first + head.size();
    for (std::size_t k = 1; k < pieces.size(); ++k) {
      const std::size_t at = statement.find(pieces[k], end);
      if (at == std::string::npos) return false;  // nor after a later start
      end = at + pieces[k].size();
    }
    if (end < statement.size() && is_word_char(pieces.back().back()) && is_word_char(statement[end])) continue;
    return true;
  }
  return false;
}

// A statement whose run shows a value: a print call, or a bare expression
// (a session echoes it; a script's claim on it is judged by that echo).
bool shows_output(const RawStatement& statement) {
  const std::vector<StatementToken>& tokens = statement.tokens;
  if (tokens.empty()) return false;
  if (tokens.size() > 1 && tokens[0].text == "print" && tokens[1].text == "(") return true;
  static constexpr std::array<std::string_view, 5> kValueKeywords = {"None", "True", "False", "not", "await"};
  if (tokens[0].kind == TokenKind::kKeyword &&
      std::find(kValueKeywords.begin(), kValueKeywords.end(), tokens[0].text) == kValueKeywords.end())
    return false;  // def, for, import, return, lambda...
  for (const StatementToken& token : tokens) {
    if (token.depth != 0 || token.kind != TokenKind::kOperator) continue;
    const std::string_view text = token.text;
    if (text == ":" || (text.ends_with('=') && text != "==" && text != "!=" && text != "<=" && text != ">="))
      return false;  // an assignment or an annotation
  }
  return true;
}

}  // namespace

CallOutputColumns call_output_columns(const MarkdownTableRow& header) {
  CallOutputColumns columns;
  for (int k = 0; k < static_cast<int>(header.cells.size()); ++k) {
    const std::string& name = header.cells[static_cast<std::size_t>(k)].text;
    if (columns.call < 0 && names_one_of(name, kCallWords)) {
      columns.call = k;
    } else if (columns.call >= 0 && names_one_of(name, kOutputWords)) {
      columns.output = k;
      return columns;
    }
  }
  return {};
}

std::vector<Claim> call_output_table_claims(const MarkdownTable& table, const std::vector<std::string>& lines,
                                            const std::vector<int>& guide_lines) {
  std::vector<Claim> claims;
  const CallOutputColumns columns = call_output_columns(table.header);
  if (columns.call < 0 || lines.size() != guide_lines.size()) return claims;
  // The statements that show output, each as compact text.
  const LogicalLines logical = split_logical_lines(lines);
  struct Shown {
    int line;  // index into lines
    std::string text;
  };
  std::vector<Shown> statements;
  for (const RawStatement& statement : logical.statements) {
    if (!shows_output(statement)) continue;
    std::string text;
    for (const StatementToken& token : statement.tokens) text += compact(token.text);
    statements.push_back({statement.first_line, std::move(text)});
  }
  std::size_t next = 0;  // rows follow the code's order: look after the previous row's statement first
  for (const MarkdownTableRow& row : table.rows) {
    const MarkdownTableCell& call = row.cells[static_cast<std::size_t>(columns.call)];
    const MarkdownTableCell& output = row.cells[static_cast<std::size_t>(columns.output)];
    if (!call.code || !output.code) continue;
    const std::vector<std::string> pieces = call_pieces(call.text);
    auto holds = [&](const Shown& s) { return holds_call(s.text, pieces); };
    auto found = std::find_if(statements.begin() + static_cast<std::ptrdiff_t>(next), statements.end(), holds);
    if (found == statements.end()) found = std::find_if(statements.begin(), statements.end(), holds);
    if (found == statements.end()) continue;
    next = static_cast<std::size_t>(found - statements.begin()) + 1;
    Claim claim;
    claim.guide_line = claim.last_guide_line = row.line;
    claim.text = output.text;
    claim.anchor_line = guide_lines[static_cast<std::size_t>(found->line)];
    claim.shown_inline = true;
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace guidecheck
