"""Plain typed records that flow between the stages.

One `Doc` owns the article text; every annotation is an offset span into it
(end exclusive, code points). `Doc.record()` gives the extraction record of
FORMAT.md §1 — the one JSON shape that `extract`, the store and `eval` speak.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Union

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class Article:
    """An input document as read, before any analysis."""

    id: str
    text: str
    date: str | None = None  # as given: YYYY, YYYY-MM or YYYY-MM-DD
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)  # reader's notes, e.g. a bad date

    @property
    def granularity(self) -> str | None:
        """'year', 'month' or 'day' for the given date; None when undated."""
        if not self.date:
            return None
        return {4: "year", 7: "month", 10: "day"}.get(len(self.date))


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ActorRef:
    """A link to the actor knowledge base (or an unlinked name: id None)."""

    id: str | None
    name: str
    country: str | None = None
    sector: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "name": self.name, "country": self.country}
        if self.sector:
            out["sector"] = self.sector
        return out


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: str  # PER, ORG, LOC, MISC
    actor: ActorRef | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "actor": self.actor.to_json() if self.actor else None}


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Speaker:
    id: str | None
    name: str
    country: str | None
    start: int | None = None  # offsets of the mention that names the speaker
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "direct": self.direct,
                "cue": self.cue, "speaker": self.speaker.to_json() if self.speaker else None,
                "date": self.date}


Party = Union[ActorRef, list[ActorRef], None]


def _party_json(party: Party) -> Any:
    if party is None:
        return None
    if isinstance(party, list):
        return [p.to_json() for p in party]
    return party.to_json()


@dataclass(slots=True)
class Event:
    type: str  # one of PLOVER's sixteen
    trigger: Span
    sentence: tuple[int, int]
    mode: str | None = None
    source: Party = None
    target: Party = None
    date: str | None = None
    location: str | None = None
    location_country: str | None = None  # ISO3 of the place, so events can be mapped and filtered
    cameo: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode, "source": _party_json(self.source),
                "target": _party_json(self.target), "date": self.date,
                "location": self.location, "location_country": self.location_country, "cameo": self.cameo,
                "trigger": asdict(self.trigger),
                "sentence": {"start": self.sentence[0], "end": self.sentence[1]}}


@dataclass(slots=True)
class Doc:
    """The working document: the article plus what each stage adds."""

    article: Article
    lang: str | None = None
    published: str | None = None  # best estimate of the publication day
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    parses: dict[int, Any] = field(default_factory=dict)  # sentence index -> spaCy Span
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Entity] = field(default_factory=list)  # role descriptions ("de Russische president"), linked by date
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    analysable: bool = True  # False: the language stage found a language kroniek has no data for

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def reference_date(self) -> str | None:
        """The date relative expressions resolve against: estimate first, then as given."""
        return self.published or self.article.date

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        for start, end in self.sentences:
            if start <= offset < end:
                return (start, end)
        return None

    def record(self) -> dict[str, Any]:
        """The FORMAT.md §1 extraction record."""
        art = self.article
        out: dict[str, Any] = {
            "id": art.id, "lang": self.lang or art.lang, "date": art.date,
            "published": self.published, "text": art.text,
            "entities": [e.to_json() for e in self.entities],
            "timexes": [t.to_json() for t in self.timexes],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
        }
        for key in ("title", "url", "source", "author"):
            if getattr(art, key):
                out[key] = getattr(art, key)
        if art.warnings or self.warnings:
            out["warnings"] = [*art.warnings, *self.warnings]
        return out
