#pragma once
// What each logical statement of a sample is (a def, an else, a return...),
// which names it reads and binds, and what it needs around it (a function,
// a loop). Approximate on purpose: it only has to rank layouts for the
// indentation search, CPython judges them.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "logical_lines.h"

namespace guidecheck {

/// The kind of a compound statement, and what opened a block (kElse for the
/// else of an if; the search resolves the else of a loop or a try).
enum class Owner : std::uint8_t {
  kNone, kModule, kIf, kElif, kElse, kElseOfLoop, kElseOfTry, kFor, kWhile, kTry, kExcept, kExceptStar,
  kFinally, kWith, kDef, kClass, kMatch, kCase, kOther
};
/// The clauses that go on a compound statement; they pair with what just ended.
enum class Clause : std::uint8_t { kNone, kElif, kElse, kExcept, kExceptStar, kFinally, kCase };

/// `except` or `except*`.
inline bool is_handler(Owner o) { return o == Owner::kExcept || o == Owner::kExceptStar; }

/// How a name bound by a block's header (or a closed block) behaves.
enum BindFlag : std::uint8_t { kPlain = 0, kLoopVar = 1, kClosedLoopVar = 2, kExceptAs = 4, kParam = 8 };

/// A call of a plain name: `f(a, b)`.
struct Call {
  int name = -1;
  std::vector<int> args;  // names read inside the call's parentheses
};

/// What one logical statement is. Names are ids of a StatementAnalyzer.
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

/// Whether `v` holds `x`.
template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

/// Appends `x` unless `v` holds it already.
template <typename T>
void push_unique(std::vector<T>* v, const T& x) {
  if (!contains(*v, x)) v->push_back(x);
}

/// Analyses the statements of one sample, interning the names they use.
class StatementAnalyzer {
 public:
  /// The id of `s`, interned on first sight.
  int intern(std::string_view s);
  /// The name of an id; "?" for an unknown id (-1).
  const std::string& name(int id) const;
  /// How many names are interned; ids are below it.
  int size() const { return static_cast<int>(names_.size()); }
  /// True when a `global` or `nonlocal` statement so far declared the name.
  bool declared_global(int id) const { return globals_.count(id) != 0; }

  /// What `raw` is, which names it reads and binds.
  Stmt analyze(const RawStatement& raw);

 private:
  using Tokens = std::vector<StatementToken>;
  bool op(std::size_t i, std::string_view s) const;
  bool kw(std::size_t i, std::string_view s) const;
  bool is_name(std::size_t i) const;
  void mark_scoped_names();
  void collect_loads(std::size_t begin, std::size_t end, std::vector<int>* out);
  void fstring_names(std::string_view text, std::vector<int>* out);
  void expression_names(std::string_view expr, std::vector<int>* out);
  void analyze_simple(std::size_t begin, std::size_t end, Stmt* st);
  void analyze_targets(std::size_t begin, std::size_t end, bool first_target, Stmt* st);
  void analyze_import(std::size_t begin, std::size_t end, Stmt* st);
  void analyze_def(std::size_t head, std::size_t colon, Stmt* st);
  void analyze_calls_and_mutations(Stmt* st);
  std::size_t find_depth0(std::size_t begin, std::size_t end, std::string_view text, bool keyword) const;

  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;
  std::unordered_set<int> globals_;
  const Tokens* t_ = nullptr;
  std::vector<bool> excluded_;      // lambda parameters and comprehension targets
  std::vector<bool> lambda_colon_;  // ':' that ends a lambda's parameters
};

/// Decorators learn what they decorate; a def decorated as a method is one.
void link_decorators(std::vector<Stmt>* stmts);

}  // namespace guidecheck
