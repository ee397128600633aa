#!/usr/bin/env bash
# Speed at scale: synthetic guides of 100, 1 000 and 10 000 small samples
# (bench/make_guide.py). For each size, one hyperfine run compares
#   check --no-cache      every sample run, each in its own fresh interpreter
#   check                 again, unchanged: the result cache answers
#   xargs -P2 python3     the plain way, one python3 per sample, two at a time
# and prints samples/s, the ratios, extraction's samples/s, the host's
# peak RSS and the CPU each sample costs (host, zygotes and run together).
# Last, the CPU of a trivial sample (print(k)), from a check of 1 000 of
# them (BENCH_TRIVIAL: how many; 0 skips it).
# Targets (issue G): 1 000 samples at least 5x faster than xargs; an
# unchanged re-check at most 10 % of a cold one; 10 000 samples linear,
# host RSS at most 150 MB; a trivial sample at most 1.5 ms of CPU.
# Usage: bench/scale.sh [GUIDECHECK] [SIZES...]   (env: BENCH_RUNS, BENCH_HEAVY, BENCH_STDLIB:
# the fractions of samples importing numpy or pandas, or a costly stdlib module)
set -euo pipefail
GC=$(realpath "${1:-build/release/src/guidecheck}")
shift || true
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(100 1000 10000)
RUNS=${BENCH_RUNS:-5}
HEAVY=${BENCH_HEAVY:-0}
STDLIB=${BENCH_STDLIB:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in "${SIZES[@]}"; do
  dir=$work/n$n
  mkdir -p "$dir"
  /usr/bin/python3 "$HERE/make_guide.py" "$n" --heavy "$HEAVY" --stdlib "$STDLIB" >"$dir/guide.md"
  start=$(date +%s.%N)
  (cd "$dir" && "$GC" -q extract guide.md >/dev/null)
  extract_s=$(echo "$(date +%s.%N) - $start" | bc)
  (cd "$dir" && "$GC" -q update >/dev/null && "$GC" -q check >/dev/null)  # warms the cache
  # The host's own peak (guidecheck -v says it at exit); /usr/bin/time's
  # would be the largest of the host and its zygotes.
  rss_kb=$( (cd "$dir" && "$GC" -v check --no-cache 2>&1 >/dev/null) |
    sed -n 's/.*peak RSS of this process: \([0-9]*\) KiB.*/\1/p')
  runs=$RUNS
  ((n >= 10000)) && runs=2
  (cd "$dir" && hyperfine --warmup 1 --runs "$runs" --export-json "$dir/h.json" \
    -n cold "$GC -q check --no-cache" -n cached "$GC -q check" \
    -n xargs "find snippets -name '*.py' -print0 | xargs -0 -n1 -P2 /usr/bin/python3 >/dev/null" >/dev/null)
  /usr/bin/python3 - "$dir/h.json" "$n" "$extract_s" "$rss_kb" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
r = {x["command"]: x["median"] for x in results}
# CPU of the whole process tree (hyperfine's user and system means): the
# host, its zygotes and every run, against the 1.5 ms target per sample.
cpu = {x["command"]: x["user"] + x["system"] for x in results}
n, extract_s, rss = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"{n:6} samples: check {r['cold']:.2f} s ({n / r['cold']:.0f} samples/s), xargs -P2 {r['xargs']:.2f} s "
      f"-> {r['xargs'] / r['cold']:.1f}x faster; unchanged re-check {r['cached']:.2f} s "
      f"({r['cached'] / r['cold'] * 100:.0f} % of cold); extract {extract_s:.2f} s ({n / extract_s:.0f} samples/s); "
      f"host RSS {rss / 1024:.0f} MB; CPU per sample {cpu['cold'] / n * 1000:.1f} ms "
      f"(python3 {cpu['xargs'] / n * 1000:.1f} ms)")
PY
done

# A trivial sample's CPU, end to end: the host, the zygote, the fork, the
# sandbox and the run, over a check of many (its fixed start-up included).
trivial=${BENCH_TRIVIAL:-1000}
if ((trivial > 0)); then
  dir=$work/trivial
  mkdir -p "$dir/snippets"
  for k in $(seq 1 "$trivial"); do printf 'print(%d)\n' "$k" >"$dir/snippets/t$k.py"; done
  (cd "$dir" && "$GC" -q update >/dev/null)
  (cd "$dir" && hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$dir/h.json" \
    -n trivial "$GC -q check --no-cache" >/dev/null)
  /usr/bin/python3 - "$dir/h.json" "$trivial" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
n = int(sys.argv[2])
print(f"{n:6} trivial samples: check {result['median']:.2f} s; CPU per trivial sample "
      f"{(result['user'] + result['system']) / n * 1000:.2f} ms (target 1.5 ms)")
PY
fi
