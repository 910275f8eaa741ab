"""Stage 4: time expressions normalized to TIMEX3 values; the publication day estimated.

Tagging (`kroniek.timex`) finds expressions and what they mean relative to an anchor;
this stage estimates the publication day from those anchors when the article gives only
a month, a year or nothing, then resolves every expression against that estimate.
`date_for` is what the quote and event stages call to date a clause.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..model import Doc, Timex
from ..pipeline import Options
from ..timex import Mention, Resolver, grammar_for, parse_anchor, resolve, tag

_AFTER = 30  # characters between a clause's verb and a time expression told after it
_CLAUSE_BREAK = re.compile(r"[,;:„“”\"()]|\s[–—]\s")
_DATED = re.compile(r"^(\d{4})(-(\d{2}|W\d{2})(-\d{2})?)?")


def _datelike(value: str) -> str | None:
    """The calendar part of a TIMEX3 value ('2025-04-20TEV' → '2025-04-20'); None for refs, durations."""
    m = _DATED.match(value)
    return m.group(0) if m else None


def date_for(doc: Doc, start: int, end: int) -> str | None:
    """The date of the clause at [start, end): the time expression governing it, else the publication date.

    Governing = in the same sentence, the nearest one starting before `end`; failing that one
    right after `end` (zei vrijdag, said Monday: within a few words and no clause break); otherwise
    the article's reference date. An interval's end (tot en met zondag, until Friday) governs
    nothing; `PRESENT_REF` (op dit moment, now) means the publication date as well.
    """
    sent = doc.sentence_of(start) or (start, end)
    bound = grammar_for(doc.lang or doc.article.lang or "en").bound
    before: Timex | None = None
    after: Timex | None = None
    for t in doc.timexes:
        if t.start < sent[0] or t.end > sent[1] or t.type in ("DURATION", "SET"):
            continue
        if not _datelike(t.value) or bound.search(doc.text, max(sent[0], t.start - 24), t.start):
            continue
        if t.start < end:
            if before is None or t.start > before.start:
                before = t
        elif after is None or t.start < after.start:
            after = t
    if before is not None:
        return _datelike(before.value)
    if after is not None and after.start - end <= _AFTER and not _CLAUSE_BREAK.search(doc.text, end, after.start):
        return _datelike(after.value)
    return doc.reference_date


class DateStage:
    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("timexes", "published")

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        lang = doc.lang or doc.article.lang or "en"
        mentions = tag(doc.text, lang, doc.sentences)
        doc.published = infer_published(mentions, doc.article.date, lang)
        doc.timexes = resolve(mentions, doc.reference_date, lang)
        return doc

def infer_published(mentions: list[Mention], given: str | None, lang: str) -> str | None:
    """The publication day: as given when it is a day, else the day that best fits the text's own anchors.

    Anchors are the days the text names outright (20 april, Pasen). Each candidate day resolves
    the weekday names by their tense; the best candidates put those weekdays closest to the anchors
    and keep past-tense anchors before and future-tense ones after; the middle of the best wins.
    """
    given_anchor = parse_anchor(given)
    if given_anchor and given_anchor[1] == "D":
        return given
    g = grammar_for(lang)
    year_hint = given_anchor[0].year if given_anchor else _text_year(mentions)
    if year_hint is None:
        return None
    probe = Resolver(g, given_anchor or (date(year_hint, 7, 1), "Y"))
    anchors: list[tuple[date, str]] = []
    weekdays: list[Mention] = []
    for m in mentions:
        if m.kind in ("date", "holiday") and not m.groups.get("part"):
            _, anchor = getattr(probe, m.kind)(m)
            if anchor and anchor[1] == "D":
                anchors.append((anchor[0], m.tense))
        elif m.kind == "weekday" and not m.groups.get("rel"):
            weekdays.append(m)
    if not anchors:
        return None
    if given_anchor and given_anchor[1] == "M":
        first = given_anchor[0]
        candidates = [first + timedelta(days=i) for i in range((first + relativedelta(months=1) - first).days)]
    else:
        lo = min(a for a, _ in anchors) - timedelta(days=2)
        hi = max(a for a, _ in anchors) + timedelta(days=10)
        candidates = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    scored = []
    for day in candidates:
        r = Resolver(g, (day, "D"))
        cost = 0
        for m in weekdays:
            d = r._weekday(g.word("weekdays", m.groups["weekday"]), m, None)
            cost += min(min(abs((d - a).days) for a, _ in anchors), 7) if d else 7
        for a, tense in anchors:
            if (tense == "past" and a > day) or (tense == "future" and a < day):
                cost += 3
        cost += 0 if any(abs((a - day).days) <= 14 for a, _ in anchors) else 20
        scored.append((cost, day))
    best = min(c for c, _ in scored)
    days = [d for c, d in scored if c == best]
    return days[(len(days) - 1) // 2].isoformat() if len(days) % 2 else days[len(days) // 2].isoformat()


def _text_year(mentions: list[Mention]) -> int | None:
    """The year an undated text speaks of most: from its explicit four-digit years."""
    years = [int(m.groups["year"]) for m in mentions if m.groups.get("year", "").isdigit()
             and len(m.groups["year"]) == 4]
    return max(set(years), key=years.count) if years else None
