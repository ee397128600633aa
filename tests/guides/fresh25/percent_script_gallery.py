# %% [markdown]
# # A gallery of the `collections` module
#
# The standard library's `collections` module holds a handful of container
# types that replace a surprising amount of hand-written bookkeeping. This
# file uses the "percent" cell format, so Spyder, VS Code and Jupytext show it
# as a notebook, while plain Python simply runs it top to bottom with
# `python3 percent_script_gallery.py`.
#
# Cells build on each other, so run them in order. Results are shown either
# right under a statement (`# Out:` or `#>` lines) or in the Markdown cell
# that follows a code cell.

# %% [markdown]
# ## Counter
#
# `Counter` is a `dict` subclass that maps each item to how often it was
# seen. Missing items count as zero instead of raising `KeyError`.

# %%
from collections import Counter

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = Counter(words)

print(counts["the"])
# Out: 3
print(counts["cat"])
# Out: 0
print(counts.most_common(3))
#> [('the', 3), ('quick', 1), ('brown', 1)]

# %% [markdown]
# `most_common` sorts by count, and items with equal counts keep the order in
# which they were first seen. The same rule decides the order in the repr of
# a `Counter` built from a string:

# %%
letters = Counter("mississippi")
print(letters)
#> Counter({'s': 4, 'i': 4, 'p': 2, 'm': 1})

# %% [markdown]
# Counters support multiset arithmetic. Subtraction drops anything that falls
# to zero or below, and `&` / `|` take the minimum / maximum of each count.

# %%
sip = Counter("sip")
print(letters - sip)
print(letters & sip)
print(sorted((letters | Counter("mop")).elements()))

# %% [markdown]
# Output:
#
#     Counter({'i': 3, 's': 3, 'm': 1, 'p': 1})
#     Counter({'i': 1, 's': 1, 'p': 1})
#     ['i', 'i', 'i', 'i', 'm', 'o', 'p', 'p', 's', 's', 's', 's']

# %% [markdown]
# ## defaultdict
#
# A `defaultdict` calls its factory to create a value the first time a
# missing key is looked up. Grouping becomes a one-liner per item:

# %%
from collections import defaultdict

by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)

print(by_letter["t"])
# Out: ['the', 'the', 'the']
print(len(by_letter))
# Out: 9
print(by_letter["z"])
# Out: []
print(len(by_letter))
# Out: 10

# %% [markdown]
# Note the last two lines: merely *reading* `by_letter["z"]` inserted an empty
# list under `"z"`. Use `"z" in by_letter` or `by_letter.get("z")` when you
# only want to look.
#
# With `int` as the factory you get a counter by hand:

# %%
tally = defaultdict(int)
for ch in "abracadabra":
    tally[ch] += 1
print(tally)
#> {'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}
print(dict(tally) == Counter("abracadabra"))
#> True

# %% [markdown]
# ## deque
#
# A `deque` (double-ended queue) appends and pops at both ends in O(1). With
# `maxlen` it becomes a bounded buffer that silently discards items from the
# opposite end — handy for "last N" histories.

# %%
from collections import deque

recent = deque(maxlen=3)
for page in ["home", "search", "item", "cart", "checkout"]:
    recent.append(page)
print(recent)
# Out: deque(['item', 'cart', 'checkout'], maxlen=3)

recent.appendleft("home")
print(recent)
# Out: deque(['home', 'item', 'cart'], maxlen=3)

ring = deque(range(6))
ring.rotate(2)
print(ring)
# Out: deque([4, 5, 0, 1, 2, 3])

# %% [markdown]
# Indexing a deque works, but it is O(n) in the middle, and out-of-range
# indexes raise as they do for lists:
#
#     >>> deque([1, 2, 3])[5]
#     Traceback (most recent call last):
#       File "<stdin>", line 1, in <module>
#     IndexError: deque index out of range
#
# A moving average over the last three readings shows `maxlen` at work:

# %%
window = deque(maxlen=3)
for reading in [10, 20, 30, 40, 50]:
    window.append(reading)
    print(reading, sum(window) / len(window))

# %% [markdown]
# Output:
#
# ```text
# 10 10.0
# 20 15.0
# 30 20.0
# 40 30.0
# 50 40.0
# ```

# %% [markdown]
# ## namedtuple
#
# `namedtuple` builds a tuple subclass whose fields also have names. Its full
# signature, for reference (a template, not a call you can run):
#
# ```python
# namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
# ```

# %%
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p)
# Out: Point(x=3, y=4)
print(p.x + p.y, p[0], len(p))
# Out: 7 3 2
print(p._asdict())
# Out: {'x': 3, 'y': 4}

q = p._replace(x=10)
print(q, p)
#> Point(x=10, y=4) Point(x=3, y=4)

# Fields are read-only, like any tuple:
# p.x = 10
# TypeError: 'Point' object does not support item assignment

# %%
Point3 = namedtuple("Point3", "x y z", defaults=[0])
print(Point3(1, 2))
# Out: Point3(x=1, y=2, z=0)
x, y, z = Point3(5, 6, 7)
print(x * y * z)
# Out: 210

# %% [markdown]
# ## OrderedDict
#
# Plain dicts keep insertion order too, so the reason to reach for
# `OrderedDict` today is its reordering API: `move_to_end` and
# `popitem(last=False)`.

# %%
from collections import OrderedDict

queue = OrderedDict.fromkeys("abcd", 0)
queue.move_to_end("b")
print(list(queue))
#> ['a', 'c', 'd', 'b']
queue.move_to_end("d", last=False)
print(list(queue))
#> ['d', 'a', 'c', 'b']
print(queue.popitem(last=False))
#> ('d', 0)

# %% [markdown]
# Those two methods are exactly what a least-recently-used cache needs: move
# a key to the end whenever it is used, and evict from the front.

# %%
class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            self.data.popitem(last=False)


cache = LRUCache(2)
cache.put("a", 1)
cache.put("b", 2)
print(cache.get("a"))
cache.put("c", 3)
print(cache.get("b"))
print(list(cache.data.items()))

# %% [markdown]
# Output:
#
# ```
# 1
# None
# [('a', 1), ('c', 3)]
# ```
#
# Reading `"a"` made it the most recently used key, so adding `"c"` evicted
# `"b"` instead.

# %% [markdown]
# ## ChainMap
#
# `ChainMap` looks keys up in several mappings in turn without copying them —
# the classic use is layered configuration. Writes and deletes only ever
# touch the first mapping.

# %%
from collections import ChainMap

defaults = {"color": "red", "size": "M", "font": "serif"}
user = {"size": "L"}
settings = ChainMap(user, defaults)
print(settings["size"], settings["color"])
# Out: L red

user["color"] = "blue"
print(settings["color"])
# Out: red

settings["theme"] = "dark"
print(user)
# Out: {'size': 'L', 'color': 'blue', 'theme': 'dark'}
print(len(settings), sorted(settings))
# Out: 4 ['color', 'font', 'size', 'theme']

# "font" only lives in the defaults, so it cannot be deleted through the chain:
# del settings["font"]
# KeyError: "Key not found in the first mapping: 'font'"

# %%
local = settings.new_child({"size": "S"})
print(local["size"], settings["size"], local["font"])
#> S L serif
print(len(local.maps), local.parents == settings)
#> 3 True

# %% [markdown]
# ## Summary
#
# | Type          | Reach for it when…                                  |
# |---------------|-----------------------------------------------------|
# | `Counter`     | counting things, multiset arithmetic                |
# | `defaultdict` | grouping or accumulating without `setdefault`       |
# | `deque`       | queues, stacks, and bounded "last N" buffers        |
# | `namedtuple`  | lightweight immutable records                       |
# | `OrderedDict` | reordering keys, LRU caches                         |
# | `ChainMap`    | layered lookups such as defaults + overrides        |
