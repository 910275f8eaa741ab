"""Plain typed records that flow between the stages.

One `Doc` owns the article text; every annotation is an offset span into it
(end exclusive, code points). `Doc.record()` gives the extraction record of
FORMAT.md §1 — the one JSON shape that `extract`, the store and `eval` speak.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Union

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_CHARS = 2_000_000  # a news article is ~5k; beyond this it is not an article


@dataclass(slots=True)
class Options:
    """Every knob of a run in one place (no keyword-flag sprawl)."""

    lang: str | None = None  # force a language instead of detecting it
    spacy_model: str | None = None  # an installed spaCy pipeline instead of the shipped one
    kb_paths: tuple[str, ...] = ()  # user knowledge bases that override the shipped one
    parse: bool = True  # run the parser where later stages need it
    stages: tuple[str, ...] | None = None  # a subset of stage names, in pipeline order
    max_chars: int = MAX_CHARS  # a longer document is refused by name, not analysed


@dataclass(slots=True)
class Failure:
    """A document that could not be read or analysed, with the reason, for the batch summary."""

    doc_id: str
    reason: str


def text_hash(text: str) -> str:
    """The SHA-1 of a text: the store's version key; its first 16 digits are a content id."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def stable_id(text: str) -> str:
    """An id from the content, so the same text always gets the same id."""
    return text_hash(text)[:16]


def normalise_date(value: object) -> tuple[str | None, str | None]:
    """(date, warning): ISO dates kept at their granularity; datetimes cut to the day."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    raw = str(value).strip()
    candidate = raw[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", raw) else raw
    if DATE_RE.match(candidate):
        month = int(candidate[5:7]) if len(candidate) >= 7 else 1
        day = int(candidate[8:10]) if len(candidate) == 10 else 1
        if 1 <= month <= 12 and 1 <= day <= 31:
            return candidate, None
    return None, f"unparseable date {raw!r}: processed as undated"


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


class Token:
    """A word or punctuation token with offsets into the text and its lower-cased form
    (a plain slotted class: stages build them by the thousand, so it must be cheap)."""

    __slots__ = ("start", "end", "text", "low")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start, self.end, self.text, self.low = start, end, text, low

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.text!r})"


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
    text: str | None = None  # the whole noun phrase or pronoun that names the speaker here
    kind: str | None = None  # PER, ORG, GPE or GROUP (FORMAT.md §1)
    confidence: float | None = None  # how sure the attribution is, in [0, 1]

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
    confidence: float | None = None  # how sure it is speech, in [0, 1]

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "direct": self.direct,
                "cue": self.cue, "speaker": self.speaker.to_json() if self.speaker else None,
                "date": self.date, "confidence": self.confidence}


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


def make_article(text: str, date: object = None, lang: str | None = None, id: str | None = None,
                 title: str | None = None, url: str | None = None, source: str | None = None,
                 author: str | None = None, origin: str = "", max_chars: int = MAX_CHARS) -> Article | Failure:
    """Validate one document's fields; the origin names it in any message."""
    doc_id = str(id) if id not in (None, "") else None
    if not isinstance(text, str):
        return Failure(doc_id or origin, f"{origin}: field 'text' is missing or not a string")
    if "\x00" in text[:8192]:
        return Failure(doc_id or origin, f"{origin}: binary content (NUL bytes), not an article")
    if not text.strip():
        return Failure(doc_id or origin, f"{origin}: empty document")
    if len(text) > max_chars:
        return Failure(doc_id or origin,
                       f"{origin}: document of {len(text):,} characters is over the limit of {max_chars:,}")
    iso, warning = normalise_date(date)
    return Article(id=doc_id or stable_id(text), text=text, date=iso, lang=lang or None,
                   title=title or None, url=url or None, source=source or None, author=author or None,
                   warnings=[f"{origin}: {warning}"] if warning else [])
