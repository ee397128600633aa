#include "repl_session.h"

#include <algorithm>
#include <utility>

#include "claim_rule_traceback.h"
#include "ipython_syntax.h"

namespace guidecheck {
namespace {

enum class Prompt { kNone, kFirst, kMore };

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::string_view trim_right(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// `>>> code` or `... code` (or the prompt alone); *code is what follows the
// prompt's one space, its own indentation kept. `>>>x` is no prompt, as in
// doctest (which calls it an error).
// `Out[4]: ...`, even after the blank line IPython leaves after a block.
bool ipython_value(std::string_view line) { return line.substr(0, 4) == "Out[" && line.find("]:") != std::string_view::npos; }

// IPython's `In [3]: code` and `   ...: code` (its indentation counts from
// the prompt's end, like `... `).
Prompt ipython_prompt_of(std::string_view line, std::string_view* code) {
  if (line.substr(0, 4) == "In [") {
    const std::size_t close = line.find("]:", 4);
    if (close == std::string_view::npos || close == 4 ||
        line.substr(4, close - 4).find_first_not_of("0123456789") != std::string_view::npos)
      return Prompt::kNone;
    std::string_view rest = line.substr(close + 2);
    *code = rest.empty() ? rest : rest.substr(1);
    return Prompt::kFirst;
  }
  const std::size_t dots = line.find_first_not_of(' ');
  if (dots != std::string_view::npos && line.substr(dots, 4) == "...:") {
    std::string_view rest = line.substr(dots + 4);
    *code = rest.empty() ? rest : rest.substr(1);
    return Prompt::kMore;
  }
  return Prompt::kNone;
}

Prompt prompt_of(std::string_view line, std::string_view* code) {
  line = trim_right(line);
  if (const Prompt ipython = ipython_prompt_of(line, code); ipython != Prompt::kNone) return ipython;
  using Kind = std::pair<std::string_view, Prompt>;
  for (const auto& [prompt, kind] : {Kind{">>>", Prompt::kFirst}, Kind{"...", Prompt::kMore}}) {
    if (line.substr(0, 3) != prompt) continue;
    if (line.size() == 3) {
      *code = {};
      return kind;
    }
    if (line[3] != ' ') return Prompt::kNone;
    *code = line.substr(4);
    return kind;
  }
  return Prompt::kNone;
}

// Whether a doctest option (`# doctest: +SKIP`, also in a list such as
// `+ELLIPSIS, +SKIP`) is on for the statement.
bool has_option(const std::vector<std::string_view>& code, std::string_view option) {
  for (std::string_view line : code) {
    const std::size_t hash = line.rfind('#');
    if (hash == std::string_view::npos) continue;
    std::string_view comment = line.substr(hash + 1);
    comment.remove_prefix(std::min(comment.find_first_not_of(' '), comment.size()));
    if (comment.substr(0, 8) == "doctest:" && has_doctest_option(comment.substr(8), option)) return true;
  }
  return false;
}

// `+SKIP`: the statement is shown, never run.
bool skipped(const std::vector<std::string_view>& code) { return has_option(code, "+SKIP"); }

// One `>>>` statement, its continuation lines and what it showed.
struct Statement {
  int first_line = 0;  // guide line of the `>>>` line
  std::vector<std::string_view> code;
  std::vector<std::string_view> output;
  int first_output_line = 0;
  bool idle_body = false;   // its block's lines came without `...` (IDLE's shell)
  bool idle_ended = false;  // and a blank line has ended them
};

bool continues_without_prompt(const Statement& statement, std::string_view line) {
  return statement.output.empty() && !statement.idle_ended &&
         continues_block_without_prompt(statement.code.front(), line);
}

}  // namespace

std::optional<std::string_view> idle_restart(std::string_view line) {
  line = trim_right(line);
  constexpr std::string_view kRestart = " RESTART: ";
  const std::size_t at = line.find(kRestart);
  if (at == std::string_view::npos || at < 3 || line.find_first_not_of('=') != at) return std::nullopt;
  std::string_view rest = line.substr(at + kRestart.size());
  const std::size_t end = rest.find_last_not_of('=');
  if (end == std::string_view::npos || end + 1 == rest.size() || rest[end] != ' ') return std::nullopt;
  rest = trim_right(rest.substr(0, end));
  if (rest.empty()) return std::nullopt;
  return rest;
}

bool continues_block_without_prompt(std::string_view header, std::string_view line) {
  header = trim_right(header);
  if (const std::size_t hash = header.find(" #"); hash != std::string_view::npos)
    header = trim_right(header.substr(0, hash));
  if (!header.ends_with(':') || is_blank(line)) return false;
  if (line.starts_with('\t') || line.starts_with(' ')) return true;
  for (std::string_view clause : {"else:", "elif ", "except", "finally:"})
    if (line.starts_with(clause)) return true;
  return false;
}

bool has_doctest_option(std::string_view options, std::string_view option) {
  for (std::size_t at = options.find(option); at != std::string_view::npos; at = options.find(option, at + 1)) {
    const std::size_t end = at + option.size();
    if (end == options.size() || options[end] == ',' || options[end] == ' ') return true;
  }
  return false;
}

std::size_t ipython_output_prompt(std::string_view text) {
  if (text.substr(0, 4) != "Out[") return 0;
  const std::size_t close = text.find("]:", 4);
  if (close == std::string_view::npos || close == 4 ||
      text.substr(4, close - 4).find_first_not_of("0123456789") != std::string_view::npos)
    return 0;
  return close + 2 + (text.size() > close + 2 && text[close + 2] == ' ' ? 1 : 0);
}

ReplPrompt repl_prompt(std::string_view line, std::string_view* code) {
  std::string_view ignored;
  switch (prompt_of(line, code ? code : &ignored)) {
    case Prompt::kFirst: return ReplPrompt::kFirst;
    case Prompt::kMore: return ReplPrompt::kMore;
    case Prompt::kNone: break;
  }
  return ReplPrompt::kNone;
}

bool looks_like_repl_session(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    if (is_blank(line)) continue;
    std::string_view code;
    return prompt_of(line, &code) == Prompt::kFirst;
  }
  return false;
}

// IPython shows a traceback under a rule of dashes, with blank lines
// between its frames and before the exception line: a blank line inside
// it (before the exception line its header names, with more lines and no
// prompt after) does not end the output.
bool in_ipython_traceback(const Statement& statement, const std::vector<std::string>& lines, std::size_t blank) {
  const std::vector<std::string_view>& output = statement.output;
  if (output.size() < 2 || output.front().size() < 20 || output.front().find_first_not_of('-') != std::string_view::npos ||
      !is_ipython_traceback_header(output[1]))
    return false;
  const std::string_view exception = output[1].substr(0, output[1].find(' '));
  for (std::size_t k = 2; k < output.size(); ++k)
    if (output[k] == exception || output[k].starts_with(std::string(exception) + ":")) return false;  // complete
  for (std::size_t k = blank + 1; k < lines.size(); ++k) {
    if (is_blank(lines[k])) continue;
    std::string_view code;
    return prompt_of(lines[k], &code) == Prompt::kNone;
  }
  return false;
}

ReplSession read_repl_session(const std::vector<std::string>& lines, int first_guide_line) {
  std::vector<Statement> statements;
  // Continuation prompts only continue a statement whose output has not
  // begun: after it, `...` is output (an elided traceback, doctest's ELLIPSIS).
  bool in_code = false;
  bool in_output = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const int guide_line = first_guide_line + static_cast<int>(k);
    std::string_view code;
    const Prompt prompt = prompt_of(lines[k], &code);
    if (prompt == Prompt::kFirst) {
      statements.push_back({guide_line, {code}, {}, 0});
      in_code = true;
      in_output = false;
    } else if (prompt == Prompt::kMore && in_code) {
      statements.back().code.push_back(code);
    } else if (prompt == Prompt::kNone && in_code && continues_without_prompt(statements.back(), lines[k])) {
      statements.back().code.push_back(trim_right(lines[k]));
      statements.back().idle_body = true;
    } else if (is_blank(lines[k]) && !statements.empty() && statements.back().idle_body &&
               statements.back().output.empty()) {
      statements.back().idle_ended = true;
      in_code = true;  // IDLE prints a block's output after the blank lines that end it
    } else if (is_blank(lines[k]) && in_output && in_ipython_traceback(statements.back(), lines, k)) {
      statements.back().output.push_back(std::string_view());  // IPython's traceback has blank lines
    } else if (is_blank(lines[k])) {
      in_code = in_output = false;  // a blank line ends the output (doctest's rule)
    } else if (in_code || in_output || (ipython_value(lines[k]) && !statements.empty() && statements.back().output.empty())) {
      Statement& s = statements.back();
      std::string_view text = trim_right(lines[k]);
      // IPython shows a value after `Out[4]: `, on the next line when long.
      if (s.output.empty() && ipython_value(text)) {
        text = text.substr(std::min(text.find("]:") + 3, text.size()));
        in_code = true;  // a value on the next line still belongs to it
        if (text.empty()) continue;
      }
      if (s.output.empty()) s.first_output_line = guide_line;
      s.output.push_back(text == "<BLANKLINE>" ? std::string_view() : text);
      in_code = false;
      in_output = true;
    }
    // Anything else (prose before the first prompt, text after a blank line
    // that no prompt opened) is not part of the session.
  }

  ReplSession session;
  for (const Statement& s : statements) {
    if (skipped(s.code)) continue;
    // IDLE's restart: the bare prompt shows a RESTART line, no value.
    const bool bare = s.code.size() == 1 && trim_right(s.code.front()).empty();
    if (bare && !s.output.empty() && idle_restart(s.output.front())) continue;
    // IPython's `In [5]: %timeit f()` or `!ls`: plain Python, what it
    // printed not judged.
    const PythonCell python = python_cell(std::vector<std::string>(s.code.begin(), s.code.end()));
    for (std::size_t k = 0; k < s.code.size(); ++k) {
      session.source.append(python.lines[k]);
      session.source += '\n';
      session.guide_lines.push_back(s.first_line + static_cast<int>(k));
    }
    if (s.output.empty() || !python.prints_as_shown) continue;
    Claim claim;
    claim.kind = ClaimKind::kOutput;
    claim.form = ClaimForm::kBlock;
    claim.guide_line = s.first_output_line;
    claim.last_guide_line = s.first_output_line + static_cast<int>(s.output.size()) - 1;
    claim.anchor_line = s.first_line;
    claim.normalize_whitespace = has_option(s.code, "+NORMALIZE_WHITESPACE");
    claim.ignore_exception_detail = has_option(s.code, "+IGNORE_EXCEPTION_DETAIL");
    for (std::size_t k = 0; k < s.output.size(); ++k) {
      if (k) claim.text += '\n';
      claim.text.append(s.output[k]);
    }
    session.claims.push_back(std::move(claim));
  }
  return session;
}

}  // namespace guidecheck
