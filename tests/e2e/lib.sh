#!/usr/bin/env bash
# shellcheck disable=SC2034,SC2317  # globals are read by the sourcing scripts; cases run via run_case
# Shared helpers for the end-to-end tests of the guidecheck binary.
#
# Source it from a test script:   source "$(dirname "$0")/lib.sh"
# Run it directly to self-test the helpers (it is a library, not a CTest test).
#
# Environment (CTest sets the first three; defaults suit a manual run from a
# checkout built into build/):
#   GUIDECHECK             the binary            (default: build/src/guidecheck)
#   GUIDECHECK_SOURCE_DIR  the source checkout   (default: two levels up)
#   PYTHON                 reference interpreter (default: /usr/bin/python3)
#   E2E_HANG_LIMIT         seconds one guidecheck call may take before the test
#                          calls it hung and kills it (default: 30)
#   E2E_KEEP=1             keep the scratch directory for inspection
#   E2E_ONLY=REGEX         run only the cases whose name matches REGEX
#
# A test script defines one function per case, runs each with run_case, and
# ends with finish. Assertions are soft: fail() records the difference and the
# case goes on, so one run shows every difference; a command that fails
# unexpectedly aborts only its case.
set -euo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=${GUIDECHECK_SOURCE_DIR:-$(cd "$E2E_DIR/../.." && pwd)}
GUIDECHECK=${GUIDECHECK:-$SOURCE_DIR/build/src/guidecheck}
PYTHON=${PYTHON:-/usr/bin/python3}
RUN_FIXTURES=$SOURCE_DIR/tests/fixtures/run
E2E_HANG_LIMIT=${E2E_HANG_LIMIT:-30}
E2E_SCRIPT=$(basename "$0" .sh)

# Hostile fixtures name their processes "gc<tag>$GC_E2E_TOKEN". A token per
# script run keeps leftovers of another run (or another checkout) from being
# mistaken for ours, and lets us kill exactly what this run started.
GC_E2E_TOKEN=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
export GC_E2E_TOKEN

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/guidecheck-e2e.XXXXXX")
E2E_FAILURES=$E2E_TMP/failures
: >"$E2E_FAILURES"
E2E_PASSED=()
E2E_FAILED=()
E2E_CASE=

e2e_cleanup() {
  if [[ ${E2E_KEEP:-0} == 1 ]]; then
    echo "scratch directory kept: $E2E_TMP" >&2
  else
    rm -rf "$E2E_TMP"
  fi
}
trap e2e_cleanup EXIT

# require_guidecheck: stop the script unless the binary exists.
require_guidecheck() {
  if [[ ! -x $GUIDECHECK ]]; then
    echo "$E2E_SCRIPT: guidecheck binary not found at '$GUIDECHECK' (build it, or set GUIDECHECK)" >&2
    exit 1
  fi
  if [[ ! -x $PYTHON ]]; then
    echo "$E2E_SCRIPT: reference python '$PYTHON' not found (set PYTHON)" >&2
    exit 1
  fi
}

# fail MESSAGE...: record a failed assertion in the current case.
fail() {
  printf 'FAIL [%s] %s\n' "${E2E_CASE:-setup}" "$*" >&2
  printf '%s: %s\n' "${E2E_CASE:-setup}" "$*" >>"$E2E_FAILURES"
}

# note MESSAGE...: informational line in the log.
note() {
  printf '  [%s] %s\n' "${E2E_CASE:-setup}" "$*" >&2
}

# run_case NAME COMMAND [ARGS...]: run one case in a subshell with errexit on.
# The case passes when it records no failure and does not abort.
run_case() {
  local name=$1
  shift
  local before after rc
  if [[ -n ${E2E_ONLY:-} && ! $name =~ $E2E_ONLY ]]; then
    return 0
  fi
  before=$(wc -l <"$E2E_FAILURES")
  printf -- '--- %s\n' "$name" >&2
  # Not `( ... ) || rc=$?`: errexit is ignored inside a `||` list.
  set +e
  (
    set -e
    E2E_CASE=$name
    "$@"
  )
  rc=$?
  set -e
  if ((rc != 0)); then
    E2E_CASE=$name fail "case aborted: a command failed with exit status $rc (see above)"
  fi
  after=$(wc -l <"$E2E_FAILURES")
  if ((after == before)); then
    E2E_PASSED+=("$name")
    printf 'ok   %s\n' "$name" >&2
  else
    E2E_FAILED+=("$name")
    printf 'FAILED %s\n' "$name" >&2
  fi
}

# finish: print the summary and exit 0 only if every case passed. The last
# line has the project's summary shape "N passed, N failed".
finish() {
  echo
  echo "== $E2E_SCRIPT =="
  if ((${#E2E_FAILED[@]} > 0)); then
    echo "failed cases:"
    printf '  %s\n' "${E2E_FAILED[@]}"
    echo "failed assertions:"
    sed 's/^/  /' "$E2E_FAILURES"
  fi
  echo "${#E2E_PASSED[@]} passed, ${#E2E_FAILED[@]} failed"
  if ((${#E2E_FAILED[@]} > 0)); then
    exit 1
  fi
  exit 0
}

# assert_eq DESCRIPTION EXPECTED ACTUAL: string equality, with a diff when the
# values span several lines.
assert_eq() {
  local desc=$1 expected=$2 actual=$3
  [[ $expected == "$actual" ]] && return 0
  if [[ $expected == *$'\n'* || $actual == *$'\n'* ]]; then
    fail "$desc: values differ (diff expected -> actual):"
    diff -u --label expected --label actual <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") |
      head -n 60 | sed 's/^/    /' >&2 || true
  else
    fail "$desc: expected '$expected', got '$actual'"
  fi
  return 0
}

# assert_files_eq DESCRIPTION EXPECTED_FILE ACTUAL_FILE: byte equality, with a
# unified diff (bytes made visible) when they differ.
assert_files_eq() {
  local desc=$1 expected=$2 actual=$3
  cmp -s "$expected" "$actual" && return 0
  fail "$desc: files differ (diff expected -> actual, non-printing bytes shown by cat -A):"
  diff -u --label expected --label actual <(cat -A "$expected") <(cat -A "$actual") |
    head -n 60 | sed 's/^/    /' >&2 || true
  return 0
}

# assert_contains DESCRIPTION NEEDLE FILE: FILE contains the fixed string NEEDLE.
assert_contains() {
  local desc=$1 needle=$2 file=$3
  grep -qF -- "$needle" "$file" && return 0
  fail "$desc: '$needle' not found in $(basename "$file"); it starts with:"
  head -c 600 "$file" | cat -A | sed 's/^/    /' >&2 || true
  return 0
}

# text_contains DESCRIPTION NEEDLE TEXT: TEXT contains the fixed string NEEDLE.
text_contains() {
  [[ $3 == *"$2"* ]] && return 0
  fail "$1: '$2' not found in: ${3:0:2000}"
}

# assert_one_of DESCRIPTION ACTUAL ALLOWED...: ACTUAL is one of ALLOWED.
assert_one_of() {
  local desc=$1 actual=$2
  shift 2
  local allowed
  for allowed in "$@"; do
    [[ $actual == "$allowed" ]] && return 0
  done
  fail "$desc: got '$actual', expected one of: $*"
  return 0
}

# last_line FILE: the last non-empty line of FILE (empty if none).
last_line() {
  grep -v '^[[:space:]]*$' "$1" | tail -n 1 || true
}

# All JSON access goes through Python's json module: strict UTF-8, exactly one
# document, strings written back as the bytes they escape. Text a sample
# printed comes with the exact bytes as "<key>_base64" when the text had to
# replace invalid UTF-8 with U+FFFD; raw(obj, key) returns those bytes.
E2E_JSON_PY='
import base64, binascii, json, sys

def load(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"{path}: output is not valid UTF-8: {e}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        sys.exit(f"{path}: output is not exactly one JSON document: {e}; it starts with {text[:300]!r}")

def emit(value):
    if isinstance(value, str):
        try:
            data = value.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = value.encode("utf-8", "backslashreplace")
    elif value is None:
        data = b"null"
    elif isinstance(value, bool):
        data = b"true" if value else b"false"
    elif isinstance(value, (int, float)):
        data = str(value).encode()
    else:
        data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    sys.stdout.buffer.write(data)

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)

def raw(obj, key):
    if obj.get(key + "_base64") is not None:
        return base64.b64decode(obj[key + "_base64"], validate=True)
    return obj[key].encode("utf-8")

def check_output(obj, key, where):
    """The text form is the bytes decoded with errors="replace" (maximal
    subparts, one U+FFFD each); "<key>_base64" is there exactly when that
    replaced something."""
    if key + "_base64" not in obj:
        return []
    encoded = obj[key + "_base64"]
    if not isinstance(encoded, str):
        return [f"{where}{key}_base64 = {encoded!r} is not a string"]
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as e:
        return [f"{where}{key}_base64 is not standard base64: {e}"]
    if base64.b64encode(data).decode() != encoded:
        return [f"{where}{key}_base64 is not canonical padded base64: {encoded!r}"]
    problems = []
    try:
        data.decode("utf-8")
        problems.append(f"{where}{key}_base64 is present though the bytes are valid UTF-8")
    except UnicodeDecodeError:
        pass
    if data.decode("utf-8", "replace") != obj.get(key):
        problems.append(f"{where}{key} = {obj.get(key)!r} is not its bytes {data!r} decoded with U+FFFD replacement")
    return problems

def check(r):
    if not isinstance(r, dict):
        return [f"top level is {type(r).__name__}, not an object"]
    problems = []
    def need(key, ok, what):
        if key not in r:
            problems.append(f"missing key {key!r}")
        elif not ok(r[key]):
            problems.append(f"{key} = {r[key]!r} is not {what}")
    need("status", lambda v: v in ("ok", "error", "timeout", "crashed"), "ok|error|timeout|crashed")
    need("exit_code", lambda v: v is None or is_int(v), "int|null")
    need("signal", lambda v: v is None or is_int(v), "int|null")
    need("stdout", lambda v: isinstance(v, str), "a string")
    need("stderr", lambda v: isinstance(v, str), "a string")
    need("stdout_truncated", lambda v: isinstance(v, bool), "a bool")
    need("duration_s", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
         "a non-negative number")
    need("statements", lambda v: isinstance(v, list), "a list")
    for i, s in enumerate(r.get("statements") or []):
        if not (isinstance(s, dict) and is_int(s.get("line")) and is_int(s.get("end_line"))
                and isinstance(s.get("stdout"), str) and 1 <= s["line"] <= s["end_line"]):
            problems.append(f"statements[{i}] = {s!r} is not {{line, end_line >= line, stdout}}")
    if problems:
        return problems
    problems += check_output(r, "stdout", "")
    problems += check_output(r, "stderr", "")
    for i, s in enumerate(r["statements"]):
        problems += check_output(s, "stdout", f"statements[{i}].")
    if problems:
        return problems
    if r["status"] == "ok" and (r["exit_code"] != 0 or r["signal"] is not None):
        problems.append("status ok with exit_code %r and signal %r" % (r["exit_code"], r["signal"]))
    if r["status"] == "crashed" and r["signal"] is None:
        problems.append("status crashed without a signal")
    return problems

cmd, path = sys.argv[1], sys.argv[2]
r = load(path)
if cmd == "field":
    if not isinstance(r, dict) or sys.argv[3] not in r:
        sys.exit(f"{path}: no key {sys.argv[3]!r} in the JSON output")
    emit(r[sys.argv[3]])
elif cmd == "bytes":
    if not isinstance(r, dict) or sys.argv[3] not in r:
        sys.exit(f"{path}: no key {sys.argv[3]!r} in the JSON output")
    sys.stdout.buffer.write(raw(r, sys.argv[3]))
elif cmd == "eval":
    value = eval(sys.argv[3], {"r": r, "json": json, "raw": raw})
    if isinstance(value, bytes):
        sys.stdout.buffer.write(value)
    else:
        emit(value)
elif cmd == "check":
    problems = check(r)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)
else:
    sys.exit(f"unknown command {cmd!r}")
'

# json_field FILE KEY: print a top-level value of the JSON document in FILE
# (strings raw, true/false, null, numbers; lists and objects as JSON).
json_field() {
  "$PYTHON" -c "$E2E_JSON_PY" field "$1" "$2"
}

# json_field_to_file FILE KEY OUT: write a string value as UTF-8 to OUT (the
# text form: bytes that were not UTF-8 are U+FFFD there; see json_bytes_to_file).
json_field_to_file() {
  "$PYTHON" -c "$E2E_JSON_PY" field "$1" "$2" >"$3"
}

# json_bytes_to_file FILE KEY OUT: write the exact bytes of a top-level output
# field to OUT: KEY_base64 decoded when present, else KEY as UTF-8.
json_bytes_to_file() {
  "$PYTHON" -c "$E2E_JSON_PY" bytes "$1" "$2" >"$3"
}

# json_eval FILE EXPRESSION: evaluate a Python expression over the document,
# bound to `r`, and print the result like json_field (bytes as they are;
# raw(obj, key) gives an output field's exact bytes).
json_eval() {
  "$PYTHON" -c "$E2E_JSON_PY" eval "$1" "$2"
}

# assert_run_json FILE: FILE holds exactly one JSON object of the `run
# --format json` shape. Returns non-zero (aborting the case) when it does not,
# since no later assertion on it would mean anything.
assert_run_json() {
  local problems
  if ! problems=$("$PYTHON" -c "$E2E_JSON_PY" check "$1" 2>&1); then
    fail "invalid run report in $(basename "$1"):"
    printf '%s\n' "$problems" | sed 's/^/    /' >&2
    return 1
  fi
}

# gc_run NAME ARGS...: run "$GUIDECHECK" ARGS with stdin from /dev/null.
# Sets GC_OUT, GC_ERR (files) and GC_RC. With GC_MEASURE=1 also sets GC_RSS_KB,
# the peak resident set of guidecheck and its reaped children (empty when
# /usr/bin/time is missing). A call that outlives E2E_HANG_LIMIT is a failure
# and aborts the case.
gc_run() {
  local name=$1
  shift
  GC_OUT=$E2E_TMP/$name.out
  GC_ERR=$E2E_TMP/$name.err
  GC_RC=0
  GC_RSS_KB=
  local -a wrap=(timeout --verbose -k 5 "$E2E_HANG_LIMIT")
  local rss_file=$E2E_TMP/$name.rss
  if [[ ${GC_MEASURE:-0} == 1 && -x /usr/bin/time ]]; then
    wrap=(/usr/bin/time -f %M -o "$rss_file" "${wrap[@]}")
  fi
  "${wrap[@]}" "$GUIDECHECK" "$@" </dev/null >"$GC_OUT" 2>"$GC_ERR" || GC_RC=$?
  if [[ -s $rss_file ]]; then
    GC_RSS_KB=$(tail -n 1 "$rss_file")
  fi
  if grep -q '^timeout: sending signal' "$GC_ERR"; then
    fail "'guidecheck $*' still running after ${E2E_HANG_LIMIT}s; killed it"
    return 1
  fi
}

# python_ref NAME FILE [STDIN_FILE]: run FILE (an absolute path) the way a user
# would, `$PYTHON FILE` in a fresh empty directory, stdout on a pipe, stdin
# from /dev/null, PYTHONUNBUFFERED unset. Sets REF_OUT, REF_ERR and REF_RC.
python_ref() {
  local name=$1 file=$2 stdin=${3:-/dev/null}
  local cwd rc_file=$E2E_TMP/$name.ref.rc
  cwd=$(mktemp -d "$E2E_TMP/ref-cwd.XXXXXX")
  REF_OUT=$E2E_TMP/$name.ref.out
  REF_ERR=$E2E_TMP/$name.ref.err
  (
    cd "$cwd"
    {
      rc=0
      env -u PYTHONUNBUFFERED timeout -k 5 "$E2E_HANG_LIMIT" "$PYTHON" "$file" <"$stdin" 2>"$REF_ERR" || rc=$?
      echo "$rc" >"$rc_file"
    } | cat >"$REF_OUT"
  )
  REF_RC=$(<"$rc_file")
  rm -rf "$cwd"
}

# marked_pids MARKER: live processes (zombies excluded) whose command line or
# name (comm, first 15 characters) contains MARKER.
marked_pids() {
  local marker=$1 pid state
  for pid in $( { pgrep -f -- "$marker" || true; pgrep -- "${marker:0:15}" || true; } | sort -u); do
    state=$(ps -o stat= -p "$pid" 2>/dev/null) || continue
    [[ $state == Z* ]] && continue
    echo "$pid"
  done
}

# wait_no_process MARKER: within 2 s (polling) no process carrying MARKER is
# left. Otherwise record a failure, show the survivors and kill them (they carry
# this run's token, so this run started them).
wait_no_process() {
  local marker=$1 pids i
  for ((i = 0; i < 20; i++)); do
    pids=$(marked_pids "$marker")
    [[ -z $pids ]] && return 0
    sleep 0.1
  done
  fail "$(wc -w <<<"$pids") process(es) marked '$marker' still running 2 s after guidecheck returned:"
  ps -o pid,ppid,pgid,sid,stat,etime,comm,args -p "$(tr -s ' \n' ',' <<<"$pids" | sed 's/,$//')" \
    2>&1 | cut -c 1-220 | sed 's/^/    /' >&2 || true
  # shellcheck disable=SC2086  # one pid per word
  kill -KILL $pids 2>/dev/null || true
  return 0
}

# tree_digest DIR: every entry under DIR (the cache too) with its type, mode,
# inode and mtime, then every file's checksum: a rewrite, a new file or a
# temporary file created and removed again all change it.
tree_digest() {
  (cd "$1" && find . -printf '%y %m %i %T@ %p\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha1sum)
}

# env_marked_pids MARK: live processes whose environment holds
# GC_E2E_RUN=MARK: guidecheck, its zygote and the samples forked from it.
env_marked_pids() {
  local entry pid state
  for entry in /proc/[0-9]*; do
    pid=${entry#/proc/}
    { tr '\0' '\n' <"$entry/environ" | grep -qxF "GC_E2E_RUN=$1"; } 2>/dev/null || continue
    state=$(ps -o stat= -p "$pid" 2>/dev/null) || continue
    [[ $state == Z* ]] || echo "$pid"
  done
}

# wait_nothing_left MARK: within 3 s no process carries MARK in its
# environment; otherwise a failure, and the survivors are killed.
wait_nothing_left() {
  local pids i
  for ((i = 0; i < 30; i++)); do
    pids=$(env_marked_pids "$1")
    [[ -z $pids ]] && return 0
    sleep 0.1
  done
  fail "process(es) left running 3 s after guidecheck returned: $(ps -o pid=,args= -p "$(tr -s ' \n' ',' <<<"$pids" | sed 's/,$//')" 2>&1 | cut -c 1-200 | tr '\n' ';')"
  # shellcheck disable=SC2086  # one pid per word
  kill -KILL $pids 2>/dev/null || true
}

# expect_refused NAME NEEDLE ARGS...: `guidecheck ARGS`, run in $project,
# exits 2, prints nothing on stdout and exactly one line of under 200
# characters on stderr that contains NEEDLE, changes nothing in the project
# and leaves nothing running. $GC_ERR holds the message afterwards.
expect_refused() {
  local name=$1 needle=$2
  shift 2
  local before run_mark="$GC_E2E_TOKEN.$BASHPID.$RANDOM"
  before=$(tree_digest "$project")
  cd "$project"
  GC_E2E_RUN=$run_mark gc_run "$name" "$@"
  cd - >/dev/null
  assert_eq "exit code of 'guidecheck $*'" 2 "$GC_RC"
  local lines chars
  lines=$(grep -c '' "$GC_ERR" || true)
  chars=$(wc -c <"$GC_ERR")
  if [[ $lines != 1 ]]; then
    fail "stderr of 'guidecheck $*' has $lines lines, not one: $(cat -A "$GC_ERR" | head -n 5 | tr '\n' ' ')"
  fi
  ((chars < 200)) || fail "stderr of 'guidecheck $*' is $chars characters long, not under 200"
  assert_contains "the message of 'guidecheck $*' names it" "$needle" "$GC_ERR"
  assert_eq "stdout of 'guidecheck $*'" "" "$(cat "$GC_OUT")"
  assert_eq "the project after 'guidecheck $*'" "$before" "$(tree_digest "$project")"
  wait_nothing_left "$run_mark"
}

# template_project GUIDE_TEXT: a project whose guide g.txt holds GUIDE_TEXT,
# extracted and updated once, in $E2E_TMP/template; fresh_project copies it
# to $project for each case.
template_project() {
  template=$E2E_TMP/template
  project=$E2E_TMP/project
  mkdir -p "$template"
  printf '%s' "$1" >"$template/g.txt"
  (cd "$template" && "$GUIDECHECK" -q extract g.txt && "$GUIDECHECK" -q update) </dev/null >/dev/null 2>&1 || {
    echo "$E2E_SCRIPT: could not set up the project (extract/update of g.txt failed)" >&2
    exit 1
  }
}
fresh_project() {
  rm -rf "$project"
  cp -a "$template" "$project"
}

# mark NAME: the marker a hostile fixture derives from its tag.
mark() {
  echo "gc$1$GC_E2E_TOKEN"
}

# ---------------------------------------------------------------------------
# Self-test, when run directly: the helpers must detect what they claim to.
e2e_selftest_assertions() {
  local before after
  before=$(wc -l <"$E2E_FAILURES")
  assert_eq "same" "a" "a"
  assert_one_of "member" "b" a b c
  after=$(wc -l <"$E2E_FAILURES")
  if ((after != before)); then
    echo "matching values were reported as failures" >&2
    return 1
  fi
  # The mismatches below must each be recorded; they run in a nested case so
  # their failures do not count against this one.
  E2E_FAILURES=$E2E_TMP/nested-failures
  : >"$E2E_FAILURES"
  assert_eq "differs" "a" "b" 2>/dev/null
  assert_eq "multi-line" $'x\ny' $'x\nz' 2>/dev/null
  printf 'one\n' >"$E2E_TMP/f1"
  printf 'one\xff\n' >"$E2E_TMP/f2"
  assert_files_eq "files" "$E2E_TMP/f1" "$E2E_TMP/f2" 2>/dev/null
  assert_contains "needle" "absent" "$E2E_TMP/f1" 2>/dev/null
  assert_one_of "member" "d" a b c 2>/dev/null
  local recorded
  recorded=$(wc -l <"$E2E_FAILURES")
  if ((recorded != 5)); then
    echo "expected 5 recorded failures from mismatching assertions, got $recorded" >&2
    return 1
  fi
}

e2e_selftest_json() {
  local doc=$E2E_TMP/doc.json
  printf '%s' '{"status": "ok", "exit_code": 0, "signal": null, "stdout": "a\nb \udcff\n",
    "stderr": "", "stdout_truncated": false, "duration_s": 0.01,
    "statements": [{"line": 1, "end_line": 2, "stdout": "a\n"}]}' >"$doc"
  assert_run_json "$doc"
  assert_eq "string field" "a" "$(json_field "$doc" stdout | head -n 1)"
  assert_eq "null field" "null" "$(json_field "$doc" signal)"
  assert_eq "bool field" "false" "$(json_field "$doc" stdout_truncated)"
  assert_eq "eval" "1-2" "$(json_eval "$doc" '"%d-%d" % (r["statements"][0]["line"], r["statements"][0]["end_line"])')"
  json_field_to_file "$doc" stdout "$E2E_TMP/bytes"
  printf 'a\nb \xff\n' >"$E2E_TMP/bytes.expected"
  assert_files_eq "surrogate escapes become bytes" "$E2E_TMP/bytes.expected" "$E2E_TMP/bytes"
  # Replaced bytes come back from their base64, also through raw() in json_eval.
  printf '%s' '{"status": "ok", "exit_code": 0, "signal": null, "stdout": "a\ufffd\ufffdb\n",
    "stdout_base64": "Yf/+Ygo=", "stderr": "", "stdout_truncated": false, "duration_s": 0.01,
    "statements": [{"line": 1, "end_line": 1, "stdout": "\ufffd", "stdout_base64": "4oI="}]}' >"$doc"
  assert_run_json "$doc"
  json_bytes_to_file "$doc" stdout "$E2E_TMP/replaced"
  printf 'a\xff\xfeb\n' >"$E2E_TMP/replaced.expected"
  assert_files_eq "base64 becomes the exact bytes" "$E2E_TMP/replaced.expected" "$E2E_TMP/replaced"
  json_eval "$doc" 'raw(r["statements"][0], "stdout")' >"$E2E_TMP/statement"
  printf '\xe2\x82' >"$E2E_TMP/statement.expected"
  assert_files_eq "raw() in json_eval" "$E2E_TMP/statement.expected" "$E2E_TMP/statement"
  json_bytes_to_file "$E2E_TMP/doc.json" stderr "$E2E_TMP/empty"
  assert_eq "without base64, the text is the bytes" "" "$(cat "$E2E_TMP/empty")"
  # Two documents, a bad type, invalid UTF-8, base64 that disagrees with the
  # text or stands beside valid UTF-8: all rejected.
  printf '{}{}' >"$E2E_TMP/two.json"
  printf '{"status": "fine"}' >"$E2E_TMP/bad.json"
  printf '{"stdout": "\xff"}' >"$E2E_TMP/raw.json"
  sed 's/"stdout_base64": "Yf\/+Ygo="/"stdout_base64": "Yf8K"/' "$doc" >"$E2E_TMP/disagrees.json"
  sed 's/"stdout_base64": "4oI="/"stdout_base64": "4oKs"/' "$doc" >"$E2E_TMP/needless.json"
  local f
  for f in two bad raw disagrees needless; do
    if "$PYTHON" -c "$E2E_JSON_PY" check "$E2E_TMP/$f.json" >/dev/null 2>&1; then
      fail "$f.json was accepted as a run report"
    fi
  done
}

e2e_selftest_processes() {
  local marker
  marker=$(mark selftest)
  # A marked sleeper outliving the grace period must be reported and killed.
  "$PYTHON" -c 'import time; time.sleep(30)' "$marker" </dev/null >/dev/null 2>&1 &
  local sleeper=$!
  sleep 0.2
  E2E_FAILURES=$E2E_TMP/process-failures
  : >"$E2E_FAILURES"
  wait_no_process "$marker" 2>/dev/null
  if [[ ! -s $E2E_FAILURES ]]; then
    echo "wait_no_process missed a live marked process" >&2
    kill -KILL "$sleeper" 2>/dev/null || true
    return 1
  fi
  wait "$sleeper" 2>/dev/null || true
  : >"$E2E_FAILURES"
  wait_no_process "$marker"
  if [[ -s $E2E_FAILURES ]]; then
    echo "wait_no_process did not kill the process it reported" >&2
    return 1
  fi
}

e2e_selftest_abort() {
  # A nested case whose command fails must be counted as failed, not passed.
  E2E_FAILURES=$E2E_TMP/abort-failures
  : >"$E2E_FAILURES"
  E2E_FAILED=()
  run_case aborting false 2>/dev/null
  if ((${#E2E_FAILED[@]} != 1)) || [[ ! -s $E2E_FAILURES ]]; then
    echo "an aborting case was not counted as failed" >&2
    return 1
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  run_case "assertions detect differences" e2e_selftest_assertions
  run_case "json helpers are strict" e2e_selftest_json
  run_case "leftover processes are found and killed" e2e_selftest_processes
  run_case "an aborting case counts as failed" e2e_selftest_abort
  finish
fi
