"""Throughput of the quote stage alone on one core (target: >= 500 articles/s).

The earlier stages (language, segment, actors, dates) run once up front; the timed loop
runs only `QuoteStage` over fresh copies of their output, so the figure is the stage's own.
Both wall-clock and process CPU time are printed: on a shared machine the CPU figure is the
one that says what one free core does.
Inputs: the PolNeAR dev texts (English) and the seed article (Dutch) from ../shared.

    .venv/bin/python benchmarks/bench_quotes.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import copy
import gc
import time
from pathlib import Path

from kroniek import Options, Pipeline, nlp
from kroniek.ingest.readers import read_inputs
from kroniek.kb import load
from kroniek.model import Article, Doc
from kroniek.stages.quotes import QuoteStage

SHARED = Path(__file__).resolve().parents[2] / "shared"


def prepared() -> list[Doc]:
    """Documents analysed up to the dates stage, quotes not yet found."""
    docs = []
    for lang, paths in (("en", sorted((SHARED / "data/polnear/dev/text").glob("*.txt"))),
                        ("nl", [SHARED / "examples/000_46394a742c6b9fcd.txt"])):
        pipe = Pipeline(Options(lang=lang, stages=("language", "segment", "actors", "dates")))
        for p in paths:
            if lang == "nl":
                art = next(read_inputs([str(p)]))
            else:
                art = Article(p.stem, p.read_text(encoding="utf-8"), lang="en")
            docs.append(pipe(art))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = prepared()
    stage = QuoteStage(Options(), load())
    for warm in (docs[0], docs[-1]):  # lexicons (en, nl) and the KB load outside the timing
        stage(copy.deepcopy(warm))
    for lang in ("en", "nl"):  # so do the taggers the stage asks on demand (chunks.py), once per process
        nlp.tag_text(lang, "Warm.")
    batches = [[copy.deepcopy(d) for d in docs] for _ in range(args.repeat)]
    chars = sum(len(d.text) for d in docs) * args.repeat
    gc.collect()  # the copies above are the set-up's: a full collection of them must not land in the timing
    t0, c0 = time.perf_counter(), time.process_time()
    quotes = sum(len(stage(d).quotes) for batch in batches for d in batch)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(docs) * args.repeat
    print(f"{n} articles ({chars / n:,.0f} chars avg), {quotes} quotes; wall {dt:.2f}s: {n / dt:,.0f} articles/s; "
          f"CPU {cpu:.2f}s: {n / cpu:,.0f} articles/s, {chars / cpu / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
