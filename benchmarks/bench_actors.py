"""Throughput of the actor stage (mention detection + linking), one process, one core.

Runs the stage over the seed article and the English Wikinews articles of ../shared, repeated
to at least --mb megabytes, article by article (per-document overhead included).
CPU time is reported, since the machine may be shared; wall time is printed beside it. The KB, the
automaton and the name taggers are loaded before timing (once per process by design). The floor is
1 MB of text/s with the tagger (it reads only windows around the names the KB did not match), and
2 MB/s without it. The share of the text the tagger read is printed too.
The tagger runs on Dutch only, so `--dutch` (UD Dutch dev and test text) is the run that measures it.
Run: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_actors.py [--mb 4] [--no-tagger] [--dutch]
"""
from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages.actors import ActorStage, automaton, lexicon
from kroniek.stages.actors import tagger as name_tagger

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus() -> list[tuple[str, str, str]]:
    """(lang, date, text) of the seed and the Wikinews articles."""
    seed = SHARED / "examples" / "000_46394a742c6b9fcd.txt"
    docs = [("nl", "2025-04", seed.read_text(encoding="utf-8"))]
    with (SHARED / "data" / "wikinews_en" / "wikinews_2019.csv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            docs.append(("en", rec["date"][:10] or None, rec["text"]))
    return docs


def dutch_corpus() -> list[tuple[str, str, str]]:
    """(lang, date, text) of Dutch running text: the UD Dutch dev and test sentences (Alpino news,
    LassySmall Wikipedia; CC BY-SA), joined into one text per source document. The tagger runs on
    Dutch only (data/en/actors.yaml lists no tagger types), so this is where its cost shows."""
    docs: dict[str, list[str]] = {}
    for path in sorted((SHARED / "data" / "ud_dutch").glob("UD_Dutch-*/*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# sent_id"):
                doc = re.split(r"\.p\.\d+|\.s\.\d+", line.split("=", 1)[1].strip())[0]
            elif line.startswith("# text ="):
                docs.setdefault(doc, []).append(line.split("=", 1)[1].strip())
    return [("nl", "2020-01-01", " ".join(sents)) for sents in docs.values()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--no-tagger", action="store_true", help="KB and rules only")
    parser.add_argument("--dutch", action="store_true", help="UD Dutch text instead of the seed and Wikinews")
    args = parser.parse_args()
    stage = ActorStage(Options(tagger=not args.no_tagger), load())
    automaton(load())
    lexicon("nl", load()), lexicon("en", load())
    read = [0]
    if not args.no_tagger:
        for lang in ("nl", "en"):
            if name_tagger.load(lang) is None:
                print(f"no shipped tagger for {lang}")
            else:
                stage(Doc(Article(id="warm", text="Gisteren zei Jan Modaal iets in Xanten.", date=None), lang=lang))
        plain = name_tagger.tag

        def counting(nlp, text, spans):
            result = plain(nlp, text, spans)
            read[0] += sum(hi - lo for lo, hi in result.windows)
            return result
        name_tagger.tag = counting
    base = dutch_corpus() if args.dutch else corpus()
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
    chars = sum(len(t) for _, _, t in docs)
    print(f"{len(docs)} docs, {size / 1e6:.1f} MB, {mentions} entities; CPU {cpu:.2f} s: "
          f"{size / 1e6 / cpu:.2f} MB/s, {len(docs) / cpu:.0f} docs/s (wall {wall:.2f} s)"
          + ("" if args.no_tagger else f"; the tagger read {read[0] / chars:.0%} of the text"))


if __name__ == "__main__":
    main()
