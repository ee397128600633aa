#include "logical_lines.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

namespace guidecheck {
namespace {

using TokenKind = PythonLexer::TokenKind;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// PEP 8 hanging indents: one level per line that still has a bracket open,
// none for the line that closes them. `open` are the brackets open before
// the line.
int continuation_offset(std::string_view line, const std::vector<PythonLexer::OpenBracket>& open, bool backslash) {
  std::size_t closers = 0;
  for (char c : line) {
    if (c == ')' || c == ']' || c == '}') {
      ++closers;
    } else if (!is_blank(c)) {
      break;
    }
  }
  const std::size_t keep = open.size() - std::min(open.size(), closers);
  int lines = 0;  // brackets are opened in line order
  for (std::size_t k = 0; k < keep; ++k) {
    if (k == 0 || open[k].line != open[k - 1].line) ++lines;
  }
  return lines + (backslash ? 1 : 0);
}

bool is_fstring(const PythonLexer::Token& token) {
  if (token.kind != TokenKind::kString) return false;
  const std::string_view prefix = token.text.substr(0, token.text.find_first_of("'\""));
  return prefix.find_first_of("fF") != std::string_view::npos;
}

}  // namespace

LogicalLines split_logical_lines(const std::vector<std::string>& lines) {
  LogicalLines out;
  const int n = static_cast<int>(lines.size());
  out.lines.assign(lines.size(), LineScan{});
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  std::optional<StatementToken> open_string;  // a string that goes on in the next line
  int current = -1;
  bool pending_break = false;
  for (int i = 0; i < n; ++i) {
    const std::string_view s = strip_leading(lines[i]);
    LineScan& scan = out.lines[i];
    const bool in_string = lexer.in_string();
    int depth = static_cast<int>(lexer.open_brackets().size());
    if (current >= 0) {
      scan.kind = in_string ? LineKind::kStringContinuation : LineKind::kContinuation;
      scan.stmt = current;
      if (!in_string) scan.offset = continuation_offset(s, lexer.open_brackets(), lexer.after_backslash());
    }
    tokens.clear();
    const PythonLexer::Line lexed = lexer.next(s, &tokens);
    if (current < 0) {
      if (!lexed.has_code) {
        scan.kind = lexed.comment == std::string_view::npos ? LineKind::kBlank : LineKind::kComment;
        pending_break = true;
        continue;
      }
      scan.kind = LineKind::kStatement;
      current = static_cast<int>(out.statements.size());
      scan.stmt = current;
      out.statements.push_back(RawStatement{i, i, pending_break, {}});
      pending_break = false;
    }
    RawStatement& statement = out.statements[current];
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const PythonLexer::Token& t = tokens[k];
      if (k == 0 && in_string) {
        if (!open_string) continue;
        open_string->text += '\n';
        open_string->text += t.text;
        if (tokens.size() > 1 || !lexer.in_string()) {
          statement.tokens.push_back(std::move(*open_string));
          open_string.reset();
        }
        continue;
      }
      if (t.kind == TokenKind::kClose && depth > 0) --depth;
      StatementToken token{t.kind, std::string(t.text), depth, is_fstring(t)};
      if (t.kind == TokenKind::kOpen) ++depth;
      if (t.kind == TokenKind::kString && k + 1 == tokens.size() && lexer.in_string()) {
        open_string = std::move(token);
      } else {
        statement.tokens.push_back(std::move(token));
      }
    }
    statement.last_line = i;
    if (!lexer.open()) current = -1;
  }
  int next = -1;
  for (int i = n - 1; i >= 0; --i) {
    LineScan& scan = out.lines[i];
    if (scan.kind == LineKind::kStatement) next = scan.stmt;
    if (scan.kind == LineKind::kComment || scan.kind == LineKind::kBlank) scan.stmt = next;
  }
  return out;
}

}  // namespace guidecheck
