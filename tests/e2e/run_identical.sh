#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# `guidecheck run FILE.py` (text format) prints byte-for-byte what
# `/usr/bin/python3 FILE.py` prints when run in an empty directory with stdout
# on a pipe and stdin from /dev/null, exits with the same code and ends stderr
# with the same line (tracebacks differ only in paths). And it prints the same
# whether or not the caller exported PYTHONUNBUFFERED=1.
#
# One case per tests/fixtures/run/identical/*.py. guidecheck is called from the
# source directory with a relative path, as a user would.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

check_identical() {
  local file=$1 name rel
  name=$(basename "$file" .py)
  rel=${file#"$SOURCE_DIR"/}
  cd "$SOURCE_DIR"

  python_ref "$name" "$file"
  if [[ $REF_RC == 124 ]]; then
    fail "the reference run '$PYTHON $rel' itself timed out"
    return 0
  fi

  unset PYTHONUNBUFFERED
  gc_run "$name.buffered" run "$rel"
  assert_files_eq "stdout vs python3" "$REF_OUT" "$GC_OUT"
  assert_eq "exit code vs python3" "$REF_RC" "$GC_RC"
  assert_eq "last line of stderr vs python3" "$(last_line "$REF_ERR")" "$(last_line "$GC_ERR")"
  local plain_out=$GC_OUT plain_rc=$GC_RC plain_err_tail
  plain_err_tail=$(last_line "$GC_ERR")

  export PYTHONUNBUFFERED=1
  gc_run "$name.unbuffered" run "$rel"
  assert_files_eq "stdout with PYTHONUNBUFFERED=1 exported vs unset" "$plain_out" "$GC_OUT"
  assert_eq "exit code with PYTHONUNBUFFERED=1 exported vs unset" "$plain_rc" "$GC_RC"
  assert_eq "last line of stderr with PYTHONUNBUFFERED=1 exported vs unset" "$plain_err_tail" "$(last_line "$GC_ERR")"
}

shopt -s nullglob
fixtures=("$RUN_FIXTURES"/identical/*.py)
if ((${#fixtures[@]} == 0)); then
  fail "no fixtures in $RUN_FIXTURES/identical"
fi
for fixture in "${fixtures[@]}"; do
  run_case "identical: $(basename "$fixture")" check_identical "$fixture"
done
finish
