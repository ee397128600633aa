#!/usr/bin/env bash
# Compares guidecheck with plain python3 in one run, on this machine:
#   1. per-run overhead: the marginal cost of one more snippet in a batch
#      (trivial print; a snippet that imports pandas), against python3;
#   2. the project's snippets run three ways: guidecheck check, a sequential
#      loop of `python3 FILE.py`, and the same loop at the same parallelism
#      (xargs -P). Figures are wall-clock medians; compare the ratios, the
#      machine is shared and noisy.
# Usage: bench/runtime.sh [GUIDECHECK] [SNIPPETS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
GC=${1:-build/release/src/guidecheck}
SNIPPETS=${2:-snippets}
PY=/usr/bin/python3
JOBS=$(nproc)
N=${BENCH_RUNS:-40}
REPEAT=${BENCH_REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# median of the wall times of REPEAT runs of "$@"
median_time() {
  local times=()
  for _ in $(seq "$REPEAT"); do
    local t0 t1
    t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((REPEAT + 1) / 2))p"
}
ms() { printf '%.1f' "$(echo "$1 * 1000" | bc -l)"; }

make_batch() {  # make_batch NAME COUNT CODE
  local dir="$work/$1-$2"
  mkdir -p "$dir/snippets" "$dir/expected"
  for i in $(seq -w 1 "$2"); do printf '%s\n' "$3" > "$dir/snippets/s$i.py"; done
  "$GC" update --snippets "$dir/snippets" --expected "$dir/expected" -j1 >/dev/null
  echo "$dir"
}
gc_batch() { "$GC" check --snippets "$1/snippets" --expected "$1/expected" -j1; }
py_loop() { for f in "$@"; do (cd "$work" && "$PY" "$f"); done; }

echo "guidecheck runtime benchmark: $(nproc) cores, $PY $($PY -c 'import sys; print(sys.version.split()[0])'), runs=$N, median of $REPEAT"
echo
printf '%-22s %12s %14s %10s\n' "per-run cost" "guidecheck" "python3 FILE" "ratio"
for kind in trivial pandas; do
  # python3 needs ~300 ms per pandas run: fewer of those are enough for its average.
  if [[ $kind == trivial ]]; then code='print("hello")'; py_count=$N; else code=$'import pandas as pd\nprint(pd.DataFrame({"a": [1, 2]}).shape)'; py_count=$((N / 8)); fi
  count=$N
  one=$(make_batch "$kind" 1 "$code")
  many=$(make_batch "$kind" "$((count + 1))" "$code")
  t_one=$(median_time gc_batch "$one")
  t_many=$(median_time gc_batch "$many")
  per_gc=$(echo "($t_many - $t_one) / $count" | bc -l)
  files=("$many"/snippets/*.py)
  t_py=$(median_time py_loop "${files[@]:0:$py_count}")
  per_py=$(echo "$t_py / $py_count" | bc -l)
  printf '%-22s %10s ms %12s ms %9.1fx\n' "$kind snippet" "$(ms "$per_gc")" "$(ms "$per_py")" "$(echo "$per_py / $per_gc" | bc -l)"
done
echo "(guidecheck per-run cost = (batch of n+1 - batch of 1) / n at -j1: start-up excluded; targets <= 6 ms and <= 20 ms)"

echo
files=("$SNIPPETS"/*.py)
abs=(); for f in "${files[@]}"; do abs+=("$(realpath "$f")"); done
t_gc=$(median_time "$GC" check --snippets "$SNIPPETS" -j "$JOBS")
t_seq=$(median_time py_loop "${abs[@]}")
t_par=$(median_time bash -c 'printf "%s\0" "$@" | xargs -0 -P '"$JOBS"' -n1 sh -c "cd '"$work"' && '"$PY"' \"\$0\""' _ "${abs[@]}")
echo "${#files[@]} snippets of $SNIPPETS, $JOBS jobs:"
printf '  %-34s %8.2f s\n' "guidecheck check -j$JOBS" "$t_gc" "python3 sequential loop" "$t_seq" "python3 loop, xargs -P$JOBS" "$t_par"
printf '  %-34s %8.2fx (target >= 2.5x)\n' "speed-up vs sequential loop" "$(echo "$t_seq / $t_gc" | bc -l)"
printf '  %-34s %8.2fx (target > 1x)\n' "speed-up vs xargs -P$JOBS" "$(echo "$t_par / $t_gc" | bc -l)"
