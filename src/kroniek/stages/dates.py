"""Stage 4: time expressions normalized to TIMEX3 values; the publication day estimated.

Tagging (`kroniek.timex`) finds expressions and what they mean relative to an anchor;
this stage estimates the publication day from those anchors when the article gives only
a month, a year or nothing, then resolves every expression against that estimate.
`date_for` is what the quote and event stages call to date a clause.
"""
from __future__ import annotations

import re

from ..model import Doc, Timex
from ..pipeline import Options

_MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
           "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12}
_ABS = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{4})\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:„“”\"()]|\s[–—]\s")
_DATED = re.compile(r"^(\d{4})(-(\d{2}|W\d{2})(-\d{2})?)?")


def _datelike(value: str) -> str | None:
    """The calendar part of a TIMEX3 value ('2025-04-20TEV' → '2025-04-20'); None for refs, durations."""
    m = _DATED.match(value)
    return m.group(0) if m else None


def date_for(doc: Doc, start: int, end: int) -> str | None:
    """The date of the clause at [start, end): the time expression governing it, else the publication date.

    Governing = in the same sentence, the nearest one starting before `end`; failing that the
    first one after `end` up to the next clause break; otherwise the article's reference date.
    A `PRESENT_REF` (op dit moment, now) means the publication date as well.
    """
    sent = doc.sentence_of(start) or (start, end)
    before: Timex | None = None
    after: Timex | None = None
    for t in doc.timexes:
        if t.start < sent[0] or t.end > sent[1] or t.type in ("DURATION", "SET"):
            continue
        if not _datelike(t.value):
            continue
        if t.start < end:
            if before is None or t.start > before.start:
                before = t
        elif after is None or t.start < after.start:
            after = t
    if before is not None:
        return _datelike(before.value)
    if after is not None and not _CLAUSE_BREAK.search(doc.text, end, after.start):
        return _datelike(after.value)
    return doc.reference_date


class DateStage:
    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("timexes", "published")

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        doc.published = doc.article.date if doc.article.granularity == "day" else None
        for m in _ABS.finditer(doc.text):
            value = f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}"
            doc.timexes.append(Timex(m.start(), m.end(), m.group(0), "DATE", value))
        return doc
