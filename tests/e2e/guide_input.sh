#!/usr/bin/env bash
# shellcheck disable=SC2317  # case functions are called through run_case
# Input that is not what it seems: an empty, binary, oversized or special
# guide, a guide with no samples, a --filter that matches nothing, files an
# option names that do not exist, errata for samples that do not exist, an
# expected/ entry that is a directory, a deleted manifest, guide lines a
# reader cannot take as code, a preloaded module that prints. Each gets a
# clear word (an error exits 2 with one line naming the file or option), and
# nothing is written and nothing is left running.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_guidecheck

# A project whose guide (g.txt, two samples) is extracted and updated once;
# each case works on a fresh copy of it.
template_project $'Guide\n1. One\nprint(1) # 1\n2. Two\nprint(2) # 2\n'

# gc_in_project NAME ARGS...: gc_run in $project (GC_OUT, GC_ERR, GC_RC set here).
gc_in_project() {
  cd "$project"
  gc_run "$@"
  cd - >/dev/null
}

case_an_empty_guide() {
  fresh_project
  : >"$project/empty.md"
  printf '\n  \n\t\n' >"$project/blank.txt"
  expect_refused empty "empty.md: the guide is empty" check empty.md
  expect_refused blank "blank.txt: the guide is empty" check blank.txt
  expect_refused extract.empty "empty.md: the guide is empty" extract empty.md
}

case_a_binary_guide() {
  fresh_project
  head -c 4096 /dev/urandom >"$project/noise.md"
  printf 'p\0r\0i\0n\0t\0(\0001\0)\0\n\0' >"$project/utf16.txt"
  expect_refused noise "noise.md:" check noise.md
  assert_contains "it says why" "binary, not a guide" "$GC_ERR"
  expect_refused utf16 "utf16.txt:" check utf16.txt
  expect_refused extract.noise "binary, not a guide" extract noise.md
}

case_a_guide_without_samples() {
  fresh_project
  printf '# Title\n\nOnly prose, and `inline code`.\n' >"$project/prose.md"
  expect_refused prose "prose.md: no code samples found (read as markdown" check prose.md
}

case_what_is_not_a_regular_file() {
  fresh_project
  mkdir "$project/dir.md"
  mkfifo "$project/pipe.md"
  expect_refused devzero "/dev/zero: a character device, not a guide" check /dev/zero
  expect_refused dir "dir.md: a directory, not a guide" check dir.md
  expect_refused fifo "pipe.md: a FIFO, not a guide" check pipe.md
  expect_refused extract.devzero "/dev/zero: a character device" extract /dev/zero
}

case_a_guide_over_the_size_bound() {
  fresh_project
  truncate -s 40M "$project/huge.md"
  expect_refused huge "huge.md: 41.9 MB is over the 33.6 MB a guide may have" check huge.md
}

case_a_filter_that_matches_nothing() {
  fresh_project
  expect_refused filter "--filter: 'zzz' matches no sample id (there are 2, such as q01)" check --filter zzz
  expect_refused filter.other "--filter: 'zzz' matches no sample id" check g.txt --filter zzz
  expect_refused filter.update "--filter: 'zzz'" update --filter zzz
}

case_files_an_option_names_must_exist() {
  fresh_project
  expect_refused errata "--errata: no-such.toml: No such file or directory" check --errata no-such.toml
  expect_refused directives "--directives: no-such.toml: No such file or directory" check --directives no-such.toml
}

case_errata_for_a_sample_that_does_not_exist() {
  fresh_project
  printf '[[erratum]]\nsample = "q01"\nline = 3\nreason = "fine"\n\n[[erratum]]\nsample = "q99"\nline = 3\nreason = "typo"\n' \
    >"$project/snippets/errata.toml"
  expect_refused errata.unknown "snippets/errata.toml:6: [q99] no such sample" check
}

case_an_expected_entry_that_is_a_directory() {
  fresh_project
  rm "$project/expected/q01.out"
  mkdir "$project/expected/q01.out"
  local before
  before=$(tree_digest "$project/expected")$(tree_digest "$project/snippets")
  gc_in_project expected.dir check
  assert_eq "exit code" 1 "$GC_RC"
  assert_contains "the report says why" "no approved output: expected/q01.out: Is a directory" "$GC_OUT"
  if grep -q "q01.out is missing" "$GC_OUT"; then fail "the directory is called missing"; fi
  assert_eq "expected/ and snippets/ (check writes only its durations cache)" "$before" \
    "$(tree_digest "$project/expected")$(tree_digest "$project/snippets")"
}

case_a_deleted_manifest_is_said() {
  fresh_project
  rm "$project/snippets/manifest.json"
  gc_in_project manifest.deleted check
  assert_eq "exit code" 0 "$GC_RC"
  assert_contains "the warning" "snippets: no manifest.json: samples are compared with expected only, with no drift or claim checks" "$GC_ERR"
}

case_lines_a_reader_cannot_take_as_code() {
  fresh_project
  {
    printf '# Guide\n\n```python\nprint(1)\n```\n\nA line with a NUL \0 byte.\nA line with \xff\xfe bytes.\n'
    printf 'data = "%s"\n' "$(head -c 12000 /dev/zero | tr '\0' x)"
  } >"$project/odd.md"
  {
    printf 'Guide\n1. One\nprint(1) # 1\n'
    printf 'data = "%s"\n' "$(head -c 12000 /dev/zero | tr '\0' x)"
  } >"$project/long.txt"
  gc_in_project odd check odd.md
  assert_eq "exit code (warnings only)" 0 "$GC_RC"
  assert_contains "the NUL line" "odd.md:7: a NUL byte at column 19" "$GC_ERR"
  assert_contains "the invalid UTF-8 line" "odd.md:8: invalid UTF-8 at column 13 (byte \\xff)" "$GC_ERR"
  gc_in_project long check long.txt
  assert_contains "the long line" "long.txt:4: a line of 12009 bytes, over 10000: read as data, never as code" "$GC_ERR"
}

case_a_preloaded_module_that_prints() {
  fresh_project
  printf 'print("only this")\n' >"$project/one.py"
  printf 'import this\n' >"$project/imports.py"
  gc_in_project preload.this run --preload this one.py
  assert_eq "the sample's stdout" "only this" "$(cat "$GC_OUT")"
  assert_contains "the warning" "not preloading this: it prints when imported" "$GC_ERR"
  gc_in_project preload.import run --preload this imports.py
  assert_eq "a sample that imports it prints, as in a fresh interpreter" \
    "The Zen of Python, by Tim Peters" "$(head -n 1 "$GC_OUT")"
}

# A sample's output reaches the report, never the terminal's control: escapes
# that would retitle the window or clear the screen are shown as text; a
# flood of output makes a JUnit file that xmllint still reads.
case_sample_output_cannot_drive_the_terminal_or_flood_junit() {
  fresh_project
  printf 'Guide\n1. One\nprint("\\x1b]0;pwned\\x07\\x1b[2Jhello") # hello\n' >"$project/esc.txt"
  gc_in_project esc check esc.txt --color never
  assert_eq "exit code (the claim is false)" 1 "$GC_RC"
  if grep -q $'\x1b' "$GC_OUT"; then fail "a raw ESC byte reached the terminal report"; fi
  assert_contains "the escape is shown as text" '\x1b]0;pwned\x07\x1b[2Jhello' "$GC_OUT"
  printf 'Guide\n1. Flood\nimport sys\nsys.stdout.write("x" * 17_000_000)\n' >"$project/flood.txt"
  gc_in_project flood check flood.txt --format junit --output "$E2E_TMP/flood.xml"
  assert_eq "xmllint reads the JUnit report" "" "$(xmllint --noout "$E2E_TMP/flood.xml" 2>&1 | head -c 300)"
  local size
  size=$(stat -c %s "$E2E_TMP/flood.xml")
  ((size < 1000000)) || fail "the JUnit report is $size bytes"
}

run_case sample_output_cannot_drive_the_terminal_or_flood_junit case_sample_output_cannot_drive_the_terminal_or_flood_junit
run_case an_empty_guide case_an_empty_guide
run_case a_binary_guide case_a_binary_guide
run_case a_guide_without_samples case_a_guide_without_samples
run_case what_is_not_a_regular_file case_what_is_not_a_regular_file
run_case a_guide_over_the_size_bound case_a_guide_over_the_size_bound
run_case a_filter_that_matches_nothing case_a_filter_that_matches_nothing
run_case files_an_option_names_must_exist case_files_an_option_names_must_exist
run_case errata_for_a_sample_that_does_not_exist case_errata_for_a_sample_that_does_not_exist
run_case an_expected_entry_that_is_a_directory case_an_expected_entry_that_is_a_directory
run_case a_deleted_manifest_is_said case_a_deleted_manifest_is_said
run_case lines_a_reader_cannot_take_as_code case_lines_a_reader_cannot_take_as_code
run_case a_preloaded_module_that_prints case_a_preloaded_module_that_prints
finish
