#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# CI shards: `check --shard K/N` runs a share of the samples, and `merge`
# turns the shards' JSON reports into the report one whole run gives; shards
# that do not fit together are refused.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

project=$E2E_TMP/project
rm -rf "$project"
mkdir -p "$project"
{
  echo "# Shards"
  for i in 1 2 3 4 5 6 7 8 9 10; do
    printf '\nStep %d.\n\n```python\nprint(%d * 3)\n```\n\nOutput:\n\n```\n%d\n```\n' "$i" "$i" $((i * 3))
  done
  printf '\nA wrong claim.\n\n```python\nprint("left")\n```\n\nOutput:\n\n```\nright\n```\n'
} >"$project/guide.md"
(cd "$project" && "$GUIDECHECK" -q extract guide.md >/dev/null && "$GUIDECHECK" -q update --record-durations >/dev/null 2>&1) || true

in_project() {
  cd "$project"
  gc_run "$@"
  cd - >/dev/null
}
summary_of() { json_eval "$1" "' '.join(f'{k}={r[\"summary\"][k]}' for k in ('passed', 'failed', 'skipped', 'total'))"; }
statuses_of() { json_eval "$1" "' '.join(s['id'] + '=' + s['status'] for s in r['snippets'])"; }

case_merged_shards_give_the_whole_run() {
  in_project whole check --format json --no-cache
  cp "$GC_OUT" "$E2E_TMP/whole.json"
  assert_eq "the whole run fails on the wrong claim" 1 "$GC_RC"
  local k
  for k in 1 2 3; do
    in_project "shard$k" check --shard "$k/3" --format json --output "$E2E_TMP/shard$k.json"
    assert_contains "shard $k says which share it ran" "shard $k/3:" "$GC_OUT"
  done
  in_project merged merge "$E2E_TMP/shard1.json" "$E2E_TMP/shard2.json" "$E2E_TMP/shard3.json" --format json
  assert_eq "merge exits as the whole run" 1 "$GC_RC"
  assert_eq "the summary" "$(summary_of "$E2E_TMP/whole.json")" "$(summary_of "$GC_OUT")"
  assert_eq "every sample, in guide order" "$(statuses_of "$E2E_TMP/whole.json")" "$(statuses_of "$GC_OUT")"
  in_project merged.text merge "$E2E_TMP/shard3.json" "$E2E_TMP/shard1.json" "$E2E_TMP/shard2.json"
  assert_eq "the text summary" "10 passed, 1 failed" "$(last_line "$GC_OUT")"
  in_project merged.junit merge "$E2E_TMP/shard1.json" "$E2E_TMP/shard2.json" "$E2E_TMP/shard3.json" \
    --format junit --output "$E2E_TMP/merged.xml"
  assert_eq "JUnit is well-formed" "" "$(xmllint --noout "$E2E_TMP/merged.xml" 2>&1)"
  assert_eq "JUnit counts every test" 11 "$(xmllint --xpath 'count(//testcase)' "$E2E_TMP/merged.xml")"
}

case_shards_that_do_not_fit_together_are_refused() {
  local k
  for k in 1 2 3; do in_project "s$k" check --shard "$k/3" --format json --output "$E2E_TMP/s$k.json"; done
  in_project missing merge "$E2E_TMP/s1.json" "$E2E_TMP/s2.json"
  assert_eq "a missing shard: exit code" 2 "$GC_RC"
  assert_contains "a missing shard: the message" "shard 3/3 is missing" "$GC_ERR"
  in_project twice merge "$E2E_TMP/s1.json" "$E2E_TMP/s1.json" "$E2E_TMP/s2.json"
  assert_eq "a shard twice: exit code" 2 "$GC_RC"
  assert_contains "a shard twice: the message" "shard 1/3 is there twice" "$GC_ERR"
  # Another commit recorded other durations: it split the samples otherwise.
  cp "$project/snippets/durations.json" "$E2E_TMP/recorded.json"
  sed 's/"s01": [0-9.]*/"s01": 30.0/' "$E2E_TMP/recorded.json" >"$project/snippets/durations.json"
  in_project other check --shard 3/3 --format json --output "$E2E_TMP/other3.json"
  cp "$E2E_TMP/recorded.json" "$project/snippets/durations.json"
  in_project disagree merge "$E2E_TMP/s1.json" "$E2E_TMP/s2.json" "$E2E_TMP/other3.json"
  assert_eq "another partition: exit code" 2 "$GC_RC"
  assert_contains "another partition: the message" "did not split the samples as" "$GC_ERR"
  printf 'not json\n' >"$E2E_TMP/bad.json"
  in_project bad merge "$E2E_TMP/bad.json"
  assert_eq "not a report: exit code" 2 "$GC_RC"
  assert_contains "not a report: the message" "bad.json: not a guidecheck JSON report" "$GC_ERR"
  in_project bad.shard check --shard 4/3
  assert_eq "--shard 4/3: exit code" 2 "$GC_RC"
  assert_contains "--shard 4/3: the message" "--shard" "$GC_ERR"
}

# Each CI machine has its own .guidecheck/ (none, or a cache restored per
# shard): the shards split by what the checkout records, so they agree.
case_shards_split_by_the_recorded_durations_only() {
  assert_contains "update recorded every sample's duration" '"s11":' "$project/snippets/durations.json"
  cp "$project/snippets/durations.json" "$E2E_TMP/recorded.json"
  local k
  for k in 1 2 3; do
    # This machine measured sample k as the long one (the old rule split by
    # these, and merge refused the shards).
    sed "s/\"s0$k\": [0-9.]*/\"s0$k\": 5.0/" "$E2E_TMP/recorded.json" >"$project/.guidecheck/durations.json"
    in_project "own$k" check --shard "$k/3" --format json --output "$E2E_TMP/own$k.json"
  done
  in_project own.merged merge "$E2E_TMP/own1.json" "$E2E_TMP/own2.json" "$E2E_TMP/own3.json"
  assert_eq "shards with different caches fit together" "10 passed, 1 failed" "$(last_line "$GC_OUT")"
  # The recorded figures decide: the long sample has a shard to itself.
  sed 's/"s05": [0-9.]*/"s05": 9.0/' "$E2E_TMP/recorded.json" >"$project/snippets/durations.json"
  in_project long check --shard 1/3 --format json
  assert_eq "the long sample alone in the first shard" "s05" "$(json_eval "$GC_OUT" "' '.join(s['id'] for s in r['snippets'])")"
  printf '{\n "s01": 0.001,\n "s05": "slow"\n}\n' >"$project/snippets/durations.json"
  in_project corrupt check
  assert_eq "a corrupt record: exit code" 2 "$GC_RC"
  assert_contains "a corrupt record: file and line" "snippets/durations.json:3: s05: expected seconds" "$GC_ERR"
  cp "$E2E_TMP/recorded.json" "$project/snippets/durations.json"
}

run_case merged_shards_give_the_whole_run case_merged_shards_give_the_whole_run
run_case shards_that_do_not_fit_together_are_refused case_shards_that_do_not_fit_together_are_refused
run_case shards_split_by_the_recorded_durations_only case_shards_split_by_the_recorded_durations_only
finish
