"""Plain typed records that flow between the stages.

One `Doc` owns the article text; every annotation is an offset span into it
(end exclusive, code points). `Doc.record()` gives the extraction record of
FORMAT.md §1 — the one JSON shape that `extract`, the store and `eval` speak.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Generic, Protocol, TypeVar

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SURROGATES = re.compile("[\ud800-\udfff]")  # from JSON escapes such as "\\ud800": not encodable in UTF-8
YEARS = range(10, 9980)  # years dates are computed in: the dates stage looks weeks back and ten years on
MAX_CHARS = 2_000_000  # a news article is ~5k; beyond this it is not an article
MAX_SECONDS = 60.0  # per-document analysis budget: 2M characters take ~10 s, so only a pathology runs over


@dataclass(slots=True)
class Options:
    """Every knob of a run in one place (no keyword-flag sprawl)."""

    lang: str | None = None  # force a language instead of detecting it
    spacy_model: str | None = None  # an installed spaCy pipeline instead of the shipped one
    kb_paths: tuple[str, ...] = ()  # user knowledge bases that override the shipped one
    parse: bool = True  # run the parser where later stages need it
    stages: tuple[str, ...] | None = None  # a subset of stage names, in pipeline order
    max_chars: int = MAX_CHARS  # a longer document is refused by name, not analysed
    tagger: bool = False  # the statistical name tagger for names the KB lacks (slower; see docs/actors.md)
    max_seconds: float = MAX_SECONDS  # a document's analysis budget (CPU-bound wall clock); 0 = none


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
    """(date, warning): ISO dates kept at their granularity; datetimes cut to the day; a date that is
    not on the calendar (2025-02-30, year 0) is a warning, so the document is processed undated."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    raw = str(value).strip()
    candidate = raw[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", raw) else raw
    if not DATE_RE.match(candidate):
        return None, f"unparseable date {raw[:80]!r}: processed as undated"
    year, month, day = (int(p) for p in f"{candidate}-01-01"[:10].split("-"))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None, f"date {raw[:80]!r} is not on the calendar: processed as undated"
    if year not in YEARS:
        return None, f"date {raw[:80]!r} is outside the years {YEARS.start}–{YEARS.stop - 1}: processed as undated"
    return candidate, None


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
    country: str | None = None  # ISO3 of the publication's country, as given or found from its outlet

    @property
    def granularity(self) -> str | None:
        """'year', 'month' or 'day' for the given date; None when undated."""
        if not self.date:
            return None
        return {4: "year", 7: "month", 10: "day"}.get(len(self.date))


class Token:
    """A word or punctuation token with offsets into the text and its lower-cased form
    (a plain slotted class: stages build them by the thousand, so it must be cheap)."""

    __slots__ = ("end", "low", "start", "text")

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
    """A link to the actor knowledge base (or an unlinked actor: id None), with the words that
    name it in this text where a stage knows them (FORMAT.md §1: text, start, end, kind)."""

    id: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str | None = None  # PER, ORG, GPE, GROUP

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "country": self.country}
        if self.sector:
            out["sector"] = self.sector
        if self.text is not None:
            out.update(text=self.text, start=self.start, end=self.end, kind=self.kind)
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


Party = ActorRef | list[ActorRef] | None


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
    confidence: float | None = None  # 0..1 from the evidence: trigger, actors' linkage, syntax

    def to_json(self) -> dict[str, Any]:
        out = {"type": self.type, "mode": self.mode, "source": _party_json(self.source),
               "target": _party_json(self.target), "date": self.date,
               "location": self.location, "location_country": self.location_country, "cameo": self.cameo,
               "trigger": asdict(self.trigger),
               "sentence": {"start": self.sentence[0], "end": self.sentence[1]}}
        if self.confidence is not None:
            out["confidence"] = self.confidence
        return out


@dataclass(slots=True)
class Doc:
    """The working document: the article plus what each stage adds."""

    article: Article
    lang: str | None = None
    country: str | None = None  # the publication's country (ISO3): as given or from its outlet
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

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        """The time expressions starting in [start, end) (timexes are in text order: a binary search)."""
        return self.timexes[bisect_left(self.timexes, start, key=_start):bisect_left(self.timexes, end, key=_start)]

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        """The sentence holding an offset (sentences are in text order: a binary search)."""
        i = bisect_right(self.sentences, offset, key=_first) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
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
        if self.country:
            out["country"] = self.country
        if art.warnings or self.warnings:
            out["warnings"] = [*art.warnings, *self.warnings]
        return out


class Located(Protocol):
    start: int
    end: int


L = TypeVar("L", bound=Located)


def _first(pair: tuple[int, int]) -> int:
    return pair[0]


def _start(item: Located) -> int:
    return item.start


class SpanIndex(Generic[L]):
    """Items with offsets (entities, timexes, quotes), sorted once for binary search: a stage that
    asks per sentence or per trigger stays linear in the text, not quadratic."""

    def __init__(self, items: Sequence[L]) -> None:
        self.items = sorted(items, key=lambda i: i.start)
        self.starts = [i.start for i in self.items]
        self.reach = max((i.end - i.start for i in self.items), default=0)

    def starting_in(self, start: int, end: int) -> list[L]:
        """The items that start in [start, end), in text order."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def within(self, start: int, end: int) -> list[L]:
        """The items lying wholly inside [start, end), in text order."""
        return [i for i in self.starting_in(start, end) if i.end <= end]

    def covering(self, offset: int) -> list[L]:
        """The items whose span holds the offset, in text order."""
        lo = bisect_left(self.starts, offset - self.reach)
        hi = bisect_right(self.starts, offset)
        return [i for i in self.items[lo:hi] if i.start <= offset < i.end]


def _field_problem(name: str, value: object, allowed: tuple[type, ...]) -> str | None:
    """Why a field's value cannot be used (its type), or None; a bool is not an id or a date."""
    if value is None or (isinstance(value, allowed) and not isinstance(value, bool)):
        return None
    names = " or ".join("a string" if t is str else "an integer" for t in allowed)
    return f"field {name!r} must be {names}, not {type(value).__name__}"


def make_article(text: object, date: object = None, lang: object = None, id: object = None,
                 title: object = None, url: object = None, source: object = None, author: object = None,
                 origin: str = "", max_chars: int = MAX_CHARS, country: object = None) -> Article | Failure:
    """Validate one document's fields, whatever a reader found in them; the origin names it in any message.

    Lone surrogates (JSON escapes of half a character) are replaced by U+FFFD, one for one, so the
    offsets into the text hold and the text can be written as UTF-8.
    """
    doc_id = str(id) if id not in (None, "") and _field_problem("id", id, (str, int)) is None else None
    where = doc_id or origin
    if not isinstance(text, str):
        return Failure(where, f"{origin}: field 'text' is missing or not a string")
    checks = [("id", id, (str, int)), ("date", date, (str, int)), *((name, value, (str,)) for name, value in
              (("lang", lang), ("title", title), ("url", url), ("source", source), ("author", author),
               ("country", country)))]
    for name, value, allowed in checks:
        if problem := _field_problem(name, value, allowed):
            return Failure(where, f"{origin}: {problem}")
    if "\x00" in text:
        return Failure(where, f"{origin}: binary content (NUL bytes), not an article")
    if not text.strip():
        return Failure(where, f"{origin}: empty document")
    if len(text) > max_chars:
        return Failure(where, f"{origin}: document of {len(text):,} characters is over the limit of {max_chars:,}")
    warnings = []
    fields = {"id": doc_id, "text": text, "lang": lang, "title": title, "url": url, "source": source,
              "author": author}
    if bad := [name for name, value in fields.items() if isinstance(value, str) and SURROGATES.search(value)]:
        fields = {name: SURROGATES.sub("\ufffd", value) if isinstance(value, str) else value
                  for name, value in fields.items()}
        warnings.append(f"{origin}: lone surrogates (broken escapes) in {', '.join(bad)} replaced by U+FFFD")
    iso, warning = normalise_date(date)
    if warning:
        warnings.insert(0, f"{origin}: {warning}")
    text = fields["text"]
    return Article(id=fields["id"] or stable_id(text), text=text, date=iso,
                   **{name: fields[name] or None for name in ("lang", "title", "url", "source", "author")},
                   warnings=warnings, country=country.strip().upper() or None if isinstance(country, str) else None)
