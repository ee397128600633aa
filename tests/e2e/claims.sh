#!/usr/bin/env bash
# End-to-end: claim verdicts, reports, --strict, known errata and
# update --write-guide on a small guide of our own (tests/fixtures/claims).
source "$(dirname "$0")/lib.sh"
require_guidecheck

FIXTURE=$SOURCE_DIR/tests/fixtures/claims/guide.txt
work=$E2E_TMP/claims
fresh() {
  rm -rf "$work"
  mkdir -p "$work"
  cp "$FIXTURE" "$work/guide.txt"
}
gc_in() { (cd "$work" && "$GUIDECHECK" "$@"); }
# verdicts JSON_FILE: "id line verdict rule" per claim
verdicts() {
  "$PYTHON" -c '
import json, sys
for s in json.load(open(sys.argv[1]))["snippets"]:
    for c in s["claims"]:
        print(s["id"], c["guide_line"], c["verdict"], c["rule"] or "-", "erratum" if c["known_erratum"] else "")' "$1" |
    sed 's/ *$//'
}

case_every_claim_gets_its_verdict() {
  fresh
  local rc=0
  gc_in check guide.txt --format json >"$work/r.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  local got
  got=$(verdicts "$work/r.json" | sed -E 's/^(q03 15 unstable) .*/\1/; s/^(q05 23 not-run) .*/\1/; s/^(q06 25 prose) .*/\1/')
  assert_eq "verdicts" "q01 5 match -
q01 6 equivalent quotes
q01 7 mismatch -
q02 11 mismatch -
q02 12 mismatch -
q03 15 unstable
q04 18 match -
q04 19 match -
q05 21 match -
q05 23 not-run
q06 25 prose
q06 26 match -" "$got"
  assert_eq "statuses" "q01 failed
q02 failed
q03 passed
q04 passed
q05 failed
q06 passed" "$("$PYTHON" -c 'import json,sys; [print(s["id"], s["status"]) for s in json.load(open(sys.argv[1]))["snippets"]]' "$work/r.json")"
}

case_junit_is_valid_xml_with_a_testcase_per_sample() {
  fresh
  gc_in check guide.txt --format junit --output report.xml >/dev/null || true
  xmllint --noout "$work/report.xml" || fail "report.xml is not well-formed XML"
  assert_eq "testcases" 6 "$(grep -c '<testcase ' "$work/report.xml")"
  grep -q '<testcase [^>]*name="q02"[^>]*line="9"' "$work/report.xml" || fail "q02's testcase lacks its guide line"
}

case_strict_also_fails_on_prose_and_equivalent() {
  fresh
  local out
  out=$(gc_in check guide.txt -k q06 --color never) || fail "q06 should pass without --strict"
  local rc=0
  out=$(gc_in check guide.txt -k q06 --strict --color never) || rc=$?
  assert_eq "strict exit code" 1 "$rc"
  text_contains "strict message" "prose claim (--strict)" "$out"
}

case_known_errata_pass_but_are_listed() {
  fresh
  gc_in extract guide.txt >/dev/null
  cat >"$work/snippets/errata.toml" <<'TOML'
[[erratum]]
sample = "q02"
line = 11
claimed = "0 1 2"
reason = "end=' ' leaves the line open: the next print continues it"

[[erratum]]
sample = "q02"
line = 12
claimed = "done"
reason = "same line as the loop's output"
TOML
  gc_in update >/dev/null || true
  local out rc=0
  out=$(gc_in check -k q02 --color never) || rc=$?
  assert_eq "exit code with errata" 0 "$rc"
  text_contains "errata listed" "Known errata in the guide (2)" "$out"
  rc=0
  gc_in check -k q02 --strict >/dev/null 2>&1 || rc=$?
  assert_eq "strict exit code with errata" 1 "$rc"
}

case_write_guide_changes_only_the_wrong_claims() {
  fresh
  gc_in extract guide.txt >/dev/null
  gc_in update --write-guide >"$work/out.txt" 2>&1 || true
  local changed
  changed=$( (diff "$FIXTURE" "$work/guide.txt" || true) | grep -E '^[0-9]' | tr '\n' ' ')
  assert_eq "changed lines" "7c7 11,12c11,12 " "$changed"
  assert_eq "line 7" "print(len(x)) # 3" "$(sed -n 7p "$work/guide.txt")"
  assert_eq "line 11" "# 0 1 2 done" "$(sed -n 11p "$work/guide.txt")"
  assert_eq "line 12" 'print("done") # 0 1 2 done' "$(sed -n 12p "$work/guide.txt")"
  cp "$work/guide.txt" "$work/once.txt"
  gc_in update --write-guide >/dev/null 2>&1 || true
  cmp -s "$work/once.txt" "$work/guide.txt" || fail "a second --write-guide changed the guide again"
}

# A guide written apart from the others, with two planted errors (q03's count,
# q05's merge order): exactly those fail; the timing is unstable, not wrong.
case_unseen_guide_fails_exactly_on_its_errors() {
  mkdir -p "$work"
  cp "$SOURCE_DIR/tests/fixtures/claims/unseen.txt" "$work/unseen.txt"
  local rc=0
  gc_in check unseen.txt --format json >"$work/u.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_eq "failed samples" "q03 q05" "$("$PYTHON" -c '
import json, sys
print(" ".join(s["id"] for s in json.load(open(sys.argv[1]))["snippets"] if s["status"] != "passed"))' "$work/u.json")"
  assert_eq "mismatches" "q03 19
q05 28" "$(verdicts "$work/u.json" | awk '$3 == "mismatch" {print $1, $2}')"
  assert_eq "q06 timing" "q06 33 unstable" "$(verdicts "$work/u.json" | awk '$1 == "q06" {print $1, $2, $3}')"
}

# pytest-examples' `#>` marker: verbatim output, judged and corrected as such.
case_chevron_marked_output_is_checked_and_rewritten_in_kind() {
  rm -rf "$work"
  mkdir -p "$work"
  cat >"$work/marked.txt" <<'EOF'
Marked guide
1. Greeting
print("Hello, this is the greeting")
#> Hello, this is the greeting
2. Numbers
print([1, 2])
#> [1, 3]
print("end")
EOF
  local rc=0
  gc_in check marked.txt --format json >"$work/m.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_eq "verdicts" "q01 4 match -
q02 7 mismatch -" "$(verdicts "$work/m.json")"
  gc_in extract marked.txt >/dev/null
  gc_in update --write-guide >/dev/null 2>&1 || true
  assert_eq "the corrected claim keeps its marker" "#> [1, 2]" "$(sed -n 7p "$work/marked.txt")"
  assert_eq "the right claim is untouched" "#> Hello, this is the greeting" "$(sed -n 4p "$work/marked.txt")"
}

# Conventions of blog posts: labels (`# Output:`, `# prints`, `#=>`), a
# label's lined-up continuation, phrase-like output of a loop before more
# code, a remark after a value, output shown as plain lines after an
# `Output:` line, and a keyword heading and a signature that are not
# samples. Two planted errors (q02's sum, q03's plain output); the fixes
# keep each claim's style.
case_blog_conventions_are_judged_and_rewritten_in_kind() {
  rm -rf "$work"
  mkdir -p "$work"
  cat >"$work/blog.txt" <<'EOF'
Blog guide
1. Greetings
for name in ["Ann", "Bob"]:
print(f"Hi, {name}")
# Hi, Ann
# Hi, Bob
pairs = [(1, 2)]
print(len(pairs)) # prints 1
print(pairs[0]) #=> (1, 2)
2. Labels
a, b = 3, 4
print(a); print(b)
# Output: 3
#         4
print(a + b)
#output:8
# the sum of both numbers
3. Plain output
words = ["x", "y"]
for w in words:
print(w * 2)
Output:
xx
y
words.append("z")
print(len(words))
Output: 3
That is the whole program.
4. Keywords
continue
The continue statement skips the rest of the loop body.
map(function, iterable)
It applies the function to each item.
EOF
  local rc=0
  gc_in check blog.txt --format json >"$work/b.json" || rc=$?
  assert_eq "exit code" 1 "$rc"
  assert_eq "verdicts" "q01 5 match -
q01 8 match -
q01 9 match -
q02 13 match -
q02 16 mismatch -
q03 23 mismatch -
q03 27 match -" "$(verdicts "$work/b.json")"
  assert_eq "samples" "q01 q02 q03" "$("$PYTHON" -c '
import json, sys
print(" ".join(s["id"] for s in json.load(open(sys.argv[1]))["snippets"]))' "$work/b.json")"
  gc_in extract blog.txt >/dev/null 2>&1
  gc_in update --write-guide >/dev/null 2>&1 || true
  assert_eq "the labelled claim keeps its label" "#output:7" "$(sed -n 16p "$work/blog.txt")"
  assert_eq "plain output stays plain" "xx
yy" "$(sed -n 23,24p "$work/blog.txt")"
  rc=0
  gc_in check blog.txt --format json >"$work/b2.json" || rc=$?
  assert_eq "exit code after the fixes" 0 "$rc"
}

run_case every_claim_gets_its_verdict case_every_claim_gets_its_verdict
run_case unseen_guide_fails_exactly_on_its_errors case_unseen_guide_fails_exactly_on_its_errors
run_case junit_is_valid_xml_with_a_testcase_per_sample case_junit_is_valid_xml_with_a_testcase_per_sample
run_case strict_also_fails_on_prose_and_equivalent case_strict_also_fails_on_prose_and_equivalent
run_case known_errata_pass_but_are_listed case_known_errata_pass_but_are_listed
run_case write_guide_changes_only_the_wrong_claims case_write_guide_changes_only_the_wrong_claims
run_case chevron_marked_output_is_checked_and_rewritten_in_kind case_chevron_marked_output_is_checked_and_rewritten_in_kind
run_case blog_conventions_are_judged_and_rewritten_in_kind case_blog_conventions_are_judged_and_rewritten_in_kind
finish
