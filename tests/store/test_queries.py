"""Shared queries: grouping across articles, timelines, filters, pagination."""
from __future__ import annotations

from pathlib import Path

from kroniek.plover import group_key
from kroniek.store import Store
from kroniek.store import queries as Q

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
