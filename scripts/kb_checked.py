"""Stamp each hand-written short-form KB role with the day it was last written (`@YYYY-MM-DD`).

A role's line was written after checking its sources (docs/actors.md §Coverage), so the commit day
of that line (`git blame`) is the day it was last verified. Roles that already carry `@day` are left
alone; so are the generated files (countries, places, Archigos). Idempotent.
Run: .venv/bin/python scripts/kb_checked.py [FILE ...]
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "kroniek" / "data" / "kb"
GENERATED = {"countries.yaml", "places.yaml", "leaders_archigos.yaml"}
# a short-form role not yet stamped, ending at a comma, a closing bracket or the line's end
ROLE = re.compile(r"(\b[a-z_]+ [A-Z]{2,5} (?:\d{4}-\d{2}-\d{2})?\.\.(?:\d{4}-\d{2}-\d{2})?(?: [a-z][\w-]*:[\w:.-]+)?)"
                  r"(?=\s*(?:,|\]|$))")


def blame_days(path: Path) -> list[str]:
    """The commit day (author date, UTC) of every line of a committed file."""
    out = subprocess.run(["git", "blame", "--line-porcelain", "--", str(path.relative_to(ROOT))], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    days, when = [], ""
    for line in out.splitlines():
        if line.startswith("committer-time "):
            import datetime as dt
            when = dt.datetime.fromtimestamp(int(line.split()[1]), dt.timezone.utc).date().isoformat()
        elif line.startswith("\t"):
            days.append(when)
    return days


def stamp(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    days = blame_days(path)
    if len(days) != len(lines):
        raise SystemExit(f"{path.name}: commit or stash it first (blame has {len(days)} lines, file {len(lines)})")
    count = 0
    for i, (line, day) in enumerate(zip(lines, days)):
        if line.lstrip().startswith("#"):
            continue
        new, n = ROLE.subn(lambda m: f"{m.group(1)} @{day}", line)
        lines[i], count = new, count + n
    path.write_text("".join(lines), encoding="utf-8")
    return count


def main() -> None:
    files = [Path(f).resolve() for f in sys.argv[1:]] or sorted(p for p in KB.glob("*.yaml") if p.name not in GENERATED)
    for path in files:
        print(f"{path.name}: {stamp(path)} roles stamped")


if __name__ == "__main__":
    main()
