"""The store: migrations recorded, idempotent ingest, versions, one write path."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kroniek.store import Store
from kroniek.store import queries as Q


def _record(doc_id: str = "a", text: str = "Poetin zei: „Vrede.”") -> dict:
    return {"id": doc_id, "lang": "nl", "date": "2025-04", "published": "2025-04-22", "text": text,
            "entities": [{"start": 0, "end": 6, "text": "Poetin", "type": "PER",
                          "actor": {"id": "Q7747", "name": "Vladimir Putin", "country": "RUS"}}],
            "timexes": [], "quotes": [{"start": 12, "end": len(text), "text": "Vrede.", "direct": True, "cue": "zei",
                                       "speaker": {"id": "Q7747", "name": "Vladimir Putin", "country": "RUS",
                                                   "start": 0, "end": 6}, "date": "2025-04-22"}],
            "events": [{"type": "ACCUSE", "mode": None, "source": {"id": "Q7747", "name": "Vladimir Putin",
                                                                 "country": "RUS"},
                        "target": [{"id": "UKR", "name": "Ukraine", "country": "UKR"},
                                   {"id": "USA", "name": "United States", "country": "USA"}],
                        "date": "2025-04-22", "location": None, "trigger": {"start": 7, "end": 10, "text": "zei"},
                        "sentence": {"start": 0, "end": len(text)}}]}


def test_migrations_recorded_and_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        assert store.applied_migrations()[0] == "001_initial"
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.migrate() == []


def test_same_article_twice_is_stored_once_and_changed_text_is_a_version(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        assert store.write_records([_record()]).added == 1
        assert store.write_records([_record()]).unchanged == 1
        assert store.write_records([_record(text="Poetin zei: „Oorlog.”")]).new_versions == 1
        rows = store.conn.execute("SELECT version, current FROM articles WHERE id = 'a' ORDER BY version").fetchall()
        assert [tuple(r) for r in rows] == [(1, 0), (2, 1)]
        assert Q.stats(store.conn)["articles"] == 1
        assert Q.get_article(store.conn, "a")["text"].endswith("Oorlog.”")


def test_round_trip_and_compound_target(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([_record()])
        art = Q.get_article(store.conn, "a")
        assert art["quotes"][0]["speaker"]["name"] == "Vladimir Putin"
        assert {t["country"] for t in art["events"][0]["target"]} == {"UKR", "USA"}
        assert Q.list_events(store.conn, Q.Filters(target="USA")).total == 1
        assert Q.list_quotes(store.conn, Q.Filters(text="vrede")).total == 1
        assert Q.list_quotes(store.conn, Q.Filters(text='"); DROP TABLE quotes; --')).total == 0


def test_a_failed_batch_writes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        broken = _record("b")
        del broken["quotes"][0]["text"]
        try:
            store.write_records([_record("ok"), broken])
        except KeyError:
            pass
        assert Q.stats(store.conn)["articles"] == 0


def test_killed_ingest_loses_nothing_and_rerun_completes(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": f"d{i}", "date": "2025-04-20",
                                 "text": f"Poetin zei zaterdag dat Rusland vrede wil. Bericht {i}."}) + "\n")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "kroniek", "ingest", str(docs), "--db", str(db), "--batch-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
        if stored >= 5:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    assert 5 <= stored < 300, "the ingest must be killed midway for this test to mean anything"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 300
        assert store.conn.execute("SELECT COUNT(DISTINCT id) FROM articles WHERE current = 1").fetchone()[0] == 300
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _ingest_in_process(db: str, inputs: list[str], start: Any) -> None:
    """One `ingest` run in its own process (stages left out: the store is what is tested)."""
    from kroniek.batch import ingest
    from kroniek.ingest.readers import read_inputs
    from kroniek.pipeline import Pipeline

    with Store(db) as store:
        start.wait()
        result = ingest(read_inputs(inputs), store, Pipeline(stages=[]), batch_size=1)
    assert not result.failures, result.failures


def test_two_concurrent_ingests_of_overlapping_inputs_both_finish_nothing_doubled(tmp_path: Path) -> None:
    """Both runs read the same 200 documents in the same order, in step, so they race to store
    each; the second also has 50 more, which must be stored after the races."""
    shared, extra = tmp_path / "shared.jsonl", tmp_path / "extra.jsonl"
    for path, numbers in ((shared, range(200)), (extra, range(200, 250))):
        path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Bericht {i}: het kabinet vergaderde {i} uur."})
                                + "\n" for i in numbers), encoding="utf-8")
    db = str(tmp_path / "k.db")
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    runs = [ctx.Process(target=_ingest_in_process, args=(db, inputs, start))
            for inputs in ([str(shared)], [str(shared), str(extra)])]
    for run in runs:
        run.start()
    try:
        for run in runs:
            run.join(120)
    finally:
        for run in runs:
            if run.is_alive():
                run.kill()
    assert [run.exitcode for run in runs] == [0, 0]
    with Store(db) as store:
        rows = store.conn.execute("SELECT id, COUNT(*) AS n, MAX(version) AS v FROM articles GROUP BY id").fetchall()
        assert len(rows) == 250 and {(r["n"], r["v"]) for r in rows} == {(1, 1)}
        assert store.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == 250


def test_opening_a_store_waits_while_another_connection_writes_a_new_one(tmp_path: Path) -> None:
    """A new store is still in rollback-journal mode while another process migrates it; switching
    to WAL then fails at once in SQLite (no busy wait), so opening must try again until it may."""
    db = tmp_path / "k.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE x (a)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO x VALUES (1)")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        with Store(str(db)) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        release.join()
        holder.close()
