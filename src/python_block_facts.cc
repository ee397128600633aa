#include "python_block_facts.h"

#include <pybind11/eval.h>
#include <pybind11/pybind11.h>

#include <string_view>

#include "embedded_python.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

// Runs in the host's interpreter, which guide parsing starts anyway; each
// source arrives as UTF-8 bytes and each error leaves as bytes, so no text
// can make a conversion throw. `facts(sources)` gives, per source, either
// (False, error_line, error) or (True, 0, b'', binds, needs, changes,
// functions, defines_tests, calls_print, shows_values_only, called_names,
// expressions_only, star_import, statements).
constexpr std::string_view kAnalyser = R"PY(
import ast, builtins, re, symtable, warnings

_BUILTINS = frozenset(dir(builtins))
_PRINTERS = frozenset({'print', 'pprint', 'display', 'help'})
_PRINTING_METHODS = frozenset({'print', 'pprint', 'write', 'writelines', 'print_exc', 'print_exception', 'print_stack'})
# Calls that act rather than show a value: a block holding one is code.
_ACTIONS = _PRINTERS | frozenset({'exec', 'eval', 'input', 'open', 'breakpoint', 'exit', 'quit', 'setattr', 'delattr'})
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_SCOPES = _FUNCTIONS + _COMPREHENSIONS + (ast.ClassDef, ast.Lambda)


def _end(node):
    return (node.end_lineno or node.lineno, node.end_col_offset or 0)


def _start(node):
    return (node.lineno, node.col_offset)


def _module_scope_parts(node):
    # The parts of a node that run in the scope holding it: a def's
    # decorators and defaults, not its body.
    if isinstance(node, _FUNCTIONS) or isinstance(node, ast.Lambda):
        args = node.args
        parts = list(getattr(node, 'decorator_list', []))
        parts += args.defaults + [d for d in args.kw_defaults if d is not None]
        if not isinstance(node, ast.Lambda):
            every = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
            parts += [a.annotation for a in every if a.annotation is not None]
            if node.returns is not None:
                parts.append(node.returns)
        return parts
    if isinstance(node, ast.ClassDef):
        return node.decorator_list + node.bases + [k.value for k in node.keywords]
    if isinstance(node, _COMPREHENSIONS):
        return [node.generators[0].iter]
    return list(ast.iter_child_nodes(node))


# Well-known methods (builtin types, pandas, numpy) that never change their object.
_READ_ONLY_METHODS = frozenset(
    'get keys values items copy count index find rfind startswith endswith format join split rsplit '
    'splitlines strip lstrip rstrip lower upper title capitalize replace encode decode isdigit isalpha '
    'isalnum isspace isupper islower union intersection difference symmetric_difference issubset '
    'issuperset isdisjoint most_common total mean sum max min tolist astype head tail describe'.split())


def _base_name(node, through_call=False):
    # `x` of `x[0] = 1`, `x.items.append(...)`: an object changed in place
    # (a method called for its effect counts as a change). None for a
    # plain name, which is bound, not changed.
    if not isinstance(node, (ast.Attribute, ast.Subscript)):
        return None
    while isinstance(node, (ast.Attribute, ast.Subscript)) or (through_call and isinstance(node, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


# Builtins that never change what they are given.
_PURE_CALLS = frozenset((
    'print', 'len', 'str', 'repr', 'sorted', 'list', 'dict', 'set', 'tuple', 'frozenset', 'sum', 'min', 'max',
    'isinstance', 'issubclass', 'type', 'enumerate', 'zip', 'range', 'any', 'all', 'abs', 'round', 'int', 'float',
    'bool', 'format', 'id', 'hash', 'hasattr', 'getattr', 'callable', 'ascii', 'bin', 'hex', 'oct', 'ord', 'chr',
    'divmod', 'pow', 'reversed', 'map', 'filter', 'iter', 'vars', 'dir', 'bytes', 'complex', 'slice'))


# Methods that never change their arguments (', '.join(words)).
_PURE_METHODS = _READ_ONLY_METHODS | frozenset(('join', 'format', 'dumps', 'dump', 'write', 'writelines'))


_FILE_NAME = re.compile(r'^[\w.\-/]+\.[A-Za-z]\w{0,4}$')
_READERS = frozenset(('read_csv', 'read_json', 'read_excel', 'read_parquet', 'read_table', 'load', 'loadtxt',
                      'genfromtxt', 'read_text', 'read_bytes'))


def _files(tree):
    """The files a block writes and the files it needs an earlier block to
    have made, by the literal names it gives them. open(name, 'w') or 'x'
    makes one afresh; open(name) reads it, and 'a' or 'r+' change what is
    there; read_csv(name) and the like read; any other call given a file
    name may read, change or make it (os.rename, os.remove, Path(name),
    save_csv(stock, "stock.csv")). A block needs each file it uses before
    making it afresh. Names a later block needs that an earlier block
    writes link them, as names of variables do."""
    written, needed, seen = [], [], set()
    def file_name(arg):
        ok = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _FILE_NAME.match(arg.value)
        return arg.value if ok else None

    calls = sorted((node for node in ast.walk(tree) if isinstance(node, ast.Call)),
                   key=lambda node: (node.lineno, node.col_offset))
    for node in calls:
        func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, 'attr', '')
        uses = []  # (name, writes it, makes it afresh)
        if func == 'open' and node.args and file_name(node.args[0]):
            mode = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == 'mode'), None)
            mode = mode.value if isinstance(mode, ast.Constant) and isinstance(mode.value, str) else 'r'
            fresh = 'w' in mode or 'x' in mode
            uses.append((file_name(node.args[0]), fresh or 'a' in mode or '+' in mode, fresh))
        else:
            for arg in list(node.args) + [k.value for k in node.keywords]:
                if name := file_name(arg):
                    uses.append((name, func not in _READERS, False))
        for name, writes, fresh in uses:
            if name not in seen and not fresh:
                needed.append(name)
            seen.add(name)
            if writes:
                written.append(name)
    return written, needed


def _module_names(tree):
    first_load, first_bind, at, changed = {}, {}, {}, []

    def note(table, name, pos):
        if name not in table or pos < table[name]:
            table[name] = pos

    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                note(first_load, node.id, _start(node))
            elif isinstance(node.ctx, ast.Store):
                note(first_bind, node.id, at.get(id(node), _start(node)))
            continue
        pure = ((isinstance(node.func, ast.Name) and node.func.id in _PURE_CALLS)
                or (isinstance(node.func, ast.Attribute) and node.func.attr in _PURE_METHODS)) \
            if isinstance(node, ast.Call) else True
        if not pure:
            # A name passed to a function may be changed in place there:
            # add_item(inventory, "sprocket", 4.25).
            for arg in list(node.args) + [k.value for k in node.keywords]:
                arg = arg.value if isinstance(arg, ast.Starred) else arg
                if isinstance(arg, ast.Name):
                    changed.append(arg.id)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            changed.append(_base_name(node.value.func, through_call=True))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr not in _READ_ONLY_METHODS):
            # A method called inside an expression may change its object too:
            # print(stock.setdefault("limes", 3)).
            changed.append(_base_name(node.func, through_call=True))
        elif isinstance(node, ast.Delete):
            changed.extend(_base_name(t) for t in node.targets)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            # The value is read before the targets are bound: `x = x + 1` needs x.
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                changed.append(_base_name(target))
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name):
                        at[id(sub)] = _end(node)
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                note(first_load, node.target.id, _start(node))
        elif isinstance(node, _FUNCTIONS + (ast.ClassDef,)):
            note(first_bind, node.name, _end(node))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != '*':
                    note(first_bind, alias.asname or alias.name.split('.')[0], _start(node))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            note(first_bind, node.name, _start(node))
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            note(first_bind, node.name, _start(node))
        elif isinstance(node, ast.MatchMapping) and node.rest:
            note(first_bind, node.rest, _start(node))
        stack.extend(_module_scope_parts(node))
    return first_load, first_bind, list(dict.fromkeys(n for n in changed if n))


def _nested_globals(table):
    # Globals read inside functions, classes and comprehensions: read when
    # they run, so any module-level binding in the block provides them.
    found, pending = set(), list(table.get_children())
    while pending:
        child = pending.pop()
        for symbol in child.get_symbols():
            if symbol.is_referenced() and symbol.is_global():
                found.add(symbol.get_name())
        pending.extend(child.get_children())
    return found


def _is_dunder(name):
    # `__init__`, not `____`: underscores alone are an exercise's blank.
    return name.startswith('__') and name.endswith('__') and name.strip('_') != ''


def _value_statements(tree):
    # (shows values only, names called in them)
    called = []
    for statement in tree.body:
        # `ada: 91` compiles as a bare annotation: printed "label: value" lines.
        if (isinstance(statement, ast.AnnAssign) and statement.value is None
                and isinstance(statement.target, ast.Name)):
            pending = [statement.annotation]
        elif isinstance(statement, ast.Expr):
            pending = [statement.value]
        else:
            return False, []
        while pending:
            node = pending.pop()
            if isinstance(node, (ast.Constant, ast.Name)):
                continue
            if isinstance(node, ast.Attribute):
                pending.append(node.value)
            elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                pending.extend(node.elts)
            elif isinstance(node, ast.Dict):
                pending.extend(k for k in node.keys if k is not None)
                pending.extend(node.values)
            elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
                pending.append(node.operand)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
                pending += [node.left, node.right]  # complex numbers: (1+2j)
            elif isinstance(node, ast.Starred):
                pending.append(node.value)
            elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Constant):
                # `3 [1, 2]` (print(n, xs)): nobody subscripts a literal in code.
                pending += [node.value, node.slice]
            elif isinstance(node, ast.Call):
                callee = node.func
                while isinstance(callee, ast.Attribute):
                    callee = callee.value
                if not isinstance(callee, ast.Name):
                    return False, []
                if isinstance(node.func, ast.Name):
                    if node.func.id in _ACTIONS:
                        return False, []
                    called.append(node.func.id)
                elif node.func.attr in _PRINTING_METHODS:
                    return False, []
                pending.extend(node.args)
                pending.extend(k.value for k in node.keywords)
            else:
                return False, []
    return True, called


def _walk_facts(tree):
    # (calls print, star import, has nested scopes) in one pass.
    prints = star = nested = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in _PRINTERS:
                prints = True
            elif isinstance(func, ast.Attribute) and func.attr in _PRINTING_METHODS:
                prints = True
        elif isinstance(node, ast.ImportFrom):
            star = star or any(a.name == '*' for a in node.names)
        elif isinstance(node, _SCOPES):
            nested = True
    return prints, star, nested


def _elides(body):
    # A `...` statement standing for code left out (`for row in rows:` /
    # `...`), outside a def or class, whose stub body it may be.
    for node in body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and node.value.value is Ellipsis:
            return True
        if isinstance(node, _FUNCTIONS + (ast.ClassDef,)):
            continue
        blocks = [getattr(node, field, []) for field in ('body', 'orelse', 'finalbody')]
        blocks += [part.body for field in ('handlers', 'cases') for part in getattr(node, field, [])]
        if any(isinstance(block, list) and _elides(block) for block in blocks):
            return True
    return False


def _text(value):
    return str(value).encode('utf-8', 'replace')


def _facts(raw):
    source = raw.decode('utf-8', 'replace')
    try:
        tree = ast.parse(source, '<guide block>')
        compile(tree, '<guide block>', 'exec', dont_inherit=True)
    except SyntaxError as e:
        return (False, e.lineno or 0, _text(e.msg or 'invalid syntax'))
    except Exception as e:  # ValueError, RecursionError, MemoryError on hostile input
        return (False, 0, _text(f'{type(e).__name__}: {e}'))
    binds, needs, changes, functions, tests, prints, values, called = [], [], [], [], False, False, False, []
    # Only shapes: bare expressions, or one block whose body is only bare
    # names (`for variable in sequence:` / `statements`).
    expressions = all(isinstance(s, ast.Expr) for s in tree.body) or (
        len(tree.body) == 1 and isinstance(tree.body[0], (ast.For, ast.While, ast.If, ast.With))
        and not getattr(tree.body[0], 'orelse', None)
        and all(isinstance(b, ast.Pass) or (isinstance(b, ast.Expr) and isinstance(b.value, (ast.Name, ast.Constant)))
                for b in tree.body[0].body))
    star = False
    try:
        functions = [s.name for s in tree.body if isinstance(s, _FUNCTIONS)]
        tests = any(isinstance(s, ast.FunctionDef) and s.name.startswith('test_') for s in tree.body)
        prints, star, nested_scopes = _walk_facts(tree)
        values, called = _value_statements(tree)
        first_load, first_bind, changed = _module_names(tree)
        nested = _nested_globals(symtable.symtable(source, '<guide block>', 'exec')) if nested_scopes else set()
        wanted = [n for n, pos in sorted(first_load.items(), key=lambda item: item[1])
                  if n not in first_bind or pos < first_bind[n]]
        wanted += sorted(n for n in nested if n not in first_bind and n not in first_load)
        needs = [n for n in wanted if n not in _BUILTINS and not _is_dunder(n)]
        binds = [n for n, _ in sorted(first_bind.items(), key=lambda item: item[1]) if not _is_dunder(n)]
        changes = [n for n in changed if n not in first_bind]
        written, needed = _files(tree)
        binds += ['<file:%s>' % f for f in written]
        needs += ['<file:%s>' % f for f in needed]
    except Exception:
        pass  # names are a help, not a requirement
    # Top-level expressions whose value a comment may show (`s.count("a")  # 3`):
    # not a print, not a bare string.
    value_lines = [(s.lineno, s.end_lineno) for s in tree.body if isinstance(s, ast.Expr)
                   and not (isinstance(s.value, ast.Constant) and isinstance(s.value.value, str))
                   and not (isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Name)
                            and s.value.func.id in _PRINTERS)]
    ends_in_value = bool(value_lines) and value_lines[-1][1] == tree.body[-1].end_lineno
    return (True, 0, b'', binds, needs, changes, functions, tests, prints, values, called, expressions, star,
            len(tree.body), value_lines, ends_in_value, _is_signature(tree), _elides(tree.body))


def _is_default(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant)


def _is_signature(tree):
    """A method's signature shown alone: `str.split(sep=None, maxsplit=-1)`,
    every argument a parameter with its default."""
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return False
    call = tree.body[0].value
    return bool(isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Name) and not call.args and call.keywords
                and all(k.arg is not None and _is_default(k.value) for k in call.keywords))


def facts(sources):
    # SyntaxWarnings ("is" with a literal...) are not the guide's errors.
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return [_facts(s) for s in sources]
)PY";

std::vector<std::string> strings(const py::handle& list) {
  std::vector<std::string> out;
  for (const py::handle& item : list) out.push_back(py::str(item).cast<std::string>());
  return out;
}

PythonBlockFacts to_facts(const py::handle& row) {
  const py::tuple t = py::reinterpret_borrow<py::tuple>(row);
  PythonBlockFacts facts;
  facts.compiles = t[0].cast<bool>();
  if (!facts.compiles) {
    facts.error_line = t[1].cast<int>();
    facts.error = t[2].cast<std::string>();
    return facts;
  }
  facts.binds = strings(t[3]);
  facts.needs = strings(t[4]);
  facts.changes = strings(t[5]);
  facts.functions = strings(t[6]);
  facts.defines_tests = t[7].cast<bool>();
  facts.calls_print = t[8].cast<bool>();
  facts.shows_values_only = t[9].cast<bool>();
  facts.called_names = strings(t[10]);
  facts.expressions_only = t[11].cast<bool>();
  facts.star_import = t[12].cast<bool>();
  facts.statements = t[13].cast<int>();
  for (const py::handle& span : t[14]) {
    const py::tuple lines = py::reinterpret_borrow<py::tuple>(span);
    facts.value_statements.emplace_back(lines[0].cast<int>(), lines[1].cast<int>());
  }
  facts.ends_in_value = t[15].cast<bool>();
  facts.signature = t[16].cast<bool>();
  facts.elides = t[17].cast<bool>();
  return facts;
}

std::vector<PythonBlockFacts> none_compile(std::size_t count, const std::string& why) {
  PythonBlockFacts facts;
  facts.error = why;
  return std::vector<PythonBlockFacts>(count, facts);
}

}  // namespace

std::vector<PythonBlockFacts> python_block_facts(const std::vector<std::string>& sources) {
  if (sources.empty()) return {};
  std::string err;
  if (!start_interpreter({}, &err)) return none_compile(sources.size(), "cannot start Python: " + err);
  py::gil_scoped_acquire gil;
  try {
    py::dict scope;
    scope["__builtins__"] = py::module_::import("builtins");
    py::exec(py::str(kAnalyser.data(), kAnalyser.size()), scope);
    py::list batch;
    for (const std::string& source : sources) batch.append(py::bytes(source));
    const py::list rows = scope["facts"](batch);
    std::vector<PythonBlockFacts> out;
    out.reserve(sources.size());
    for (const py::handle& row : rows) out.push_back(to_facts(row));
    if (out.size() != sources.size()) return none_compile(sources.size(), "cannot analyse the code");
    return out;
  } catch (const std::exception& e) {
    // error_already_set or a failed cast: the analyser's fault, not the guide's.
    return none_compile(sources.size(), std::string("cannot analyse the code: ") + e.what());
  }
}

}  // namespace guidecheck
