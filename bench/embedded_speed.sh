#!/usr/bin/env bash
# How fast Python code runs inside guidecheck's embedded interpreter, against
# /usr/bin/python3 running the same code, in one hyperfine run:
#   - a pure-Python loop (calls, generators, integer arithmetic), the work of
#     the heavier samples (the bundled guide's q45 pool does 3 s of it);
#   - the same loop in a guide checked with guidecheck check --no-cache;
#   - both again with a sample that only prints, to take away what starting
#     python3, or guidecheck and its zygote, costs.
# Prints the user CPU the loop adds to each and their ratio: near 1.0 means
# a run executes Python code as fast as python3 itself. Rationale: the runs
# are python3's own processes (the zygote module, src/zygote_module.cc);
# where python3 cannot load it, they run in guidecheck's interpreter, the
# static libpython3.11.a, which ran this loop 13 to 19 % slower (Debian's
# python3 is built with link-time optimisation; the shared libpython is
# slower still: build with -DGUIDECHECK_STATIC_PYTHON=OFF and move
# guidecheck_zygote.so away to see either).
# Usage: bench/embedded_speed.sh [GUIDECHECK]   (env: BENCH_RUNS, default 10)
set -euo pipefail
GC=$(realpath "${1:-$(dirname "$0")/../build/release/src/guidecheck}")
RUNS=${BENCH_RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo 'print(True)' >"$work/empty.py"
cat >"$work/loop.py" <<'PY'
def squares(n):
    return sum(i * i for i in range(n))


total = 0
for _ in range(4):
    total += squares(1_500_000)
print(total > 0)
PY
for name in empty loop; do
  printf '# A sample\n\n```python\n%s\n```\n' "$(cat "$work/$name.py")" >"$work/$name.md"
done

cd "$work"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$work/h.json" \
  -n python3 "/usr/bin/python3 loop.py" -n python3-empty "/usr/bin/python3 empty.py" \
  -n guidecheck "$GC -q check --no-cache loop.md" -n guidecheck-empty "$GC -q check --no-cache empty.md" >/dev/null
/usr/bin/python3 - "$work/h.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
user = {name: r["user"] for name, r in results.items()}
python3 = user["python3"] - user["python3-empty"]
embedded = user["guidecheck"] - user["guidecheck-empty"]
print(f"pure-Python loop, user CPU: python3 {python3:.2f} s, inside guidecheck {embedded:.2f} s: "
      f"ratio {embedded / python3:.2f}")
PY
