#!/usr/bin/python3
"""Writes a synthetic Markdown guide of N small samples, each followed by the
output block it prints, for the scale benchmarks.

Samples cycle through a dozen kinds of everyday code (arithmetic, strings,
comprehensions, dicts, classes, exceptions caught, generators, sorting...),
each with its own numbers so that no two samples are the same text.
--heavy F makes a fraction F of them import numpy or pandas; --stdlib F a
fraction F import a standard-library module that costs milliseconds to
import (json, dataclasses, datetime, typing, asyncio...).

Usage: bench/make_guide.py N [--heavy 0.05] [--stdlib 0.5] > guide.md
"""
import argparse
import random


def kinds(i):
    n = i % 97 + 3
    return [
        (f"total = sum(range({n}))\nprint(total)", f"{sum(range(n))}"),
        (f"words = ['alpha', 'beta', 'gamma{i}']\nprint(', '.join(w.upper() for w in words))",
         f"ALPHA, BETA, GAMMA{i}"),
        (f"squares = [k * k for k in range({n % 7 + 2})]\nprint(squares)",
         str([k * k for k in range(n % 7 + 2)])),
        (f"ages = {{'ann': {n}, 'bob': {n + 1}}}\nfor name, age in sorted(ages.items()):\n"
         f"    print(f'{{name}} is {{age}}')", f"ann is {n}\nbob is {n + 1}"),
        (f"class Box:\n    def __init__(self, size):\n        self.size = size\n"
         f"    def __repr__(self):\n        return f'Box({{self.size}})'\n\nprint(Box({n}))", f"Box({n})"),
        (f"try:\n    int('x{i}')\nexcept ValueError as error:\n    print('bad:', error)",
         f"bad: invalid literal for int() with base 10: 'x{i}'"),
        (f"def countdown(k):\n    while k:\n        yield k\n        k -= 1\n\nprint(list(countdown({n % 5 + 1})))",
         str(list(range(n % 5 + 1, 0, -1)))),
        (f"values = [{n}, 3, {n * 2}, 1]\nprint(sorted(values, reverse=True))",
         str(sorted([n, 3, n * 2, 1], reverse=True))),
        (f"text = 'guide number {i}'\nprint(text.title())\nprint(len(text))",
         f"{f'guide number {i}'.title()}\n{len(f'guide number {i}')}"),
        (f"from collections import Counter\nprint(Counter('{'ab' * (n % 4 + 1)}c').most_common(1))",
         str([("a", n % 4 + 1)])),
        (f"import math\nprint(round(math.sqrt({n * n}), 2))", f"{float(n)}"),
        (f"pairs = list(zip('abc', range({n}, {n + 3})))\nprint(pairs)",
         str(list(zip("abc", range(n, n + 3))))),
    ]


def heavy(i):
    n = i % 50 + 2
    return [
        (f"import numpy as np\nprint(np.arange({n}).sum())", f"{sum(range(n))}"),
        (f"import pandas as pd\nframe = pd.DataFrame({{'x': range({n})}})\nprint(frame['x'].sum())",
         f"{sum(range(n))}"),
    ]


def stdlib(i):
    n = i % 40 + 2
    return [
        (f"import json\nprint(json.dumps({{'id': {i}, 'tags': ['a', 'b']}}))", f'{{"id": {i}, "tags": ["a", "b"]}}'),
        (f"from dataclasses import dataclass\n\n@dataclass\nclass Point:\n    x: int\n    y: int\n\nprint(Point({n}, 2))",
         f"Point(x={n}, y=2)"),
        (f"from datetime import date, timedelta\nprint(date(2024, 1, 1) + timedelta(days={n}))",
         f"{__import__('datetime').date(2024, 1, 1) + __import__('datetime').timedelta(days=n)}"),
        (f"from typing import Optional\n\ndef first(items: list) -> Optional[int]:\n    return items[0] if items else None\n\n"
         f"print(first([{n}]), first([]))", f"{n} None"),
        (f"import asyncio\n\nasync def double(x):\n    return x * 2\n\nprint(asyncio.run(double({n})))", f"{n * 2}"),
        (f"from fractions import Fraction\nprint(Fraction(1, {n}) + Fraction(1, {n}))",
         str(__import__('fractions').Fraction(2, n))),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--heavy", type=float, default=0.0, help="fraction importing numpy or pandas")
    parser.add_argument("--stdlib", type=float, default=0.0, help="fraction importing a costly standard-library module")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("# A synthetic guide\n")
    for i in range(args.count):
        if i % 25 == 0:
            print(f"## Part {i // 25 + 1}\n")
        draw = rng.random()
        pool = heavy(i) if draw < args.heavy else stdlib(i) if draw < args.heavy + args.stdlib else kinds(i)
        code, output = pool[i % len(pool)]
        print(f"Sample {i + 1} shows one small thing.\n")
        print(f"```python\n{code}\n```\n")
        print(f"Output:\n\n```\n{output}\n```\n")


if __name__ == "__main__":
    main()
