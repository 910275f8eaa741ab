"""Resolving time expressions: TIMEX3 values from what a mention says and the date it counts from.

Mentions are resolved in text order. Relative expressions count from the reference date (the
article's publication day); chained ones (een dag later, a week later) from the date told just
before; when there is no reference date, from the text's own last date (as HeidelTime does for
narratives), else they stay underspecified (XXXX-XX-XX).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..model import Timex
from .feasts import holiday_date
from .grammar import Grammar, TimexMention, available, grammar

Anchor = tuple[date, str]  # a day and the granularity it stands for: Y, M, W, Q, D
_UNIT_DELTA = {"D": relativedelta(days=1), "W": relativedelta(weeks=1), "M": relativedelta(months=1),
               "Q": relativedelta(months=3), "Y": relativedelta(years=1), "DE": relativedelta(years=10),
               "CE": relativedelta(years=100), "WE": relativedelta(weeks=1), "F": relativedelta(weeks=2)}
_UNDEF = {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX"}


def fmt(day: date, gran: str) -> str:
    """A day written at a granularity as a TIMEX3 value."""
    if gran == "Y":
        return f"{day.year:04d}"
    if gran == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if gran in ("W", "WE"):
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "DE":
        return f"{day.year // 10:03d}"
    if gran == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def parse_anchor(value: str | None) -> Anchor | None:
    """'2025-04-22', '2025-04' or '2025' as an anchor; None for anything else."""
    if not value:
        return None
    try:
        nums = [int(p) for p in value.split("-")[:3]]
        day = date(nums[0], nums[1] if len(nums) > 1 else 1, nums[2] if len(nums) > 2 else 1)
    except ValueError:
        return None
    return day, {1: "Y", 2: "M", 3: "D"}[len(nums)]


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.strip("'’")
    if len(digits) == 2:
        return (1900 if int(digits) >= 30 else 2000) + int(digits)
    return int(digits)


def _old(gr: dict[str, str]) -> str | None:
    """A historic year as written in TIMEX3 (BC0190, 0090): never moved to a nearby century."""
    raw = gr.get("oldyear") or gr.get("oldyear2")
    if not raw:
        return None
    return ("BC" if gr.get("era") or gr.get("era2") else "") + f"{int(raw):04d}"


def _num(g: Grammar, m: TimexMention) -> float | str | None:
    """The count in a duration or shift: digits or a number word; 'X' for vague (several, enkele)."""
    if m.groups.get("count"):
        raw = m.groups["count"].strip().replace(",", ".")
        try:
            return float(raw)
        except ValueError:
            return g.word("numbers", raw) or g.word("ordinals", raw)
    return g.word("numbers", m.groups.get("number"))


@dataclass
class TimexResolver:
    """Turns mentions into TIMEX3 values in text order, keeping the last date told for chaining."""

    g: Grammar
    ref: Anchor | None
    last: Anchor | None = None
    last_sentence: int = -10
    here: int = 0  # the sentence being resolved
    sentence_days: dict[int, list[tuple[int, date]]] = field(default_factory=dict)  # sentence → (offset, day)

    @property
    def ref_day(self) -> date | None:
        return self.ref[0] if self.ref and self.ref[1] == "D" else None

    def base(self, chain: bool, near: bool = False, day: bool = False) -> Anchor | None:
        """What a relative expression counts from: the date told before it when chained, else the article's.

        `near`: chain only to a date of this or the previous sentence (a year later, a month earlier
        count from the article's date when the text has moved on); `day`: only to a day.
        """
        usable = self.last is not None and (not day or self.last[1] == "D")
        if chain and usable and (not near or self.here - self.last_sentence <= 1):
            return self.last
        return self.ref or self.last

    def year_for(self, month: int, day: int | None) -> int | None:
        """The year of a month (and day) told without one: the nearest to the reference (past on a tie).

        Tense is a weaker guide here than distance: news dates are rarely more than half a year off.
        """
        base = self.base(False)
        if base is None:
            return None
        ref = base[0]
        if base[1] == "Y":
            return ref.year
        if base[1] == "M" or day is None:
            ref, day = date(ref.year, ref.month, 1), 1
        years = (ref.year - 1, ref.year, ref.year + 1)
        when = {y: date(y, month, min(day, 28)) for y in years}
        return min(years, key=lambda y: (abs((when[y] - ref).days), y))

    def future(self, m: TimexMention) -> bool:
        """Whether a mention is told in the future tense (or, without a cue, the language reads it so)."""
        return m.tense == "future" or (m.tense == "default" and self.g.data["tense"].get("default") == "future")

    def weekday_date(self, wd: int, m: TimexMention, rel: int | None) -> date | None:
        """A weekday name as a day: by modifier (last/next), else by the tense of its clause."""
        base = self.ref_day or (self.last[0] if self.last and self.last[1] == "D" and not self.ref else None)
        if base is None:
            return None
        back = (base.isoweekday() - wd) % 7
        ahead = (wd - base.isoweekday()) % 7
        if rel is not None and rel < 0:
            return base - timedelta(days=back or 7)
        if rel is not None and rel > 0:
            return base + timedelta(days=ahead or 7)
        if self.future(m):
            return base + timedelta(days=ahead)
        return base - timedelta(days=back)

    def day_of(self, m: TimexMention) -> str:
        """The calendar day a time of day belongs to: its own words, its sentence, the article, or unknown."""
        gr = m.groups
        if gr.get("weekday"):
            d = self.weekday_date(self.g.word("weekdays", gr["weekday"]), m, None)
            return d.isoformat() if d else "XXXX-XX-XX"
        if gr.get("relday"):
            return self.relday(m)[0].split("T")[0]
        days = self.sentence_days.get(m.sentence, [])
        before = [d for pos, d in days if pos < m.start]
        after = [d for pos, d in days if pos > m.start]
        previous = self.sentence_days.get(m.sentence - 1)
        day = (before[-1] if before else after[0] if after else previous[-1][1] if previous else None)
        if day:
            return day.isoformat()
        return self.ref_day.isoformat() if self.ref_day else "XXXX-XX-XX"

    # one method per rule kind: (value, anchor told or None)
    def date(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        month = gr["month"]
        mo = int(month) if month.isdigit() else self.g.word("months", month.rstrip("."))
        day = int(gr["day"]) if gr.get("day") else self.g.word("day_words", gr.get("day_word")) or \
            self.g.word("ordinals", gr.get("ordinal"))
        if not mo or not day or mo > 12 or day > 31:
            return "XXXX-XX-XX", None
        part = f"T{self.g.word('parts', gr['part'])}" if gr.get("part") else ""
        if _old(gr):
            return f"{_old(gr)}-{mo:02d}-{day:02d}{part}", None
        year = _year(gr.get("year")) or self.year_for(mo, day)
        if year is None:
            return f"XXXX-{mo:02d}-{day:02d}{part}", None
        try:
            d = date(year, mo, day)
        except ValueError:
            return f"{year:04d}-{mo:02d}-{day:02d}", None
        return d.isoformat() + part, (d, "D")

    def datetime(self, m: TimexMention) -> tuple[str, Anchor | None]:
        value, anchor = self.date(m)
        gr = m.groups
        clock = f"T{int(gr['hour']):02d}:{gr['minute']}" + (f":{gr['second']}" if gr.get("second") else "")
        tz = gr.get("tz") or (self.g.word("timezones", gr.get("timezone")) if gr.get("timezone") else "")
        return value + clock + (tz or ""), anchor

    def holiday(self, m: TimexMention) -> tuple[str, Anchor | None]:
        spec = self.g.word("holidays", m.groups["holiday"])
        year = _year(m.groups.get("year"))
        if year is None:
            same_sentence = self.last if self.last and self.last_sentence == self.here else None
            base = same_sentence or self.base(False)
            if base is None:
                fixed = spec.get("fixed")
                return (f"XXXX-{fixed}" if fixed else "XXXX-XX-XX"), None
            near = [holiday_date(spec, y) for y in (base[0].year - 1, base[0].year, base[0].year + 1)]
            if base[1] == "D":
                d = min((x for x in near if x), key=lambda x: abs((x - base[0]).days), default=None)
            else:
                d = near[1]
        else:
            d = holiday_date(spec, year)
        return (d.isoformat(), (d, "D")) if d else ("XXXX-XX-XX", None)

    def month(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        mo = self.g.word("months", gr["month"].rstrip("."))
        if _old(gr):
            return f"{_old(gr)}-{mo:02d}", None
        year = _year(gr.get("year"))
        shift = {"next": 1, "volgend": 1, "last": -1, "vorig": -1}.get((gr.get("relyear") or "").lower(), 0)
        rel = self.g.word("rel", gr.get("rel"))
        base = self.base(False)
        if year is None and base is not None and (shift or rel is not None):
            year = base[0].year + shift
            if rel and base[1] in ("D", "M"):
                if rel < 0 and mo >= base[0].month:
                    year -= 1
                elif rel > 0 and mo <= base[0].month:
                    year += 1
        elif year is None and base is not None:
            year = self.year_for(mo, None)
        if year is None:
            return f"XXXX-{mo:02d}", None
        return f"{year:04d}-{mo:02d}", (date(year, mo, 1), "M")

    def season(self, m: TimexMention) -> tuple[str, Anchor | None]:
        code = self.g.word("seasons", m.groups["season"])
        if _old(m.groups):
            return f"{_old(m.groups)}-{code}", None
        year = _year(m.groups.get("year"))
        base = self.base(False)
        if year is None and base is not None:
            rel = self.g.word("rel", m.groups.get("rel")) or 0
            start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
            year = base[0].year - (rel < 0 and start >= base[0].month) + (rel > 0 and start <= base[0].month)
        return (f"{year:04d}-{code}" if year else f"XXXX-{code}"), None

    def part_year(self, m: TimexMention) -> tuple[str, Anchor | None]:
        """Quarters and halves; a quarter is told for 'a year earlier' to count from."""
        value = self._part_year(m)
        q = re.fullmatch(r"(\d{4})-Q(\d)", value)
        return value, ((date(int(q.group(1)), int(q.group(2)) * 3 - 2, 1), "Q") if q else None)

    def _part_year(self, m: TimexMention) -> str:
        """The value of a quarter or half; a bare 'the quarter' is the last one completed (what reports speak of)."""
        gr = m.groups
        code = self.g.word("halves", gr.get("half"))
        year = _year(gr.get("year"))
        earlier = any(w in m.text.lower() for w in ("year-earlier", "year-ago"))
        shift = {"next": 1, "volgend": 1, "last": -1, "vorig": -1}.get((gr.get("relyear") or "").lower(), 0)
        if year is not None and code:
            return f"{year:04d}-{code}"
        if self.ref is None:
            return f"XXXX-{code}" if code else "XXXX-XX"
        ref = self.ref[0]
        if code is None:
            last = ref - relativedelta(months=3)
            if gr.get("year"):
                return f"{_year(gr['year']):04d}-Q{(last.month - 1) // 3 + 1}"
            return fmt(last - relativedelta(years=int(earlier) - shift), "Q")
        start = (int(code[1]) - 1) * (3 if code[0] == "Q" else 6) + 1
        year = ref.year + shift - earlier
        if not (shift or earlier):
            if m.tense == "future":
                year += start <= ref.month - (3 if code[0] == "Q" else 6)
            elif start > ref.month:
                year -= 1
        return f"{year:04d}-{code}"

    def decade(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        if gr.get("olddecade"):
            return f"BC{int(gr['olddecade']):03d}", None
        if gr.get("decade_word"):
            return f"19{self.g.word('decade_words', gr['decade_word'])}", None
        digit = gr.get("decade") or gr.get("decade2")
        return f"{gr.get('century') or '19'}{digit}", None

    def century(self, m: TimexMention) -> tuple[str, Anchor | None]:
        n = self.g.word("ordinals", m.groups["ordinal"])
        return ("BC" if m.groups.get("era") else "") + f"{int(n) - 1:02d}", None

    def year(self, m: TimexMention) -> tuple[str, Anchor | None]:
        if _old(m.groups):
            return str(_old(m.groups)), None
        y = int(m.groups["year"])
        return f"{y:04d}", (date(y, 1, 1), "Y")

    def spelled_year(self, m: TimexMention) -> tuple[str, Anchor | None]:
        """Nineteen ninety-one, the year two thousand, two-thousand ten."""
        gr = m.groups
        parts = [self.g.word("numbers", gr.get(k)) for k in ("number", "number2")]
        if any(p == "X" for p in parts):
            return "XXXX", None
        rest = sum(int(p) for p in parts if p)
        if gr.get("cent"):
            if rest < 10:
                return "XXXX", None
            year = (19 if gr["cent"].lower() == "nineteen" else 20) * 100 + rest
        else:
            year = 2000 + rest
        return f"{year:04d}", (date(year, 1, 1), "Y")

    def relday(self, m: TimexMention) -> tuple[str, Anchor | None]:
        spec = self.g.word("reldays", m.groups.get("relday")) or [0]
        offset, part = spec[0], (spec[1] if len(spec) > 1 else None)
        if m.groups.get("part"):
            part = self.g.word("parts", m.groups["part"])
        suffix = f"T{part}" if part else ""
        base = self.base(len(spec) > 2, day=True)
        if base is None or base[1] != "D":
            return "XXXX-XX-XX" + suffix, None
        d = base[0] + timedelta(days=offset)
        return d.isoformat() + suffix, (d, "D")

    def weekday(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        wd = self.g.word("weekdays", gr["weekday"])
        rel = self.g.word("rel", gr.get("rel"))
        if gr.get("post"):
            rel = self.g.word("post_rel", gr["post"])
        part = f"T{self.g.word('parts', gr['part'])}" if gr.get("part") else ""
        if gr.get("relday"):
            value, anchor = self.relday(m)
            return value, anchor
        d = self.weekday_date(wd, m, rel)
        if d is None:
            return ("XXXX-WXX-" + str(wd) if rel == 0 else "XXXX-XX-XX") + part, None
        return d.isoformat() + part, (d, "D")

    def relunit(self, m: TimexMention) -> tuple[str, Anchor | None]:
        """Last week, volgend jaar, the weekend (told in the past on a weekday: the one before)."""
        unit = self.g.word("adj_units", m.groups.get("adj_unit")) or "WE"
        rel = self.g.word("rel", m.groups.get("rel")) or 0
        base = self.base(False)
        if base is None:
            return _UNDEF.get(unit, "XXXX"), None
        d = base[0] + _UNIT_DELTA.get(unit, relativedelta()) * rel
        if unit == "WE" and rel == 0 and base[1] == "D" and d.isoweekday() < 6 and not self.future(m):
            d -= timedelta(weeks=1)
        if "year-earlier" in m.text.lower():
            d -= relativedelta(years=1)
        return fmt(d, unit), None

    def shift(self, m: TimexMention) -> tuple[str, Anchor | None]:
        unit = self.g.word("units", m.groups["unit"])
        sign, *chain = self.g.word("ago", m.groups.get("ago")) or [m.rule.get("direction", 1)]
        n = _num(self.g, m)
        if n == "X" or n is None:
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), None
        base = self.base(bool(chain), near=unit not in ("D", "W"), day=unit in ("D", "W"))
        gran = {"W": "D" if chain else "W", "WE": "W", "F": "D", "H": "D", "MIN": "D", "S": "D"}.get(unit, unit)
        if base is not None and base is not self.ref and unit in ("Y", "W", "D"):
            gran = "D" if base[1] == "D" else gran
        if chain and base is not None and base is not self.ref and base[1] == "Q" and unit == "Y":
            gran = "Q"  # a year earlier than the quarter just told: that quarter a year before
        if base is None:
            return _UNDEF.get(gran, "XXXX"), None
        delta = _UNIT_DELTA.get(unit)
        if delta is None:
            return fmt(base[0], base[1]), None
        d = base[0] + delta * int(sign * n)
        if base[1] == "Y" and gran == "D":
            gran = "Y"
        return fmt(d, gran), ((d, gran) if gran in ("D", "M", "Y") else None)

    def duration(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        unit = self.g.word("units", gr.get("unit")) or \
            timex_unit(gr.get("unit1", ""))
        n = _num(self.g, m)
        if m.rule.get("future") and (n == "X" or n is None):
            return "FUTURE_REF", None
        amount = "X" if n in ("X", None) else (f"{n:g}" if isinstance(n, float) else str(n))
        return duration_value(amount, unit), None

    def set(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        if gr.get("setword"):
            return self.g.word("sets", gr["setword"]), None
        wd = self.g.word("weekdays", gr.get("weekday")) or self.g.word("weekdays_plural", gr.get("weekday_plural"))
        if wd:
            part = self.g.word("parts", gr.get("part")) or self.g.word("parts_plural", gr.get("parts_plural"))
            return f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), None
        if gr.get("month"):
            return f"XXXX-{self.g.word('months', gr['month']):02d}", None
        if gr.get("season"):
            return f"XXXX-{self.g.word('seasons', gr['season'])}", None
        unit = self.g.word("units", gr.get("unit2") or gr.get("unit"))
        n = 1 if gr.get("times") or gr.get("unit2") else (_num(self.g, m) or 1)
        return duration_value(str(int(n)) if n != "X" else "X", unit), None

    def time(self, m: TimexMention) -> tuple[str, Anchor | None]:
        gr = m.groups
        if gr.get("clock"):
            clock = self.g.word("clock_words", gr["clock"])
        else:
            hour = int(gr["hour"])
            half = self.g.word("ampm", gr.get("ampm"))
            if half == "p" and hour < 12:
                hour += 12
            elif half == "a" and hour == 12:
                hour = 0
            if hour > 24:
                return "XXXX-XX-XX", None
            clock = f"{hour:02d}:{gr.get('minute') or '00'}" + (f":{gr['second']}" if gr.get("second") else "")
        tz = self.g.word("timezones", gr.get("timezone")) if gr.get("timezone") else ""
        return f"{self.day_of(m)}T{clock}{tz or ''}", None

    def ref_(self, m: TimexMention) -> tuple[str, Anchor | None]:
        return self.g.word("refs", m.groups["refword"]), None


def timex_unit(word: str) -> str:
    """The TimeML unit of an adjective form (three-year, driejarige)."""
    w = word.lower()
    for prefix, unit in (("j", "Y"), ("y", "Y"), ("maand", "M"), ("month", "M"), ("w", "W"), ("d", "D"),
                         ("u", "H"), ("h", "H"), ("min", "MIN")):
        if w.startswith(prefix):
            return unit
    return "X"


def duration_value(amount: str, unit: str) -> str:
    """P3D, PT2H, P1W … from an amount and a unit letter (sixty minutes is an hour)."""
    if unit == "MIN" and amount == "60":
        amount, unit = "1", "H"
    if unit in ("DE", "CE"):
        factor = 10 if unit == "DE" else 100
        amount, unit = (amount if amount == "X" else f"{float(amount) * factor:g}"), "Y"
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"


def resolve(mentions: list[TimexMention], reference: str | None, lang: str) -> list[Timex]:
    """TIMEX3 records for the mentions, relative ones resolved against `reference` (or the text's own dates)."""
    r = TimexResolver(grammar(lang if available(lang) else "en"), parse_anchor(reference))
    values: dict[int, str] = {}
    types = {i: m.type for i, m in enumerate(mentions)}
    # clock times after dates: "at 5 p.m. on Friday" takes the day told after it in its sentence
    for i, m in sorted(enumerate(mentions), key=lambda im: im[1].kind == "time"):
        if m.kind == "part":
            continue
        method: Callable[[TimexMention], tuple[str, Anchor | None]] = getattr(r, "ref_" if m.kind == "ref" else m.kind)
        r.here = m.sentence
        try:
            values[i], anchor = method(m)
        except (ValueError, OverflowError):  # a date outside the calendar: 5000 years ago
            values[i], anchor = "XXXX", None
        if anchor is not None:
            r.last, r.last_sentence = anchor, m.sentence
            if anchor[1] == "D":
                r.sentence_days.setdefault(m.sentence, []).append((m.start, anchor[0]))
    # range parts take the rest from their other end: "3" in "3 to 6 May" is "6 May" with another day;
    # the first ends right to left (19, 20 en 21 april), the second ends left to right
    parts = [i for i, m in enumerate(mentions) if m.kind == "part"]
    order = [i for i in parts if mentions[i].rule["joins"] == "previous"] + \
        [i for i in reversed(parts) if mentions[i].rule["joins"] == "next"]
    for i in order:
        other = i + (1 if mentions[i].rule["joins"] == "next" else -1)
        if other in values and abs(mentions[other].start - mentions[i].start) < 40:
            values[i], types[i] = _splice(r, mentions[i], values[other]), types[other]
    return [Timex(m.start, m.end, m.text, types[i], values[i]) for i, m in enumerate(mentions) if i in values]


def _splice(r: TimexResolver, m: TimexMention, other: str) -> str:
    """A range part's value: its neighbour's with the part's own day, month, year or count put in."""
    gr, g = m.groups, r.g
    if gr.get("day") and re.match(r"^[\dX]{4}-[\dX]{2}-", other):
        return f"{other[:8]}{int(gr['day']):02d}"
    if gr.get("month") and re.match(r"^[\dX]{4}-", other):
        return f"{other[:5]}{g.word('months', gr['month'].rstrip('.')):02d}"
    if gr.get("yy") and re.match(r"^\d{4}$", other):
        return other[:2] + gr["yy"]
    if gr.get("weekday") and other.startswith("XXXX-WXX-"):
        return f"XXXX-WXX-{g.word('weekdays', gr['weekday'])}{other[10:]}"
    if gr.get("ordinal"):
        return f"{int(g.word('ordinals', gr['ordinal'])) - 1:02d}"
    n = _num(g, m)
    if n is not None and other.startswith("P"):
        return re.sub(r"^(PT?)[\dX.]+", lambda x: x.group(1) + (f"{n:g}" if isinstance(n, float) else str(n)), other)
    return other
