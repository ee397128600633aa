#!/usr/bin/env bash
# End-to-end: guides in other formats (tests/fixtures/formats) go through
# the same commands as a scraped guide: extract, update, check (with drift),
# update --write-guide, check of another guide, --guide-format.
source "$(dirname "$0")/lib.sh"
require_guidecheck

work=$E2E_TMP/formats
fresh() {
  rm -rf "$work"
  mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/lists.md" "$work/guide.md"
}
gc_in() { (cd "$work" && "$GUIDECHECK" "$@"); }
# claims JSON_FILE: "id line verdict" per claim
claims() {
  "$PYTHON" -c '
import json, sys
for s in json.load(open(sys.argv[1]))["snippets"]:
    for c in s["claims"]:
        print(s["id"], c["guide_line"], c["verdict"])' "$1"
}

# second_continues JSON_FILE: the second sample's "continues", as JSON
second_continues() {
  "$PYTHON" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["snippets"][1]["continues"]))' "$1"
}

case_a_markdown_guide_is_checked_in_memory() {
  fresh
  local rc=0
  gc_in check guide.md --format json >"$work/r.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_eq "claims" "s01 13 mismatch
s02 20 match
s02 23 match
s03 30 equivalent" "$(claims "$work/r.json")"
  text_contains "a syntax template is reported, not run" "guide.md:44: not run: 'iterable' is defined by no sample" \
    "$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["reader_notes"])' "$work/r.json")"
  assert_eq "the session continues the first sample" '["s01"]' \
    "$(second_continues "$work/r.json")"
}

case_the_project_cycle_works_on_markdown() {
  fresh
  gc_in extract guide.md >/dev/null
  assert_eq "samples" "s01.py s02.py s03.py" "$(cd "$work/snippets" && echo *.py)"
  assert_eq "manifest format" markdown "$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["format"])' "$work/snippets/manifest.json")"
  gc_in update >/dev/null
  local rc=0
  gc_in check >/dev/null || rc=$?
  assert_eq "check fails on the wrong output block" 1 "$rc"
  gc_in update --write-guide >/dev/null 2>&1 || true
  assert_eq "the output block is corrected in place" "[1, 2, 3]" "$(sed -n 13p "$work/guide.md")"
  assert_eq "its fences stay" '```' "$(sed -n 14p "$work/guide.md")"
  gc_in check >/dev/null || fail "check after --write-guide failed"
  sed -i 's/^xs = \[3, 1, 2\]$/xs = [3, 1, 2, 0]/' "$work/guide.md"
  rc=0
  local out
  out=$(gc_in check 2>&1) || rc=$?
  assert_eq "drift exit code" 1 "$rc"
  text_contains "drift names the guide line" "guide.md:6: sample s01 changed" "$out"
}

# README-style output in `<details>`: a `<pre>` is rewritten escaped, a
# fence as any; a `<pre>` whose tags share the output's line is left alone.
case_output_in_details_is_checked_and_rewritten() {
  fresh
  cp "$SOURCE_DIR/tests/fixtures/formats/details.md" "$work/guide.md"
  local rc=0
  gc_in check guide.md --format json >"$work/r.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  # Two prints, two wrong lines in the <pre>: a claim each, each rewritten.
  assert_eq "claims" "s01 10 mismatch
s01 11 mismatch
s02 23 mismatch
s03 34 mismatch" "$(claims "$work/r.json")"
  gc_in extract guide.md >/dev/null
  gc_in update >/dev/null
  local out
  out=$(gc_in update --write-guide 2>&1) || true
  text_contains "the tagged line is refused" "guide.md:34: cannot rewrite: the output shares its lines with HTML tags" "$out"
  assert_eq "the pre holds the output, escaped" $'<pre>\n8081\n&lt;class \'int\'&gt;\n</pre>' "$(sed -n 9,12p "$work/guide.md")"
  assert_eq "the fence holds the output" "[1, 2]" "$(sed -n 23p "$work/guide.md")"
  assert_eq "the refused pre is unchanged" "<pre>a &amp; c</pre>" "$(sed -n 34p "$work/guide.md")"
  rc=0
  gc_in check --format json >"$work/r2.json" || rc=$?
  assert_eq "exit code after" 1 "$rc"
  assert_eq "claims after" "s01 10 match
s01 11 match
s02 23 match
s03 34 mismatch" "$(claims "$work/r2.json")"
}

case_guide_format_overrides_the_extension() {
  fresh
  cp "$work/guide.md" "$work/guide.txt"
  local rc=0
  gc_in check guide.txt --guide-format markdown --format json >"$work/r.json" || rc=$?
  assert_eq "read as Markdown" 3 "$("$PYTHON" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["snippets"]))' "$work/r.json")"
  rc=0
  local err
  err=$(gc_in check guide.md --guide-format yaml 2>&1) || rc=$?
  assert_eq "an unknown format" 2 "$rc"
  text_contains "names the option" "--guide-format" "$err"
}

case_a_directive_forbids_or_names_a_continuation() {
  fresh
  gc_in extract guide.md >/dev/null
  gc_in update >/dev/null 2>&1 || true
  printf '[s02]\ncontinues = false\n' >"$work/snippets/guidecheck.toml"
  gc_in check --format json >"$work/r.json" 2>/dev/null || true
  assert_eq "alone, the session fails on the name it never defined" "NameError" \
    "$("$PYTHON" -c 'import json,sys; s=json.load(open(sys.argv[1]))["snippets"][1]; print("NameError" if "NameError" in s["stdout"] else s["stdout"])' "$work/r.json")"
  printf '[s02]\ncontinues = "s09"\n' >"$work/snippets/guidecheck.toml"
  local rc=0 err
  err=$(gc_in check 2>&1) || rc=$?
  assert_eq "an unknown sample" 2 "$rc"
  text_contains "names the file, line and id" "guidecheck.toml:1: [s02] continues: no such sample 's09'" "$err"
}

# A scraped page (no fences, no indentation): output with no label, an
# `Output:` block that chooses the layout of a sample continuing an earlier
# one, a REPL session, and a heading glued after the session's last echo.
case_a_scraped_page_shows_output_sessions_and_headings() {
  rm -rf "$work"
  mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/scraped_page.txt" "$work/guide.txt"
  local rc=0
  gc_in check guide.txt --format json >"$work/r.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_eq "claims" "s01 7 mismatch
s02 16 match
s03 21 match
s03 23 equivalent" "$(claims "$work/r.json")"
  assert_eq "the callbacks continue the first sample" '["s01"]' \
    "$(second_continues "$work/r.json")"
}

# A sample that asks for input reads what the guide shows typed after its
# prompts, and its output is judged with the echo a terminal shows; a
# project's update approves that transcript.
case_typed_input_comes_from_the_transcript() {
  rm -rf "$work"
  mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/typed_input.md" "$work/guide.md"
  local rc=0
  gc_in check guide.md --format json >"$work/r.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  # Each statement's lines are a claim of their own: the sum's is wrong.
  assert_eq "claims" "s01 13 match
s01 14 match
s02 26 match
s02 27 match
s02 28 mismatch" "$(claims "$work/r.json")"
  text_contains "the wrong sum is what the typed numbers give" "Sum: 9" \
    "$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["snippets"][1]["stdout"])' "$work/r.json")"
  gc_in extract guide.md >/dev/null
  gc_in update >/dev/null 2>&1 || true
  assert_eq "the approved output is the transcript" "Your name: Ada
Hello, Ada!" "$(cat "$work/expected/s01.out")"
}

# A sample the page saves as a file is what a later sample imports by that
# name, its __main__ guard silent; in memory and from a project.
case_a_saved_sample_is_importable() {
  rm -rf "$work"
  mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/saved_module.md" "$work/guide.md"
  gc_in check guide.md --format json >"$work/r.json" || fail "check of the guide failed"
  assert_eq "claims" "s02 23 match
s02 24 match" "$(claims "$work/r.json")"
  gc_in extract guide.md >/dev/null
  gc_in update >/dev/null
  gc_in check >/dev/null || fail "check of the project failed"
  assert_eq "the approved output" "Hello, Ada!
greet.py" "$(cat "$work/expected/s02.out")"
}

# Sphinx's testsetup is no sample: it runs first, silently, before each
# sample after it, in memory and from a project, and drift sees it change.
case_a_testsetup_is_the_setup_of_the_samples_after_it() {
  rm -rf "$work"
  mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/testsetup.rst" "$work/guide.rst"
  gc_in check guide.rst --format json >"$work/r.json" || fail "check of the guide failed"
  assert_eq "claims" "s01 17 match
s02 20 match" "$(claims "$work/r.json")"
  gc_in extract guide.rst >/dev/null
  assert_eq "snippets" "s01.py s02.py" "$(cd "$work/snippets" && echo *.py)"
  gc_in update >/dev/null
  gc_in check >/dev/null || fail "check of the project failed"
  sed -i 's/^   RELEASE = date(2024, 3, 15)$/   RELEASE = date(2024, 3, 16)/' "$work/guide.rst"
  local rc=0 out
  out=$(gc_in check 2>&1) || rc=$?
  assert_eq "drift exit code" 1 "$rc"
  text_contains "drift names the changed setup" "guide.rst:13: sample s01 changed: the setup it runs first" "$out"
}

# A Jupyter notebook, really run, then one output made stale: its kept
# outputs are the claims, at the notebook's own lines.
case_a_notebook_is_judged_by_its_outputs() {
  rm -rf "$work" && mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/word_counts.ipynb" "$work/"
  local rc=0
  gc_in check word_counts.ipynb --format json >"$work/r.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  # s02 imports the module the %%writefile cell wrote; the loop's output
  # is stale; display() and a Counter's 0; a kept KeyError traceback.
  assert_eq "claims" "s02 46 match
s02 52 match
s03 77 mismatch
s04 99 match
s04 108 match
s05 132 equivalent" "$(claims "$work/r.json")"
  text_contains "an exercise is not run" "word_counts.ipynb:150: not run: '___' is a blank to fill in (an exercise)" \
    "$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["reader_notes"])' "$work/r.json")"
}

# The project cycle on a notebook; its outputs are Jupyter's to rewrite.
case_a_notebook_is_never_rewritten() {
  rm -rf "$work" && mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/formats/word_counts.ipynb" "$work/"
  gc_in extract word_counts.ipynb >/dev/null
  gc_in update >/dev/null
  local rc=0
  gc_in check >/dev/null || rc=$?
  assert_eq "check exit code" 1 "$rc"
  rc=0
  gc_in update --write-guide >/dev/null 2>"$work/err" || rc=$?
  assert_eq "--write-guide exit code" 2 "$rc"
  assert_contains "the refusal" "--write-guide: word_counts.ipynb is a Jupyter notebook" "$work/err"
  cmp -s "$work/word_counts.ipynb" "$SOURCE_DIR/tests/fixtures/formats/word_counts.ipynb" ||
    fail "the notebook was changed"
  sed -i '77s/,$/,,/' "$work/word_counts.ipynb"
  rc=0
  gc_in check word_counts.ipynb >/dev/null 2>"$work/err" || rc=$?
  assert_eq "a broken notebook's exit code" 2 "$rc"
  assert_contains "it names the line" "word_counts.ipynb:77: not a Jupyter notebook:" "$work/err"
}

run_case a_notebook_is_judged_by_its_outputs case_a_notebook_is_judged_by_its_outputs
run_case a_notebook_is_never_rewritten case_a_notebook_is_never_rewritten
run_case a_directive_forbids_or_names_a_continuation case_a_directive_forbids_or_names_a_continuation
run_case a_testsetup_is_the_setup_of_the_samples_after_it case_a_testsetup_is_the_setup_of_the_samples_after_it
run_case typed_input_comes_from_the_transcript case_typed_input_comes_from_the_transcript
run_case a_saved_sample_is_importable case_a_saved_sample_is_importable
run_case a_scraped_page_shows_output_sessions_and_headings case_a_scraped_page_shows_output_sessions_and_headings
run_case a_markdown_guide_is_checked_in_memory case_a_markdown_guide_is_checked_in_memory
run_case the_project_cycle_works_on_markdown case_the_project_cycle_works_on_markdown
run_case guide_format_overrides_the_extension case_guide_format_overrides_the_extension
run_case output_in_details_is_checked_and_rewritten case_output_in_details_is_checked_and_rewritten
finish
