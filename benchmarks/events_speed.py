"""Throughput of the event stage alone and of the whole pipeline, on English Wikinews articles.

    .venv/bin/python benchmarks/events_speed.py [../shared/data/wikinews_en/wikinews_2019.csv]

Prints articles/s for the default pipeline and the share of its time spent in the event stage.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from kroniek import Pipeline
from kroniek.ingest.readers import read_inputs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "wikinews_en" / "wikinews_2019.csv"


def main(path: Path) -> None:
    articles = [a for a in read_inputs([str(path)]) if hasattr(a, "text")]
    pipe = Pipeline()
    pipe(articles[0])  # load models and lexicons once
    spent: dict[str, float] = {s.name: 0.0 for s in pipe.stages or []}
    events = 0
    start = time.perf_counter()
    for article in articles:
        from kroniek.model import Doc

        doc = Doc(article=article, lang=article.lang)
        for stage in pipe.stages or []:
            t0 = time.perf_counter()
            doc = stage(doc)
            spent[stage.name] += time.perf_counter() - t0
        events += len(doc.events)
    total = time.perf_counter() - start
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars / len(articles):.0f} chars each, {events} events")
    print(f"pipeline: {len(articles) / total:.1f} articles/s; events stage: "
          f"{len(articles) / spent['events']:.0f} articles/s ({100 * spent['events'] / total:.1f}% of the time)")
    print("per stage (s):", {k: round(v, 2) for k, v in spent.items()})


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
