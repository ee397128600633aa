#!/usr/bin/python3
"""Score guidecheck against the answer keys of the test guides.

    score.py GUIDECHECK [GUIDE...] [--json] [--by-kind] [-v]
             [--min-right FRACTION] [--max-false-alarms N]

For each guide (default: every guide in this directory with a
`<guide>.key.json`) it runs `GUIDECHECK check GUIDE --format json` in a fresh
temporary directory, reads the JSON report and compares it with the key:

  samples       snippets reported / runnable samples in the key
  found         key claims with a reported claim on their line (or, for a
                claim with "last_line", on any line of its block)
  true right    true claims whose verdicts are all match or equivalent
  caught        planted errors (true: false) with a mismatch verdict
  false alarms  true claims judged mismatch, plus failed snippets that hold
                no planted error and no such claim (failed for another
                reason: an error, a crash, a layout gone wrong)
  extra         reported claims on no key claim's lines (prose verdicts,
                i.e. comments that describe code, are counted apart)
  non-samples   reported snippets covering a line the key lists as not a
                sample (a syntax template, say)

"claims right" is true claims judged right plus planted errors caught.

Exit status: 0, or 1 when --min-right (claims right / key claims) or
--max-false-alarms is not met, or 2 when GUIDECHECK cannot be run at all.
guidecheck's own exit 2 on a guide is reported for that guide (nothing of it
is found) and scoring goes on.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import scrape

HERE = os.path.dirname(os.path.abspath(__file__))
RIGHT = ("match", "equivalent")


class CannotRun(Exception):
    pass


def guides_in(directory):
    return sorted(os.path.join(directory, f[:-len(".key.json")])
                  for f in os.listdir(directory)
                  if f.endswith(".key.json") and os.path.isfile(os.path.join(directory, f[:-len(".key.json")])))


def run_guidecheck(binary, guide, timeout):
    """-> (report dict or None, error text or None)"""
    tmp = tempfile.mkdtemp(prefix="guidecheck-score-")
    try:
        try:
            proc = subprocess.run([binary, "check", guide, "--format", "json"], cwd=tmp,
                                  capture_output=True, timeout=timeout)
        except (FileNotFoundError, PermissionError, OSError) as exc:
            raise CannotRun(f"cannot run {binary}: {exc}") from exc
        except subprocess.TimeoutExpired:
            return None, f"timed out after {timeout} s"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in (0, 1):
        what = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
                else f"exit {proc.returncode}")
        return None, f"{what}: {last_lines(stderr)}"
    try:
        report = json.loads(proc.stdout.decode("utf-8", "replace"))
    except ValueError as exc:
        return None, f"exit {proc.returncode} but no JSON report ({exc}): {last_lines(stderr)}"
    if not isinstance(report, dict) or not isinstance(report.get("snippets"), list):
        return None, "JSON report without a \"snippets\" list"
    return report, None


def last_lines(text, n=3):
    lines = [l for l in text.splitlines() if l.strip()]
    return " | ".join(lines[-n:]) if lines else "(no message)"


def in_span(line, first, last):
    return first <= line <= last


def score_guide(key, report):
    claims = key["claims"]
    non_samples = [ns["line"] for ns in key.get("non_samples", [])]
    snippets = report["snippets"] if report else []

    spans = [(c["line"], c.get("last_line", c["line"])) for c in claims]
    matched = [[] for _ in claims]      # reported claims per key claim
    extra = []
    for sn in snippets:
        for rc in sn.get("claims") or []:
            gl = rc.get("guide_line")
            hit = next((i for i, c in enumerate(claims) if gl == c["line"]), None)
            if hit is None:
                hit = next((i for i, (a, b) in enumerate(spans) if isinstance(gl, int) and a <= gl <= b), None)
            if hit is None:
                extra.append(rc)
            else:
                matched[hit].append(rc)

    res = {
        "samples_key": key["samples"], "samples_reported": len(snippets),
        "samples_failed": sum(1 for s in snippets if s.get("status") == "failed"),
        "claims": len(claims), "found": 0,
        "true": 0, "true_right": 0, "planted": 0, "caught": 0,
        "claim_alarms": 0, "sample_alarms": 0,
        "extra": len(extra), "extra_prose": sum(1 for rc in extra if rc.get("verdict") == "prose"),
        "non_samples_run": 0, "undecided": 0,
        "by_kind": {}, "misses": [],
    }
    mismatched_true_lines = []
    for c, reps in zip(claims, matched):
        verdicts = [r.get("verdict") for r in reps]
        kind = c.get("kind", "?")
        bk = res["by_kind"].setdefault(kind, {"claims": 0, "found": 0, "right": 0})
        bk["claims"] += 1
        if reps:
            res["found"] += 1
            bk["found"] += 1
        if c["true"]:
            res["true"] += 1
            ok = bool(reps) and all(v in RIGHT for v in verdicts)
            if ok:
                res["true_right"] += 1
                bk["right"] += 1
            if "mismatch" in verdicts:
                res["claim_alarms"] += 1
                mismatched_true_lines.append(c["line"])
        else:
            res["planted"] += 1
            ok = "mismatch" in verdicts
            if ok:
                res["caught"] += 1
                bk["right"] += 1
        if reps and not ok and "mismatch" not in verdicts:
            res["undecided"] += 1
        if not ok:
            res["misses"].append({"line": c["line"], "true": c["true"], "what": c.get("what", ""),
                                  "verdicts": verdicts or ["not found"]})

    planted_lines = [c["line"] for c in claims if not c["true"]]
    for sn in snippets:
        first, last = span_of(sn)
        if first is None:
            continue
        if any(in_span(l, first, last) for l in non_samples):
            res["non_samples_run"] += 1
        if sn.get("status") != "failed":
            continue
        if any(in_span(l, first, last) for l in planted_lines):
            continue
        if any(in_span(l, first, last) for l in mismatched_true_lines):
            continue   # already counted as a claim alarm
        res["sample_alarms"] += 1
    res["false_alarms"] = res["claim_alarms"] + res["sample_alarms"]
    res["right"] = res["true_right"] + res["caught"]
    return res


def span_of(snippet):
    gl = snippet.get("guide_lines")
    if isinstance(gl, list) and len(gl) == 2 and all(isinstance(x, int) for x in gl):
        return gl[0], gl[1]
    return None, None


TOTAL_FIELDS = ("samples_key", "samples_reported", "samples_failed", "claims", "found", "true",
                "true_right", "planted", "caught", "claim_alarms", "sample_alarms", "false_alarms",
                "extra", "extra_prose", "non_samples_run", "undecided", "right")


def line_for(name, r, error):
    text = (f"{name}: samples {r['samples_reported']}/{r['samples_key']}, "
            f"claims found {r['found']}/{r['claims']}, "
            f"true claims right {r['true_right']}/{r['true']}, "
            f"errors caught {r['caught']}/{r['planted']}, "
            f"false alarms {r['false_alarms']} (claims {r['claim_alarms']}, samples {r['sample_alarms']}), "
            f"extra {r['extra']} (prose {r['extra_prose']})")
    if r["non_samples_run"]:
        text += f", non-samples run {r['non_samples_run']}"
    if error:
        text += f"\n  error: {error}"
    return text


def scraped_guide(guide, key, directory, keep_blank_lines=False):
    """Renders the guide as scraped text into directory.
    -> (its path, the key with its lines carried over)"""
    text, line_map = scrape.render(guide, keep_blank_lines)
    path = os.path.join(directory, os.path.splitext(os.path.basename(guide))[0] + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(text) + "\n")

    key = dict(key)
    key["claims"] = carried_over(key["claims"], line_map, path, "claim")
    key["non_samples"] = carried_over(key.get("non_samples", []), line_map, path, "non-sample")
    return path, key


def carried_over(entries, line_map, path, what):
    """The key entries on the scrape's lines. A scrape drops lines (a
    directive and its options, blank lines): an entry starts on its first
    line the scrape kept and ends on its last; one with no line kept (a
    `literalinclude`, whose code is in another file) is not on the scraped
    page and is left out, with a note on stderr."""
    kept = []
    for entry in entries:
        span = range(entry["line"], entry.get("last_line", entry["line"]) + 1)
        lines = [line_map[line] for line in span if line in line_map]
        if not lines:
            print(f"score.py: {os.path.basename(path)}: the {what} at line {entry['line']} is not in the scrape; "
                  f"left out ({entry.get('what', '')})", file=sys.stderr)
            continue
        entry = dict(entry, line=lines[0])
        if "last_line" in entry:
            entry["last_line"] = lines[-1]
        kept.append(entry)
    return kept


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("guidecheck", help="the guidecheck binary to score")
    ap.add_argument("guides", nargs="*", help="guides (default: every guide with a key here)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--by-kind", action="store_true", help="also show results per claim convention")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every key claim not judged right")
    ap.add_argument("--min-right", type=float, metavar="FRACTION",
                    help="exit 1 unless claims right / key claims >= FRACTION")
    ap.add_argument("--max-false-alarms", type=int, metavar="N", help="exit 1 if false alarms > N")
    ap.add_argument("--scraped", action="store_true",
                    help="score the scraped-text rendering of each Markdown/reST guide (scrape.py)")
    ap.add_argument("--keep-blank-lines", action="store_true",
                    help="with --scraped: keep the page's blank lines (another common scrape)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per guide (default 600)")
    args = ap.parse_intermixed_args(argv)

    binary = args.guidecheck
    if os.sep in binary:
        binary = os.path.abspath(binary)
    guides = [os.path.abspath(g) for g in args.guides] or guides_in(HERE)
    if not guides:
        print("score.py: no guides with a key", file=sys.stderr)
        return 2

    per_guide = {}
    totals = {f: 0 for f in TOTAL_FIELDS}
    by_kind = {}
    errors = 0
    for guide in guides:
        name = os.path.basename(guide)
        key_path = guide + ".key.json"
        try:
            with open(key_path, encoding="utf-8") as f:
                key = json.load(f)
        except (OSError, ValueError) as exc:
            print(f"score.py: {name}: cannot read the key {key_path}: {exc}", file=sys.stderr)
            return 2
        scraped_dir = None
        if args.scraped and guide.endswith((".md", ".rst")):
            scraped_dir = tempfile.mkdtemp(prefix="guidecheck-scraped-")
            guide, key = scraped_guide(guide, key, scraped_dir, args.keep_blank_lines)
            name += " (scraped)"
        try:
            report, error = run_guidecheck(binary, guide, args.timeout)
        except CannotRun as exc:
            print(f"score.py: {exc}", file=sys.stderr)
            return 2
        finally:
            if scraped_dir:
                shutil.rmtree(scraped_dir, ignore_errors=True)
        errors += bool(error)
        r = score_guide(key, report)
        r["error"] = error
        per_guide[name] = r
        for f in TOTAL_FIELDS:
            totals[f] += r[f]
        for kind, v in r["by_kind"].items():
            t = by_kind.setdefault(kind, {"claims": 0, "found": 0, "right": 0})
            for f in t:
                t[f] += v[f]
        if not args.json:
            print(line_for(name, r, error))
            if args.verbose:
                for m in r["misses"]:
                    label = "true" if m["true"] else "PLANTED"
                    print(f"    line {m['line']} ({label}): {', '.join(map(str, m['verdicts']))}"
                          f" - {m['what']}")

    totals["guides"] = len(guides)
    totals["guide_errors"] = errors
    fraction = totals["right"] / totals["claims"] if totals["claims"] else 0.0
    totals["right_fraction"] = round(fraction, 4)

    failures = []
    if args.min_right is not None and fraction < args.min_right:
        failures.append(f"claims right {fraction:.3f} < {args.min_right}")
    if args.max_false_alarms is not None and totals["false_alarms"] > args.max_false_alarms:
        failures.append(f"false alarms {totals['false_alarms']} > {args.max_false_alarms}")

    if args.json:
        if not args.verbose:
            for r in per_guide.values():
                del r["misses"]
        print(json.dumps({"totals": totals, "by_kind": by_kind, "guides": per_guide,
                          "thresholds_failed": failures}, indent=2))
    else:
        if args.by_kind:
            print("by kind:")
            for kind in sorted(by_kind):
                v = by_kind[kind]
                print(f"  {kind:<14} claims {v['claims']:>3}, found {v['found']:>3}, right {v['right']:>3}")
        print(f"samples reported {totals['samples_reported']}/{totals['samples_key']}, "
              f"claims found {totals['found']}/{totals['claims']}, "
              f"extra {totals['extra']} (prose {totals['extra_prose']}), "
              f"guides with errors {errors}")
        print(f"TOTAL: claims right {totals['right']}/{totals['claims']}, "
              f"errors caught {totals['caught']}/{totals['planted']}, "
              f"false alarms {totals['false_alarms']}")
        for f in failures:
            print(f"FAILED: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
