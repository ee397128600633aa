#!/usr/bin/env bash
# The cost of attributing stdout to the statements (and lines) that wrote it:
# two guidecheck builds check the same small guides, one hyperfine run per
# workload, and the ratio of their median wall times.
#   write-heavy: 100k print() lines; 200k one-byte sys.stdout.write calls;
#                two lines of a loop taking turns (a new segment every write);
#                prints from a function the loop calls (the frame it runs in
#                is not the statement's);
#   typical:     a tutorial-sized sample with a few prints and claims.
# Figures include guidecheck's start-up and reading (the typical row is
# mostly that); "writes only" subtracts each build's typical time. The
# machine is shared and noisy, so compare the ratios.
# Usage: bench/output_attribution.sh BASELINE CANDIDATE
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BASELINE_GUIDECHECK CANDIDATE_GUIDECHECK" >&2
  exit 2
fi
BASE=$(realpath "$1")
CAND=$(realpath "$2")
RUNS=${BENCH_RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

guide() {  # guide NAME CODE: a Markdown guide with one Python sample
  printf '# %s\n\n```python\n%s\n```\n' "$1" "$2" > "$work/$1.md"
}

guide print_lines $'for i in range(100_000):\n    print(i)'
guide small_writes $'import sys\nw = sys.stdout.write\nfor i in range(200_000):\n    w("x")\nw("\\n")'
guide lines_taking_turns $'for i in range(50_000):\n    print("a", end="")\n    print("bb", end="")\nprint()'
guide called_function $'def show(x):\n    print(x)\n\nfor i in range(100_000):\n    show(i)'
guide typical "$(cat <<'PY'
import json
from collections import Counter

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = Counter(words)
print(counts.most_common(2))  # [('the', 3), ('quick', 1)]
print(len(words))  # 11

def describe(name, score):
    return f"{name}: {score:.1f}"

for name, score in [("ada", 91.5), ("bob", 78.25)]:
    print(describe(name, score))
# ada: 91.5
# bob: 78.2

print(json.dumps({"a": 1, "b": [1, 2]}))  # {"a": 1, "b": [1, 2]}
PY
)"

workloads=(typical print_lines small_writes lines_taking_turns called_function)
echo "output attribution cost: $(nproc) cores, $RUNS runs each"
echo "  baseline:  $BASE"
echo "  candidate: $CAND"
for name in "${workloads[@]}"; do
  # Both builds must agree that the guide passes before timing them.
  for gc in "$BASE" "$CAND"; do
    (cd "$work" && "$gc" check "$name.md" >/dev/null) || { echo "$gc: $name.md does not pass" >&2; exit 1; }
  done
  echo
  (cd "$work" && hyperfine -N -w 1 -r "$RUNS" --export-json "$work/$name.json" \
    -n baseline "$BASE check $name.md" -n candidate "$CAND check $name.md")
done
echo
python3 - "$work" "${workloads[@]}" <<'PY'
import json, sys

work, names = sys.argv[1], sys.argv[2:]
def means(name):
    # Medians: one slow run on a shared machine moves a mean of ten a lot.
    r = {x["command"]: x["median"] for x in json.load(open(f"{work}/{name}.json"))["results"]}
    return r["baseline"], r["candidate"]

typical_b, typical_c = means("typical")
print(f'{"workload":<20} {"baseline":>10} {"candidate":>10} {"ratio":>7} {"writes only":>12}')
for name in names:
    b, c = means(name)
    # The write cost alone: each build's time above its own typical run.
    writes = "-"
    if name != "typical" and b - typical_b > 0.01:
        writes = f"{(c - typical_c) / (b - typical_b):.2f}x"
    print(f"{name:<20} {b * 1e3:7.1f} ms {c * 1e3:7.1f} ms {c / b:6.2f}x {writes:>12}")
PY
