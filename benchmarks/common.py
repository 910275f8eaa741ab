"""Inputs and measurements shared by the benchmark scripts (run by hand, never by pytest).

English: the 295 Wikinews articles (CC BY 2.5, ../shared/data/wikinews_en), ~4,400 characters each.
Dutch: there is no Dutch news corpus in ../shared, so the seed article, the bundled example and
Europeana Newspapers OCR text (CC0, ../shared/data/ner_nl_europeana_kb) cut into pieces of about
the same length as a Wikinews article. The Europeana text is 19th-century spelling with OCR noise:
it measures speed, not quality.
"""
from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kroniek.ingest.readers import read_inputs
from kroniek.model import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE_CHARS = 4400  # the mean Wikinews article


def english() -> list[Article]:
    folder = SHARED / "data" / "wikinews_en"
    return [a for a in read_inputs([str(folder / "wikinews_2019.csv"), str(folder / "wikinews_2020.csv")])
            if isinstance(a, Article)]


def dutch(limit: int = 120) -> list[Article]:
    """Seed + example + Europeana chunks of ~ARTICLE_CHARS, paragraphs every ~80 tokens at a full stop."""
    items = [a for a in read_inputs([str(SHARED / "examples" / "000_46394a742c6b9fcd.txt"),
                                     str(ROOT / "examples" / "001_navo_top_den_haag.txt")])
             if isinstance(a, Article)]
    tokens = [line.rsplit(" ", 1)[0] for line in
              (SHARED / "data" / "ner_nl_europeana_kb" / "enp_NL.kb.bio").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    text, since_para = "", 0
    for token in tokens:
        if len(items) >= limit:
            break
        text += ("" if not text or token in ",.;:!?)" else " ") + token
        since_para += 1
        if since_para > 80 and token.endswith("."):
            text, since_para = text + "\n\n", 0
        if len(text) >= ARTICLE_CHARS and token.endswith("."):
            items.append(Article(id=f"europeana-{len(items)}", text=text.strip(), date="1859", lang=None))
            text = ""
    return items


def corpus(name: str, limit: int | None = None) -> list[Article]:
    articles = english() if name == "en" else dutch(limit or 120)
    return articles[:limit] if limit else articles


def write_jsonl_shards(articles: list[Article], folder: Path, shards: int) -> list[str]:
    """The articles as `shards` JSON Lines files: the many-files input of a cluster run."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard{i:02d}.jsonl" for i in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    for i, a in enumerate(articles):
        handles[i % shards].write(json.dumps({"id": f"{a.id}#{i}", "text": a.text, "date": a.date,
                                              "lang": a.lang, "title": a.title}, ensure_ascii=False) + "\n")
    for h in handles:
        h.close()
    return [str(p) for p in paths]


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its largest finished child), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children, e.g. pool workers."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} on {os.cpu_count()} cores"
