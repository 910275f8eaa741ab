"""Pass rate of kroniek's English tagger on HeidelTime's own English test cases.

A case passes when the set of (span, value) pairs found equals the expected set exactly.
Interval cases (no value) and cases HeidelTime itself ignores are left out.
Usage: python scripts/eval_heideltime.py [--data ../shared/data/heideltime_tests] [--fails]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kroniek.timex import resolve
from kroniek.timex import tag

ROOT = Path(__file__).resolve().parents[1]


def dct(raw: str | None) -> str | None:
    """HeidelTime's document dates come as YYYYMMDD or YYYY-MM-DD."""
    if not raw:
        return None
    raw = raw.replace("-", "")
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def run(path: Path) -> tuple[int, int, list[str], Counter]:
    passed = total = 0
    fails: list[str] = []
    by_file: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["ignored"] or any(e["value"] is None for e in case["expected"]):
            continue
        text = case["text"].replace("\\n", "\n")
        got = {(t.text, t.value) for t in resolve(tag(text, "en"), dct(case["dct"]), "en")}
        want = {(e["span"], e["value"]) for e in case["expected"]}
        total += 1
        by_file[case["file"], "total"] += 1
        if got == want:
            passed += 1
            by_file[case["file"], "pass"] += 1
        else:
            fails.append(f"{case['file'][:-5]}: {text!r} dct={case['dct']} got {sorted(got)} want {sorted(want)}")
    return passed, total, fails, by_file


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/heideltime_tests")
    ap.add_argument("--fails", action="store_true", help="list the failing cases")
    args = ap.parse_args()
    passed, total, fails, by_file = run(args.data / "heideltime_en_cases.jsonl")
    if args.fails:
        print("\n".join(fails))
    for name in sorted({f for f, _ in by_file}):
        print(f"{name:32s} {by_file[name, 'pass']:4d}/{by_file[name, 'total']:<4d}")
    print(f"pass rate {passed}/{total} = {passed / total:.3f}")


if __name__ == "__main__":
    main()
