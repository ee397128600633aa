// REPL sessions in a scraped guide. A page that showed a `pycon` block or a
// doctest keeps its prompts when scraped, but loses the block's end:
//
//   >>> next(it), next(it, "done")
//   ('a', 'b', 'done')
//   Writing a generator
//   A function containing yield returns a generator. Its body ...
//
// A `>>>` line right after a `print(` line that only shows a value is that
// print's output behind a prompt, not a session (`>>> <class 'list'>`).
//
// Part of the guide parser: after classification, each session's prompt
// lines and the lines the interpreter echoed are marked kSession, so that
// they form a sample of their own (read by repl_session). The echo of the
// last statement ends at a blank line, at plain prose (a numbered heading,
// or a phrase of four words or more that no string literal of the session
// prints, or such a phrase ending in a colon), or at a statement that is plainly code again (`def`, `import`,
// an assignment) with no prompt. A short heading such as "Writing a
// generator" stays in the echo: the reader marks it as a tentative tail,
// which the judge drops when the echo agrees without it.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "guide_parser_sessions.h"
#include "line_classifier.h"
#include "printed_fragments.h"
#include "python_lexer.h"
#include "repl_session.h"
#include "shown_output_lines.h"

namespace guidecheck {
namespace {

// `Traceback (most recent call last):` opens a traceback; the line naming
// the exception (`ValueError: ...`, `StopIteration`) closes it.
bool opens_traceback(std::string_view line) { return line.substr(0, 10) == "Traceback "; }

// What some pages put after a print instead of a session: its output behind
// the prompt (`print(type(xs))` then `>>> <class 'list'>`). Only right after
// a `print(` line, and only text no session would run: no call but a
// class's repr (`Point(x=1)`), no bare name (`>>> xs` echoes it), nothing
// that is plainly code.
bool shows_output_behind_prompt(std::string_view code, std::string_view previous_code) {
  if (!previous_code.starts_with("print(") || code.empty() || is_code_again(code, LineClass::kCode, {}))
    return false;
  const bool name = std::all_of(code.begin(), code.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.';
  }) && !std::isdigit(static_cast<unsigned char>(code.front()));
  if (name && code != "True" && code != "False" && code != "None") return false;
  if (code.front() == '<' && code.back() == '>') return true;  // `<class 'list'>`, `<function f at 0x...>`
  // An operator outside brackets and strings (`[1, 2] * 2`) is an expression to evaluate.
  int depth = 0;
  char quote = 0;
  for (std::size_t k = 0; k < code.size(); ++k) {
    const char ch = code[k];
    if (quote) {
      if (ch == '\\') ++k;
      else if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '(' || ch == '[' || ch == '{') {
      ++depth;
    } else if (ch == ')' || ch == ']' || ch == '}') {
      --depth;
    } else if (depth == 0 && k > 0 && std::string_view("*+-/%@&|^~=<>").find(ch) != std::string_view::npos) {
      return false;
    }
  }
  const std::size_t paren = code.find('(');
  if (paren == std::string_view::npos) return true;
  const std::string_view callee = code.substr(0, paren);
  return !callee.empty() && callee.front() >= 'A' && callee.front() <= 'Z' &&
         callee.find_first_of(" .=[") == std::string_view::npos;
}

}  // namespace

void mark_repl_sessions(const std::vector<std::string_view>& raw_lines, const std::vector<std::string_view>& lines,
                        std::vector<LineClass>* classes, SessionMarks* marks) {
  std::vector<LineClass>& c = *classes;
  const int n = static_cast<int>(lines.size());
  marks->idle_body.assign(lines.size(), false);
  auto blank = [&](int k) { return lines[k].find_first_not_of(" \t\r") == std::string_view::npos; };
  for (int i = 0; i < n; ++i) {
    std::string_view first_code;
    if (repl_prompt(lines[i], &first_code) != ReplPrompt::kFirst) continue;
    // IDLE restarting: the bare prompt and its RESTART line are no
    // statement. After a file's restart come that file's output and its
    // names, which no session here defines: not read. After the shell's, no
    // earlier name is left.
    if (std::optional<std::string_view> restarted = i + 1 < n && first_code.empty() ? idle_restart(lines[i + 1])
                                                                                    : std::nullopt) {
      int j = i + 2;
      if (*restarted != "Shell")
        while (j < n && !blank(j) && repl_prompt(lines[j]) == ReplPrompt::kNone) ++j;
      else
        marks->fresh_namespace_at.push_back(j);
      for (int k = i; k < j; ++k) c[k] = LineClass::kProse;
      i = j - 1;
      continue;
    }
    // Output behind prompts: the prompt lines right after a print that
    // each show only a value.
    if (i > 0 && is_code_class(c[i - 1])) {
      int j = i;
      std::string_view code;
      while (j < n && repl_prompt(lines[j], &code) == ReplPrompt::kFirst &&
             shows_output_behind_prompt(code, lines[i - 1]))
        c[j++] = LineClass::kOutput;
      if (j > i) {
        i = j - 1;
        continue;
      }
    }
    std::vector<std::string> fragments;
    PythonLexer fragment_lexer;
    bool in_code = false;       // `...` continues a statement only before its echo
    bool in_traceback = false;
    std::string_view header;    // the code of the statement's `>>>` line
    bool idle_block = false;    // its block came without `...` (IDLE's shell)
    int j = i;
    for (; j < n; ++j) {
      const std::string_view line = lines[j];
      if (idle_block && blank(j)) {
        // The blank lines that end an IDLE block, before its output.
        int next = j;
        while (next < n && blank(next)) ++next;
        if (next == n) break;
        for (; j < next; ++j) c[j] = LineClass::kSession;
        idle_block = in_code = false;
        --j;
        continue;
      }
      if (line.empty()) break;
      std::string_view code;
      const ReplPrompt prompt = repl_prompt(line, &code);
      if (prompt == ReplPrompt::kFirst || (in_code && prompt == ReplPrompt::kMore)) {
        add_printed_fragments(code, &fragment_lexer, &fragments);
        if (prompt == ReplPrompt::kFirst) header = code;
        in_code = true;
        in_traceback = false;
        c[j] = LineClass::kSession;
        continue;
      }
      if (in_code && continues_block_without_prompt(header, raw_lines[j])) {
        add_printed_fragments(line, &fragment_lexer, &fragments);
        idle_block = true;
        marks->idle_body[j] = true;
        c[j] = LineClass::kSession;
        continue;
      }
      in_code = false;
      if (in_traceback || opens_traceback(line)) {
        in_traceback = !names_exception(line) || opens_traceback(line);
        c[j] = LineClass::kSession;
        continue;
      }
      if (c[j] != LineClass::kComment && is_code_again(line, c[j], {})) break;
      if (is_prose_again(line, fragments)) break;
      c[j] = LineClass::kSession;
    }
    i = j - 1;
  }
}

}  // namespace guidecheck
