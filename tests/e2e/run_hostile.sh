#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# Snippets that would hang, hide processes or flood the host. Each case asserts
# the outcome in the `--format json` report (or the text-format exit code) and
# that no process the snippet started is still running shortly after
# guidecheck has returned: the hostile fixtures name their processes
# "gc<tag>$GC_E2E_TOKEN" (comm or command line) and wait_no_process polls for
# them for up to 2 s.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

HOSTILE=$RUN_FIXTURES/hostile

case_environment_is_an_allowlist() {
  # A sample sees PATH, HOME, LANG... but no other variable of the caller,
  # unless --env names it (the fixtures below read GC_E2E_TOKEN that way).
  local probe=$E2E_TMP/env_probe.py
  printf 'import os\nprint(os.environ.get("GC_E2E_TOKEN"), "PATH" in os.environ, os.environ["HOME"] == os.getcwd())\n' >"$probe"
  gc_run env_probe run "$probe" --format json
  assert_run_json "$GC_OUT"
  assert_eq "GC_E2E_TOKEN hidden from the snippet" "None True True" "$(json_field "$GC_OUT" stdout)"
  gc_run env_probe_passed run --env GC_E2E_TOKEN "$probe" --format json
  assert_eq "GC_E2E_TOKEN passed by --env" "$GC_E2E_TOKEN True True" "$(json_field "$GC_OUT" stdout)"
  gc_run env_probe_set run --env GC_E2E_TOKEN=given "$probe" --format json
  assert_eq "GC_E2E_TOKEN set by --env" "given True True" "$(json_field "$GC_OUT" stdout)"
}

case_infinite_loop_json() {
  gc_run loop.json run --env GC_E2E_TOKEN "$HOSTILE/infinite_loop.py" --format json --timeout 2
  assert_run_json "$GC_OUT"
  assert_eq "status" "timeout" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "null" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "output flushed before the deadline is kept" "spinning" "$(json_field "$GC_OUT" stdout)"
  wait_no_process "$(mark loop)"
}

case_infinite_loop_text() {
  gc_run loop.text run --env GC_E2E_TOKEN "$HOSTILE/infinite_loop.py" --timeout 2
  assert_eq "exit code on timeout (as timeout(1))" "124" "$GC_RC"
  assert_eq "stdout" "spinning" "$(cat "$GC_OUT")"
  wait_no_process "$(mark loop)"
}

case_ignore_sigterm() {
  gc_run sigterm run --env GC_E2E_TOKEN "$HOSTILE/ignore_sigterm.py" --format json --timeout 2
  assert_run_json "$GC_OUT"
  assert_eq "status" "timeout" "$(json_field "$GC_OUT" status)"
  wait_no_process "$(mark sigterm)"
}

case_pool_workers_killed() {
  gc_run pool run --env GC_E2E_TOKEN "$HOSTILE/pool_busy.py" --format json --timeout 3
  assert_run_json "$GC_OUT"
  assert_eq "status" "timeout" "$(json_field "$GC_OUT" status)"
  assert_eq "stdout" "pool started" "$(json_field "$GC_OUT" stdout)"
  wait_no_process "$(mark pool)"
}

case_fork_many() {
  gc_run forks run --env GC_E2E_TOKEN "$HOSTILE/fork_many.py" --format json --timeout 3
  assert_run_json "$GC_OUT"
  assert_eq "status" "timeout" "$(json_field "$GC_OUT" status)"
  assert_eq "stdout" "forked 50 children" "$(json_field "$GC_OUT" stdout)"
  wait_no_process "$(mark forks)"
}

case_escaped_session() {
  # The snippet exits 0 at once; its escaped child holds fd 1 and 2 open. The
  # run is ok (not a timeout waiting for end of output) and the child dies.
  gc_run escape run --env GC_E2E_TOKEN "$HOSTILE/escape_session.py" --format json --timeout 5
  assert_run_json "$GC_OUT"
  assert_eq "status" "ok" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "0" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout" "escaped child started: True" "$(json_field "$GC_OUT" stdout)"
  wait_no_process "$(mark escape)"
}

case_setsid_daemon() {
  gc_run setsid run --env GC_E2E_TOKEN "$HOSTILE/setsid_daemon.py" --format json --timeout 5
  assert_run_json "$GC_OUT"
  assert_eq "status" "ok" "$(json_field "$GC_OUT" status)"
  assert_eq "exit_code" "0" "$(json_field "$GC_OUT" exit_code)"
  assert_eq "stdout" "daemon started" "$(json_field "$GC_OUT" stdout)"
  wait_no_process "$(mark setsid)"
}

# Bounds for the flood: far above any sane output cap and interpreter size,
# far below what 2 s of unbounded flooding accumulates (gigabytes). Sanitizer
# builds may raise the RSS bound with E2E_FLOOD_MAX_RSS_MB.
readonly FLOOD_MAX_REPORT_BYTES=$((64 << 20))
readonly FLOOD_MAX_RSS_KB=$((${E2E_FLOOD_MAX_RSS_MB:-512} << 10))

case_output_flood_json() {
  GC_MEASURE=1 gc_run flood.json run --env GC_E2E_TOKEN "$HOSTILE/output_flood.py" --format json --timeout 2
  assert_run_json "$GC_OUT"
  assert_one_of "status" "$(json_field "$GC_OUT" status)" timeout error crashed
  assert_eq "stdout_truncated" "true" "$(json_field "$GC_OUT" stdout_truncated)"
  assert_eq "stdout starts with the flood" "$(printf 'x%.0s' {1..1000})" "$(json_eval "$GC_OUT" 'r["stdout"].split("\n", 1)[0]')"
  local size
  size=$(stat -c %s "$GC_OUT")
  note "report size: $size bytes, peak RSS: ${GC_RSS_KB:-unmeasured} kB"
  ((size <= FLOOD_MAX_REPORT_BYTES)) || fail "report is $size bytes, more than $FLOOD_MAX_REPORT_BYTES"
  if [[ -n $GC_RSS_KB ]]; then
    ((GC_RSS_KB <= FLOOD_MAX_RSS_KB)) || fail "peak RSS $GC_RSS_KB kB, more than $FLOOD_MAX_RSS_KB kB"
  else
    note "/usr/bin/time missing: peak RSS not checked"
  fi
  wait_no_process "$(mark flood)"
}

case_output_flood_text() {
  GC_MEASURE=1 gc_run flood.text run --env GC_E2E_TOKEN "$HOSTILE/output_flood.py" --timeout 2
  if ((GC_RC == 0)); then
    fail "exit code 0 for a flood that was cut off"
  fi
  local size
  size=$(stat -c %s "$GC_OUT")
  note "text stdout size: $size bytes, exit code $GC_RC, peak RSS: ${GC_RSS_KB:-unmeasured} kB"
  ((size > 0)) || fail "no stdout at all"
  ((size <= FLOOD_MAX_REPORT_BYTES)) || fail "text stdout is $size bytes, more than $FLOOD_MAX_REPORT_BYTES"
  if [[ -n $GC_RSS_KB ]]; then
    ((GC_RSS_KB <= FLOOD_MAX_RSS_KB)) || fail "peak RSS $GC_RSS_KB kB, more than $FLOOD_MAX_RSS_KB kB"
  fi
  wait_no_process "$(mark flood)"
}

case_guidecheck_terminated() {
  # Stopping guidecheck itself (SIGTERM, as CI cancellation or timeout(1)
  # sends) takes the snippet with it.
  local rc=0
  timeout -s TERM 2 "$GUIDECHECK" run "$HOSTILE/infinite_loop.py" --timeout 20 \
    </dev/null >"$E2E_TMP/terminated.out" 2>"$E2E_TMP/terminated.err" || rc=$?
  assert_eq "guidecheck ended by SIGTERM (timeout(1) reports 124)" "124" "$rc"
  wait_no_process "$(mark loop)"
}

run_case "the snippet sees only allowlisted variables" case_environment_is_an_allowlist
run_case "infinite loop: timeout (JSON), nothing left" case_infinite_loop_json
run_case "infinite loop: text exit code 124, nothing left" case_infinite_loop_text
run_case "SIGTERM ignored: timeout, nothing left" case_ignore_sigterm
run_case "Pool(4) of busy workers: timeout, no worker left" case_pool_workers_killed
run_case "50 forked sleepers: timeout, none left" case_fork_many
run_case "start_new_session child, snippet exits 0: ok, child killed" case_escaped_session
run_case "os.setsid daemon, snippet exits 0: ok, daemon killed" case_setsid_daemon
run_case "output flood (JSON): truncated, bounded memory" case_output_flood_json
run_case "output flood (text): bounded output and memory" case_output_flood_text
run_case "guidecheck terminated: snippet killed too" case_guidecheck_terminated
finish
