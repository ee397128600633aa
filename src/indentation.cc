#include "indentation.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "embedded_python.h"

// How it works. Every logical statement gets a level. A beam search walks
// the statements in order: after a line ending in ':' the next statement is
// one level deeper; otherwise it stays or closes any number of blocks. Each
// choice pays penalties for what it would mean: Python rejects it (an else
// with nothing to pair with: 1000), no author writes it (code after return,
// a name used where it is not defined: 40; a method outside its class: 30),
// the program would misbehave (endless recursion: 20; a loop that runs once:
// 12), or it goes against habit (closing a block: 1; a loop going on with a
// statement that ignores its variables: 1.5). The cheapest complete layouts
// are rendered and compiled by CPython: the first that compiles is the
// answer, the next ones are the alternatives, and rivals within
// IndentationOptions::uncertain_gap make a decision uncertain.

namespace guidecheck {
namespace {

// ---------------------------------------------------------------------------
// Lexing: which lines start statements, which continue them, and the tokens
// of every logical statement.

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool is_blankish(char c) { return is_space(c) || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool ident_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}
bool ident_char(char c) { return ident_start(c) || is_digit(c); }

std::string_view strip_leading(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

bool is_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_blankish); }

bool is_string_prefix(std::string_view word) {
  if (word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c | 0x20);
  static const std::array<std::string_view, 8> kPrefixes = {"r", "u", "b", "f", "br", "rb", "fr", "rf"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), lower) != kPrefixes.end();
}

enum class TokKind : std::uint8_t { kName, kNumber, kString, kOp };

struct Token {
  TokKind kind = TokKind::kOp;
  std::string text;
  int depth = 0;  // bracket depth around the token (brackets carry the outer depth)
  bool fstring = false;
};

enum class LineKind : std::uint8_t { kStatement, kContinuation, kStringContinuation, kComment, kBlank };

struct LineScan {
  LineKind kind = LineKind::kBlank;
  int stmt = -1;   // the statement the line belongs to; for comments and blanks the next one
  int offset = 0;  // continuation lines: levels beyond their statement's
};

struct RawStatement {
  int first_line = 0;
  int last_line = 0;
  bool comment_before = false;  // comment or blank lines since the previous statement
  std::vector<Token> tokens;
};

class Lexer {
 public:
  void run(const std::vector<std::string>& lines, std::vector<LineScan>* scans, std::vector<RawStatement>* stmts);

 private:
  struct Open {
    char ch;
    int line;
  };
  int continuation_offset(std::string_view s) const;
  void scan(std::string_view s, int line, std::vector<Token>* out);
  size_t start_string(std::string_view s, size_t quote, std::string_view prefix, std::vector<Token>* out);
  size_t string_body(std::string_view s, size_t i, std::vector<Token>* out);
  int depth() const { return static_cast<int>(open_.size()); }

  std::vector<Open> open_;
  bool in_string_ = false;
  bool fstring_ = false;
  std::string quote_;
  std::string text_;
  int string_depth_ = 0;
  bool backslash_ = false;
};

void Lexer::run(const std::vector<std::string>& lines, std::vector<LineScan>* scans,
                std::vector<RawStatement>* stmts) {
  const int n = static_cast<int>(lines.size());
  scans->assign(lines.size(), LineScan{});
  int current = -1;
  bool pending_break = false;
  for (int i = 0; i < n; ++i) {
    std::string_view s = strip_leading(lines[i]);
    LineScan& ls = (*scans)[i];
    if (current >= 0) {
      ls.kind = in_string_ ? LineKind::kStringContinuation : LineKind::kContinuation;
      ls.stmt = current;
      if (!in_string_) ls.offset = continuation_offset(s);
    } else if (is_blank(s)) {
      ls.kind = LineKind::kBlank;
      pending_break = true;
      continue;
    } else if (s[0] == '#') {
      ls.kind = LineKind::kComment;
      pending_break = true;
      continue;
    } else {
      ls.kind = LineKind::kStatement;
      current = static_cast<int>(stmts->size());
      ls.stmt = current;
      stmts->push_back(RawStatement{i, i, pending_break, {}});
      pending_break = false;
    }
    backslash_ = false;
    scan(s, i, &(*stmts)[current].tokens);
    (*stmts)[current].last_line = i;
    if (!in_string_ && open_.empty() && !backslash_) current = -1;
  }
  int next = -1;
  for (int i = n - 1; i >= 0; --i) {
    LineScan& ls = (*scans)[i];
    if (ls.kind == LineKind::kStatement) next = ls.stmt;
    if (ls.kind == LineKind::kComment || ls.kind == LineKind::kBlank) ls.stmt = next;
  }
}

// PEP 8 hanging indents: one level per line that still has a bracket open,
// none for the line that closes them.
int Lexer::continuation_offset(std::string_view s) const {
  size_t closers = 0;
  for (char c : s) {
    if (c == ')' || c == ']' || c == '}') {
      ++closers;
    } else if (!is_space(c)) {
      break;
    }
  }
  const size_t keep = open_.size() - std::min(open_.size(), closers);
  int lines = 0;  // brackets are opened in line order
  for (size_t k = 0; k < keep; ++k) {
    if (k == 0 || open_[k].line != open_[k - 1].line) ++lines;
  }
  return lines + (backslash_ ? 1 : 0);
}

void Lexer::scan(std::string_view s, int line, std::vector<Token>* out) {
  size_t i = 0;
  const size_t n = s.size();
  if (in_string_) i = string_body(s, 0, out);
  static const std::array<std::string_view, 4> kOps3 = {"**=", "//=", ">>=", "<<="};
  static const std::array<std::string_view, 20> kOps2 = {"**", "//", "<<", ">>", "<=", ">=", "==",
                                                         "!=", "->", ":=", "+=", "-=", "*=", "/=",
                                                         "%=", "&=", "|=", "^=", "@=", "<>"};
  while (i < n && !in_string_) {
    const char c = s[i];
    if (is_blankish(c)) {
      ++i;
      continue;
    }
    if (c == '#') return;
    if (c == '\\') {
      size_t j = i + 1;
      while (j < n && is_blankish(s[j])) ++j;
      if (j == n) {
        backslash_ = true;
        return;
      }
      out->push_back(Token{TokKind::kOp, "\\", depth(), false});
      ++i;
      continue;
    }
    if (ident_start(c)) {
      size_t j = i;
      while (j < n && ident_char(s[j])) ++j;
      std::string_view word = s.substr(i, j - i);
      if (j < n && (s[j] == '"' || s[j] == '\'') && is_string_prefix(word)) {
        i = start_string(s, j, word, out);
        continue;
      }
      out->push_back(Token{TokKind::kName, std::string(word), depth(), false});
      i = j;
      continue;
    }
    if (is_digit(c) || (c == '.' && i + 1 < n && is_digit(s[i + 1]))) {
      const bool hex = c == '0' && i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
      size_t j = i + 1;
      while (j < n) {
        const char d = s[j];
        if (ident_char(d) || d == '.') {
          ++j;
        } else if ((d == '+' || d == '-') && !hex && (s[j - 1] == 'e' || s[j - 1] == 'E')) {
          ++j;
        } else {
          break;
        }
      }
      out->push_back(Token{TokKind::kNumber, std::string(s.substr(i, j - i)), depth(), false});
      i = j;
      continue;
    }
    if (c == '"' || c == '\'') {
      i = start_string(s, i, "", out);
      continue;
    }
    std::string_view op;
    for (auto candidate : kOps3) {
      if (s.substr(i, 3) == candidate) op = candidate;
    }
    if (op.empty() && s.substr(i, 3) == "...") op = "...";
    if (op.empty()) {
      for (auto candidate : kOps2) {
        if (s.substr(i, 2) == candidate) op = candidate;
      }
    }
    if (op.empty()) op = s.substr(i, 1);
    if (op == "(" || op == "[" || op == "{") {
      out->push_back(Token{TokKind::kOp, std::string(op), depth(), false});
      open_.push_back(Open{c, line});
    } else if (op == ")" || op == "]" || op == "}") {
      if (!open_.empty()) open_.pop_back();
      out->push_back(Token{TokKind::kOp, std::string(op), depth(), false});
    } else {
      out->push_back(Token{TokKind::kOp, std::string(op), depth(), false});
    }
    i += op.size();
  }
}

size_t Lexer::start_string(std::string_view s, size_t quote, std::string_view prefix, std::vector<Token>* out) {
  const char qc = s[quote];
  const bool triple = quote + 2 < s.size() && s[quote + 1] == qc && s[quote + 2] == qc;
  quote_ = std::string(triple ? 3 : 1, qc);
  text_ = std::string(prefix) + quote_;
  fstring_ = prefix.find_first_of("fF") != std::string_view::npos;
  in_string_ = true;
  string_depth_ = depth();
  return string_body(s, quote + quote_.size(), out);
}

size_t Lexer::string_body(std::string_view s, size_t i, std::vector<Token>* out) {
  const size_t n = s.size();
  while (i < n) {
    if (s[i] == '\\') {
      text_ += '\\';
      if (i + 1 < n) {
        text_ += s[i + 1];
        i += 2;
        continue;
      }
      text_ += '\n';  // escaped newline: the string goes on
      return n;
    }
    if (s.compare(i, quote_.size(), quote_) == 0) {
      text_ += quote_;
      out->push_back(Token{TokKind::kString, text_, string_depth_, fstring_});
      in_string_ = false;
      return i + quote_.size();
    }
    text_ += s[i];
    ++i;
  }
  if (quote_.size() == 1) {
    // An unterminated one-line string: CPython rejects it later.
    out->push_back(Token{TokKind::kString, text_, string_depth_, fstring_});
    in_string_ = false;
    return n;
  }
  text_ += '\n';
  return n;
}

// ---------------------------------------------------------------------------
// Statement analysis: what each logical statement is, which names it reads
// and binds. Approximate on purpose: it only has to rank layouts, CPython
// judges them.

enum class Owner : std::uint8_t {
  kNone, kModule, kIf, kElif, kElse, kElseOfLoop, kElseOfTry, kFor, kWhile, kTry, kExcept, kExceptStar,
  kFinally, kWith, kDef, kClass, kMatch, kCase, kOther
};
enum class Clause : std::uint8_t { kNone, kElif, kElse, kExcept, kExceptStar, kFinally, kCase };

bool is_handler(Owner o) { return o == Owner::kExcept || o == Owner::kExceptStar; }

enum BindFlag : std::uint8_t { kPlain = 0, kLoopVar = 1, kClosedLoopVar = 2, kExceptAs = 4, kParam = 8 };

struct Call {
  int name = -1;
  std::vector<int> args;  // names read inside the call's parentheses
};

struct Stmt {
  int first_line = 0;
  int last_line = 0;
  bool comment_before = false;
  Owner compound = Owner::kNone;  // kind of compound statement (kElse for any else)
  Clause clause = Clause::kNone;
  bool opens_block = false;  // ends with ':' so the next statement is its body
  bool is_def = false;
  bool is_class = false;
  bool is_async_def = false;
  bool decorator = false;
  int decorated = -1;  // decorators: the def or class they decorate
  bool has_decorators = false;
  bool method_like = false;  // takes self/cls or carries a method decorator
  bool is_return = false;
  bool is_raise = false;
  bool is_break = false;
  bool is_continue = false;
  bool is_pass = false;
  bool terminator = false;  // return, raise, break, continue
  bool is_import = false;
  bool is_main_guard = false;
  bool is_docstring = false;
  bool is_ellipsis = false;
  bool is_expression = false;
  bool is_assignment = false;
  bool augmented = false;  // `x += ...`
  bool needs_function = false;
  bool needs_async = false;
  bool needs_loop = false;
  bool exits = false;      // contains break, return or raise: a loop can end here
  bool has_break = false;
  bool has_yield = false;
  bool cond_true = false;  // while True
  int name = -1;           // def or class name
  std::vector<int> loads;
  std::vector<int> attrs;       // attribute names read (`x.show()` reads show)
  bool prints = false;          // calls print()
  std::vector<int> stores;      // bound in the block holding the statement
  std::vector<int> body_binds;  // bound in the block it opens (params, loop targets, `as` names)
  std::uint8_t body_flag = kPlain;
  std::vector<Call> calls;
  std::vector<int> mutated;      // names assigned, subscripted, or whose methods are called
  std::vector<int> guard_names;  // names an `if` tests
  bool absence_test = false;     // `if x is None:` / `if not x:` / `if k not in d:`
  std::vector<int> declared;     // global / nonlocal names
  std::vector<int> cond_names;   // while condition
  std::vector<int> counters;     // while condition names used plainly (`while i < n`), not walked (`node.next`)
  int target_base = -1;
  int assigned_plain = -1;  // `x = ...` with a single plain name target
  int sibling_key = -1;     // assert / same callee: statements that come in runs
};

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

template <typename T>
void push_unique(std::vector<T>* v, const T& x) {
  if (!contains(*v, x)) v->push_back(x);
}

bool is_keyword(std::string_view s) {
  static const std::unordered_set<std::string_view> kKeywords = {
      "False", "None",   "True",    "and",      "as",       "assert", "async", "await",
      "break", "class",  "continue", "def",     "del",      "elif",   "else",  "except",
      "finally", "for",  "from",    "global",   "if",       "import", "in",    "is",
      "lambda", "nonlocal", "not",  "or",       "pass",     "raise",  "return", "try",
      "while", "with",   "yield"};
  return kKeywords.count(s) != 0;
}

class Analyzer {
 public:
  int intern(std::string_view s) {
    auto it = ids_.find(std::string(s));
    if (it != ids_.end()) return it->second;
    const int id = static_cast<int>(names_.size());
    names_.emplace_back(s);
    ids_.emplace(names_.back(), id);
    return id;
  }
  const std::string& name(int id) const {
    static const std::string kNone = "?";
    return id >= 0 && id < static_cast<int>(names_.size()) ? names_[id] : kNone;
  }
  int size() const { return static_cast<int>(names_.size()); }
  bool declared_global(int id) const { return globals_.count(id) != 0; }

  Stmt analyze(const RawStatement& raw);

 private:
  using Tokens = std::vector<Token>;
  bool op(size_t i, std::string_view s) const {
    return i < t_->size() && (*t_)[i].kind == TokKind::kOp && (*t_)[i].text == s;
  }
  bool kw(size_t i, std::string_view s) const {
    return i < t_->size() && (*t_)[i].kind == TokKind::kName && (*t_)[i].text == s;
  }
  bool is_name(size_t i) const {
    return i < t_->size() && (*t_)[i].kind == TokKind::kName && !is_keyword((*t_)[i].text);
  }
  void mark_scoped_names();
  void collect_loads(size_t begin, size_t end, std::vector<int>* out);
  void fstring_names(std::string_view text, std::vector<int>* out);
  void expression_names(std::string_view expr, std::vector<int>* out);
  void analyze_simple(size_t begin, size_t end, Stmt* st);
  void analyze_targets(size_t begin, size_t end, bool first_target, Stmt* st);
  void analyze_import(size_t begin, size_t end, Stmt* st);
  void analyze_def(size_t head, size_t colon, Stmt* st);
  void analyze_calls_and_mutations(Stmt* st);
  size_t find_depth0(size_t begin, size_t end, std::string_view text, bool keyword) const;

  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;
  std::unordered_set<int> globals_;
  const Tokens* t_ = nullptr;
  std::vector<bool> excluded_;      // lambda parameters and comprehension targets
  std::vector<bool> lambda_colon_;  // ':' that ends a lambda's parameters
};

void Analyzer::mark_scoped_names() {
  const Tokens& t = *t_;
  excluded_.assign(t.size(), false);
  lambda_colon_.assign(t.size(), false);
  std::unordered_set<std::string> scoped;
  for (size_t i = 0; i < t.size(); ++i) {
    const bool lambda = kw(i, "lambda");
    const bool comprehension = kw(i, "for") && t[i].depth > 0;
    if (!lambda && !comprehension) continue;
    for (size_t j = i + 1; j < t.size() && t[j].depth >= t[i].depth; ++j) {
      if (t[j].depth == t[i].depth && (lambda ? op(j, ":") : kw(j, "in"))) {
        if (lambda) lambda_colon_[j] = true;
        break;
      }
      if (is_name(j)) scoped.insert(t[j].text);
    }
  }
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == TokKind::kName && scoped.count(t[i].text)) excluded_[i] = true;
  }
}

void Analyzer::collect_loads(size_t begin, size_t end, std::vector<int>* out) {
  const Tokens& t = *t_;
  for (size_t i = begin; i < end && i < t.size(); ++i) {
    if (t[i].kind == TokKind::kString && t[i].fstring) fstring_names(t[i].text, out);
    if (!is_name(i) || excluded_[i]) continue;
    if (i > 0 && op(i - 1, ".")) continue;  // attribute
    if (op(i + 1, "=") && t[i].depth > 0 && i > 0 && (op(i - 1, "(") || op(i - 1, ","))) continue;  // keyword argument
    push_unique(out, intern(t[i].text));
  }
}

void Analyzer::expression_names(std::string_view e, std::vector<int>* out) {
  size_t i = 0;
  char prev = 0;
  while (i < e.size()) {
    const char c = e[i];
    if (c == '\'' || c == '"') {
      size_t j = i + 1;
      while (j < e.size() && e[j] != c) j += e[j] == '\\' ? 2 : 1;
      i = j + 1;
      prev = c;
      continue;
    }
    if (is_digit(c)) {
      while (i < e.size() && (ident_char(e[i]) || e[i] == '.')) ++i;
      prev = '0';
      continue;
    }
    if (ident_start(c)) {
      size_t j = i;
      while (j < e.size() && ident_char(e[j])) ++j;
      std::string_view word = e.substr(i, j - i);
      if (prev != '.' && prev != '!' && !is_keyword(word)) push_unique(out, intern(word));
      i = j;
      prev = 'a';
      continue;
    }
    if (!is_blankish(c)) prev = c;
    ++i;
  }
}

// Names read by the replacement fields of an f-string: `f"{self.x:>{width}}"`
// reads self and width.
void Analyzer::fstring_names(std::string_view text, std::vector<int>* out) {
  size_t p = 0;
  while (p < text.size() && text[p] != '"' && text[p] != '\'') ++p;
  if (p >= text.size()) return;
  const char qc = text[p];
  const size_t qlen = text.compare(p, 3, std::string(3, qc)) == 0 ? 3 : 1;
  const size_t begin = p + qlen;
  const size_t end = text.size() >= begin + qlen ? text.size() - qlen : begin;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < end && text[i + 1] == '{') {
      ++i;
      continue;
    }
    // The expression ends at a top-level `!r` or `:spec`; a spec may hold
    // nested fields (`{x:>{width}}`), which are expressions again.
    int depth = 0;
    size_t j = i + 1;
    size_t expr_end = std::string_view::npos;
    for (; j < end; ++j) {
      const char c = text[j];
      if (c == '{' || c == '(' || c == '[') ++depth;
      if (c == ')' || c == ']') --depth;
      if (c == '}') {
        if (depth == 0) break;
        --depth;
      }
      if (depth == 0 && expr_end == std::string_view::npos && (c == ':' || c == '!') &&
          !(j + 1 < end && text[j + 1] == '=')) {
        expr_end = j;
      }
    }
    if (expr_end == std::string_view::npos) expr_end = j;
    expression_names(text.substr(i + 1, expr_end - i - 1), out);
    for (size_t k = expr_end; k < j; ++k) {
      if (text[k] != '{') continue;
      const size_t close = text.find('}', k);
      if (close == std::string_view::npos || close > j) break;
      expression_names(text.substr(k + 1, close - k - 1), out);
      k = close;
    }
    i = j;
  }
}

size_t Analyzer::find_depth0(size_t begin, size_t end, std::string_view text, bool keyword) const {
  for (size_t i = begin; i < end; ++i) {
    if ((*t_)[i].depth != 0) continue;
    if (keyword ? kw(i, text) : op(i, text)) return i;
  }
  return end;
}

// Plain names at depth 0 of a target are bound; anything else in a target
// (`self.x`, `d[k]`) is read.
void Analyzer::analyze_targets(size_t begin, size_t end, bool first_target, Stmt* st) {
  const Tokens& t = *t_;
  bool element_start = true;
  int plain = -1;
  for (size_t i = begin; i < end; ++i) {
    if (t[i].depth == 0 && op(i, ",")) {
      element_start = true;
      continue;
    }
    if (!is_name(i)) {
      if (t[i].kind == TokKind::kString && t[i].fstring) fstring_names(t[i].text, &st->loads);
      continue;
    }
    const int id = intern(t[i].text);
    const bool attribute = i > begin && op(i - 1, ".");
    if (attribute) continue;
    if (t[i].depth > 0) {
      if (!excluded_[i]) push_unique(&st->loads, id);
      continue;
    }
    const bool base = op(i + 1, ".") || op(i + 1, "[") || op(i + 1, "(");
    if (first_target && st->target_base < 0) st->target_base = id;
    if (base) {
      push_unique(&st->loads, id);
      if (element_start) push_unique(&st->mutated, id);
    } else {
      push_unique(&st->stores, id);
      push_unique(&st->mutated, id);
      plain = id;
    }
    element_start = false;
  }
  if (first_target && end == begin + 1) st->assigned_plain = plain;
}

void Analyzer::analyze_import(size_t begin, size_t end, Stmt* st) {
  const Tokens& t = *t_;
  size_t i = begin + 1;
  if (kw(begin, "from")) {
    i = find_depth0(begin, end, "import", true);
    if (i == end) {
      // `from x import (a, b)` puts import at depth 0 as well; nothing else to do.
      return;
    }
    ++i;
  }
  bool item_start = true;
  int pending = -1;
  for (; i < end; ++i) {
    if (op(i, ",")) {
      if (pending >= 0) push_unique(&st->stores, pending);
      pending = -1;
      item_start = true;
      continue;
    }
    if (kw(i, "as") && is_name(i + 1)) {
      pending = intern(t[i + 1].text);
      ++i;
      continue;
    }
    if (is_name(i) && item_start) {
      pending = intern(t[i].text);
      item_start = false;
    }
  }
  if (pending >= 0) push_unique(&st->stores, pending);
}

void Analyzer::analyze_simple(size_t begin, size_t end, Stmt* st) {
  const Tokens& t = *t_;
  if (begin >= end) return;
  const std::string_view first = t[begin].kind == TokKind::kName ? std::string_view(t[begin].text) : "";
  if (first == "import" || first == "from") {
    st->is_import = true;
    analyze_import(begin, end, st);
    return;
  }
  if (first == "global" || first == "nonlocal") {
    for (size_t i = begin + 1; i < end; ++i) {
      if (!is_name(i)) continue;
      globals_.insert(intern(t[i].text));
      st->declared.push_back(intern(t[i].text));
    }
    return;
  }
  std::vector<size_t> assigns;
  size_t augmented = end;
  size_t annotation = end;
  for (size_t i = begin; i < end; ++i) {
    if (t[i].depth != 0 || t[i].kind != TokKind::kOp) continue;
    const std::string& o = t[i].text;
    if (o == "=") {
      assigns.push_back(i);
    } else if (augmented == end && assigns.empty() && o.size() >= 2 && o.back() == '=' && o != "==" && o != "!=" &&
               o != "<=" && o != ">=" && o != ":=") {
      augmented = i;
    } else if (o == ":" && annotation == end && assigns.empty() && !lambda_colon_[i]) {
      annotation = i;
    }
  }
  const bool keyword_first = !first.empty() && is_keyword(first) && first != "await" && first != "yield" &&
                             first != "lambda" && first != "not" && first != "None" && first != "True" &&
                             first != "False";
  if (!assigns.empty() && !keyword_first) {
    st->is_assignment = true;
    size_t target_begin = begin;
    for (size_t k = 0; k < assigns.size(); ++k) {
      size_t target_end = assigns[k];
      if (k == 0 && annotation < target_end) {
        collect_loads(annotation + 1, target_end, &st->loads);
        target_end = annotation;
      }
      analyze_targets(target_begin, target_end, k == 0, st);
      target_begin = assigns[k] + 1;
    }
    collect_loads(assigns.back() + 1, end, &st->loads);
  } else if (augmented != end && !keyword_first) {
    st->is_assignment = true;
    st->augmented = true;
    analyze_targets(begin, augmented, true, st);
    collect_loads(begin, augmented, &st->loads);
    collect_loads(augmented + 1, end, &st->loads);
    st->assigned_plain = -1;
  } else if (annotation != end && !keyword_first) {
    st->is_assignment = true;
    analyze_targets(begin, annotation, true, st);
    collect_loads(annotation + 1, end, &st->loads);
  } else {
    collect_loads(begin, end, &st->loads);
    st->is_expression = !keyword_first;
  }
  for (size_t i = begin; i + 1 < end; ++i) {
    if (op(i + 1, ":=") && is_name(i)) push_unique(&st->stores, intern(t[i].text));
  }
  // Runs of asserts or of calls to one object's method read as one group.
  if (first == "assert") st->sibling_key = intern("assert");
  if (st->is_expression && is_name(begin) && op(begin + 1, ".") && is_name(begin + 2) && op(begin + 3, "(")) {
    st->sibling_key = intern(t[begin].text + "." + t[begin + 2].text);
  }
}

void Analyzer::analyze_def(size_t head, size_t colon, Stmt* st) {
  const Tokens& t = *t_;
  st->is_def = true;
  if (!is_name(head + 1)) return;
  st->name = intern(t[head + 1].text);
  push_unique(&st->stores, st->name);
  size_t i = head + 2;
  if (!op(i, "(")) return;
  bool expect_param = true;
  for (++i; i < colon && t[i].depth >= 1; ++i) {
    if (t[i].depth == 1 && op(i, ",")) {
      expect_param = true;
      continue;
    }
    if (t[i].depth == 1 && (op(i, "*") || op(i, "**") || op(i, "/"))) continue;
    if (t[i].depth == 1 && (op(i, "=") || op(i, ":"))) {
      expect_param = false;
      continue;
    }
    if (expect_param && t[i].depth == 1 && is_name(i)) {
      push_unique(&st->body_binds, intern(t[i].text));
      expect_param = false;
      continue;
    }
    if (!expect_param) collect_loads(i, i + 1, &st->loads);
  }
  collect_loads(i, colon, &st->loads);  // return annotation
  st->body_flag = kParam;
  static const std::array<std::string_view, 6> kFirstParams = {"self", "cls", "mcs", "mcls", "metacls", "klass"};
  const std::string& nm = name(st->name);
  const bool dunder = nm.size() > 4 && nm.rfind("__", 0) == 0 && nm.compare(nm.size() - 2, 2, "__") == 0;
  const bool self_param =
      !st->body_binds.empty() &&
      std::find(kFirstParams.begin(), kFirstParams.end(), name(st->body_binds.front())) != kFirstParams.end();
  st->method_like = dunder || self_param;
}

void Analyzer::analyze_calls_and_mutations(Stmt* st) {
  const Tokens& t = *t_;
  for (size_t i = 0; i < t.size(); ++i) {
    if (kw(i, "break") || kw(i, "return") || kw(i, "raise")) st->exits = true;
    if (kw(i, "break")) st->has_break = true;
    if (kw(i, "yield")) st->has_yield = true;
    if (is_name(i) && i > 0 && op(i - 1, ".")) push_unique(&st->attrs, intern(t[i].text));
    if (!is_name(i) || excluded_[i] || (i > 0 && op(i - 1, "."))) continue;
    const int id = intern(t[i].text);
    if (t[i].text == "print" && op(i + 1, "(")) st->prints = true;
    if (op(i + 1, "(")) {
      Call call{id, {}};
      const int d = t[i + 1].depth;
      size_t j = i + 2;
      while (j < t.size() && !(op(j, ")") && t[j].depth == d)) ++j;
      collect_loads(i + 2, j, &call.args);
      st->calls.push_back(std::move(call));
    }
    if (op(i + 1, ".") && is_name(i + 2) && op(i + 3, "(")) push_unique(&st->mutated, id);
    if (t[i].depth > 0 && i > 0 && (op(i - 1, "(") || op(i - 1, ",")) && (op(i + 1, ",") || op(i + 1, ")"))) {
      push_unique(&st->mutated, id);
    }
    if (i > 0 && kw(i - 1, "del")) push_unique(&st->mutated, id);
  }
}

Stmt Analyzer::analyze(const RawStatement& raw) {
  Stmt st;
  st.first_line = raw.first_line;
  st.last_line = raw.last_line;
  st.comment_before = raw.comment_before;
  t_ = &raw.tokens;
  const Tokens& t = raw.tokens;
  if (t.empty()) return st;
  mark_scoped_names();
  st.opens_block = op(t.size() - 1, ":") && t.back().depth == 0 && !lambda_colon_[t.size() - 1];
  const bool async_prefix = kw(0, "async") && (kw(1, "def") || kw(1, "for") || kw(1, "with"));
  const size_t head = async_prefix ? 1 : 0;
  const std::string_view first = t[head].kind == TokKind::kName ? std::string_view(t[head].text) : "";
  size_t colon = t.size();
  for (size_t i = head; i < t.size(); ++i) {
    if (t[i].depth == 0 && op(i, ":") && !lambda_colon_[i]) {
      colon = i;
      break;
    }
  }
  static const std::unordered_map<std::string_view, Owner> kCompound = {
      {"if", Owner::kIf},       {"elif", Owner::kElif},         {"else", Owner::kElse},
      {"for", Owner::kFor},     {"while", Owner::kWhile},       {"try", Owner::kTry},
      {"except", Owner::kExcept}, {"finally", Owner::kFinally}, {"with", Owner::kWith},
      {"def", Owner::kDef},     {"class", Owner::kClass}};
  auto it = kCompound.find(first);
  bool soft = false;
  if ((first == "match" || first == "case") && colon < t.size() && colon > head + 1) {
    const Token& next = t[head + 1];
    soft = next.kind != TokKind::kOp || next.text == "(" || next.text == "[" || next.text == "{" ||
           next.text == "-" || next.text == "*";
  }
  const bool compound = (it != kCompound.end() || soft) && colon < t.size();
  if (t[0].kind == TokKind::kOp && t[0].text == "@") {
    st.decorator = true;
    collect_loads(1, t.size(), &st.loads);
    // `@x.setter`, `@staticmethod`, `@functools.cached_property`: the last
    // dotted component before any call names the kind of decorator.
    static const std::array<std::string_view, 10> kMethodDecorators = {
        "staticmethod", "classmethod", "property", "abstractmethod", "cached_property",
        "abstractproperty", "setter", "getter", "deleter", "override"};
    std::string_view last;
    for (size_t i = 1; i < t.size() && (t[i].kind == TokKind::kName || op(i, ".")); ++i) {
      if (t[i].kind == TokKind::kName) last = t[i].text;
    }
    st.method_like = std::find(kMethodDecorators.begin(), kMethodDecorators.end(), last) != kMethodDecorators.end();
  } else if (compound) {
    st.compound = soft ? (first == "match" ? Owner::kMatch : Owner::kCase) : it->second;
    switch (st.compound) {
      case Owner::kElif: st.clause = Clause::kElif; break;
      case Owner::kElse: st.clause = Clause::kElse; break;
      case Owner::kExcept:
        // `except*` handlers (exception groups) cannot mix with `except`.
        if (op(head + 1, "*")) {
          st.compound = Owner::kExceptStar;
          st.clause = Clause::kExceptStar;
        } else {
          st.clause = Clause::kExcept;
        }
        break;
      case Owner::kFinally: st.clause = Clause::kFinally; break;
      case Owner::kCase: st.clause = Clause::kCase; break;
      default: break;
    }
    switch (st.compound) {
      case Owner::kIf:
      case Owner::kElif:
      case Owner::kWhile: {
        collect_loads(head + 1, colon, &st.loads);
        if (st.compound == Owner::kWhile) {
          st.cond_names = st.loads;
          st.cond_true = colon == head + 2 && (kw(head + 1, "True") || t[head + 1].text == "1");
          // `while i < n` and `while not q.empty()` are about i and q;
          // `while node.next` walks node, which the code after it uses.
          for (size_t i = head + 1; i < colon; ++i) {
            const bool method = op(i + 1, ".") && is_name(i + 2) && op(i + 3, "(");
            const bool walked = op(i + 1, ".") || op(i + 1, "[") || op(i + 1, "(") || (i > 0 && op(i - 1, "."));
            if (is_name(i) && (method || !walked)) push_unique(&st.counters, intern(t[i].text));
          }
        }
        if (st.compound == Owner::kIf) {
          bool absence = kw(head + 1, "not");
          bool main_name = false;
          bool main_string = false;
          for (size_t i = head + 1; i < colon; ++i) {
            if (kw(i, "is") && kw(i + 1, "None")) absence = true;
            if (op(i, "==") && kw(i + 1, "None")) absence = true;
            if (kw(i, "not") && kw(i + 1, "in")) absence = true;
            if (kw(i, "__name__")) main_name = true;
            if (t[i].kind == TokKind::kString && t[i].text.find("__main__") != std::string::npos) main_string = true;
          }
          st.guard_names = st.loads;
          st.absence_test = absence;
          st.is_main_guard = main_name && main_string;
        }
        break;
      }
      case Owner::kFor: {
        const size_t in = find_depth0(head + 1, colon, "in", true);
        for (size_t i = head + 1; i < in; ++i) {
          if (is_name(i) && !(op(i + 1, ".") || op(i + 1, "[")) && !(i > 0 && op(i - 1, "."))) {
            push_unique(&st.body_binds, intern(t[i].text));
            push_unique(&st.mutated, intern(t[i].text));
          } else if (is_name(i)) {
            collect_loads(i, i + 1, &st.loads);
          }
        }
        st.body_flag = kLoopVar;
        collect_loads(std::min(in + 1, colon), colon, &st.loads);
        break;
      }
      case Owner::kWith: {
        size_t item = head + 1;
        while (item < colon) {
          size_t stop = item;
          while (stop < colon && !(t[stop].depth == 0 && op(stop, ","))) ++stop;
          const size_t as = find_depth0(item, stop, "as", true);
          collect_loads(item, as, &st.loads);
          for (size_t i = as + 1; i < stop; ++i) {
            if (is_name(i)) push_unique(&st.body_binds, intern(t[i].text));
          }
          item = stop + 1;
        }
        break;
      }
      case Owner::kExcept:
      case Owner::kExceptStar: {
        const size_t as = find_depth0(head + 1, colon, "as", true);
        collect_loads(head + 1, as, &st.loads);
        if (as + 1 < colon && is_name(as + 1)) push_unique(&st.body_binds, intern(t[as + 1].text));
        st.body_flag = kExceptAs;
        break;
      }
      case Owner::kDef:
        st.is_async_def = async_prefix;
        analyze_def(head, colon, &st);
        break;
      case Owner::kClass:
        st.is_class = true;
        if (is_name(head + 1)) {
          st.name = intern(t[head + 1].text);
          push_unique(&st.stores, st.name);
        }
        collect_loads(head + 2, colon, &st.loads);
        break;
      case Owner::kMatch:
        collect_loads(head + 1, colon, &st.loads);
        break;
      case Owner::kCase: {
        // Capture patterns bind names: `case (x, 0):`, `case Point(y=yy)`,
        // `case [*rest] as whole`; `Color.RED`, `Point(` and `_` do not.
        const size_t guard = find_depth0(head + 1, colon, "if", true);
        for (size_t i = head + 1; i < guard; ++i) {
          const bool capture = is_name(i) && !op(i + 1, "(") && !op(i + 1, ".") && !op(i + 1, "=") &&
                               !(i > 0 && op(i - 1, ".")) && t[i].text != "_";
          if (capture) push_unique(&st.body_binds, intern(t[i].text));
        }
        std::vector<int> guard_loads;
        collect_loads(std::min(guard + 1, colon), colon, &guard_loads);
        for (int id : guard_loads) {
          if (!contains(st.body_binds, id)) push_unique(&st.loads, id);
        }
        break;
      }
      default:
        break;
    }
    if (!st.opens_block) {
      // A one-line compound statement (`if x: return y`): its body counts as
      // part of the statement.
      Stmt body;
      analyze_simple(colon + 1, t.size(), &body);
      for (int n : body.loads) push_unique(&st.loads, n);
      for (int n : body.stores) push_unique(&st.stores, n);
      for (int n : body.mutated) push_unique(&st.mutated, n);
    }
  } else {
    if (st.opens_block) st.compound = Owner::kOther;
    analyze_simple(head, t.size(), &st);
    st.is_return = first == "return";
    st.is_raise = first == "raise";
    st.is_break = first == "break";
    st.is_pass = first == "pass";
    st.is_continue = first == "continue";
    st.terminator = st.is_return || st.is_raise || st.is_break || first == "continue";
    st.is_docstring = t.size() == 1 && t[0].kind == TokKind::kString;
    st.is_ellipsis = t.size() == 1 && op(0, "...");
  }
  analyze_calls_and_mutations(&st);
  // What the statement needs from its surroundings. The body of a one-line
  // def or loop brings its own function or loop.
  if (!st.is_def && !st.is_class) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (kw(i, "yield") || (kw(i, "return") && (i == 0 || t[i].depth == 0))) st.needs_function = true;
      if (kw(i, "await")) st.needs_async = true;
      if ((kw(i, "break") || kw(i, "continue")) && t[i].depth == 0) st.needs_loop = true;
    }
    if (async_prefix) st.needs_async = true;
    if (st.needs_async) st.needs_function = true;
    if (st.compound == Owner::kFor || st.compound == Owner::kWhile) st.needs_loop = false;
  }
  return st;
}

// Decorators learn what they decorate; a def decorated as a method is one.
void link_decorators(std::vector<Stmt>* stmts) {
  const int n = static_cast<int>(stmts->size());
  for (int i = 0; i < n; ++i) {
    if (!(*stmts)[i].decorator || (i > 0 && (*stmts)[i - 1].decorator)) continue;
    int j = i;
    while (j < n && (*stmts)[j].decorator) ++j;
    if (j >= n || !((*stmts)[j].is_def || (*stmts)[j].is_class)) continue;
    Stmt& target = (*stmts)[j];
    target.has_decorators = true;
    for (int k = i; k < j; ++k) target.method_like = target.method_like || (target.is_def && (*stmts)[k].method_like);
    for (int k = i; k < j; ++k) {
      (*stmts)[k].decorated = j;
      (*stmts)[k].method_like = target.method_like;
    }
  }
}

// ---------------------------------------------------------------------------
// The search.

constexpr double kImpossibleCost = 1000;

enum class Feature : std::uint8_t {
  kImpossible, kDedent, kDeadCode, kAfterPass, kOuterClause, kMethodOutsideClass, kFunctionInClass,
  kNestedFunction, kNestedClass, kNestedImport, kNestedMainGuard, kNameNotVisible,
  kLoopVariableAfterLoop, kClassSelfReference, kRecursionConstant, kRecursion, kSelfReference,
  kLoopTerminal, kDeadStore, kGuardContinues, kReturnDeep, kClassBodyAfterMethods,
  kClassBodyStatement, kInfiniteWhile, kCommentBreak, kLoopUnrelated, kFunctionUnrelated,
  kBranchLonger, kSiblingSplit, kSelfInstance, kUnreachableOutput, kRedundantContinue, kBranchShorter,
  kUnusedGlobal, kAfterEndlessLoop, kElseAfterLeaving, kJumpInFinally, kCounterOutsideLoop
};

std::string describe(Feature f, const std::string& name) {
  switch (f) {
    case Feature::kImpossible: return "Python would reject it";
    case Feature::kDedent: return "it closes a block";
    case Feature::kDeadCode: return "it would be unreachable after return/raise/break/continue";
    case Feature::kAfterPass: return "it would follow 'pass' in the same block";
    case Feature::kOuterClause: return "the clause would pair with an outer statement";
    case Feature::kMethodOutsideClass: return fmt::format("method '{}' would sit outside a class", name);
    case Feature::kFunctionInClass: return fmt::format("function '{}' has no self but would sit in a class", name);
    case Feature::kNestedFunction: return fmt::format("function '{}' would be nested in a block", name);
    case Feature::kNestedClass: return fmt::format("class '{}' would be nested in a block", name);
    case Feature::kNestedImport: return "the import would sit inside a block";
    case Feature::kNestedMainGuard: return "the __main__ guard would sit inside a block";
    case Feature::kNameNotVisible: return fmt::format("'{}' would not be defined there", name);
    case Feature::kLoopVariableAfterLoop: return fmt::format("loop variable '{}' would be used after its loop", name);
    case Feature::kClassSelfReference: return fmt::format("class '{}' would be used inside its own body", name);
    case Feature::kRecursionConstant:
      return fmt::format("'{}' would call itself with constant arguments (endless recursion)", name);
    case Feature::kRecursion: return fmt::format("'{}' would call itself", name);
    case Feature::kSelfReference: return fmt::format("'{}' would refer to itself inside its own body", name);
    case Feature::kLoopTerminal: return "the loop would end after its first iteration";
    case Feature::kDeadStore: return fmt::format("the value assigned to '{}' would never be used", name);
    case Feature::kGuardContinues: return "a one-line initialisation guard would go on";
    case Feature::kReturnDeep: return "the return would sit deeper than the value it returns";
    case Feature::kClassBodyAfterMethods: return "a class attribute would follow the methods";
    case Feature::kClassBodyStatement: return "a plain statement would run in a class body";
    case Feature::kInfiniteWhile: return "a while loop would never change its condition";
    case Feature::kCommentBreak: return "a block would go on across a comment break";
    case Feature::kLoopUnrelated: return "a loop or with block would go on without using its names";
    case Feature::kFunctionUnrelated: return "a function would go on without using its locals";
    case Feature::kBranchLonger: return "a branch would grow longer than its siblings";
    case Feature::kSiblingSplit: return "a run of similar statements would be split";
    case Feature::kSelfInstance:
      return fmt::format("a '{}' would be created with constant arguments inside its own method", name);
    case Feature::kUnreachableOutput: return "a print would sit in code the sample never runs";
    case Feature::kRedundantContinue: return "'continue' would be the last thing its loop does";
    case Feature::kBranchShorter: return "a branch would end shorter than its siblings";
    case Feature::kUnusedGlobal: return "a global declaration would have no assignment after it";
    case Feature::kAfterEndlessLoop: return "it would follow a 'while True' loop that never breaks";
    case Feature::kElseAfterLeaving: return "an 'else' would follow an if that always leaves";
    case Feature::kJumpInFinally: return "a return/break/continue would sit in 'finally'";
    case Feature::kCounterOutsideLoop: return fmt::format("local '{}' would be updated outside any loop", name);
  }
  return "";
}

struct Binding {
  int name;
  int level;
  std::uint8_t flags;
};

enum class Scope : std::uint8_t { kModule, kFunction, kClass };

struct Frame;
using FramePtr = std::shared_ptr<const Frame>;

// One open block: the module or the body of a compound statement. Frames
// are shared between search states and copied on write.
struct Frame {
  FramePtr parent;
  int level = 0;
  Owner owner = Owner::kModule;
  Scope scope = Scope::kModule;
  int header = -1;  // statement that opened the block
  std::vector<Binding> bindings;
  Owner last_compound = Owner::kNone;  // compound statement that just ended in this block
  int stmt_count = 0;
  int last_assign = -1;
  int chain_len = 0;    // longest branch so far of the if/try chain that just ended here
  bool chain_exits = false;     // every branch of that chain so far ends in return/raise/break
  bool chain_has_else = false;
  bool ends_in_exit = false;    // control never falls off the end of this block
  bool direct_exit = false;     // ...because its last statement is return/raise/break
  int sibling_max = 0;  // longest earlier branch, for elif/else bodies
  bool has_def = false;
  double guard_weight = 0;  // cost of going on after a one-line guard body
};

struct Note {
  std::shared_ptr<const Note> prev;
  int stmt;
  Feature feature;
  int name;
  double cost;
};
using NotePtr = std::shared_ptr<const Note>;

struct PathNode {
  std::shared_ptr<const PathNode> prev;
  int level;
};

struct State {
  FramePtr top;
  int level = 0;
  int last = -1;
  double cost = 0;
  std::shared_ptr<const PathNode> path;
  NotePtr notes;
};

class Costs {
 public:
  Costs(NotePtr notes, int stmt) : notes_(std::move(notes)), stmt_(stmt) {}
  void add(Feature f, double cost, int name = -1) {
    if (cost <= 0) return;
    total_ += cost;
    notes_ = std::make_shared<const Note>(Note{notes_, stmt_, f, name, cost});
  }
  double total() const { return total_; }
  NotePtr notes() const { return notes_; }
  void set_stmt(int stmt) { stmt_ = stmt; }

 private:
  NotePtr notes_;
  int stmt_;
  double total_ = 0;
};

const Frame* frame_at(const Frame* top, int level) {
  for (const Frame* f = top; f; f = f->parent.get()) {
    if (f->level == level) return f;
  }
  return nullptr;
}

const Frame* scope_frame(const Frame* top) {
  for (const Frame* f = top; f; f = f->parent.get()) {
    if (f->owner == Owner::kDef || f->owner == Owner::kClass || f->owner == Owner::kModule) return f;
  }
  return nullptr;
}

// A clause pairs with the compound statement that just ended at its level.
bool clause_fits(Clause c, Owner ended, Owner* resolved) {
  switch (c) {
    case Clause::kElif:
      *resolved = Owner::kElif;
      return ended == Owner::kIf || ended == Owner::kElif;
    case Clause::kElse:
      if (ended == Owner::kIf || ended == Owner::kElif) {
        *resolved = Owner::kElse;
        return true;
      }
      if (ended == Owner::kFor || ended == Owner::kWhile) {
        *resolved = Owner::kElseOfLoop;
        return true;
      }
      *resolved = Owner::kElseOfTry;
      return is_handler(ended);
    case Clause::kExcept:
      *resolved = Owner::kExcept;
      return ended == Owner::kTry || ended == Owner::kExcept;
    case Clause::kExceptStar:
      *resolved = Owner::kExceptStar;
      return ended == Owner::kTry || ended == Owner::kExceptStar;
    case Clause::kFinally:
      *resolved = Owner::kFinally;
      return ended == Owner::kTry || is_handler(ended) || ended == Owner::kElseOfTry;
    default:
      return false;
  }
}

// One candidate level for one statement, with what the rules need.
struct Placement {
  const Stmt& S;
  int s;
  const Stmt* prev;
  int cur;             // level of the previous statement
  int L;               // candidate level
  bool forced;         // the block structure allows no other level
  const State& before;
  FramePtr top;        // the block at level L once the blocks left are closed
  const Frame* scope;  // innermost def, class or module around it
  Owner resolved;      // the statement's kind, clauses resolved (else of what)
};

const Frame* innermost_loop(const Frame* top) {
  for (const Frame* f = top; f && f->owner != Owner::kDef && f->owner != Owner::kClass; f = f->parent.get()) {
    if (f->owner == Owner::kFor || f->owner == Owner::kWhile) return f;
  }
  return nullptr;
}

class Search {
 public:
  Search(const std::vector<Stmt>& stmts, const Analyzer& names, int beam_width)
      : stmts_(stmts), names_(names), beam_width_(beam_width) {
    precompute();
  }
  std::vector<State> run();

 private:
  void precompute();
  void expand(const State& st, int s, std::vector<State>* out) const;
  State place(const State& st, int s, int level, bool forced, double clause_cost) const;
  void score_structure(Placement* p, double clause_cost, Costs* c) const;
  void score_block_ends(const Placement& p, Costs* c) const;
  void score_definitions(const Placement& p, Costs* c) const;
  void score_names(const Placement& p, Costs* c) const;
  void score_flow(const Placement& p, Costs* c) const;
  void score_cues(const Placement& p, Costs* c) const;
  State record(const Placement& p, const Costs& c) const;
  FramePtr close_frame(const FramePtr& frame, int before, Costs* costs) const;
  State finish(const State& st) const;
  std::vector<int> unreachable_prints(const std::vector<int>& levels) const;
  const Binding* lookup(const Frame* top, int name) const;
  bool bound_within(const Frame* top, const Frame* until, int name, int* level = nullptr) const;
  bool related_to_block(const Frame* block, int s) const;
  bool breaks_between(int header, int s) const { return break_prefix_[s] > break_prefix_[header + 1]; }
  // Whether a sorted list of statement indices has one strictly between.
  static bool occurs_between(const std::vector<int>& at, int after, int before) {
    auto it = std::upper_bound(at.begin(), at.end(), after);
    return it != at.end() && *it < before;
  }
  static std::uint64_t signature(const State& st);

  const std::vector<Stmt>& stmts_;
  const Analyzer& names_;
  int beam_width_;
  std::vector<int> first_store_;     // per name: first statement binding it
  std::vector<int> while_progress_;  // per while header: first statement that can end the loop
  std::vector<bool> used_later_;     // per def or class: a later statement reads its name
  std::vector<int> declarations_;    // global / nonlocal statements
  std::vector<int> declared_used_;   // per declaration: first later statement assigning a declared name
  std::vector<std::vector<int>> stores_at_;  // per name: statements binding it, in order
  std::vector<std::vector<int>> loads_at_;   // per name: statements reading it, in order
  std::vector<int> break_prefix_;    // break statements before each index
};

// Facts about the sample that do not depend on the layout, indexed so the
// search stays linear on long samples.
void Search::precompute() {
  const int n = static_cast<int>(stmts_.size());
  const auto names = static_cast<size_t>(names_.size());
  std::vector<std::vector<int>> changes(names);  // per name: statements binding or mutating it, in order
  std::vector<int> last_load(names, -1);
  stores_at_.assign(names, {});
  loads_at_.assign(names, {});
  for (int i = 0; i < n; ++i) {
    const Stmt& st = stmts_[i];
    for (const auto* ids : {&st.stores, &st.body_binds}) {
      for (int id : *ids) {
        if (stores_at_[id].empty() || stores_at_[id].back() != i) stores_at_[id].push_back(i);
      }
    }
    for (const auto* ids : {&st.stores, &st.body_binds, &st.mutated}) {
      for (int id : *ids) {
        if (changes[id].empty() || changes[id].back() != i) changes[id].push_back(i);
      }
    }
    for (int id : st.loads) {
      last_load[id] = i;
      loads_at_[id].push_back(i);
    }
  }
  auto next_in = [&](const std::vector<int>& at, int after) {
    auto it = std::upper_bound(at.begin(), at.end(), after);
    return it == at.end() ? n : *it;
  };
  first_store_.assign(names, INT_MAX);
  for (size_t id = 0; id < names; ++id) {
    if (!stores_at_[id].empty()) first_store_[id] = stores_at_[id].front();
  }
  used_later_.assign(static_cast<size_t>(n), false);
  declared_used_.assign(static_cast<size_t>(n), n);
  while_progress_.assign(static_cast<size_t>(n), n);
  break_prefix_.assign(static_cast<size_t>(n) + 1, 0);
  std::vector<int> next_exit(static_cast<size_t>(n) + 1, n);
  std::vector<int> next_yield(static_cast<size_t>(n) + 1, n);
  for (int i = n - 1; i >= 0; --i) {
    next_exit[i] = stmts_[i].exits ? i : next_exit[i + 1];
    next_yield[i] = stmts_[i].has_yield ? i : next_yield[i + 1];
  }
  for (int i = 0; i < n; ++i) {
    const Stmt& st = stmts_[i];
    break_prefix_[i + 1] = break_prefix_[i] + (st.has_break ? 1 : 0);
    if (st.name >= 0) used_later_[i] = last_load[st.name] > i;
    if (!st.declared.empty()) {
      declarations_.push_back(i);
      for (int id : st.declared) declared_used_[i] = std::min(declared_used_[i], next_in(changes[id], i));
    }
    if (st.compound == Owner::kWhile) {
      int progress = next_exit[std::min(i + 1, n)];
      if (st.cond_true) progress = std::min(progress, next_yield[std::min(i + 1, n)]);
      if (!st.cond_true) {
        for (int id : st.cond_names) progress = std::min(progress, next_in(changes[id], i));
      }
      while_progress_[i] = progress;
    }
  }
}

const Binding* Search::lookup(const Frame* top, int name) const {
  bool crossed_function = false;
  for (const Frame* f = top; f; f = f->parent.get()) {
    // Class bodies are not visible from the methods inside them.
    const bool visible = !(f->scope == Scope::kClass && crossed_function);
    if (visible) {
      for (const Binding& b : f->bindings) {
        if (b.name == name) return &b;
      }
    }
    if (f->owner == Owner::kDef) crossed_function = true;
  }
  return nullptr;
}

bool Search::bound_within(const Frame* top, const Frame* until, int name, int* level) const {
  bool found = false;
  for (const Frame* f = top; f; f = f->parent.get()) {
    for (const Binding& b : f->bindings) {
      if (b.name != name) continue;
      if (level && (!found || b.level < *level)) *level = b.level;
      found = true;
    }
    if (f == until) break;
  }
  return found;
}

// Does statement s work with the block's own names: its loop variables or
// `as` targets, its counters, names first bound inside it, or (in loops)
// an accumulator it updates?
bool Search::related_to_block(const Frame* block, int s) const {
  const Stmt& h = stmts_[block->header];
  const Stmt& S = stmts_[s];
  if (S.augmented && block->owner != Owner::kWith) return true;
  for (int id : S.loads) {
    if (contains(h.body_binds, id) || contains(h.counters, id)) return true;
    if (occurs_between(stores_at_[id], block->header, s) && !lookup(block->parent.get(), id)) return true;
  }
  return false;
}

std::uint64_t Search::signature(const State& st) {
  std::uint64_t h = 1469598103934665603ULL ^ static_cast<std::uint64_t>(st.level);
  for (const Frame* f = st.top.get(); f; f = f->parent.get()) {
    h = (h ^ static_cast<std::uint64_t>(f->header + 2)) * 1099511628211ULL;
    h = (h ^ static_cast<std::uint64_t>(f->last_compound)) * 1099511628211ULL;
  }
  return h;
}

FramePtr Search::close_frame(const FramePtr& frame, int before, Costs* costs) const {
  const Frame& f = *frame;
  if (f.owner == Owner::kWhile && while_progress_[f.header] >= before) costs->add(Feature::kInfiniteWhile, 10);
  if (f.last_compound == Owner::kTry) costs->add(Feature::kImpossible, kImpossibleCost);
  if (f.owner == Owner::kDef) {
    // `global x` promises an assignment to x in the same function.
    for (int g : declarations_) {
      if (g > f.header && g < before && declared_used_[g] >= before) costs->add(Feature::kUnusedGlobal, 6);
    }
  }
  auto parent = std::make_shared<Frame>(*f.parent);
  if (f.owner != Owner::kDef && f.owner != Owner::kClass) {
    // Names bound in a closed block stay bound in the enclosing scope;
    // `except ... as e` names are deleted when the handler ends.
    const bool loop = f.owner == Owner::kFor || f.owner == Owner::kWhile;
    for (const Binding& b : f.bindings) {
      if (b.flags & kExceptAs) continue;
      // Loop targets and names first bound inside a loop belong to it.
      const bool loop_local = (b.flags & (kLoopVar | kClosedLoopVar)) || (loop && first_store_[b.name] > f.header);
      const std::uint8_t flags = loop_local ? kClosedLoopVar : kPlain;
      auto existing = std::find_if(parent->bindings.begin(), parent->bindings.end(),
                                   [&](const Binding& x) { return x.name == b.name; });
      if (existing == parent->bindings.end()) {
        parent->bindings.push_back(Binding{b.name, b.level, flags});
      } else if (flags == kPlain) {
        existing->flags = kPlain;
      }
    }
  }
  // A loop whose body always leaves through a compound statement (a try
  // that returns, whose handlers raise) runs once.
  if ((f.owner == Owner::kFor || f.owner == Owner::kWhile) && f.ends_in_exit && !f.direct_exit) {
    costs->add(Feature::kLoopTerminal, 12);
  }
  const bool continues_chain = f.owner == Owner::kElif || f.owner == Owner::kElse || is_handler(f.owner) ||
                               f.owner == Owner::kElseOfTry || f.owner == Owner::kFinally ||
                               f.owner == Owner::kElseOfLoop;
  if (f.owner == Owner::kFinally || f.owner == Owner::kElseOfLoop) {
    // finally adds no way out; a loop's else does not make the loop exit
  } else if (continues_chain) {
    parent->chain_exits = parent->chain_exits && f.ends_in_exit;
  } else {
    parent->chain_exits = f.ends_in_exit && (f.owner == Owner::kIf || f.owner == Owner::kTry || f.owner == Owner::kWith);
    parent->chain_has_else = false;
  }
  if (f.owner == Owner::kElse) parent->chain_has_else = true;
  const bool try_chain = f.owner == Owner::kTry || is_handler(f.owner) || f.owner == Owner::kElseOfTry ||
                         f.owner == Owner::kFinally;
  parent->ends_in_exit = parent->chain_exits && (try_chain || parent->chain_has_else || f.owner == Owner::kWith);
  parent->direct_exit = false;
  parent->last_compound = f.owner;
  parent->last_assign = -1;
  parent->chain_len = std::max(f.sibling_max, f.stmt_count);
  return parent;
}

void Search::expand(const State& st, int s, std::vector<State>* out) const {
  const Stmt& stmt = stmts_[s];
  if (st.last < 0) {
    out->push_back(place(st, s, 0, true, 0));
    return;
  }
  const Stmt& prev = stmts_[st.last];
  if (prev.opens_block) {
    out->push_back(place(st, s, st.level + 1, true, 0));
    return;
  }
  if (prev.decorator) {
    out->push_back(place(st, s, st.level, true, 0));
    return;
  }
  std::vector<int> levels;
  const int cur = st.level;
  if (stmt.clause != Clause::kNone) {
    // Only levels where the clause pairs with something; innermost first.
    for (int L = cur; L >= 0; --L) {
      bool fits = false;
      if (stmt.clause == Clause::kCase) {
        const Frame* f = frame_at(st.top.get(), L);
        fits = f && f->owner == Owner::kMatch;
      } else {
        Owner ended = Owner::kNone;
        if (L == cur) {
          ended = st.top->last_compound;
        } else if (const Frame* f = frame_at(st.top.get(), L + 1)) {
          ended = f->owner;
        }
        Owner resolved;
        fits = clause_fits(stmt.clause, ended, &resolved);
      }
      if (fits) levels.push_back(L);
    }
    for (size_t r = 0; r < levels.size(); ++r) out->push_back(place(st, s, levels[r], false, 3.0 * r));
    if (!levels.empty()) return;
    levels.clear();
  }
  // Deep nesting only comes from hostile input; cap the fan-out there.
  constexpr int kMaxFanOut = 16;
  for (int L = cur; L >= 0; --L) {
    if (cur - L < kMaxFanOut || L == 0) levels.push_back(L);
  }
  for (int L : levels) out->push_back(place(st, s, L, false, 0));
}

State Search::place(const State& st, int s, int L, bool forced, double clause_cost) const {
  Costs c(st.notes, s);
  Placement p{stmts_[s], s, st.last >= 0 ? &stmts_[st.last] : nullptr, st.level, L, forced, st, st.top,
              nullptr, stmts_[s].compound};
  bool after_endless_loop = false;
  while (p.top->level > L && p.top->parent) {
    const Frame* closing = p.top.get();
    if (closing->owner == Owner::kWhile && stmts_[closing->header].cond_true && !breaks_between(closing->header, s)) {
      // Nothing after `while True:` runs unless a break leaves it, so the
      // statement must be outside the function that holds the loop.
      after_endless_loop = after_endless_loop || scope_frame(closing)->level <= L;
    }
    p.top = close_frame(p.top, s, &c);
  }
  if (after_endless_loop) c.add(Feature::kAfterEndlessLoop, 30);
  p.scope = scope_frame(p.top.get());
  score_structure(&p, clause_cost, &c);
  score_block_ends(p, &c);
  score_definitions(p, &c);
  score_names(p, &c);
  score_flow(p, &c);
  score_cues(p, &c);
  return record(p, c);
}

// What Python itself requires: clauses pair with the statement that just
// ended at their level; return, await and break need their surroundings.
void Search::score_structure(Placement* p, double clause_cost, Costs* c) const {
  const Stmt& S = p->S;
  const Frame* top = p->top.get();
  if (S.clause == Clause::kCase) {
    if (top->owner != Owner::kMatch) c->add(Feature::kImpossible, kImpossibleCost);
  } else if (S.clause != Clause::kNone) {
    if (!clause_fits(S.clause, top->last_compound, &p->resolved)) c->add(Feature::kImpossible, kImpossibleCost);
    // `for ...: if found: break` then `else:` is the for-else idiom; an
    // `else` after an if whose body just left the loop is pointless.
    const Frame* loop = innermost_loop(p->before.top.get());
    const bool for_else = p->prev && p->prev->is_break && loop && p->resolved == Owner::kElseOfLoop &&
                          loop->level == p->L + 1;
    if (!for_else) c->add(Feature::kOuterClause, clause_cost + (p->resolved == Owner::kElseOfLoop ? 2.0 : 0.0));
    if (p->prev && (p->prev->is_break || p->prev->is_continue) && p->resolved == Owner::kElse && p->L == p->cur - 1) {
      c->add(Feature::kElseAfterLeaving, 2);
    }
  } else {
    if (top->last_compound == Owner::kTry) c->add(Feature::kImpossible, kImpossibleCost);
    if (top->owner == Owner::kMatch) c->add(Feature::kImpossible, kImpossibleCost);
  }
  const Frame* scope = p->scope;
  if (S.needs_function && scope->owner != Owner::kDef) c->add(Feature::kImpossible, kImpossibleCost);
  if (S.needs_async && !(scope->owner == Owner::kDef && stmts_[scope->header].is_async_def)) {
    c->add(Feature::kImpossible, kImpossibleCost);
  }
  if (S.needs_loop && !innermost_loop(top)) c->add(Feature::kImpossible, kImpossibleCost);
}

// Where blocks end: staying is the default, and some statements cannot be
// followed by more of the same block.
void Search::score_block_ends(const Placement& p, Costs* c) const {
  if (p.forced || !p.prev) return;
  const Stmt& S = p.S;
  const Stmt& prev = *p.prev;
  if (p.L < p.cur) {
    c->add(Feature::kDedent, 1.0 + 0.3 * (p.cur - p.L - 1));
    if (prev.sibling_key >= 0 && prev.sibling_key == S.sibling_key) c->add(Feature::kSiblingSplit, 0.8);
    const Frame* left = p.before.top.get();
    if ((left->owner == Owner::kElif || left->owner == Owner::kElse) && left->stmt_count < left->sibling_max) {
      c->add(Feature::kBranchShorter, 0.8);
    }
  } else {
    if (prev.terminator) c->add(Feature::kDeadCode, 40);
    if (prev.is_pass) c->add(Feature::kAfterPass, 15);
  }
  // `continue` skips the rest of the loop body, so something must follow
  // it inside the loop.
  if (prev.is_continue) {
    const Frame* loop = innermost_loop(p.before.top.get());
    if (loop && p.L < loop->level) c->add(Feature::kRedundantContinue, 6);
  }
}

// Definitions an author would not write (a closure nobody uses, a class
// inside a loop) cost more than the uncertainty threshold.
void Search::score_definitions(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const bool direct_class = p.top->owner == Owner::kClass;
  int target = -1;
  if (S.decorator && !(p.prev && p.prev->decorator)) target = S.decorated;
  if ((S.is_def || S.is_class) && !S.has_decorators) target = p.s;
  if (target >= 0) {
    const Stmt& T = stmts_[target];
    if (T.is_def && T.method_like) {
      if (!direct_class) c->add(Feature::kMethodOutsideClass, 30, T.name);
    } else if (T.is_def && p.L > 0) {
      if (direct_class || p.scope->owner == Owner::kClass) {
        c->add(Feature::kFunctionInClass, 30, T.name);
      } else if (p.scope->owner == Owner::kDef) {
        c->add(Feature::kNestedFunction, used_later_[target] ? 3 : 30, T.name);
      } else {
        c->add(Feature::kNestedFunction, 6, T.name);
      }
    } else if (T.is_class && p.L > 0) {
      c->add(Feature::kNestedClass, direct_class ? 2 : 30, T.name);
    }
  }
  if (S.is_import && p.L > 0) c->add(Feature::kNestedImport, 3);
  if (S.is_main_guard && p.L > 0) c->add(Feature::kNestedMainGuard, 20);
}

// Names are read where they are defined, and not inside their own
// definition: a class is not complete inside its body, and a function that
// calls itself with constant arguments never ends.
void Search::score_names(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const Frame* top = p.top.get();
  for (int id : S.loads) {
    const Binding* b = lookup(top, id);
    if (!b) {
      if (first_store_[id] < p.s && !names_.declared_global(id)) c->add(Feature::kNameNotVisible, 40, id);
    } else if (b->flags & kClosedLoopVar) {
      c->add(Feature::kLoopVariableAfterLoop, 3, id);
    }
  }
  auto uses_locals_of = [&](const Call& call, const Frame* function) {
    return std::any_of(call.args.begin(), call.args.end(),
                       [&](int a) { return bound_within(top, function, a); });
  };
  bool crossed_function = false;
  const Frame* method = nullptr;
  for (const Frame* f = top; f; f = f->parent.get()) {
    const int cname = f->owner == Owner::kClass ? stmts_[f->header].name : -1;
    if (cname >= 0 && !crossed_function && contains(S.loads, cname)) c->add(Feature::kClassSelfReference, 40, cname);
    if (cname >= 0 && crossed_function && !S.is_return) {
      // `p = Point(1, 2)` inside Point's own method is demo code that lost
      // its dedent (or endless recursion from __init__).
      for (const Call& call : S.calls) {
        if (call.name == cname && !uses_locals_of(call, method)) c->add(Feature::kSelfInstance, 20, cname);
      }
    }
    if (f->owner != Owner::kDef) continue;
    method = f;
    crossed_function = true;
    const int fname = stmts_[f->header].name;
    if (fname < 0 || !contains(S.loads, fname)) continue;
    auto call = std::find_if(S.calls.begin(), S.calls.end(), [&](const Call& x) { return x.name == fname; });
    if (call == S.calls.end()) {
      c->add(Feature::kSelfReference, 8, fname);
    } else if (uses_locals_of(*call, f)) {
      c->add(Feature::kRecursion, 1, fname);
    } else {
      c->add(Feature::kRecursionConstant, 20, fname);
    }
  }
}

// Control flow that runs but makes no sense.
void Search::score_flow(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const Frame* top = p.top.get();
  const Frame* scope = p.scope;
  const bool in_loop_body = top->owner == Owner::kFor || top->owner == Owner::kWhile;
  if ((S.is_return || S.is_break || S.is_raise) && in_loop_body) c->add(Feature::kLoopTerminal, 12);
  if (S.augmented && S.target_base >= 0 && contains(S.stores, S.target_base) && scope->owner == Owner::kDef &&
      bound_within(top, scope, S.target_base) && !innermost_loop(top)) {
    // `steps += 1` on a local: counters and accumulators live in loops.
    c->add(Feature::kCounterOutsideLoop, 2, S.target_base);
  }
  if ((S.is_return || S.is_break || S.is_continue) && top->owner == Owner::kFinally) {
    c->add(Feature::kJumpInFinally, 8);
  }
  if ((S.is_return || S.is_raise) && !p.forced && p.L == p.cur && top->last_assign >= 0 &&
      !contains(S.loads, top->last_assign)) {
    c->add(Feature::kDeadStore, 8, top->last_assign);
  }
  if (top->guard_weight > 0 && top->stmt_count == 1 && S.clause == Clause::kNone && !S.terminator && !S.is_pass) {
    c->add(Feature::kGuardContinues, top->guard_weight);
  }
  if (S.is_return && !S.loads.empty() && scope->owner == Owner::kDef) {
    // `return order` belongs where `order` was built, usually after loops.
    int built = -1;
    for (int id : S.loads) {
      int level = 0;
      if (bound_within(top, scope, id, &level)) built = std::max(built, level);
    }
    if (built >= 0 && p.L > built) c->add(Feature::kReturnDeep, 2.0 * (p.L - built));
  }
  if (top->owner == Owner::kClass && S.clause == Clause::kNone) {
    const bool definition = S.is_def || S.is_class || S.decorator || S.is_pass || S.is_docstring || S.is_ellipsis;
    if (!definition) {
      if (S.is_assignment || S.is_import) {
        if (top->has_def) c->add(Feature::kClassBodyAfterMethods, 6);
      } else {
        c->add(Feature::kClassBodyStatement, 8);
      }
    }
  }
}

// Weak cues for where a block ends when nothing stronger decides.
void Search::score_cues(const Placement& p, Costs* c) const {
  const Stmt& S = p.S;
  const Frame* top = p.top.get();
  if (p.forced || S.clause != Clause::kNone) return;
  const bool plain = !S.terminator && !S.is_pass && !S.decorator && !S.is_def && !S.is_class;
  if (plain) {
    // Loop bodies and `with ... as x:` bodies work with their own names.
    for (const Frame* f = top; f && f != p.scope; f = f->parent.get()) {
      const bool with_target = f->owner == Owner::kWith && !stmts_[f->header].body_binds.empty();
      if (f->owner == Owner::kFor || f->owner == Owner::kWhile || with_target) {
        // `while True:` bodies have no loop variable to relate to.
        const bool endless = f->owner == Owner::kWhile && stmts_[f->header].cond_true;
        if (!endless && !related_to_block(f, p.s)) c->add(Feature::kLoopUnrelated, 1.5);
        break;
      }
    }
    // Literal initialisations (`total = 0`) are function business; a call
    // of globals only (`p = Point(1, 2)`) reads like demo code.
    // Handlers and finally blocks clean up with whatever is at hand.
    const bool literal_assignment = S.is_assignment && S.loads.empty();
    const bool handler = is_handler(top->owner) || top->owner == Owner::kFinally;
    if (p.scope->owner == Owner::kDef && !S.is_import && !literal_assignment && !handler) {
      // Related: a local, or a global the function already works with.
      const bool uses_local = std::any_of(S.loads.begin(), S.loads.end(), [&](int id) {
        return bound_within(top, p.scope, id) || occurs_between(loads_at_[id], p.scope->header, p.s);
      });
      const bool sibling = p.prev && p.L == p.cur && p.prev->sibling_key >= 0 && p.prev->sibling_key == S.sibling_key;
      if (!uses_local && !sibling) c->add(Feature::kFunctionUnrelated, 1.2);
    }
  }
  // A comment between statements often starts a new top-level section,
  // unless the outermost block is a definition whose body it annotates.
  const Frame* outer_block = frame_at(top, 1);
  if (S.comment_before && p.cur > 0 && p.L > 0 && outer_block && outer_block->owner != Owner::kDef &&
      outer_block->owner != Owner::kClass) {
    c->add(Feature::kCommentBreak, 2.5);
  }
  // Branches of one if statement tend to be about as long; so do the
  // handlers of a top-level try (in functions they often add a return).
  const bool module_handler = (is_handler(top->owner) || top->owner == Owner::kElseOfTry) &&
                              p.scope->owner == Owner::kModule && !S.terminator;
  const bool branch = top->owner == Owner::kElif || top->owner == Owner::kElse || module_handler;
  if (branch && top->sibling_max > 0 &&
      top->stmt_count >= top->sibling_max) {
    c->add(Feature::kBranchLonger, 1.5);
  }
}

// Records the statement in its block and opens the block it starts.
State Search::record(const Placement& p, const Costs& c) const {
  const Stmt& S = p.S;
  auto frame = std::make_shared<Frame>(*p.top);
  if (S.clause == Clause::kNone) {
    ++frame->stmt_count;
    frame->chain_len = 0;
    frame->direct_exit = S.is_return || S.is_raise || S.is_break;
    frame->ends_in_exit = frame->direct_exit;
  }
  for (int id : S.stores) {
    auto existing = std::find_if(frame->bindings.begin(), frame->bindings.end(),
                                 [&](const Binding& x) { return x.name == id; });
    if (existing == frame->bindings.end()) {
      frame->bindings.push_back(Binding{id, p.L, kPlain});
    } else {
      existing->flags = kPlain;
    }
  }
  frame->last_assign = (S.assigned_plain >= 0 && frame->scope == Scope::kFunction) ? S.assigned_plain : -1;
  frame->last_compound = (S.compound != Owner::kNone && !S.opens_block) ? p.resolved : Owner::kNone;
  if (S.is_def) frame->has_def = true;
  // `if x is None: x = []` and `if n > best: best = n` set one value and
  // end; an absence test is the stronger sign.
  if (frame->stmt_count == 1 && frame->owner == Owner::kIf && S.is_assignment && S.target_base >= 0 &&
      contains(stmts_[frame->header].guard_names, S.target_base)) {
    frame->guard_weight = stmts_[frame->header].absence_test ? 4.0 : 1.0;
  }
  FramePtr placed = frame;
  if (S.opens_block) {
    auto body = std::make_shared<Frame>();
    body->parent = placed;
    body->level = p.L + 1;
    body->owner = p.resolved;
    body->scope = p.resolved == Owner::kDef     ? Scope::kFunction
                  : p.resolved == Owner::kClass ? Scope::kClass
                                                : frame->scope;
    body->header = p.s;
    for (int id : S.body_binds) body->bindings.push_back(Binding{id, p.L + 1, S.body_flag});
    body->sibling_max = S.clause != Clause::kNone ? frame->chain_len : 0;
    placed = body;
  }
  State child;
  child.top = placed;
  child.level = p.L;
  child.last = p.s;
  child.cost = p.before.cost + c.total();
  child.path = std::make_shared<const PathNode>(PathNode{p.before.path, p.L});
  child.notes = c.notes();
  return child;
}

State Search::finish(const State& st) const {
  const int n = static_cast<int>(stmts_.size());
  Costs c(st.notes, n - 1);
  FramePtr top = st.top;
  while (top->parent) top = close_frame(top, n, &c);
  if (top->last_compound == Owner::kTry) c.add(Feature::kImpossible, kImpossibleCost);
  if (n > 0 && stmts_.back().opens_block) c.add(Feature::kImpossible, kImpossibleCost);
  State done = st;
  done.top = top;
  done.cost += c.total();
  done.notes = c.notes();
  return done;
}

// Statements that print but never run: inside functions that nothing
// executed refers to (by name, method name, or a class's dunder methods).
std::vector<int> Search::unreachable_prints(const std::vector<int>& levels) const {
  const int n = static_cast<int>(stmts_.size());
  std::vector<int> parent(n, -1);
  std::vector<int> def_of(n, -1);
  std::vector<int> headers;  // headers[k]: the statement whose body is level k + 1
  for (int i = 0; i < n; ++i) {
    const int L = levels[i];
    if (static_cast<int>(headers.size()) > L) headers.resize(L);
    parent[i] = L > 0 && static_cast<int>(headers.size()) >= L ? headers[L - 1] : -1;
    if (parent[i] >= 0) def_of[i] = stmts_[parent[i]].is_def ? parent[i] : def_of[parent[i]];
    if (stmts_[i].opens_block) {
      headers.resize(std::min<size_t>(headers.size(), static_cast<size_t>(L)));
      while (static_cast<int>(headers.size()) < L) headers.push_back(-1);
      headers.push_back(i);
    }
  }
  std::unordered_map<int, std::vector<int>> defs_by_name;
  std::unordered_map<int, std::vector<int>> dunders_by_class;
  std::vector<std::vector<int>> members(n);
  std::vector<int> work;
  for (int i = 0; i < n; ++i) {
    if (stmts_[i].is_def && stmts_[i].name >= 0) {
      defs_by_name[stmts_[i].name].push_back(i);
      const std::string& nm = names_.name(stmts_[i].name);
      if (parent[i] >= 0 && stmts_[parent[i]].is_class && nm.size() > 4 && nm.rfind("__", 0) == 0) {
        dunders_by_class[stmts_[parent[i]].name].push_back(i);
      }
    }
    if (def_of[i] >= 0) {
      members[def_of[i]].push_back(i);
    } else {
      work.push_back(i);
    }
  }
  std::vector<char> executed(n, 0);
  std::vector<char> reached(n, 0);
  auto reach = [&](int d) {
    if (reached[d]) return;
    reached[d] = 1;
    for (int m : members[d]) work.push_back(m);
  };
  while (!work.empty()) {
    const int i = work.back();
    work.pop_back();
    if (executed[i]) continue;
    executed[i] = 1;
    for (const auto* refs : {&stmts_[i].loads, &stmts_[i].attrs}) {
      for (int id : *refs) {
        if (auto it = defs_by_name.find(id); it != defs_by_name.end()) {
          for (int d : it->second) reach(d);
        }
        if (auto it = dunders_by_class.find(id); it != dunders_by_class.end()) {
          for (int d : it->second) reach(d);
        }
      }
    }
  }
  std::vector<int> silent;
  for (int i = 0; i < n; ++i) {
    if (stmts_[i].prints && !executed[i]) silent.push_back(i);
  }
  return silent;
}

std::vector<State> Search::run() {
  auto module = std::make_shared<Frame>();
  State start;
  start.top = module;
  std::vector<State> beam = {start};
  std::vector<State> children;
  constexpr size_t kPerSignature = 3;
  for (int s = 0; s < static_cast<int>(stmts_.size()); ++s) {
    children.clear();
    for (const State& st : beam) expand(st, s, &children);
    std::stable_sort(children.begin(), children.end(),
                     [](const State& a, const State& b) { return a.cost < b.cost; });
    // Keep the best few of each block structure first, so one structure
    // cannot crowd out the others; then fill up with the best of the rest.
    beam.clear();
    std::unordered_map<std::uint64_t, size_t> per_signature;
    std::vector<char> taken(children.size(), 0);
    for (size_t k = 0; k < children.size() && beam.size() < static_cast<size_t>(beam_width_); ++k) {
      if (++per_signature[signature(children[k])] > kPerSignature) continue;
      taken[k] = 1;
      beam.push_back(children[k]);
    }
    for (size_t k = 0; k < children.size() && beam.size() < static_cast<size_t>(beam_width_); ++k) {
      if (!taken[k]) beam.push_back(children[k]);
    }
    std::stable_sort(beam.begin(), beam.end(), [](const State& a, const State& b) { return a.cost < b.cost; });
  }
  std::vector<State> done;
  done.reserve(beam.size());
  for (const State& st : beam) done.push_back(finish(st));
  std::vector<std::vector<int>> levels(done.size());
  for (size_t i = 0; i < done.size(); ++i) {
    for (const PathNode* p = done[i].path.get(); p; p = p->prev.get()) levels[i].push_back(p->level);
    std::reverse(levels[i].begin(), levels[i].end());
    // Samples show output: a print nobody calls means the demo code was
    // swallowed by a function body.
    Costs c(done[i].notes, 0);
    for (int s : unreachable_prints(levels[i])) {
      c.set_stmt(s);
      c.add(Feature::kUnreachableOutput, 6);
    }
    done[i].cost += c.total();
    done[i].notes = c.notes();
  }
  // Equal penalties: the layout that keeps blocks open longer wins, as the
  // per-statement prior does.
  std::vector<size_t> order(done.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (done[a].cost < done[b].cost - 1e-9) return true;
    if (done[b].cost < done[a].cost - 1e-9) return false;
    return levels[a] > levels[b];
  });
  std::vector<State> sorted;
  sorted.reserve(done.size());
  for (size_t i : order) sorted.push_back(std::move(done[i]));
  return sorted;
}

// ---------------------------------------------------------------------------
// From statement levels to line levels, text, and reports.

struct Scanned {
  std::vector<LineScan> lines;
  std::vector<Stmt> stmts;
  Analyzer names;
};

void scan_sample(const std::vector<std::string>& lines, Scanned* out) {
  std::vector<RawStatement> raw;
  Lexer lexer;
  lexer.run(lines, &out->lines, &raw);
  out->stmts.reserve(raw.size());
  for (const RawStatement& r : raw) out->stmts.push_back(out->names.analyze(r));
  link_decorators(&out->stmts);
}

std::vector<int> path_levels(const State& st, size_t count) {
  std::vector<int> levels(count, 0);
  size_t i = count;
  for (const PathNode* p = st.path.get(); p && i > 0; p = p->prev.get()) levels[--i] = p->level;
  return levels;
}

std::vector<int> line_levels(const std::vector<LineScan>& scans, const std::vector<int>& stmt_levels) {
  std::vector<int> levels(scans.size(), 0);
  for (size_t i = 0; i < scans.size(); ++i) {
    const LineScan& ls = scans[i];
    const int base = ls.stmt >= 0 && ls.stmt < static_cast<int>(stmt_levels.size()) ? stmt_levels[ls.stmt] : 0;
    levels[i] = base + (ls.kind == LineKind::kContinuation ? ls.offset : 0);
  }
  return levels;
}

std::string render_scanned(const std::vector<std::string>& lines, const std::vector<LineScan>& scans,
                           const std::vector<int>& levels) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view content = strip_leading(lines[i]);
    const LineKind kind = scans[i].kind;
    // Inside a multi-line string leading whitespace is content, and an
    // empty line gets none (no trailing whitespace).
    if (kind != LineKind::kBlank && kind != LineKind::kStringContinuation && !content.empty()) {
      const int level = i < levels.size() ? std::max(0, levels[i]) : 0;
      out.append(static_cast<size_t>(level) * 4, ' ');
    }
    if (kind != LineKind::kBlank) out.append(content);
    out += '\n';
  }
  return out;
}

// Sums of penalties per feature and name from statement `from` on.
std::map<std::pair<Feature, int>, double> penalties_from(const NotePtr& notes, int from) {
  std::map<std::pair<Feature, int>, double> sums;
  for (const Note* n = notes.get(); n; n = n->prev.get()) {
    if (n->stmt >= from) sums[{n->feature, n->name}] += n->cost;
  }
  return sums;
}

std::string explain(const Analyzer& names, const State& best, const State& alt, int from, int best_level,
                    int alt_level) {
  auto b = penalties_from(best.notes, from);
  auto a = penalties_from(alt.notes, from);
  std::vector<std::pair<double, std::string>> against;
  std::vector<std::pair<double, std::string>> paid;
  std::map<std::pair<Feature, int>, double> diff = a;
  for (auto& [key, cost] : b) diff[key] -= cost;
  for (auto& [key, d] : diff) {
    if (d > 0.05) against.emplace_back(d, describe(key.first, names.name(key.second)));
    if (d < -0.05) paid.emplace_back(-d, describe(key.first, names.name(key.second)));
  }
  auto by_cost = [](const auto& x, const auto& y) { return x.first > y.first; };
  std::stable_sort(against.begin(), against.end(), by_cost);
  std::stable_sort(paid.begin(), paid.end(), by_cost);
  std::string reason = fmt::format("level {} also compiles", alt_level);
  if (!against.empty()) {
    reason += " but ";
    for (size_t i = 0; i < std::min<size_t>(2, against.size()); ++i) {
      if (i) reason += " and ";
      reason += against[i].second;
    }
  }
  reason += fmt::format(" (+{:.1f}); level {} chosen", std::max(0.0, alt.cost - best.cost), best_level);
  if (!paid.empty()) reason += " although " + paid.front().second;
  return reason;
}

}  // namespace

IndentationResult recover_indentation(const std::vector<std::string>& lines, const IndentationOptions& options) {
  IndentationResult result;
  Scanned scanned;
  scan_sample(lines, &scanned);
  const auto& stmts = scanned.stmts;
  if (stmts.empty()) {
    result.levels = line_levels(scanned.lines, {});
    return result;
  }
  const int n = static_cast<int>(stmts.size());
  if (n > options.max_statements) {
    result.ok = false;
    result.levels = line_levels(scanned.lines, std::vector<int>(stmts.size(), 0));
    result.error_line = stmts[static_cast<size_t>(std::max(0, options.max_statements))].first_line;
    result.error = fmt::format("cannot recover indentation: sample too long ({} statements, the limit is {})", n,
                               options.max_statements);
    return result;
  }
  // The beam shrinks with the sample so hostile input stays linear.
  const int width = std::clamp(6000 / n, 4, std::max(4, options.beam_width));
  Search search(stmts, scanned.names, width);
  std::vector<State> finals = search.run();

  struct Layout {
    const State* state;
    std::vector<int> stmt_levels;
  };
  std::vector<Layout> candidates;  // distinct layouts, most plausible first
  for (const State& st : finals) {
    std::vector<int> levels = path_levels(st, stmts.size());
    const bool seen = std::any_of(candidates.begin(), candidates.end(),
                                  [&](const Layout& c) { return c.stmt_levels == levels; });
    if (!seen) candidates.push_back(Layout{&st, std::move(levels)});
  }
  auto compile_error = [&](const Layout& c) {
    ++result.compile_calls;
    return compile_check(render_scanned(lines, scanned.lines, line_levels(scanned.lines, c.stmt_levels)),
                         options.filename);
  };
  std::optional<CompileError> best_error;
  size_t next = 0;
  const Layout* chosen = nullptr;
  for (; next < candidates.size() && result.compile_calls < options.max_compiles && !chosen; ++next) {
    auto error = compile_error(candidates[next]);
    if (!error) {
      chosen = &candidates[next];
    } else if (!best_error) {
      best_error = error;
    }
  }
  if (!chosen) {
    result.ok = false;
    result.levels = line_levels(scanned.lines, candidates.front().stmt_levels);
    result.score = candidates.front().state->cost;
    const int line = best_error ? best_error->line : 0;
    result.error_line = std::clamp(line - 1, 0, std::max(0, static_cast<int>(lines.size()) - 1));
    result.error = "cannot recover indentation: " +
                   (best_error ? best_error->message : std::string("no layout found within the search limits"));
    return result;
  }
  const Layout& best = *chosen;
  auto first_difference = [&](const Layout& c) {
    int d = 0;
    while (d < n && c.stmt_levels[d] == best.stmt_levels[d]) ++d;
    return d;
  };
  // Alternatives: first the most plausible layout departing at each
  // statement, so every open decision gets its best rival; then the rest.
  std::vector<size_t> order;
  std::vector<char> decision_taken(static_cast<size_t>(n) + 1, 0);
  for (size_t i = next; i < candidates.size(); ++i) {
    const int d = first_difference(candidates[i]);
    if (!decision_taken[d]) {
      decision_taken[d] = 1;
      order.push_back(i);
    }
  }
  for (size_t i = next; i < candidates.size(); ++i) {
    if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
  }
  std::vector<Layout> compiled = {best};
  const size_t wanted = static_cast<size_t>(std::max(0, options.max_alternatives)) + 1;
  // Layouts the model already knows Python rejects are not worth a compile
  // (unless the model was wrong about the best one too).
  const bool trust_model = best.state->cost < kImpossibleCost;
  for (size_t i : order) {
    if (compiled.size() >= wanted || result.compile_calls >= options.max_compiles) break;
    if (trust_model && candidates[i].state->cost >= kImpossibleCost) continue;
    if (!compile_error(candidates[i])) compiled.push_back(candidates[i]);
  }
  std::stable_sort(compiled.begin() + 1, compiled.end(),
                   [](const Layout& a, const Layout& b) { return a.state->cost < b.state->cost; });
  result.levels = line_levels(scanned.lines, best.stmt_levels);
  result.score = best.state->cost;
  std::map<int, UncertainDecision> uncertain;
  for (size_t k = 1; k < compiled.size(); ++k) {
    const Layout& alt = compiled[k];
    const int d = first_difference(alt);
    IndentationLayout layout;
    layout.levels = line_levels(scanned.lines, alt.stmt_levels);
    layout.score = alt.state->cost;
    layout.first_difference = d < n ? stmts[d].first_line : -1;
    result.alternatives.push_back(std::move(layout));
    if (d >= n || alt.state->cost - best.state->cost >= options.uncertain_gap) continue;
    UncertainDecision& u = uncertain[d];
    const double gap = std::max(0.0, alt.state->cost - best.state->cost);
    if (u.levels.empty()) {
      u.line = stmts[d].first_line;
      u.levels.push_back(best.stmt_levels[d]);
      u.margin = gap;
    }
    u.margin = std::min(u.margin, gap);
    if (contains(u.levels, alt.stmt_levels[d])) continue;
    u.levels.push_back(alt.stmt_levels[d]);
    const std::string why =
        explain(scanned.names, *best.state, *alt.state, d, best.stmt_levels[d], alt.stmt_levels[d]);
    u.reason += (u.reason.empty() ? "" : "; ") + why;
  }
  for (auto& [index, decision] : uncertain) result.uncertain.push_back(std::move(decision));
  return result;
}

std::string render(const std::vector<std::string>& lines, const std::vector<int>& levels) {
  std::vector<LineScan> scans;
  std::vector<RawStatement> raw;
  Lexer lexer;
  lexer.run(lines, &scans, &raw);
  return render_scanned(lines, scans, levels);
}

}  // namespace guidecheck
