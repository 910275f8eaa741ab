"""A server over time: warmed up before its first answer, and its kept connections and
remembered totals follow the store as articles are added."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kroniek.store import queries
from kroniek.store.db import Store
from kroniek.web.listings import selection_key

from .conftest import _run, handmade_record


def _never() -> Any:
    raise AssertionError("computed on request: the warm-up did not")


def test_the_server_warms_up_before_it_answers(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.write_records([handmade_record()])
    for server in _run(db, None, lifespan="on"):
        bench = server.app.state.bench
        for conn in bench.connection():
            assert bench.memo(conn, ("stats",), _never) == queries.stats(conn)
            every = selection_key(queries.Filters())
            assert bench.memo(conn, ("total", "quotes", every), _never) == queries.total(conn, "quotes",
                                                                                         queries.Filters())
            groups = bench.memo(conn, ("groups", None, every), _never)
            assert len(groups) == queries.grouped_events(conn, queries.Filters()).total > 0


def test_new_articles_show_on_kept_connections_and_in_totals(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.write_records([handmade_record()])
    for server in _run(db, None):
        with server.client() as c:
            before = [c.get("/api/quotes").json()["total"] for _ in range(3)]
            stats = c.get("/api/stats").json()
            with Store(db) as store:
                store.write_records([handmade_record("hand-2")])
            after = c.get("/api/quotes").json()["total"]
            stats_after = c.get("/api/stats").json()
    assert before[0] == before[-1] > 0 and after == 2 * before[0]
    assert stats_after["articles"] + stats_after["copies"] == stats["articles"] + stats["copies"] + 1
