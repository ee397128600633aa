#include "claims.h"

#include <algorithm>
#include <array>
#include <optional>

#include "claim_markers.h"
#include "python_lexer.h"

namespace guidecheck {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view word) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// A comment's text: after '#' and any output marker (claim_markers.h), trimmed.
std::string_view comment_text(std::string_view line, std::size_t hash) {
  std::string_view text = line.substr(hash + 1);
  if (std::optional<MarkedOutput> marked = marked_output(text)) return marked->text;
  return trim(text);
}

// Whether the comment at `hash` carries an output marker (`#> 42`).
bool is_marked(std::string_view line, std::size_t hash) { return marked_output(line.substr(hash + 1)).has_value(); }

// `TypeError: ...`, `ZeroDivisionError`, `json.JSONDecodeError: ...`: an
// exception class name, then the end or a colon. "Error: bad input" is not
// one (printed messages often start that way).
bool is_error_line(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (is_alpha(text[i]) || is_digit(text[i]) || text[i] == '_' || text[i] == '.')) ++i;
  const std::string_view name = text.substr(0, i);
  if (i < text.size() && text[i] != ':') return false;
  const std::size_t dot = name.rfind('.');
  const std::string_view base = dot == std::string_view::npos ? name : name.substr(dot + 1);
  if (base.empty() || !is_upper(base.front())) return false;
  static constexpr std::array<std::string_view, 6> kExact = {"KeyboardInterrupt", "SystemExit",    "StopIteration",
                                                             "StopAsyncIteration", "GeneratorExit", "Exception"};
  if (contains(kExact, base)) return true;
  for (std::string_view suffix : {"Error", "Exception", "Warning"})
    if (base.size() > suffix.size() && base.substr(base.size() - suffix.size()) == suffix) return true;
  return false;
}

// The error a comment claims: the text itself (`TypeError: ...`), or what
// follows "raises"/"throws" (`Raises ZeroDivisionError`).
std::optional<std::string_view> error_text(std::string_view text) {
  for (std::string_view verb : {"raises ", "throws ", "raise "}) {
    if (lower(text.substr(0, verb.size())) == verb) {
      text = trim(text.substr(verb.size()));
      break;
    }
  }
  if (is_error_line(text)) return text;
  return std::nullopt;
}

bool is_pragma(std::string_view text) {
  static constexpr std::array<std::string_view, 13> kPragmas = {
      "type:", "noqa", "pragma:", "fmt:", "pylint:", "mypy:", "isort:", "doctest:", "nosec", "pyright:",
      "ruff:", "-*-",  "!"};
  const std::string low = lower(text);
  return std::any_of(kPragmas.begin(), kPragmas.end(),
                     [&](std::string_view p) { return std::string_view(low).substr(0, p.size()) == p; });
}

// "Output:" alone introduces the lines that follow as output.
bool is_output_marker(std::string_view text) {
  std::string low = lower(text);
  while (!low.empty() && (low.back() == ':' || is_space(low.back()))) low.pop_back();
  static constexpr std::array<std::string_view, 8> kMarkers = {
      "output", "outputs", "prints", "printed", "example output", "expected output", "sample output", "out"};
  return contains(kMarkers, low);
}

// Removes "Output: " / "-> " in front of a value, unless the code itself
// prints that label (`print("Output:", x) # Output: 5`).
std::string_view strip_output_label(std::string_view text, std::string_view code) {
  static constexpr std::array<std::string_view, 5> kLabels = {"output:", "out:", "prints:", "printed:", "result:"};
  const std::string low = lower(text);
  for (std::string_view label : kLabels) {
    if (std::string_view(low).substr(0, label.size()) != label) continue;
    if (lower(code).find(label) != std::string::npos) return text;
    return trim(text.substr(label.size()));
  }
  for (std::string_view arrow : {"->", "=>", "\xE2\x86\x92"}) {
    if (text.substr(0, arrow.size()) == arrow && text.size() > arrow.size() && is_space(text[arrow.size()]))
      return trim(text.substr(arrow.size()));
  }
  return text;
}

// `120 (5 * 4 * 3 * 2 * 1)` -> {"120", "(5 * 4 * 3 * 2 * 1)"}. Only a
// parenthesised group at the very end, after a space, that is not itself a
// plain literal tuple (`1 (1, 2)` is what print(1, (1, 2)) shows).
std::pair<std::string_view, std::string_view> split_note(std::string_view text) {
  if (text.size() < 3 || text.back() != ')') return {text, {}};
  int depth = 0;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos || open == 0 || !is_space(text[open - 1])) return {text, {}};
  const std::string_view value = trim(text.substr(0, open));
  const std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  const bool literal = std::all_of(inside.begin(), inside.end(), [](char c) {
    return is_digit(c) || is_space(c) || c == ',' || c == '.' || c == '-' || c == '\'' || c == '"';
  });
  if (value.empty() || literal) return {text, {}};
  return {value, text.substr(open)};
}

bool starts_with_numbered_marker(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i > 0 && i < 4 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && is_space(s[i + 1]);
}

bool is_plain_word(std::string_view w) {
  // Strip the punctuation prose wraps words in.
  while (!w.empty() && std::string_view("([\"'").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
  while (!w.empty() && std::string_view(")]\"'.,:;!?").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  if (w.empty() || !is_alpha(w.front())) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return is_alpha(c) || c == '-' || c == '\''; });
}

std::string_view bare_word(std::string_view w) {
  while (!w.empty() && !is_alpha(w.front())) w.remove_prefix(1);
  while (!w.empty() && !is_alpha(w.back())) w.remove_suffix(1);
  return w;
}

enum class Role { kBlank, kComment, kCode };

struct RunLine {
  Role role = Role::kBlank;
  std::size_t comment = std::string_view::npos;  // offset of a trailing comment on a code line
};

// Whether comment text is commented-out code (`my_string[0] = "H"`), not
// output or prose; *lexed tells where its own trailing comment starts.
bool looks_like_statement(std::string_view text, PythonLexer::Line* lexed) {
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  *lexed = lexer.next(text, &tokens);
  if (!lexed->plausible || !lexed->has_code || tokens.empty()) return false;
  // A statement does something: assigns, calls, subscripts, or starts with a keyword.
  if (tokens.front().kind == PythonLexer::TokenKind::kKeyword) return true;
  return std::any_of(tokens.begin(), tokens.end(), [](const PythonLexer::Token& t) {
    return has_equals_sign(t) || t.text == "(" || t.text == "[" || t.text == ".";
  });
}

class ClaimFinder {
 public:
  explicit ClaimFinder(const CodeRun& run) : run_(run) {}

  std::vector<Claim> find() {
    classify();
    const std::size_t n = run_.lines.size();
    for (std::size_t i = 0; i < n;) {
      if (roles_[i].role == Role::kCode) {
        trailing(i);
        ++i;
      } else if (roles_[i].role == Role::kComment) {
        std::size_t end = i;
        while (end + 1 < n && roles_[end + 1].role == Role::kComment) ++end;
        block(i, end);
        i = end + 1;
      } else {
        ++i;
      }
    }
    return std::move(claims_);
  }

 private:
  void classify() {
    PythonLexer lexer;
    for (const std::string& line : run_.lines) {
      const PythonLexer::Line lexed = lexer.next(line);
      RunLine r;
      if (lexed.has_code || lexed.continued) {
        // Comment lines inside brackets belong to the statement around them.
        r.role = Role::kCode;
        if (lexed.has_code) r.comment = lexed.comment;
      } else if (lexed.comment != std::string_view::npos) {
        r.role = Role::kComment;
        r.comment = lexed.comment;
      }
      roles_.push_back(r);
    }
    trailing_claimed_.assign(roles_.size(), false);
  }

  std::string_view code_part(std::size_t i) const {
    return trim(std::string_view(run_.lines[i]).substr(0, roles_[i].comment));
  }

  int line_of(std::size_t i) const { return run_.guide_lines[i]; }

  void trailing(std::size_t i) {
    if (roles_[i].comment == std::string_view::npos) return;
    std::string_view text = comment_text(run_.lines[i], roles_[i].comment);
    if (text.empty() || is_pragma(text)) return;
    Claim claim;
    claim.guide_line = claim.last_guide_line = claim.anchor_line = line_of(i);
    claim.form = ClaimForm::kTrailing;
    if (marked(i)) {
      claim.text = std::string(text);  // shown verbatim: no label, no note
    } else if (const auto error = error_text(text)) {
      claim.kind = ClaimKind::kError;
      claim.text = std::string(*error);
    } else {
      text = strip_output_label(text, code_part(i));
      const auto [value, note] = split_note(text);
      claim.text = std::string(value);
      claim.note = std::string(note);
      claim.looks_like_prose = looks_like_prose(value);
    }
    claims_.push_back(std::move(claim));
    trailing_claimed_[i] = true;
  }

  std::string_view text_at(std::size_t i) const { return comment_text(run_.lines[i], roles_[i].comment); }
  bool marked(std::size_t i) const { return is_marked(run_.lines[i], roles_[i].comment); }

  // `# x[0] = 1 # TypeError: ...` (optionally with its commented-out body on
  // the following lines), or `# x[0] = 1` then `# TypeError: ...`.
  // Returns the index after the claim's last line, or nullopt.
  std::optional<std::size_t> error_claim(std::size_t i, std::size_t end) {
    if (marked(i)) return std::nullopt;  // marked lines are output
    const std::string_view text = text_at(i);
    PythonLexer::Line lexed;
    if (!looks_like_statement(text, &lexed)) return std::nullopt;
    Claim claim;
    claim.kind = ClaimKind::kError;
    claim.guide_line = claim.last_guide_line = claim.anchor_line = line_of(i);
    std::size_t next = i + 1;
    const auto inline_error =
        lexed.comment == std::string_view::npos ? std::nullopt : error_text(trim(text.substr(lexed.comment + 1)));
    if (inline_error) {
      claim.form = ClaimForm::kTrailing;
      claim.statement = std::string(trim(text.substr(0, lexed.comment)));
      claim.text = std::string(*inline_error);
      // A commented-out compound statement carries its commented-out body.
      if (!claim.statement.empty() && claim.statement.back() == ':') {
        for (std::size_t k = i + 1; k <= end && k < i + 20; ++k) {
          const std::string_view body = text_at(k);
          PythonLexer body_lexer;
          const PythonLexer::Line body_lexed = body_lexer.next(body);
          if (body.empty() || !body_lexed.plausible || error_text(body) || looks_like_prose(body) ||
              body_lexed.comment != std::string_view::npos)
            break;
          claim.statement += "\n" + std::string(body);
          claim.last_guide_line = line_of(k);
          next = k + 1;
        }
      }
    } else if (lexed.comment == std::string_view::npos && i + 1 <= end && error_text(text_at(i + 1)) &&
               !looks_like_prose(text)) {
      claim.form = ClaimForm::kBlock;
      claim.statement = std::string(text);
      claim.text = std::string(*error_text(text_at(i + 1)));
      claim.last_guide_line = line_of(i + 1);
      next = i + 2;
    } else {
      return std::nullopt;
    }
    claims_.push_back(std::move(claim));
    return next;
  }

  std::optional<std::size_t> anchor_before(std::size_t start) const {
    std::size_t k = start;
    while (k > 0) {
      --k;
      if (roles_[k].role == Role::kCode) return k;
      if (roles_[k].role != Role::kBlank) return std::nullopt;
    }
    return std::nullopt;
  }

  bool code_follows(std::size_t end) const {
    for (std::size_t k = end + 1; k < roles_.size(); ++k) {
      if (roles_[k].role == Role::kCode) return true;
      if (roles_[k].role != Role::kBlank) return false;
    }
    return false;
  }

  // Comment lines [start, end], all comment-only. Error claims are taken
  // out; the rest are output candidates.
  void block(std::size_t start, std::size_t end) {
    std::size_t segment = start;
    for (std::size_t i = start; i <= end;) {
      if (std::optional<std::size_t> next = error_claim(i, end)) {
        if (i > segment) candidate(segment, i - 1, end);
        i = *next;
        segment = i;
        continue;
      }
      ++i;
    }
    if (segment <= end) candidate(segment, end, end);
  }

  // Lines [first, last] of a comment block ending at block_end.
  void candidate(std::size_t first, std::size_t last, std::size_t block_end) {
    const std::optional<std::size_t> anchor = anchor_before(first);
    // Comments before the first code line, or after commented-out code, introduce; they do not show.
    if (!anchor || first != block_start(first)) return;
    const std::string_view anchor_code = code_part(*anchor);
    // The first comment of a body describes the body; the header prints nothing.
    if (!anchor_code.empty() && anchor_code.back() == ':') return;
    const bool followed_by_code = last == block_end && code_follows(block_end);
    if (followed_by_code && trailing_claimed_[*anchor]) return;

    std::vector<std::size_t> lines;
    bool explicit_output = false;
    for (std::size_t k = first; k <= last; ++k) {
      const std::string_view text = text_at(k);
      if (marked(k)) {
        explicit_output = true;
        lines.push_back(k);
        continue;
      }
      if (k == first && is_output_marker(text)) {
        explicit_output = true;
        continue;
      }
      // A shell command starts illustrative output of its own.
      if (is_shell_command(text)) break;
      if (is_pragma(text)) continue;
      lines.push_back(k);
    }
    // Prose-like lines right before the next code introduce that code.
    if (followed_by_code && !explicit_output)
      while (!lines.empty() && looks_like_prose(text_at(lines.back()))) lines.pop_back();
    while (!lines.empty() && text_at(lines.back()).empty()) lines.pop_back();
    if (lines.empty()) return;

    Claim claim;
    claim.form = ClaimForm::kBlock;
    claim.anchor_line = line_of(*anchor);
    claim.guide_line = line_of(lines.front());
    claim.last_guide_line = line_of(lines.back());
    claim.looks_like_prose = true;
    std::string_view error;
    bool verbatim = false;  // marked output: no label, no note, never prose
    for (std::size_t k : lines) {
      std::string_view text = text_at(k);
      if (marked(k)) verbatim = true;
      else if (k == lines.front()) text = strip_output_label(text, anchor_code);
      if (k != lines.front()) claim.text += '\n';
      claim.text += text;
      if (marked(k) || !looks_like_prose(text)) claim.looks_like_prose = false;
      if (const auto e = error_text(text)) error = *e;
    }
    const std::string_view first_text = text_at(lines.front());
    if (!error.empty() && (lines.size() == 1 || first_text.substr(0, 9) == "Traceback")) {
      claim.kind = ClaimKind::kError;
      claim.text = std::string(error);
      claim.looks_like_prose = false;
    } else if (lines.size() == 1 && !verbatim) {
      const auto [value, note] = split_note(claim.text);
      claim.note = std::string(note);
      claim.text = std::string(value);
    }
    claims_.push_back(std::move(claim));
  }

  std::size_t block_start(std::size_t k) const {
    while (k > 0 && roles_[k - 1].role == Role::kComment) --k;
    return k;
  }

  const CodeRun& run_;
  std::vector<RunLine> roles_;
  std::vector<bool> trailing_claimed_;  // per run line: a trailing claim was found on it
  std::vector<Claim> claims_;
};

}  // namespace

bool looks_like_prose(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) return false;
  // Error messages and traceback lines read like sentences but are output.
  if (error_text(text) || text.substr(0, 9) == "Traceback" || text.substr(0, 6) == "File \"") return false;
  if (starts_with_numbered_marker(text)) return true;  // "2. str.format() method"
  const char c = text.front();
  if (std::string_view("[{(\"'<").find(c) != std::string_view::npos || is_digit(c)) return false;
  if ((c == '-' || c == '+' || c == '~') && text.size() > 1 && is_digit(text[1])) return false;
  for (std::string_view code_mark : {"->", "=>", "$", "=", "{", "[", "\\"})
    if (text.find(code_mark) != std::string_view::npos) return false;
  if (text.back() == '!') return false;  // "Hello, World!" is printed, not written
  const std::vector<std::string_view> tokens = words_of(text);
  if (tokens.size() < 2) return false;
  static constexpr std::array<std::string_view, 62> kFunctionWords = {
      "the",    "a",      "an",   "of",    "to",      "in",      "on",      "for",    "with",  "by",    "from",
      "is",     "are",    "was",  "were",  "be",      "been",    "it",      "its",    "this",  "that",  "these",
      "those",  "and",    "or",   "not",   "no",      "if",      "when",    "only",   "all",   "any",   "as",
      "at",     "into",   "instead", "than", "but",   "so",      "do",      "does",   "can",   "cannot", "will",
      "using",  "via",    "without", "because", "each", "every", "here",    "there",  "has",   "have",  "which",
      "how",    "why",    "same", "also",  "even",    "after",   "before"};
  std::size_t words = 0;
  std::size_t function_words = 0;
  for (std::string_view token : tokens) {
    if (!is_plain_word(token)) continue;
    ++words;
    if (contains(kFunctionWords, lower(bare_word(token)))) ++function_words;
  }
  const bool digits = std::any_of(text.begin(), text.end(), is_digit);
  const std::string_view first = bare_word(tokens.front());
  const bool capitalized = is_plain_word(tokens.front()) && first.size() > 1 && is_upper(first.front()) &&
                           std::any_of(first.begin() + 1, first.end(), is_lower);
  const double share = static_cast<double>(words) / static_cast<double>(tokens.size());
  if (function_words >= 2 && share >= 0.5) return true;
  if (function_words >= 1 && share >= 0.5 && capitalized) return true;
  if (function_words >= 1 && share >= 0.6 && !digits) return true;
  // "Column data types" is a description; "Toyota: Engine running" after a
  // label is what f"{make}: {status}" prints.
  const bool label = tokens.front().back() == ':';
  return capitalized && !label && share >= 2.0 / 3.0;
}

bool is_shell_command(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.substr(0, 2) == "$ " || text.substr(0, 2) == "> ") return true;
  const std::vector<std::string_view> tokens = words_of(text);
  if (tokens.empty()) return false;
  const std::string_view command = tokens.front();
  // A lone path: "myproject_env\Scripts\activate", "./run.sh".
  if (tokens.size() == 1 && (command.find('/') != std::string_view::npos || command.find('\\') != std::string_view::npos) &&
      (is_alpha(command.front()) || command.front() == '.' || command.front() == '~' || command.front() == '/'))
    return true;
  static constexpr std::array<std::string_view, 52> kCommands = {
      "pip",     "pip3",    "python",   "python3",   "py",      "pytest",  "mypy",      "pyright",   "ruff",
      "black",   "flake8",  "pylint",   "isort",     "coverage", "tox",    "nox",       "poetry",    "pipenv",
      "conda",   "uv",      "uvx",      "virtualenv", "source",  "cd",     "export",    "ls",        "cat",
      "mkdir",   "rm",      "cp",       "mv",        "git",     "docker",  "curl",      "wget",      "npm",
      "brew",    "apt",     "apt-get",  "sudo",      "chmod",   "bash",    "sh",        "make",      "jupyter",
      "ipython", "uvicorn", "gunicorn", "flask",     "django-admin", "twine", "streamlit"};
  if (!contains(kCommands, command)) return false;
  if (tokens.size() == 1) return true;
  const std::string_view argument = tokens[1];
  static constexpr std::array<std::string_view, 30> kSubcommands = {
      "install", "uninstall", "run",   "init",   "add",    "remove", "activate", "deactivate", "list", "freeze",
      "show",    "build",     "test",  "exec",   "create", "env",    "venv",     "sync",       "lock", "update",
      "upgrade", "serve",     "start", "new",    "shell",  "publish", "check",   "format",     "clone", "wheel"};
  if (argument.front() == '-' || contains(kSubcommands, argument)) return true;
  return argument.find_first_of("/\\.=") != std::string_view::npos;
}

std::vector<Claim> find_claims(const CodeRun& run) { return ClaimFinder(run).find(); }

std::string_view to_string(ClaimKind kind) { return kind == ClaimKind::kOutput ? "output" : "error"; }
std::string_view to_string(ClaimForm form) {
  switch (form) {
    case ClaimForm::kTrailing: return "trailing";
    case ClaimForm::kBlock: return "block";
    case ClaimForm::kOutputBlock: return "output-block";
  }
  return "block";
}

}  // namespace guidecheck
