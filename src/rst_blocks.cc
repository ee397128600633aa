#include "rst_blocks.h"

#include <pybind11/pybind11.h>

#include <tuple>
#include <utility>

#include "embedded_python.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

// Runs in the host's interpreter. docutils decides the structure. A node's
// `line` is off for directives and missing for doctest blocks, so their
// lines come from docutils' line lists (each line keeps its offset in the
// guide); a literal block's `line` is exact. Every first line is checked
// against the guide's text: a block in a table cell shares its lines.
constexpr const char* kScript = R"PY(
import ast
import builtins
import io
import re
import warnings

from docutils import frontend, nodes, utils
from docutils.parsers import rst
from docutils.parsers.rst import directives, states

_CODE_DIRECTIVES = {
    'code-block': 'code', 'code': 'code', 'sourcecode': 'code', 'highlight': 'highlight',
    'doctest': 'doctest-directive', 'testcode': 'testcode', 'testsetup': 'testsetup',
    'testoutput': 'testoutput',
    # IPython's directive: code it runs, or an `In [n]:` session whose
    # `Out[n]:` values its @doctest lines check.
    'ipython': 'code',
    # jupyter-sphinx: code a kernel runs when the page is built, its output
    # inserted then (none shown in the source). `:raises:` expects an error.
    'jupyter-execute': 'cell',
    'jupyter-kernel': 'kernel',  # a new kernel: the cells after it start afresh
}
# Content that is neither reST nor code to run; `include` and friends
# would read files.
_OPAQUE = {
    'parsed-literal', 'raw', 'include', 'literalinclude', 'math',
    'jupyter-input', 'jupyter-output', 'code-cell', 'plot', 'graphviz', 'digraph', 'graph',
    'mermaid', 'uml', 'plantuml', 'productionlist', 'testcleanup', 'exec', 'runblock',
}
# str.splitlines() breaks lines at these too, and docutils uses it: the
# guide's line numbers count '\n' only.
_OTHER_BREAKS = re.compile('[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00]')
_INVISIBLE = (nodes.Invisible, nodes.system_message)
_VALUES = (ast.Constant, ast.Name, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp,
           ast.USub, ast.UAdd, ast.expr_context)
# Printed text that parses as arithmetic (`2024-W10-5`, an ISO week) reads
# as output after a label too.
_REPRS = _VALUES + (ast.Call, ast.keyword, ast.Attribute, ast.BinOp, ast.operator)


class _AnyOptions(dict):
    # Sphinx's directives take options docutils does not know (:linenos:,
    # :caption:, :hide:...). Non-empty, or docutils parses no options at all.
    def __missing__(self, key):
        return directives.unchanged


_ANY_OPTIONS = _AnyOptions(name=directives.unchanged)


def _shows(text):
    """(values only, reprs only): what printed output looks like as Python."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(text)
    except Exception:
        return False, False
    if not tree.body or not all(isinstance(statement, ast.Expr) for statement in tree.body):
        return False, False
    nodes_ = [n for statement in tree.body for n in ast.walk(statement.value)]
    return all(isinstance(n, _VALUES) for n in nodes_), all(_is_repr(n) for n in nodes_)


def _is_repr(node):
    # `print(x)` and `len(x)` are code; `Point(1, 2)`, `range(0, 3)` and
    # `datetime.date(2024, 1, 1)` are how reprs look.
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        builtin = getattr(builtins, node.func.id, None)
        return builtin is None or isinstance(builtin, type)
    return isinstance(node, _REPRS)


class _Block(nodes.General, nodes.Element):
    pass


class _CodeDirective(rst.Directive):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _ANY_OPTIONS
    has_content = True

    def run(self):
        kind = _CODE_DIRECTIVES[self.name.lower()]
        if self.name.lower() == 'ipython' and 'verbatim' in self.options:
            return []  # shown as typed, never run by IPython either
        argument = self.arguments[0].strip() if self.arguments else ''
        lines = [offset + 1 for _, offset in self.content.items]
        contiguous = all(b == a + 1 for a, b in zip(lines, lines[1:]))
        node = _Block()
        node['kind'] = kind
        node['language'] = argument.split()[0].lower() if argument and kind in ('code', 'highlight') else ''
        if self.name.lower() == 'ipython':
            node['language'] = 'ipython'  # whatever lexer it names
        node['group'] = argument if kind not in ('code', 'highlight') else ''
        node['first_line'] = lines[0] if lines and contiguous else self.lineno
        node['line_count'] = len(lines) if contiguous else 0
        node['first_text'] = self.content[0] if self.content else None
        # Sphinx's doctest directives: `:options: +NORMALIZE_WHITESPACE`.
        node['doctest_options'] = (self.options.get('options') or '').strip()
        # Sphinx's `:caption: durspan.py`: the file a page shows.
        node['caption'] = (self.options.get('caption') or '').strip()
        # jupyter-execute's `:raises: ValueError` (None: no such option).
        raises = self.options.get('raises', False)
        node['raises'] = None if raises is False else (raises or '').strip()
        node['shows'] = _shows('\n'.join(self.content)) if kind == 'code' else (False, False)
        return [node]


class _NestedDirective(rst.Directive):
    # A directive docutils does not know (Sphinx's `tab`, `only`,
    # `versionadded`, `py:function`...): its content is reST that may hold code.
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _ANY_OPTIONS
    has_content = True

    def run(self):
        node = nodes.container()
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class _OpaqueDirective(_NestedDirective):
    def run(self):
        return []


def _lookup(original):
    def lookup(name, language, document):
        key = name.lower()
        if key in _CODE_DIRECTIVES:
            return _CodeDirective, []
        if key in _OPAQUE:
            return _OpaqueDirective, []
        found, messages = original(name, language, document)
        return (found or _NestedDirective), messages
    return lookup


def _doctest_hook(original):
    # The doctest block's first line, while the state machine stands on it.
    def doctest(self, match, context, next_state):
        line = self.state_machine.get_source_and_line()[1]
        result = original(self, match, context, next_state)
        self.parent[-1]['first_line'] = line
        return result
    return doctest


def _parse(text):
    settings = frontend.get_default_settings(rst.Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.line_length_limit = 1 << 30
    document = utils.new_document('<guide>', settings)
    # Patched for this parse only: nothing else in the process sees them.
    saved_lookup, saved_doctest = directives.directive, states.Body.doctest
    directives.directive = _lookup(saved_lookup)
    states.Body.doctest = _doctest_hook(saved_doctest)
    try:
        rst.Parser().parse(text, document)
    finally:
        directives.directive, states.Body.doctest = saved_lookup, saved_doctest
    return document


def _placed(first, text, lines):
    # docutils keeps lines with tabs expanded and trailing blanks removed. A
    # block in a table cell has the right number but shares its line.
    return 0 < first <= len(lines) and lines[first - 1].expandtabs(8).strip() == text.strip()


def _comment_line(node, lines):
    # docutils gives the line after a comment; its `..` line is found above.
    first = node.rawsource.split('\n', 1)[0].strip()
    for line in range(min(node.line or 0, len(lines)), 0, -1):
        text = lines[line - 1].strip()
        if text.startswith('..') and text[2:].strip() == first:
            return line
    return 0


def _options(node):
    return (node['doctest_options'], node['caption'], node['raises']) if isinstance(node, _Block) else ('', '', None)


def _record(node, lines):
    if isinstance(node, _Block):
        if node['first_text'] is not None and not _placed(node['first_line'], node['first_text'], lines):
            return 'unplaced', '', '', node['first_line'], 0, False, False
        return (node['kind'], node['language'], node['group'], node['first_line'],
                node['line_count']) + node['shows']
    raw = node.rawsource.split('\n')
    doctest = isinstance(node, nodes.doctest_block)
    first = (node.get('first_line') if doctest else node.line) or 0
    if not _placed(first, raw[0], lines):
        return 'unplaced', '', '', first if first <= len(lines) else 0, 0, False, False
    if doctest:
        return 'doctest', '', '', first, len(raw), False, False
    return ('literal', '', '', first, len(raw)) + _shows(node.rawsource)


def read_blocks(data):
    # No DeprecationWarning or SyntaxWarning of ours on the user's terminal.
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return _read_blocks(data)


def _cell(entry):
    # (text, one inline literal and nothing else, guide line)
    paragraphs = list(entry.findall(nodes.paragraph))
    line = (paragraphs[0].line or 0) if paragraphs else 0
    if len(entry.children) == 1 and isinstance(entry[0], nodes.paragraph) and \
            len(entry[0].children) == 1 and isinstance(entry[0][0], nodes.literal):
        return entry[0][0].astext(), True, line
    return entry.astext().strip(), False, line


def _table(node):
    rows = []
    for part in node.findall(lambda n: isinstance(n, (nodes.thead, nodes.tbody))):
        for row in part.findall(nodes.row):
            rows.append((isinstance(part, nodes.thead), [_cell(entry) for entry in row.findall(nodes.entry)]))
    return rows


def _read_blocks(data):
    lines = [_OTHER_BREAKS.sub(' ', line) for line in data.decode('utf-8', 'replace').split('\n')]
    document = _parse('\n'.join(lines))
    blocks, tables = [], []
    # Per container level: what the next node follows, (block, intro) or None.
    stack, follows = [iter(document.children)], [None]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            follows.pop()
            continue
        if isinstance(node, _Block) and node['kind'] == 'highlight':
            blocks.append(_record(node, lines) + (-1, False, '') + _options(node) + ('',))
            continue
        if isinstance(node, nodes.comment) and node.rawsource.strip():
            # Unseen, it ends nothing; a doc-testing tool's marker may be in it.
            raw = node.rawsource.split('\n')
            blocks.append(('comment', '', '', _comment_line(node, lines), len(raw), False, False) +
                          (-1, False, '', '', '', None, node.rawsource))
            continue
        if isinstance(node, _INVISIBLE):
            continue
        if isinstance(node, (_Block, nodes.literal_block, nodes.doctest_block)):
            previous, intro = follows[-1] if follows[-1] else (-1, None)
            blocks.append(_record(node, lines) + (previous, intro is not None, intro or '') + _options(node) + ('',))
            follows[-1] = (len(blocks) - 1, None)
            continue
        if isinstance(node, (nodes.paragraph, nodes.rubric)):
            text = node.astext()
            text = text[-300:]  # its end: the sentence that leads into the block
            # The one paragraph after a block, or else the last paragraph:
            # what leads into the next block, with no block it follows.
            follows[-1] = (follows[-1][0], text) if follows[-1] and follows[-1][1] is None else (-1, text)
            continue
        follows[-1] = None
        if isinstance(node, nodes.table):
            tables.append((len(blocks), _table(node)))
        if isinstance(node, nodes.Element) and not isinstance(node, nodes.TextElement) and node.children:
            stack.append(iter(node.children))
            follows.append(None)
    return blocks, tables
)PY";

RstBlockKind kind_named(const std::string& name) {
  if (name == "code") return RstBlockKind::kCode;
  if (name == "doctest") return RstBlockKind::kDoctest;
  if (name == "doctest-directive") return RstBlockKind::kDoctestDirective;
  if (name == "testcode") return RstBlockKind::kTestCode;
  if (name == "testsetup") return RstBlockKind::kTestSetup;
  if (name == "testoutput") return RstBlockKind::kTestOutput;
  if (name == "highlight") return RstBlockKind::kHighlight;
  if (name == "unplaced") return RstBlockKind::kUnplaced;
  if (name == "comment") return RstBlockKind::kComment;
  if (name == "cell") return RstBlockKind::kExecutedCell;
  if (name == "kernel") return RstBlockKind::kNewNamespace;
  return RstBlockKind::kLiteral;
}

// Compiled once per process. Never released: static destructors run after
// the interpreter may be gone.
py::object& read_blocks_function() {
  static py::object* function = [] {
    py::dict scope;
    scope["__name__"] = "guidecheck_rst";
    scope["__builtins__"] = py::module_::import("builtins");
    py::module_::import("builtins").attr("exec")(kScript, scope);
    return new py::object(scope["read_blocks"]);
  }();
  return *function;
}

// (blocks before it, [(header?, [(text, literal?, line)...])...]): the
// header is the last header row (the first row when none is), each row's
// line its first cell's.
RstTable table_of(const py::tuple& record) {
  RstTable result;
  result.before_block = record[0].cast<std::size_t>();
  std::vector<MarkdownTableRow> rows;
  std::size_t body = 1;  // the first row heads a table without header rows
  for (py::handle row_record : record[1].cast<py::list>()) {
    auto [header, cells] = row_record.cast<std::pair<bool, py::list>>();
    MarkdownTableRow row;
    for (py::handle cell_record : cells) {
      auto [text, code, line] = cell_record.cast<std::tuple<std::string, bool, int>>();
      row.cells.push_back({std::move(text), code, line});
    }
    if (!row.cells.empty()) row.line = row.cells.front().line;
    rows.push_back(std::move(row));
    if (header) body = rows.size();
  }
  if (rows.empty()) return result;
  result.table.header = rows[body - 1];
  result.table.rows.assign(rows.begin() + static_cast<long>(body), rows.end());
  return result;
}

}  // namespace

RstBlocks read_rst_blocks(std::string_view text) {
  RstBlocks result;
  std::string err;
  if (!start_interpreter({}, &err)) {
    result.error = "cannot start Python: " + err;
    return result;
  }
  py::gil_scoped_acquire gil;
  try {
    auto [records, tables] = read_blocks_function()(py::bytes(text.data(), text.size())).cast<std::pair<py::list, py::list>>();
    for (py::handle record : records) {
      auto fields = record.cast<py::tuple>();
      RstBlock block;
      block.kind = kind_named(fields[0].cast<std::string>());
      block.language = fields[1].cast<std::string>();
      block.group = fields[2].cast<std::string>();
      block.first_line = fields[3].cast<int>();
      block.line_count = fields[4].cast<int>();
      block.values_only = fields[5].cast<bool>();
      block.reprs_only = fields[6].cast<bool>();
      block.previous = fields[7].cast<int>();
      block.introduced = fields[8].cast<bool>();
      block.intro = fields[9].cast<std::string>();
      block.doctest_options = fields[10].cast<std::string>();
      block.caption = fields[11].cast<std::string>();
      if (!fields[12].is_none()) block.raises = fields[12].cast<std::string>();
      block.comment = fields[13].cast<std::string>();
      result.blocks.push_back(std::move(block));
    }
    for (py::handle record : tables) result.tables.push_back(table_of(record.cast<py::tuple>()));
  } catch (py::error_already_set& e) {
    // RecursionError for absurd nesting; ImportError without docutils.
    result.blocks.clear();
    // what() is "RecursionError: message" and, in pybind11 2.10, a traceback after it.
    const std::string what = e.what();
    result.error = what.substr(0, what.find('\n'));
  } catch (const std::exception& e) {
    result.blocks.clear();
    result.error = e.what();
  }
  return result;
}

}  // namespace guidecheck
