#!/usr/bin/env bash
# The sandbox's cost per sample: one guidecheck build checks the same
# snippets with and without the sandbox (--no-sandbox), in one hyperfine run,
# for N trivial samples (default 400) with nothing preloaded (the fork then
# costs least, so the sandbox's share shows most) and with the default
# preload. Prints the medians (wall) and mean CPU (user + system, every
# process of the check) and their difference / N: the sandbox's cost per
# sample. Target (issue H): at most 0.5 ms.
# Usage: bench/sandbox.sh [GUIDECHECK] [N]
set -euo pipefail
GC=$(realpath "${1:-build/release/src/guidecheck}")
N=${2:-400}
RUNS=${BENCH_RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/snippets"
for i in $(seq 1 "$N"); do printf 'print(%d * 2)\n' "$i" >"$work/snippets/s$i.py"; done
(cd "$work" && "$GC" -q update >/dev/null)

for preload in "--no-preload" ""; do
  label=${preload:-"--preload (default)"}
  json=$work/result.json
  (cd "$work" && hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$json" \
    -n sandbox "$GC -q check $preload" -n no-sandbox "$GC -q check --no-sandbox $preload" >/dev/null)
  /usr/bin/python3 - "$json" "$N" "$label" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
with_s, without = results["sandbox"]["median"], results["no-sandbox"]["median"]
cpu = {name: r["user"] + r["system"] for name, r in results.items()}
print(f"{sys.argv[3]:22} {n} samples: wall {with_s:.3f} s vs {without:.3f} s (ratio {with_s / without:.2f}); "
      f"CPU {cpu['sandbox']:.3f} s vs {cpu['no-sandbox']:.3f} s; sandbox cost per sample: "
      f"{(cpu['sandbox'] - cpu['no-sandbox']) / n * 1e3:.3f} ms CPU, {(with_s - without) / n * 1e3:.3f} ms wall at -j2")
PY
done
