"""The record's JSON is FORMAT.md §1, offsets index the text exactly."""
from __future__ import annotations

from kroniek.model import ActorRef, Article, Doc, Entity, Event, Span


def test_record_keys_and_compound_parties() -> None:
    doc = Doc(Article("a", "Kyiv en Washington overleggen.", date="2025-04"), lang="nl")
    doc.entities.append(Entity(0, 4, "Kyiv", "LOC", ActorRef("UKR", "Ukraine", "UKR")))
    doc.events.append(Event("CONSULT", Span(19, 29, "overleggen"), (0, 30),
                            source=[ActorRef("UKR", "Ukraine", "UKR"), ActorRef("USA", "United States", "USA")]))
    rec = doc.record()
    assert list(rec)[:9] == ["id", "lang", "date", "published", "text", "entities", "timexes", "quotes", "events"]
    assert rec["entities"][0]["actor"] == {"id": "UKR", "name": "Ukraine", "country": "UKR"}
    assert [p["country"] for p in rec["events"][0]["source"]] == ["UKR", "USA"]
    assert rec["events"][0]["target"] is None
    assert rec["events"][0]["sentence"] == {"start": 0, "end": 30}
    assert rec["text"][19:29] == "overleggen"


def test_granularity() -> None:
    assert [Article("x", "t", d).granularity for d in ("2025", "2025-04", "2025-04-20", None)] == \
        ["year", "month", "day", None]
