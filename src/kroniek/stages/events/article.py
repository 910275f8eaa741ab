"""Article-level rules of the event stage: the two sides of a story, repeated mentions of one
act, and a headline that the body repeats. They look at all of an article's events at once,
after each sentence has been coded (stage.py)."""
from __future__ import annotations

from ...kb import KB
from ...model import ActorRef, Doc, Event
from .mentions import ActorMention


def counterparts(doc: Doc, mentions: list[ActorMention], kb: KB) -> dict[str, ActorRef]:
    """In a two-sided story (two countries hold most actor mentions, the second at least a third
    as often as the first), each side as a country actor. A domestic story with one foreign
    paragraph has no two sides: its home acts must not be aimed at that one foreign country.

    An act of one side with no target named in its clause ("de Russische aanvallen
    gingen door") is then taken to be aimed at the other side.
    """
    counts: dict[str, int] = {}
    named = [e.actor for e in doc.entities if e.actor] or [a for m in mentions for a in m.actors]
    for a in named:
        if a.country:
            counts[a.country] = counts.get(a.country, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    if len(top) < 2 or top[1][1] < 3 or top[1][1] * 3 < top[0][1] or (top[0][1] + top[1][1]) * 10 < sum(counts.values()) * 6:
        return {}
    return {country: country_ref(country, kb) for country, _ in top}


def country_ref(country: str, kb: KB) -> ActorRef:
    """A country as an actor, named as the KB names it."""
    actor = kb.get(country)
    return ActorRef(country, actor.name if actor else country, country)


def dedupe(events: list[Event], fallback: str | None) -> list[Event]:
    """One event per article for repeated mentions of the same act (same type and dyad); in one sentence,
    an act of the same type and source with no target after one with a target is that act again."""
    kept: list[Event] = []
    by_dyad: dict[tuple, list[Event]] = {}  # the kept events of each type and dyad
    for e in events:
        if e.target is None and any(k.sentence == e.sentence and k.type == e.type and k.target is not None
                                    and _key(k.source) == _key(e.source) for k in kept):
            continue  # "called on Italy to join, adding 'we call on any other country'": the act again, its target unsaid
        same = by_dyad.setdefault((e.type, _key(e.source), _key(e.target)), [])
        twin = next((k for k in same if k.date == e.date or fallback in (k.date, e.date)), None)
        if twin is None:
            same.append(e)
            kept.append(e)
        elif twin.date == fallback and e.date != fallback:
            twin.date = e.date
    return kept


def headline(doc: Doc) -> tuple[int, int] | None:
    """The span of the title at the top of the text: `Article.title` where the text starts with
    it, else a first paragraph of one line without a final period and with more text after it
    (the reader puts the title of a dated text file into its text)."""
    text = doc.text
    lead = len(text) - len(text.lstrip())
    title = (doc.article.title or "").strip()
    if title and text.startswith(title, lead):
        return lead, lead + len(title)
    if len(doc.paragraphs) < 2:
        return None
    start, end = doc.paragraphs[0]
    line = text[start:end].strip()
    return (start, end) if line and "\n" not in line and not line.endswith(".") else None


def headline_repeats(doc: Doc, events: list[Event]) -> list[Event]:
    """Events of the headline that the body repeats (same type, same countries on each side
    where both name them) are left out: the body's has more context (its own date, place)."""
    span = headline(doc)
    if span is None:
        return events
    head = [e for e in events if e.sentence[0] < span[1]]
    body = [e for e in events if e.sentence[0] >= span[1]]
    return [e for e in head if not any(_repeats(e, b) for b in body)] + body


def _repeats(a: Event, b: Event) -> bool:
    """Same act: same type, each side's countries equal or unstated in one, one side shared."""
    if a.type != b.type:
        return False
    sides = [(set(_key(a.source)), set(_key(b.source))), (set(_key(a.target)), set(_key(b.target)))]
    return (all(x == y or not x or not y for x, y in sides)
            and any(x and x == y for x, y in sides))


def _key(party) -> tuple:
    parties = party if isinstance(party, list) else [party] if party else []
    return tuple(sorted(p.country or p.name for p in parties))
