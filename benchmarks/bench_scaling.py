"""Cost against text length: the seed article repeated to 100k … 800k characters, per stage.

Analysis cost must grow linearly with the text (issue #16): 800k characters may cost at most
10× what 100k cost. CPU time per stage, one process:
`OMP_NUM_THREADS=1 python benchmarks/bench_scaling.py [--sizes 100000,200000,400000,800000]`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kroniek.model import Article, Doc, Options
from kroniek.pipeline import Pipeline

SEED = Path(__file__).resolve().parents[1] / "examples" / "001_navo_top_den_haag.txt"


def article_of(size: int) -> Article:
    """The example article's body repeated (paragraph by paragraph) to `size` characters."""
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1].strip()
    text = ""
    while len(text) < size:
        text += body + "\n\n"
    return Article(id=f"x{size}", text=text[:size], date="2025-06-25")


def measure(pipeline: Pipeline, article: Article) -> dict[str, float]:
    """CPU seconds per stage for one document."""
    doc = Doc(article=article, lang=article.lang)
    out: dict[str, float] = {}
    for stage in pipeline.stages or []:
        t0 = time.process_time()
        doc = stage(doc)
        out[stage.name] = round(time.process_time() - t0, 3)
    out["total"] = round(sum(out.values()), 3)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="100000,200000,400000,800000")
    args = ap.parse_args(argv)
    pipeline = Pipeline(Options(max_seconds=0))
    measure(pipeline, article_of(5000))  # warm: lexicons, automata, models
    rows = []
    for size in map(int, args.sizes.split(",")):
        row = {"chars": size, **measure(pipeline, article_of(size))}
        rows.append(row)
        print(json.dumps(row), flush=True)
    ratio = rows[-1]["total"] / rows[0]["total"] if rows[0]["total"] else float("inf")
    print(json.dumps({"ratio_largest_to_smallest": round(ratio, 2),
                      "size_ratio": rows[-1]["chars"] / rows[0]["chars"]}))
    sys.exit(0)


if __name__ == "__main__":
    main()
