"""Holidays as days of a year: computed (Easter), fixed, the n-th weekday of a month, or from the
calendar of a country in the `holidays` package.

That package takes a tenth of a second to import and set up a country, which is more than tagging a
hundred articles costs; so a country's holidays over CALENDAR_YEARS are taken from it once and kept
between runs (lexicons.cached, rebuilt when the package changes). Other years still ask it.
"""
from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta, weekday

from .. import lexicons

CALENDAR_YEARS = range(1900, 2101)
_NAME_DELIMITER = "; "  # how `holidays` joins the names of one day (holidays.constants)


def holiday_date(spec: dict[str, Any], year: int) -> date | None:
    """A holiday's day in a year, from a computed calendar (Easter, a country's) or fixed data."""
    if "easter" in spec:
        method = EASTER_ORTHODOX if spec.get("method") == "orthodox" else EASTER_WESTERN
        return easter(year, method) + timedelta(days=int(spec["easter"]))
    if "fixed" in spec:
        month, day = spec["fixed"].split("-")
        return date(year, int(month), int(day))
    if "country" in spec:
        return country_holiday(spec["country"], spec["name"], year)
    if "weekday_of_month" in spec:
        month, wd, n = spec["weekday_of_month"]
        return date(year, month, 1) + relativedelta(weekday=weekday(wd - 1, n))
    return None


def country_holiday(country: str, name: str, year: int) -> date | None:
    """The first day of a year that a country's calendar in `holidays` gives exactly this name."""
    if year in CALENDAR_YEARS:
        return _calendar(country).get(name, {}).get(year)
    import holidays  # large: loaded only for a year outside the kept calendar

    found = holidays.country_holidays(country, years=year).get_named(name, lookup="exact")
    return found[0] if found else None


@cache
def _calendar(country: str) -> dict[str, dict[int, date]]:
    """A country's holidays by name and year over CALENDAR_YEARS."""
    package = importlib.util.find_spec("holidays")
    files = [Path(__file__), *([Path(package.origin)] if package and package.origin else [])]
    return lexicons.cached(f"holidays-{country}", lexicons.files_digest(files, country),
                           lambda: _build_calendar(country))


def _build_calendar(country: str) -> dict[str, dict[int, date]]:
    import holidays

    table: dict[str, dict[int, date]] = {}
    for day, names in holidays.country_holidays(country, years=CALENDAR_YEARS).items():
        for name in names.split(_NAME_DELIMITER):
            table.setdefault(name, {}).setdefault(day.year, day)
    return table
