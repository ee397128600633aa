# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.16.1
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Text statistics with nothing but the standard library
#
# This tutorial is a plain Python file in Jupytext's *percent* format. Open it
# in VS Code (the "Run Cell" links appear above every `# %%` marker) or in
# Spyder, and run the cells from top to bottom: later cells reuse the names
# defined in earlier ones. You can also run the whole file with `python`.
#
# We will count words and letters with `collections.Counter`, clean text with
# `str` methods and the `re` module, and summarise word lengths with the
# `statistics` module. Expected results are written as comments next to the
# code, so you can check your own run as you go.

# %% Imports and the sample text
import re
import statistics
from collections import Counter

TEXT = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away!
A lazy afternoon, a quiet field, and the fox is gone."""

lines = TEXT.splitlines()
print(len(lines))  # -> 3
print(len(TEXT))  # -> 132
print(lines[1])  # -> The dog sleeps; the fox runs away!

# %% [markdown]
# ## Splitting text into words
#
# `str.split()` would leave punctuation glued to the words ("dog." and
# "dog" would count as different words). A small regular expression that
# keeps only letters and apostrophes does a better job. Lower-casing first
# means "The" and "the" are counted together.

# %% Tokenising
words = re.findall(r"[a-z']+", TEXT.lower())
print(len(words))  # 27
print(words[:6])
# Output:
# ['the', 'quick', 'brown', 'fox', 'jumps', 'over']
words[-3:]  # -> ['fox', 'is', 'gone']

# %% [markdown]
# ## Counting words
#
# A `Counter` is a dictionary that maps each item to the number of times it
# was seen. `most_common(n)` returns the `n` most frequent items as
# `(item, count)` pairs, highest count first. Items with the same count keep
# the order in which they were first encountered.

# %% Counting words
counts = Counter(words)
print(counts.most_common(3))

# %% [markdown]
# Output:
#
#     [('the', 5), ('fox', 3), ('dog', 2)]
#
# Looking up a word that never occurs does not raise `KeyError`; a
# `Counter` simply reports zero:

# %%
print(counts["fox"], counts["cat"])  # -> 3 0
len(counts)  # -> 18
"cat" in counts  # -> False

# %% [markdown]
# Note that reading `counts["cat"]` did **not** add the key, which is why the
# membership test is still `False`.
#
# ## Sentences
#
# A look-behind assertion lets us split after a sentence-ending punctuation
# mark without throwing the mark away.

# %% Splitting sentences
sentences = re.split(r"(?<=[.!?])\s+", TEXT)
for sentence in sentences:
    print(len(sentence.split()), sentence)
# Output:
# 9 The quick brown fox jumps over the lazy dog.
# 7 The dog sleeps; the fox runs away!
# 11 A lazy afternoon, a quiet field, and the fox is gone.

# %% [markdown]
# ## Word-length statistics
#
# `statistics.mean` and `statistics.median` work on any sequence of numbers.
# With an odd number of values the median is the middle value itself; with
# an even number it is the average of the two middle values.

# %% Word lengths
lengths = [len(word) for word in words]
print(lengths[:8])  # -> [3, 5, 5, 3, 5, 4, 3, 4]
print(statistics.mean(lengths))  # -> 3.740740740740741
print(statistics.median(lengths))  # -> 3
print(statistics.median_low(lengths), statistics.median_high(lengths))  # 3 3
print(statistics.mode(lengths))  # -> 3

# %% [markdown]
# `mean` tries to return a value of the same type as its input. When the
# average of some integers happens to be a whole number you get an `int`
# back, otherwise a `float`:

# %% The type of a mean
print(repr(statistics.mean([3, 4, 5])))  # -> 4.0
print(repr(statistics.mean([3, 4])))  # -> 3.5

# %% [markdown]
# ## Letter frequencies
#
# A `Counter` accepts any iterable, including a generator expression over
# the characters of a string. `str.isalpha()` filters out spaces and
# punctuation.

# %% Counting letters
letters = Counter(ch for ch in TEXT.lower() if ch.isalpha())
print(letters.most_common(4))
print(sum(letters.values()))

# %% [markdown]
# Output:
#
#     [('e', 12), ('o', 10), ('a', 8), ('t', 7)]
#     101

# %% [markdown]
# ## A handful of useful string methods

# %% String methods
phrase = "the fox is gone"
print(phrase.title())  # -> The Fox Is Gone
print(phrase.capitalize())  # -> The fox is gone
print(TEXT.lower().count("the"))  # -> 5
print(TEXT.find("fox"), TEXT.rfind("fox"))  # -> 16 121
print("a,b,,c".split(","))  # -> ['a', 'b', '', 'c']
print("key=value=more".partition("="))  # -> ('key', '=', 'value=more')
print("  padded  ".strip().center(12, "*"))  # -> ***padded***

# %% [markdown]
# `split(",")` keeps the empty string between two adjacent commas, and
# `partition` only splits at the *first* separator.
#
# ## Longest words
#
# Sorting by a tuple key gives a stable, reproducible order: longest first,
# then alphabetical among words of the same length.

# %% Longest words
longest = sorted(counts, key=lambda w: (-len(w), w))[:3]
print(longest)  # -> ['afternoon', 'sleeps', 'brown']
max(words, key=len)  # -> 'afternoon'

# %% [markdown]
# ## Vocabulary richness
#
# The type-token ratio is the number of distinct words divided by the total
# number of words. Values close to 1 mean little repetition.

# %% Type-token ratio
ttr = len(counts) / len(words)
print(round(ttr, 3))  # -> 0.667
print(f"{ttr:.1%}")  # -> 66.7%

# %% [markdown]
# ## When there is nothing to measure
#
# Asking for the mean of an empty list is an error. The `statistics` module
# raises its own exception class for this.

# %% Empty input
try:
    statistics.mean([])
except statistics.StatisticsError as exc:
    print(type(exc).__name__, "-", exc)
# Output:
# ValueError - mean requires at least one data point

# %% [markdown]
# ## Comparing two lines with Counter arithmetic
#
# `&` keeps the smaller count of each word (the overlap), while `-` keeps
# only positive differences.

# %% Counter arithmetic
first = Counter(re.findall(r"[a-z]+", lines[0].lower()))
second = Counter(re.findall(r"[a-z]+", lines[1].lower()))
print(first & second)
print(second - first)
print((first + second)["the"])

# %% [markdown]
# Output:
#
#     Counter({'the': 2, 'fox': 1, 'dog': 1})
#     Counter({'sleeps': 1, 'runs': 1, 'away': 1})
#     4

# %% A tiny text report
for word, n in counts.most_common(4):
    print(f"{word:<6}|{n:>3} {'#' * n}")
# Output:
# the   |  5 #####
# fox   |  2 ##
# lazy  |  2 ##
# dog   |  2 ##

# %% [markdown]
# ## Saving the counts
#
# The full table can be written to a tab-separated file in the current
# directory and read back later.

# %% Writing and reading a report file
with open("word_report.txt", "w", encoding="utf-8") as fh:
    for word, n in counts.most_common():
        fh.write(f"{word}\t{n}\n")

with open("word_report.txt", encoding="utf-8") as fh:
    report = fh.read().splitlines()

print(len(report))  # -> 18
print(report[0].split("\t"))  # -> ['the', '5']

# %% [markdown]
# ## Cleaning up whitespace and finding capitalised words

# %% Regular-expression clean-up
messy = "The   fox\t\tran\n\naway .  "
print(re.sub(r"\s+", " ", messy).strip())  # -> The fox ran away .
print(re.findall(r"\b[A-Z][a-z]*\b", TEXT))  # -> ['The', 'The', 'A']

# %% [markdown]
# ## Word pairs
#
# Zipping the word list with itself shifted by one gives every pair of
# neighbouring words (bigrams). A `Counter` counts tuples just as easily as
# strings.

# %% Bigrams
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(2))
print(bigrams[("lazy", "dog")])

# %% [markdown]
# Output:
#
#     [(('the', 'fox'), 2), (('the', 'quick'), 1)]
#     1
#
# That's it: a few lines of standard-library code give you word counts,
# letter frequencies, length statistics and a report file.
