"""Throughput and peak memory of the whole pipeline, per stage, on one core and on N workers,
with Frog and dateparser side by side on the same articles (figures go to docs/scale.md).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_pipeline.py [--workers 2] [--quick]

Each measurement runs in a fresh Python process, so its peak RSS is its own. Articles/s is given
by wall time and by CPU time: on a shared machine CPU time is the per-core figure, wall time is what
a user waits. Frog needs Debian's `frog` and `frogdata` packages; without them it is skipped.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (after the thread limit)

FLOORS = {"articles_per_s_core": 50, "frog_ratio": 20, "peak_mb_one_worker": 500, "speedup_2": 1.7}


def warm_models(lang: str) -> None:
    """Load what a long run loads once and the warm-up articles may not have needed: lingua (for
    texts the function words leave undecided) and the parser (for the sentences that ask for it)."""
    from kroniek import nlp
    from kroniek.stages.language import detector

    detector().detect_language_of("warm up")
    try:
        nlp.load(lang, None)
    except nlp.ModelMissing:
        pass


def section_pipeline(corpus: str, limit: int | None) -> dict:
    """The default pipeline over a corpus on one core, with the time of each stage."""
    from kroniek.model import Doc
    from kroniek.model import Options
    from kroniek.pipeline import Pipeline

    articles = common.corpus(corpus, limit)
    build_wall, _, pipe = common.timed(lambda: Pipeline(Options()))
    for a in articles[:3]:  # models load lazily: warm up outside the timing
        pipe(a)
    warm_models(corpus)
    per_stage: dict[str, float] = defaultdict(float)
    failures = 0

    def run() -> None:
        nonlocal failures
        for article in articles:
            doc = Doc(article=article, lang=article.lang)
            try:
                for stage in pipe.stages or []:
                    start = time.process_time()
                    doc = stage(doc)
                    per_stage[stage.name] += time.process_time() - start
            except Exception:  # counted, as run_many would report it
                failures += 1

    wall, cpu, _ = common.timed(run)
    n = len(articles)
    return {"section": "pipeline", "corpus": corpus, "articles": n, "failures": failures,
            "chars_per_article": sum(len(a.text) for a in articles) // n, "build_s": round(build_wall, 2),
            "per_s_wall": round(n / wall, 1), "per_s_cpu": round(n / cpu, 1),
            "stage_ms": {k: round(1000 * v / n, 2) for k, v in per_stage.items()},
            "peak_mb": round(common.peak_rss_mb())}


def section_read_warc(count: int) -> dict:
    """The WARC reader alone (warcio + trafilatura) on a generated CC-NEWS-like archive."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from kroniek.ingest.warc import read_warc

    articles = common.english()
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(count):
            a = articles[i % len(articles)]
            body = "".join(f"<p>{p}</p>" for p in a.text.split("\n") if p.strip())
            html = (f"<html><head><title>{a.title}</title></head><body><nav>Home | World | Sport</nav>"
                    f"<article><h1>{a.title}</h1>{body}</article><footer>(c) Example</footer></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                          payload=io.BytesIO(html.encode()), http_headers=headers))
    wall, cpu, items = common.timed(lambda: list(read_warc(path, str(path))))
    shutil.rmtree(folder)
    return {"section": "read_warc", "pages": count, "articles": sum(1 for i in items if hasattr(i, "text")),
            "per_s_wall": round(count / wall, 1), "per_s_cpu": round(count / cpu, 1),
            "peak_mb": round(common.peak_rss_mb())}


def section_workers(workers: int, copies: int) -> dict:
    """run_files over 8 JSONL shards (English x copies + Dutch), process pool of `workers`."""
    from kroniek.distributed import run_files
    from kroniek.model import Options

    articles = common.english() * copies + common.dutch()
    folder = Path(tempfile.mkdtemp())
    shards = common.write_jsonl_shards(articles, folder / "in", 8)
    children = common.children_cpu()
    wall, cpu, summary = common.timed(lambda: run_files(shards, folder / "out", Options(), workers=workers))
    cpu += common.children_cpu() - children
    shutil.rmtree(folder)
    return {"section": "workers", "workers": workers, "articles": summary.articles,
            "failed_files": len(summary.failed_files), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "per_s_wall": round(summary.articles / wall, 1), "per_cpu_s": round(summary.articles / cpu, 1),
            "peak_mb_parent": round(common.peak_rss_mb()),
            "peak_mb_worker": round(common.peak_rss_mb(children=True))}


def section_frog(limit: int) -> dict:
    """Frog (tokenizer, tagger, parser) vs kroniek's linguistic layer on the same Dutch articles."""
    import resource

    from kroniek import nlp
    from kroniek.kb import load
    from kroniek.model import Doc
    from kroniek.model import Options
    from kroniek.pipeline import Pipeline
    from kroniek.stages.language import LanguageStage
    from kroniek.stages.segment import SegmentStage

    if not shutil.which("frog"):
        return {"section": "frog", "skipped": "frog not installed"}
    articles = common.dutch(limit)
    words = sum(len(a.text.split()) for a in articles)
    options = Options()
    language, segment = LanguageStage(options, load()), SegmentStage(options, load())
    nlp.load("nl")
    nlp.parse_all(segment(language(Doc(article=articles[0]))), options)
    _, parse_cpu, _ = common.timed(lambda: [nlp.parse_all(segment(language(Doc(article=a))), options)
                                            for a in articles])
    pipe = Pipeline(options)
    pipe(articles[0])
    _, pipe_cpu, _ = common.timed(lambda: [pipe(a) for a in articles])
    folder = Path(tempfile.mkdtemp())
    (folder / "one.txt").write_text("Dit is een zin.\n", encoding="utf-8")
    (folder / "all.txt").write_text("\n\n".join(a.text for a in articles), encoding="utf-8")

    def frog_cpu(name: str) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(["frog", "-t", str(folder / name), "--skip=acmn", "-o", str(folder / "out.tsv")],
                       check=True, capture_output=True, cwd=folder)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return time.perf_counter() - start, cpu

    _, startup_cpu = frog_cpu("one.txt")
    _, frog_total_cpu = frog_cpu("all.txt")
    frog_work = max(frog_total_cpu - startup_cpu, 1e-9)
    shutil.rmtree(folder)
    return {"section": "frog", "articles": len(articles), "words": words,
            "frog_cpu_s": round(frog_total_cpu, 1), "frog_startup_cpu_s": round(startup_cpu, 1),
            "frog_words_per_s": round(words / frog_work), "kroniek_parse_all_words_per_s": round(words / parse_cpu),
            "kroniek_pipeline_words_per_s": round(words / pipe_cpu),
            "ratio_parse_all": round(frog_work / parse_cpu, 1), "ratio_pipeline": round(frog_work / pipe_cpu, 1)}


def section_dates(limit: int) -> dict:
    """dateparser.search.search_dates vs kroniek's dates stage (after segmentation) on the same texts."""
    import datetime as dt

    from dateparser.search import search_dates

    from kroniek.kb import load
    from kroniek.model import Doc, Options
    from kroniek.stages.dates import DateStage
    from kroniek.stages.language import LanguageStage
    from kroniek.stages.segment import SegmentStage

    options = Options()
    language, segment, dates = LanguageStage(options, load()), SegmentStage(options, load()), DateStage(options, load())
    docs = [segment(language(Doc(article=a))) for a in common.corpus("en", limit) + common.corpus("nl", limit)]
    dates(Doc(article=docs[0].article, lang=docs[0].lang, sentences=list(docs[0].sentences)))

    def kroniek_dates() -> int:
        found = 0
        for d in docs:
            found += len(dates(Doc(article=d.article, lang=d.lang, paragraphs=d.paragraphs,
                                   sentences=list(d.sentences))).timexes)
        return found

    def dateparser_dates() -> int:
        found = 0
        for d in docs:
            base = dt.datetime.fromisoformat(d.article.date) if d.article.granularity == "day" else None
            settings = {"RELATIVE_BASE": base} if base else {}
            found += len(search_dates(d.text, languages=[d.lang or "en"], settings=settings) or [])
        return found

    _, k_cpu, k_found = common.timed(kroniek_dates)
    _, p_cpu, p_found = common.timed(dateparser_dates)
    n = len(docs)
    return {"section": "dates", "articles": n, "kroniek_per_s": round(n / k_cpu, 1),
            "dateparser_per_s": round(n / p_cpu, 2), "ratio": round(p_cpu / k_cpu, 1),
            "kroniek_found": k_found, "dateparser_found": p_found}


def section_dedup(copies: int) -> dict:
    """Store writes with near-duplicate linking: English articles plus a syndicated copy of each."""
    from kroniek.store.dedup import signature
    from kroniek.store.db import Store

    articles = common.english() * copies
    records = [{"id": f"{a.id}#{i}", "text": (f"(Wire {i}) " if i >= len(articles) // copies else "") + a.text,
                "entities": [], "timexes": [], "quotes": [], "events": []} for i, a in enumerate(articles)]
    _, sign_cpu, _ = common.timed(lambda: [signature(r["text"]) for r in records[:200]])
    folder = Path(tempfile.mkdtemp())
    with Store(folder / "k.db") as store:
        def write() -> None:
            for start in range(0, len(records), 100):
                store.write_records(records[start:start + 100])

        wall, cpu, _ = common.timed(write)
        unique = store.conn.execute("SELECT COUNT(*) FROM unique_articles").fetchone()[0]
    shutil.rmtree(folder)
    return {"section": "dedup", "records": len(records), "unique": unique,
            "signature_ms": round(1000 * sign_cpu / 200, 2), "write_and_link_ms": round(1000 * cpu / len(records), 2),
            "per_s_wall": round(len(records) / wall, 1)}


SECTIONS = {"pipeline": section_pipeline, "read_warc": section_read_warc, "workers": section_workers,
            "frog": section_frog, "dates": section_dates, "dedup": section_dedup}


def run_section(*args: str) -> dict:
    """One measurement in a fresh interpreter, so its peak memory and caches are its own."""
    out = subprocess.run([sys.executable, __file__, "--section", *args], capture_output=True, text=True,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode or not lines:
        return {"section": args[0], "error": (out.stderr or out.stdout)[-800:]}
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="small samples, for checking the script")
    parser.add_argument("--section", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.section:
        name, *params = args.section
        print(json.dumps(SECTIONS[name](*[int(p) if p.isdigit() else p for p in params])))
        return
    small = args.quick
    print(f"# kroniek bench_pipeline, {time.strftime('%Y-%m-%d %H:%M')} UTC, {common.load_average()}")
    results = [run_section("pipeline", "en", "40" if small else "0"),
               run_section("pipeline", "nl", "20" if small else "120"),
               run_section("read_warc", "100" if small else "1000"),
               run_section("frog", "3" if small else "20"),
               run_section("dates", "10" if small else "60"),
               run_section("dedup", "2")]
    copies = "1" if small else "10"
    runs = [run_section("workers", str(w), copies) for w in (1, args.workers, 1, args.workers)]
    # interleaved and best of two: the neighbours' load changes over minutes
    one, many = (max((r for r in runs if r.get("workers") == w), key=lambda r: r["per_s_wall"],
                     default={"section": "workers", "error": "no run"}) for w in (1, args.workers))
    results += [one, many]
    for r in results:
        print(json.dumps(r, ensure_ascii=False))
    if "per_s_wall" in one and "per_s_wall" in many:
        # on a busy machine wall time measures the neighbours; CPU seconds per article do not, so the
        # speedup N idle cores would give is N x (CPU of one worker / CPU of N workers)
        print(json.dumps({"section": "speedup", "workers": args.workers,
                          "wall_speedup": round(many["per_s_wall"] / one["per_s_wall"], 2),
                          "idle_cores_speedup": round(args.workers * one["cpu_s"] / many["cpu_s"], 2),
                          "start_cpu_s_per_worker": round((many["cpu_s"] - one["cpu_s"]) / args.workers, 1),
                          "floor": FLOORS["speedup_2"]}))


if __name__ == "__main__":
    main()
