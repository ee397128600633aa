#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# The same identical-output fixtures through `--format json` and through
# `--no-preload`: the JSON report's stdout is byte-for-byte python3's stdout,
# exit_code is python3's exit code, status is ok for 0 and error otherwise,
# nothing is truncated; and running without the preloaded interpreter changes
# nothing a snippet prints, even with PYTHONUNBUFFERED=1 exported (a fresh
# interpreter is where the caller's environment would leak in).
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
  json_field_to_file "$GC_OUT" stdout "$E2E_TMP/$name.json.stdout"
  json_field_to_file "$GC_OUT" stderr "$E2E_TMP/$name.json.stderr"
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

shopt -s nullglob
fixtures=("$RUN_FIXTURES"/identical/*.py)
if ((${#fixtures[@]} == 0)); then
  fail "no fixtures in $RUN_FIXTURES/identical"
fi
for fixture in "${fixtures[@]}"; do
  run_case "json and --no-preload: $(basename "$fixture")" check_json_and_no_preload "$fixture"
done
finish
