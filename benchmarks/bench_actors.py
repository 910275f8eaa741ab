"""Throughput of the actor stage (mention detection + linking), one process, one core.

Runs the stage over the seed article and the English Wikinews articles of ../shared, repeated
to at least --mb megabytes, article by article (per-document overhead included).
CPU time is reported, since the machine may be shared; wall time is printed beside it. The KB and the
automaton are built before timing (once per process by design). The floor is 2 MB of text/s.
Run: .venv/bin/python benchmarks/bench_actors.py [--mb 4]
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from kroniek.model import Article, Doc
from kroniek.model import Options
from kroniek.stages.actors import ActorStage, automaton, lexicon
from kroniek.kb import load

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus() -> list[tuple[str, str, str]]:
    """(lang, date, text) of the seed and the Wikinews articles."""
    seed = SHARED / "examples" / "000_46394a742c6b9fcd.txt"
    docs = [("nl", "2025-04", seed.read_text(encoding="utf-8"))]
    with (SHARED / "data" / "wikinews_en" / "wikinews_2019.csv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            docs.append(("en", rec["date"][:10] or None, rec["text"]))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=4.0)
    args = parser.parse_args()
    stage = ActorStage(Options(), load())
    automaton(load())
    lexicon("nl", load()), lexicon("en", load())
    base = corpus()
    docs, size = [], 0
    while size < args.mb * 1e6:
        for lang, date, text in base:
            docs.append((lang, date, text))
            size += len(text.encode("utf-8"))
    t0, c0 = time.perf_counter(), time.process_time()
    mentions = 0
    for i, (lang, date, text) in enumerate(docs):
        doc = stage(Doc(Article(id=str(i), text=text, date=date), lang=lang))
        mentions += len(doc.entities)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(docs)} docs, {size / 1e6:.1f} MB, {mentions} entities; CPU {cpu:.2f} s: "
          f"{size / 1e6 / cpu:.2f} MB/s, {len(docs) / cpu:.0f} docs/s (wall {wall:.2f} s)")


if __name__ == "__main__":
    main()
