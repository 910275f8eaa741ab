"""run_files: one task per file, Parquet parts by month, resumable, the same records on every backend."""
from __future__ import annotations

import io
import json
import random
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kroniek.distributed import iter_part_records, load_parts, run_files, task_key
from kroniek.ingest.readers import read_inputs
from kroniek.model import Failure, Options
from kroniek.pipeline import Pipeline
from kroniek.store.db import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORDS = ["minister", "kabinet", "oorlog", "vrede", "akkoord", "overleg", "sancties", "leger", "grens", "regering", "parlement", "verkiezing", "president", "premier", "gesprek", "steun", "wapens", "hulp", "vluchteling", "economie", "begroting", "protest", "demonstratie", "rechter", "politie", "aanslag", "bestand", "top", "europa", "navo", "rusland", "oekraïne", "amerika", "china", "handel", "gas", "olie", "stroom", "prijs", "inflatie", "rente", "bank", "schuld", "belasting", "zorg", "school", "woning", "klimaat", "boer", "stikstof", "haven"]


def sentences(rng: random.Random, n: int) -> str:
    return " ".join(" ".join(rng.choices(WORDS, k=12)).capitalize() + "." for _ in range(n))


def write_warc(path: Path, count: int, seed: int = 7) -> None:
    """`count` distinct HTML responses, as a CC-NEWS file holds them."""
    rng = random.Random(seed)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(count):
            body = "".join(f"<p>{sentences(rng, 3)}</p>" for _ in range(3))
            html = (f"<html><head><title>Bericht {i}</title><meta property='article:published_time' "
                    f"content='2025-0{1 + i % 3}-1{i % 10}'></head><body><article>{body}</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://nieuws.example/{i}", "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-04-20T10:00:00Z"})
            writer.write_record(record)
            record.raw_stream.close()  # warcio's digest buffer


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    rng = random.Random(3)
    for n in range(3):
        with (folder / f"batch{n}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(6):
                date = [f"2025-0{1 + i % 2}-0{1 + i}", "2024-11", None][i % 3]
                text = f"Poetin beschuldigde Oekraïne. „{sentences(rng, 1)}” zei hij. {sentences(rng, 2)}"
                fh.write(json.dumps({"id": f"b{n}-{i}", "date": date, "text": text}) + "\n")
            fh.write("{kapot\n")  # one malformed line per file: a document failure, not a task failure
    write_warc(folder / "crawl.warc.gz", 12)
    shutil.copy(FIXTURES / "feed_nl.rss", folder / "feed_nl.rss")
    return folder


@pytest.fixture(scope="module")
def expected(inputs: Path) -> list[dict]:
    """The in-process output: the pipeline over the same readers, no parts in between."""
    items = Pipeline(Options()).run_many(read_inputs([str(inputs)]))
    return sorted((i.record() for i in items if not isinstance(i, Failure)), key=lambda r: r["id"])


def records(out: Path) -> list[dict]:
    return sorted((r for batch in iter_part_records(out) for r in batch), key=lambda r: r["id"])


def test_in_process_run_writes_month_parts_equal_to_the_pipeline(inputs: Path, expected: list[dict],
                                                                  tmp_path: Path) -> None:
    summary = run_files([str(inputs)], tmp_path, Options())
    assert (summary.files, summary.done, summary.skipped, summary.failed_files) == (5, 5, 0, {})
    assert summary.articles == len(expected) == 3 * 6 + 12 + 2
    assert sum("malformed JSON" in f.reason for f in summary.failures) == 3
    assert records(tmp_path) == expected
    warc_key = task_key(inputs / "crawl.warc.gz")
    part = tmp_path / "month=2025-01" / f"part-{warc_key}.parquet"
    table = pq.read_table(part)
    assert table.column_names == ["id", "date", "published", "month", "lang", "record"]
    assert set(table.column("month").to_pylist()) == {"2025-01"}
    assert (tmp_path / "month=undated").is_dir()


def test_process_pool_gives_the_same_records_and_reruns_skip(inputs: Path, expected: list[dict],
                                                             tmp_path: Path) -> None:
    summary = run_files([str(inputs)], tmp_path, Options(), workers=2)
    assert summary.done == 5 and summary.failed_files == {}
    assert records(tmp_path) == expected
    again = run_files([str(inputs)], tmp_path, Options(), workers=2)
    assert (again.done, again.skipped, again.articles) == (0, 5, 0)
    other = run_files([str(inputs / "feed_nl.rss")], tmp_path, Options(lang="nl"))
    assert (other.done, other.skipped) == (1, 0)  # other options: not the same work


def test_failed_task_is_retried_reported_and_resumed(inputs: Path, expected: list[dict], tmp_path: Path) -> None:
    (tmp_path / "month=2025-02").write_text("in de weg")  # a file where a partition folder must go
    summary = run_files([str(inputs)], tmp_path, Options(), retries=1)
    assert str(inputs / "crawl.warc.gz") in summary.failed_files
    assert "FileExistsError" in summary.failed_files[str(inputs / "crawl.warc.gz")]
    assert not list(tmp_path.glob("**/*.tmp"))  # nothing half-written is left as a part
    done_first = summary.done
    (tmp_path / "month=2025-02").unlink()
    resumed = run_files([str(inputs)], tmp_path, Options())
    assert resumed.failed_files == {} and resumed.skipped == done_first and resumed.done == 5 - done_first
    assert records(tmp_path) == expected


def test_dask_local_cluster_gives_the_same_records(inputs: Path, expected: list[dict], tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        summary = run_files([str(inputs)], tmp_path, Options(), dask_address=cluster.scheduler_address)
    assert summary.done == 5 and summary.failed_files == {}
    assert records(tmp_path) == expected


def test_load_parts_through_the_store(inputs: Path, expected: list[dict], tmp_path: Path) -> None:
    run_files([str(inputs)], tmp_path / "parts", Options())
    with Store(tmp_path / "k.db") as store:
        first = load_parts(tmp_path / "parts", store)
        again = load_parts(tmp_path / "parts", store)
        ids = {r[0] for r in store.conn.execute("SELECT id FROM articles")}
        signed = store.conn.execute("SELECT COUNT(*) FROM article_signatures").fetchone()[0]
    assert (first.added, again.unchanged, again.added) == (len(expected), len(expected), 0)
    assert ids == {r["id"] for r in expected} and signed == len(expected)


def test_thousand_record_warc_loses_nothing(tmp_path: Path) -> None:
    archive = tmp_path / "in" / "cc-news.warc.gz"
    archive.parent.mkdir()
    write_warc(archive, 1000, seed=11)
    summary = run_files([str(archive)], tmp_path / "parts", Options())
    assert summary.failures == [] and summary.articles == 1000
    with Store(tmp_path / "k.db") as store:
        result = load_parts(tmp_path / "parts", store)
        assert result.added == 1000
        assert store.conn.execute("SELECT COUNT(DISTINCT url) FROM articles").fetchone()[0] == 1000
        assert store.conn.execute("SELECT COUNT(*) FROM unique_articles").fetchone()[0] == 1000


def test_write_jsonl_and_summary_text(inputs: Path, expected: list[dict], tmp_path: Path) -> None:
    from kroniek.distributed import write_jsonl

    summary = run_files([str(inputs), str(tmp_path / "missing")], tmp_path / "parts", Options())
    assert write_jsonl(tmp_path / "parts", tmp_path / "out.jsonl") == len(expected)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted((json.loads(x) for x in lines), key=lambda r: r["id"]) == expected
    assert summary.failed == 0
    assert str(summary).startswith(f"5 files: 5 done, 0 skipped (done before), 0 failed; {len(expected)} articles")
    assert any("missing: no such file" in f.reason for f in summary.failures)
