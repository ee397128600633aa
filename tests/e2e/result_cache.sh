#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# The result cache of `check`: an unchanged run is reused, whatever could
# change its outcome makes it run again, claims and expected/ are judged
# afresh every time, unstable samples are never reused, and a damaged or
# shared cache never changes a verdict.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

project=$E2E_TMP/project
# A project of snippets alone: s1 and s2 stable, s3 prints the time.
new_project() {
  rm -rf "$project"
  mkdir -p "$project/snippets"
  printf 'print("one")\n' >"$project/snippets/s1.py"
  printf 'import sys\nprint("two")\nprint("to stderr", file=sys.stderr)\n' >"$project/snippets/s2.py"
  printf 'import time\nprint("now", time.time())\n' >"$project/snippets/s3.py"
  (cd "$project" && "$GUIDECHECK" -q update --no-cache >/dev/null 2>&1)
}
# check_json NAME ARGS...: `check --format json` in the project.
check_json() {
  local name=$1
  shift
  cd "$project"
  gc_run "$name" check --format json "$@"
  cd - >/dev/null
}
cached_ids() { json_eval "$GC_OUT" "' '.join(s['id'] for s in r['snippets'] if s['cached'])"; }
statuses() { json_eval "$GC_OUT" "' '.join(s['id'] + '=' + s['status'] for s in r['snippets'])"; }

case_an_unchanged_run_is_reused() {
  new_project
  check_json cold
  assert_eq "cold: nothing reused" "" "$(cached_ids)"
  local cold
  cold=$(statuses)
  check_json warm
  assert_eq "warm: the stable samples are reused, the one that prints the time is not" "s1 s2" "$(cached_ids)"
  assert_eq "the same verdicts" "$cold" "$(statuses)"
  assert_eq "the summary counts them" "2" "$(json_eval "$GC_OUT" "r['summary']['cached']")"
  cd "$project"
  gc_run text check
  cd - >/dev/null
  assert_contains "the text report says so" "2 of 3 samples reused from the result cache" "$GC_OUT"
  assert_eq "the summary stays the last line" "3 passed, 0 failed" "$(last_line "$GC_OUT")"
  check_json nocache --no-cache
  assert_eq "--no-cache reuses nothing" "" "$(cached_ids)"
}

case_what_changes_the_outcome_runs_again() {
  new_project
  check_json first
  printf 'print("one!")\n' >"$project/snippets/s1.py"
  check_json edited
  # s2 sits beside s1 but does not import it: it is reused.
  assert_eq "only the edited snippet runs again" "s2" "$(cached_ids)"
  check_json again
  assert_eq "then reused again" "s1 s2" "$(cached_ids)"
  # s2 imports a module beside it: a change there runs s2 again.
  printf 'WORD = "two"\n' >"$project/snippets/words.py"
  printf 'import sys\nimport words\nprint(words.WORD)\nprint("to stderr", file=sys.stderr)\n' >"$project/snippets/s2.py"
  check_json imports
  check_json imports_again
  assert_eq "reused with its import unchanged (words.py is a snippet too)" "s1 s2 words" "$(cached_ids)"
  printf 'WORD = "two"  # same output, another file\n' >"$project/snippets/words.py"
  check_json import_changed
  assert_eq "what a snippet imports changed: it runs again" "s1" "$(cached_ids)"
  check_json env --env GC_SOME_VALUE=1
  assert_eq "another --env is another run" "" "$(cached_ids)"
  check_json timeout --timeout 30
  assert_eq "another --timeout is another run" "" "$(cached_ids)"
}

case_claims_and_expected_are_judged_afresh() {
  new_project
  check_json first
  printf 'uno\n' >"$project/expected/s1.out"
  check_json changed
  assert_eq "s1 is reused" "s1 s2" "$(cached_ids)"
  assert_eq "and judged against the new expected/" "s1=failed s2=passed s3=passed" "$(statuses)"
  assert_eq "exit code" 1 "$GC_RC"
}

case_a_damaged_cache_changes_no_verdict() {
  new_project
  check_json first
  local entry
  while IFS= read -r entry; do printf 'garbage' >"$entry"; done < <(find "$project/.guidecheck/results" -type f)
  check_json damaged
  assert_eq "nothing reused from garbage" "" "$(cached_ids)"
  assert_eq "the verdicts" "s1=passed s2=passed s3=passed" "$(statuses)"
  # Two checks at once share the cache.
  local rc1=0 rc2=0
  (cd "$project" && "$GUIDECHECK" -q check >"$E2E_TMP/c1.out" 2>&1) &
  local first=$!
  (cd "$project" && "$GUIDECHECK" -q check >"$E2E_TMP/c2.out" 2>&1) || rc2=$?
  wait "$first" || rc1=$?
  assert_eq "exit codes of two checks at once" "0 0" "$rc1 $rc2"
  assert_eq "no temporary file left in the cache" "" \
    "$(find "$project/.guidecheck/results" -type f -name '*.??????' -printf '%f ')"
}

# Drift is remembered while the guide, the manifest and the snippets are
# unchanged: an edit of the guide after a check in sync is still found.
case_a_remembered_drift_check_still_sees_an_edit() {
  rm -rf "$project"
  mkdir -p "$project"
  printf '# G\n\n```python\nprint("a")\n```\n\nOutput:\n\n```\na\n```\n' >"$project/guide.md"
  (cd "$project" && "$GUIDECHECK" -q extract guide.md && "$GUIDECHECK" -q update) >/dev/null 2>&1
  cd "$project"
  gc_run in_sync check
  assert_eq "in sync: exit code" 0 "$GC_RC"
  sed -i 's/print("a")/print("b")/' guide.md
  gc_run drifted check
  cd - >/dev/null
  assert_eq "after the edit: exit code" 1 "$GC_RC"
  assert_contains "after the edit: drift is named" "guide.md:4: sample s01 changed" "$GC_OUT"
}

# update reuses a first run the cache holds, never the second (which tests
# that the output is stable), and stores what it ran for the next check.
case_update_shares_the_cache() {
  new_project
  check_json cold
  cd "$project"
  gc_run update update
  assert_eq "update: exit code" 0 "$GC_RC"
  assert_contains "the stable samples' first runs are reused" "2 of 3 first runs reused from the result cache" "$GC_OUT"
  assert_eq "nothing to write" "0 written, 3 unchanged, 0 refused, 0 removed" "$(last_line "$GC_OUT")"
  gc_run update_nocache update --no-cache
  assert_eq "--no-cache reuses nothing" "0" "$(grep -c reused "$GC_OUT" || true)"
  printf 'print("one, edited")\n' >snippets/s1.py
  gc_run update_edited update
  assert_contains "the edited sample runs" "1 of 3 first runs reused from the result cache" "$GC_OUT"
  assert_contains "and its output is written" "wrote expected/s1.out" "$GC_OUT"
  cd - >/dev/null
  check_json after_update
  assert_eq "check then reuses what update ran; the unstable one runs" "s1 s2" "$(cached_ids)"
  assert_eq "all pass" "s1=passed s2=passed s3=passed" "$(statuses)"
}

# A sample whose first run succeeds and whose second (another hash seed)
# fails is refused by update, and its first run is not reused afterwards.
case_update_forgets_what_its_second_run_refutes() {
  new_project
  printf 'import sys\nif sys.flags.hash_randomization:\n    raise SystemExit(3)\nprint("seed 0")\n' \
    >"$project/snippets/s4.py"
  check_json cold
  cd "$project"
  gc_run update update
  cd - >/dev/null
  assert_eq "update: refused" 1 "$GC_RC"
  assert_contains "it names the sample" "refused s4" "$GC_OUT"
  check_json after
  assert_eq "s4 runs again" "s1 s2" "$(cached_ids)"
}

# --cache-size bounds .guidecheck/results: least recently used entries go.
case_the_cache_keeps_to_its_bound() {
  new_project
  local i
  for i in $(seq 10 29); do printf 'print("%s" * 2000)\n' "$i" >"$project/snippets/s$i.py"; done
  (cd "$project" && "$GUIDECHECK" -q update --no-cache >/dev/null 2>&1)
  rm -rf "$project/.guidecheck/results"
  check_json bounded --cache-size 16K
  local bytes
  bytes=$(find "$project/.guidecheck/results" -type f -printf '%s\n' | awk '{t += $1} END {print t + 0}')
  assert_eq "the stored entries fit the bound" "yes" "$( ((bytes > 0 && bytes <= 16384)) && echo yes || echo "no: $bytes")"
  check_json again --cache-size 16K
  local reused
  reused=$(json_eval "$GC_OUT" "r['summary']['cached']")
  assert_eq "some entries reused, not all 22" "yes" "$( ((reused > 0 && reused < 22)) && echo yes || echo "no: $reused")"
  check_json unbounded --cache-size 0
  check_json all --cache-size 0
  assert_eq "--cache-size 0: every stable sample reused" "22" "$(json_eval "$GC_OUT" "r['summary']['cached']")"
  check_json bad --cache-size 12Q
  assert_eq "a bad size: exit code" 2 "$GC_RC"
  assert_contains "a bad size: the option is named" "--cache-size: expected 0 (no bound) or a size" "$GC_ERR"
}

run_case a_remembered_drift_check_still_sees_an_edit case_a_remembered_drift_check_still_sees_an_edit
run_case update_forgets_what_its_second_run_refutes case_update_forgets_what_its_second_run_refutes
run_case update_shares_the_cache case_update_shares_the_cache
run_case an_unchanged_run_is_reused case_an_unchanged_run_is_reused
run_case what_changes_the_outcome_runs_again case_what_changes_the_outcome_runs_again
run_case claims_and_expected_are_judged_afresh case_claims_and_expected_are_judged_afresh
run_case a_damaged_cache_changes_no_verdict case_a_damaged_cache_changes_no_verdict
run_case the_cache_keeps_to_its_bound case_the_cache_keeps_to_its_bound
finish
