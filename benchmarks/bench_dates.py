"""Throughput of the date tagger against dateparser.search.search_dates, on the same English articles.

Both run in this one process on one core; each gets the article text and its publication date.
`--published` also scores the publication-day estimate on the same articles, each given only
its month and stripped of its dateline ("Friday, January 4, 2019").
Usage: python benchmarks/bench_dates.py [--limit N] [--repeat R] [--no-dateparser] [--published]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from datetime import date
from pathlib import Path

from kroniek.model import Article, Doc
from kroniek.model import Options
from kroniek.stages.dates import DateStage
from kroniek.stages.segment import SegmentStage
from kroniek.kb import load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/wikinews_en"


def articles(limit: int | None) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    rows: list[tuple[str, str]] = []
    for path in sorted(DATA.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8") as f:
            rows.extend((r["text"], r["date"][:10]) for r in csv.DictReader(f))
    return rows[:limit] if limit else rows


def bench_kroniek(rows: list[tuple[str, str]], repeat: int) -> tuple[float, int]:
    """Seconds per pass for the dates stage (sentences from the segment stage, untimed), and timexes found."""
    options = Options()
    segment, stage = SegmentStage(options, load()), DateStage(options, load())
    docs = [segment(Doc(Article(str(i), text, date=day, lang="en"), lang="en")) for i, (text, day) in enumerate(rows)]
    stage(docs[0])  # compile the grammar outside the timing
    best, found = float("inf"), 0
    for _ in range(repeat):
        for d in docs:
            d.timexes = []
        t = time.perf_counter()
        for d in docs:
            stage(d)
        best = min(best, time.perf_counter() - t)
        found = sum(len(d.timexes) for d in docs)
    return best, found


def bench_dateparser(rows: list[tuple[str, str]]) -> tuple[float, int]:
    from datetime import datetime

    from dateparser.search import search_dates

    search_dates("warm up on 1 May 2020", languages=["en"])
    found = 0
    t = time.perf_counter()
    for text, day in rows:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(day)}
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
    return time.perf_counter() - t, found


_DATELINE = re.compile(r"^\s*\w+day, \w+ \d+, \d{4}\s*")


def published_estimates(rows: list[tuple[str, str]]) -> None:
    """How near the estimate comes to the true day when only the month is given."""
    options = Options()
    segment, stage = SegmentStage(options, load()), DateStage(options, load())
    errors: list[int] = []
    for i, (text, day) in enumerate(rows):
        doc = Doc(Article(str(i), _DATELINE.sub("", text), date=day[:7], lang="en"), lang="en")
        got = stage(segment(doc)).published
        if got:
            errors.append(abs((date.fromisoformat(got) - date.fromisoformat(day)).days))
    n = len(rows)
    within = {k: sum(e <= k for e in errors) for k in (1, 3, 7)}
    print(f"published estimate (month given): {len(errors)}/{n} estimated; within 1 day {within[1]}, "
          f"3 days {within[3]}, 7 days {within[7]}; no estimate {n - len(errors)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all 295)")
    ap.add_argument("--repeat", type=int, default=5, help="kroniek passes; the fastest counts")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument("--published", action="store_true", help="also score the publication-day estimate")
    args = ap.parse_args()
    rows = articles(args.limit)
    mb = sum(len(t.encode("utf-8")) for t, _ in rows) / 1e6
    secs, found = bench_kroniek(rows, args.repeat)
    print(f"{len(rows)} articles, {mb:.2f} MB")
    print(f"kroniek dates stage     {secs:7.2f} s  {mb / secs:7.2f} MB/s  {found} timexes")
    if not args.no_dateparser:
        dsecs, dfound = bench_dateparser(rows)
        print(f"dateparser search_dates {dsecs:7.2f} s  {mb / dsecs:7.2f} MB/s  {dfound} dates")
        print(f"speed-up {dsecs / secs:.1f}x")
    if args.published:
        published_estimates(rows)


if __name__ == "__main__":
    main()
