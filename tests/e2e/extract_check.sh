#!/usr/bin/env bash
# End-to-end: extract the bundled guide, keep hand fixes, detect drift, check
# other guides in memory, and survive hostile guides.
source "$(dirname "$0")/lib.sh"
require_guidecheck

GUIDE_NAME=top-50-python-interview-questions-2026.txt
project=$E2E_TMP/project
fresh_project() {
  rm -rf "$project"
  mkdir -p "$project/guide"
  cp "$SOURCE_DIR/guide/$GUIDE_NAME" "$project/guide/"
}
gc_in() { (cd "$project" && "$GUIDECHECK" "$@"); }

case_extract_bundled_guide_matches_committed_snippets() {
  fresh_project
  local out
  out=$(gc_in extract)
  text_contains "summary" "48 samples: 48 written, 0 unchanged, 0 kept (fixed by hand), 0 removed" "$out"
  local f
  for f in "$SOURCE_DIR"/snippets/q*.py; do
    cmp -s "$f" "$project/snippets/$(basename "$f")" || fail "$(basename "$f") differs from the committed snippet"
  done
  out=$(gc_in extract)
  text_contains "second extract" "48 samples: 0 written, 48 unchanged" "$out"
}

case_hand_fix_survives_reextraction_until_the_guide_changes() {
  fresh_project
  gc_in extract >/dev/null
  # A maintainer re-indents q06's function body with two spaces.
  sed -i 's/^    /  /' "$project/snippets/q06.py"
  local fixed
  fixed=$(cat "$project/snippets/q06.py")
  [[ $fixed == *$'\n  print(f'* ]] || fail "the test's hand fix did not change q06"
  local out
  out=$(gc_in extract)
  text_contains "kept" "kept snippets/q06.py: fixed by hand and guide lines 58-65 did not change" "$out"
  assert_eq "q06 kept" "$fixed" "$(cat "$project/snippets/q06.py")"
  # The guide changes one of q06's lines: the hand fix gives way.
  sed -i 's/^# user: alice$/# user: bob/' "$project/guide/$GUIDE_NAME"
  out=$(gc_in extract)
  text_contains "rewritten" "wrote snippets/q06.py (guide lines 58-65): the guide changed, hand fix replaced" "$out"
}

case_drift_names_the_changed_guide_line() {
  fresh_project
  gc_in extract >/dev/null
  sed -i 's/^print(my_list) # \[99, 2, 3\]$/print(my_list)  # [99, 2, 3] edited/' "$project/guide/$GUIDE_NAME"
  local out rc=0
  out=$(gc_in check --color never) || rc=$?
  assert_eq "exit code" 1 "$rc"
  text_contains "message" "guide/$GUIDE_NAME:20: sample q02 changed" "$out"
  text_contains "advice" "run guidecheck extract" "$out"
}

case_other_guide_is_checked_in_memory() {
  local guide=$E2E_TMP/other.txt
  cat >"$guide" <<'GUIDE'
A Short Guide
1. Squares
squares = [x * x for x in range(4)]
print(squares) # [0, 1, 4, 9]
2. A function
def greet(name):
return f"Hello, {name}!"
print(greet("Ada")) # Hello, Ada!
That is all.
GUIDE
  local out rc=0
  out=$(cd "$E2E_TMP" && "$GUIDECHECK" check other.txt --color never) || rc=$?
  assert_eq "exit code" 0 "$rc"
  assert_eq "summary" "2 passed, 0 failed" "$(printf '%s\n' "$out" | tail -n 1)"
  [[ ! -e $E2E_TMP/snippets ]] || fail "check of another guide created snippets/"
}

case_hostile_guides_never_crash() {
  local dir=$E2E_TMP/hostile
  mkdir -p "$dir"
  : >"$dir/empty.txt"
  head -c 200000 /dev/urandom >"$dir/binary.txt"
  printf 'Title\n1. Q\nx = "\xff\xfe"\nprint(x)\n' >"$dir/invalid_utf8.txt"
  printf 'Title\r\n1. Q\r\nx = [1, 2]\r\nprint(x) # [1, 2]\r\n' >"$dir/crlf.txt"
  printf 'Only prose here.\nNo code at all, just sentences.\n' >"$dir/no_code.txt"
  printf 'Title\n1. Q\ndef f(:\nreturn 1\nprint(f())\n' >"$dir/syntax_error.txt"
  local f rc
  for f in "$dir"/*.txt; do
    rc=0
    (cd "$dir" && timeout 60 "$GUIDECHECK" check "$(basename "$f")" --color never >"$f.out" 2>&1) || rc=$?
    if ((rc > 2)) || grep -q "internal error" "$f.out"; then
      fail "$(basename "$f"): exit code $rc: $(head -c 400 "$f.out")"
    fi
  done
  assert_eq "crlf" "1 passed, 0 failed" "$(tail -n 1 "$dir/crlf.txt.out")"
  # Nothing to check is an error, never a silent "0 passed".
  assert_eq "empty" "guidecheck: error: empty.txt: the guide is empty" "$(cat "$dir/empty.txt.out")"
  assert_contains "binary" "binary.txt: " "$dir/binary.txt.out"
  assert_contains "binary" "binary, not a guide" "$dir/binary.txt.out"
  assert_contains "no code" "guidecheck: error: no_code.txt: no code samples found" "$dir/no_code.txt.out"
  assert_contains "invalid UTF-8 is named" "invalid_utf8.txt:3: invalid UTF-8 at column 6 (byte \\xff)" \
    "$dir/invalid_utf8.txt.out"
}

case_directive_errors_name_file_and_line() {
  fresh_project
  gc_in extract >/dev/null
  printf '[q05]\ntimeout = 3\nstdn = "x"\n' >"$project/snippets/guidecheck.toml"
  local out rc=0
  out=$(gc_in check 2>&1) || rc=$?
  assert_eq "exit code" 2 "$rc"
  text_contains "message" "snippets/guidecheck.toml:3: [q05] unknown directive 'stdn'" "$out"
}

run_case extract_bundled_guide_matches_committed_snippets case_extract_bundled_guide_matches_committed_snippets
run_case hand_fix_survives_reextraction_until_the_guide_changes case_hand_fix_survives_reextraction_until_the_guide_changes
run_case drift_names_the_changed_guide_line case_drift_names_the_changed_guide_line
run_case other_guide_is_checked_in_memory case_other_guide_is_checked_in_memory
run_case hostile_guides_never_crash case_hostile_guides_never_crash
run_case directive_errors_name_file_and_line case_directive_errors_name_file_and_line
finish
