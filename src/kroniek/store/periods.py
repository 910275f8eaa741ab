"""Dates at the precision the text gave them: labels for people and the days they span.

A TIMEX date may be a day, a month, an ISO week, a season, a quarter, a decade: shown as
such ("March 2020", "week 16 of 2025", "summer 2025") and placed by its first day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

_SEASONS = {"SP": ("spring", 3), "SU": ("summer", 6), "FA": ("autumn", 9), "AU": ("autumn", 9), "WI": ("winter", 12)}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def date_label(value: str | None) -> str:
    """A TIMEX date at the precision the text gave it: 'March 2020', 'week 16 of 2025', 'summer 2025'."""
    if not value:
        return "undated"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return value[:10]
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{_MONTHS[int(m[2]) - 1]} {m[1]}" if 1 <= int(m[2]) <= 12 else value
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        return f"{'weekend of ' if m[3] else ''}week {int(m[2])} of {m[1]}"
    if (m := re.fullmatch(r"(\d{4})-([A-Z]{2})", value)) and m[2] in _SEASONS:
        return f"{_SEASONS[m[2]][0]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"{'first' if m[2] == '1' else 'second'} half of {m[1]}"
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"the {value}00s"
    if m := re.fullmatch(r"BC(\d+)", value):
        return f"{int(m[1])} BC"
    return value


def date_span(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX date can mean (the twin of migration 006's `date_start`); None for
    what has no calendar day (BC years, PRESENT_REF, XXXX)."""
    if not value:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2}).*", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        first = date(int(m[1]), int(m[2]), 1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (monday, monday + timedelta(6))
    if (m := re.fullmatch(r"(\d{4})-([A-Z]{2})", value)) and m[2] in _SEASONS:
        first = date(int(m[1]), _SEASONS[m[2]][1], 1)
        return first, (first + timedelta(days=92)).replace(day=1) - timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        months = 3 if m[2] == "Q" else 6
        first = date(int(m[1]), (int(m[3]) - 1) * months + 1, 1)
        last_month = date(first.year, first.month + months - 1, 1)
        return first, (last_month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if m := re.fullmatch(r"(\d{2,4})", value):
        width = 10 ** (4 - len(value))
        year = int(value) * width
        return date(max(year, 1), 1, 1), date(year + width - 1, 12, 31)
    return None


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day)
    except ValueError:
        return None


def _bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next(day: date, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=1)
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return (day + timedelta(days=32)).replace(day=1)
    return day.replace(year=day.year + 1)


def _short(day: date, unit: str) -> str:
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[unit]


def bins(counts: dict[str, dict[str, int]], most: int = 300, tail: float = 0.01) -> dict[str, Any]:
    """Counts per first day (day -> {series: n}) as contiguous bins of a day, week, month or year,
    the finest that keeps at most `most` bars. The rarest extremes (`tail` of all items, e.g. an
    event dated 1201 among 2020's news) stay off the axis and are counted as `earlier`/`later`."""
    days = sorted((d, c) for d, c in ((_parse(k), v) for k, v in counts.items()) if d is not None)
    series = sorted({name for _, c in days for name in c})
    total = sum(sum(c.values()) for _, c in days)
    cut, earlier, later = int(total * tail), 0, 0
    while days and earlier + sum(days[0][1].values()) <= cut and len(days) > 1:
        earlier += sum(days.pop(0)[1].values())
    while days and later + sum(days[-1][1].values()) <= cut and len(days) > 1:
        later += sum(days.pop()[1].values())
    if not days:
        return {"unit": None, "series": series, "bins": [], "earlier": earlier, "later": later}
    first, last = days[0][0], days[-1][0]
    span = (last - first).days + 1
    unit = next(u for u, size in (("day", 1), ("week", 7), ("month", 31), ("year", 366), ("year", 0))
                if not size or span / size <= most)
    out: dict[date, dict[str, int]] = {}
    cursor = _bin_start(first, unit)
    while cursor <= last:
        out[cursor] = dict.fromkeys(series, 0)
        cursor = _next(cursor, unit)
    for day, c in days:
        slot = out[_bin_start(day, unit)]
        for name, n in c.items():
            slot[name] += n
    return {"unit": unit, "series": series, "earlier": earlier, "later": later,
            "bins": [{"start": d.isoformat(), "end": (_next(d, unit) - timedelta(days=1)).isoformat(),
                      "label": _short(d, unit), **c} for d, c in out.items()]}
