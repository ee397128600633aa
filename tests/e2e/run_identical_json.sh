#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# The same identical-output fixtures through `--format json` and through
# `--no-preload`: the JSON report's stdout (its exact bytes: stdout_base64 when
# the text had to replace invalid UTF-8) is byte-for-byte python3's stdout,
# exit_code is python3's exit code, status is ok for 0 and error otherwise,
# nothing is truncated; and running without the preloaded interpreter changes
# nothing a snippet prints, even with PYTHONUNBUFFERED=1 exported (a fresh
# interpreter is where the caller's environment would leak in). Samples that
# print bytes which are not UTF-8 get the same byte-for-byte check, and a
# sample printing the four characters \xff reports differently from one
# printing the byte 0xff.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

check_json_and_no_preload() {
  local file=$1 name
  name=$(basename "$file" .py)
  python_ref "$name" "$file"
  if [[ $REF_RC == 124 ]]; then
    fail "the reference run '$PYTHON $file' itself timed out"
    return 0
  fi

  unset PYTHONUNBUFFERED
  gc_run "$name.json" run "$file" --format json
  assert_run_json "$GC_OUT"
  json_bytes_to_file "$GC_OUT" stdout "$E2E_TMP/$name.json.stdout"
  json_bytes_to_file "$GC_OUT" stderr "$E2E_TMP/$name.json.stderr"
  assert_files_eq "JSON stdout vs python3 stdout" "$REF_OUT" "$E2E_TMP/$name.json.stdout"
  assert_eq "JSON exit_code vs python3" "$REF_RC" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "JSON signal" "null" "$(json_field "$GC_OUT" signal)"
  local expected_status=error
  [[ $REF_RC == 0 ]] && expected_status=ok
  assert_eq "JSON status" "$expected_status" "$(json_field "$GC_OUT" status)"
  assert_eq "JSON stdout_truncated" "false" "$(json_field "$GC_OUT" stdout_truncated)"
  assert_eq "JSON last line of stderr vs python3" \
    "$(last_line "$REF_ERR")" "$(last_line "$E2E_TMP/$name.json.stderr")"

  export PYTHONUNBUFFERED=1
  gc_run "$name.nopreload" run "$file" --no-preload
  assert_files_eq "stdout with --no-preload vs python3" "$REF_OUT" "$GC_OUT"
  assert_eq "exit code with --no-preload vs python3" "$REF_RC" "$GC_RC"
  assert_eq "last line of stderr with --no-preload vs python3" "$(last_line "$REF_ERR")" "$(last_line "$GC_ERR")"
}

# write_sample NAME: a sample from stdin, in the scratch directory; prints its path.
write_sample() {
  mkdir -p "$E2E_TMP/samples"
  cat >"$E2E_TMP/samples/$1.py"
  echo "$E2E_TMP/samples/$1.py"
}

# check_exact_bytes NAME FILE HAS_BASE64: `run --format json` keeps every
# byte python3 writes, on stdout, on stderr and per statement; stdout_base64
# is there (HAS_BASE64=yes) or not (no).
check_exact_bytes() {
  local name=$1 file=$2 has_base64=$3
  python_ref "$name" "$file"
  gc_run "$name.json" run "$file" --format json
  assert_run_json "$GC_OUT"  # also: text = bytes with U+FFFD, base64 only when needed
  json_bytes_to_file "$GC_OUT" stdout "$E2E_TMP/$name.stdout"
  json_bytes_to_file "$GC_OUT" stderr "$E2E_TMP/$name.stderr"
  assert_files_eq "stdout bytes from stdout_base64 vs python3" "$REF_OUT" "$E2E_TMP/$name.stdout"
  assert_files_eq "stderr bytes from stderr_base64 vs python3" "$REF_ERR" "$E2E_TMP/$name.stderr"
  assert_eq "stdout_base64 is there" "$has_base64" "$(json_eval "$GC_OUT" '"yes" if "stdout_base64" in r else "no"')"
  assert_eq "the text form is python's decode(errors='replace')" \
    "$("$PYTHON" -c 'import sys; print(ascii(open(sys.argv[1], "rb").read().decode("utf-8", "replace")))' "$REF_OUT")" \
    "$(json_eval "$GC_OUT" 'ascii(r["stdout"])')"
  json_eval "$GC_OUT" 'b"".join(raw(s, "stdout") for s in r["statements"])' >"$E2E_TMP/$name.statements"
  assert_files_eq "statements' stdout bytes vs python3" "$REF_OUT" "$E2E_TMP/$name.statements"
}

case_invalid_utf8_bytes() {
  local file
  file=$(write_sample invalid_bytes <<'PY'
import os
import sys

sys.stdout.buffer.write(b"byte ff: \xff, pair: \xff\xfe, cut euro: \xe2\x82, nul: \x00\n")
sys.stdout.buffer.write(b"overlong: \xc0\xaf, surrogate: \xed\xa0\x80, too high: \xf4\x90\x80\x80\n")
print("valid: caf\u00e9 \u20ac", flush=True)
sys.stdout.buffer.write(b"euro split over two statements: \xe2\x82")
sys.stdout.buffer.write(b"\xac\n")
os.write(2, b"stderr: \x80 end\n")
sys.stdout.buffer.write(b"last line ends mid-character \xf0\x9f\x90")
PY
)
  check_exact_bytes invalid_bytes "$file" yes
  check_exact_bytes hostile_invalid_utf8 "$SOURCE_DIR/tests/fixtures/run/hostile/invalid_utf8.py" yes
}

case_escape_text_differs_from_byte() {
  local literal byte
  literal=$(write_sample literal_xff <<'PY'
print(r"\xff")
PY
)
  byte=$(write_sample byte_xff <<'PY'
import sys
sys.stdout.buffer.write(b"\xff\n")
PY
)
  gc_run literal_xff.json run "$literal" --format json
  assert_run_json "$GC_OUT"
  local literal_json=$GC_OUT
  gc_run byte_xff.json run "$byte" --format json
  assert_run_json "$GC_OUT"
  local byte_json=$GC_OUT
  local literal_stdout byte_stdout
  literal_stdout=$(json_eval "$literal_json" 'json.dumps({k: v for k, v in r.items() if k.startswith("stdout")})')
  byte_stdout=$(json_eval "$byte_json" 'json.dumps({k: v for k, v in r.items() if k.startswith("stdout")})')
  if [[ $literal_stdout == "$byte_stdout" ]]; then
    fail "the text \\xff and the byte 0xff give the same JSON: $literal_stdout"
  fi
  assert_eq "the text \\xff is reported as text" '{"stdout": "\\xff\n", "stdout_truncated": false}' "$literal_stdout"
  assert_eq "the byte 0xff is U+FFFD plus its base64" \
    '{"stdout": "\ufffd\n", "stdout_base64": "/wo=", "stdout_truncated": false}' "$byte_stdout"
  check_exact_bytes literal_xff "$literal" no
  check_exact_bytes byte_xff "$byte" yes
}

shopt -s nullglob
fixtures=("$RUN_FIXTURES"/identical/*.py)
if ((${#fixtures[@]} == 0)); then
  fail "no fixtures in $RUN_FIXTURES/identical"
fi
for fixture in "${fixtures[@]}"; do
  run_case "json and --no-preload: $(basename "$fixture")" check_json_and_no_preload "$fixture"
done
run_case "invalid UTF-8: exact bytes from base64" case_invalid_utf8_bytes
run_case "the text \\xff and the byte 0xff differ" case_escape_text_differs_from_byte
finish
