"""Latency of the list pages and the API on a store of 10,000+ articles (target: p95 <= 200 ms).

The 295 Wikinews articles (CC BY 2.5, ../shared/data/wikinews_en) are analysed once and written
under 34 id and date variants (years shifted back 4k, confidences on two items in three), which
gives 10,030 articles, ~66,000 quotes and ~32,000 events. The store is kept at --db and reused
when it exists. The server runs in its own process (uvicorn, one worker); one client asks each
URL once (its first, cold request: the total and summaries of a filtered selection are then
computed and kept until the store changes; those of the unfiltered lists the server computed at
start-up, before it answered /api/stats) and then --repeat times in turn; it prints the first
request's time and p50/p95/max of the others per URL and overall, with the machine's load.

    .venv/bin/python benchmarks/bench_web.py [--db /tmp/kroniek-10k.db] [--copies 34] [--repeat 20]
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from kroniek import Pipeline, batch
from kroniek.ingest.readers import read_inputs
from kroniek.store.db import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.web.bigstore import variant  # one way to copy records, shared with the tests

WIKINEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews_en"
URLS = [
    "/articles", "/articles?offset=5000", "/articles?q=president", "/articles?sort=title",
    "/quotes", "/quotes?offset=20000", "/quotes?speaker=Trump", "/quotes?q=election", "/quotes?sort=speaker",
    "/quotes?min_confidence=0.5",
    "/events", "/events?offset=10000", "/events?type=ACCUSE", "/events?actor=Poetin", "/events?grouped=true",
    "/events?grouped=true&type=CONSULT", "/events?sort=confidence",
    "/actors", "/actors/Q7747", "/search?q=Poetin",
    "/api/articles", "/api/quotes", "/api/quotes?speaker=Trump&offset=100", "/api/events",
    "/api/events?grouped=true", "/api/events?type=ASSAULT&date_from=2010", "/api/actors?q=an",
    "/api/actors/Q7747/timeline", "/api/quotes?facets=true", "/api/events?facets=true",
]


def build(db: Path, copies: int) -> None:
    records: list[dict[str, Any]] = []
    started = time.perf_counter()
    batch.run_batch(read_inputs(sorted(str(p) for p in WIKINEWS.glob("*.csv"))), Pipeline(), records.extend)
    print(f"analysed {len(records)} articles in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    with Store(db) as store:
        for k in range(copies):
            store.write_records(variant(r, k) for r in records)
    print(f"wrote {len(records) * copies} articles in {time.perf_counter() - started:.1f} s", flush=True)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(db: Path, repeat: int) -> tuple[dict[str, list[float]], dict[str, float]]:
    port = _port()
    code = ("import uvicorn; from kroniek.web.app import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code])
    times: dict[str, list[float]] = {url: [] for url in URLS}
    cold: dict[str, float] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            while True:
                try:
                    client.get("/api/stats")
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            for round_ in range(repeat + 1):
                for url in URLS:
                    started = time.perf_counter()
                    answer = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                    if answer.status_code != 200:
                        raise SystemExit(f"{url}: HTTP {answer.status_code} {answer.text[:200]}")
                    if round_:
                        times[url].append(elapsed)
                    else:  # the first request of a URL: nothing of its selection computed yet
                        cold[url] = elapsed
    finally:
        server.terminate()
        server.wait()
    return times, cold


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/kroniek-10k.db"))
    parser.add_argument("--copies", type=int, default=34)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if not args.db.exists():
        build(args.db, args.copies)
    with Store(args.db, readonly=True) as store:
        articles = store.conn.execute("SELECT COUNT(*) FROM articles WHERE current = 1").fetchone()[0]
    times, cold = measure(args.db, args.repeat)
    rows = {url: {"first": cold[url], "p50": statistics.median(v), "p95": p95(v), "max": max(v)}
            for url, v in times.items()}
    every = [t for v in times.values() for t in v]
    overall = {"first": p95(list(cold.values())), "p50": statistics.median(every), "p95": p95(every),
               "max": max(every)}
    if args.json:
        print(json.dumps({"articles": articles, "urls": rows, "overall": overall}, indent=1))
        return
    print(f"{articles:,} articles, {args.repeat} requests per URL after a first one; ms")
    print("  first     p50     p95     max")
    for url, r in rows.items():
        print(f"{r['first']:7.1f} {r['p50']:7.1f} {r['p95']:7.1f} {r['max']:7.1f}  {url}")
    print(f"{overall['first']:7.1f} {overall['p50']:7.1f} {overall['p95']:7.1f} {overall['max']:7.1f}  all "
          "(first: p95 of first requests)")


if __name__ == "__main__":
    main()
