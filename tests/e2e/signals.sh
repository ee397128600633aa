#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# guidecheck's own exit code when a signal stops it (SIGINT 130, SIGTERM 143,
# SIGHUP 129, SIGQUIT 131, as a shell reports them), and what it leaves
# behind: no process (host, zygote, sample, the sample's child) and no
# guidecheck-* scratch directory in TMPDIR. A CI job or a script that wraps
# guidecheck reads these codes; a leftover sample keeps running unseen. Also:
# a --stdin FIFO that no one writes to must not hang guidecheck.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

# slow.py MARK: names itself MARK (comm), starts a child carrying MARK on its
# command line, says so and sleeps.
slow=$E2E_TMP/slow.py
cat >"$slow" <<'EOF'
import subprocess, sys, time
with open("/proc/self/comm", "w") as comm:
    comm.write(sys.argv[1])
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", sys.argv[1]])
print("started", sys.argv[1], flush=True)
time.sleep(60)
EOF
reader=$E2E_TMP/read_stdin.py
printf 'import sys\nprint(sys.stdin.read())\n' >"$reader"

# launch MARK ARGS...: start guidecheck ARGS in the background, directly (so
# GC_PID is guidecheck's own pid), with a fresh TMPDIR ($GC_TMPDIR) and MARK
# in its environment. stdout and stderr go to $E2E_TMP/MARK.{out,err}.
launch() {
  local mark=$1
  shift
  GC_TMPDIR=$E2E_TMP/tmp.$mark
  mkdir -p "$GC_TMPDIR"
  GC_OUT=$E2E_TMP/$mark.out
  GC_ERR=$E2E_TMP/$mark.err
  TMPDIR=$GC_TMPDIR GC_E2E_RUN=$mark "$GUIDECHECK" "$@" </dev/null >"$GC_OUT" 2>"$GC_ERR" 9>&- &
  GC_PID=$!
}

# wait_for_sample MARK: up to 10 s for the sample named MARK to be running.
wait_for_sample() {
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -n $(marked_pids "$1") ]] && return 0
    sleep 0.1
  done
  fail "the sample '$1' did not start within 10 s; signalling guidecheck anyway"
}

# signal_and_wait SIG: send SIG to $GC_PID and reap it; GC_RC is its exit
# code. A guidecheck still running after E2E_HANG_LIMIT is killed and fails
# the case.
signal_and_wait() {
  kill "-$1" "$GC_PID" 2>/dev/null || note "guidecheck had already exited before SIG$1"
  local i
  for ((i = 0; i < E2E_HANG_LIMIT * 10; i++)); do
    kill -0 "$GC_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$GC_PID" 2>/dev/null; then
    fail "guidecheck still running ${E2E_HANG_LIMIT}s after SIG$1; killed it"
    kill -KILL "$GC_PID" 2>/dev/null || true
  fi
  GC_RC=0
  wait "$GC_PID" || GC_RC=$?
}

# assert_nothing_left MARK: within 3 s no process carries MARK (command line,
# name or environment) and no guidecheck-* directory is left in $GC_TMPDIR.
assert_nothing_left() {
  local mark=$1 pids left i
  for ((i = 0; i < 30; i++)); do
    pids=$( { marked_pids "$mark"; env_marked_pids "$mark"; } | sort -u)
    left=$(find "$GC_TMPDIR" -mindepth 1 -maxdepth 1 -name 'guidecheck-*' -printf '%f ')
    [[ -z $pids && -z $left ]] && return 0
    sleep 0.1
  done
  if [[ -n $pids ]]; then
    fail "process(es) marked '$mark' still running 3 s after guidecheck returned: $(ps -o pid=,stat=,args= -p "$(tr -s ' \n' ',' <<<"$pids" | sed 's/,$//')" 2>&1 | cut -c 1-160 | tr '\n' ';')"
    # shellcheck disable=SC2086  # one pid per word
    kill -KILL $pids 2>/dev/null || true
  fi
  assert_eq "scratch directories left in TMPDIR" "" "$left"
}

# case_run_signal SIG CODE: `run slow.py`, SIG once the sample runs: CODE.
case_run_signal() {
  local sig=$1 code=$2 mark
  mark=gcsig$sig$GC_E2E_TOKEN
  launch "$mark" run "$slow" -- "$mark"
  wait_for_sample "$mark"
  signal_and_wait "$sig"
  assert_eq "exit code of run after SIG$sig" "$code" "$GC_RC"
  assert_nothing_left "$mark"
}

case_run_json_interrupted() {
  local mark=gcjson$GC_E2E_TOKEN
  launch "$mark" run --format json "$slow" -- "$mark"
  wait_for_sample "$mark"
  signal_and_wait INT
  assert_eq "exit code of run --format json after SIGINT" 130 "$GC_RC"
  if [[ -s $GC_OUT ]] && ! "$PYTHON" -m json.tool "$GC_OUT" >/dev/null 2>"$E2E_TMP/json.problem"; then
    fail "stdout of the interrupted run --format json is not valid JSON: $(head -c 300 "$E2E_TMP/json.problem")"
  fi
  note "stdout: $(wc -c <"$GC_OUT") bytes, status: $(json_field "$GC_OUT" status 2>/dev/null || echo '?')"
  assert_nothing_left "$mark"
}

case_check_interrupted() {
  local mark=gcchk$GC_E2E_TOKEN project=$E2E_TMP/project
  mkdir -p "$project"
  cat >"$project/g.txt" <<EOF
Guide
1. Slow
import time
with open("/proc/self/comm", "w") as comm: comm.write("$mark")
time.sleep(60)
print(1) # 1
EOF
  cd "$project"
  launch "$mark" check g.txt --color never
  wait_for_sample "$mark"
  signal_and_wait INT
  assert_eq "exit code of check after SIGINT" 130 "$GC_RC"
  if ! grep -qiE 'not run|interrupted' "$GC_OUT"; then
    fail "the report says neither 'not run' nor 'interrupted': $(head -c 600 "$GC_OUT" | tr '\n' ';')"
  fi
  assert_eq "the report's last line" "0 passed, 0 failed, 1 not run (interrupted)" "$(last_line "$GC_OUT")"
  assert_nothing_left "$mark"
}

# A FIFO no one opens for writing: a plain open() of it blocks for ever.
# Opened without blocking, it reads as an empty stdin, at once.
case_fifo_nobody_writes_returns() {
  local mark=gcfifo$GC_E2E_TOKEN fifo=$E2E_TMP/nobody.fifo
  mkfifo "$fifo"
  GC_TMPDIR=$E2E_TMP/tmp.$mark
  mkdir -p "$GC_TMPDIR"
  TMPDIR=$GC_TMPDIR GC_E2E_RUN=$mark gc_run fifo.nobody run --stdin "$fifo" --timeout 2 "$reader"
  assert_eq "exit code (stdin read as empty)" 0 "$GC_RC"
  assert_eq "what the sample read" "" "$(cat "$GC_OUT")"
  assert_nothing_left "$mark"
}

# A FIFO whose writer (this shell, fd 9) never writes: the sample's read
# blocks, so the timeout, or SIGINT, must end it.
case_fifo_silent_writer() {
  local mark=gcfifow$GC_E2E_TOKEN fifo=$E2E_TMP/silent.fifo
  mkfifo "$fifo"
  exec 9<>"$fifo"
  GC_TMPDIR=$E2E_TMP/tmp.$mark
  mkdir -p "$GC_TMPDIR"
  TMPDIR=$GC_TMPDIR GC_E2E_RUN=$mark gc_run fifo.silent run --stdin "$fifo" --timeout 2 "$reader" 9>&-
  assert_eq "exit code of run --stdin FIFO --timeout 2 (a timeout, like timeout(1))" 124 "$GC_RC"
  assert_nothing_left "$mark"

  launch "$mark.int" run --stdin "$fifo" "$reader"
  sleep 1
  signal_and_wait INT
  assert_eq "exit code after SIGINT while the sample reads the FIFO" 130 "$GC_RC"
  assert_nothing_left "$mark.int"
  exec 9>&-
}

run_case "run, SIGINT: 130" case_run_signal INT 130
run_case "run, SIGTERM: 143" case_run_signal TERM 143
run_case "run, SIGHUP: 129" case_run_signal HUP 129
run_case "run, SIGQUIT: 131" case_run_signal QUIT 131
run_case "run --format json, SIGINT: 130 and valid JSON" case_run_json_interrupted
run_case "check, SIGINT: 130 and the sample is 'not run'" case_check_interrupted
run_case "run --stdin FIFO no one writes to: empty stdin, at once" case_fifo_nobody_writes_returns
run_case "run --stdin FIFO with a silent writer: timeout 124, SIGINT 130" case_fifo_silent_writer
finish
