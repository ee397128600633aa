#!/usr/bin/env bash
# End-to-end: the bundled guide, checked as a new user would, on a clean copy
# of the project: every sample's imports are installed by setup.sh, the check
# ends with 0 failed (also on a read-only checkout), and check, update and run
# leave nothing in the tree but the tool's own cache directory.
source "$(dirname "$0")/lib.sh"
require_guidecheck

project=$E2E_TMP/project
# A clean copy of the project's guide, snippets and approved outputs, under
# git (so that `git status` shows what a command wrote).
clean_copy() {
  rm -rf "$project"
  mkdir -p "$project"
  cp -R "$SOURCE_DIR/guide" "$SOURCE_DIR/snippets" "$SOURCE_DIR/expected" "$SOURCE_DIR/.gitignore" "$project"
  (
    cd "$project"
    git init -q
    git add -A
    git -c user.name=e2e -c user.email=e2e@localhost commit -qm copy
  )
}
gc_in_project() { (cd "$project" && "$GUIDECHECK" "$@"); }

# The imports of every snippet, less the standard library: each must be a
# module of a package listed in guide/debian-packages.txt.
case_setup_installs_every_module_the_samples_import() {
  local missing
  missing=$("$PYTHON" - "$SOURCE_DIR" <<'EOF'
import ast, pathlib, sys
root = pathlib.Path(sys.argv[1])
provided = set()
for line in (root / "guide/debian-packages.txt").read_text().splitlines():
    if line.strip() and not line.startswith("#"):
        provided.update(line.split()[1:])
local = {p.stem for p in (root / "snippets").glob("*.py")}
for path in sorted((root / "snippets").glob("*.py")):
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top not in provided and top not in local:
                print(f"{path.name} imports {top}")
EOF
)
  assert_eq "third-party imports that guide/debian-packages.txt does not provide" "" "$missing"
}

case_check_passes_on_a_clean_copy_and_writes_only_its_cache() {
  clean_copy
  local rc=0
  (cd "$project" && "$GUIDECHECK" check --color never >"$E2E_TMP/check.out" 2>"$E2E_TMP/check.err") || rc=$?
  assert_eq "check exit code" 0 "$rc"
  text_contains "summary" " 0 failed" "$(last_line "$E2E_TMP/check.out")"
  gc_in_project update >/dev/null 2>&1 || fail "update failed on a clean copy"
  gc_in_project run snippets/q02.py >/dev/null 2>&1 || fail "run failed on a clean copy"
  assert_eq "git status after check, update and run" "!! .guidecheck/" \
    "$(cd "$project" && git status --porcelain --ignored)"
}

# Read-only for real: as root, run as an unprivileged user (root ignores
# permission bits).
as_reader() {
  if [[ $(id -u) -eq 0 ]]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else
    "$@"
  fi
}

case_check_works_on_a_read_only_checkout() {
  clean_copy
  chmod 755 "$E2E_TMP"
  chmod -R a-w "$project"
  local rc=0
  (cd "$project" && as_reader "$GUIDECHECK" check --color never >"$E2E_TMP/ro.out" 2>"$E2E_TMP/ro.err") || rc=$?
  chmod -R u+w "$project"
  assert_eq "check exit code on a read-only checkout" 0 "$rc"
  text_contains "summary" " 0 failed" "$(last_line "$E2E_TMP/ro.out")"
  if [[ $rc -ne 0 ]]; then sed 's/^/    /' "$E2E_TMP/ro.err" | tail -n 20 >&2; fi
  assert_eq "git status after a read-only check" "" "$(cd "$project" && git status --porcelain --ignored)"
}

# What makes .ci/run fail: a corrupted approved output.
case_a_corrupted_expected_file_fails_the_check() {
  clean_copy
  printf 'corrupted\n' >>"$project/expected/q05.out"
  local rc=0
  gc_in_project check --color never >"$E2E_TMP/corrupt.out" 2>&1 || rc=$?
  assert_eq "check exit code" 1 "$rc"
  assert_contains "the failing sample" "q05" "$E2E_TMP/corrupt.out"
}

run_case setup_installs_every_module_the_samples_import case_setup_installs_every_module_the_samples_import
run_case check_passes_on_a_clean_copy_and_writes_only_its_cache case_check_passes_on_a_clean_copy_and_writes_only_its_cache
run_case check_works_on_a_read_only_checkout case_check_works_on_a_read_only_checkout
run_case a_corrupted_expected_file_fails_the_check case_a_corrupted_expected_file_fails_the_check
finish
