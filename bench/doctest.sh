#!/usr/bin/env bash
# guidecheck against pytest's doctest over the same samples of the bundled
# guide, in one hyperfine run from the project root:
#   - guidecheck -q check --no-cache: every sample of guide/ in a fresh
#     interpreter of its own (forked from a preloaded zygote, sandboxed), its
#     output compared with the guide's claims and expected/, no result cache;
#   - pytest --doctest-glob over bench/doctest_guide.txt: the same 48 samples,
#     copied by hand as doctest examples, all run in one shared interpreter
#     and namespace (cheaper per sample, but one sample's state and failure
#     reach the next).
# Why: doctest is what a reader would reach for first; this says what a
# fresh interpreter per sample costs (or saves, with -j) against it. Not the
# same work on both sides: the doctest copy skips q45's multiprocessing pool
# (it cannot run in-process; about 3 s of CPU that guidecheck does run) and,
# like guidecheck, q33's pandas 2.1 call; see the notes in doctest_guide.txt.
# So guidecheck is also timed over the samples the copy runs whole (-k).
# Prints the wall-clock medians and their ratios, doctest / guidecheck: above
# 1 means guidecheck is ahead. The machine is shared: compare ratios.
# Usage: bench/doctest.sh [GUIDECHECK]   (env: BENCH_RUNS, default 10)
set -euo pipefail
GC=$(realpath "${1:-$(dirname "$0")/../build/release/src/guidecheck}")
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The samples this copy runs whole: none of its statements skipped (q45's
# pool and q33's pandas 2.1 call are): the same work on both sides.
same=$(/usr/bin/python3 - bench/doctest_guide.txt <<'PY'
import re, sys
sections = re.split(r"^(q\d+):", open(sys.argv[1]).read(), flags=re.M)[1:]
whole = [sections[i] for i in range(0, len(sections), 2) if "+SKIP" not in sections[i + 1]]
print("^(" + "|".join(whole) + ")$")
PY
)

hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/doctest.json" \
  -n guidecheck "$GC -q check --no-cache" \
  -n guidecheck-same "$GC -q check --no-cache -k $same" \
  -n doctest "/usr/bin/python3 -m pytest -q -p no:cacheprovider --doctest-glob=doctest_guide.txt bench/doctest_guide.txt" \
  >/dev/null
/usr/bin/python3 - "$work/doctest.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
gc, same, dt = (r[name]["median"] for name in ("guidecheck", "guidecheck-same", "doctest"))
print(f"bundled guide, medians of {len(r['guidecheck']['times'])} runs in one hyperfine run (above 1: guidecheck ahead):")
print(f"  every sample:                     guidecheck {gc:.3f} s, pytest doctest {dt:.3f} s, ratio {dt / gc:.2f}")
print(f"  the samples doctest runs whole:   guidecheck {same:.3f} s, pytest doctest {dt:.3f} s, ratio {dt / same:.2f}")
PY
