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

from ..kb import KB
from ..model import Doc, Options, Timex
from ..timex import (
    Grammar,
    TimexMention,
    TimexResolver,
    grammar_for,
    holiday_date,
    parse_anchor,
    resolve,
    tag,
)
from .registry import register

PRIOR = 1.0  # weight of "published a day after the last event told in the past tense"
WINDOW = 60  # an undated or year-dated article is written within weeks of the latest day it names
NEAR = 0.1  # weight of "the weekdays told lie near the days named outright" (picks the week)
TENSE = 1.0  # cost of a day named in the past tense after the candidate, or in the future before it
_AFTER = 30  # characters between a clause's verb and a time expression told after it
_CLAUSE_BREAK = re.compile(r"[,;:„“”\"()]|\s[–—]\s")
_DATED = re.compile(r"^(\d{4}|BC\d{4})(-(\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI)(-\d{2})?)?")


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
    for t in doc.timexes_in(*sent):
        if t.end > sent[1] or t.type in ("DURATION", "SET"):
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


@register
class DateStage:
    """Tags time expressions, estimates the publication day, then resolves against it (in that order,
    so that 'zaterdag' in a month-dated article means the Saturday before the estimated day)."""

    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("timexes", "published")

    def __init__(self, options: Options, kb: KB) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        if not doc.analysable:  # as the pipeline does: no stage after the language stage reads such a text
            return doc
        lang = doc.lang or doc.article.lang or "en"
        mentions = tag(doc.text, lang, doc.sentences)
        doc.published = infer_published(mentions, doc.article.date, lang)
        doc.timexes = resolve(mentions, doc.reference_date, lang)
        return doc


def infer_published(mentions: list[TimexMention], given: str | None, lang: str) -> str | None:
    """The publication day: as given when it is a day, else the day that best fits the text's own anchors.

    Anchors are the days the text names outright (20 april, Pasen) near the given month. Each
    candidate day resolves the weekday names by their tense; it is scored on three things: news
    comes out about a day after the latest event it tells in the past tense; past-tense anchors lie
    before it and future-tense ones after; the weekdays told lie near the anchors (which week).
    Without an anchor there is no estimate: weekday names alone cannot tell the week.
    """
    given_anchor = parse_anchor(given)
    if given_anchor and given_anchor[1] == "D":
        return given
    g = grammar_for(lang)
    year_hint = given_anchor[0].year if given_anchor else _text_year(mentions, g)
    if year_hint is None:
        return None
    probe = TimexResolver(g, given_anchor or (date(year_hint, 7, 1), "Y"))
    anchors: list[tuple[date, str]] = []
    weekdays: list[TimexMention] = []
    for m in mentions:
        if m.kind in ("date", "holiday") and not m.groups.get("part"):
            _, anchor = getattr(probe, m.kind)(m)
            if anchor and anchor[1] == "D":
                anchors.append((anchor[0], m.tense))
        elif m.kind == "weekday" and not m.groups.get("rel"):
            weekdays.append(m)
    if given_anchor and given_anchor[1] == "M":
        first = given_anchor[0]
        candidates = [first + timedelta(days=i) for i in range((first + relativedelta(months=1) - first).days)]
        near = (first - timedelta(days=31), candidates[-1] + timedelta(days=31))
        anchors = [(a, t) for a, t in anchors if near[0] <= a <= near[1]]
    elif anchors:
        lo = max(min(a for a, _ in anchors), max(a for a, _ in anchors) - timedelta(days=WINDOW)) - timedelta(days=2)
        candidates = [lo + timedelta(days=i) for i in range((max(a for a, _ in anchors) - lo).days + 11)]
    if not anchors:
        return None
    told = [(g.word("weekdays", m.groups["weekday"]), probe.future(m), m.tense) for m in weekdays]
    scored = [(_cost(day, anchors, told), day) for day in candidates]
    best = min(c for c, _ in scored)
    days = [d for c, d in scored if c == best]
    return days[len(days) // 2].isoformat()


def _cost(day: date, anchors: list[tuple[date, str]], weekdays: list[tuple[int, bool, str]]) -> float:
    """How badly a candidate publication day fits the text (see infer_published). `weekdays`: each
    weekday told (1-7), whether in the future (then the next one on or after the day, else the last
    one on or before it, as TimexResolver.weekday_date counts), and its tense."""
    told = [(day + timedelta(days=(wd - day.isoweekday()) % 7) if future
             else day - timedelta(days=(day.isoweekday() - wd) % 7), tense) for wd, future, tense in weekdays]
    cost = 0.0
    for d, tense in told:  # a weekday told in the past lies near a day named in the past, and so on
        alike = [abs((d - a).days) for a, t in anchors if d and (t == tense or "default" in (t, tense))]
        cost += NEAR * min(min(alike), 7) if alike else 0
    cost += sum(TENSE for a, tense in anchors if (tense == "past" and a > day) or (tense == "future" and a < day))
    past = [a for a, tense in [*anchors, *told] if a and a <= day and tense != "future"]
    cost += PRIOR * abs((day - max(past)).days - 1) if past else 0
    return cost + (0 if any(abs((a - day).days) <= 14 for a, _ in anchors) else 20)


def _text_year(mentions: list[TimexMention], g: Grammar) -> int | None:
    """The year an undated text was written: from the latest year it names up to ten years on,
    the one where its holidays fall on the days it names and its weekdays match its dates
    (Pasen … 20 april → 2025); the latest year named when nothing tells."""
    years = [int(m.groups["year"]) for m in mentions if m.groups.get("year", "").isdigit()
             and len(m.groups["year"]) == 4]
    if not years:
        return None
    days, weekdays, feasts = set(), [], []
    for m in mentions:
        gr = m.groups
        if m.kind == "date" and gr.get("day") and gr.get("month") and not gr.get("year") and not gr["month"].isdigit():
            month = g.word("months", gr["month"].rstrip("."))
            days.add((month, int(gr["day"])))
            if gr.get("weekday"):
                weekdays.append((g.word("weekdays", gr["weekday"]), month, int(gr["day"])))
        elif m.kind == "holiday" and not gr.get("year"):
            feasts.append(g.word("holidays", gr["holiday"]))

    def evidence(year: int) -> int:
        found = sum(1 for spec in feasts if (d := holiday_date(spec, year)) and (d.month, d.day) in days)
        return found + sum(1 for wd, mo, dd in weekdays if _valid(year, mo, dd) and date(year, mo, dd).isoweekday() == wd)

    latest = max(years)
    best = max(range(latest, latest + 11), key=lambda y: (evidence(y), -y))
    return best if evidence(best) else latest


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
