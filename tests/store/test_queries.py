"""Shared queries: grouping across articles, timelines, filters, pagination."""
from __future__ import annotations

from pathlib import Path

from kroniek.plover import group_key
from kroniek.store import Store
from kroniek.store import queries as Q
from kroniek.store.queries.records import selection

PUTIN = {"id": "Q7747", "name": "Vladimir Putin", "country": "RUS"}
UKR = {"id": "UKR", "name": "Ukraine", "country": "UKR"}


def _rec(doc_id: str, day: str, etype: str = "ACCUSE") -> dict:
    text = f"Poetin beschuldigde Oekraïne ({doc_id})."
    return {"id": doc_id, "lang": "nl", "date": day, "published": day, "text": text, "entities": [], "timexes": [],
            "quotes": [{"start": 0, "end": 6, "text": f"citaat {doc_id}", "direct": True, "cue": "zei",
                        "speaker": {**PUTIN, "start": 0, "end": 6}, "date": day}],
            "events": [{"type": etype, "mode": None, "source": PUTIN, "target": UKR, "date": day, "location": None,
                        "trigger": {"start": 7, "end": 19, "text": "beschuldigde"},
                        "sentence": {"start": 0, "end": len(text)}}]}


def test_group_key_ignores_party_order() -> None:
    a = {"type": "CONSULT", "source": [UKR, PUTIN], "target": None}
    b = {"type": "CONSULT", "source": [PUTIN, UKR], "target": None}
    assert group_key(a) == group_key(b) == "CONSULT|Q7747+UKR|-"


def test_same_event_in_two_articles_counts_once(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([_rec("a", "2025-04-19"), _rec("b", "2025-04-20"), _rec("c", "2025-04-25"),
                             _rec("d", "2025-04-19", "THREATEN")])
        page = Q.list_events(store.conn, Q.Filters(type="ACCUSE"))
        assert page.total == 3 and [e["article"] for e in page.items] == ["c", "b", "a"]  # newest first
        grouped = Q.grouped_events(store.conn, Q.Filters(type="ACCUSE"))
        assert grouped.total == 2 and [g["articles"] for g in grouped.items] == [1, 2]
        assert [m["article"] for m in grouped.items[1]["mentions"]] == ["a", "b"]
        second = Q.grouped_events(store.conn, Q.Filters(type="ACCUSE", limit=1, offset=1))
        assert second.total == 2 and [g["group"] for g in second.items] == [grouped.items[1]["group"]]
        net = Q.event_network(store.conn, Q.Filters())
        assert {(n["source"], n["target"], n["type"], n["n"]) for n in net} == \
            {("Vladimir Putin", "Ukraine", "ACCUSE", 3), ("Vladimir Putin", "Ukraine", "THREATEN", 1)}


def test_timeline_profile_and_pagination(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([_rec(f"a{i}", f"2025-04-{10 + i:02d}") for i in range(5)])
        tl = Q.timeline(store.conn, "Q7747")
        assert [d["date"] for d in tl["days"]] == [f"2025-04-{10 + i:02d}" for i in range(5)]
        assert all(d == {"date": d["date"], "quotes": 1, "events": 1} for d in tl["days"])
        profile = Q.get_actor(store.conn, "Vladimir Putin")
        assert profile["id"] == "Q7747" and profile["quotes"] == 5
        assert profile["addresses"][0]["name"] == "Ukraine" and profile["addresses"][0]["n"] == 5
        page = Q.list_quotes(store.conn, Q.Filters(limit=2, offset=4))
        assert page.total == 5 and len(page.items) == 1
        ranged = Q.list_quotes(store.conn, Q.Filters(date_from="2025-04-11", date_to="2025-04-12"))
        assert ranged.total == 2
        assert Q.list_quotes(store.conn, Q.Filters(date_to="2025-04")).total == 5


def _plan(store: Store, kind: str, f: Q.Filters) -> str:
    sel = selection(kind, f)
    sql = (f"EXPLAIN QUERY PLAN SELECT {sel.key} FROM {sel.source}{sel.clause}"
           f" ORDER BY {Q.order_by(kind, f.sort)} LIMIT 50 OFFSET 10000")
    return " / ".join(r[3] for r in store.conn.execute(sql, [*sel.args]))


def test_the_default_order_is_read_from_an_index_and_names_by_index(tmp_path: Path) -> None:
    """Migration 007: a deep page in the default order scans an index and stops there (no sort
    of the whole selection); a speaker or party named is found by index, not by a scan."""
    with Store(tmp_path / "k.db") as store:
        quotes, events = _plan(store, "quotes", Q.Filters()), _plan(store, "events", Q.Filters())
        speaker = _plan(store, "quotes", Q.Filters(actor="Poetin", actor_ids=("Q7747",)))
        party = _plan(store, "events", Q.Filters(actor="Poetin", actor_ids=("Q7747",)))
    assert "quotes_order" in quotes and "TEMP B-TREE" not in quotes
    assert "events_order" in events and "TEMP B-TREE" not in events
    assert "quotes_speaker_name" in speaker and "SCAN q" not in speaker
    assert "event_parties_name" in party and "SCAN event_parties" not in party


def test_summary_counts_each_facet_over_the_whole_selection(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([_rec("a", "2024-02-01"), _rec("b", "2024-02-02"), _rec("c", "2024-03", "CONSULT")])
        events = Q.summary(store.conn, "events", Q.Filters(limit=1))
        quotes = Q.summary(store.conn, "quotes", Q.Filters(type=None))
    assert events["facets"]["type"] == [{"value": "ACCUSE", "label": "ACCUSE", "n": 2},
                                        {"value": "CONSULT", "label": "CONSULT", "n": 1}]
    assert {"value": "Q7747", "label": "Vladimir Putin", "n": 3} in events["facets"]["actor"]
    assert events["facets"]["country"] == [{"value": "RUS", "label": "RUS", "n": 3},
                                           {"value": "UKR", "label": "UKR", "n": 3}]
    assert events["days"] == {"2024-02-01": 1, "2024-02-02": 1, "2024-03-01": 1}
    assert quotes["facets"]["speaker"] == [{"value": "Q7747", "label": "Vladimir Putin", "n": 3}]
