#!/usr/bin/env bash
# End-to-end: guidecheck writes only where it was asked to, never through
# someone else's files, and never blesses output that is not complete.
source "$(dirname "$0")/lib.sh"
require_guidecheck

project=$E2E_TMP/project
gc_in_project() { (cd "$project" && "$GUIDECHECK" "$@"); }
new_project() {
  rm -rf "$project"
  mkdir -p "$project"
}
# content_digest DIR: each file under DIR (the durations cache aside) with its checksum.
content_digest() { (cd "$1" && find . -path ./.guidecheck -prune -o -type f -print0 | sort -z | xargs -0 -r sha1sum); }

# Before the fix, scratch directories had predictable names
# (TMPDIR/guidecheck-{variants,guide,extract}-PID) and were reused: a local
# user who planted them with symlinks made guidecheck overwrite any file the
# caller could write. Plant them for the exact PID guidecheck will have
# (exec keeps the PID) and check that nothing is written through them.
case_planted_scratch_directories_are_not_used() {
  new_project
  local tmp=$E2E_TMP/shared-tmp victim=$E2E_TMP/victim
  mkdir -p "$tmp"
  printf 'precious\n' >"$victim"
  cat >"$project/other.txt" <<'EOF'
Other guide
1. Errors
d = {}
# d["k"] # KeyError: 'k'
print("after") # after
EOF
  local rc=0
  (
    cd "$project"
    # shellcheck disable=SC2016  # expanded by the inner shell
    TMPDIR=$tmp VICTIM=$victim bash -c '
      for kind in variants guide extract; do
        mkdir -p "$TMPDIR/guidecheck-$kind-$$/snippets" "$TMPDIR/guidecheck-$kind-$$/q01-4"
        ln -s "$VICTIM" "$TMPDIR/guidecheck-$kind-$$/snippets/q01.py"
        ln -s "$VICTIM" "$TMPDIR/guidecheck-$kind-$$/q01-4/q01.py"
        ln -s "$VICTIM" "$TMPDIR/guidecheck-$kind-$$/q01-4/other.py"
      done
      exec "$0" check other.txt --color never' "$GUIDECHECK" >"$E2E_TMP/planted.out" 2>&1
  ) || rc=$?
  assert_eq "the victim file" "precious" "$(cat "$victim")"
  assert_eq "check exit code" 0 "$rc"
  assert_eq "scratch directories left in TMPDIR (other than the planted ones)" "" \
    "$(find "$tmp" -mindepth 1 -maxdepth 1 -newer "$victim" ! -name 'guidecheck-variants-*' \
      ! -name 'guidecheck-guide-*' ! -name 'guidecheck-extract-*')"
}

case_a_missing_tmpdir_is_a_clear_error() {
  new_project
  printf 'Guide\n1. One\nprint(1) # 1\n' >"$project/g.txt"
  local rc=0
  (cd "$project" && TMPDIR=$E2E_TMP/no-such-dir "$GUIDECHECK" check g.txt >"$E2E_TMP/t.out" 2>"$E2E_TMP/t.err") || rc=$?
  assert_eq "exit code" 2 "$rc"
  assert_contains "the message names TMPDIR" "TMPDIR=$E2E_TMP/no-such-dir" "$E2E_TMP/t.err"
}

# A guide for --write-guide whose loop is killed by the timeout half-way: its
# claims must stay, not become the partial output.
write_slow_guide() {
  cat >"$project/guide.txt" <<'EOF'
Slow guide
1. Counting slowly
import time
for i in range(5):
print(i, end=" ", flush=True)
if i == 2:
time.sleep(30)
# 0 1 2 3 4
2. Wrong claim
print(6 * 7) # 41
EOF
}

case_write_guide_never_writes_output_of_a_timed_out_run() {
  new_project
  write_slow_guide
  gc_in_project extract guide.txt >/dev/null 2>&1 || true
  cp "$project/guide.txt" "$E2E_TMP/slow-before.txt"
  local rc=0
  gc_in_project update --write-guide --timeout 2 >"$E2E_TMP/wg.out" 2>&1 || rc=$?
  assert_eq "the timed-out sample's claim" "# 0 1 2 3 4" "$(sed -n 8p "$project/guide.txt")"
  assert_eq "the wrong claim of a sample that ran well" "print(6 * 7) # 42" "$(sed -n 10p "$project/guide.txt")"
  assert_eq "update exit code (a refused sample)" 1 "$rc"
  [[ -e $project/expected/q01.out ]] && fail "expected/q01.out was written from a timed-out run"
  return 0
}

case_interrupted_update_writes_nothing() {
  new_project
  write_slow_guide
  gc_in_project extract guide.txt >/dev/null 2>&1 || true
  local before
  before=$(content_digest "$project")
  (cd "$project" && exec "$GUIDECHECK" update --write-guide >"$E2E_TMP/int.out" 2>&1) &
  local pid=$! rc=0
  sleep 2
  kill -INT "$pid"
  wait "$pid" || rc=$?
  assert_eq "exit code after Ctrl-C" 130 "$rc"
  assert_eq "the project after an interrupted update --write-guide" "$before" "$(content_digest "$project")"
}

# Another guide is judged on its own samples only, even when its ids are the
# project's: its q01 claims 'WRONG', the project's q01 claims 'same'.
case_another_guide_is_judged_on_its_own_claims() {
  new_project
  printf 'Project guide\n1. Same\nprint("same") # same\n' >"$project/guide.txt"
  printf 'Other guide\n1. Same\nprint("same") # WRONG\n' >"$project/other.txt"
  gc_in_project extract guide.txt >/dev/null
  gc_in_project update >/dev/null
  local rc=0
  gc_in_project check other.txt --color never >"$E2E_TMP/other.out" 2>&1 || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_contains "the other guide's claim" "other.txt:3: the guide claims 'WRONG'" "$E2E_TMP/other.out"
}

case_extract_of_a_guide_without_samples_changes_nothing() {
  new_project
  printf 'Project guide\n1. One\nprint("one") # one\n' >"$project/guide.txt"
  gc_in_project extract guide.txt >/dev/null
  local before rc=0
  : >"$project/empty.txt"
  before=$(content_digest "$project")
  gc_in_project extract empty.txt >"$E2E_TMP/empty.out" 2>&1 || rc=$?
  assert_eq "exit code" 2 "$rc"
  assert_contains "the message" "empty.txt: the guide is empty" "$E2E_TMP/empty.out"
  assert_eq "the project" "$before" "$(content_digest "$project")"
}

# A second writer waits for the first (here a lock held by flock(1)).
case_a_second_update_waits_for_the_first() {
  new_project
  mkdir -p "$project/snippets"
  printf 'print("one")\n' >"$project/snippets/a.py"
  flock -x "$project/snippets" sleep 2 &
  local holder=$! rc=0
  sleep 0.3
  gc_in_project update >"$E2E_TMP/lock.out" 2>"$E2E_TMP/lock.err" || rc=$?
  assert_eq "exit code" 0 "$rc"
  assert_contains "it says it waits" "waiting for another guidecheck" "$E2E_TMP/lock.err"
  kill -0 "$holder" 2>/dev/null && fail "update finished while the other writer still held the lock"
  assert_eq "expected/a.out" "one" "$(cat "$project/expected/a.out")"
  wait "$holder" || true
}

case_ctrl_c_while_waiting_for_the_lock() {
  new_project
  mkdir -p "$project/snippets"
  printf 'print("one")\n' >"$project/snippets/a.py"
  flock -x "$project/snippets" sleep 10 &
  local holder=$! rc=0
  sleep 0.3
  (cd "$project" && exec "$GUIDECHECK" update >"$E2E_TMP/wait.out" 2>"$E2E_TMP/wait.err") &
  local pid=$!
  sleep 1
  kill -INT "$pid"
  wait "$pid" || rc=$?
  assert_eq "exit code" 130 "$rc"
  [[ -e $project/expected ]] && fail "expected/ was created by an interrupted update"
  kill "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
}

# A NUL byte in a sample's output once cut the terminal report at that byte.
case_a_nul_byte_in_stdout_does_not_cut_the_report() {
  new_project
  mkdir -p "$project/snippets" "$project/expected"
  printf 'print("a\\0b")\nprint("tail")\n' >"$project/snippets/a.py"
  printf 'print("fine")\n' >"$project/snippets/b.py"
  printf 'x\n' >"$project/expected/a.out"
  printf 'fine\n' >"$project/expected/b.out"
  local rc=0
  gc_in_project check --color never >"$E2E_TMP/nul.out" 2>&1 || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_contains "the diff after the NUL" "+tail" "$E2E_TMP/nul.out"
  assert_eq "summary" "1 passed, 1 failed" "$(last_line "$E2E_TMP/nul.out")"
}

# sys.path[0] is snippets/: importing a sibling must not write bytecode there.
case_no_bytecode_next_to_the_snippets() {
  new_project
  mkdir -p "$project/snippets"
  printf 'X = 1\nprint(X)\n' >"$project/snippets/a.py"
  printf 'import a\nprint(a.X + 1)\n' >"$project/snippets/b.py"
  gc_in_project update >/dev/null
  gc_in_project check >/dev/null
  gc_in_project run snippets/b.py >/dev/null
  assert_eq "files in snippets/" "a.py b.py" "$(ls -A "$project/snippets" | tr '\n' ' ' | sed 's/ $//')"
}

run_case planted_scratch_directories_are_not_used case_planted_scratch_directories_are_not_used
run_case a_missing_tmpdir_is_a_clear_error case_a_missing_tmpdir_is_a_clear_error
run_case write_guide_never_writes_output_of_a_timed_out_run case_write_guide_never_writes_output_of_a_timed_out_run
run_case interrupted_update_writes_nothing case_interrupted_update_writes_nothing
run_case another_guide_is_judged_on_its_own_claims case_another_guide_is_judged_on_its_own_claims
run_case extract_of_a_guide_without_samples_changes_nothing case_extract_of_a_guide_without_samples_changes_nothing
run_case a_second_update_waits_for_the_first case_a_second_update_waits_for_the_first
run_case ctrl_c_while_waiting_for_the_lock case_ctrl_c_while_waiting_for_the_lock
run_case a_nul_byte_in_stdout_does_not_cut_the_report case_a_nul_byte_in_stdout_does_not_cut_the_report
run_case no_bytecode_next_to_the_snippets case_no_bytecode_next_to_the_snippets
finish
