#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# Outcomes of `guidecheck run` that end on their own: crashes, exit codes,
# memory limits, closed fds, stdin, invalid UTF-8 and statement attribution,
# asserted on the `--format json` report (and on text-format exit codes).
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

HOSTILE=$RUN_FIXTURES/hostile
IDENTICAL=$RUN_FIXTURES/identical

case_segfault_json() {
  gc_run segfault.json run "$HOSTILE/segfault.py" --format json --timeout 10
  assert_run_json "$GC_OUT"
  assert_eq "status" "crashed" "$(json_field "$GC_OUT" status)"
  assert_eq "signal" "11" "$(json_field "$GC_OUT" signal)"
  assert_eq "exit_code" "null" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout flushed before the crash" "about to crash" "$(json_field "$GC_OUT" stdout)"
}

case_segfault_text() {
  gc_run segfault.text run "$HOSTILE/segfault.py" --timeout 10
  assert_eq "exit code (128 + SIGSEGV)" "139" "$GC_RC"
  assert_eq "stdout" "about to crash" "$(cat "$GC_OUT")"
}

case_sys_exit_json() {
  gc_run sys_exit run "$IDENTICAL/sys_exit.py" --format json
  assert_run_json "$GC_OUT"
  assert_eq "status" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "3" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "signal" "null" "$(json_field "$GC_OUT" signal)"
  assert_eq "stdout" $'about to exit with 3\npartial line' "$(json_field "$GC_OUT" stdout)"
}

case_uncaught_json() {
  gc_run uncaught run "$IDENTICAL/uncaught.py" --format json
  assert_run_json "$GC_OUT"
  assert_eq "status" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "1" "$(json_field "$GC_OUT" exit_code)"
  json_field_to_file "$GC_OUT" stderr "$E2E_TMP/uncaught.stderr"
  assert_contains "traceback header" "Traceback (most recent call last):" "$E2E_TMP/uncaught.stderr"
  assert_contains "traceback names the file" "uncaught.py" "$E2E_TMP/uncaught.stderr"
  assert_eq "last line of stderr" "ZeroDivisionError: division by zero" "$(last_line "$E2E_TMP/uncaught.stderr")"
}

case_os_exit_json() {
  gc_run os_exit run "$IDENTICAL/os_exit.py" --format json
  assert_run_json "$GC_OUT"
  assert_eq "status" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "5" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout (the buffered print is lost, as under python3)" \
    "written with os.write" "$(json_field "$GC_OUT" stdout)"
}

case_memory_limit() {
  gc_run memory_hog run "$HOSTILE/memory_hog.py" --format json --memory-limit 256M --timeout 20
  assert_run_json "$GC_OUT"
  assert_eq "status" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "1" "$(json_field "$GC_OUT" exit_code)"
  json_field_to_file "$GC_OUT" stderr "$E2E_TMP/memory_hog.stderr"
  assert_eq "last line of stderr" "MemoryError" "$(last_line "$E2E_TMP/memory_hog.stderr")"
  assert_eq "stdout" "" "$(json_field "$GC_OUT" stdout)"
}

case_memory_limit_sizes_accepted() {
  # A limit must not break a snippet that stays well below it.
  local size
  for size in 512M 2G; do
    gc_run "small.$size" run "$HOSTILE/statements.py" --format json --memory-limit "$size"
    assert_run_json "$GC_OUT"
    assert_eq "status under --memory-limit $size" "ok" "$(json_field "$GC_OUT" status)"
    assert_contains "stdout under --memory-limit $size" "loop body 2" "$GC_OUT"
  done
}

case_closed_stdout() {
  python_ref closed_stdout "$HOSTILE/closed_stdout.py"
  gc_run closed_stdout run "$HOSTILE/closed_stdout.py" --format json --timeout 10
  assert_run_json "$GC_OUT"
  assert_eq "status (python3 exits $REF_RC)" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code vs python3" "$REF_RC" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout" "" "$(json_field "$GC_OUT" stdout)"
  json_field_to_file "$GC_OUT" stderr "$E2E_TMP/closed_stdout.stderr"
  assert_contains "stderr after closing fd 1" "stderr still works" "$E2E_TMP/closed_stdout.stderr"
  assert_eq "last line of stderr vs python3" "$(last_line "$REF_ERR")" "$(last_line "$E2E_TMP/closed_stdout.stderr")"
}

case_closed_both() {
  # End of output is not end of process: the exit code comes after both fds
  # are closed.
  gc_run closed_both run "$HOSTILE/closed_both.py" --format json --timeout 10
  assert_run_json "$GC_OUT"
  assert_eq "status" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "7" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout" "last words" "$(json_field "$GC_OUT" stdout)"
}

case_stdin_default_is_empty() {
  gc_run stdin_null run "$HOSTILE/read_stdin.py" --format json --timeout 10
  assert_run_json "$GC_OUT"
  assert_eq "status" "error" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "1" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout" "reading" "$(json_field "$GC_OUT" stdout)"
  json_field_to_file "$GC_OUT" stderr "$E2E_TMP/stdin_null.stderr"
  assert_eq "last line of stderr" "EOFError: EOF when reading a line" "$(last_line "$E2E_TMP/stdin_null.stderr")"
}

case_stdin_from_file() {
  local input=$E2E_TMP/stdin-input.txt
  printf 'first line\nsecond line ü\n' >"$input"
  python_ref stdin_file "$HOSTILE/read_stdin.py" "$input"
  assert_eq "python3 reference exit code" "0" "$REF_RC"

  gc_run stdin_file.json run "$HOSTILE/read_stdin.py" --format json --timeout 10 --stdin "$input"
  assert_run_json "$GC_OUT"
  assert_eq "status" "ok" "$(json_field "$GC_OUT" status)"
  json_field_to_file "$GC_OUT" stdout "$E2E_TMP/stdin_file.json.stdout"
  assert_files_eq "JSON stdout vs python3 < FILE" "$REF_OUT" "$E2E_TMP/stdin_file.json.stdout"
  assert_contains "the first line came from the file" "got: first line" "$E2E_TMP/stdin_file.json.stdout"

  gc_run stdin_file.text run "$HOSTILE/read_stdin.py" --stdin "$input"
  assert_eq "text exit code" "0" "$GC_RC"
  assert_files_eq "text stdout vs python3 < FILE" "$REF_OUT" "$GC_OUT"
  assert_eq "the input file is untouched" $'first line\nsecond line ü' "$(cat "$input")"
}

case_invalid_utf8() {
  gc_run invalid_utf8.json run "$HOSTILE/invalid_utf8.py" --format json
  # assert_run_json decodes the report as strict UTF-8: raw 0xff bytes fail it.
  assert_run_json "$GC_OUT"
  assert_eq "status" "ok" "$(json_field "$GC_OUT" status)"
  local stdout
  stdout=$(json_eval "$GC_OUT" 'r["stdout"].encode("ascii", "backslashreplace").decode()')
  case $stdout in
    "raw "?*" bytes"$'\n'"half euro "?*" sign"$'\n'"valid euro \\u20ac"*) ;;
    *) fail "stdout does not keep the text around the invalid bytes, or drops them: '$stdout'" ;;
  esac
  note "invalid bytes reported as: $(head -n 1 <<<"$stdout")"
  assert_eq "the valid euro sign survives" "valid euro €" "$(json_field "$GC_OUT" stdout | tail -n 1)"

  python_ref invalid_utf8 "$HOSTILE/invalid_utf8.py"
  gc_run invalid_utf8.text run "$HOSTILE/invalid_utf8.py"
  assert_eq "text exit code" "0" "$GC_RC"
  assert_files_eq "text format passes the bytes through as python3 writes them" "$REF_OUT" "$GC_OUT"
}

statement_output() {  # statement_output REPORT LINE END_LINE
  json_eval "$1" '"".join(s["stdout"] for s in r["statements"] if (s["line"], s["end_line"]) == ('"$2"', '"$3"'))'
}

case_statement_attribution() {
  local file=$HOSTILE/statements.py
  python_ref statements "$file"
  gc_run statements run "$file" --format json
  assert_run_json "$GC_OUT"
  assert_eq "status" "ok" "$(json_field "$GC_OUT" status)"
  json_field_to_file "$GC_OUT" stdout "$E2E_TMP/statements.stdout"
  # On a pipe the os.write line reaches fd 1 first; stdout shows it that way.
  assert_files_eq "stdout vs python3 (os.write first)" "$REF_OUT" "$E2E_TMP/statements.stdout"
  assert_eq "statements that printed (line-end_line)" "5-5 6-7 8-8" \
    "$(json_eval "$GC_OUT" '" ".join("%d-%d" % k for k in sorted({(s["line"], s["end_line"]) for s in r["statements"] if s["stdout"]}))')"
  assert_eq "print on line 5" "first statement" "$(statement_output "$GC_OUT" 5 5)"
  assert_eq "for loop on lines 6-7, every iteration" \
    $'loop body 0\nloop body 1\nloop body 2' "$(statement_output "$GC_OUT" 6 7)"
  assert_eq "os.write on line 8, though the prints were still buffered" \
    "raw write" "$(statement_output "$GC_OUT" 8 8)"
}

run_case "segfault: crashed with signal 11 (JSON)" case_segfault_json
run_case "segfault: text exit code 139" case_segfault_text
run_case "sys.exit(3): error with exit_code 3" case_sys_exit_json
run_case "uncaught exception: exit_code 1 and traceback" case_uncaught_json
run_case "os._exit(5): exit_code 5" case_os_exit_json
run_case "memory hog under --memory-limit 256M: MemoryError" case_memory_limit
run_case "--memory-limit 512M and 2G run a small snippet" case_memory_limit_sizes_accepted
run_case "closed fd 1: no hang, python3's exit code" case_closed_stdout
run_case "closed fd 1 and 2: waits for the exit code" case_closed_both
run_case "stdin is /dev/null: input() raises EOFError" case_stdin_default_is_empty
run_case "--stdin FILE feeds the file" case_stdin_from_file
run_case "invalid UTF-8 on stdout: valid JSON, bytes escaped" case_invalid_utf8
run_case "statement attribution" case_statement_attribution
finish
