#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# Every option value is checked before anything happens: a nonsense value on
# the command line or in snippets/guidecheck.toml stops guidecheck with exit 2
# and one short line on stderr naming the option (or file:line), the project
# is left exactly as it was, and no process (zygote, sample) is left running.
# A value that is wrong but accepted would run samples with a silent default,
# or crash later with a message that names nothing the user wrote.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

# A project whose guide is g.txt, extracted and updated once; each case works
# on a fresh copy of it.
template_project $'Guide\n1. One\nprint(1) # 1\n'

# case_bad_option NAME OPTION VALUE: `check g.txt OPTION VALUE` is refused,
# and so is it with -q (global options go before the command).
case_bad_option() {
  local name=$1 option=$2 value=$3 long=$2
  [[ $option == -j ]] && long=--jobs
  fresh_project
  expect_refused "$name" "$long" check g.txt "$option" "$value"
  text_contains "the message quotes the value" "$value" "$(cat "$GC_ERR")"
  expect_refused "$name.quiet" "$long" -q check g.txt "$option" "$value"
}

case_valid_values_are_accepted() {
  fresh_project
  cd "$project"
  local run_mark="$GC_E2E_TOKEN.$BASHPID.ok"
  GC_E2E_RUN=$run_mark gc_run valid check g.txt --timeout 5 --hash-seed 0 --memory-limit 0 -j 2
  assert_eq "exit code with --timeout 5 --hash-seed 0 --memory-limit 0 -j 2" 0 "$GC_RC"
  assert_eq "summary" "1 passed, 0 failed" "$(last_line "$GC_OUT")"
  # The edges of each range are inside it.
  GC_E2E_RUN=$run_mark gc_run edges check g.txt --timeout 86400 --hash-seed 4294967295 \
    --memory-limit 16M -j 1024 --env GOOD_NAME=1
  assert_eq "exit code at the edges of the ranges" 0 "$GC_RC"
  assert_eq "summary at the edges" "1 passed, 0 failed" "$(last_line "$GC_OUT")"
  # The common modules' list: a list, or '' for none.
  local list
  for list in "" json,typing; do
    GC_E2E_RUN=$run_mark gc_run "stdlib.$list" check g.txt --no-cache --preload-stdlib "$list"
    assert_eq "exit code with --preload-stdlib '$list'" 0 "$GC_RC"
    assert_eq "summary with --preload-stdlib '$list'" "1 passed, 0 failed" "$(last_line "$GC_OUT")"
  done
  wait_nothing_left "$run_mark"
}

# write_directives TEXT: snippets/guidecheck.toml of a fresh project.
write_directives() {
  fresh_project
  printf '%b' "$1" >"$project/snippets/guidecheck.toml"
}

case_directive_timeout_in_sample_table() {
  local value
  for value in nan inf 1e300 0 -1; do
    write_directives "[q01]\ntimeout = $value\n"
    expect_refused "toml.timeout.$value" "snippets/guidecheck.toml:2:" check g.txt
    assert_contains "the message for timeout = $value names the key" "timeout" "$GC_ERR"
  done
}

case_directive_timeout_at_top_level() {
  write_directives "timeout = nan\n"
  expect_refused toml.toplevel "snippets/guidecheck.toml:1:" check g.txt
  assert_contains "the message names the key" "timeout" "$GC_ERR"
}

case_directive_requires_not_a_version() {
  write_directives '# pandas is not needed, but banana is no version\n[q01]\nrequires = ["pandas>=banana"]\n'
  expect_refused toml.requires "snippets/guidecheck.toml:3:" check g.txt
  assert_contains "the message quotes the requirement" "pandas>=banana" "$GC_ERR"
}

run_case "--timeout nan" case_bad_option timeout.nan --timeout nan
run_case "--timeout inf" case_bad_option timeout.inf --timeout inf
run_case "--timeout 1e300" case_bad_option timeout.huge --timeout 1e300
run_case "--timeout 0" case_bad_option timeout.zero --timeout 0
run_case "--timeout -1" case_bad_option timeout.negative --timeout -1
run_case "--hash-seed 4294967296" case_bad_option seed.big --hash-seed 4294967296
run_case "--hash-seed -1" case_bad_option seed.negative --hash-seed -1
run_case "--memory-limit 0.5" case_bad_option memory.half --memory-limit 0.5
run_case "--memory-limit 1K" case_bad_option memory.1K --memory-limit 1K
run_case "-j 0" case_bad_option jobs.zero -j 0
run_case "-j 100000" case_bad_option jobs.huge -j 100000
run_case "--env 1BAD" case_bad_option env.bad --env 1BAD
run_case "guidecheck.toml: [q01] timeout = nan|inf|1e300|0|-1" case_directive_timeout_in_sample_table
run_case "guidecheck.toml: top-level timeout = nan" case_directive_timeout_at_top_level
run_case "guidecheck.toml: requires pandas>=banana" case_directive_requires_not_a_version
run_case "valid values (and the edges of their ranges) are accepted" case_valid_values_are_accepted
finish
