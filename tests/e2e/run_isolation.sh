#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# Nothing one `guidecheck run` does is visible to the next: run A changes its
# environment, working directory, stdlib and interpreter state; run B, a
# separate invocation, prints exactly what a fresh python3 prints. Each run
# starts in an empty temporary directory that is gone when guidecheck returns,
# also after a timeout, and the caller's directory is left untouched.
#
# TODO(check): once `guidecheck check` exists, run A and B as two snippets of
# one guide, in one invocation, and assert the same.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

ISOLATION=$RUN_FIXTURES/isolation
# Fixtures write the path of their working directory to $GC_E2E_SCRATCH/cwd-$GC_E2E_TAG.
export GC_E2E_SCRATCH=$E2E_TMP/scratch
mkdir -p "$GC_E2E_SCRATCH"
# What the fixtures need through the sandbox: their variables, and the
# scratch directory to write to.
PASS=(--env GC_E2E_SCRATCH --env GC_E2E_TAG --env GC_E2E_TOKEN --writable "$GC_E2E_SCRATCH")

# assert_removed TAG: the working directory recorded by the run tagged TAG no
# longer exists; if it does, show it and remove it.
assert_removed() {
  local record=$GC_E2E_SCRATCH/cwd-$1 dir
  if [[ ! -s $record ]]; then
    fail "the snippet did not record its working directory in $record"
    return 0
  fi
  dir=$(<"$record")
  if [[ -e $dir ]]; then
    fail "working directory $dir still exists after guidecheck returned:"
    find "$dir" -ls 2>&1 | head -n 20 | sed 's/^/    /' >&2 || true
    chmod -R u+rwx "$dir" 2>/dev/null || true
    rm -rf "$dir"
  fi
}

case_traces_do_not_leak() {
  local caller=$E2E_TMP/caller
  mkdir -p "$caller"
  cd "$caller"

  GC_E2E_TAG=a gc_run isolation_a run "${PASS[@]}" "$ISOLATION/leave_traces.py" --format json
  assert_run_json "$GC_OUT"
  assert_eq "run A status" "ok" "$(json_field "$GC_OUT" status)"
  assert_eq "run A stdout (its cwd was empty at start)" \
    $'cwd listing at start: []\ntraces left: monkeypatched' "$(json_field "$GC_OUT" stdout)"
  local cwd_a
  cwd_a=$(cat "$GC_E2E_SCRATCH/cwd-a" 2>/dev/null || true)
  if [[ $(realpath -m "$cwd_a") == "$(realpath "$caller")" ]]; then
    fail "run A ran in the caller's directory"
  fi
  assert_removed a
  assert_eq "the caller's directory is untouched" "" "$(ls -A "$caller")"

  python_ref isolation_b "$ISOLATION/look_for_traces.py"
  gc_run isolation_b run "${PASS[@]}" "$ISOLATION/look_for_traces.py"
  assert_eq "run B exit code" "0" "$GC_RC"
  assert_files_eq "run B sees what a fresh python3 sees" "$REF_OUT" "$GC_OUT"
  assert_contains "run B: no leaked variable" "GC_E2E_LEAK: None" "$GC_OUT"
  assert_contains "run B: json.dumps not patched" 'json.dumps: {"a": 1}' "$GC_OUT"
}

case_cwd_removed_after_timeout() {
  GC_E2E_TAG=hang gc_run hang run "${PASS[@]}" "$ISOLATION/hang_in_cwd.py" --format json --timeout 2
  assert_run_json "$GC_OUT"
  assert_eq "status" "timeout" "$(json_field "$GC_OUT" status)"
  assert_removed hang
  wait_no_process "$(mark hang)"
}

case_each_run_gets_a_fresh_cwd() {
  GC_E2E_TAG=first gc_run first run "${PASS[@]}" "$ISOLATION/leave_traces.py" --format json
  assert_run_json "$GC_OUT"
  GC_E2E_TAG=second gc_run second run "${PASS[@]}" "$ISOLATION/leave_traces.py" --format json
  assert_run_json "$GC_OUT"
  assert_eq "second run's stdout (its cwd was empty at start)" \
    $'cwd listing at start: []\ntraces left: monkeypatched' "$(json_field "$GC_OUT" stdout)"
  assert_removed first
  assert_removed second
}

run_case "run A's changes are invisible to run B; cwd empty, then removed" case_traces_do_not_leak
run_case "cwd removed after a timeout" case_cwd_removed_after_timeout
run_case "the same snippet twice starts in an empty cwd twice" case_each_run_gets_a_fresh_cwd
finish
