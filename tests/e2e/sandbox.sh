#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# What a sample can and cannot do in the sandbox: each case runs a hostile or
# careless sample through `check` or `run` and asserts the outcome, that the
# project is byte for byte unchanged, and that nothing is left running.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

# Where the kernel refuses namespaces (some containers), samples run without
# a sandbox and guidecheck says so: nothing here can hold, and this script
# says why it checks nothing rather than failing on every case.
probe=$E2E_TMP/probe.py
echo 'pass' >"$probe"
if "$GUIDECHECK" run "$probe" 2>&1 | grep -q "samples run without a sandbox"; then
  echo "sandbox: not checked, the kernel refuses the sandbox here: $("$GUIDECHECK" run "$probe" 2>&1 | head -n 1)"
  echo "0 passed, 0 failed"
  exit 0
fi

project=$E2E_TMP/project
gc_in_project() { (cd "$project" && "$GUIDECHECK" "$@"); }
# tree_digest DIR: one line per file under DIR (the cache aside), with its checksum.
tree_digest() { (cd "$1" && find . -path ./.guidecheck -prune -o -type f -print0 | sort -z | xargs -0 -r sha1sum); }

# new_project SAMPLE...: snippets/s1.py... from the arguments, and a guide
# and a build file for a sample to aim at.
new_project() {
  rm -rf "$project"
  mkdir -p "$project/snippets" "$project/guide"
  echo "# a guide" >"$project/guide/guide.md"
  echo "project(x)" >"$project/CMakeLists.txt"
  local i=1 source
  for source in "$@"; do
    printf '%s\n' "$source" >"$project/snippets/s$i.py"
    i=$((i + 1))
  done
}

# check_json: `check --format json` in the project; the report in $GC_OUT.
check_json() {
  GC_OUT=$E2E_TMP/check.json
  GC_RC=0
  gc_in_project check --format json "$@" >"$GC_OUT" 2>"$E2E_TMP/check.err" || GC_RC=$?
}
stdout_of() { json_eval "$GC_OUT" "[s for s in r['snippets'] if s['id'] == '$1'][0]['stdout'].rstrip('\\n')"; }

case_a_sample_cannot_write_outside_its_directory() {
  new_project "$(cat <<EOF
import os
for target in ["$project/guide/guide.md", "$project/CMakeLists.txt", "$project/snippets/s1.py",
               "$project/expected/s1.out", os.environ.get("PWD", "/nonexistent") + "/CMakeLists.txt"]:
    try:
        with open(target, "w") as f:
            f.write("overwritten")
        print("wrote", target)
    except OSError as e:
        print("refused:", e.strerror)
with open("mine.txt", "w") as f:
    f.write("ok")
with open("/tmp/scratch.txt", "w") as f:
    f.write("ok")
print(open("mine.txt").read(), open("/tmp/scratch.txt").read())
EOF
)"
  local before
  before=$(tree_digest "$project")
  check_json
  assert_eq "nothing in the project changed" "$before" "$(tree_digest "$project")"
  # Under /tmp (where this test's project lives) a sample sees its own /tmp:
  # the project is not there at all, but for its own directory, read-only.
  local seen
  seen=$(stdout_of s1)
  assert_eq "writing its own snippet" "refused: Read-only file system" "$(sed -n 3p <<<"$seen")"
  assert_eq "its working directory and /tmp" "ok ok" "$(tail -n 1 <<<"$seen")"
  [[ ! -e /tmp/scratch.txt ]] || fail "the sample's /tmp/scratch.txt reached the host's /tmp"
}

# Moving a file to another directory is what file tutorials do: it works
# where the run may write, as under python3 (Landlock denies it by default).
case_files_move_between_directories_it_may_write() {
  new_project "$(cat <<'EOF'
import os, shutil, tempfile
from pathlib import Path
Path("notes.txt").write_text("x")
Path("archive").mkdir()
Path("notes.txt").rename("archive/notes.txt")
with tempfile.TemporaryDirectory() as tmp:
    Path(tmp, "a.txt").write_text("y")
    Path(tmp, "sub").mkdir()
    shutil.move(os.path.join(tmp, "a.txt"), os.path.join(tmp, "sub"))
    os.link(os.path.join(tmp, "sub", "a.txt"), os.path.join(tmp, "b.txt"))
    print(sorted(p.name for p in Path(tmp).rglob("*")), os.listdir("archive"))
EOF
)"
  check_json
  assert_eq "moved and linked" "['a.txt', 'b.txt', 'sub'] ['notes.txt']" "$(stdout_of s1)"
}

case_the_environment_is_an_allowlist() {
  new_project 'import os; print(sorted(k for k in os.environ if k not in ("LANG", "TZ", "TERM") and not k.startswith("LC_")))'
  GITHUB_TOKEN=secret AWS_SECRET_ACCESS_KEY=secret check_json
  assert_eq "variables a sample sees" "['HOME', 'PATH', 'TMPDIR']" "$(stdout_of s1)"
  printf '[s1]\nenv = ["GITHUB_TOKEN", "MODE=test"]\n' >"$project/snippets/guidecheck.toml"
  new_sample='import os; print(os.environ.get("GITHUB_TOKEN"), os.environ.get("MODE"), os.environ.get("AWS_SECRET_ACCESS_KEY"))'
  printf '%s\n' "$new_sample" >"$project/snippets/s1.py"
  GITHUB_TOKEN=secret AWS_SECRET_ACCESS_KEY=secret check_json
  assert_eq "variables a directive passes" "secret test None" "$(stdout_of s1)"
}

case_unsandboxed_runs_see_the_callers_environment() {
  # The zygote preloads with single-threaded native pools and then wears the
  # runs' environment: an unsandboxed run sees the caller's variables as
  # they were, a directive's values, and never the zygote's own settings.
  new_project 'import os; print(os.environ.get("GC_E2E_MINE"), os.environ.get("OMP_NUM_THREADS"), os.environ.get("MODE"))'
  GC_E2E_MINE=mine check_json --no-sandbox
  assert_eq "an unsandboxed sample's variables" "mine None None" "$(stdout_of s1)"
  printf '[s1]\nenv = ["MODE=test"]\n' >"$project/snippets/guidecheck.toml"
  GC_E2E_MINE=mine OMP_NUM_THREADS=3 check_json --no-sandbox
  assert_eq "with a directive and the caller's OMP_NUM_THREADS" "mine 3 test" "$(stdout_of s1)"
}

case_every_run_has_its_own_working_directory() {
  # All runs of a check mount their own tmpfs on one directory: each sees it
  # empty, and what one writes there no other run sees.
  new_project 'import os; print(sorted(os.listdir())); open("left.txt", "w").write("x"); print(os.environ["HOME"] == os.getcwd())' \
    'import os; print(sorted(os.listdir())); open("left.txt", "w").write("x"); print(os.environ["HOME"] == os.getcwd())'
  check_json -j1
  assert_eq "the first run's directory" $'[]\nTrue' "$(stdout_of s1)"
  assert_eq "the second run's directory" $'[]\nTrue' "$(stdout_of s2)"
}

case_no_network_but_its_own_loopback() {
  # A server on the host's loopback: the sample cannot reach it, but it can
  # serve and connect on its own loopback.
  "$PYTHON" -c 'import socket,time,sys; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(60)' >"$E2E_TMP/port" &
  local server=$!
  local waited=0
  while [[ ! -s $E2E_TMP/port && $waited -lt 50 ]]; do sleep 0.1; waited=$((waited + 1)); done
  local port
  port=$(cat "$E2E_TMP/port")
  new_project "$(cat <<EOF
import socket
try:
    socket.create_connection(("127.0.0.1", $port), timeout=2)
    print("reached the host")
except OSError as e:
    print("host unreachable")
own = socket.socket(); own.bind(("127.0.0.1", 0)); own.listen()
socket.create_connection(own.getsockname(), timeout=2)
print("own loopback works")
EOF
)"
  cp "$project/snippets/s1.py" "$project/snippets/s2.py"
  printf '[s2]\nnetwork = true\n' >"$project/snippets/guidecheck.toml"
  check_json
  kill "$server" 2>/dev/null || true
  assert_eq "sandboxed sample" $'host unreachable\nown loopback works' "$(stdout_of s1)"
  if [[ $(id -u) == 0 ]]; then
    assert_eq "network = true" $'reached the host\nown loopback works' "$(stdout_of s2)"
  fi
}

case_writable_directive_opens_one_path() {
  new_project 'open("'"$E2E_TMP"'/out/result.txt", "w").write("42")'
  mkdir -p "$E2E_TMP/out"
  printf '[s1]\nwritable = ["%s"]\n' "$E2E_TMP/out" >"$project/snippets/guidecheck.toml"
  check_json
  assert_eq "file the sample wrote" "42" "$(cat "$E2E_TMP/out/result.txt" 2>/dev/null)"
  printf '[s1]\nwritable = ["%s"]\n' "$E2E_TMP/missing" >"$project/snippets/guidecheck.toml"
  check_json
  assert_eq "exit code for a missing writable path" 2 "$GC_RC"
  assert_contains "message" "guidecheck.toml:1: [s1] writable: '$E2E_TMP/missing' does not exist" "$E2E_TMP/check.err"
}

case_disk_and_processes_are_bounded() {
  new_project "$(cat <<'EOF'
try:
    with open("big.bin", "wb") as f:
        for _ in range(1100):
            f.write(b"x" * (1 << 20))
    print("wrote 1.1 GB")
except OSError as e:
    print("stopped:", e.strerror)
EOF
)"
  check_json
  assert_one_of "a 1.1 GB file" "$(stdout_of s1)" "stopped: File too large" "stopped: No space left on device"

  # A fork bomb stops at the bound, for root too (a pids cgroup per run:
  # root is exempt from RLIMIT_NPROC), and its children die with the run.
  new_project "$(cat <<'EOF'
import os, time
children = []
try:
    for _ in range(3000):
        pid = os.fork()
        if pid == 0:
            time.sleep(60)
            os._exit(0)
        children.append(pid)
except OSError as e:
    print("stopped:", e.strerror)
print("forked", len(children))
EOF
)"
  check_json
  local forked
  forked=$(stdout_of s1 | sed -n 's/^forked //p')
  assert_eq "why the forks stopped" "stopped: Resource temporarily unavailable" "$(stdout_of s1 | head -n 1)"
  if [[ -z $forked ]] || ((forked >= 512)); then fail "forked '$forked' children, not under 512"; fi
}

case_samples_cannot_touch_each_other_or_the_zygote() {
  # s1 writes into every other process's stdout it can find and signals
  # them; s2 prints while it runs beside it; s3 runs after both.
  new_project "$(cat <<'EOF'
import os, signal, time
touched = 0
for pid in os.listdir("/proc"):
    if not pid.isdigit() or int(pid) == os.getpid():
        continue
    try:
        with open(f"/proc/{pid}/fd/1", "w") as f:
            f.write("INJECTED\n")
        touched += 1
    except OSError:
        pass
    try:
        os.kill(int(pid), signal.SIGKILL)
        touched += 1
    except OSError:
        pass
print("touched", touched)
EOF
)" 'import time; time.sleep(1.5); print("s2 untouched")' 'print("s3 runs")'
  check_json -j2
  assert_eq "s1" "touched 0" "$(stdout_of s1)"
  assert_eq "s2" "s2 untouched" "$(stdout_of s2)"
  assert_eq "s3" "s3 runs" "$(stdout_of s3)"
}

case_host_killed_leaves_no_process_and_no_directory() {
  new_project 'import os, subprocess, time
with open("/proc/self/comm", "w") as comm: comm.write("gcsbx" + os.environ["TOKEN"])
subprocess.Popen(["sleep", "300"], start_new_session=True)
print("started", flush=True)
time.sleep(300)'
  mkdir -p "$E2E_TMP/runs"
  local signal
  for signal in KILL TERM HUP; do
    (cd "$project" && TMPDIR=$E2E_TMP/runs TOKEN=$GC_E2E_TOKEN exec "$GUIDECHECK" check --env TOKEN >/dev/null 2>&1) &
    local pid=$!
    local waited=0
    while [[ -z $(marked_pids "gcsbx$GC_E2E_TOKEN") && $waited -lt 100 ]]; do sleep 0.1; waited=$((waited + 1)); done
    kill "-$signal" "$pid"
    local rc=0
    wait "$pid" || rc=$?
    case $signal in
      TERM) assert_eq "exit code after SIGTERM" 143 "$rc" ;;
      HUP) assert_eq "exit code after SIGHUP" 129 "$rc" ;;
    esac
    wait_no_process "gcsbx$GC_E2E_TOKEN"
    # The zygote removes the runs' directories; guidecheck its own scratch
    # directory, unless SIGKILL gave it no chance.
    local left pattern='guidecheck-*'
    [[ $signal == KILL ]] && pattern='guidecheck-run-*'
    waited=0
    while [[ -n $(find "$E2E_TMP/runs" -mindepth 1 -maxdepth 1 -name "$pattern") && $waited -lt 50 ]]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    left=$(find "$E2E_TMP/runs" -mindepth 1 -maxdepth 1 -name "$pattern" -printf '%f ')
    assert_eq "directories left after SIG$signal" "" "$left"
    rm -rf "${E2E_TMP:?}/runs/"*
  done
}

case_an_interrupted_check_reports_not_run() {
  new_project 'import time; time.sleep(5); print(1)' 'import time; time.sleep(5); print(2)' 'print(3)'
  gc_in_project update -q -j2 >/dev/null 2>&1 || true
  (cd "$project" && exec "$GUIDECHECK" check -j2 --format json >"$E2E_TMP/stopped.json" 2>/dev/null) &
  local pid=$!
  sleep 1.5
  kill -TERM "$pid"
  local rc=0
  wait "$pid" || rc=$?
  assert_eq "exit code after SIGTERM" 143 "$rc"
  GC_OUT=$E2E_TMP/stopped.json
  assert_eq "statuses" '["not run", "not run", "not run"]' "$(json_eval "$GC_OUT" "[s['status'] for s in r['snippets']]")"
  assert_eq "summary" "0 0 3" "$(json_eval "$GC_OUT" "' '.join(str(r['summary'][k]) for k in ('passed', 'failed', 'not_run'))")"
  assert_eq "no problem reported" "[]" "$(json_eval "$GC_OUT" "[p for s in r['snippets'] for p in s['problems']]")"
}

# A script right in /tmp (not in a directory of its own): the run sees the
# file, not the host's /tmp, and its own /tmp stays writable.
case_a_script_right_in_tmp_runs() {
  local script
  script=$(mktemp /tmp/gc-e2e-XXXXXX.py)
  printf 'import os\nopen("/tmp/mine.txt", "w").write("x")\nprint(sorted(n for n in os.listdir("/tmp") if n.endswith(".py")) == ["%s"])\n' \
    "$(basename "$script")" >"$script"
  gc_run tmp.script run "$script" --timeout 20
  rm -f "$script"
  assert_eq "exit code" 0 "$GC_RC"
  assert_eq "it sees its own file and no other of the host's /tmp" "True" "$(cat "$GC_OUT")"
  assert_eq "its /tmp is its own" "" "$(ls /tmp/mine.txt 2>/dev/null)"
}

run_case a_script_right_in_tmp_runs case_a_script_right_in_tmp_runs
run_case an_interrupted_check_reports_not_run case_an_interrupted_check_reports_not_run
run_case a_sample_cannot_write_outside_its_directory case_a_sample_cannot_write_outside_its_directory
run_case files_move_between_directories_it_may_write case_files_move_between_directories_it_may_write
run_case the_environment_is_an_allowlist case_the_environment_is_an_allowlist
run_case unsandboxed_runs_see_the_callers_environment case_unsandboxed_runs_see_the_callers_environment
run_case every_run_has_its_own_working_directory case_every_run_has_its_own_working_directory
run_case no_network_but_its_own_loopback case_no_network_but_its_own_loopback
run_case writable_directive_opens_one_path case_writable_directive_opens_one_path
run_case disk_and_processes_are_bounded case_disk_and_processes_are_bounded
run_case samples_cannot_touch_each_other_or_the_zygote case_samples_cannot_touch_each_other_or_the_zygote
run_case host_killed_leaves_no_process_and_no_directory case_host_killed_leaves_no_process_and_no_directory
finish
