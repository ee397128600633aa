#!/usr/bin/python3
"""Verify the answer keys of the test guides against real runs.

    verify_key.py [--draft] [GUIDE...]

For every guide (default: each guide in this directory that has a
`<guide>.key.json`), this script finds the samples and claims the guide makes
with a small reader of its own (independent of guidecheck), runs every sample
with /usr/bin/python3 in a fresh process and a fresh temporary directory, and
judges each claim. It then checks the key:

  * the number of runnable samples equals the key's "samples";
  * every claim found here is in the key and every key claim is found here
    (same "line"; "last_line" too when the claim spans several lines);
  * each claim's "true" agrees with the real output.

Exit 0 when every key is right, 1 otherwise. `--draft` prints a key built from
the guide instead (true/false from the real runs, descriptions generated,
existing descriptions kept): a starting point after editing a guide, to be
reviewed by hand.

The reader understands exactly the conventions these guides use; it is a
verification aid for the corpus, not a general guide parser. Besides `>>>`
sessions it reads IPython sessions (`In [1]:` / `...:` / `Out[1]:`), treats a
reST literal block after "Output::" or "...prints::" as output, and reads
`# -> value` like `# => value` (a label).
"""

import ast
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"

# The scraped guide lost its indentation, so its samples are given here with
# their indentation restored. Each must equal a run of consecutive guide lines
# once leading whitespace is stripped (checked).
SCRAPED_LAYOUT = {
    "scraped_text.txt": [
        '''\
def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5)) # 10
print(triple(5)) # 15
print(double.__closure__[0].cell_contents) # 2
''',
        '''\
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
counter = make_counter()
counter()
counter()
print(counter())
# Output: 3
other = make_counter()
print(other())
#output:1
''',
        '''\
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
# [2, 2, 2]
fixed = [lambda i=i: i for i in range(3)]
print([f() for f in fixed])
# [0, 1, 2]
# each lambda now keeps its own default value
''',
        '''\
import functools
def shout(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        return result.upper() + "!"
    return wrapper
@shout
def greet(name):
    return f"hello, {name}"
print(greet("sam")) # Out: HELLO, SAM!
print(greet.__name__) # Out: greet
''',
        '''\
def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def roll(x):
    return x * 2
print(roll(4)) # prints [8, 8, 8]
print(roll("ab")[0]) # prints abab
''',
        '''\
def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper
@count_calls
def add(a, b):
    return a + b
add(1, 2)
add(3, 4)
print(add.calls)
#> 3
print(add(10, 20))
#> 30
''',
        '''\
from functools import lru_cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30)) # => 832040
print(fib.cache_info().misses) # => 31
print(fib.cache_info().hits) # => 29
''',
        '''\
from collections import Counter
words = "the cat and the hat and the bat".split()
counts = Counter(words)
print(counts.most_common(2))
# Output: [('the', 3), ('and', 2)]
print(counts["dog"]) # 0
print(sum(counts.values())) # 8
''',
        '''\
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
for letter, items in groups.items():
    print(letter, items)
# a ['apple', 'avocado']
# b ['banana', 'blueberry']
# c ['cherry']
print(len(groups))
# 3
''',
        '''\
from collections import namedtuple, deque
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p) # Point(x=3, y=4)
print(p._replace(y=0)) # Point(x=3, y=0)
print(p.x ** 2 + p.y ** 2) # 25
d = deque([1, 2, 3], maxlen=3)
d.append(4)
print(d) # deque([2, 3, 4], maxlen=3)
d.appendleft(0)
print(list(d)) # [0, 2, 3, 4]
''',
        '''\
students = [("ana", 88), ("ben", 95), ("cara", 88), ("dan", 70)]
by_score = sorted(students, key=lambda s: s[1], reverse=True)
for name, score in by_score:
    print(name, score)
# Output: ben 95
#         ana 88
#         cara 88
#         dan 70
print(sorted(students, key=lambda s: (-s[1], s[0]))[-1]) # ('dan', 70)
print(sorted(["banana", "Apple", "cherry"])) # ['Apple', 'banana', 'cherry']
print(sorted(["banana", "Apple", "cherry"], key=len)) # ['Apple', 'banana', 'cherry']
''',
        '''\
s = "hello"
# s[0] = "H" # TypeError: 'str' object does not support item assignment
s = "H" + s[1:]
print(s) # Hello
t = (1, 2, 3)
# t.append(4) # AttributeError: 'tuple' object has no attribute 'append'
# t[0] = 9 # ValueError: 'tuple' object does not support item assignment
print(t + (4,)) # (1, 2, 3, 4)
''',
        '''\
import re
text = "Order 66 shipped on 2024-05-17, order 67 on 2024-06-02."
print(re.findall(r"\\d{4}-\\d{2}-\\d{2}", text)) # ['2024-05-17', '2024-06-02']
m = re.search(r"order (\\d+)", text, re.IGNORECASE)
print(m.group(0))
print(m.group(1))
print(re.sub(r"\\d", "#", "a1b22"))
''',
        '''\
import re
pattern = re.compile(r"(?P<user>\\w+)@(?P<domain>[\\w.]+)")
m = pattern.match("jane.doe@example.com")
print(m)
# None
m = pattern.match("jane@example.com")
print(m.group("domain")) # example.com
print(m.groupdict())
# {'user': 'jane', 'domain': 'example.com'}
print(pattern.sub(r"\\g<user> at \\g<domain>", "mail bob@test.org now"))
# Output: mail bob at test.org now
''',
        '''\
value = 1234.5678
print(f"{value:,.2f}") # 1,234.57
print(f"{255:#x} {255:b}") # 0xff 11111111
print(f"{0.25:.0%}") # 25%
print(f"{'left':<6}|{'right':>7}|") # left  |  right|
print(f"{42:05d}") # 00042
''',
        '''\
from itertools import combinations, permutations, product
print(list(combinations("abc", 2)))
# [('a', 'b'), ('a', 'c'), ('b', 'c')]
print(len(list(permutations(range(4), 2)))) # 12
print(list(product([0, 1], repeat=2)))
# [(0, 0), (0, 1), (1, 0), (1, 1)]
''',
        '''\
from itertools import groupby
for key, grp in groupby("aaabccdd"):
    print(key, len(list(grp)))
# a 3
# b 1
# c 2
# d 3
print([k for k, _ in groupby("abba")]) # ['a', 'b', 'a']
''',
        '''\
def describe(*args, **kwargs):
    print(args)
    print(kwargs)
describe(1, 2, color="red")
# (1, 2)
# {'color': 'red'}
describe()
# ()
# {}
''',
    ],
}

# Guides whose code blocks continue each other (one namespace per page).
CONTINUED = {"markdown_continued.md", "dataclasses_and_typing.md",
             "async_and_context.md", "sorting_and_searching.rst", "numbers_and_dates.md",
             "iterators_and_generators.md", "collections_tour.rst"}

PYTHON_TAGS = {"python", "py", "python3", "pycon", "py3", "ipython"}
OUTPUT_TAGS = {"", "text", "output", "console", "none", "out"}
SHELL_TAGS = {"bash", "sh", "shell", "console", "shell-session", "sh-session", "zsh"}
# a shell prompt line that runs a script file with python: its output is a claim
RUN_SCRIPT = re.compile(r"^\$\s+python[\d.]*\s+[\w./-]+\.py\s*$")


def shell_session(body):
    """body: [(line, text)] of a shell block whose first line is a `$ ` prompt.
    -> [(first, last, text)]: the output after each `$ python FILE.py` line."""
    out = []
    cur = None
    for n, t in body + [(None, "$")]:
        if t.strip() == "$" or t.strip().startswith("$ "):
            if cur:
                cur = trim_blank(cur)
                if cur:
                    out.append((cur[0][0], cur[-1][0], "\n".join(x for _, x in cur)))
            cur = [] if RUN_SCRIPT.match(t.strip()) else None
        elif cur is not None:
            cur.append((n, t))
    return out


def is_shell_session(tag, body):
    first = next((t for _, t in body if t.strip()), "")
    return tag in SHELL_TAGS and first.strip().startswith("$ ")


# --------------------------------------------------------------------------
# Samples and claims


class Sample:
    def __init__(self, kind, lines):
        self.kind = kind          # "script" or "repl"
        self.lines = lines        # [(guide_line, text)] with indentation restored
        self.claims = []          # Claim objects
        self.outcome = None

    @property
    def first(self):
        return self.lines[0][0]

    @property
    def last(self):
        return self.lines[-1][0]

    def code(self):
        return "\n".join(t for _, t in self.lines) + "\n"


class Claim:
    def __init__(self, kind, line, last_line, claimed, sample, **extra):
        self.kind = kind          # trailing, comment-block, label, marker, block, repl, traceback, error
        self.line = line
        self.last_line = last_line
        self.claimed = claimed
        self.sample = sample
        self.extra = extra
        self.actual = None
        self.verdict = None
        self.rule = ""


def dedent(block):
    """block: [(line, text)] -> same with the common indentation removed."""
    widths = [len(t) - len(t.lstrip(" ")) for _, t in block if t.strip()]
    w = min(widths) if widths else 0
    return [(n, t[w:] if t.strip() else "") for n, t in block]


def trim_blank(block):
    while block and not block[0][1].strip():
        block = block[1:]
    while block and not block[-1][1].strip():
        block = block[:-1]
    return block


def repl_sample(block):
    """A block of `>>>` lines; examples become claims later."""
    return Sample("repl", trim_blank(dedent(block)))


IPY_IN = re.compile(r"^In \[\d+\]:(?: (.*))?$")
IPY_CONT = re.compile(r"^\s+\.\.\.:(?: (.*))?$")
IPY_OUT = re.compile(r"^Out\[\d+\]: ?(.*)$")


def is_ipython(block):
    first = next((t for _, t in dedent(block) if t.strip()), "")
    return bool(IPY_IN.match(first))


def ipython_sample(block):
    """An IPython session (`In [1]:` / `...:` / `Out[1]:`), rewritten as `>>>`
    examples on the same guide lines: printed output and `Out[n]:` values are
    its claims."""
    lines = []
    for n, t in trim_blank(dedent(block)):
        m_in, m_cont, m_out = IPY_IN.match(t), IPY_CONT.match(t), IPY_OUT.match(t)
        if m_in:
            lines.append((n, ">>> " + (m_in.group(1) or "")))
        elif m_cont:
            lines.append((n, "... " + (m_cont.group(1) or "")))
        elif m_out:
            lines.append((n, m_out.group(1)))
        else:
            lines.append((n, t))
    return Sample("repl", lines)


# --- Markdown --------------------------------------------------------------

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*$")


def read_markdown(lines):
    """-> (samples, output blocks [(first, last, text, after_sample)], python fences)"""
    samples, blocks, fences = [], [], []
    i, n = 0, len(lines)
    prev_blank = True
    while i < n:
        m = FENCE.match(lines[i])
        if m:
            fence, tag = m.group(2), m.group(3).lower()
            j = i + 1
            while j < n and not (lines[j].strip().startswith(fence[0] * len(fence))
                                 and set(lines[j].strip()) == {fence[0]}):
                j += 1
            body = [(k + 1, lines[k]) for k in range(i + 1, j)]
            if tag in PYTHON_TAGS:
                first_code = next((t for _, t in body if t.strip()), "")
                if first_code.lstrip().startswith(">>>"):
                    samples.append(repl_sample(body))
                elif is_ipython(body):
                    samples.append(ipython_sample(body))
                else:
                    samples.append(Sample("script", dedent(body)))
                fences.append(samples[-1])
            elif is_shell_session(tag, body):
                blocks += [(a, b, t, samples[-1]) for a, b, t in shell_session(dedent(body)) if samples]
            elif tag in OUTPUT_TAGS:
                blocks.append((i + 2, j, "\n".join(t for _, t in body), samples[-1] if samples else None))
            i = j + 1
            prev_blank = False
            continue
        line = lines[i]
        if prev_blank and line.startswith("    ") and line.strip():
            j = i
            while j < n and (lines[j].startswith("    ") or not lines[j].strip()):
                j += 1
            body = trim_blank([(k + 1, lines[k]) for k in range(i, j)])
            samples.append(Sample("script", dedent(body)))
            i = j
            prev_blank = True
            continue
        prev_blank = not line.strip()
        i += 1
    return samples, blocks


# --- reStructuredText -------------------------------------------------------

DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w-]+)::\s*(\S*)\s*$")


def rst_body(lines, i, indent):
    """Indented body after line index i (directive or '::' paragraph)."""
    j = i + 1
    n = len(lines)
    # options right after a directive
    while j < n and re.match(r"^\s+:[\w-]+:", lines[j]):
        j += 1
    body = []
    while j < n:
        t = lines[j]
        if t.strip() and (len(t) - len(t.lstrip(" "))) <= indent:
            break
        body.append((j + 1, t))
        j += 1
    return trim_blank(dedent(body)), j


def read_rst(lines):
    samples, blocks = [], []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        m = DIRECTIVE.match(line)
        if m:
            indent = len(m.group(1))
            name, arg = m.group(2), m.group(3).lower()
            body, j = rst_body(lines, i, indent)
            if name in ("code-block", "code", "sourcecode") and arg in PYTHON_TAGS:
                if body and body[0][1].startswith(">>>"):
                    samples.append(repl_sample(body))
                elif body and is_ipython(body):
                    samples.append(ipython_sample(body))
                else:
                    samples.append(Sample("script", body))
            elif name == "testcode":
                samples.append(Sample("script", body))
            elif name == "doctest":
                samples.append(repl_sample(body))
            elif name in ("code-block", "code") and is_shell_session(arg, body):
                blocks += [(a, b, t, samples[-1]) for a, b, t in shell_session(body) if samples]
            elif (name in ("code-block", "code") and arg in OUTPUT_TAGS) or name == "testoutput":
                blocks.append((body[0][0], body[-1][0], "\n".join(t for _, t in body), samples[-1]))
            i = j
            continue
        if line.rstrip().endswith("::") and line.strip() and not line.lstrip().startswith(".."):
            indent = len(line) - len(line.lstrip(" "))
            body, j = rst_body(lines, i, indent)
            # "Output::", "which prints::": the literal block is output
            if re.search(r"\b(?:output|prints)::\s*$", line.strip(), re.IGNORECASE):
                blocks.append((body[0][0], body[-1][0], "\n".join(t for _, t in body), samples[-1]))
            else:
                samples.append(Sample("script", body))
            i = j
            continue
        if line.startswith(">>>"):
            j = i
            while j < n and lines[j].strip():
                j += 1
            samples.append(repl_sample([(k + 1, lines[k]) for k in range(i, j)]))
            i = j
            continue
        i += 1
    return samples, blocks


# --- scraped text -----------------------------------------------------------


def read_scraped(name, lines):
    stripped = [l.strip() for l in lines]
    samples = []
    pos = 0
    for code in SCRAPED_LAYOUT[name]:
        code_lines = code.rstrip("\n").split("\n")
        want = [c.strip() for c in code_lines]
        k = pos
        while k + len(want) <= len(stripped) and stripped[k:k + len(want)] != want:
            k += 1
        if k + len(want) > len(stripped):
            raise SystemExit(f"{name}: layout sample not found in the guide: {code_lines[0]!r}")
        samples.append(Sample("script", [(k + 1 + d, c) for d, c in enumerate(code_lines)]))
        pos = k + len(want)
    # "Output:" lines followed by output lines, up to the next prose line
    blocks = []
    for i, l in enumerate(stripped):
        if l == "Output:":
            j = i + 1
            while j < len(lines) and looks_like_output(stripped[j]):
                j += 1
            before = [s for s in samples if s.last < i + 1]
            blocks.append((i + 2, j, "\n".join(stripped[i + 1:j]), before[-1]))
    return samples, blocks


def looks_like_output(text):
    """An output line of the scraped guide, as opposed to a prose sentence."""
    if not text:
        return False
    if re.match(r"^\d+\.\s+[A-Z]", text):
        return False
    words = text.split()
    return not (len(words) >= 5 and text.endswith("."))


# --- comments in script samples -----------------------------------------------

LABEL = re.compile(r"^(?:output|out|prints|result)\b\s*:?\s*|^[=-]>\s*", re.IGNORECASE)
ERROR_CLAIM = re.compile(r"^#\s*(?P<code>.+?)\s+#\s*(?P<err>[A-Z]\w*(?:Error|Exception|Iteration)\b.*)$")


def split_comment(text):
    """(code, comment) of a physical line; comment without '#', or None."""
    try:
        toks = list(__import__("tokenize").generate_tokens(iter([text + "\n"]).__next__))
    except Exception:
        return text, None
    for tok in toks:
        if tok.type == __import__("tokenize").COMMENT:
            return text[:tok.start[1]].rstrip(), tok.string
    return text, None


def comment_value(comment):
    """'# Output: 3' -> ('label', '3'); '#> 3' -> ('marker', '3'); '# 3' -> ('plain', '3')."""
    if comment.startswith("#>"):
        return "marker", comment[2:].strip()
    body = comment[1:].strip()
    m = LABEL.match(body)
    if m and (m.group(0).strip() or body.startswith(("=>", "->"))):
        return "label", body[m.end():].rstrip()
    return "plain", body


def is_prose_comment(body):
    words = body.split()
    return len(words) >= 4 and all(w.isalpha() for w in words)


def statements(sample):
    """Top-level statements of a script sample: [(first_guide_line, last_guide_line, src)]."""
    tree = ast.parse(sample.code())
    gl = [n for n, _ in sample.lines]
    out = []
    for node in tree.body:
        out.append((gl[node.lineno - 1], gl[node.end_lineno - 1],
                    ast.get_source_segment(sample.code(), node)))
    return out


def script_claims(sample):
    stmts = statements(sample)
    gl = [n for n, _ in sample.lines]
    printed = {gl[st["line"] - 1] for st in sample.outcome if st["out"]}
    printing = {s[0] for s in stmts if "print(" in s[2] or s[0] in printed}
    code_lines = set()
    for a, b, _ in stmts:
        code_lines.update(range(a, b + 1))
    claims = []
    lines = sample.lines
    idx = 0
    while idx < len(lines):
        n, text = lines[idx]
        stripped = text.strip()
        if n in code_lines:
            code, comment = split_comment(text)
            owner = next(s for s in stmts if s[0] <= n <= s[1])
            if comment and code.strip() and owner[0] in printing and \
                    ("print(" in code or owner[0] == owner[1]):
                style, value = comment_value(comment)
                claims.append(Claim("trailing" if style == "plain" else style, n, n, value, sample))
            idx += 1
            continue
        if stripped.startswith("#"):
            m = ERROR_CLAIM.match(stripped)
            if m:
                indent = text[:len(text) - len(text.lstrip())]
                claims.append(Claim("error", n, n, m.group("err"), sample,
                                    enabled=indent + m.group("code")))
                idx += 1
                continue
            # a run of comment lines
            j = idx
            while j < len(lines) and lines[j][1].strip().startswith("#") and \
                    not ERROR_CLAIM.match(lines[j][1].strip()):
                j += 1
            run = lines[idx:j]
            before = [s for s in stmts if s[1] < n]
            if before and before[-1][0] in printing:
                values = []
                kind = None
                heading = False
                for ln, t in run:
                    style, value = comment_value(t.strip())
                    if kind is None:
                        if style == "label" and not value:
                            heading = True      # "# Output:" alone, values follow
                            continue
                        kind = "label" if heading else {"plain": "comment-block"}.get(style, style)
                    elif style == "plain" and is_prose_comment(value):
                        break
                    values.append((ln, value))
                if values:
                    claims.append(Claim(kind, values[0][0], values[-1][0],
                                        "\n".join(v for _, v in values), sample))
            idx = j
            continue
        idx += 1
    return claims


def repl_examples(sample):
    """-> [(source, first_line, [(want_line, text)])]"""
    exs = []
    cur = None
    for n, t in sample.lines:
        if t.startswith(">>>"):
            cur = [t[4:] if t.startswith(">>> ") else t[3:], n, []]
            exs.append(cur)
        elif t.startswith("...") and cur is not None and not cur[2]:
            cur[0] += "\n" + (t[4:] if t.startswith("... ") else t[3:])
        elif not t.strip():
            cur = None
        elif cur is not None:
            cur[2].append((n, t))
    return exs


# --------------------------------------------------------------------------
# Running

RUNNER = r'''
import ast, contextlib, io, json, sys, traceback
real_stdout = sys.stdout
req = json.load(sys.stdin)
g = {"__name__": "__main__", "__builtins__": __builtins__}

class LineWriter(io.StringIO):
    """Also notes which line of the sample wrote each piece of text."""
    def __init__(self):
        super().__init__()
        self.by_line = []
    def write(self, text):
        f = sys._getframe(1)
        while f is not None and f.f_code.co_filename != "<sample>":
            f = f.f_back
        self.by_line.append([f.f_lineno if f else 0, text])
        return super().write(text)

def err_line(e):
    return traceback.format_exception_only(type(e), e)[-1].strip()

results = []
for chunk in req:
    if chunk["mode"] == "script":
        tree = ast.parse(chunk["code"])
        res = []
        for node in tree.body:
            buf = LineWriter()
            err = None
            code = compile(ast.Module(body=[node], type_ignores=[]), "<sample>", "exec")
            with contextlib.redirect_stdout(buf):
                try:
                    exec(code, g)
                except BaseException as e:
                    err = err_line(e)
            res.append({"line": node.lineno, "end": node.end_lineno, "out": buf.getvalue(),
                        "by_line": buf.by_line, "error": err})
            if err:
                break
        results.append(res)
    else:
        res = []
        for src in chunk["examples"]:
            buf = io.StringIO()
            err = None
            with contextlib.redirect_stdout(buf):
                try:
                    exec(compile(src + "\n", "<stdin>", "single"), g)
                except BaseException as e:
                    err = err_line(e)
            res.append({"out": buf.getvalue(), "error": err})
        results.append(res)
real_stdout.write(json.dumps(results))
'''


def run_chunks(chunks):
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": os.environ.get("VERIFY_HASH_SEED", "0"), "LC_ALL": "C.UTF-8",
           "PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([PYTHON, "-c", RUNNER], input=json.dumps(chunks), capture_output=True,
                              text=True, cwd=tmp, env=env, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"runner failed: {proc.stderr}")
    return json.loads(proc.stdout)


def chunk_of(sample):
    if sample.kind == "script":
        return {"mode": "script", "code": sample.code()}
    return {"mode": "repl", "examples": [e[0] for e in repl_examples(sample)]}


# --------------------------------------------------------------------------
# Judging

NUM = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")


def norm_lines(text):
    lines = [l.rstrip() for l in text.strip("\n").split("\n")]
    return lines


def collapse(text):
    return "\n".join(" ".join(l.split()) for l in norm_lines(text))


def fewer_digits(claimed, actual):
    cparts, aparts = NUM.split(claimed), NUM.split(actual)
    cnums, anums = NUM.findall(claimed), NUM.findall(actual)
    if cparts != aparts or len(cnums) != len(anums) or cnums == anums:
        return False
    for c, a in zip(cnums, anums):
        if c == a:
            continue
        if "." not in c or "e" in c.lower():
            return False
        digits = len(c.split(".")[1])
        if "." in a and len(a.split(".")[1]) <= digits:
            return False
        if round(float(a), digits) != float(c):
            return False
    return True


def judge(claimed, actual, kind):
    if kind in ("error", "traceback"):
        if actual is None:
            return "mismatch", ""
        if claimed.strip() == actual.strip():
            return "match", ""
        ctype, _, cmsg = claimed.partition(":")
        atype, _, amsg = actual.partition(":")
        if ctype == atype and amsg.strip().startswith(cmsg.strip()) and cmsg.strip():
            return "equivalent", "message-prefix"
        return "mismatch", ""
    c, a = collapse(claimed), collapse(actual)
    if c == a:
        return "match", ""
    if c.replace('"', "'") == a or (len(c) >= 2 and c[0] == c[-1] and c[0] in "'\"" and c[1:-1] == a):
        return "equivalent", "quotes"
    if " ".join(c.replace(",", " ").split()).replace("[ ", "[") == " ".join(a.split()).replace("[ ", "["):
        return "equivalent", "numpy-array"
    if fewer_digits(c, a):
        return "equivalent", "fewer-digits"
    m = re.match(r"^(?:~|about |approximately |approx\. )\s*(-?\d+(?:\.\d+)?)$", c)
    if m and NUM.fullmatch(a) and abs(float(a) - float(m.group(1))) <= 0.1 * abs(float(a)):
        return "equivalent", "approximately"
    return "mismatch", ""


# --------------------------------------------------------------------------
# A guide


def load_guide(path):
    name = os.path.basename(path)
    lines = open(path, encoding="utf-8").read().split("\n")
    if name in SCRAPED_LAYOUT:
        samples, blocks = read_scraped(name, lines)
    elif name.endswith(".rst"):
        samples, blocks = read_rst(lines)
    else:
        samples, blocks = read_markdown(lines)
    return name, lines, samples, blocks


def analyse(path, key):
    name, lines, samples, blocks = load_guide(path)
    non_samples = {ns["line"] for ns in key.get("non_samples", [])} if key else set()
    guessed_non_samples = []
    runnable = []
    for s in samples:
        if s.first in non_samples:
            continue
        runnable.append(s)
    samples = runnable

    # run
    if name in CONTINUED:
        results = run_chunks([chunk_of(s) for s in samples])
    else:
        results = [run_chunks([chunk_of(s)])[0] for s in samples]
    for s, r in zip(samples, results):
        s.outcome = r

    # claims
    claims = []
    for s in samples:
        if s.kind == "script":
            s.claims = script_claims(s)
        else:
            for (src, first, want), res in zip(repl_examples(s), s.outcome):
                if not want:
                    if res["out"] or res["error"]:
                        s.claims.append(Claim("repl", first, first, "", s, missing=True))
                    continue
                text = "\n".join(t for _, t in want)
                kind = "traceback" if want[0][1].startswith("Traceback (most recent call last)") else "repl"
                c = Claim(kind, want[0][0], want[-1][0], text, s, source=src, src_line=first)
                if kind == "traceback":
                    c.claimed = want[-1][1].strip()
                    c.actual = res["error"]
                else:
                    c.actual = res["out"] + (f"Traceback (most recent call last):\n{res['error']}\n"
                                             if res["error"] else "")
                s.claims.append(c)
    for first, last, text, sample in blocks:
        c = Claim("block", first, last, text, sample)
        # what the sample printed after its last comment claim (all of it, usually)
        gl = [n for n, _ in sample.lines]
        prev = max([x.last_line for x in sample.claims], default=0)
        c.actual = "".join(st["out"] for st in sample.outcome if gl[st["line"] - 1] > prev)
        sample.claims.append(c)

    # actual output for comment claims
    for s in samples:
        if s.kind != "script":
            continue
        gl = [n for n, _ in s.lines]
        stmts = [dict(st, first=gl[st["line"] - 1], last=gl[st["end"] - 1]) for st in s.outcome]
        anchors = sorted(c.last_line for c in s.claims if c.kind != "block")
        for c in s.claims:
            if c.kind == "block":
                continue
            if c.kind == "error":
                variant = Sample("script", [(n, c.extra["enabled"] if n == c.line else t) for n, t in s.lines])
                # on a continued page the blocks above run first, in the same namespace
                above = samples[:samples.index(s)] if name in CONTINUED else []
                res = run_chunks([chunk_of(x) for x in above] + [chunk_of(variant)])[-1]
                hit = [st for st in res if gl[st["line"] - 1] <= c.line <= gl[st["end"] - 1]]
                c.actual = hit[0]["error"] if hit else None
                continue
            if c.kind in ("trailing", "label", "marker") and c.line in range(s.first, s.last + 1) \
                    and any(st["first"] <= c.line <= st["last"] for st in stmts):
                st = next(st for st in stmts if st["first"] <= c.line <= st["last"])
                if st["first"] == st["last"]:
                    c.actual = st["out"]
                else:   # a print inside a compound statement: what that line wrote
                    c.actual = "".join(t for ln, t in st["by_line"] if gl[ln - 1] == c.line)
                continue
            prev = max([a for a in anchors if a < c.line], default=0)
            c.actual = "".join(st["out"] for st in stmts if st["first"] > prev and st["last"] < c.line)

    for s in samples:
        for c in s.claims:
            if c.extra.get("missing"):
                c.verdict, c.rule = "unclaimed-output", ""
                continue
            c.verdict, c.rule = judge(c.claimed, c.actual, c.kind)
            claims.append(c)
        errors = [st for st in (s.outcome if s.kind == "script" else [])
                  if st.get("error")]
        s.error = errors[0]["error"] if errors else None
    claims.sort(key=lambda c: c.line)
    return name, lines, samples, claims


def describe(c, lines):
    if c.kind in ("trailing", "label", "marker") and c.line == c.last_line:
        code, _ = split_comment(lines[c.line - 1])
        code = code.strip()
        if code:
            return f"{code} -> {first_line(c.claimed)}"
    if c.kind in ("repl", "traceback"):
        return f">>> {first_line(c.extra['source'])} -> {first_line(c.claimed)}"
    if c.kind == "block":
        return f"output of the sample at line {c.sample.first}: {first_line(c.claimed)}"
    if c.kind == "error":
        return f"enabling line {c.line} raises {first_line(c.claimed)}"
    before = [st for st in statements(c.sample) if st[1] < c.line]
    if before:
        lines_shown = c.last_line - c.line + 1
        more = f" (+{lines_shown - 1} lines)" if lines_shown > 1 else ""
        return f"{c.kind} after {first_line(before[-1][2])}: {first_line(c.claimed)}{more}"
    return f"{c.kind}: {first_line(c.claimed)}"


def planted_description(c):
    claimed = norm_lines(c.claimed)
    actual = norm_lines(c.actual or "(no error)")
    for cl, al in zip(claimed, actual):
        if " ".join(cl.split()) != " ".join(al.split()):
            return f"planted: claims {first_line(cl)!r}, prints {first_line(al)!r}"
    return f"planted: claims {len(claimed)} line(s), prints {len(actual)}"


def first_line(text):
    t = text.strip().split("\n")[0]
    return t if len(t) <= 60 else t[:57] + "..."


def draft(path, key):
    name, lines, samples, claims = analyse(path, key)
    old = {c["line"]: c for c in (key or {}).get("claims", [])}
    out = {"samples": len(samples), "non_samples": (key or {}).get("non_samples", []), "claims": []}
    for c in claims:
        true = c.verdict in ("match", "equivalent")
        entry = {"line": c.line}
        if c.last_line != c.line:
            entry["last_line"] = c.last_line
        entry["true"] = true
        entry["kind"] = c.kind
        if c.rule:
            entry["rule"] = c.rule
        if c.line in old and old[c.line].get("what"):
            entry["what"] = old[c.line]["what"]
        elif true:
            entry["what"] = describe(c, lines)
        else:
            entry["what"] = planted_description(c)
        out["claims"].append(entry)
    return out


def verify(path, key):
    name, lines, samples, claims = analyse(path, key)
    problems = []
    if key.get("samples") != len(samples):
        problems.append(f"samples: key says {key.get('samples')}, found {len(samples)}")
    for s in samples:
        if s.error and not any(c.kind == "traceback" or (c.verdict == "mismatch") for c in s.claims):
            problems.append(f"sample at line {s.first} raises {s.error} and claims no error")
        for c in s.claims:
            if c.extra.get("missing"):
                problems.append(f"line {c.line}: REPL example prints output the guide does not show")
    found = {c.line: c for c in claims}
    keyed = {k["line"]: k for k in key["claims"]}
    for line in sorted(set(found) - set(keyed)):
        problems.append(f"line {line}: claim {first_line(found[line].claimed)!r} missing from the key")
    for line in sorted(set(keyed) - set(found)):
        problems.append(f"line {line}: key claim not found in the guide ({keyed[line].get('what')})")
    for line in sorted(set(found) & set(keyed)):
        c, k = found[line], keyed[line]
        if k.get("last_line", line) != c.last_line:
            problems.append(f"line {line}: last_line is {c.last_line}, key says {k.get('last_line', line)}")
        truth = c.verdict in ("match", "equivalent")
        if truth != k["true"]:
            problems.append(f"line {line}: key says true={k['true']}, but claimed {c.claimed!r} "
                            f"vs actual {c.actual!r} is a {c.verdict}")
    problems += crosscheck(name, samples)
    planted = sum(1 for k in key["claims"] if not k["true"])
    return problems, len(key["claims"]), planted


def run_file(text, suffix, args=()):
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": os.environ.get("VERIFY_HASH_SEED", "0"),
           "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sample" + suffix)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return subprocess.run([PYTHON, *args, path], capture_output=True, text=True, cwd=tmp,
                              env=env, timeout=120)


# What `python3 -m doctest FILE.txt` does, after running the blocks above it
# (their output discarded) in the namespace the examples then use: for a REPL
# sample on a continued page.
DOCTEST_AFTER = r'''
import contextlib, doctest, io, json, sys
req = json.load(sys.stdin)
g = {"__name__": "__main__", "__builtins__": __builtins__}
with contextlib.redirect_stdout(io.StringIO()):
    for chunk in req["before"]:
        sources = [(chunk["code"], "exec")] if chunk["mode"] == "script" else \
                  [(src + "\n", "single") for src in chunk["examples"]]
        for src, mode in sources:
            try:
                exec(compile(src, "<before>", mode), g)
            except BaseException:
                pass
test = doctest.DocTestParser().get_doctest(req["text"], g, "sample", "sample.txt", 0)
doctest.DocTestRunner().run(test)
'''


def doctest_after(before, text):
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": os.environ.get("VERIFY_HASH_SEED", "0"),
           "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run([PYTHON, "-c", DOCTEST_AFTER], input=json.dumps({"before": before, "text": text}),
                              capture_output=True, text=True, cwd=tmp, env=env, timeout=120)


def crosscheck(name, samples):
    """Second opinions that do not use the statement-by-statement runner:
    every script sample (earlier blocks prepended on a continued page) runs as
    a file under python3 and must print what its statements printed; every
    REPL sample runs under `python3 -m doctest`, which must fail on exactly
    the examples whose claims are wrong."""
    problems = []
    for i, s in enumerate(samples):
        if s.kind == "script":
            chain = samples[:i + 1] if name in CONTINUED else [s]
            if any(x.kind != "script" or x.error for x in chain):
                continue
            proc = run_file("".join(x.code() for x in chain), ".py")
            expected = "".join(st["out"] for x in chain for st in x.outcome)
            if proc.returncode != 0 or proc.stdout != expected:
                problems.append(f"sample at line {s.first}: python3 FILE.py prints {proc.stdout!r} "
                                f"(exit {proc.returncode}), statement runs printed {expected!r}")
        else:
            text = "\n".join(t for _, t in s.lines) + "\n"
            if name in CONTINUED and i > 0:
                proc = doctest_after([chunk_of(x) for x in samples[:i]], text)
            else:
                proc = run_file(text, ".txt", ("-m", "doctest"))
            failed = {s.lines[int(m) - 1][0] for m in re.findall(r'^File ".*", line (\d+)', proc.stdout, re.M)}
            wrong = {c.extra["src_line"] for c in s.claims
                     if c.verdict not in ("match", "equivalent") and "src_line" in c.extra}
            if failed != wrong:
                problems.append(f"REPL sample at line {s.first}: doctest fails at {sorted(failed)}, "
                                f"the claims judged wrong are at {sorted(wrong)}")
    return problems


def format_key(k):
    """The key files' layout: one claim per line."""
    out = ["{", f' "samples": {k["samples"]},']
    ns = k.get("non_samples", [])
    out.append(' "non_samples": [' + ",".join("\n  " + json.dumps(n, ensure_ascii=False) for n in ns)
               + ("\n ]," if ns else "],"))
    out.append(' "claims": [')
    out.append(",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in k["claims"]))
    out.append(" ]")
    out.append("}")
    return "\n".join(out) + "\n"


def guides_in(directory):
    return sorted(os.path.join(directory, f[:-len(".key.json")])
                  for f in os.listdir(directory) if f.endswith(".key.json"))


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    drafting = "--draft" in argv
    paths = args or guides_in(HERE)
    if drafting:
        for p in paths:
            key_path = p + ".key.json"
            key = json.load(open(key_path)) if os.path.exists(key_path) else None
            sys.stdout.write(format_key(draft(p, key)))
        return 0
    bad = 0
    total_claims = total_planted = 0
    for p in paths:
        key = json.load(open(p + ".key.json"))
        try:
            problems, n_claims, planted = verify(p, key)
        except Exception as e:   # a guide this reader cannot follow: report it, go on
            last = ([l for l in str(e).splitlines() if l.strip()] or [""])[-1].strip()
            problems = [f"cannot verify: {type(e).__name__}: {last}"]
            n_claims, planted = len(key.get("claims", [])), sum(1 for k in key.get("claims", [])
                                                               if not k.get("true", True))
        total_claims += n_claims
        total_planted += planted
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{os.path.basename(p)}: {key['samples']} samples, {n_claims} claims, "
              f"{planted} planted errors: {status}")
        for pr in problems:
            print(f"  {pr}")
        bad += bool(problems)
    print(f"total: {total_claims} claims, {total_planted} planted errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
