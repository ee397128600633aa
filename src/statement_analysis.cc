#include "statement_analysis.h"

#include <array>
#include <utility>

namespace guidecheck {
namespace {

using TokenKind = PythonLexer::TokenKind;

bool is_word(TokenKind kind) { return kind == TokenKind::kName || kind == TokenKind::kKeyword; }
bool is_operator(TokenKind kind) {
  return kind == TokenKind::kOperator || kind == TokenKind::kOpen || kind == TokenKind::kClose ||
         kind == TokenKind::kInvalid;
}

}  // namespace

int StatementAnalyzer::intern(std::string_view s) {
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  const int id = static_cast<int>(names_.size());
  names_.emplace_back(s);
  ids_.emplace(names_.back(), id);
  return id;
}

const std::string& StatementAnalyzer::name(int id) const {
  static const std::string kNone = "?";
  return id >= 0 && id < static_cast<int>(names_.size()) ? names_[id] : kNone;
}

bool StatementAnalyzer::op(std::size_t i, std::string_view s) const {
  return i < t_->size() && is_operator((*t_)[i].kind) && (*t_)[i].text == s;
}

bool StatementAnalyzer::kw(std::size_t i, std::string_view s) const {
  return i < t_->size() && is_word((*t_)[i].kind) && (*t_)[i].text == s;
}

bool StatementAnalyzer::is_name(std::size_t i) const {
  return i < t_->size() && (*t_)[i].kind == TokenKind::kName;
}

void StatementAnalyzer::mark_scoped_names() {
  const Tokens& t = *t_;
  excluded_.assign(t.size(), false);
  lambda_colon_.assign(t.size(), false);
  std::unordered_set<std::string> scoped;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool lambda = kw(i, "lambda");
    const bool comprehension = kw(i, "for") && t[i].depth > 0;
    if (!lambda && !comprehension) continue;
    for (std::size_t j = i + 1; j < t.size() && t[j].depth >= t[i].depth; ++j) {
      if (t[j].depth == t[i].depth && (lambda ? op(j, ":") : kw(j, "in"))) {
        if (lambda) lambda_colon_[j] = true;
        break;
      }
      if (is_name(j)) scoped.insert(t[j].text);
    }
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == TokenKind::kName && scoped.count(t[i].text)) excluded_[i] = true;
  }
}

void StatementAnalyzer::collect_loads(std::size_t begin, std::size_t end, std::vector<int>* out) {
  const Tokens& t = *t_;
  for (std::size_t i = begin; i < end && i < t.size(); ++i) {
    if (t[i].kind == TokenKind::kString && t[i].fstring) fstring_names(t[i].text, out);
    if (!is_name(i) || excluded_[i]) continue;
    if (i > 0 && op(i - 1, ".")) continue;  // attribute
    if (op(i + 1, "=") && t[i].depth > 0 && i > 0 && (op(i - 1, "(") || op(i - 1, ","))) continue;  // keyword argument
    push_unique(out, intern(t[i].text));
  }
}

// Names an expression reads: `a.b + c[d]` reads a, c and d.
void StatementAnalyzer::expression_names(std::string_view expr, std::vector<int>* out) {
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  lexer.next(expr, &tokens);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].kind != TokenKind::kName) continue;
    // After '.' an attribute, after '!' a conversion (`{x!r}`).
    const PythonLexer::Token* previous = k > 0 ? &tokens[k - 1] : nullptr;
    if (previous && (previous->kind == TokenKind::kOperator || previous->kind == TokenKind::kInvalid) &&
        (previous->text.back() == '.' || previous->text.back() == '!'))
      continue;
    push_unique(out, intern(tokens[k].text));
  }
}

// Names read by the replacement fields of an f-string: `f"{self.x:>{width}}"`
// reads self and width.
void StatementAnalyzer::fstring_names(std::string_view text, std::vector<int>* out) {
  std::size_t p = 0;
  while (p < text.size() && text[p] != '"' && text[p] != '\'') ++p;
  if (p >= text.size()) return;
  const char qc = text[p];
  const std::size_t qlen = text.compare(p, 3, std::string(3, qc)) == 0 ? 3 : 1;
  const std::size_t begin = p + qlen;
  const std::size_t end = text.size() >= begin + qlen ? text.size() - qlen : begin;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < end && text[i + 1] == '{') {
      ++i;
      continue;
    }
    // The expression ends at a top-level `!r` or `:spec`; a spec may hold
    // nested fields (`{x:>{width}}`), which are expressions again.
    int depth = 0;
    std::size_t j = i + 1;
    std::size_t expr_end = std::string_view::npos;
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
    for (std::size_t k = expr_end; k < j; ++k) {
      if (text[k] != '{') continue;
      const std::size_t close = text.find('}', k);
      if (close == std::string_view::npos || close > j) break;
      expression_names(text.substr(k + 1, close - k - 1), out);
      k = close;
    }
    i = j;
  }
}

std::size_t StatementAnalyzer::find_depth0(std::size_t begin, std::size_t end, std::string_view text, bool keyword) const {
  for (std::size_t i = begin; i < end; ++i) {
    if ((*t_)[i].depth != 0) continue;
    if (keyword ? kw(i, text) : op(i, text)) return i;
  }
  return end;
}

// Plain names at depth 0 of a target are bound; anything else in a target
// (`self.x`, `d[k]`) is read.
void StatementAnalyzer::analyze_targets(std::size_t begin, std::size_t end, bool first_target, Stmt* st) {
  const Tokens& t = *t_;
  bool element_start = true;
  int plain = -1;
  for (std::size_t i = begin; i < end; ++i) {
    if (t[i].depth == 0 && op(i, ",")) {
      element_start = true;
      continue;
    }
    if (!is_name(i)) {
      if (t[i].kind == TokenKind::kString && t[i].fstring) fstring_names(t[i].text, &st->loads);
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

void StatementAnalyzer::analyze_import(std::size_t begin, std::size_t end, Stmt* st) {
  const Tokens& t = *t_;
  std::size_t i = begin + 1;
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

void StatementAnalyzer::analyze_simple(std::size_t begin, std::size_t end, Stmt* st) {
  const Tokens& t = *t_;
  if (begin >= end) return;
  const std::string_view first = is_word(t[begin].kind) ? std::string_view(t[begin].text) : "";
  if (first == "import" || first == "from") {
    st->is_import = true;
    analyze_import(begin, end, st);
    return;
  }
  if (first == "global" || first == "nonlocal") {
    for (std::size_t i = begin + 1; i < end; ++i) {
      if (!is_name(i)) continue;
      globals_.insert(intern(t[i].text));
      st->declared.push_back(intern(t[i].text));
    }
    return;
  }
  std::vector<std::size_t> assigns;
  std::size_t augmented = end;
  std::size_t annotation = end;
  for (std::size_t i = begin; i < end; ++i) {
    if (t[i].depth != 0 || !is_operator(t[i].kind)) continue;
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
    std::size_t target_begin = begin;
    for (std::size_t k = 0; k < assigns.size(); ++k) {
      std::size_t target_end = assigns[k];
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
  for (std::size_t i = begin; i + 1 < end; ++i) {
    if (op(i + 1, ":=") && is_name(i)) push_unique(&st->stores, intern(t[i].text));
  }
  // Runs of asserts or of calls to one object's method read as one group.
  if (first == "assert") st->sibling_key = intern("assert");
  if (st->is_expression && is_name(begin) && op(begin + 1, ".") && is_name(begin + 2) && op(begin + 3, "(")) {
    st->sibling_key = intern(t[begin].text + "." + t[begin + 2].text);
  }
}

void StatementAnalyzer::analyze_def(std::size_t head, std::size_t colon, Stmt* st) {
  const Tokens& t = *t_;
  st->is_def = true;
  if (!is_name(head + 1)) return;
  st->name = intern(t[head + 1].text);
  push_unique(&st->stores, st->name);
  std::size_t i = head + 2;
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

void StatementAnalyzer::analyze_calls_and_mutations(Stmt* st) {
  const Tokens& t = *t_;
  for (std::size_t i = 0; i < t.size(); ++i) {
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
      std::size_t j = i + 2;
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

Stmt StatementAnalyzer::analyze(const RawStatement& raw) {
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
  const std::size_t head = async_prefix ? 1 : 0;
  const std::string_view first = is_word(t[head].kind) ? std::string_view(t[head].text) : "";
  std::size_t colon = t.size();
  for (std::size_t i = head; i < t.size(); ++i) {
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
    const StatementToken& next = t[head + 1];
    soft = !is_operator(next.kind) || next.text == "(" || next.text == "[" || next.text == "{" ||
           next.text == "-" || next.text == "*";
  }
  const bool compound = (it != kCompound.end() || soft) && colon < t.size();
  if (op(0, "@")) {
    st.decorator = true;
    collect_loads(1, t.size(), &st.loads);
    // `@x.setter`, `@staticmethod`, `@functools.cached_property`: the last
    // dotted component before any call names the kind of decorator.
    static const std::array<std::string_view, 10> kMethodDecorators = {
        "staticmethod", "classmethod", "property", "abstractmethod", "cached_property",
        "abstractproperty", "setter", "getter", "deleter", "override"};
    std::string_view last;
    for (std::size_t i = 1; i < t.size() && (is_word(t[i].kind) || op(i, ".")); ++i) {
      if (is_word(t[i].kind)) last = t[i].text;
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
          for (std::size_t i = head + 1; i < colon; ++i) {
            const bool method = op(i + 1, ".") && is_name(i + 2) && op(i + 3, "(");
            const bool walked = op(i + 1, ".") || op(i + 1, "[") || op(i + 1, "(") || (i > 0 && op(i - 1, "."));
            if (is_name(i) && (method || !walked)) push_unique(&st.counters, intern(t[i].text));
          }
        }
        if (st.compound == Owner::kIf) {
          bool absence = kw(head + 1, "not");
          bool main_name = false;
          bool main_string = false;
          for (std::size_t i = head + 1; i < colon; ++i) {
            if (kw(i, "is") && kw(i + 1, "None")) absence = true;
            if (op(i, "==") && kw(i + 1, "None")) absence = true;
            if (kw(i, "not") && kw(i + 1, "in")) absence = true;
            if (kw(i, "__name__")) main_name = true;
            if (t[i].kind == TokenKind::kString && t[i].text.find("__main__") != std::string::npos) main_string = true;
          }
          st.guard_names = st.loads;
          st.absence_test = absence;
          st.is_main_guard = main_name && main_string;
        }
        break;
      }
      case Owner::kFor: {
        const std::size_t in = find_depth0(head + 1, colon, "in", true);
        for (std::size_t i = head + 1; i < in; ++i) {
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
        std::size_t item = head + 1;
        while (item < colon) {
          std::size_t stop = item;
          while (stop < colon && !(t[stop].depth == 0 && op(stop, ","))) ++stop;
          const std::size_t as = find_depth0(item, stop, "as", true);
          collect_loads(item, as, &st.loads);
          for (std::size_t i = as + 1; i < stop; ++i) {
            if (is_name(i)) push_unique(&st.body_binds, intern(t[i].text));
          }
          item = stop + 1;
        }
        break;
      }
      case Owner::kExcept:
      case Owner::kExceptStar: {
        const std::size_t as = find_depth0(head + 1, colon, "as", true);
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
        const std::size_t guard = find_depth0(head + 1, colon, "if", true);
        for (std::size_t i = head + 1; i < guard; ++i) {
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
    st.is_docstring = t.size() == 1 && t[0].kind == TokenKind::kString;
    st.is_ellipsis = t.size() == 1 && op(0, "...");
  }
  analyze_calls_and_mutations(&st);
  // What the statement needs from its surroundings. The body of a one-line
  // def or loop brings its own function or loop.
  if (!st.is_def && !st.is_class) {
    for (std::size_t i = 0; i < t.size(); ++i) {
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

}  // namespace guidecheck
