#!/usr/bin/env bash
# End-to-end: `guidecheck check` and `guidecheck update` on a small project,
# including SIGKILL at random moments during update.
source "$(dirname "$0")/lib.sh"
require_guidecheck

project=$E2E_TMP/project
make_project() {
  rm -rf "$project"
  mkdir -p "$project/snippets"
  printf 'print("one")\n' >"$project/snippets/a1.py"
  printf 'for i in range(3):\n    print(i)\n' >"$project/snippets/a2.py"
  printf 'import pandas as pd\nprint(pd.Series([1, 2]).sum())\n' >"$project/snippets/b1.py"
}
gc_in_project() { (cd "$project" && "$GUIDECHECK" "$@"); }

case_update_then_check_passes() {
  make_project
  local out
  out=$(gc_in_project update)
  text_contains "output" "3 written, 0 unchanged, 0 refused, 0 removed" "$out"
  assert_eq "a2.out" $'0\n1\n2' "$(cat "$project/expected/a2.out")"
  out=$(gc_in_project update)
  text_contains "output" "0 written, 3 unchanged" "$out"
  local rc=0
  out=$(gc_in_project check --color never) || rc=$?
  assert_eq "value" 0 "$rc"
  assert_eq "value" "3 passed, 0 failed" "$(printf '%s\n' "$out" | tail -n 1)"
}

case_check_fails_with_a_diff() {
  make_project
  gc_in_project update >/dev/null
  printf '0\n1\nTWO\n' >"$project/expected/a2.out"
  local out rc=0
  out=$(gc_in_project check --color never) || rc=$?
  assert_eq "value" 1 "$rc"
  text_contains "output" "-TWO" "$out"
  text_contains "output" "+2" "$out"
  assert_eq "value" "2 passed, 1 failed" "$(printf '%s\n' "$out" | tail -n 1)"
}

case_usage_and_configuration_errors_exit_2() {
  make_project
  local rc=0
  gc_in_project check --filter 'a(' >/dev/null 2>&1 || rc=$?
  assert_eq "value" 2 "$rc"
  rc=0
  gc_in_project check --snippets nowhere >/dev/null 2>&1 || rc=$?
  assert_eq "value" 2 "$rc"
  rc=0
  gc_in_project check --no-such-option >/dev/null 2>&1 || rc=$?
  assert_eq "value" 2 "$rc"
}

case_update_refuses_a_broken_snippet() {
  make_project
  gc_in_project update >/dev/null
  printf 'print("half")\nraise SystemExit(4)\n' >"$project/snippets/a1.py"
  local out rc=0
  out=$(gc_in_project update) || rc=$?
  assert_eq "value" 1 "$rc"
  text_contains "output" "refused a1: exited with 4" "$out"
  assert_eq "value" "one" "$(cat "$project/expected/a1.out")"
}

# Every expected file must always be entirely the old or the new version,
# whenever update is killed; the next update finishes the job.
case_update_approves_a_sample_that_ends_as_its_guide_shows() {
  # A guide shows a script's traceback, or names the error of its last
  # statement: that exit is the sample's, not a failure. Another exception
  # than the one shown is still refused.
  rm -rf "$project"
  mkdir -p "$project/guide"
  cat >"$project/guide/guide.md" <<'GUIDE'
# Errors

```python
print("start")
int("x")  # ValueError: invalid literal for int() with base 10: 'x'
```

```python
d = {}
print("before")
d["k"]
```

Output:

```
before
Traceback (most recent call last):
  File "demo.py", line 3, in <module>
KeyError: 'k'
```
GUIDE
  gc_in_project extract guide/guide.md >/dev/null
  local out rc=0
  out=$(gc_in_project update) || rc=$?
  assert_eq "update's exit" 0 "$rc"
  text_contains "update's output" "2 written, 0 unchanged, 0 refused" "$out"
  assert_eq "approved stdout" "before" "$(cat "$project/expected/s02.out")"
  rc=0
  out=$(gc_in_project check --no-cache --color never) || rc=$?
  assert_eq "check's exit" 0 "$rc"
  assert_eq "summary" "2 passed, 0 failed" "$(printf '%s\n' "$out" | tail -n 1)"
  sed -i "s/^KeyError: 'k'$/IndexError: 'k'/" "$project/guide/guide.md"
  gc_in_project extract guide/guide.md >/dev/null
  rc=0
  out=$(gc_in_project update) || rc=$?
  assert_eq "update's exit for another exception" 1 "$rc"
  text_contains "update's output" "refused s02: exited with 1" "$out"
}

case_sigkill_during_update_never_leaves_a_partial_file() {
  rm -rf "$project"
  mkdir -p "$project/snippets"
  # The version each sample prints comes from --env (a sample sees no file of
  # the caller's /tmp, where this test lives).
  for i in $(seq -w 1 12); do
    printf 'import os\nv = os.environ["V"]\nfor i in range(20000):\n    print(v, i, "x" * 40)\n' \
      >"$project/snippets/s$i.py"
  done
  local version
  for version in A B; do
    gc_in_project update -j2 --env "V=$version" >/dev/null
    cp "$project/expected/s01.out" "$E2E_TMP/whole-$version"
  done
  local round
  for round in $(seq 1 12); do
    version=$([[ $((round % 2)) == 0 ]] && echo B || echo A)
    (cd "$project" && exec "$GUIDECHECK" update -j2 --env "V=$version" >/dev/null 2>&1) &
    local pid=$!
    sleep "0.$((RANDOM % 9))$((RANDOM % 10))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local f
    for f in "$project"/expected/*.out; do
      if ! cmp -s <(sed 's/^[AB] //' "$f") <(sed 's/^[AB] //' "$E2E_TMP/whole-A") ||
        [[ $(cut -d' ' -f1 "$f" | sort -u | wc -l) != 1 ]]; then
        fail "round $round: $(basename "$f") is neither entirely version A nor entirely version B"
      fi
    done
  done
  wait_no_process "guidecheck-run-"
  local out
  out=$(gc_in_project update -j2 --env V=A)
  text_contains "output" " 0 refused" "$out"
  out=$(gc_in_project update -j2 --env V=A)
  text_contains "output" "0 written, 12 unchanged" "$out"
  assert_eq "value" 0 "$(find "$project/expected" -name '*guidecheck-tmp*' | wc -l)"
}

run_case "case_update_then_check_passes" case_update_then_check_passes
run_case "case_check_fails_with_a_diff" case_check_fails_with_a_diff
run_case "case_usage_and_configuration_errors_exit_2" case_usage_and_configuration_errors_exit_2
run_case "case_update_refuses_a_broken_snippet" case_update_refuses_a_broken_snippet
run_case "case_update_approves_a_sample_that_ends_as_its_guide_shows" case_update_approves_a_sample_that_ends_as_its_guide_shows
run_case "case_sigkill_during_update_never_leaves_a_partial_file" case_sigkill_during_update_never_leaves_a_partial_file
finish
