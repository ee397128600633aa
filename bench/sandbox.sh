#!/usr/bin/env bash
# The sandbox's cost per sample, measured two ways.
#
# 1. Its own work, apart from Python: bench/sandbox_cost (built beside
#    guidecheck) makes N runs that only build their sandbox and exit, or only
#    make their directory; one hyperfine run compares the two. This figure is
#    stable on a shared machine.
#
# 2. In a whole check: one guidecheck build checks the same
# snippets with and without the sandbox (--no-sandbox) in one hyperfine run,
# for N trivial samples (default 400), with nothing preloaded (the fork then
# costs least, so the sandbox's share shows most) and with the default
# preload. A shared machine drifts between the two commands of one run, so
# the run is repeated ROUNDS times (default 3) and the median of the rounds'
# differences is the figure: CPU (user + system, every process of the check)
# and wall, per sample. Target (issue H): at most 0.5 ms.
# Usage: bench/sandbox.sh [GUIDECHECK] [N]   (env: BENCH_RUNS, BENCH_ROUNDS)
set -euo pipefail
GC=$(realpath "${1:-build/release/src/guidecheck}")
N=${2:-400}
RUNS=${BENCH_RUNS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

COST=$(dirname "$(dirname "$GC")")/bench/sandbox_cost
if [[ -x $COST ]]; then
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$work/cost.json" \
    -n confine "$COST confine 1000" -n plain "$COST plain 1000" >/dev/null
  /usr/bin/python3 - "$work/cost.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
cpu = {k: v["user"] + v["system"] for k, v in r.items()}
print(f"sandbox alone, 1000 runs: wall {r['confine']['median']:.3f} s vs {r['plain']['median']:.3f} s "
      f"(ratio {r['confine']['median'] / r['plain']['median']:.2f}); per run: "
      f"{(r['confine']['median'] - r['plain']['median']):.3f} ms wall, {(cpu['confine'] - cpu['plain']):.3f} ms CPU")
PY
else
  echo "($COST not built: the sandbox-alone figure is skipped)"
fi
mkdir -p "$work/snippets"
for i in $(seq 1 "$N"); do printf 'print(%d * 2)\n' "$i" >"$work/snippets/s$i.py"; done
(cd "$work" && "$GC" -q update >/dev/null)

for preload in "--no-preload" ""; do
  label=${preload:-"--preload (default)"}
  for round in $(seq 1 "$ROUNDS"); do
    (cd "$work" && hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/round$round.json" \
      -n sandbox "$GC -q check --no-cache $preload" -n no-sandbox "$GC -q check --no-cache --no-sandbox $preload" >/dev/null)
  done
  /usr/bin/python3 - "$N" "$label" "$work"/round*.json <<'PY'
import json, statistics, sys
n, label = int(sys.argv[1]), sys.argv[2]
cpu_costs, wall_costs = [], []
for path in sys.argv[3:]:
    results = {r["command"]: r for r in json.load(open(path))["results"]}
    cpu = {name: r["user"] + r["system"] for name, r in results.items()}
    cpu_costs.append((cpu["sandbox"] - cpu["no-sandbox"]) / n * 1e3)
    wall_costs.append((results["sandbox"]["median"] - results["no-sandbox"]["median"]) / n * 1e3)
    print(f"{label:22} {n} samples: wall {results['sandbox']['median']:.3f} s vs "
          f"{results['no-sandbox']['median']:.3f} s, CPU {cpu['sandbox']:.3f} s vs {cpu['no-sandbox']:.3f} s")
print(f"{label:22} sandbox cost per sample (median of {len(cpu_costs)} rounds): "
      f"{statistics.median(cpu_costs):.3f} ms CPU, {statistics.median(wall_costs):.3f} ms wall at -j2 "
      f"(rounds: {', '.join(f'{c:.2f}' for c in cpu_costs)} ms CPU)")
PY
  rm -f "$work"/round*.json
done
