"""Throughput of the language layer on one core: detection, segmentation, tagging+parsing.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_language.py [--rounds 3]

Inputs: the seed article (Dutch) and the 295 English Wikinews articles under ../shared/data.
Parsing is measured twice: on gold-tokenized UD test sentences (the model alone) and through
kroniek.nlp.parse_all on whole articles (tokenizing, slicing and writing back included).
"""
from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from kroniek import nlp  # noqa: E402  (thread limit first)
from kroniek.kb import load  # noqa: E402
from kroniek.model import Article, Doc  # noqa: E402
from kroniek.model import Options  # noqa: E402
from kroniek.stages.language import SAMPLE_CHARS, LanguageStage, by_function_words, detector  # noqa: E402
from kroniek.stages.segment import SegmentStage  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def articles() -> dict[str, list[Article]]:
    seed = (SHARED / "examples" / "000_46394a742c6b9fcd.txt").read_text(encoding="utf-8")
    nl = [Article(id=f"seed{i}", text=seed.split("\n", 1)[1]) for i in range(50)]
    en = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(SHARED / "data" / "wikinews_en" / name, encoding="utf-8", newline="") as fh:
            en += [Article(id=row["url"], text=row["text"], title=row["title"]) for row in csv.DictReader(fh)]
    return {"nl": nl, "en": en}


def best_of(rounds: int, fn) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    options = Options()
    language, segment = LanguageStage(options, load()), SegmentStage(options, load())
    for lang, arts in articles().items():
        words = sum(len(a.text.split()) for a in arts)
        detector().detect_language_of(arts[0].text)  # lingua loads its models lazily: outside the timing
        quick = sum(by_function_words((f"{a.title}\n{a.text}" if a.title else a.text)[:SAMPLE_CHARS]) is not None
                    for a in arts)
        t_lang = best_of(args.rounds, lambda: [language(Doc(article=a)) for a in arts])
        docs = [language(Doc(article=a)) for a in arts]
        t_seg = best_of(args.rounds, lambda: [segment(Doc(article=d.article, lang=d.lang)) for d in docs])
        tokens = sum(len(nlp.load(lang).tokenizer(a.text)) for a in arts)
        nlp.parse_all(segment(Doc(article=arts[0], lang=lang)), options)  # warm up

        def parse() -> None:
            for d in docs:
                nlp.parse_all(segment(Doc(article=d.article, lang=lang)), options)

        t_parse = best_of(args.rounds, parse)
        n = len(arts)
        print(f"{lang}: {n} articles, {words} words, {tokens} tokens")
        print(f"  language id   {n / t_lang:10.0f} articles/s  ({1000 * t_lang / n:.2f} ms/article; "
              f"{quick} of {n} decided by function words, the rest by lingua)")
        print(f"  segmentation  {n / t_seg:10.0f} articles/s  ({words / t_seg:,.0f} words/s)")
        print(f"  parse_all     {n / t_parse:10.1f} articles/s  ({tokens / t_parse:,.0f} tokens/s, tokenize+tag+parse)")


if __name__ == "__main__":
    main()
